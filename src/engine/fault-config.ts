/**
 * The faults configuration, in WireMock's vocabulary: fixed or uniform delays, a random error rate,
 * the next N requests failing, connection faults the adapter acts out and canned answers (stubs);
 * and the one parser every way in (command line, control route, engine option) goes through.
 */
import { specOperations } from '../spec/spec-examples.js';

/** A connection-level fault: reset the connection, or close it without a response. */
type ConnectionFaultKind = 'CONNECTION_RESET_BY_PEER' | 'EMPTY_RESPONSE';

/**
 * A canned answer, in WireMock's spirit: requests that match get this status and body instead of the
 * engine's answer (`times` times, then they go on as usual), or, without status and body, only wait
 * `delayMs` first (latency for one route).
 */
export interface StubConfig {
  /** What a request must be: every field given must match. */
  match: {
    /** The operation (`listJobs`, `getJobStatus`, `cancelJob`, `executeAlgorithm`, ...). */
    operationId?: string | undefined;
    method?: string | undefined;
    /** The path exactly as sent, without the query. */
    path?: string | undefined;
    graph?: string | undefined;
  };
  /** The status to answer (with `body`); absent: the request is answered as usual, after `delayMs`. */
  status?: number | undefined;
  /** The body to answer, as JSON (a string is sent as a JSON string). */
  body?: unknown;
  /** Headers to answer with (content-type is application/json unless given). */
  headers?: Record<string, string> | undefined;
  /** Wait this long first. */
  delayMs?: number | undefined;
  /** Answer this many matching requests, then none; absent: every one. */
  times?: number | undefined;
}

/** The fault configuration, as PUT /__mock/faults takes it and GET shows it (counts as they are now). */
export interface FaultConfig {
  /** Delay before every answer: fixed, or uniform in [minMs, maxMs]. */
  latency?: { fixedMs: number } | { minMs: number; maxMs: number } | undefined;
  /** Each request fails with this probability (500 or 503, GES.8602). */
  errorRate?: { rate: number; status: 500 | 503 } | undefined;
  /** The next `count` requests fail with `status` (any documented error status). */
  nextFailures?: { count: number; status: number; errorCode?: string | undefined } | undefined;
  /** Requests get no HTTP answer: the next `next` ones, then each with probability `rate`. */
  connectionFault?: { kind: ConnectionFaultKind; rate?: number | undefined; next?: number | undefined } | undefined;
  /** Canned answers and per-route delays, the first that matches a request applying (before any other fault). */
  stubs?: StubConfig[] | undefined;
}

/** A request, as the faults see it. */
export interface FaultRequest {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  readonly graph: string | undefined;
}

/** What to do with one request. */
export interface FaultDecision {
  delayMs: number;
  /** Answer with this injected failure instead of asking the engine. */
  failure?: { status: number; errorCode?: string | undefined; source: 'nextFailures' | 'errorRate' } | undefined;
  /** Answer with no response at all. */
  connection?: ConnectionFaultKind | undefined;
  /** Answer with this canned answer (a stub's). */
  canned?: { status: number; body: string; headers: Record<string, string> } | undefined;
}

/** Longest delay accepted: a mock that answers after a minute is already a timeout test. */
export const MAX_LATENCY_MS = 60_000;

/** Every error status some operation documents (400, 401, 403, 404, 500, 503). */
export const DOCUMENTED_ERROR_STATUSES: readonly number[] = [
  ...new Set(
    specOperations
      .flatMap((operation) => operation.statuses)
      .map(Number)
      .filter((status) => status >= 400),
  ),
].sort((a, b) => a - b);

const CONNECTION_FAULTS: readonly string[] = ['CONNECTION_RESET_BY_PEER', 'EMPTY_RESPONSE'];

/** The most stubs one configuration holds, and the largest body one answers (its JSON, in characters). */
const MAX_STUBS = 100;
const MAX_STUB_BODY = 1024 * 1024;
const OPERATION_IDS: readonly string[] = specOperations.map((operation) => operation.operationId);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInt = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const isRate = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;

function onlyKeys(value: Json, allowed: readonly string[], where: string): string | undefined {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  return extra.length ? `${where} has unknown field(s) ${extra.join(', ')}; allowed: ${allowed.join(', ')}.` : undefined;
}

/**
 * Checks a fault configuration from outside (JSON body or code) and returns a fresh copy, or the
 * reason it is not valid. Copies are built field by field: user objects are never merged.
 */
export function parseFaultConfig(value: unknown): { ok: true; config: FaultConfig } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (!isObject(value)) return fail('the fault configuration must be a JSON object.');
  const unknown = onlyKeys(value, ['latency', 'errorRate', 'nextFailures', 'connectionFault', 'stubs'], 'the fault configuration');
  if (unknown) return fail(unknown);
  const config: FaultConfig = {};

  if (value.latency !== undefined) {
    const latency = value.latency;
    if (isObject(latency) && 'fixedMs' in latency) {
      const extra = onlyKeys(latency, ['fixedMs'], 'latency');
      if (extra) return fail(extra);
      if (!isInt(latency.fixedMs, 0, MAX_LATENCY_MS)) return fail(`latency.fixedMs must be an integer from 0 to ${MAX_LATENCY_MS}.`);
      config.latency = { fixedMs: latency.fixedMs };
    } else if (isObject(latency) && 'minMs' in latency) {
      const extra = onlyKeys(latency, ['minMs', 'maxMs'], 'latency');
      if (extra) return fail(extra);
      const { minMs, maxMs } = latency;
      if (!isInt(minMs, 0, MAX_LATENCY_MS) || !isInt(maxMs, 0, MAX_LATENCY_MS) || minMs > maxMs) {
        return fail(`latency.minMs and latency.maxMs must be integers with 0 <= minMs <= maxMs <= ${MAX_LATENCY_MS}.`);
      }
      config.latency = { minMs, maxMs };
    } else return fail('latency must be {"fixedMs": n} or {"minMs": a, "maxMs": b}.');
  }

  if (value.errorRate !== undefined) {
    const errorRate = value.errorRate;
    if (!isObject(errorRate)) return fail('errorRate must be {"rate": 0..1, "status": 500|503}.');
    const extra = onlyKeys(errorRate, ['rate', 'status'], 'errorRate');
    if (extra) return fail(extra);
    if (!isRate(errorRate.rate)) return fail('errorRate.rate must be a number from 0 to 1.');
    const status = errorRate.status ?? 500;
    if (status !== 500 && status !== 503) return fail('errorRate.status must be 500 or 503.');
    config.errorRate = { rate: errorRate.rate, status };
  }

  if (value.nextFailures !== undefined) {
    const next = value.nextFailures;
    if (!isObject(next)) return fail('nextFailures must be {"count": n, "status": s, "errorCode"?: "GES.xxxx"}.');
    const extra = onlyKeys(next, ['count', 'status', 'errorCode'], 'nextFailures');
    if (extra) return fail(extra);
    if (!isInt(next.count, 0, 1_000_000)) return fail('nextFailures.count must be an integer from 0 to 1000000.');
    if (!DOCUMENTED_ERROR_STATUSES.includes(next.status as number)) {
      return fail(`nextFailures.status must be a documented error status: ${DOCUMENTED_ERROR_STATUSES.join(', ')}.`);
    }
    if (next.errorCode !== undefined && (typeof next.errorCode !== 'string' || !/^GES\.\d{4}$/.test(next.errorCode))) {
      return fail('nextFailures.errorCode must look like GES.8000.');
    }
    if (next.count > 0) {
      config.nextFailures = { count: next.count, status: next.status as number };
      if (next.errorCode !== undefined) config.nextFailures.errorCode = next.errorCode as string;
    }
  }

  if (value.connectionFault !== undefined) {
    const connection = value.connectionFault;
    if (!isObject(connection))
      return fail('connectionFault must be {"kind": "CONNECTION_RESET_BY_PEER"|"EMPTY_RESPONSE", "rate"?: 0..1, "next"?: n}.');
    const extra = onlyKeys(connection, ['kind', 'rate', 'next'], 'connectionFault');
    if (extra) return fail(extra);
    if (!CONNECTION_FAULTS.includes(connection.kind as string)) {
      return fail(`connectionFault.kind must be one of ${CONNECTION_FAULTS.join(', ')}.`);
    }
    if (connection.rate !== undefined && !isRate(connection.rate)) return fail('connectionFault.rate must be a number from 0 to 1.');
    if (connection.next !== undefined && !isInt(connection.next, 0, 1_000_000)) {
      return fail('connectionFault.next must be an integer from 0 to 1000000.');
    }
    const fault: NonNullable<FaultConfig['connectionFault']> = { kind: connection.kind as ConnectionFaultKind };
    // Neither given: every request faults (rate 1), the least surprising reading of "a fault".
    if (connection.rate === undefined && connection.next === undefined) fault.rate = 1;
    if (connection.rate !== undefined) fault.rate = connection.rate;
    if (connection.next !== undefined) fault.next = connection.next;
    config.connectionFault = fault;
  }

  if (value.stubs !== undefined) {
    if (!Array.isArray(value.stubs) || value.stubs.length > MAX_STUBS) return fail(`stubs must be a list of at most ${MAX_STUBS} stubs.`);
    const stubs: StubConfig[] = [];
    for (const [i, raw] of value.stubs.entries()) {
      const stub = parseStub(raw, `stubs[${i}]`);
      if (typeof stub === 'string') return fail(stub);
      stubs.push(stub);
    }
    if (stubs.length > 0) config.stubs = stubs;
  }
  return { ok: true, config };
}

/** One stub checked, or why it is not one. */
function parseStub(raw: unknown, where: string): StubConfig | string {
  if (!isObject(raw)) return `${where} must be {"match": {...}, "status"?, "body"?, "headers"?, "delayMs"?, "times"?}.`;
  const extra = onlyKeys(raw, ['match', 'status', 'body', 'headers', 'delayMs', 'times'], where);
  if (extra) return extra;
  const match = raw.match ?? {};
  if (!isObject(match)) return `${where}.match must be an object of operationId, method, path, graph.`;
  const extraMatch = onlyKeys(match, ['operationId', 'method', 'path', 'graph'], `${where}.match`);
  if (extraMatch) return extraMatch;
  for (const key of ['operationId', 'method', 'path', 'graph'] as const)
    if (match[key] !== undefined && (typeof match[key] !== 'string' || match[key] === ''))
      return `${where}.match.${key} must be a non-empty string.`;
  if (match.operationId !== undefined && !OPERATION_IDS.includes(match.operationId as string))
    return `${where}.match.operationId must be one of ${OPERATION_IDS.join(', ')}.`;
  if (match.path !== undefined && !String(match.path).startsWith('/')) return `${where}.match.path must start with /.`;
  const stub: StubConfig = { match: {} };
  for (const key of ['operationId', 'method', 'path', 'graph'] as const)
    if (match[key] !== undefined) stub.match[key] = match[key] as string;
  if (stub.match.method !== undefined) stub.match.method = stub.match.method.toUpperCase();
  if (raw.status !== undefined) {
    if (!isInt(raw.status, 200, 599)) return `${where}.status must be an HTTP status from 200 to 599.`;
    stub.status = raw.status;
  }
  if (raw.body !== undefined) {
    if (raw.status === undefined) return `${where} has a body but no status: give the status to answer with.`;
    const text = JSON.stringify(raw.body);
    if (text.length > MAX_STUB_BODY) return `${where}.body is larger than ${MAX_STUB_BODY} characters of JSON.`;
    stub.body = JSON.parse(text) as unknown;
  }
  if (raw.headers !== undefined) {
    if (!isObject(raw.headers) || !Object.values(raw.headers).every((v) => typeof v === 'string'))
      return `${where}.headers must be an object of header names to strings.`;
    stub.headers = Object.fromEntries(Object.entries(raw.headers as Record<string, string>).map(([name, v]) => [name.toLowerCase(), v]));
  }
  if (raw.delayMs !== undefined) {
    if (!isInt(raw.delayMs, 0, MAX_LATENCY_MS)) return `${where}.delayMs must be an integer from 0 to ${MAX_LATENCY_MS}.`;
    stub.delayMs = raw.delayMs;
  }
  if (stub.status === undefined && stub.delayMs === undefined) return `${where} answers nothing: give a status (and body), or a delayMs.`;
  if (raw.times !== undefined) {
    if (!isInt(raw.times, 1, 1_000_000)) return `${where}.times must be an integer from 1 to 1000000.`;
    stub.times = raw.times;
  }
  return stub;
}
