/**
 * The transport-free GES API: (method, url, headers, body) in, (status, headers, body) out. Adapters
 * (node:http, MSW) only convert; every decision is here. Order of checks for /ges/ routes:
 * route → faults → Prefer → auth → parameters → graph existence (engine) → engine. The GES operations
 * live in ges-operations.ts, the /__mock/ routes in control-routes.ts; both return values turned into
 * responses here.
 */
import type { AdjustableClock, Engine, EngineWrite } from '../engine/engine-types.js';
import { createEngine } from '../engine/create-engine.js';
import { ENGINE_PROFILES, isEngineProfileName, type EngineProfileName } from '../engine/engine-profiles.js';
import { createSystemClock } from '../clocks.js';
import { createFixtureLoader } from '../fixtures/create-fixture-loader.js';
import { FixtureError } from '../fixtures/fixture-error.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { parseInstant } from '../fixtures/parse-duration.js';
import { DEFAULT_MAX_PROJECTS } from '../engine/create-engine.js';
import { projectIdPattern } from '../spec/spec-facts.js';
import { createTokenPolicy } from './check-token.js';
import { controlPages } from './control-pages.js';
import { handleControlRoute, type ControlContext, type MockState, type WorldState } from './control-routes.js';
import { preflightHeaders, withCorsOrigin } from './cors-headers.js';
import { createFaultInjector, parseFaultConfig, type FaultConfig, type FaultDecision, type FaultInjector } from './fault-injector.js';
import { answerGesOperation, type OperationContext } from './ges-operations.js';
import type { ApiRequest, ApiResponse, RouteResult } from './http-types.js';
import { decodeSegment, matchRoute, splitTarget, type RouteMatch } from './match-route.js';
import { parseQuery } from './parse-query.js';
import { chooseExample, parsePreferHeader, parsePreferQuery } from './prefer-example.js';
import {
  createRequestJournal,
  DEFAULT_JOURNAL_SIZE,
  verifyJournal,
  type JournalEntry,
  type JournalFault,
  type JournalFilter,
} from './request-journal.js';
import { toHar } from './to-har.js';
import { httpErrors, internalError, toEnvelopeJson, toGesError, type HttpError } from './to-ges-error.js';
import { toHeadResponse } from './to-head-response.js';

/** Options of createApi; every one has a default. */
export interface ApiOptions {
  /** An existing engine; `clock` is then required: the one it was created with (a TypeError otherwise). */
  engine?: Engine | undefined;
  /** The engine's clock. Default: the system clock running at `speed`. */
  clock?: AdjustableClock | undefined;
  /** Virtual-time factor of the default system clock (2 = jobs progress twice as fast). Default 1. */
  speed?: number | undefined;
  /** Engine seed (same seed, same data) and seed of the fault PRNG. Default 1. */
  seed?: number | undefined;
  /** Graphs every project sees. Default: the engine's (movie, social_network, supply_chain). */
  graphs?: readonly string[] | undefined;
  /** Jobs seeded per graph. Default: the engine's (60). */
  jobsPerGraph?: number | undefined;
  /** Most jobs a graph stores. Default: the engine's. */
  maxJobsPerGraph?: number | undefined;
  /** Most characters of submitted request bodies a graph keeps. Default: the engine's (64 Mi). */
  maxRequestCharsPerGraph?: number | undefined;
  /** Most projects that hold submissions or cancellations. Default: the engine's (10,000). */
  maxProjects?: number | undefined;
  /**
   * The forms jobs are served in, as other GES engines send them (docs/engine.md, "Engine profiles").
   * Default `memory-2.2.13`; `mixed` draws every form, seeded and stable per job. An unknown name
   * throws a TypeError.
   */
  profile?: EngineProfileName | undefined;
  /** Memory budget of the whole engine in bytes (EngineOptions.maxStoredBytes). Default: the engine's (768 MiB). */
  maxStoredBytes?: number | undefined;
  /** Bytes of that budget the process needs for itself (EngineOptions.reservedBytes). Default 0. */
  reservedBytes?: number | undefined;
  /** Accepted X-Auth-Token values: `T` (any project) or `T:project_id`. Default: any non-empty token. */
  tokens?: readonly string[] | undefined;
  /** Echo Origin with credentials and answer preflights. Default true. */
  cors?: boolean | undefined;
  /** Serve the /__mock/ control routes. Default true. */
  control?: boolean | undefined;
  /** When set, control routes require header `X-Mock-Control-Token` with this value. */
  controlToken?: string | undefined;
  /** Faults active from the start (and again after POST /__mock/reset), e.g. the CLI's --latency. */
  faults?: FaultConfig | undefined;
  /** How latency waits. Default setTimeout; tests inject their own to avoid real time. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Told about unexpected throws (which answer 500). Default: nothing. */
  onError?: ((error: unknown) => void) | undefined;
  /**
   * Called synchronously after every successful state change (a submission, a cancel, a reset, a
   * clock move, a fixture load), before the 2xx answer is returned: a durable write done here
   * happens before the client sees success (`ges-mock serve --state`). If it throws, the client gets
   * a 500 instead of the 2xx. Reads, and time passing on its own, are not changes.
   *
   * It may return a promise (a durable write in flight): the answer then waits for it. A throw or a
   * rejection carrying a `gesError` (see RefusedChange) is answered with that envelope instead of 500.
   */
  onChange?: ((change: StateChange) => unknown) | undefined;
  /** Given to the engine this API creates (EngineOptions.onWrite): each change as it is made, revertible. */
  onEngineWrite?: ((write: EngineWrite) => void) | undefined;
  /**
   * The starting jobs (docs/fixtures.md); `reset()` comes back to them. An invalid document throws a
   * FixtureError. A document with `now` starts the default clock there.
   */
  fixtures?: FixtureDocument | undefined;
  /** Requests the journal keeps (a ring buffer: the oldest goes first). 0 keeps none. Default 1000. */
  journalSize?: number | undefined;
  /** Real time, epoch ms, for the journal's `startedAt`. Default Date.now. */
  realTime?: (() => number) | undefined;
}

/** An error onChange throws to refuse a change it could not keep: answered with `gesError`'s envelope. */
export interface RefusedChange extends Error {
  readonly gesError: HttpError;
}

const isRefusedChange = (error: unknown): error is RefusedChange =>
  error instanceof Error && typeof (error as Partial<RefusedChange>).gesError?.status === 'number';

/** What onChange is told: which kind of change just succeeded, and in which world. */
export interface StateChange {
  kind: 'submit' | 'cancel' | 'fixtures' | 'reset' | 'clock';
  /** The project (world) changed alone; absent when the change reached every world. */
  project?: string | undefined;
}

/** The routes that change state when they answer 2xx, by `${method} ${route}`. */
const CONTROL_CHANGES: Readonly<Record<string, StateChange['kind']>> = {
  'POST /reset': 'reset',
  'POST /clock': 'clock',
  'PUT /fixtures': 'fixtures',
};

/** The version HAR exports name as their creator's. */
const KIT_VERSION = '0.1.0';

const WORLD_PREFIX = '/__mock/projects/';

/** A world's clock: its own now, moved forward alone. */
export interface WorldClock {
  now(): number;
  /** Moves this world's clock forward by `ms` (>= 0). */
  advance(ms: number): void;
  /** Moves this world's clock forward to an instant (ISO-8601 or epoch ms), not before its now. */
  set(to: string | number): void;
}

/** A world's own faults; until set, the world shares the mock's faults. */
export interface WorldFaults {
  get(): FaultConfig;
  /** Validates as PUT …/faults does (a TypeError with its message). */
  set(config: FaultConfig): void;
  /** Removes this world's own faults: it shares the mock's faults again. */
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
   * the project cap.
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
   * Answers one request: synchronously unless injected latency makes it wait (Hono's `fetch`
   * style), so the node:http adapter needs no promise per request and others simply await it.
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
  /** The engine's clock: `api.clock.advance(ms)` moves every world along. */
  readonly clock: AdjustableClock;
  /** The shared fault configuration; `set()` validates as PUT /__mock/faults does (a TypeError with its message). */
  readonly faults: FaultInjector;
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

const NO_DELAY: FaultDecision = Object.freeze({ delayMs: 0 });

/** What one request learns on its way, for the journal. */
interface Note {
  project?: string | undefined;
  graph?: string | undefined;
  operationId?: string | undefined;
  fault?: JournalFault | undefined;
  /** The journal's own routes are not recorded: a poller would fill it with itself, a clear refill it. */
  skip?: boolean | undefined;
}

const faultOf = (decision: FaultDecision): JournalFault | undefined => {
  const kind = decision.fault ?? decision.error?.source ?? (decision.delayMs > 0 ? 'latency' : undefined);
  if (kind === undefined) return undefined;
  return decision.delayMs > 0 ? { kind, delayMs: decision.delayMs } : { kind };
};

const refusedError = (error: HttpError) => new RangeError(error.errorMessage);

/** Builds the API over a new engine (or the one given). */
export function createApi(options: ApiOptions = {}): GesApi {
  const seed = options.seed ?? 1;
  let clock: AdjustableClock;
  let engine: Engine;
  if (options.engine) {
    if (!options.clock)
      throw new TypeError('createApi: an engine needs its clock: pass { engine, clock } with the clock the engine was created with.');
    engine = options.engine;
    clock = options.clock;
  } else {
    if (options.profile !== undefined && !isEngineProfileName(options.profile)) {
      throw new TypeError(`createApi: unknown profile "${String(options.profile)}"; one of ${ENGINE_PROFILES.join(', ')}`);
    }
    const startMs = parseInstant(options.fixtures?.now);
    clock = options.clock ?? createSystemClock({ speed: options.speed ?? 1, startMs });
    engine = createEngine({
      clock,
      seed,
      graphs: options.graphs,
      jobsPerGraph: options.jobsPerGraph,
      maxJobsPerGraph: options.maxJobsPerGraph,
      maxRequestCharsPerGraph: options.maxRequestCharsPerGraph,
      maxProjects: options.maxProjects,
      profile: options.profile,
      maxStoredBytes: options.maxStoredBytes,
      reservedBytes: options.reservedBytes,
      onWrite: options.onEngineWrite,
    });
  }

  let initialFaults: FaultConfig = {};
  if (options.faults) {
    const parsed = parseFaultConfig(options.faults);
    if (!parsed.ok) throw new TypeError(`createApi: invalid faults option: ${parsed.message}`);
    initialFaults = parsed.config;
  }
  const faults = createFaultInjector(seed);
  faults.set(initialFaults);
  // Worlds that set faults of their own; the others share `faults`. Bounded like writing projects.
  const worldFaults = new Map<string, FaultInjector>();
  const maxWorldFaults = options.maxProjects ?? DEFAULT_MAX_PROJECTS;

  const cors = options.cors !== false;
  const control = options.control !== false;
  const controlToken = options.controlToken;
  const sleep = options.sleep ?? defaultSleep;
  const onError = options.onError;
  const onChange = options.onChange;
  const journal = createRequestJournal(options.journalSize ?? DEFAULT_JOURNAL_SIZE);
  const realTime = options.realTime ?? Date.now;
  /** The answer to a change: at once, or once onChange's promise settles; a refusal answers its envelope. */
  const changed = (
    request: ApiRequest,
    result: RouteResult,
    kind: StateChange['kind'] | undefined,
    project?: string,
  ): ApiResponse | Promise<ApiResponse> => {
    if (!onChange || !kind || result.kind !== 'json' || result.status < 200 || result.status >= 300) return toResponse(request, result);
    let saving: unknown;
    try {
      saving = onChange(project === undefined ? { kind } : { kind, project });
    } catch (error) {
      if (isRefusedChange(error)) return errorResponse(request, error.gesError);
      throw error;
    }
    if (!(saving instanceof Promise)) return toResponse(request, result);
    return saving.then(
      () => toResponse(request, result),
      (error: unknown) => (isRefusedChange(error) ? errorResponse(request, error.gesError) : failed(request, error)),
    );
  };

  // Shared, never mutated: the fast path sends these as they are.
  const jsonHeaders: Record<string, string> = cors
    ? { 'content-type': 'application/json', vary: 'Origin' }
    : { 'content-type': 'application/json' };
  const headersFor = (request: ApiRequest, base: Record<string, string> = jsonHeaders) =>
    cors ? withCorsOrigin(base, request.headers.origin) : base;

  const errorResponse = (request: ApiRequest, error: HttpError, extra?: Record<string, string>): ApiResponse => ({
    status: error.status,
    headers: extra ? { ...headersFor(request), ...extra } : headersFor(request),
    body: toEnvelopeJson(error),
  });

  const fixtures = createFixtureLoader(engine, clock, options.fixtures);
  const loadFixtures = (doc: unknown, source?: string): FixtureError | undefined => {
    const error = fixtures.load(doc, source);
    if (!error) worldFaults.clear();
    return error;
  };
  const snapshot = () => fixtures.snapshot();
  const state = (): MockState => ({ ...engine.state(), faults: faults.get() });
  const reset = (newSeed?: number) => {
    fixtures.restart();
    if (newSeed !== undefined) engine.reset(newSeed);
    faults.set(initialFaults);
    faults.reseed(newSeed ?? seed);
    worldFaults.clear();
  };
  const har = (filter: JournalFilter = {}) => toHar(journal.listExchanges(filter), KIT_VERSION);
  const globalContext: ControlContext = {
    prefix: '/__mock',
    seeded: true,
    now: () => clock.now(),
    advance(ms) {
      clock.advance(ms);
      return undefined;
    },
    faults: {
      get: () => faults.get(),
      set(config) {
        faults.set(config);
        worldFaults.clear(); // the global route means every world
        return undefined;
      },
      clear() {
        faults.clear();
        worldFaults.clear();
      },
    },
    state,
    reset,
    loadFixtures,
    snapshot,
    requests: (filter) => journal.list(filter),
    clearRequests: (filter) => journal.clear(Object.keys(filter).length ? filter : undefined),
    har,
    pageSource: {
      state,
      world: (projectId) => worldContext(projectId).state() as WorldState,
      listJobs: (projectId, graph, page) => engine.listJobs(projectId, graph, page),
    },
  };

  /** The control context of one world: the same routes, over this project alone. */
  function worldContext(projectId: string): ControlContext {
    const own = (filter: JournalFilter): JournalFilter => ({ ...filter, project: projectId });
    const faultsOf = () => worldFaults.get(projectId) ?? faults;
    return {
      prefix: `${WORLD_PREFIX}${projectId}`,
      seeded: false,
      now: () => engine.now(projectId),
      advance(ms) {
        const moved = engine.advanceProject(projectId, ms);
        return moved.ok ? undefined : toGesError(moved.error);
      },
      faults: {
        get: () => faultsOf().get(),
        set(config) {
          let injector = worldFaults.get(projectId);
          if (!injector) {
            if (worldFaults.size >= maxWorldFaults) return toGesError({ kind: 'too-many-projects', cap: maxWorldFaults });
            // Seeded apart from the shared faults and from other worlds: each world's draws repeat alone.
            injector = createFaultInjector(seed);
            injector.reseed(seed + hashProject(projectId));
            worldFaults.set(projectId, injector);
          }
          injector.set(config);
          return undefined;
        },
        clear: () => void worldFaults.delete(projectId),
      },
      state: (): WorldState => ({ ...engine.projectState(projectId), faults: faultsOf().get(), ownFaults: worldFaults.has(projectId) }),
      reset() {
        fixtures.resetWorld(projectId);
        worldFaults.delete(projectId);
      },
      loadFixtures(doc, source) {
        const error = fixtures.loadWorld(projectId, doc, source);
        if (error === undefined || error instanceof FixtureError) return error;
        return toGesError(error);
      },
      snapshot: () => fixtures.snapshotWorld(projectId),
      requests: (filter) => journal.list(own(filter)),
      clearRequests: (filter) => journal.clear(own(filter)),
      har: (filter) => har(own(filter)),
    };
  }

  const operations: OperationContext = { engine, checkToken: createTokenPolicy(options.tokens) };

  /** A /ges/ request after routing and fault decision. */
  function answerOperation(
    request: ApiRequest,
    route: RouteMatch,
    search: string,
    decision: FaultDecision,
    project: string | undefined,
  ): ApiResponse | Promise<ApiResponse> {
    if (decision.fault) return { status: 0, headers: {}, fault: decision.fault };
    if (decision.error) return errorResponse(request, decision.error, { 'x-mock-fault': decision.error.source });
    const query = parseQuery(search);
    const preference = parsePreferHeader(request.headers.prefer) ?? parsePreferQuery(query);
    if (preference) {
      const chosen = chooseExample(route.operationId, preference);
      if (!chosen.ok) return errorResponse(request, chosen.error);
      return {
        status: chosen.example.status,
        headers: { ...headersFor(request), 'x-mock-example': chosen.example.name },
        body: chosen.example.body,
      };
    }
    const result = answerGesOperation(operations, request, route, query);
    if (onChange)
      return changed(
        request,
        result,
        route.operationId === 'executeAlgorithm' ? 'submit' : route.operationId === 'cancelJob' ? 'cancel' : undefined,
        project,
      );
    return toResponse(request, result);
  }

  function answerControl(request: ApiRequest, path: string, search: string, note: Note | undefined): ApiResponse | Promise<ApiResponse> {
    const mayRead = controlToken === undefined || request.headers['x-mock-control-token'] === controlToken;
    if (!mayRead && !isPage(request, path)) return errorResponse(request, httpErrors.invalidControlToken());
    let context = globalContext;
    let route = path.slice('/__mock'.length);
    if (path.startsWith(WORLD_PREFIX)) {
      const rest = path.slice(WORLD_PREFIX.length);
      const slash = rest.indexOf('/');
      const projectId = decodeSegment(slash === -1 ? rest : rest.slice(0, slash));
      if (projectId === undefined || !projectIdPattern.test(projectId)) {
        return errorResponse(request, httpErrors.malformed('project_id must be 1-64 letters or digits.'));
      }
      context = worldContext(projectId);
      route = slash === -1 ? '' : rest.slice(slash);
      if (note) note.project = projectId;
    }
    if (note) {
      note.operationId = 'control';
      if (route === '/requests' || route === '/requests.har') note.skip = true;
    }
    const result = handleControlRoute(context, request.method, route, search, request.body, request.bodyTooLarge, mayRead);
    if (!result) return errorResponse(request, httpErrors.noSuchApi(request.method, path));
    if (onChange)
      return changed(
        request,
        result,
        CONTROL_CHANGES[`${request.method} ${route}`],
        context === globalContext ? undefined : (note?.project ?? projectOfPath(path)),
      );
    return toResponse(request, result);
  }

  function toResponse(request: ApiRequest, result: RouteResult): ApiResponse {
    if (result.kind === 'error') return errorResponse(request, result.error);
    if (result.kind === 'page') {
      return {
        status: 200,
        headers: headersFor(request, { 'content-type': result.contentType, 'cache-control': 'no-store' }),
        body: result.body,
      };
    }
    return { status: result.status, headers: headersFor(request), body: result.text ?? JSON.stringify(result.value) };
  }

  // Pages are read-only and opened by a browser, which cannot add the control token header.
  const isPage = (request: ApiRequest, path: string) => request.method === 'GET' && Object.hasOwn(controlPages, path);

  /** The answer, before the journal sees it. */
  function answer(request: ApiRequest, note: Note | undefined): ApiResponse | Promise<ApiResponse> {
    if (request.method === 'HEAD') return toHeadResponse(answer({ ...request, method: 'GET' }, note));
    try {
      const { path, search } = splitTarget(request.url);
      if (request.method === 'OPTIONS' && cors) {
        return { status: 204, headers: preflightHeaders(request.headers.origin) };
      }
      if (control && (path === '/__mock' || path.startsWith('/__mock/'))) return answerControl(request, path, search, note);
      const route = matchRoute(request.method, path);
      if (!route) return errorResponse(request, httpErrors.noSuchApi(request.method, path));
      const project = decodeSegment(route.project);
      if (note) {
        note.project = project;
        note.graph = decodeSegment(route.graph);
        note.operationId = route.operationId;
      }
      const injector = (project !== undefined && worldFaults.size > 0 && worldFaults.get(project)) || faults;
      const decision = injector.active ? injector.decide() : NO_DELAY;
      if (note && decision !== NO_DELAY) note.fault = faultOf(decision);
      if (decision.delayMs > 0) {
        return sleep(decision.delayMs).then(
          () => safely(request, () => answerOperation(request, route, search, decision, project)),
          (error: unknown) => failed(request, error),
        );
      }
      return answerOperation(request, route, search, decision, project);
    } catch (error) {
      return failed(request, error);
    }
  }

  function record(request: ApiRequest, response: ApiResponse, note: Note, startedMs: number, startedPerf: number): void {
    if (note.skip) return;
    journal.record({
      request,
      response,
      project: note.project,
      graph: note.graph,
      operationId: note.operationId,
      startedMs,
      virtualMs: note.project !== undefined ? engine.now(note.project) : clock.now(),
      durationMs: Math.round((performance.now() - startedPerf) * 1000) / 1000,
      fault: note.fault,
    });
  }

  function handle(request: ApiRequest): ApiResponse | Promise<ApiResponse> {
    if (journal.size === 0) return answer(request, undefined);
    const startedPerf = performance.now();
    const startedMs = realTime();
    const note: Note = {};
    const response = answer(request, note);
    if (response instanceof Promise) {
      return response.then((done) => {
        record(request, done, note, startedMs, startedPerf);
        return done;
      });
    }
    record(request, response, note, startedMs, startedPerf);
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
    return errorResponse(request, internalError(error));
  }

  /** A direct call (api.reset) has no answer to wait: a save in flight that fails goes to onError. */
  const settleQuietly = (saving: unknown) => {
    if (saving instanceof Promise) saving.catch((error: unknown) => onError?.(error));
  };

  function world(projectId: string): GesWorld {
    if (typeof projectId !== 'string' || !projectIdPattern.test(projectId))
      throw new TypeError(`world(${JSON.stringify(projectId)}): a project id is 1-64 letters or digits.`);
    const context = worldContext(projectId);
    const notify = (kind: StateChange['kind']) => settleQuietly(onChange?.({ kind, project: projectId }));
    const advance = (ms: number) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
      const error = context.advance(ms);
      if (error) throw refusedError(error);
      notify('clock');
    };
    return {
      projectId,
      loadFixtures(doc, source = `world ${projectId}`) {
        const error = context.loadFixtures(doc, source);
        if (error instanceof FixtureError) throw error;
        if (error) throw refusedError(error);
        notify('fixtures');
      },
      reset() {
        context.reset();
        notify('reset');
      },
      clock: {
        now: () => context.now(),
        advance,
        set(to) {
          const target = typeof to === 'number' ? to : parseInstant(to);
          if (target === undefined || !Number.isFinite(target))
            throw new TypeError(`clock.set(${JSON.stringify(to)}): an ISO-8601 instant with a zone, or epoch ms.`);
          const now = context.now();
          if (target < now)
            throw new RangeError(
              `clock.set: ${new Date(target).toISOString()} is before this world's now (${new Date(now).toISOString()}); virtual time only moves forward.`,
            );
          advance(target - now);
        },
      },
      faults: {
        get: () => context.faults.get(),
        set(config) {
          const parsed = parseFaultConfig(config);
          if (!parsed.ok) throw new TypeError(httpErrors.malformed(parsed.message).errorMessage);
          const error = context.faults.set(parsed.config);
          if (error) throw refusedError(error);
        },
        clear: () => context.faults.clear(),
      },
      state: () => context.state() as WorldState,
      snapshot: () => context.snapshot(),
      requests: (filter = {}) => context.requests(filter),
      verifyRequests: (filter, count) => verifyJournal(context.requests(filter), filter, count),
      clearRequests: () => context.clearRequests({}),
      har: (filter = {}) => context.har(filter),
    };
  }

  function admitsBody(request: Pick<ApiRequest, 'method' | 'url'>, bodyBytes: number): boolean {
    if (request.method !== 'POST') return true;
    const route = matchRoute(request.method, splitTarget(request.url).path);
    if (route?.operationId !== 'executeAlgorithm') return true;
    const project = decodeSegment(route.project);
    const graph = decodeSegment(route.graph);
    return project === undefined || graph === undefined || engine.refusesBody(project, graph, bodyBytes) === undefined;
  }

  return {
    handle,
    admitsBody,
    engine,
    clock,
    faults,
    state,
    reset: (newSeed?: number) => {
      reset(newSeed);
      settleQuietly(onChange?.({ kind: 'reset' }));
    },
    loadFixtures(doc, source) {
      const error = loadFixtures(doc, source);
      if (error) throw error;
      settleQuietly(onChange?.({ kind: 'fixtures' }));
    },
    snapshot,
    world,
    requests: (filter = {}) => journal.list(filter),
    verifyRequests: (filter, count) => verifyJournal(journal.list(filter), filter, count),
    clearRequests: () => journal.clear(),
    har,
  };
}

/** The project id of a per-world control path (already checked). */
function projectOfPath(path: string): string {
  const rest = path.slice(WORLD_PREFIX.length);
  const slash = rest.indexOf('/');
  return slash === -1 ? rest : rest.slice(0, slash);
}

/** A small number from a project id, so each world's fault draws differ from the others'. */
function hashProject(projectId: string): number {
  let hash = 0;
  for (let i = 0; i < projectId.length; i++) hash = (hash * 31 + projectId.charCodeAt(i)) | 0;
  return Math.abs(hash);
}
