/**
 * Helpers the checks share: describing an answer in a finding, judging an error answer, reading a
 * status answer, and the unknown job id the error and auth checks both use.
 */
import type { CheckContext, Exchange, SeenJob } from '../contract-types.js';
import { readList } from '../contract-session.js';
import type { RuleId } from '../rule-inventory.js';
import { showValue } from '../../src/spec/job-facts.js';
import { envelopeViolations } from '../../src/spec/spec-validator.js';

/** What came back, in one line: `400 application/json {"errorCode":...}` (body cut at 300 chars). */
export function describeAnswer(exchange: Exchange): string {
  if (!exchange.response) return `no answer (${exchange.error ?? 'unknown error'})`;
  const { status, contentType, text } = exchange.response;
  const body = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return `${status} ${contentType ?? '(no content-type)'} ${body}`.trim();
}

/**
 * A JSON text's value with object keys sorted (less the top-level keys given), so two texts of the same
 * JSON compare equal; undefined when the text is no JSON.
 */
export function canonicalJson(text: unknown, without: readonly string[] = []): string | undefined {
  if (typeof text !== 'string') return undefined;
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, sort((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  try {
    const parsed = JSON.parse(text) as unknown;
    const kept =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? Object.fromEntries(Object.entries(parsed).filter(([key]) => !without.includes(key)))
        : parsed;
    return JSON.stringify(sort(kept));
  } catch {
    return undefined;
  }
}

/** The parsed JSON body as an object, or undefined. */
export function bodyObject(exchange: Exchange): Record<string, unknown> | undefined {
  const json = exchange.response?.json;
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}

/** What an error answer must be: a status (or any 4xx) and optionally one errorCode, and the rules that say so. */
export interface ErrorExpectation {
  /** The rule that the request is refused at all (with a 4xx). */
  rule: RuleId;
  /** Exact status; omitted: any 4xx. */
  status?: number | undefined;
  errorCode?: string | undefined;
  /** The rule of the exact status, code and envelope, when another than `rule` states them (a decision). */
  codeRule?: RuleId | undefined;
}

const isClientStatus = (status: number | undefined): status is number => status !== undefined && status >= 400 && status < 500;

/**
 * Judges one answer that should be an error: not refused at all breaks `rule`; another 4xx status, a
 * body that is no GES envelope or another code break `codeRule` (or `rule` when it states them too).
 */
export function expectGesError(ctx: CheckContext, exchange: Exchange, expectation: ErrorExpectation, what: string): void {
  const wanted = `${expectation.status ?? '4xx'} GES error envelope${expectation.errorCode ? ` with errorCode ${expectation.errorCode}` : ''}`;
  const status = exchange.response?.status;
  const codeRule = expectation.codeRule ?? expectation.rule;
  ctx.judged();
  if (!isClientStatus(status)) {
    ctx.fail({
      rule: expectation.rule,
      message: `${what} answered ${status ?? 'nothing'}`,
      expected: wanted,
      actual: describeAnswer(exchange),
      exchange,
    });
    return;
  }
  if (expectation.status !== undefined && status !== expectation.status) {
    ctx.fail({ rule: codeRule, message: `${what} answered ${status}`, expected: wanted, actual: describeAnswer(exchange), exchange });
    return;
  }
  const body = exchange.response?.json;
  const violations = envelopeViolations(body);
  if (violations.length > 0) {
    ctx.fail({
      rule: codeRule,
      message: `${what}: the body is not a GES error envelope (${violations.map((v) => `${v.path} ${v.message}`).join('; ')})`,
      expected: wanted,
      actual: describeAnswer(exchange),
      exchange,
    });
    return;
  }
  const code = (body as { errorCode?: unknown }).errorCode;
  if (expectation.errorCode && code !== expectation.errorCode) {
    ctx.fail({
      rule: codeRule,
      message: `${what} answered errorCode ${showValue(code)}`,
      expected: wanted,
      actual: describeAnswer(exchange),
      exchange,
    });
  }
}

/** A 200 page past the end: jobs there are jobs of another place of the list (MUST); a 4xx is a refusal the spec does not make (SHOULD). */
export function expectNothingPastTheEnd(ctx: CheckContext, exchange: Exchange, what: string): void {
  const status = exchange.response?.status;
  if (status === 200) {
    const page = ctx.requireList(exchange, what, 'list.past-the-end');
    ctx.judged();
    if (page.jobs.length > 0) {
      ctx.fail({
        rule: 'list.past-the-end',
        message: `${what} answered ${page.jobs.length} jobs`,
        expected: 'jobs: [] (no job lies there)',
        actual: `${page.jobs.length} jobs, first ${showValue(page.jobs[0]?.jobId)}`,
        exchange,
      });
    }
    return;
  }
  expectGesError(ctx, exchange, { rule: 'list.past-the-end', codeRule: 'list.paging-range' }, what);
  if (status !== undefined && status >= 400 && status < 500) {
    ctx.fail({
      rule: 'list.paging-range',
      message: `${what} was refused with ${status}`,
      expected: '200 with jobs: [] (an offset past the end is valid)',
      actual: describeAnswer(exchange),
      exchange,
    });
  }
}

/** What a status-endpoint answer says about a job. */
export type StatusAnswer =
  /** 200 with the job's status (and maybe data). */
  | { kind: 'state'; status: unknown; body: Record<string, unknown> }
  /** 400 GES.8301 carrying a failure of the job (the form the algorithm page shows for a failed job). */
  | { kind: 'failure'; message: unknown }
  /** 400 GES.8301 saying the engine does not hold the job. */
  | { kind: 'unknown' }
  /** Anything else: another status or code, no answer. */
  | { kind: 'other' };

/** Reads a status-endpoint answer. */
export function readStatusAnswer(exchange: Exchange): StatusAnswer {
  const body = bodyObject(exchange);
  const status = exchange.response?.status;
  if (status === 200 && body) return { kind: 'state', status: body.status, body };
  if (status === 400 && body?.errorCode === 'GES.8301') {
    return /can ?not find job/i.test(String(body.errorMessage)) ? { kind: 'unknown' } : { kind: 'failure', message: body.errorMessage };
  }
  return { kind: 'other' };
}

/**
 * A job id the graph does not hold, shaped like the graph's own ids (a UUID and the nine digits of
 * the graph's ids when the list shows them), so only its existence differs.
 */
export async function unknownJobId(ctx: CheckContext): Promise<string> {
  const cached = ctx.shared.get('unknownJobId');
  if (typeof cached === 'string') return cached;
  const base = ctx.selects('listJobs') ? await ctx.defaultList() : undefined;
  const jobs = ((base && bodyObject(base)?.jobs) as Array<{ jobId?: unknown }> | undefined) ?? [];
  const ids = new Set(jobs.map((job) => job?.jobId));
  const sample = jobs.find((job) => typeof job?.jobId === 'string')?.jobId as string | undefined;
  const suffix = sample && /\d{9}$/.test(sample) ? sample.slice(-9) : '000000000';
  let candidate = `ffffffff-0000-4000-8000-000000000000${suffix}`;
  for (let n = 1; ids.has(candidate); n++) candidate = `ffffffff-0000-4000-8000-${String(n).padStart(12, '0')}${suffix}`;
  ctx.shared.set('unknownJobId', candidate);
  return candidate;
}

/**
 * The default list's jobs, or the check ends as not exercised: a check judges what it probes, and a
 * default list that is no list is judged by not_a_server_error and response_schema_conformance.
 */
export async function defaultJobs(ctx: CheckContext): Promise<{ jobs: SeenJob[]; jobCount: unknown; exchange: Exchange }> {
  const exchange = await ctx.defaultList();
  const read = readList(exchange);
  if (typeof read === 'string') {
    return ctx.skip(`not exercised: the default list ${read} (not_a_server_error and response_schema_conformance judge it)`);
  }
  return { ...read, exchange };
}

/** Whether a status is 401/403, whose bodies the reference calls unknown (a gateway may send them). */
export function isAuthStatus(status: number | undefined): boolean {
  return status === 401 || status === 403;
}
