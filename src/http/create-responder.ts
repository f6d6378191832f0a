/**
 * Turns a route's answer into what the adapter writes: JSON with its headers, a page, or the GES
 * envelope of an error (the one place an HttpError becomes a response), with the CORS headers when
 * CORS is on.
 */
import { withCorsOrigin } from './cors-headers.js';
import type { ApiRequest, ApiResponse, RouteResult } from './http-types.js';
import { toEnvelopeJson, type HttpError } from './to-ges-error.js';

/** Builds responses for one API. */
export interface Responder {
  /** A route's answer as the response. */
  respond(request: ApiRequest, result: RouteResult): ApiResponse;
  /** An error's GES envelope, with extra headers (e.g. `x-mock-fault`). */
  error(request: ApiRequest, error: HttpError, extra?: Record<string, string>): ApiResponse;
  /** The JSON headers (CORS added). */
  headers(request: ApiRequest, base?: Record<string, string>): Record<string, string>;
}

/** A responder; with `cors`, every answer echoes the request's Origin with credentials. */
export function createResponder(cors: boolean): Responder {
  // Shared, never mutated: the fast path sends these as they are.
  const jsonHeaders: Record<string, string> = cors
    ? { 'content-type': 'application/json', vary: 'Origin' }
    : { 'content-type': 'application/json' };
  const headers = (request: ApiRequest, base: Record<string, string> = jsonHeaders) =>
    cors ? withCorsOrigin(base, request.headers.origin) : base;
  const error = (request: ApiRequest, failure: HttpError, extra?: Record<string, string>): ApiResponse => ({
    status: failure.status,
    headers: extra ? { ...headers(request), ...extra } : headers(request),
    body: toEnvelopeJson(failure),
  });
  return {
    headers,
    error,
    respond(request, result) {
      if (result.kind === 'error') return error(request, result.error);
      if (result.kind === 'page') {
        return {
          status: 200,
          headers: headers(request, { 'content-type': result.contentType, 'cache-control': 'no-store' }),
          body: result.body,
        };
      }
      return { status: result.status, headers: headers(request), body: result.text ?? JSON.stringify(result.value) };
    },
  };
}
