/**
 * node:http over the transport-free API: an IncomingMessage becomes an ApiRequest, the ApiResponse
 * is written back (or a connection fault acted out). No decisions here, only conversion, plus the
 * body limit, which must hold while reading so that a huge body never sits in memory.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { monotonicNow } from '../clocks.js';
import type { GesApi } from '../http/create-api.js';
import type { ApiRequest, ApiResponse, ResponseBytes } from '../http/http-types.js';
import { MAX_BODY_BYTES } from '../http/parse-algorithm-body.js';

/** Past this many bytes of a refused body we stop draining and drop the connection. */
const DISCARD_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

type Headers = ApiRequest['headers'];

/** One answered request, as a request log sees it. */
export interface RequestRecord {
  method: string;
  /** Path and query as sent (percent-encoded); a log must redact it before printing. */
  url: string;
  /** The status sent; 0 when nothing was (a connection fault, or the client left first). */
  status: number;
  /** From the request's headers to the answer's last byte handed to the socket. */
  durationMs: number;
  /**
   * When that last byte was handed over, on the monotonic clock (`performance.now()` ms), so a log
   * can stamp the line without reading the wall clock again. Absent: the log reads the wall clock.
   */
  answeredAt?: number | undefined;
  /** Why no status was sent: the injected connection fault, or `client-closed`. */
  outcome?: 'CONNECTION_RESET_BY_PEER' | 'EMPTY_RESPONSE' | 'client-closed' | undefined;
}

/** Told about each request once it is answered; called synchronously, so it must be cheap. */
export type OnRequest = (record: RequestRecord) => void;

/**
 * The headers to write for a body: the answer's own plus its length. Requests for the same page get
 * the same body string and the same headers object, so the last ones are remembered: the common case
 * measures no string and builds no object.
 */
function createHeaderWriter(): (headers: ApiResponse['headers'], body: string) => OutgoingHttpHeaders {
  let lastBody: string | undefined;
  let lastLength = 0;
  let lastHeaders: ApiResponse['headers'] | undefined;
  let lastWritten: OutgoingHttpHeaders = {};
  return (headers, body) => {
    if (body !== lastBody) {
      lastBody = body;
      lastLength = Buffer.byteLength(body);
      lastHeaders = undefined;
    }
    if (headers !== lastHeaders) {
      lastHeaders = headers;
      // One headers object for writeHead (never changed by node): it merges setHeader() values on a slower path.
      lastWritten = { ...headers, 'content-length': lastLength };
    }
    return lastWritten;
  };
}

type HeadersFor = ReturnType<typeof createHeaderWriter>;

/** Tells the log of an answered request: one clock reading gives both its duration and its time. */
function logged(onRequest: OnRequest, req: IncomingMessage, status: number, started: number, outcome: RequestRecord['outcome']): void {
  const answeredAt = monotonicNow();
  onRequest({ method: req.method ?? 'GET', url: req.url ?? '/', status, durationMs: answeredAt - started, answeredAt, outcome });
}

function writeResponse(
  req: IncomingMessage,
  res: ServerResponse,
  response: ApiResponse,
  onRequest: OnRequest | undefined,
  started: number,
  headersFor: HeadersFor,
): void {
  const socket = req.socket;
  if (res.destroyed || socket.destroyed) {
    // the client left while latency was injected (or while a proxied answer was on its way)
    response.bytes?.discard();
    if (onRequest) logged(onRequest, req, 0, started, 'client-closed');
    return;
  }
  if (response.fault) {
    if (response.fault === 'CONNECTION_RESET_BY_PEER') {
      // A real TCP RST where the platform has it; destroy() alone would be an orderly close.
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else socket.destroy();
    } else {
      socket.end(); // EMPTY_RESPONSE: FIN without a single response byte
    }
    if (onRequest) logged(onRequest, req, 0, started, response.fault);
    return;
  }
  if (response.bytes) {
    writeBytes(req, res, response, response.bytes, onRequest, started);
    return;
  }
  const body = response.body;
  // An explicit length instead of chunked encoding: simpler for clients, and cheaper to write.
  res.writeHead(response.status, body === undefined ? response.headers : headersFor(response.headers, body));
  res.end(body);
  if (onRequest) logged(onRequest, req, response.status, started, undefined);
}

/**
 * Writes a passed-through body as it is: its bytes with their length when all were read, else the
 * bytes read, then the rest as it arrives (with backpressure); a sender that fails mid-way, or a
 * client that leaves, ends the connection, never the process.
 */
function writeBytes(
  req: IncomingMessage,
  res: ServerResponse,
  response: ApiResponse,
  bytes: ResponseBytes,
  onRequest: OnRequest | undefined,
  started: number,
): void {
  for (const [name, values] of Object.entries(bytes.repeated ?? {})) res.setHeader(name, values as string[]);
  const tell = () => {
    if (onRequest) logged(onRequest, req, response.status, started, undefined);
  };
  if (bytes.rest === undefined) {
    // 204 and 304 carry no body and, by RFC 9110, no length of one.
    const bodiless = response.status === 204 || response.status === 304;
    res.writeHead(response.status, bodiless ? response.headers : { ...response.headers, 'content-length': bytes.head.byteLength });
    res.end(bytes.head);
    tell();
    return;
  }
  res.writeHead(response.status, response.headers);
  res.write(bytes.head);
  pipeline(Readable.from(bytes.rest, { objectMode: false }), res).then(tell, () => {
    bytes.discard();
    res.destroy();
    tell();
  });
}

/** The request listener for http.createServer; `onRequest` (a request log) hears of every answer. */
export function toNodeListener(api: GesApi, onRequest?: OnRequest): (req: IncomingMessage, res: ServerResponse) => void {
  const headersFor = createHeaderWriter();
  const answer = (req: IncomingMessage, res: ServerResponse, request: ApiRequest, started: number): void => {
    const response = api.handle(request);
    if (response instanceof Promise) {
      response.then(
        (resolved) => writeResponse(req, res, resolved, onRequest, started, headersFor),
        () => res.destroy(), // it never rejects; if it ever did, do not leave the socket hanging
      );
    } else {
      writeResponse(req, res, response, onRequest, started, headersFor);
    }
  };
  return (req, res) => {
    // Read the time only for a log (the journal then times the request from the same reading): the
    // fast path without one stays as it was.
    const started = onRequest ? monotonicNow() : 0;
    const receivedAt = onRequest ? started : undefined;
    // Node joins repeated headers into one string; only set-cookie stays an array, and nothing reads it.
    const headers = req.headers as Headers;
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const contentLength = headers['content-length'];
    if ((contentLength === undefined || contentLength === '0') && headers['transfer-encoding'] === undefined) {
      answer(req, res, { method, url, headers, receivedAt }, started);
      return;
    }

    req.on('error', () => {}); // an aborted upload is the client's business, never a crash
    const declared = Number(contentLength);
    if (declared > DISCARD_LIMIT_BYTES) {
      // Too big even to drain: answer now and close the connection behind the answer.
      res.setHeader('connection', 'close');
      answer(req, res, { method, url, headers, bodyTooLarge: true, receivedAt }, started);
      req.resume();
      return;
    }
    const declaredBytes = Number.isSafeInteger(declared) && declared > 0 ? declared : 0; // 0: chunked, length unknown
    // Past the memory budget the refusal is answered now, and the body is drained unread below.
    const unread = !api.admitsBody({ method, url }, declaredBytes);
    if (unread) answer(req, res, { method, url, headers, bodyUnread: declaredBytes, receivedAt }, started);
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = unread; // not buffering: drain what comes (keeping the connection), up to the discard limit
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (refused) {
        if (received > DISCARD_LIMIT_BYTES) req.socket.destroy();
        return;
      }
      if (received > MAX_BODY_BYTES) {
        refused = true; // stop buffering; keep draining so the client can read our 400
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (unread) return; // answered already
      if (refused) {
        answer(req, res, { method, url, headers, bodyTooLarge: true, receivedAt }, started);
        return;
      }
      const body = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, received).toString('utf8');
      answer(req, res, { method, url, headers, body, receivedAt }, started);
    });
  };
}
