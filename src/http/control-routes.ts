/**
 * The mock's own routes under /__mock/: reset, virtual clock, state, faults, fixtures, snapshot, the
 * request journal, and the HTML pages of control-pages.ts. The same routes exist per world under
 * /__mock/projects/{project_id}/: one function answers both, over every world or over one (the
 * engine's operations take the world as their scope). They answer JSON; bad bodies are 400 GES
 * envelopes like the API's.
 */
import type { Engine, EngineWrite } from '../engine/engine-types.js';
import { parseInstant } from '../fixtures/parse-duration.js';
import { toFixtureDocument } from '../fixtures/to-fixture-document.js';
import { KIT_VERSION } from '../generated/version.js';
import { parseJson } from '../parse-json.js';
import { decodeSegment } from '../spec/route-operation.js';
import { projectIdPattern } from '../spec/spec-facts.js';
import { commitChange, type Answer, type OnChange } from './commit-change.js';
import { controlPages } from './control-pages.js';
import type { RouteResult } from './http-types.js';
import { isBodyTooLarge, bodyTooLargeError } from './parse-algorithm-body.js';
import { parseSince, type JournalFilter, type RequestJournal } from './request-journal.js';
import { toHar } from './to-har.js';
import { httpErrors, type HttpError } from './to-ges-error.js';

/** What the control routes act on: every world, or one. */
export interface ControlScope {
  readonly engine: Engine;
  /** The world of `/__mock/projects/{id}/…`; undefined for the `/__mock/…` routes (every world). */
  readonly world: string | undefined;
  readonly journal: RequestJournal;
  readonly onChange: OnChange | undefined;
  readonly onError: ((error: unknown) => void) | undefined;
}

const WORLD_PREFIX = '/__mock/projects/';

/**
 * Where a control path points: the world it names (none for `/__mock/…`) and the route after it
 * (`/reset`, `/clock`, ... or '' for the world's root); the error for a malformed project id.
 */
export function readControlPath(path: string): { ok: true; world: string | undefined; route: string } | { ok: false; error: HttpError } {
  if (!path.startsWith(WORLD_PREFIX)) return { ok: true, world: undefined, route: path.slice('/__mock'.length) };
  const rest = path.slice(WORLD_PREFIX.length);
  const slash = rest.indexOf('/');
  const world = decodeSegment(slash === -1 ? rest : rest.slice(0, slash));
  if (world === undefined || !projectIdPattern.test(world))
    return { ok: false, error: httpErrors.malformed('project_id must be 1-64 letters or digits.') };
  return { ok: true, world, route: slash === -1 ? '' : rest.slice(slash) };
}

const json = (value: unknown, status = 200): RouteResult => ({ kind: 'json', status, value });
const bad = (message: string): RouteResult => ({ kind: 'error', error: httpErrors.malformed(message) });

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
    value = parseJson(body);
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

/**
 * A move of a virtual clock, as POST …/clock and `world.clock.set` take it: `advanceMs` (an integer
 * >= 0), or `to` (an ISO-8601 instant with a zone, or epoch ms, not before `now`). The milliseconds
 * to move, or why the move is not one.
 */
export function readClockMove(value: Record<string, unknown>, now: number): { ok: true; ms: number } | { ok: false; message: string } {
  const { advanceMs, to, ...rest } = value;
  if (Object.keys(rest).length > 0) return { ok: false, message: `clock takes "advanceMs" or "to"; got ${Object.keys(rest).join(', ')}.` };
  if (to !== undefined) {
    if (advanceMs !== undefined) return { ok: false, message: 'clock takes "advanceMs" or "to", not both.' };
    const target = typeof to === 'number' && Number.isSafeInteger(to) ? to : parseInstant(to);
    if (target === undefined) return { ok: false, message: 'to must be an ISO-8601 instant with a zone (or epoch milliseconds).' };
    if (target < now)
      return { ok: false, message: `to is before the clock's now (${new Date(now).toISOString()}): virtual time only moves forward.` };
    return { ok: true, ms: target - now };
  }
  if (!Number.isSafeInteger(advanceMs) || (advanceMs as number) < 0) {
    return { ok: false, message: 'advanceMs must be an integer >= 0 (milliseconds of virtual time), or give "to".' };
  }
  return { ok: true, ms: advanceMs as number };
}

/** The state the routes answer after a change: the world's, or every world's. */
const stateOf = (scope: ControlScope) => (scope.world === undefined ? scope.engine.state() : scope.engine.state(scope.world));
const faultsOf = (scope: ControlScope) => scope.engine.faults(scope.world).config();

/**
 * Answers one control request; undefined when there is no such control route (a 404). `route` is
 * the part after the scope's prefix (`/reset`, `/clock`, ...); `search` the query string. `mayRead`
 * is false for a page asked for without the control token the mock requires: it is rendered without
 * data.
 */
export function handleControlRoute(
  scope: ControlScope,
  method: string,
  route: string,
  search: string,
  body: string | undefined,
  bodyTooLarge = false,
  mayRead = true,
): Answer | undefined {
  const { engine, world, journal } = scope;
  const prefix = world === undefined ? '/__mock' : `${WORLD_PREFIX}${world}`;
  const commit = <T>(write: EngineWrite<T>, answer: (value: T) => RouteResult) =>
    commitChange(write, scope.onChange, scope.onError, answer);
  const own = (filter: JournalFilter): JournalFilter => (world === undefined ? filter : { ...filter, project: world });
  switch (route) {
    case '/reset': {
      if (method !== 'POST') return undefined;
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const { seed, ...rest } = read.value;
      const extra = Object.keys(world === undefined ? rest : read.value);
      if (extra.length > 0)
        return bad(
          world === undefined
            ? `reset takes only "seed"; got ${extra.join(', ')}.`
            : `a world's reset takes no body fields (the seed is the engine's); got ${extra.join(', ')}.`,
        );
      if (seed !== undefined && !Number.isSafeInteger(seed)) return bad('seed must be an integer.');
      return commit(engine.reset({ world, seed: seed as number | undefined }), () => json(stateOf(scope)));
    }
    case '/clock': {
      if (method !== 'POST') return undefined;
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const move = readClockMove(read.value, engine.now(world));
      if (!move.ok) return bad(move.message);
      return commit(engine.advance(move.ms, world), (now) => json({ now, advancedMs: move.ms }));
    }
    case '/state':
      return method === 'GET' ? json(stateOf(scope)) : undefined;
    case '/fixtures': {
      if (method !== 'PUT') return undefined;
      if (body === undefined || body.trim() === '')
        return bad(`PUT ${prefix}/fixtures takes a fixture document as JSON (docs/fixtures.md).`);
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      // A world's load is named as in code (`world.loadFixtures`), so both say the same.
      const source = world === undefined ? `PUT ${prefix}/fixtures` : `world ${world}`;
      return commit(engine.loadFixtures(read.value, { world, source }), () => json(stateOf(scope)));
    }
    case '/snapshot':
      return method === 'GET' ? json(toFixtureDocument(engine.snapshot(world))) : undefined;
    case '/faults': {
      if (method === 'GET') return json(faultsOf(scope));
      if (method === 'DELETE') return commit(engine.setFaults(undefined, world), () => json(faultsOf(scope)));
      if (method !== 'PUT') return undefined;
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      return commit(engine.setFaults(read.value, world), () => json(faultsOf(scope)));
    }
    case '/requests':
    case '/requests.har': {
      if (method !== 'GET' && !(method === 'DELETE' && route === '/requests')) return undefined;
      const read = readFilter(search, world !== undefined);
      if (!read.ok) return read.result;
      if (method === 'DELETE') {
        journal.clear(world === undefined && Object.keys(read.filter).length === 0 ? undefined : own(read.filter));
        return json({ cleared: true });
      }
      return route === '/requests'
        ? json({ requests: journal.list(own(read.filter)) })
        : json(toHar(journal.listExchanges(own(read.filter)), KIT_VERSION));
    }
    default: {
      const path = `${prefix}${route}`;
      const page = method === 'GET' && world === undefined ? controlPages[path] : undefined;
      if (!page || !Object.hasOwn(controlPages, path)) return undefined;
      const rendered = page({ search, source: mayRead ? engine : undefined });
      return typeof rendered === 'string'
        ? { kind: 'page', contentType: 'text/html; charset=utf-8', body: rendered }
        : { kind: 'page', contentType: rendered.contentType, body: rendered.body };
    }
  }
}
