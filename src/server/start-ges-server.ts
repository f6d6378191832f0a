/**
 * The standalone mock: node:http straight over the transport-free API (no MSW per request, which
 * costs about ten times the throughput).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { apiFrom, type ApiChoice, type GesApi } from '../http/create-api.js';
import { httpErrors, toEnvelopeJson, type HttpError } from '../http/to-ges-error.js';
import { toNodeListener, type OnRequest } from './to-node-listener.js';

/** Where and how the server listens. */
export interface ServerSettings {
  /** Port; 0 picks a free one. Default 4010 (Prism's). */
  port?: number | undefined;
  /** Interface. Default 127.0.0.1: a mock should not be reachable from the network unless asked. */
  host?: string | undefined;
  /**
   * Most time a client may take to send its request line and headers, from the connection's start;
   * an idle connection that sends nothing is closed after it too. Default 10 s.
   */
  headersTimeoutMs?: number | undefined;
  /** Most time a client may take to send a whole request, body included (0 = no limit). Default 30 s. */
  requestTimeoutMs?: number | undefined;
  /** How long a kept-alive connection may sit idle between requests. Default 5 s. */
  keepAliveTimeoutMs?: number | undefined;
  /** A socket with no traffic at all for this long is destroyed; above the 60 s latency cap. Default 120 s. */
  idleTimeoutMs?: number | undefined;
  /**
   * Told about every answered request (method, url, status, duration), e.g. to write a request log.
   * Called synchronously after the answer is handed to the socket: keep it cheap.
   */
  onRequest?: OnRequest | undefined;
}

/** Options of startGesServer: where to listen, and an API built elsewhere or everything createApi takes. */
export type GesServerOptions = ServerSettings & ApiChoice;

/** A running mock server. */
export interface GesServer {
  /** Base URL a client can use, e.g. `http://127.0.0.1:4010` (wildcard hosts become loopback). */
  url: string;
  port: number;
  host: string;
  api: GesApi;
  /** The node:http server, for callers that need its events. */
  server: Server;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  /**
   * Graceful stop: no new connections, idle ones closed, requests in flight answered; whatever is
   * still open after `graceMs` (default 5 s) is dropped. Resolves once every connection is gone.
   */
  drain(graceMs?: number): Promise<void>;
}

/** How long drain() lets requests in flight finish by default. */
const DRAIN_GRACE_MS = 5_000;
/** While draining, kept-alive connections become idle after their last answer: close them this often. */
const DRAIN_SWEEP_MS = 20;

/** Slow or abandoned clients must not hold sockets for long: these bound each phase. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** Longer than the longest injectable latency (60 s), so a delayed answer is never cut. */
const SOCKET_IDLE_TIMEOUT_MS = 120_000;
/** After answering a bad or late request, how long the client gets to read it before the socket is destroyed. */
const CLOSE_GRACE_MS = 1_000;

/**
 * Node checks header/request timeouts only every `connectionsCheckingInterval` (default 30 s), so a
 * 10 s headers timeout could hold a socket for 40 s. Checking at a quarter of the shortest timeout
 * (at most once a second) keeps the overshoot small.
 */
function checkingInterval(headersTimeout: number, requestTimeout: number): number {
  const shortest = Math.min(headersTimeout, requestTimeout > 0 ? requestTimeout : Infinity);
  return Math.max(5, Math.min(1_000, Math.floor(shortest / 4)));
}

function timeoutOption(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min)
    throw new RangeError(`startGesServer: ${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 408: 'Request Timeout' };

/**
 * Answers on a bare socket (no ServerResponse exists for it) with the GES envelope, then closes.
 * end() only half-closes: a peer that never closes its side would keep the socket until the idle
 * timeout, so after a short grace to read the answer the socket is destroyed.
 */
function endWithEnvelope(socket: Socket, error: HttpError): void {
  const body = toEnvelopeJson(error);
  socket.end(
    `HTTP/1.1 ${error.status} ${REASONS[error.status] ?? 'Error'}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  // A plain timer, not socket.setTimeout: node resets the timeout of a socket it hands to 'upgrade'.
  const grace = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  socket.once('close', () => clearTimeout(grace));
}

function baseUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** Starts the mock; rejects when the port cannot be bound (e.g. EADDRINUSE). */
export async function startGesServer(options: GesServerOptions = {}): Promise<GesServer> {
  const { port = 4010, host = '127.0.0.1', headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, idleTimeoutMs, onRequest } = options;
  const requestTimeout = timeoutOption('requestTimeoutMs', requestTimeoutMs, REQUEST_TIMEOUT_MS, 0);
  const headersTimeout = timeoutOption('headersTimeoutMs', headersTimeoutMs, HEADERS_TIMEOUT_MS, 1);
  if (requestTimeout > 0 && headersTimeout > requestTimeout) {
    throw new RangeError(`startGesServer: headersTimeoutMs (${headersTimeout}) must not exceed requestTimeoutMs (${requestTimeout})`);
  }
  const keepAliveTimeout = timeoutOption('keepAliveTimeoutMs', keepAliveTimeoutMs, KEEP_ALIVE_TIMEOUT_MS, 1);
  const idleTimeout = timeoutOption('idleTimeoutMs', idleTimeoutMs, SOCKET_IDLE_TIMEOUT_MS, 0);
  const api = apiFrom(options);
  const listener = toNodeListener(api, onRequest);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout,
      connectionsCheckingInterval: checkingInterval(headersTimeout, requestTimeout),
      // Node answers an HTTP/1.1 request without Host with a bare, bodiless 400 that bypasses the
      // envelope; the mock never reads Host, so such a request is simply answered.
      requireHostHeader: false,
    },
    listener,
  );
  server.setTimeout(idleTimeout);
  // Node answers an `Expect:` other than 100-continue with a bare 417; RFC 9110 lets a server ignore
  // it instead, so the request gets its normal answer.
  server.on('checkExpectation', listener);
  // Without these listeners node drops a CONNECT silently and, worse, leaves the socket of a request
  // with `Connection: Upgrade` open for ever (once detached, no timeout applies to it).
  server.on('connect', (req: IncomingMessage, stream) => endWithEnvelope(stream as Socket, httpErrors.noSuchApi('CONNECT', req.url ?? '')));
  server.on('upgrade', (_req: IncomingMessage, stream) =>
    endWithEnvelope(stream as Socket, httpErrors.malformed('protocol upgrades (WebSocket, h2c) are not supported.')),
  );
  // A malformed request line or header: answer 400 with the envelope instead of node's bare text. A
  // request that did not arrive in time (headersTimeout/requestTimeout): 408, as node itself would.
  server.on('clientError', (error: NodeJS.ErrnoException, stream) => {
    const socket = stream as Socket; // node types it as a Duplex; on an http server it is the net.Socket
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    // As node does: a connection that already carried a response gets no unsolicited 408, only a close.
    if (timedOut && socket.bytesWritten > 0) {
      socket.destroy();
      return;
    }
    endWithEnvelope(
      socket,
      timedOut
        ? { ...httpErrors.malformed('the request was not received in time.'), status: 408 }
        : httpErrors.malformed('malformed HTTP request.'),
    );
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  let draining: Promise<void> | undefined;
  return {
    url: baseUrl(host, bound),
    port: bound,
    host,
    api,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
    drain(graceMs = DRAIN_GRACE_MS) {
      draining ??= new Promise<void>((resolve) => {
        const sweep = setInterval(() => server.closeIdleConnections(), DRAIN_SWEEP_MS);
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return draining;
    },
  };
}
