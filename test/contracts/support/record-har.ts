/**
 * Records traffic against a server as a HAR 1.2 document, the way a browser's devtools would save it
 * (request and response headers, bodies as content.text, a cookie and the token in the headers), so
 * the HAR mode can be tested on files made from the mock and then corrupted one way each.
 */

/** One request to record. */
export interface HarRequest {
  method?: string;
  /** Path and query on the server, or an absolute URL. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A HAR entry, as much of it as the tests touch. */
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: { name: string; value: string }[];
    queryString: unknown[];
    cookies: unknown[];
    headersSize: number;
    bodySize: number;
    postData?: { mimeType: string; text: string };
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: { name: string; value: string }[];
    cookies: unknown[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

/** A HAR 1.2 document. */
export interface HarDocument {
  log: { version: string; creator: { name: string; version: string }; entries: HarEntry[] };
}

/** Entries are 100 ms apart from this instant, so the recording's order and time gaps are fixed. */
const START = Date.UTC(2026, 0, 1, 8, 0, 0);

/** Sends each request in order and records it; `baseUrl` is the server's origin. */
export async function recordHar(baseUrl: string, requests: readonly HarRequest[]): Promise<HarDocument> {
  const entries: HarEntry[] = [];
  for (const [i, request] of requests.entries()) {
    const url = /^https?:/.test(request.path) ? request.path : baseUrl + request.path;
    const method = request.method ?? 'GET';
    const headers = { ...(request.headers ?? {}) };
    const response = await fetch(url, {
      method,
      headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      redirect: 'manual',
    });
    const text = await response.text();
    entries.push({
      startedDateTime: new Date(START + i * 100).toISOString(),
      time: 5,
      request: {
        method,
        url,
        httpVersion: 'HTTP/1.1',
        headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: request.body?.length ?? 0,
        ...(request.body !== undefined ? { postData: { mimeType: 'application/json', text: request.body } } : {}),
      },
      response: {
        status: response.status,
        statusText: response.statusText,
        httpVersion: 'HTTP/1.1',
        headers: [...response.headers].map(([name, value]) => ({ name, value })),
        cookies: [],
        content: { size: text.length, mimeType: response.headers.get('content-type') ?? 'x-unknown', text },
        redirectURL: '',
        headersSize: -1,
        bodySize: text.length,
      },
      cache: {},
      timings: { send: 1, wait: 3, receive: 1 },
    });
  }
  return { log: { version: '1.2', creator: { name: 'ges-jobs-kit tests', version: '1' }, entries } };
}
