/**
 * One read-only GET against a GES engine, as a recording needs it: a timeout per attempt, and a
 * bounded number of retries with exponential backoff for answers that say "later" (429, 502, 503,
 * 504) and for transient network failures (timeout, reset). A refused connection or an unknown host
 * is not retried: the engine is not there, and saying so at once beats waiting a minute.
 */

/** Where the answer came from and what it said; `text` is the raw body. */
export type FetchOutcome =
  | { ok: true; status: number; text: string; attempts: number }
  | { ok: false; kind: 'unreachable' | 'timeout' | 'busy'; message: string; attempts: number };

/** How fetchWithRetry waits and how often it tries. */
export interface RetryPolicy {
  /** Attempts after the first. Default 5. */
  retries: number;
  /** First backoff; doubles each retry. Default 500 ms. */
  baseDelayMs: number;
  /** Longest single wait, also the cap on a Retry-After the server asks for. Default 8000 ms. */
  maxDelayMs: number;
  /** Per-attempt timeout. Default 10000 ms. */
  timeoutMs: number;
  /** How to wait; tests pass one that does not. */
  sleep: (ms: number) => Promise<void>;
  /** Told about every retry (e.g. for a log line). */
  onRetry?: ((reason: string, delayMs: number) => void) | undefined;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Network error codes that mean "nothing listens there": retrying would only delay the message. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
]);

/** The cause code undici puts under `TypeError: fetch failed`. */
function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] | undefined } | undefined } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  const nested = cause?.errors?.find((inner) => typeof inner?.code === 'string')?.code;
  return typeof nested === 'string' ? nested : undefined;
}

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * GETs `url` with `headers`, retrying as the policy says. Never throws: every failure is a value
 * whose message names the URL's origin and path but never a header (the token stays secret).
 */
export async function fetchWithRetry(
  fetchImpl: typeof fetch,
  url: string,
  headers: Record<string, string>,
  policy: RetryPolicy,
): Promise<FetchOutcome> {
  const where = url.replace(/\?.*$/, '');
  let lastProblem = '';
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    let delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    try {
      const response = await fetchImpl(url, { method: 'GET', headers, redirect: 'error', signal: AbortSignal.timeout(policy.timeoutMs) });
      const text = await response.text();
      if (!RETRY_STATUSES.has(response.status)) return { ok: true, status: response.status, text, attempts: attempt + 1 };
      lastProblem = `${where} answered ${response.status}`;
      const asked = retryAfterMs(response.headers.get('retry-after'), Date.now());
      if (asked !== undefined) delayMs = Math.min(policy.maxDelayMs, asked);
      if (attempt === policy.retries) {
        return { ok: false, kind: 'busy', message: `${lastProblem} ${attempt + 1} times; giving up`, attempts: attempt + 1 };
      }
    } catch (error) {
      const name = (error as { name?: unknown } | undefined)?.name;
      const code = errorCode(error);
      if (name === 'TimeoutError' || name === 'AbortError') {
        lastProblem = `${where} did not answer within ${policy.timeoutMs} ms`;
        if (attempt === policy.retries)
          return { ok: false, kind: 'timeout', message: `${lastProblem} (${attempt + 1} attempts)`, attempts: attempt + 1 };
      } else if (code === undefined || UNREACHABLE_CODES.has(code)) {
        const cause = (error as { cause?: { message?: unknown } | undefined } | undefined)?.cause?.message;
        const reason = code ?? (typeof cause === 'string' ? cause : ((error as Error)?.message ?? String(error)));
        return { ok: false, kind: 'unreachable', message: `cannot reach ${where} (${reason})`, attempts: attempt + 1 };
      } else {
        lastProblem = `${where}: connection failed (${code})`;
        if (attempt === policy.retries)
          return { ok: false, kind: 'unreachable', message: `${lastProblem} (${attempt + 1} attempts)`, attempts: attempt + 1 };
      }
    }
    policy.onRetry?.(lastProblem, delayMs);
    await policy.sleep(delayMs);
  }
  // The loop returns on its last attempt; this satisfies the compiler.
  return { ok: false, kind: 'busy', message: lastProblem, attempts: policy.retries + 1 };
}
