/**
 * Test helper: HTTP/1.1 over a bare net.Socket, for what fetch cannot do (trickle bytes, stop
 * half-way, send malformed requests) and for reading exactly what came back before the close.
 */
import { connect, type Socket } from 'node:net';

/** A raw connection: write bytes, then wait for what the server sends until it closes. */
export interface RawConnection {
  socket: Socket;
  /** Everything received so far (latin1). */
  received(): string;
  /** True once the socket has closed (either side). */
  readonly closed: boolean;
  /** Resolves with everything received when the socket closes; `reset` tells whether it closed with an error. */
  whenClosed: Promise<{ received: string; reset: boolean; error?: NodeJS.ErrnoException }>;
}

/** Opens a connection to 127.0.0.1:port (optionally half-open, as a client that never closes its side). */
export function openRaw(port: number, options: { allowHalfOpen?: boolean } = {}): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: options.allowHalfOpen ?? false });
    let received = '';
    let closed = false;
    let failure: NodeJS.ErrnoException | undefined;
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => (failure = error));
    const whenClosed = new Promise<{ received: string; reset: boolean; error?: NodeJS.ErrnoException }>((done) =>
      socket.on('close', () => {
        closed = true;
        done({ received, reset: failure !== undefined, ...(failure ? { error: failure } : {}) });
      }),
    );
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => received,
        get closed() {
          return closed;
        },
        whenClosed,
      }),
    );
    socket.once('error', reject);
  });
}

/** Sends a whole payload and resolves with what came back once the server closes. */
export async function rawExchange(port: number, payload: string | Buffer): Promise<string> {
  const connection = await openRaw(port);
  connection.socket.write(payload);
  return (await connection.whenClosed).received;
}

/** A parsed HTTP/1.1 response (the first one in `text`). */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses the first response of a raw exchange; undefined when there is none. Content-Length bodies only. */
export function parseRawResponse(text: string): RawResponse | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.1 ') || end === -1) return undefined;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? text.length - end - 4);
  const body = Buffer.from(text.slice(end + 4), 'latin1')
    .subarray(0, length)
    .toString('utf8');
  return { status: Number(statusLine!.split(' ')[1]), headers, body };
}

/** Resolves after `ms` of real time (only to let slow clients trickle; never to assert speed). */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true; the test's own timeout bounds the wait. */
export async function eventually(check: () => boolean | Promise<boolean>, everyMs = 20): Promise<void> {
  while (!(await check())) await pause(everyMs);
}
