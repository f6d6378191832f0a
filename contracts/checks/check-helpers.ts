/**
 * Helpers the checks share: describing an answer in a finding, judging an error answer, and the
 * unknown job id the error and auth checks both use.
 */
import type { CheckContext, Exchange } from '../contract-types.js';
import { showValue } from '../../src/spec/job-facts.js';
import { envelopeViolations } from '../../src/spec/spec-validator.js';

/** What came back, in one line: `400 application/json {"errorCode":...}` (body cut at 300 chars). */
export function describeAnswer(exchange: Exchange): string {
  if (!exchange.response) return `no answer (${exchange.error ?? 'unknown error'})`;
  const { status, contentType, text } = exchange.response;
  const body = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return `${status} ${contentType ?? '(no content-type)'} ${body}`.trim();
}

/** The parsed JSON body as an object, or undefined. */
export function bodyObject(exchange: Exchange): Record<string, unknown> | undefined {
  const json = exchange.response?.json;
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}

/** What an error answer must be: a status (or any 4xx) and optionally one errorCode. */
export interface ErrorExpectation {
  /** Exact status; omitted: any 4xx. */
  status?: number | undefined;
  errorCode?: string | undefined;
}

/** Fails the check unless the exchange is that error, with a valid GES envelope. */
export function expectGesError(ctx: CheckContext, exchange: Exchange, expectation: ErrorExpectation, what: string): void {
  const wanted = `${expectation.status ?? '4xx'} GES error envelope${expectation.errorCode ? ` with errorCode ${expectation.errorCode}` : ''}`;
  const status = exchange.response?.status;
  const statusOk =
    status !== undefined && (expectation.status !== undefined ? status === expectation.status : status >= 400 && status < 500);
  if (!statusOk) {
    ctx.fail({ message: `${what} answered ${status ?? 'nothing'}`, expected: wanted, actual: describeAnswer(exchange), exchange });
    return;
  }
  const body = exchange.response?.json;
  const violations = envelopeViolations(body);
  if (violations.length > 0) {
    ctx.fail({
      message: `${what}: the body is not a GES error envelope (${violations.map((v) => `${v.path} ${v.message}`).join('; ')})`,
      expected: wanted,
      actual: describeAnswer(exchange),
      exchange,
    });
    return;
  }
  const code = (body as { errorCode?: unknown }).errorCode;
  if (expectation.errorCode && code !== expectation.errorCode) {
    ctx.fail({ message: `${what} answered errorCode ${showValue(code)}`, expected: wanted, actual: describeAnswer(exchange), exchange });
  }
}

/**
 * A job id the graph does not hold, shaped like the graph's own ids (a UUID and the nine digits of
 * the graph's ids when the list shows them), so only its existence differs.
 */
export async function unknownJobId(ctx: CheckContext): Promise<string> {
  const cached = ctx.shared.get('unknownJobId');
  if (typeof cached === 'string') return cached;
  const base = await ctx.defaultList();
  const jobs = (bodyObject(base)?.jobs as Array<{ jobId?: unknown }> | undefined) ?? [];
  const ids = new Set(jobs.map((job) => job?.jobId));
  const sample = jobs.find((job) => typeof job?.jobId === 'string')?.jobId as string | undefined;
  const suffix = sample && /\d{9}$/.test(sample) ? sample.slice(-9) : '000000000';
  let candidate = `ffffffff-0000-4000-8000-000000000000${suffix}`;
  for (let n = 1; ids.has(candidate); n++) candidate = `ffffffff-0000-4000-8000-${String(n).padStart(12, '0')}${suffix}`;
  ctx.shared.set('unknownJobId', candidate);
  return candidate;
}

/** Whether a status is 401/403, whose bodies the reference calls unknown (a gateway may send them). */
export function isAuthStatus(status: number | undefined): boolean {
  return status === 401 || status === 403;
}
