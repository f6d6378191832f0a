/**
 * `ges-mock proxy`: the standalone server's host, port and routes in front of a real GES engine.
 * The API of createApi answers every request, as for `ges-mock serve`; its `forward` hook sends the
 * /ges/ requests to the upstream (after the world's faults, so latency, failures and dropped
 * connections come on top of real answers) unless their graph is mocked. So the journal, its HAR,
 * worlds, faults and control routes work on proxied traffic exactly as on mocked traffic. Each
 * proxied exchange is handed to a judge (the contract kit's, given by the caller) and its jobs to the
 * recording; `/__mock/violations` lists what the judge found.
 */
import type { EngineSettings } from '../engine/engine-settings.js';
import type { FaultConfig } from '../engine/fault-config.js';
import type { AdjustableClock } from '../engine/engine-types.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { readControlPath } from '../http/control-routes.js';
import { withCorsOrigin } from '../http/cors-headers.js';
import { createApi, type ApiSettings, type ForwardRequest, type GesApi } from '../http/create-api.js';
import { createResponder } from '../http/create-responder.js';
import type { ApiRequest, ApiResponse } from '../http/http-types.js';
import { httpErrors } from '../http/to-ges-error.js';
import { toHeadResponse } from '../http/to-head-response.js';
import { toLoggedTarget } from '../server/create-request-log.js';
import { startGesServer, type GesServer, type ServerSettings } from '../server/start-ges-server.js';
import { decodeSegment, splitTarget, type OperationMatch } from '../spec/route-operation.js';
import { graphNamePattern, projectIdPattern } from '../spec/spec-facts.js';
import type { ProxyExchange, ProxyJudge, ProxyViolation, ReportFormat } from './proxy-types.js';
import { createSeenJobs } from './seen-jobs.js';
import { createUpstreamClient, targetOf, type UpstreamAnswer } from './upstream-client.js';
import { createViolationList, type ListedViolation, type ViolationFilter } from './violation-list.js';

/** The response header naming the rules an answer broke (Prism's `sl-violations`), when asked for. */
export const VIOLATIONS_HEADER = 'x-ges-violations';

/** What the proxy itself is told. */
export interface ProxySettings {
  /** The real engine's base URL, e.g. `http://ges.example.com` (a path prefix is kept). */
  upstream: string | URL;
  /** How long the upstream may take to start its answer, and between two parts of it. Default 30000 ms. */
  upstreamTimeoutMs?: number | undefined;
  /**
   * Most bytes of an upstream answer read to be judged (and journaled, and recorded). A longer answer
   * is passed through unchanged as it arrives and judged by its status and headers. Default 8 MiB.
   */
  maxJudgedBytes?: number | undefined;
  /**
   * Graphs answered by the mock engine instead of the upstream: `name` for every project, or
   * `project_id/name` for one. The mock seeds them (or serves `fixtures`) as `ges-mock serve` does.
   */
  mockGraphs?: readonly string[] | undefined;
  /** Judges every proxied exchange; without one nothing is judged. */
  judge?: ProxyJudge | undefined;
  /** Adds the `x-ges-violations` header to each answer that broke a rule (the answer then waits for its judging). */
  violationsHeader?: boolean | undefined;
  /** Keeps every job the list answers show, for `recording()`. Default false. */
  record?: boolean | undefined;
  /** Told about each violation once, when found. */
  onViolation?: ((violation: ListedViolation) => void) | undefined;
}

/** Options of createGesProxy: the proxy's, the server's, the API's, and the settings of the mock engine behind the mocked graphs. */
export type GesProxyOptions = ProxySettings &
  ServerSettings &
  Omit<ApiSettings, 'forward'> &
  Omit<EngineSettings, 'graphs'> & {
    /** The mock engine's clock. Default: the system clock at `speed`. */
    clock?: AdjustableClock | undefined;
    speed?: number | undefined;
    /** Jobs of the mocked graphs (docs/fixtures.md). */
    fixtures?: FixtureDocument | undefined;
    /** Faults from the start, on proxied and mocked requests alike. */
    faults?: FaultConfig | undefined;
  };

/** What `GET /__mock/violations` answers in JSON. */
export interface ViolationReport {
  judging: boolean;
  upstream: string;
  /** Proxied exchanges: judged, and those whose body was not (with why, for the last ones). */
  exchanges: {
    proxied: number;
    judged: number;
    /** The upstream gave no answer (502/504): nothing to judge. */
    upstreamFailures: number;
    /** Not judged because the judge was too far behind. */
    notJudged: number;
    /** Judged by status and headers only. */
    bodiesNotJudged: number;
    recentBodiesNotJudged: { seq: number; method: string; url: string; status: number; why: string }[];
  };
  failed: number;
  warnings: number;
  /** Violations no longer listed (the list keeps the last 10,000). */
  dropped: number;
  violations: ListedViolation[];
}

/** A running proxy: the server (url, api, close, drain) and what it found. */
export interface GesProxy extends GesServer {
  /** The upstream as it may be shown (no user or password). */
  readonly upstream: string;
  /** Every violation found so far (after the judging in flight), filtered. */
  violations(filter?: ViolationFilter): Promise<ListedViolation[]>;
  /** What `GET /__mock/violations` answers. */
  violationReport(filter?: ViolationFilter): Promise<ViolationReport>;
  /** The judge's report of the whole session (JUnit XML, JSON or text); undefined without a judge. */
  report(format: ReportFormat): Promise<string | undefined>;
  /** The fixture document of every job seen (with `record`); undefined before a list answer. */
  recording(): Promise<FixtureDocument | undefined>;
  /** Whether the recording changed since `recording()` was last read. */
  readonly recordingChanged: boolean;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_JUDGED_BYTES = 8 * 1024 * 1024;
/**
 * Exchanges judged together for what only a comparison shows, and how often: every ACROSS_EVERY
 * exchanges the last ACROSS_WINDOW, so any two exchanges up to ACROSS_EVERY apart meet in a pass (a
 * whole contract run's related answers do: the tests check that the proxy then finds what
 * `ges-contract --har` finds in its recording). A pass judges 100 exchanges, about 16 ms of CPU here.
 */
const ACROSS_WINDOW = 100;
const ACROSS_EVERY = 50;
/** A pass across runs this long after the last exchange, unless ACROSS_EVERY came first. */
const ACROSS_IDLE_MS = 250;
/** Most text the window of recent exchanges holds; the oldest go first. */
const WINDOW_TEXT_BYTES = 32 * 1024 * 1024;
/** Exchanges waiting for their judge at once; past it an exchange is counted, not judged. */
const MAX_PENDING = 256;
/** Exchanges whose body was not judged, listed by the report (the count covers all). */
const LISTED_UNJUDGED = 20;
/** Most characters of the violations header. */
const HEADER_CAP = 4096;

/** Headers a page may read from a proxied answer (CORS), besides the mock's own. */
const EXPOSED = 'X-Mock-Example, X-Mock-Fault, X-Ges-Violations';

/** Reads `name` or `project/name` items into a test: is this project's graph mocked? */
function readMockGraphs(items: readonly string[]): (project: string | undefined, graph: string | undefined) => boolean {
  const everywhere = new Set<string>();
  const perProject = new Set<string>();
  for (const item of items) {
    const slash = item.indexOf('/');
    const project = slash === -1 ? undefined : item.slice(0, slash);
    const graph = slash === -1 ? item : item.slice(slash + 1);
    if (!graphNamePattern.test(graph) || (project !== undefined && !projectIdPattern.test(project))) {
      throw new TypeError(
        `createGesProxy: mockGraphs item ${JSON.stringify(item)} is not a graph name (4-50 letters, digits or _, from a letter) or project_id/graph_name.`,
      );
    }
    if (project === undefined) everywhere.add(graph);
    else perProject.add(`${project}/${graph}`);
  }
  return (project, graph) => graph !== undefined && (everywhere.has(graph) || perProject.has(`${project}/${graph}`));
}

/** The graph names the mock engine must hold for the mocked graphs. */
const mockedNames = (items: readonly string[]) => [...new Set(items.map((item) => item.slice(item.indexOf('/') + 1)))];

/** Project and graph of a /ges/ path that is no operation of the spec, when it names them. */
function placeOfPath(path: string): { project: string | undefined; graph: string | undefined } {
  const match = /^\/ges\/v1\.0\/([^/]+)\/graphs\/([^/]+)/.exec(path);
  return { project: decodeSegment(match?.[1] ?? ''), graph: match ? decodeSegment(match[2] ?? '') : undefined };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`createGesProxy: ${name} must be an integer >= 1, got ${value}`);
  return value;
}

/** The upstream URL, or a TypeError saying why it is none. */
function readUpstream(upstream: string | URL): URL {
  let url: URL;
  try {
    url = new URL(String(upstream));
  } catch {
    throw new TypeError(`createGesProxy: upstream must be an http(s) URL, got ${JSON.stringify(String(upstream))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`createGesProxy: upstream must be an http(s) URL, got a ${url.protocol} URL`);
  if (url.search || url.hash) throw new TypeError('createGesProxy: upstream must not carry a query or fragment');
  return url;
}

/** JSON of the broken rules, in visible ASCII (a header value), cut to HEADER_CAP characters. */
function violationsHeaderValue(violations: readonly ListedViolation[]): string {
  const items = violations.map((v) => ({ check: v.check, level: v.level, message: v.message.slice(0, 200) }));
  const ascii = (value: unknown) =>
    JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  let text = ascii(items);
  while (text.length > HEADER_CAP && items.length > 1) {
    items.pop();
    text = ascii([...items, { more: violations.length - items.length }]);
  }
  return text.length > HEADER_CAP ? ascii([{ more: violations.length }]) : text;
}

/** Starts the proxy; rejects when the port cannot be bound. */
export async function createGesProxy(options: GesProxyOptions): Promise<GesProxy> {
  const upstreamUrl = readUpstream(options.upstream);
  const timeoutMs = positive('upstreamTimeoutMs', options.upstreamTimeoutMs, DEFAULT_TIMEOUT_MS);
  const maxJudgedBytes = positive('maxJudgedBytes', options.maxJudgedBytes, DEFAULT_MAX_JUDGED_BYTES);
  const mockGraphs = options.mockGraphs ?? [];
  const isMocked = readMockGraphs(mockGraphs);
  const { judge, onViolation, violationsHeader = false } = options;
  const cors = options.cors !== false;
  const onError = options.onError;
  const client = createUpstreamClient({ upstream: upstreamUrl, timeoutMs, maxReadBytes: maxJudgedBytes });
  const seen = options.record ? createSeenJobs(client.shown) : undefined;
  const list = createViolationList();
  const responder = createResponder(cors);

  let proxied = 0;
  let judged = 0;
  let upstreamFailures = 0;
  let notJudged = 0;
  let bodiesNotJudged = 0;
  const unjudged: ViolationReport['exchanges']['recentBodiesNotJudged'] = [];
  /** Recent judged exchanges, oldest first, for the passes across them. */
  const recent: ProxyExchange[] = [];
  let recentText = 0;
  const pending = new Set<Promise<unknown>>();
  let sinceAcross = 0;
  let acrossTimer: ReturnType<typeof setTimeout> | undefined;
  let across: Promise<void> = Promise.resolve();

  const exchangeOf = (seq: number) => recent.find((exchange) => exchange.seq === seq);
  const reportError = (error: unknown) => {
    try {
      onError?.(error);
    } catch {
      // a broken logger must not break the proxy
    }
  };
  const keep = (found: readonly ProxyViolation[]) => {
    const added = list.add(found, exchangeOf);
    if (onViolation) for (const violation of added) onViolation(violation);
    return added;
  };

  function remember(exchange: ProxyExchange): void {
    recent.push(exchange);
    recentText += exchange.response.text?.length ?? 0;
    while (recent.length > ACROSS_WINDOW || (recentText > WINDOW_TEXT_BYTES && recent.length > 1)) {
      recentText -= recent.shift()?.response.text?.length ?? 0;
    }
  }

  /** Judges the recent exchanges together (one pass at a time); resolves once it is done. */
  function judgeAcross(): Promise<void> {
    if (acrossTimer) clearTimeout(acrossTimer);
    acrossTimer = undefined;
    if (!judge || sinceAcross === 0 || recent.length < 2) return across;
    sinceAcross = 0;
    const window = [...recent];
    across = across.then(
      () => judge.judgeAcross(window).then(keep, reportError),
      () => undefined,
    ) as Promise<void>;
    return across;
  }

  function scheduleAcross(): void {
    sinceAcross++;
    if (sinceAcross >= ACROSS_EVERY) {
      void judgeAcross();
      return;
    }
    if (acrossTimer) clearTimeout(acrossTimer);
    acrossTimer = setTimeout(() => void judgeAcross(), ACROSS_IDLE_MS);
    acrossTimer.unref();
  }

  /** Every judging in flight, then a pass across what is recent. */
  async function settle(): Promise<void> {
    while (pending.size > 0) await Promise.all([...pending]);
    await judgeAcross();
  }

  /**
   * Judges one exchange; resolves to the violations found on it (never rejects). Unless the answer
   * waits for its verdict (`now`), judging starts after the answer is written, on the next turn.
   */
  function judgeNow(exchange: ProxyExchange, now: boolean): Promise<ListedViolation[]> {
    if (!judge) return Promise.resolve([]);
    if (pending.size >= MAX_PENDING) {
      notJudged++;
      return Promise.resolve([]);
    }
    judged++;
    remember(exchange);
    const start = now ? Promise.resolve() : new Promise<void>((resolve) => setImmediate(resolve));
    const judging = start
      .then(() => judge.judgeOne(exchange))
      .then(keep, (error: unknown) => {
        reportError(error);
        return [];
      });
    pending.add(judging);
    void judging.then(() => {
      pending.delete(judging);
      scheduleAcross();
    });
    return judging;
  }

  /** The exchange as the judge sees it. */
  function toExchange(seq: number, started: number, request: ApiRequest, route: OperationMatch, answer: UpstreamAnswer): ProxyExchange {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || name === 'cookie' || name === 'authorization' || name === 'x-mock-control-token') continue;
      headers[name] = name === 'x-auth-token' ? (value === '' ? '' : '***') : value;
    }
    const url = `${client.shown}${toLoggedTarget(targetOf(request.url))}`;
    const response: ProxyExchange['response'] = {
      status: answer.status,
      headers: answer.headers,
      text: answer.text,
      ...(answer.rest === undefined ? { size: answer.head.byteLength } : {}),
      ...(answer.noText !== undefined && answer.head.byteLength > 0 ? { unjudgedBody: answer.noText } : {}),
    };
    return {
      seq,
      operationId: route.operationId,
      project: decodeSegment(route.params['project_id'] ?? ''),
      graph: decodeSegment(route.params['graph_name'] ?? ''),
      startedAt: new Date(started).toISOString(),
      durationMs: Math.round(answer.durationMs * 1000) / 1000,
      request: { method: request.method, url, headers, ...(request.body !== undefined ? { body: request.body } : {}) },
      response,
    };
  }

  /** The answer's headers for the client: the upstream's, with CORS when on. */
  function clientHeaders(request: ApiRequest, upstream: Record<string, string>): Record<string, string> {
    if (!cors) return upstream;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(upstream)) if (!name.startsWith('access-control-')) headers[name] = value;
    headers.vary = headers.vary ? `${headers.vary}, Origin` : 'Origin';
    const echoed = withCorsOrigin(headers, request.headers.origin);
    if (echoed !== headers) echoed['access-control-expose-headers'] = EXPOSED;
    return echoed;
  }

  async function proxy(request: ApiRequest, route: OperationMatch | undefined): Promise<ApiResponse> {
    const seq = ++proxied;
    const started = Date.now();
    const answer = await client.send(request);
    if (!answer.ok) {
      upstreamFailures++;
      return responder.error(request, httpErrors.upstreamFailed(answer.status, answer.message));
    }
    let broken: ListedViolation[] = [];
    // Without a judge or a recording, nothing reads the exchange: it is not built.
    if (route && (judge || seen)) {
      const exchange = toExchange(seq, started, request, route, answer);
      if (exchange.response.unjudgedBody !== undefined) {
        bodiesNotJudged++;
        unjudged.push({
          seq,
          method: request.method,
          url: exchange.request.url,
          status: answer.status,
          why: exchange.response.unjudgedBody,
        });
        if (unjudged.length > LISTED_UNJUDGED) unjudged.shift();
      }
      if (
        seen &&
        route.operationId === 'listJobs' &&
        answer.status === 200 &&
        exchange.project !== undefined &&
        exchange.graph !== undefined
      ) {
        if (answer.text === undefined) seen.missed();
        else {
          try {
            seen.see(exchange.project, exchange.graph, JSON.parse(answer.text), started);
          } catch {
            seen.missed();
          }
        }
      }
      const judging = judgeNow(exchange, violationsHeader);
      if (violationsHeader) broken = await judging;
    }
    const headers = clientHeaders(request, answer.headers);
    if (broken.length > 0) headers[VIOLATIONS_HEADER] = violationsHeaderValue(broken);
    return {
      status: answer.status,
      headers,
      ...(answer.text !== undefined ? { body: answer.text } : {}),
      bytes: {
        head: answer.head,
        rest: answer.rest,
        discard: answer.discard,
        ...(answer.setCookies.length > 0 ? { repeated: { 'set-cookie': answer.setCookies } } : {}),
      },
    };
  }

  const forward: ForwardRequest = (request, route) => {
    const place = route
      ? { project: decodeSegment(route.params['project_id'] ?? ''), graph: decodeSegment(route.params['graph_name'] ?? '') }
      : placeOfPath(splitTarget(request.url).path);
    if (isMocked(place.project, place.graph)) return undefined;
    if (request.bodyTooLarge || request.bodyUnread !== undefined) {
      return responder.error(
        request,
        httpErrors.malformed('the proxy forwards request bodies up to 1 MiB (1048576 bytes), the most a GES request carries.'),
      );
    }
    return proxy(request, route);
  };

  const api = createApi({
    ...options,
    graphs: mockedNames(mockGraphs),
    forward,
  });

  async function violationReport(filter: ViolationFilter = {}): Promise<ViolationReport> {
    await settle();
    const counts = list.counts();
    return {
      judging: judge !== undefined,
      upstream: client.shown,
      exchanges: { proxied, judged, upstreamFailures, notJudged, bodiesNotJudged, recentBodiesNotJudged: [...unjudged] },
      failed: counts.failed,
      warnings: counts.warnings,
      dropped: counts.dropped,
      violations: list.list(filter),
    };
  }

  const handle = (request: ApiRequest): ApiResponse | Promise<ApiResponse> => {
    const { path, search } = splitTarget(request.url);
    if (options.control === false || !path.startsWith('/__mock/') || !path.endsWith('/violations')) return api.handle(request);
    const target = readControlPath(path);
    if (!target.ok || target.route !== '/violations') return api.handle(request);
    if (request.method !== 'GET' && request.method !== 'HEAD') return responder.error(request, httpErrors.noSuchApi(request.method, path));
    if (options.controlToken !== undefined && request.headers['x-mock-control-token'] !== options.controlToken) {
      return responder.error(request, httpErrors.invalidControlToken());
    }
    const answer = answerViolations(request, search, target.world);
    return request.method === 'HEAD' ? toHeadResponse(answer) : answer;
  };

  async function answerViolations(request: ApiRequest, search: string, world: string | undefined): Promise<ApiResponse> {
    const filter: ViolationFilter = world === undefined ? {} : { project: world };
    let format: ReportFormat | 'list' = 'list';
    for (const [name, value] of new URLSearchParams(search)) {
      if (name === 'format' && (value === 'json' || value === 'junit' || value === 'text') && world === undefined) format = value;
      else if (name === 'check') filter.check = value;
      else if (name === 'level' && (value === 'must' || value === 'should')) filter.level = value;
      else if (name === 'project' && world === undefined && projectIdPattern.test(value)) filter.project = value;
      else {
        return responder.error(
          request,
          httpErrors.malformed(
            `the violations are filtered by check, level (must or should)${world === undefined ? ', project, and reported with format (junit, json or text)' : ''}; got ${name}=${JSON.stringify(value)}.`,
          ),
        );
      }
    }
    try {
      if (format === 'list') return responder.respond(request, { kind: 'json', status: 200, value: await violationReport(filter) });
      if (!judge)
        return responder.error(
          request,
          httpErrors.malformed('the proxy judges nothing (started without a judge, --no-judge), so it has no report.'),
        );
      await settle();
      const body = await judge.report(format);
      const contentType =
        format === 'junit' ? 'application/xml; charset=utf-8' : format === 'json' ? 'application/json' : 'text/plain; charset=utf-8';
      return responder.respond(request, { kind: 'page', contentType, body });
    } catch (error) {
      reportError(error);
      return responder.error(request, httpErrors.upstreamFailed(502, 'The proxy could not make its report.'));
    }
  }

  let server: GesServer;
  try {
    const { port, host, headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, idleTimeoutMs, onRequest } = options;
    server = await startGesServer({
      port,
      host,
      headersTimeoutMs,
      requestTimeoutMs,
      keepAliveTimeoutMs,
      idleTimeoutMs,
      onRequest,
      api: { ...api, handle } satisfies GesApi,
    });
  } catch (error) {
    client.close();
    throw error;
  }
  const stop = () => {
    if (acrossTimer) clearTimeout(acrossTimer);
    client.close();
  };
  return {
    ...server,
    upstream: client.shown,
    close: () => server.close().finally(stop),
    drain: (graceMs) => server.drain(graceMs).finally(stop),
    violations: async (filter) => (await violationReport(filter)).violations,
    violationReport,
    report: async (format) => {
      if (!judge) return undefined;
      await settle();
      return judge.report(format);
    },
    recording: async () => seen?.document(),
    get recordingChanged() {
      return seen?.changed ?? false;
    },
  };
}
