/**
 * The standalone mock: node:http straight over the transport-free API (no MSW per request, which
 * costs about ten times the throughput).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApi, type ApiOptions, type GesApi } from '../http/create-api.js';
import { toNodeListener } from './to-node-listener.js';

/** Options of startGesServer: where to listen, plus everything createApi takes (or an existing api). */
export interface GesServerOptions extends ApiOptions {
  /** Port; 0 picks a free one. Default 4010 (Prism's). */
  port?: number;
  /** Interface. Default 127.0.0.1: a mock should not be reachable from the network unless asked. */
  host?: string;
  /** An API built elsewhere; the ApiOptions above are then ignored. */
  api?: GesApi;
}

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
}

/** Slow or abandoned clients must not hold sockets for long: these bound each phase. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** Longer than the longest injectable latency (60 s), so a delayed answer is never cut. */
const SOCKET_IDLE_TIMEOUT_MS = 120_000;

function baseUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** Starts the mock; rejects when the port cannot be bound (e.g. EADDRINUSE). */
export async function startGesServer(options: GesServerOptions = {}): Promise<GesServer> {
  const { port = 4010, host = '127.0.0.1', api: givenApi, ...apiOptions } = options;
  const api = givenApi ?? createApi(apiOptions);
  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS },
    toNodeListener(api),
  );
  server.setTimeout(SOCKET_IDLE_TIMEOUT_MS);
  // A malformed request line or header: answer 400 with the envelope instead of node's bare text.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const body = '{"errorMessage":"Incorrect parameter format: malformed HTTP request.","errorCode":"GES.8000","result":"failed"}';
    socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
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
  };
}
