/**
 * Deliberately broken implementations: the real mock's API wrapped so that its answers are corrupted
 * in ONE way, served over node:http on port 0. The mutation-score test runs the kit against each.
 */
import { createApi, type GesApi } from '../../../src/http/create-api.js';
import type { ApiRequest, ApiResponse } from '../../../src/http/http-types.js';
import { createManualClock } from '../../../src/clocks.js';
import { startGesServer, type GesServer } from '../../../src/server/start-ges-server.js';
import { routeOperation } from '../../../src/spec/route-operation.js';
import type { OperationId } from '../../../src/types.js';

/** The project and token every corrupt server is tested with. */
export const PROJECT = '0123456789abcdef0123456789abcdef';
export const TOKEN = 'contract-test-token';
/** A token the server knows, allowed only on another project: the 403 path. */
export const FORBIDDEN_TOKEN = 'other-project-token';
const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';

/** Which operation a request is for, read from its path by the spec's router; `other` for no API. */
type Operation = OperationId | 'other';

/** A request as a corruption sees it. */
export interface Seen {
  request: ApiRequest;
  operation: Operation;
  url: URL;
  /** The real API, to answer a rewritten request. */
  inner: GesApi;
}

/** Rewrites one answer (or the request before it is answered). */
export type Corruption = (seen: Seen, answer: (request?: ApiRequest) => Promise<ApiResponse>) => Promise<ApiResponse>;

/** The operation of a request path. */
function operationOf(method: string, path: string): Operation {
  return routeOperation(method, path)?.operationId ?? 'other';
}

/** Whether a request is for an API that creates jobs (a submission), by the spec's operations. */
export const isSubmission = (seen: Seen): boolean =>
  seen.operation !== 'other' && seen.operation !== 'listJobs' && seen.operation !== 'getJobStatus' && seen.operation !== 'cancelJob';

/** The JSON body of an answer (undefined when none). */
export function bodyOf(response: ApiResponse): Record<string, unknown> | undefined {
  if (!response.body) return undefined;
  try {
    return JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The same answer with another JSON body. */
export function withBody(response: ApiResponse, body: unknown, status = response.status): ApiResponse {
  return { ...response, status, body: JSON.stringify(body) };
}

/** Applies `edit` to every job of a 200 list answer. */
export function editJobs(response: ApiResponse, edit: (job: Record<string, unknown>, index: number) => void): ApiResponse {
  const body = bodyOf(response);
  if (response.status !== 200 || !body || !Array.isArray(body.jobs)) return response;
  (body.jobs as Record<string, unknown>[]).forEach(edit);
  return withBody(response, body);
}

/** A corruption that edits every job of each list answer and leaves the other operations alone. */
export function editListedJobs(edit: (job: Record<string, unknown>, index: number) => void): Corruption {
  return async (seen, answer) => {
    const response = await answer();
    return seen.operation === 'listJobs' ? editJobs(response, edit) : response;
  };
}

/**
 * A corruption that reshapes the whole job list (filters or reorders it) and then pages it, so that
 * every page, the unpaged list and jobCount agree: a consistent server, only its jobs differ.
 */
export function reshapeList(reshape: (jobs: Record<string, unknown>[]) => Record<string, unknown>[]): Corruption {
  return async (seen, answer) => {
    if (seen.operation !== 'listJobs') return answer();
    const page = await answer();
    const body = bodyOf(page);
    if (page.status !== 200 || !Array.isArray(body?.jobs)) return page;
    const full = bodyOf(await answer(withQuery(seen, { limit: undefined, offset: undefined })));
    const jobs = reshape((full?.jobs ?? []) as Record<string, unknown>[]);
    const offset = Number(seen.url.searchParams.get('offset') ?? 0);
    const limit = Number(seen.url.searchParams.get('limit') ?? 100000);
    return withBody(page, { ...body, jobs: jobs.slice(offset, offset + limit), jobCount: jobs.length });
  };
}

/** The request sent with another X-Auth-Token. */
export const withToken = (seen: Seen, token: string): ApiRequest => ({
  ...seen.request,
  headers: { ...seen.request.headers, 'x-auth-token': token },
});

/** A request with some query parameters replaced (undefined deletes). */
export function withQuery(seen: Seen, changes: Record<string, string | undefined>): ApiRequest {
  const url = new URL(seen.url);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return { ...seen.request, url: url.pathname + url.search };
}

/** A fresh real API on a manual clock (jobs stay where they are; pagerank stays cancellable); TOKEN works on every project. */
function createRealApi(): GesApi {
  return createApi({ clock: createManualClock(), seed: 7, tokens: [TOKEN, `${FORBIDDEN_TOKEN}:${OTHER_PROJECT}`] });
}

/** Serves the real API with one corruption (none: the real mock) on 127.0.0.1, port 0. */
export function startCorruptServer(corruption?: Corruption): Promise<GesServer> {
  const inner = createRealApi();
  if (!corruption) return startGesServer({ api: inner, port: 0 });
  const handle = (request: ApiRequest): Promise<ApiResponse> => {
    const url = new URL(request.url, 'http://mock.local');
    const seen: Seen = { request, operation: operationOf(request.method, url.pathname), url, inner };
    return corruption(seen, async (rewritten) => inner.handle(rewritten ?? request));
  };
  const api: GesApi = { ...inner, handle };
  return startGesServer({ api, port: 0 });
}
