/**
 * The transport-free GES API: (method, url, headers, body) in, (status, headers, body) out. Adapters
 * (node:http, MSW) only convert; every decision is here. Order of checks for /ges/ routes:
 * route → faults → Prefer → auth → parameters → graph existence (engine) → engine. The GES operations
 * live in ges-operations.ts, the /__mock/ routes in control-routes.ts; both return values turned into
 * responses here.
 */
import type { AdjustableClock, Engine } from '../engine/engine-types.js';
import { createEngine } from '../engine/create-engine.js';
import { ENGINE_PROFILES, isEngineProfileName, type EngineProfileName } from '../engine/engine-profiles.js';
import { createSystemClock } from '../clocks.js';
import { createFixtureLoader } from '../fixtures/create-fixture-loader.js';
import { FixtureError } from '../fixtures/fixture-error.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { parseInstant } from '../fixtures/parse-duration.js';
import { createTokenPolicy } from './check-token.js';
import { controlPages } from './control-pages.js';
import { handleControlRoute, type ControlContext, type MockState } from './control-routes.js';
import { preflightHeaders, withCorsOrigin } from './cors-headers.js';
import { createFaultInjector, parseFaultConfig, type FaultConfig, type FaultDecision, type FaultInjector } from './fault-injector.js';
import { answerGesOperation, type OperationContext } from './ges-operations.js';
import type { ApiRequest, ApiResponse, RouteResult } from './http-types.js';
import { matchRoute, splitTarget, type RouteMatch } from './match-route.js';
import { parseQuery } from './parse-query.js';
import { chooseExample, parsePreferHeader, parsePreferQuery } from './prefer-example.js';
import { httpErrors, internalError, toEnvelopeJson, type HttpError } from './to-ges-error.js';
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
   */
  onChange?: ((change: StateChange) => void) | undefined;
  /**
   * The starting jobs (docs/fixtures.md); `reset()` comes back to them. An invalid document throws a
   * FixtureError. A document with `now` starts the default clock there.
   */
  fixtures?: FixtureDocument | undefined;
}

/** What onChange is told: which kind of change just succeeded. */
export interface StateChange {
  kind: 'submit' | 'cancel' | 'fixtures' | 'reset' | 'clock';
}

/** The routes that change state when they answer 2xx, by `${method} ${path}`. */
const CONTROL_CHANGES: Readonly<Record<string, StateChange['kind']>> = {
  'POST /__mock/reset': 'reset',
  'POST /__mock/clock': 'clock',
  'PUT /__mock/fixtures': 'fixtures',
};

/** The API: handle requests, and reach the engine, clock and faults behind it. */
export interface GesApi {
  /** Answers one request, always as a promise: for adapters that await anyway (MSW resolvers, fetch). */
  handle(request: ApiRequest): Promise<ApiResponse>;
  /**
   * The same answer, returned synchronously unless injected latency makes it wait: the node:http
   * adapter uses it to skip a promise per request.
   */
  handleSyncWhenPossible(request: ApiRequest): ApiResponse | Promise<ApiResponse>;
  readonly engine: Engine;
  /** The engine's clock: `api.clock.advance(ms)` moves every job along. */
  readonly clock: AdjustableClock;
  /** Fault configuration; `set()` validates as PUT /__mock/faults does (a TypeError with its message). */
  readonly faults: FaultInjector;
  /** What GET /__mock/state shows. */
  state(): MockState;
  /** What POST /__mock/reset does: back to the starting fixtures (or seeds), and the starting faults. */
  reset(seed?: number): void;
  /**
   * Replaces the whole state with a fixture document (what PUT /__mock/fixtures does). Throws a
   * FixtureError naming every problem, and changes nothing, when the document is invalid.
   */
  loadFixtures(doc: FixtureDocument, source?: string): void;
  /** The whole current state as a fixture document (what GET /__mock/snapshot answers). */
  snapshot(): FixtureDocument;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const NO_DELAY: FaultDecision = Object.freeze({ delayMs: 0 });

/** Builds the API over a new engine (or the one given). */
export function createApi(options: ApiOptions = {}): GesApi {
  const seed = options.seed ?? 1;
  let clock: AdjustableClock;
  let engine: Engine;
  if (options.engine) {
    if (!options.clock) throw new TypeError('createApi: an engine needs its clock: pass { engine, clock } with the clock the engine was created with.');
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

  const cors = options.cors !== false;
  const control = options.control !== false;
  const controlToken = options.controlToken;
  const sleep = options.sleep ?? defaultSleep;
  const onError = options.onError;
  const onChange = options.onChange;
  const changed = (result: RouteResult, kind: StateChange['kind'] | undefined) => {
    if (onChange && kind && result.kind === 'json' && result.status >= 200 && result.status < 300) onChange({ kind });
  };

  // Shared, never mutated: the fast path sends these as they are.
  const jsonHeaders: Record<string, string> = cors ? { 'content-type': 'application/json', vary: 'Origin' } : { 'content-type': 'application/json' };
  const headersFor = (request: ApiRequest, base: Record<string, string> = jsonHeaders) =>
    cors ? withCorsOrigin(base, request.headers.origin) : base;

  const errorResponse = (request: ApiRequest, error: HttpError, extra?: Record<string, string>): ApiResponse => ({
    status: error.status,
    headers: extra ? { ...headersFor(request), ...extra } : headersFor(request),
    body: toEnvelopeJson(error),
  });

  const fixtures = createFixtureLoader(engine, clock, options.fixtures);
  const loadFixtures = (doc: unknown, source?: string): FixtureError | undefined => fixtures.load(doc, source);
  const snapshot = () => fixtures.snapshot();
  const state = (): MockState => ({ ...engine.state(), faults: faults.get() });
  const reset = (newSeed?: number) => {
    fixtures.restart();
    if (newSeed !== undefined) engine.reset(newSeed);
    faults.set(initialFaults);
    faults.reseed(newSeed ?? seed);
  };
  const controlContext: ControlContext = { clock, faults, state, reset, loadFixtures, snapshot };
  const operations: OperationContext = { engine, checkToken: createTokenPolicy(options.tokens) };

  /** A /ges/ request after routing and fault decision. */
  function answerOperation(request: ApiRequest, route: RouteMatch, search: string, decision: FaultDecision): ApiResponse {
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
    if (onChange) changed(result, route.operationId === 'executeAlgorithm' ? 'submit' : route.operationId === 'cancelJob' ? 'cancel' : undefined);
    return toResponse(request, result);
  }

  function answerControl(request: ApiRequest, path: string): ApiResponse {
    if (controlToken !== undefined && request.headers['x-mock-control-token'] !== controlToken && !isPage(request, path)) {
      return errorResponse(request, httpErrors.invalidControlToken());
    }
    const result = handleControlRoute(controlContext, request.method, path, request.body, request.bodyTooLarge);
    if (!result) return errorResponse(request, httpErrors.noSuchApi(request.method, path));
    if (onChange) changed(result, CONTROL_CHANGES[`${request.method} ${path}`]);
    return toResponse(request, result);
  }

  function toResponse(request: ApiRequest, result: RouteResult): ApiResponse {
    if (result.kind === 'error') return errorResponse(request, result.error);
    if (result.kind === 'page') {
      return { status: 200, headers: headersFor(request, { 'content-type': result.contentType, 'cache-control': 'no-store' }), body: result.body };
    }
    return { status: result.status, headers: headersFor(request), body: result.text ?? JSON.stringify(result.value) };
  }

  // Pages are read-only and opened by a browser, which cannot add the control token header.
  const isPage = (request: ApiRequest, path: string) => request.method === 'GET' && Object.hasOwn(controlPages, path);

  function handleSyncWhenPossible(request: ApiRequest): ApiResponse | Promise<ApiResponse> {
    if (request.method === 'HEAD') return toHeadResponse(handleSyncWhenPossible({ ...request, method: 'GET' }));
    try {
      const { path, search } = splitTarget(request.url);
      if (request.method === 'OPTIONS' && cors) {
        return { status: 204, headers: preflightHeaders(request.headers.origin) };
      }
      if (control && (path === '/__mock' || path.startsWith('/__mock/'))) return answerControl(request, path);
      const route = matchRoute(request.method, path);
      if (!route) return errorResponse(request, httpErrors.noSuchApi(request.method, path));
      const decision = faults.active ? faults.decide() : NO_DELAY;
      if (decision.delayMs > 0) {
        return sleep(decision.delayMs).then(
          () => safely(request, () => answerOperation(request, route, search, decision)),
          (error: unknown) => failed(request, error),
        );
      }
      return answerOperation(request, route, search, decision);
    } catch (error) {
      return failed(request, error);
    }
  }

  function safely(request: ApiRequest, run: () => ApiResponse): ApiResponse {
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

  return {
    handleSyncWhenPossible,
    handle: async (request) => handleSyncWhenPossible(request),
    engine,
    clock,
    faults,
    state,
    reset: (newSeed?: number) => {
      reset(newSeed);
      onChange?.({ kind: 'reset' });
    },
    loadFixtures(doc, source) {
      const error = loadFixtures(doc, source);
      if (error) throw error;
      onChange?.({ kind: 'fixtures' });
    },
    snapshot,
  };
}
