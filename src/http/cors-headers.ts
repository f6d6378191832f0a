/**
 * CORS for browser clients on other localhost ports: the request's Origin is echoed (not `*`) with
 * credentials allowed, so `fetch(url, { credentials: 'include' })` from a dev server works.
 */

/** Methods and headers a preflight allows. */
const CORS_ALLOW_METHODS = 'GET,POST,DELETE,PUT,OPTIONS';
/** Request headers a preflight allows. */
const CORS_ALLOW_HEADERS = 'Content-Type, X-Auth-Token, Prefer, X-Mock-Control-Token';

/** Response headers a page may read: which example or fault answered (for the inspector and devtools code). */
const CORS_EXPOSE_HEADERS = 'X-Mock-Example, X-Mock-Fault';

/** Only visible ASCII is echoed: anything else could not be written as a header value anyway. */
const SAFE_ORIGIN = /^[\x21-\x7e]{1,512}$/;

/** Adds the echo headers for `origin` to a copy of `base`; `base` itself when there is nothing to echo. */
export function withCorsOrigin(base: Record<string, string>, origin: string | undefined): Record<string, string> {
  if (origin === undefined || !SAFE_ORIGIN.test(origin)) return base;
  return {
    ...base,
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
  };
}

/** The headers of a 204 preflight answer. */
export function preflightHeaders(origin: string | undefined): Record<string, string> {
  return withCorsOrigin(
    {
      'access-control-allow-methods': CORS_ALLOW_METHODS,
      'access-control-allow-headers': CORS_ALLOW_HEADERS,
      'access-control-max-age': '600',
      vary: 'Origin',
    },
    origin,
  );
}
