/**
 * MSW adapters over the transport-free API: one `http.all` handler for `/ges/*` and one for
 * `/__mock/*`. They convert a fetch Request into an ApiRequest and the ApiResponse back; every
 * decision is the API's. Imports only from 'msw', so msw 2 and 3 both work.
 */
import { http, HttpResponse } from 'msw';
import { apiFrom, type ApiChoice } from '../src/http/create-api.js';
import type { ApiRequest } from '../src/http/http-types.js';
import { MAX_BODY_BYTES } from '../src/http/parse-algorithm-body.js';

/** Options of createGesHandlers: an API built elsewhere (e.g. to share it with tests) or everything createApi takes, and an origin. */
export type GesHandlersOptions = {
  /** Only intercept this origin, e.g. `http://127.0.0.1:4010`. Default: any origin. */
  baseUrl?: string | undefined;
} & ApiChoice;

/** The handler type of the installed msw version. */
export type GesHandler = ReturnType<typeof http.all>;

/** Converts a fetch Request into the API's request. */
async function toApiRequest(request: Request): Promise<ApiRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const apiRequest: ApiRequest = { method: request.method, url: url.pathname + url.search, headers };
  if (request.method === 'GET' || request.method === 'HEAD') return apiRequest;
  // A declared length over the limit is refused without reading the body into memory.
  if (Number(headers['content-length']) > MAX_BODY_BYTES) return { ...apiRequest, bodyTooLarge: true };
  const body = await request.text();
  return body === '' ? apiRequest : { ...apiRequest, body };
}

/** MSW handlers answering the GES job APIs and the /__mock/ control routes. */
export function createHandlers(options: GesHandlersOptions = {}): GesHandler[] {
  const api = apiFrom(options);
  const base = options.baseUrl === undefined ? '*' : options.baseUrl.replace(/\/+$/, '');
  const resolver = async ({ request }: { request: Request }) => {
    // MSW awaits every resolver anyway: a synchronous answer is simply awaited too.
    const response = await api.handle(await toApiRequest(request));
    // Both connection faults look the same to fetch: a network error.
    if (response.fault) return HttpResponse.error();
    return new HttpResponse(response.body ?? null, { status: response.status, headers: response.headers });
  };
  return [http.all(`${base}/ges/*`, resolver), http.all(`${base}/__mock/*`, resolver)];
}
