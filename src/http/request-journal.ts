/**
 * The request journal: every request the API answers (GES operations and control routes), kept in a
 * ring buffer of fixed size, in WireMock's spirit (`/__admin/requests`, verify by count). Recording
 * is cheap on purpose (references and numbers put into rows, nothing parsed or copied but a capped
 * body): the entry a reader sees is built only when the journal is read.
 */
import type { ApiRequest, ApiResponse } from './http-types.js';

/** Requests kept by default; the oldest goes first once the journal is full. */
export const DEFAULT_JOURNAL_CAPACITY = 1000;

/** Most characters of a request body kept in an entry; the rest is cut and `requestBodyTruncated` set. */
export const JOURNAL_BODY_CAP = 16 * 1024;

/** Most characters of a response body kept (for HAR export); a longer one is left out, its size kept. */
const RESPONSE_BODY_CAP = 256 * 1024;

/** Header values the journal never shows: credentials. */
const MASKED_HEADERS = new Set(['x-auth-token', 'authorization', 'cookie', 'x-mock-control-token', 'proxy-authorization']);

/** What the journal shows instead of a credential. */
const MASK = '***';

/** A fault injected into a request, as the journal names it. */
export interface JournalFault {
  /** `latency`, `nextFailures`, `errorRate`, `CONNECTION_RESET_BY_PEER` or `EMPTY_RESPONSE`. */
  kind: string;
  /** The injected delay, when there was one. */
  delayMs?: number | undefined;
}

/** One answered request, as `GET /__mock/requests` and `api.requests()` show it. */
export interface JournalEntry {
  /** Increases by one per recorded request, never reused (a reader can tell what it missed). */
  seq: number;
  method: string;
  /** The path, as sent (percent-encoded). */
  path: string;
  /** Query parameters, as sent (a repeated one is a list). */
  query: Record<string, string | string[]>;
  /** The project (world) of a GES request or of a per-world control route. */
  project?: string | undefined;
  graph?: string | undefined;
  /** The GES operation, or `control` for a /__mock/ route. */
  operationId?: string | undefined;
  /** 0 when a connection fault gave no HTTP answer. */
  status: number;
  /** The GES errorCode of an error answer. */
  errorCode?: string | undefined;
  requestHeaders: Record<string, string>;
  requestBody?: string | undefined;
  /** Set when the request body was longer than JOURNAL_BODY_CAP and was cut. */
  requestBodyTruncated?: boolean | undefined;
  /** Real time the request arrived, ISO-8601. */
  startedAt: string;
  /** The virtual time (the world's clock) the request was answered at, ISO-8601. */
  virtualTime: string;
  /** Milliseconds from arrival to answer, injected latency included. */
  durationMs: number;
  fault?: JournalFault | undefined;
}

/** What to pick from the journal; every field given must match. */
export interface JournalFilter {
  method?: string | undefined;
  operationId?: string | undefined;
  status?: number | undefined;
  graph?: string | undefined;
  project?: string | undefined;
  /** Only requests that arrived at or after this instant (ISO-8601 or epoch ms). */
  since?: string | number | undefined;
}

/**
 * What the API records of one exchange besides its response: the note the API fills while it answers
 * (one object per request, handed over as it is). Turned into a JournalEntry on reading.
 */
export interface ExchangeRecord {
  request: ApiRequest;
  /**
   * The request's URL, the same text as `request.url`: a copy shared between the requests that repeat
   * it, so an entry does not keep each request's own.
   */
  url?: string | undefined;
  project: string | undefined;
  graph: string | undefined;
  operationId: string | undefined;
  startedMs: number;
  virtualMs: number;
  durationMs: number;
  fault: JournalFault | undefined;
}

/** An entry with the response it got, for HAR export. */
export interface JournalExchange {
  entry: JournalEntry;
  /** Its body is absent when it was longer than the journal keeps. */
  response: ApiResponse;
  responseLength: number;
  host: string | undefined;
}

/** A record as the ring holds it (in rows) and gives it back: the request body already capped. */
interface Stored extends ExchangeRecord {
  response: ApiResponse;
  seq: number;
  body: string | undefined;
  truncated: boolean;
  /** The response body's length, also when the body itself was too long to keep. */
  responseLength: number;
  /** What it shares with the entries around it. */
  shared: Shared;
}

/** The journal of one API. */
export interface RequestJournal {
  /** Records one answered request and its response (no-op when the capacity is 0). Keeps nothing of `record` itself. */
  record(record: ExchangeRecord, response: ApiResponse): void;
  /** The matching entries, oldest first. */
  list(filter?: JournalFilter): JournalEntry[];
  /** The matching entries with their responses, for HAR export. */
  listExchanges(filter?: JournalFilter): JournalExchange[];
  /** Drops the matching entries (all of them without a filter). */
  clear(filter?: JournalFilter): void;
  /** How many requests it keeps at most. */
  readonly capacity: number;
}

/** Reads `since` as epoch ms; NaN when it is no instant. */
export function parseSince(since: string | number): number {
  if (typeof since === 'number') return since;
  if (/^\d+$/.test(since)) return Number(since);
  return Date.parse(since);
}

const maskHeaders = (headers: Readonly<Record<string, string | undefined>>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = MASKED_HEADERS.has(name.toLowerCase()) ? MASK : value;
  }
  return out;
};

function queryOf(url: string): { path: string; query: Record<string, string | string[]> } {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query: Record<string, string | string[]> = {};
  if (q === -1) return { path, query };
  for (const [name, value] of new URLSearchParams(url.slice(q + 1))) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return { path, query };
}

const errorCodeOf = (response: ApiResponse): string | undefined => {
  if (response.status < 400 || response.body === undefined || !response.body.includes('"errorCode"')) return undefined;
  try {
    const code = (JSON.parse(response.body) as { errorCode?: unknown }).errorCode;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
};

/** Copies a cut string, so the entry does not keep the whole body alive (V8 slices share their parent). */
const cut = (text: string, cap: number) => JSON.parse(JSON.stringify(text.slice(0, cap))) as string;

function toEntry(stored: Stored): JournalEntry {
  const { request, response } = stored;
  const target = request.url.startsWith('/') ? request.url : request.url.replace(/^[a-z]+:\/\/[^/]*/i, '') || '/';
  const { path, query } = queryOf(target);
  const entry: JournalEntry = {
    seq: stored.seq,
    method: request.method,
    path,
    query,
    status: response.fault ? 0 : response.status,
    requestHeaders: maskHeaders(request.headers),
    startedAt: new Date(stored.startedMs).toISOString(),
    virtualTime: new Date(stored.virtualMs).toISOString(),
    durationMs: stored.durationMs,
  };
  if (stored.project !== undefined) entry.project = stored.project;
  if (stored.graph !== undefined) entry.graph = stored.graph;
  if (stored.operationId !== undefined) entry.operationId = stored.operationId;
  const errorCode = errorCodeOf(response);
  if (errorCode !== undefined) entry.errorCode = errorCode;
  if (stored.body !== undefined) entry.requestBody = stored.body;
  if (stored.truncated) entry.requestBodyTruncated = true;
  if (stored.fault) entry.fault = { ...stored.fault };
  return entry;
}

/** Whether a stored record matches every given field of the filter. */
function matcher(filter: JournalFilter | undefined): (stored: Stored) => boolean {
  if (!filter) return () => true;
  const method = filter.method?.toUpperCase();
  const since = filter.since === undefined ? undefined : parseSince(filter.since);
  return (s) =>
    (method === undefined || s.request.method.toUpperCase() === method) &&
    (filter.operationId === undefined || s.operationId === filter.operationId) &&
    (filter.status === undefined || (s.response.fault ? 0 : s.response.status) === filter.status) &&
    (filter.graph === undefined || s.graph === filter.graph) &&
    (filter.project === undefined || s.project === filter.project) &&
    (since === undefined || s.startedMs >= since);
}

/**
 * What an entry shares with the entries around it: the request as the client sent it (method, URL,
 * headers) and the answer it got. A client repeats the same request, answered alike, so consecutive
 * entries share one of these, and an entry holds one reference to it instead of nine.
 */
interface Shared {
  method: string;
  url: string;
  headers: ApiRequest['headers'];
  status: number;
  responseHeaders: ApiResponse['headers'];
  /** Absent when longer than the journal keeps (RESPONSE_BODY_CAP). */
  responseBody: string | undefined;
  responseLength: number;
  project: string | undefined;
  graph: string | undefined;
  operationId: string | undefined;
}

/**
 * The ring's storage: the numbers in one Float64Array (off the collected heap) and the references in
 * one array, each entry's in a row of consecutive slots, so recording touches two short runs of
 * memory and makes no object per entry. A journal entry lives for `capacity` requests, longer than
 * the young generation between two scavenges, and a slot is written again only `capacity` requests
 * later, when the processor's caches have long forgotten it: the fewer bytes an entry has, the fewer
 * the collector copies and the fewer the cache lines a request must fetch. So an entry is five numbers
 * and four references, mostly to what it shares with the last entry (Shared) or to nothing.
 */
interface Rows {
  /** Per entry: seq, startedMs, virtualMs, durationMs, truncated (1 or 0). */
  numbers: Float64Array;
  /** Per entry, in this order: the REF_ fields below. */
  refs: unknown[];
}

const NUMBERS = 5;

const REF_SHARED = 0;
/** The request body (capped), mostly none. */
const REF_BODY = 1;
/** The whole response, only when it carries more (a fault, bytes). */
const REF_RESPONSE = 2;
const REF_FAULT = 3;
const REFS = 4;

/** Slots of numbers a ring starts with: it grows as it fills, so a large capacity costs nothing until used. */
const FIRST_SLOTS = 1024;

const rows = (slots: number): Rows => ({ numbers: new Float64Array(slots * NUMBERS), refs: [] });

/** Writes one entry into slot `i`: its numbers, then its references. */
function put(
  c: Rows,
  i: number,
  seq: number,
  times: TimesOf,
  truncated: boolean,
  shared: Shared,
  body: string | undefined,
  response: ApiResponse,
  fault: JournalFault | undefined,
): void {
  const n = i * NUMBERS;
  const r = i * REFS;
  const { numbers, refs } = c;
  numbers[n] = seq;
  numbers[n + 1] = times.startedMs;
  numbers[n + 2] = times.virtualMs;
  numbers[n + 3] = times.durationMs;
  numbers[n + 4] = truncated ? 1 : 0;
  refs[r + REF_SHARED] = shared;
  refs[r + REF_BODY] = body;
  refs[r + REF_RESPONSE] = response.fault !== undefined || response.bytes !== undefined ? response : undefined;
  refs[r + REF_FAULT] = fault;
}

/** An entry's three times. */
type TimesOf = Pick<ExchangeRecord, 'startedMs' | 'virtualMs' | 'durationMs'>;

/** Reads slot `i` back as a stored record (done only when the journal is read); put() wrote each slot's type. */
function get(c: Rows, i: number): Stored {
  const n = i * NUMBERS;
  const r = i * REFS;
  const { numbers, refs } = c;
  const shared = refs[r + REF_SHARED] as Shared;
  const body = refs[r + REF_BODY] as string | undefined;
  const response = refs[r + REF_RESPONSE] as ApiResponse | undefined;
  return {
    request: { method: shared.method, url: shared.url, headers: shared.headers, body },
    url: shared.url,
    response: response ?? { status: shared.status, headers: shared.responseHeaders, body: shared.responseBody },
    project: shared.project,
    graph: shared.graph,
    operationId: shared.operationId,
    startedMs: numbers[n + 1]!,
    virtualMs: numbers[n + 2]!,
    durationMs: numbers[n + 3]!,
    fault: refs[r + REF_FAULT] as JournalFault | undefined,
    seq: numbers[n]!,
    body,
    truncated: numbers[n + 4] === 1,
    responseLength: shared.responseLength,
    shared,
  };
}

/**
 * Whether two requests' headers are the same names with the same values, in the same order (`names`
 * and `values`: the last entry's). A client sends the same headers request after request; an entry
 * then keeps the last entry's object, and the new one dies young instead of being copied by every
 * scavenge while the ring holds it. Comparing with arrays, not with the last object, keeps every
 * property read on the object the loop walks (a read by name on another object is a slow lookup).
 */
function sameHeaders(headers: ApiRequest['headers'], names: readonly string[], values: readonly (string | undefined)[]): boolean {
  let i = 0;
  for (const name in headers) {
    if (i === names.length || name !== names[i] || headers[name] !== values[i]) return false;
    i++;
  }
  return i === names.length;
}

/** Creates a journal keeping the last `capacity` requests (0 keeps none). */
export function createRequestJournal(capacity: number = DEFAULT_JOURNAL_CAPACITY): RequestJournal {
  if (!Number.isSafeInteger(capacity) || capacity < 0) throw new RangeError(`journal size must be an integer >= 0, got ${capacity}`);
  const firstSlots = Math.min(capacity, FIRST_SLOTS);
  let ring = rows(firstSlots);
  /** Makes room for slot `i` (the ring fills in order, so only while it is not yet full). */
  const roomFor = (i: number) => {
    const slots = ring.numbers.length / NUMBERS;
    if (i < slots) return;
    const numbers = new Float64Array(Math.min(capacity, Math.max(i + 1, slots * 2)) * NUMBERS);
    numbers.set(ring.numbers);
    ring.numbers = numbers;
  };
  let next = 0; // where the next record goes
  let count = 0;
  let seq = 0;
  /** What the last entry shares, and the names and values of its request headers (see sameHeaders). */
  let lastShared: Shared | undefined;
  let lastNames: string[] = [];
  let lastValues: (string | undefined)[] = [];

  const ordered = (): Stored[] => {
    const out: Stored[] = [];
    for (let i = 0; i < count; i++) out.push(get(ring, (next - count + i + capacity) % capacity));
    return out;
  };

  return {
    record(record, answered) {
      seq += 1;
      if (capacity === 0) return;
      const { request } = record;
      const body = request.body;
      const truncated = body !== undefined && body.length > JOURNAL_BODY_CAP;
      const responseLength = answered.body?.length ?? 0;
      let response = answered;
      if (responseLength > RESPONSE_BODY_CAP) {
        const { body: _dropped, ...rest } = response;
        response = rest;
      }
      const url = record.url ?? request.url;
      // The headers compared once: an entry keeps the last entry's object when they match.
      const sameHeadersAsLast = lastShared !== undefined && sameHeaders(request.headers, lastNames, lastValues);
      if (!sameHeadersAsLast) {
        lastNames = [];
        lastValues = [];
        for (const name in request.headers) {
          lastNames.push(name);
          lastValues.push(request.headers[name]);
        }
      }
      let shared = lastShared;
      if (
        shared === undefined ||
        !sameHeadersAsLast ||
        shared.url !== url ||
        shared.method !== request.method ||
        shared.status !== response.status ||
        shared.responseBody !== response.body ||
        shared.responseLength !== responseLength ||
        shared.responseHeaders !== response.headers ||
        shared.operationId !== record.operationId ||
        shared.project !== record.project ||
        shared.graph !== record.graph
      ) {
        shared = {
          method: request.method,
          url,
          headers: sameHeadersAsLast && shared !== undefined ? shared.headers : request.headers,
          status: response.status,
          responseHeaders: response.headers,
          responseBody: response.body,
          responseLength,
          project: record.project,
          graph: record.graph,
          operationId: record.operationId,
        };
        lastShared = shared;
      }
      roomFor(next);
      // A cut body is copied: a slice would keep the whole text alive (1,000 entries of 1 MB bodies held a gigabyte).
      put(ring, next, seq, record, truncated, shared, truncated ? cut(body, JOURNAL_BODY_CAP) : body, response, record.fault);
      next = (next + 1) % capacity;
      if (count < capacity) count += 1;
    },
    list: (filter) => ordered().filter(matcher(filter)).map(toEntry),
    listExchanges: (filter) =>
      ordered()
        .filter(matcher(filter))
        .map((stored) => ({
          entry: toEntry(stored),
          response: stored.response,
          responseLength: stored.responseLength,
          host: stored.request.headers.host,
        })),
    clear(filter) {
      const match = filter ? matcher(filter) : undefined;
      const kept = match ? ordered().filter((stored) => !match(stored)) : [];
      ring = rows(firstSlots);
      kept.forEach((stored, i) => {
        roomFor(i);
        put(ring, i, stored.seq, stored, stored.truncated, stored.shared, stored.body, stored.response, stored.fault);
      });
      count = kept.length;
      next = count % capacity;
    },
    capacity,
  };
}

/**
 * Checks that exactly `expected` entries match (WireMock's `verify(n, ...)`): returns them, or throws
 * an Error naming the filter, the count found and the requests seen.
 */
export function verifyJournal(entries: readonly JournalEntry[], filter: JournalFilter, expected: number): JournalEntry[] {
  if (entries.length === expected) return [...entries];
  const seen = entries.slice(0, 10).map((e) => `  #${e.seq} ${e.method} ${e.path} -> ${e.status}`);
  throw new Error(
    `expected exactly ${expected} request(s) matching ${JSON.stringify(filter)}, found ${entries.length}${seen.length ? `:\n${seen.join('\n')}` : ''}`,
  );
}
