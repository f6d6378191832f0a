/**
 * The request journal as HAR 1.2 (`GET /__mock/requests.har`): what browsers' devtools save, so the
 * same tools read it, `ges-contract --har` among them. Credentials are already masked by the journal.
 */
import type { JournalExchange } from './request-journal.js';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const pairs = (record: Record<string, string>) => Object.entries(record).map(([name, value]) => ({ name, value }));

/** Converts journal exchanges into a HAR 1.2 document (an object; JSON.stringify it to save). */
export function toHar(exchanges: readonly JournalExchange[], creatorVersion: string): Record<string, unknown> {
  const entries = exchanges.map(({ entry, response, responseLength, host }) => {
    const queryString = Object.entries(entry.query).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: v })),
    );
    const search = queryString.length ? `?${new URLSearchParams(queryString.map((q) => [q.name, q.value])).toString()}` : '';
    const contentType = entry.requestHeaders['content-type'];
    const request: Record<string, unknown> = {
      method: entry.method,
      url: `http://${host ?? 'localhost'}${entry.path}${search}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(entry.requestHeaders),
      queryString,
      headersSize: -1,
      bodySize: entry.requestBody?.length ?? 0,
    };
    if (entry.requestBody !== undefined) request['postData'] = { mimeType: contentType ?? 'application/json', text: entry.requestBody };
    const mimeType = response.headers['content-type'] ?? '';
    const content: Record<string, unknown> = { size: responseLength, mimeType };
    if (response.body !== undefined) content['text'] = response.body;
    const status = entry.status;
    return {
      startedDateTime: entry.startedAt,
      time: entry.durationMs,
      request,
      response: {
        status,
        statusText: status === 0 ? '' : (STATUS_TEXT[status] ?? ''),
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: status === 0 ? [] : pairs(response.headers),
        content,
        redirectURL: '',
        headersSize: -1,
        bodySize: status === 0 ? -1 : responseLength,
      },
      cache: {},
      timings: { send: 0, wait: entry.durationMs, receive: 0 },
      comment: entry.fault ? `fault: ${entry.fault.kind}` : '',
    };
  });
  return { log: { version: '1.2', creator: { name: 'ges-jobs-kit', version: creatorVersion }, entries } };
}
