/**
 * The transport-free GES API: (method, url, headers, body) in, (status, headers, body) out. Adapters
 * (node:http, MSW) only convert; every decision is here or in the engine. A request runs: route →
 * its world's faults → Prefer → auth → parameters → engine (ges-operations.ts), or the /__mock/
 * routes (control-routes.ts); both answer values that create-responder.ts turns into responses, and
 * the request journal records the exchange. The API keeps no world state: worlds are the engine's.
 */
import { createSystemClock, createWallTime, monotonicNow } from '../clocks.js';
import { createEngine } from '../engine/create-engine.js';
import type { AdjustableClock, Engine, EngineWrite, MockState, WorldState } from '../engine/engine-types.js';
import type { EngineSettings } from '../engine/engine-settings.js';
import type { FaultConfig, FaultDecision } from '../engine/fault-config.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { parseInstant } from '../fixtures/parse-duration.js';
import { toFixtureDocument } from '../fixtures/to-fixture-document.js';
import { KIT_VERSION } from '../generated/version.js';
import { actionParamsOf, jobActionOf } from '../spec/job-actions.js';
import type { OperationMatch } from '../spec/route-operation.js';
import { projectIdPattern } from '../spec/spec-facts.js';
import { createTokenPolicy } from './check-token.js';
import { isRefusedChange, type Answer, type OnChange } from './commit-change.js';
import { controlPages } from './control-pages.js';
import { handleControlRoute, readClockMove, readControlPath, type ControlScope } from './control-routes.js';
import { preflightHeaders } from './cors-headers.js';
import { createResponder } from './create-responder.js';
import { answerGesOperation, type OperationContext } from './ges-operations.js';
import type { ApiRequest, ApiResponse } from './http-types.js';
import { chooseExample, parsePreferHeader, parsePreferQuery } from './prefer-example.js';
import {
  createRequestJournal,
  DEFAULT_JOURNAL_CAPACITY,
  verifyJournal,
  type ExchangeRecord,
  type JournalEntry,
  type JournalFault,
  type JournalFilter,
} from './request-journal.js';
import { createTargetReader, type RequestTarget } from './read-target.js';
import { toHar } from './to-har.js';
import { httpErrors, injectedError, internalError, toGesError } from './to-ges-error.js';
import { toHeadResponse } from './to-head-response.js';

/** What the API itself is told, whichever engine it answers for. */
export interface ApiSettings {
  /** Accepted X-Auth-Token values: `T` (any project) or `T:project_id`. Default: any non-empty token. */
  tokens?: readonly string[] | undefined;
  /** Echo Origin with credentials and answer preflights. Default true. */
  cors?: boolean | undefined;
  /** Serve the /__mock/ control routes. Default true. */
  control?: boolean | undefined;
  /** When set, control routes require header `X-Mock-Control-Token` with this value. */
  controlToken?: string | undefined;
  /** How latency waits. Default setTimeout; tests inject their own to avoid real time. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Told about unexpected throws (which answer 500). Default: nothing. */
  onError?: ((error: unknown) => void) | undefined;
  /**
   * Told synchronously about every change (a submission, a cancel, a reset, a clock move, a fixture
   * load, faults), as the engine's Change value with how to take it back, before the 2xx answer: a
   * durable write done here happens before the client sees success (`ges-mock serve --state`). It
   * may return a promise, which the answer waits for; a throw or rejection carrying a `gesError`
   * (RefusedChange) is answered with that envelope (the change then taken back by whoever refused
   * it), any other one 500. Reads, and time passing on its own, are not changes.
   */
  onChange?: OnChange | undefined;
  /** Requests the journal keeps (a ring buffer: the oldest goes first). 0 keeps none. Default 1000. */
  journalSize?: number | undefined;
  /**
   * Real time, epoch ms, for the journal's `startedAt`, called once per request. Default: the wall
   * clock, read through the monotonic clock the duration is timed with (see createWallTime).
   */
  realTime?: (() => number) | undefined;
  /**
   * Answers /ges/ requests another way than the engine (`ges-mock proxy`: from a real engine). Called
   * after routing and the world's faults (so latency, failures and connection faults come on top),
   * before Prefer, the token and the engine; `route` is undefined for a /ges/ path that is no
   * operation of the spec (otherwise a 404). Returning undefined leaves the request to the engine.
   * Its answers are journaled like the engine's.
   */
  forward?: ForwardRequest | undefined;
}

/** Answers one /ges/ request instead of the engine, or leaves it to the engine (undefined). */
export type ForwardRequest = (request: ApiRequest, route: OperationMatch | undefined) => ApiResponse | Promise<ApiResponse> | undefined;

/** How the API gets its engine: one made elsewhere, or one it makes from these settings. */
export type EngineChoice =
  | {
      /** An existing engine (its own settings, clock, fixtures and faults). */
      engine: Engine;
      clock?: undefined;
      speed?: undefined;
      fixtures?: undefined;
      faults?: undefined;
    }
  | (EngineSettings & {
      engine?: undefined;
      /** The engine's clock. Default: the system clock running at `speed`. */
      clock?: AdjustableClock | undefined;
      /** Virtual-time factor of the default system clock (2 = jobs progress twice as fast). Default 1. */
      speed?: number | undefined;
      /**
       * The starting jobs (docs/fixtures.md); `reset()` comes back to them. An invalid document throws a
       * FixtureError. A document with `now` starts the default clock there.
       */
      fixtures?: FixtureDocument | undefined;
      /** Faults active from the start (and again after a reset), e.g. the CLI's --latency. */
      faults?: FaultConfig | undefined;
    });

/** Options of createApi: the API's settings, and its engine or the settings of one. */
export type ApiOptions = ApiSettings & EngineChoice;

/** An API built elsewhere, or the options of one (never both): what the adapters take. */
export type ApiChoice = { api: GesApi } | (ApiOptions & { api?: undefined });

/** The API a choice names, or one built from its options. */
export const apiFrom = (choice: ApiChoice): GesApi => (choice.api === undefined ? createApi(choice) : choice.api);

/** A clock of the API or of one world: its virtual now, moved forward only. */
export interface WorldClock {
  now(): number;
  /** Moves this clock forward by `ms` (>= 0). */
  advance(ms: number): void;
  /** Moves this clock forward to an instant (ISO-8601 or epoch ms), not before its now. */
  set(to: string | number): void;
}

/** The faults of the API (shared by every world) or of one world; `set` validates as PUT …/faults does (a TypeError with its message). */
export interface WorldFaults {
  get(): FaultConfig;
  set(config: FaultConfig): void;
  /** The shared faults: removes every fault. A world's: removes its own, so it shares the API's again. */
  clear(): void;
}

/**
 * One project as an isolated world: its own jobs, fixtures, virtual clock, faults and journal.
 * Nothing done here reaches another project. What `/__mock/projects/{project_id}/...` does.
 */
export interface GesWorld {
  readonly projectId: string;
  /**
   * Gives this world its own fixtures (a document without `projects`, or naming only this one);
   * its jobs are replaced, other worlds untouched. A FixtureError when invalid; a RangeError past
   * the project cap or the memory budget.
   */
  loadFixtures(doc: FixtureDocument, source?: string): void;
  /** Back to how this world was at the start: its jobs, own fixtures, clock and faults. */
  reset(): void;
  readonly clock: WorldClock;
  readonly faults: WorldFaults;
  state(): WorldState;
  /** This world as a fixture document, at its own now. */
  snapshot(): FixtureDocument;
  /** This world's journal entries, oldest first. */
  requests(filter?: JournalFilter): JournalEntry[];
  /** Exactly `count` of this world's requests match, or an Error naming what was seen. */
  verifyRequests(filter: JournalFilter, count: number): JournalEntry[];
  clearRequests(): void;
  /** This world's journal as HAR 1.2. */
  har(filter?: JournalFilter): unknown;
}

/** The API: handle requests, and reach the engine, clock, faults, worlds and journal behind it. */
export interface GesApi {
  /**
   * Answers one request: synchronously unless injected latency or a change being saved makes it wait
   * (Hono's `fetch` style), so the node:http adapter needs no promise per request and others simply
   * await it.
   */
  handle(request: ApiRequest): ApiResponse | Promise<ApiResponse>;
  /**
   * Asked by an adapter before it reads a body of `bodyBytes` (0 when not declared): false when the
   * request is a submission the memory budget cannot hold whatever the body says. The adapter then
   * drains the body unread and calls `handle` with `bodyUnread`, which answers the refusal, so that
   * a runaway client past the budget costs no buffered, parsed and discarded bodies.
   */
  admitsBody(request: Pick<ApiRequest, 'method' | 'url'>, bodyBytes: number): boolean;
  readonly engine: Engine;
  /** The engine's virtual clock: `api.clock.advance(ms)` moves every world along. */
  readonly clock: WorldClock;
  /** The shared faults (what PUT /__mock/faults sets). */
  readonly faults: WorldFaults;
  /** What GET /__mock/state shows. */
  state(): MockState;
  /** What POST /__mock/reset does: every world back to the starting fixtures (or seeds) and faults. */
  reset(seed?: number): void;
  /**
   * Replaces the whole state with a fixture document (what PUT /__mock/fixtures does). Throws a
   * FixtureError naming every problem, and changes nothing, when the document is invalid.
   */
  loadFixtures(doc: FixtureDocument, source?: string): void;
  /** The whole current state as a fixture document (what GET /__mock/snapshot answers). */
  snapshot(): FixtureDocument;
  /** One project as an isolated world (a TypeError for an id that is no project id). */
  world(projectId: string): GesWorld;
  /** The journal's entries, oldest first: every request answered, on any route. */
  requests(filter?: JournalFilter): JournalEntry[];
  /** Exactly `count` requests match (WireMock's verify), or an Error naming what was seen. */
  verifyRequests(filter: JournalFilter, count: number): JournalEntry[];
  clearRequests(): void;
  /** The journal as HAR 1.2 (what GET /__mock/requests.har answers). */
  har(filter?: JournalFilter): unknown;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const NO_FAULT: FaultDecision = Object.freeze({ delayMs: 0 });

/**
 * What one request learns on its way, for the journal: the journal's record itself, filled as the
 * request goes (one object per request, every field set from the start so that it keeps one shape).
 */
interface Note extends ExchangeRecord {
  /** The journal's own routes are not recorded: a poller would fill it with itself, a clear refill it. */
  skip: boolean;
}

const faultOf = (decision: FaultDecision): JournalFault | undefined => {
  const kind = decision.connection ?? decision.failure?.source ?? (decision.canned ? 'stub' : decision.delayMs > 0 ? 'latency' : undefined);
  if (kind === undefined) return undefined;
  return decision.delayMs > 0 ? { kind, delayMs: decision.delayMs } : { kind };
};

/** The engine the options name, or one made from them. */
function engineOf(options: ApiOptions): Engine {
  if (options.engine) return options.engine;
  const clock = options.clock ?? createSystemClock({ speed: options.speed ?? 1, startMs: parseInstant(options.fixtures?.now) });
  try {
    return createEngine({ ...options, clock, fixturesSource: 'createApi({ fixtures })' });
  } catch (error) {
    // Settings are a caller's programming error: named as createApi's.
    if (error instanceof RangeError) throw new TypeError(`createApi: ${error.message}`);
    throw error;
  }
}

/** Builds the API over a new engine (or the one given). */
export function createApi(options: ApiOptions = {}): GesApi {
  const engine = engineOf(options);
  const cors = options.cors !== false;
  const control = options.control !== false;
  const { controlToken, onError, onChange, forward } = options;
  const sleep = options.sleep ?? defaultSleep;
  const journal = createRequestJournal(options.journalSize ?? DEFAULT_JOURNAL_CAPACITY);
  // Without an injected clock, the arrival's wall time comes from the monotonic reading the duration
  // needs anyway (createWallTime reads the wall clock a few times a second, not per request).
  const wallTime = createWallTime();
  const realTime = options.realTime;
  const responder = createResponder(cors);
  const operations: OperationContext = { engine, checkToken: createTokenPolicy(options.tokens), onChange, onError };
  const scopeOf = (world: string | undefined): ControlScope => ({ engine, world, journal, onChange, onError });
  const readTarget = createTargetReader();

  const settle = (request: ApiRequest, answer: Answer): ApiResponse | Promise<ApiResponse> =>
    answer instanceof Promise
      ? answer.then(
          (result) => responder.respond(request, result),
          (error: unknown) => failed(request, error),
        )
      : responder.respond(request, answer);

  /** The forwarded answer of a /ges/ request (a rejection answered as 500), or undefined: the engine's to answer. */
  function forwarded(request: ApiRequest, route: OperationMatch | undefined): ApiResponse | Promise<ApiResponse> | undefined {
    const response = forward?.(request, route);
    return response instanceof Promise ? response.catch((error: unknown) => failed(request, error)) : response;
  }

  /** A /ges/ request after routing and the fault decision. */
  function answerOperation(
    request: ApiRequest,
    target: RequestTarget,
    route: OperationMatch,
    decision: FaultDecision,
  ): ApiResponse | Promise<ApiResponse> {
    if (decision.connection) return { status: 0, headers: {}, fault: decision.connection };
    if (decision.canned)
      return {
        status: decision.canned.status,
        headers: { ...responder.headers(request, decision.canned.headers), 'x-mock-fault': 'stub' },
        body: decision.canned.body,
      };
    if (decision.failure)
      return responder.error(request, injectedError(decision.failure.status, decision.failure.errorCode), {
        'x-mock-fault': decision.failure.source,
      });
    const passed = forward === undefined ? undefined : forwarded(request, route);
    if (passed !== undefined) return passed;
    const query = target.query;
    const preference = parsePreferHeader(request.headers.prefer) ?? parsePreferQuery(query);
    if (preference) {
      const chosen = chooseExample(route.operationId, preference);
      if (!chosen.ok) return responder.error(request, chosen.error);
      return {
        status: chosen.example.status,
        headers: { ...responder.headers(request), 'x-mock-example': chosen.example.name },
        body: chosen.example.body,
      };
    }
    return settle(request, answerGesOperation(operations, request, route, query));
  }

  // Pages are read-only and opened by a browser, which cannot add the control token header.
  const isPage = (request: ApiRequest, path: string) => request.method === 'GET' && Object.hasOwn(controlPages, path);

  function answerControl(request: ApiRequest, path: string, search: string, note: Note | undefined): ApiResponse | Promise<ApiResponse> {
    const mayRead = controlToken === undefined || request.headers['x-mock-control-token'] === controlToken;
    if (!mayRead && !isPage(request, path)) return responder.error(request, httpErrors.invalidControlToken());
    const target = readControlPath(path);
    if (!target.ok) return responder.error(request, target.error);
    if (note) {
      note.project = target.world;
      note.operationId = 'control';
      if (target.route === '/requests' || target.route === '/requests.har') note.skip = true;
    }
    const answer = handleControlRoute(
      scopeOf(target.world),
      request.method,
      target.route,
      search,
      request.body,
      request.bodyTooLarge,
      mayRead,
    );
    return answer === undefined ? responder.error(request, httpErrors.noSuchApi(request.method, path)) : settle(request, answer);
  }

  /** The answer, before the journal sees it. */
  function answer(request: ApiRequest, note: Note | undefined): ApiResponse | Promise<ApiResponse> {
    if (request.method === 'HEAD') return toHeadResponse(answer({ ...request, method: 'GET' }, note));
    try {
      const target = readTarget(request.method, request.url);
      const { path, route } = target;
      if (note) note.url = target.url;
      if (request.method === 'OPTIONS' && cors) return { status: 204, headers: preflightHeaders(request.headers.origin) };
      if (control && (path === '/__mock' || path.startsWith('/__mock/'))) return answerControl(request, path, target.search, note);
      if (!route) {
        const passed = forward !== undefined && path.startsWith('/ges/') ? forwarded(request, undefined) : undefined;
        return passed ?? responder.error(request, httpErrors.noSuchApi(request.method, path));
      }
      const { project, graph } = target;
      if (note) {
        note.project = project;
        note.graph = graph;
        note.operationId = route.operationId;
      }
      const faults = engine.faults(project);
      const decision = faults.active ? faults.decide({ method: request.method, path, operationId: route.operationId, graph }) : NO_FAULT;
      if (note && decision !== NO_FAULT) note.fault = faultOf(decision);
      if (decision.delayMs > 0) {
        return sleep(decision.delayMs).then(
          () => safely(request, () => answerOperation(request, target, route, decision)),
          (error: unknown) => failed(request, error),
        );
      }
      return answerOperation(request, target, route, decision);
    } catch (error) {
      return failed(request, error);
    }
  }

  function record(response: ApiResponse, note: Note, startedPerf: number): void {
    if (note.skip) return;
    const answeredPerf = monotonicNow();
    // The virtual time at the answer, from the reading just taken (the clock converts it, not reading
    // the real time again); with a real time of the caller's own, the virtual now.
    note.virtualMs = realTime === undefined ? engine.now(note.project, wallTime(answeredPerf)) : engine.now(note.project);
    note.durationMs = Math.round((answeredPerf - startedPerf) * 1000) / 1000;
    journal.record(note, response);
  }

  function handle(request: ApiRequest): ApiResponse | Promise<ApiResponse> {
    if (journal.capacity === 0) return answer(request, undefined);
    const startedPerf = request.receivedAt ?? monotonicNow();
    const note: Note = {
      request,
      url: undefined,
      project: undefined,
      graph: undefined,
      operationId: undefined,
      startedMs: realTime === undefined ? wallTime(startedPerf) : realTime(),
      virtualMs: 0,
      durationMs: 0,
      fault: undefined,
      skip: false,
    };
    const response = answer(request, note);
    if (response instanceof Promise) {
      return response.then((done) => {
        record(done, note, startedPerf);
        return done;
      });
    }
    record(response, note, startedPerf);
    return response;
  }

  function safely(request: ApiRequest, run: () => ApiResponse | Promise<ApiResponse>): ApiResponse | Promise<ApiResponse> {
    try {
      return run();
    } catch (error) {
      return failed(request, error);
    }
  }

  function failed(request: ApiRequest, error: unknown): ApiResponse {
    try {
      onError?.(error);
    } catch {
      // a broken logger must not turn a 500 into a crash
    }
    return responder.error(request, internalError(error));
  }

  /**
   * A change made from code: a refusal throws (a FixtureError, a TypeError for what the route would
   * answer 400 as malformed, a RangeError for a limit), and whoever keeps changes is told. Code has no
   * answer to wait: a save that fails later is taken back by the saver and reported to onError.
   */
  function direct<T>(write: EngineWrite<T>): T {
    if (!write.ok) {
      const { error } = write;
      if (error.kind === 'invalid-fixtures') throw error.error;
      const message = toGesError(error).errorMessage;
      throw error.kind === 'invalid-faults' ? new TypeError(message) : new RangeError(message);
    }
    let saving: unknown;
    try {
      saving = onChange?.(write.change, write.undo);
    } catch (error) {
      if (isRefusedChange(error)) throw new RangeError(error.gesError.errorMessage);
      throw error;
    }
    if (saving instanceof Promise) saving.catch((error: unknown) => onError?.(error));
    return write.value;
  }

  /** The clock of every world (no id) or of one. */
  function clockOf(world: string | undefined): WorldClock {
    const advance = (ms: number) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
      direct(engine.advance(ms, world));
    };
    return {
      now: () => engine.now(world),
      advance,
      set(to) {
        const move = readClockMove({ to }, engine.now(world));
        if (!move.ok) {
          if (typeof to === 'number' ? !Number.isFinite(to) : parseInstant(to) === undefined)
            throw new TypeError(`clock.set(${JSON.stringify(to)}): an ISO-8601 instant with a zone, or epoch ms.`);
          throw new RangeError(`clock.set: ${move.message}`);
        }
        advance(move.ms);
      },
    };
  }

  /** The faults of every world (no id) or of one. */
  function faultsOf(world: string | undefined): WorldFaults {
    return {
      get: () => engine.faults(world).config(),
      set: (config) => void direct(engine.setFaults(config, world)),
      clear: () => void direct(engine.setFaults(undefined, world)),
    };
  }

  const har = (filter: JournalFilter = {}) => toHar(journal.listExchanges(filter), KIT_VERSION);

  function world(projectId: string): GesWorld {
    if (typeof projectId !== 'string' || !projectIdPattern.test(projectId))
      throw new TypeError(`world(${JSON.stringify(projectId)}): a project id is 1-64 letters or digits.`);
    const own = (filter: JournalFilter = {}): JournalFilter => ({ ...filter, project: projectId });
    return {
      projectId,
      loadFixtures: (doc, source = `world ${projectId}`) => direct(engine.loadFixtures(doc, { world: projectId, source })),
      reset: () => direct(engine.reset({ world: projectId })),
      clock: clockOf(projectId),
      faults: faultsOf(projectId),
      state: () => engine.state(projectId),
      snapshot: () => toFixtureDocument(engine.snapshot(projectId)),
      requests: (filter) => journal.list(own(filter)),
      verifyRequests: (filter, count) => verifyJournal(journal.list(own(filter)), filter, count),
      clearRequests: () => journal.clear(own()),
      har: (filter) => har(own(filter)),
    };
  }

  function admitsBody(request: Pick<ApiRequest, 'method' | 'url'>, bodyBytes: number): boolean {
    if (request.method !== 'POST') return true;
    const { route, project, graph } = readTarget(request.method, request.url);
    // Every POST that creates a job carries a body the budget may refuse.
    if (!route || (actionParamsOf(route.operationId).length === 0 && !jobActionOf(route.operationId, undefined))) return true;
    return project === undefined || graph === undefined || engine.refusesBody(project, graph, bodyBytes) === undefined;
  }

  return {
    handle,
    admitsBody,
    engine,
    clock: clockOf(undefined),
    faults: faultsOf(undefined),
    state: () => engine.state(),
    reset: (seed) => direct(engine.reset({ seed })),
    loadFixtures: (doc, source) => direct(engine.loadFixtures(doc, { source })),
    snapshot: () => toFixtureDocument(engine.snapshot()),
    world,
    requests: (filter = {}) => journal.list(filter),
    verifyRequests: (filter, count) => verifyJournal(journal.list(filter), filter, count),
    clearRequests: () => journal.clear(),
    har,
  };
}
