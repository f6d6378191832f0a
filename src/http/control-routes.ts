/**
 * The mock's own routes under /__mock/: reset, virtual clock, state, faults, fixtures, snapshot, the
 * request journal, and the HTML pages of control-pages.ts. The same routes exist per world under
 * /__mock/projects/{project_id}/, answered by this one function over that world's context. They
 * answer JSON; bad bodies are 400 GES envelopes like the API's.
 */
import type { EngineState, ProjectState } from '../engine/engine-types.js';
import { FixtureError } from '../fixtures/fixture-error.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import type { InspectorSource } from '../inspector/inspector-source.js';
import { parseInstant } from '../fixtures/parse-duration.js';
import { controlPages } from './control-pages.js';
import { parseFaultConfig, type FaultConfig } from './fault-injector.js';
import type { RouteResult } from './http-types.js';
import { isBodyTooLarge, bodyTooLargeError } from './parse-algorithm-body.js';
import { parseSince, type JournalEntry, type JournalFilter } from './request-journal.js';
import { httpErrors, type HttpError } from './to-ges-error.js';

/** GET /__mock/state: the engine's state and the faults now in force. */
export type MockState = EngineState & { faults: FaultConfig };

/** GET /__mock/projects/{project_id}/state: one world's clock, graphs and faults. */
export type WorldState = ProjectState & { faults: FaultConfig; ownFaults: boolean };

/** What the control routes act on: the whole mock, or one world. */
export interface ControlContext {
  /** The clock's now (the world's own, for a world). */
  now(): number;
  /** Moves the clock forward; the error when it is refused (a world past the project cap). */
  advance(ms: number): HttpError | undefined;
  faults: {
    get(): FaultConfig;
    set(config: FaultConfig): HttpError | undefined;
    clear(): void;
  };
  state(): MockState | WorldState;
  /** Whether reset takes a `seed` (the whole mock does; a world shares the engine's seed). */
  readonly seeded: boolean;
  reset(seed?: number): void;
  /** Replaces the state with a fixture document; the error (state unchanged) when it is refused. */
  loadFixtures(doc: unknown, source: string): FixtureError | HttpError | undefined;
  snapshot(): FixtureDocument;
  requests(filter: JournalFilter): JournalEntry[];
  clearRequests(filter: JournalFilter): void;
  /** The journal as a HAR 1.2 document. */
  har(filter: JournalFilter): unknown;
  /** How routes are named in messages: `/__mock` or `/__mock/projects/{id}`. */
  readonly prefix: string;
  /** What the inspector page renders its first paint from (the whole mock's context only). */
  readonly pageSource?: InspectorSource | undefined;
}

const json = (value: unknown, status = 200): RouteResult => ({ kind: 'json', status, value });
const bad = (message: string): RouteResult => ({ kind: 'error', error: httpErrors.malformed(message) });
const refused = (error: HttpError): RouteResult => ({ kind: 'error', error });
const dropProtoKeys = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);

/** An optional JSON object body; an empty body is `{}`. Any Content-Type is read, so `curl -d` works. */
function readBody(
  body: string | undefined,
  tooLarge: boolean,
): { ok: true; value: Record<string, unknown> } | { ok: false; result: RouteResult } {
  if (tooLarge) return { ok: false, result: { kind: 'error', error: bodyTooLargeError() } };
  if (body === undefined || body.trim() === '') return { ok: true, value: {} };
  if (isBodyTooLarge(body)) return { ok: false, result: { kind: 'error', error: bodyTooLargeError() } };
  let value: unknown;
  try {
    value = JSON.parse(body, dropProtoKeys);
  } catch {
    return { ok: false, result: bad('the request body is not valid JSON.') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, result: bad('the request body must be a JSON object.') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

const FILTER_KEYS = ['method', 'operationId', 'status', 'graph', 'since', 'project'];

/** The journal filter of a query string; the reason when a value is not one. */
function readFilter(search: string, perWorld: boolean): { ok: true; filter: JournalFilter } | { ok: false; result: RouteResult } {
  const filter: JournalFilter = {};
  for (const [name, value] of new URLSearchParams(search)) {
    if (!FILTER_KEYS.includes(name) || (perWorld && name === 'project')) {
      return {
        ok: false,
        result: bad(`the journal is filtered by ${FILTER_KEYS.filter((k) => !perWorld || k !== 'project').join(', ')}; got "${name}".`),
      };
    }
    if (name === 'status') {
      if (!/^\d{1,3}$/.test(value)) return { ok: false, result: bad('status must be an HTTP status (0 for connection faults).') };
      filter.status = Number(value);
    } else if (name === 'since') {
      if (Number.isNaN(parseSince(value))) return { ok: false, result: bad('since must be an ISO-8601 instant or epoch milliseconds.') };
      filter.since = value;
    } else {
      filter[name as 'method' | 'operationId' | 'graph' | 'project'] = value;
    }
  }
  return { ok: true, filter };
}

/** Reads POST …/clock: `advanceMs`, or `to` (an ISO-8601 instant or epoch ms, not before now). */
function readClockMove(value: Record<string, unknown>, now: number): { ok: true; ms: number } | { ok: false; result: RouteResult } {
  const { advanceMs, to, ...rest } = value;
  if (Object.keys(rest).length > 0)
    return { ok: false, result: bad(`clock takes "advanceMs" or "to"; got ${Object.keys(rest).join(', ')}.`) };
  if (to !== undefined) {
    if (advanceMs !== undefined) return { ok: false, result: bad('clock takes "advanceMs" or "to", not both.') };
    const target = typeof to === 'number' && Number.isSafeInteger(to) ? to : parseInstant(to);
    if (target === undefined) return { ok: false, result: bad('to must be an ISO-8601 instant with a zone (or epoch milliseconds).') };
    if (target < now)
      return { ok: false, result: bad(`to is before the clock's now (${new Date(now).toISOString()}): virtual time only moves forward.`) };
    return { ok: true, ms: target - now };
  }
  if (!Number.isSafeInteger(advanceMs) || (advanceMs as number) < 0) {
    return { ok: false, result: bad('advanceMs must be an integer >= 0 (milliseconds of virtual time), or give "to".') };
  }
  return { ok: true, ms: advanceMs as number };
}

/**
 * Answers one control request; undefined when there is no such control route (a 404). `route` is
 * the part after the context's prefix (`/reset`, `/clock`, ...); `search` the query string.
 * `mayRead` is false for a page asked for without the control token the mock requires: it is
 * rendered without data.
 */
export function handleControlRoute(
  context: ControlContext,
  method: string,
  route: string,
  search: string,
  body: string | undefined,
  bodyTooLarge = false,
  mayRead = true,
): RouteResult | undefined {
  const perWorld = !context.seeded;
  switch (route) {
    case '/reset': {
      if (method !== 'POST') return undefined;
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const { seed, ...rest } = read.value;
      const allowed = context.seeded ? ['seed'] : [];
      const extra = Object.keys(context.seeded ? rest : read.value);
      if (extra.length > 0)
        return bad(
          allowed.length
            ? `reset takes only "seed"; got ${extra.join(', ')}.`
            : `a world's reset takes no body fields (the seed is the engine's); got ${extra.join(', ')}.`,
        );
      if (seed !== undefined && !Number.isSafeInteger(seed)) return bad('seed must be an integer.');
      context.reset(seed as number | undefined);
      return json(context.state());
    }
    case '/clock': {
      if (method !== 'POST') return undefined;
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const move = readClockMove(read.value, context.now());
      if (!move.ok) return move.result;
      const error = context.advance(move.ms);
      if (error) return refused(error);
      return json({ now: context.now(), advancedMs: move.ms });
    }
    case '/state':
      return method === 'GET' ? json(context.state()) : undefined;
    case '/fixtures': {
      if (method !== 'PUT') return undefined;
      if (body === undefined || body.trim() === '')
        return bad(`PUT ${context.prefix}/fixtures takes a fixture document as JSON (docs/fixtures.md).`);
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const error = context.loadFixtures(read.value, `PUT ${context.prefix}/fixtures`);
      if (error instanceof FixtureError) return refused(httpErrors.invalidFixtures(error.message));
      if (error) return refused(error);
      return json(context.state());
    }
    case '/snapshot':
      return method === 'GET' ? json(context.snapshot()) : undefined;
    case '/faults': {
      if (method === 'GET') return json(context.faults.get());
      if (method === 'DELETE') {
        context.faults.clear();
        return json(context.faults.get());
      }
      if (method !== 'PUT') return undefined;
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const parsed = parseFaultConfig(read.value);
      if (!parsed.ok) return bad(parsed.message);
      const error = context.faults.set(parsed.config);
      if (error) return refused(error);
      return json(context.faults.get());
    }
    case '/requests':
    case '/requests.har': {
      if (method !== 'GET' && !(method === 'DELETE' && route === '/requests')) return undefined;
      const read = readFilter(search, perWorld);
      if (!read.ok) return read.result;
      if (method === 'DELETE') {
        context.clearRequests(read.filter);
        return json({ cleared: true });
      }
      return route === '/requests' ? json({ requests: context.requests(read.filter) }) : json(context.har(read.filter));
    }
    default: {
      const path = `${context.prefix}${route}`;
      const page = method === 'GET' && !perWorld ? controlPages[path] : undefined;
      if (!page || !Object.hasOwn(controlPages, path)) return undefined;
      const rendered = page({ search, source: mayRead ? context.pageSource : undefined });
      return typeof rendered === 'string'
        ? { kind: 'page', contentType: 'text/html; charset=utf-8', body: rendered }
        : { kind: 'page', contentType: rendered.contentType, body: rendered.body };
    }
  }
}
