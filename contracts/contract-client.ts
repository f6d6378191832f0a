/**
 * The kit's HTTP client: builds each request from the spec's path templates, sends it with a
 * timeout, and records every exchange for the report and the audit checks. GET answers are cached
 * per run so that checks sharing a request (the default list, the page walk) cost one round trip.
 */
import { getSpecOperation } from '../src/spec/spec-examples.js';
import type { Exchange, ExchangeResponse, ResolvedContractOptions, SendOptions } from './contract-types.js';

/** Sends requests for one run and keeps what came back. */
export interface ContractClient {
  send(options: SendOptions): Promise<Exchange>;
  /** Every exchange, in sending order. */
  readonly exchanges: readonly Exchange[];
}

/** Media type without parameters, lower case. */
function mediaType(header: string | null): string | undefined {
  if (header === null) return undefined;
  const type = header.split(';')[0]?.trim().toLowerCase();
  return type === '' ? undefined : type;
}

/** Why fetch failed, in a few words (a timeout, ECONNREFUSED, ...), and the error's code. */
function describeFetchError(error: unknown, timeoutMs: number): { text: string; code?: string | undefined } {
  const err = error as {
    name?: string | undefined;
    message?: string | undefined;
    cause?: { code?: string | undefined; message?: string | undefined } | undefined;
  };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return { text: `no answer within ${timeoutMs} ms`, code: 'TIMEOUT' };
  const code = err?.cause?.code;
  const cause = code ?? err?.cause?.message;
  const text = cause
    ? `${err.message ?? 'fetch failed'} (${cause}${code && err?.cause?.message ? `: ${err.cause.message}` : ''})`
    : (err?.message ?? String(error));
  return { text, ...(code ? { code } : {}) };
}

/** The URL of one operation on the target, path parameters encoded, query as given. */
function buildUrl(options: ResolvedContractOptions, send: SendOptions): string {
  const { path } = getSpecOperation(send.operationId);
  const filled = path
    .replace('{project_id}', encodeURIComponent(options.projectId))
    .replace('{graph_name}', encodeURIComponent(send.graph ?? options.graph))
    .replace('{job_id}', encodeURIComponent(send.jobId ?? ''))
    .replace('{indexName}', encodeURIComponent(send.indexName ?? ''));
  const query = Object.entries(send.query ?? {})
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return options.baseUrl + filled + (query ? `?${query}` : '');
}

/** A client bound to one run's options. */
export function createContractClient(options: ResolvedContractOptions): ContractClient {
  const exchanges: Exchange[] = [];
  const cache = new Map<string, Promise<Exchange>>();

  async function perform(send: SendOptions): Promise<Exchange> {
    const { method } = getSpecOperation(send.operationId);
    const url = buildUrl(options, send);
    const sentToken = send.auth === 'forbidden' ? options.forbiddenToken : send.auth === false ? undefined : options.token;
    const authenticated = sentToken !== undefined;
    const headers: Record<string, string> = {};
    if (sentToken !== undefined) headers['X-Auth-Token'] = sentToken;
    if (send.body !== undefined) headers['Content-Type'] = 'application/json';
    const exchange: Exchange = {
      seq: exchanges.length + 1,
      operationId: send.operationId,
      authenticated,
      tokenKind: send.auth === 'forbidden' ? 'forbidden' : authenticated ? 'token' : undefined,
      request: { method, url, headers, body: send.body },
      durationMs: 0,
    };
    exchanges.push(exchange);
    const started = performance.now();
    try {
      const doFetch = options.fetch ?? globalThis.fetch;
      const response = await doFetch(url, {
        method,
        headers,
        body: send.body ?? null,
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'manual',
      });
      const text = await response.text();
      const recorded: ExchangeResponse = {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        contentType: mediaType(response.headers.get('content-type')),
        text,
      };
      if (text !== '') {
        try {
          recorded.json = JSON.parse(text);
        } catch (error) {
          recorded.jsonError = (error as Error).message;
        }
      }
      exchange.response = recorded;
    } catch (error) {
      const described = describeFetchError(error, options.timeoutMs);
      exchange.error = described.text;
      if (described.code) exchange.errorCode = described.code;
    }
    exchange.durationMs = performance.now() - started;
    return exchange;
  }

  return {
    exchanges,
    send(send) {
      const method = getSpecOperation(send.operationId).method;
      if (method !== 'GET' || send.fresh) return perform(send);
      const key = `${buildUrl(options, send)} ${send.auth === false ? 'anonymous' : send.auth === 'forbidden' ? 'forbidden' : 'token'}`;
      let pending = cache.get(key);
      if (!pending) {
        pending = perform(send);
        cache.set(key, pending);
      }
      return pending;
    },
  };
}
