/**
 * Slow and abandoned clients, over real sockets: trickled headers, bodies never finished and idle
 * connections must not hold up anyone else, and the server must close them in the end (its header
 * and request timeouts, made short here through options rather than waited out).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import type { ApiSettings } from '../../src/http/create-api.js';
import { startGesServer, type GesServer, type ServerSettings } from '../../src/server/start-ges-server.js';
import { envelopeViolations } from './support/spec-oracle.js';
import { eventually, openRaw, parseRawResponse, pause, type RawConnection } from './support/raw-socket.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const LIST = `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=1`;
const ACTION = `/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`;

const servers: GesServer[] = [];
const sockets: RawConnection[] = [];
async function start(options: ServerSettings & ApiSettings): Promise<GesServer> {
  const server = await startGesServer({ port: 0, clock: createManualClock(), jobsPerGraph: 5, ...options });
  servers.push(server);
  return server;
}
async function open(server: GesServer, options?: { allowHalfOpen?: boolean }): Promise<RawConnection> {
  const connection = await openRaw(server.port, options);
  sockets.push(connection);
  return connection;
}
afterEach(async () => {
  for (const connection of sockets.splice(0)) connection.socket.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const connectionCount = (server: GesServer) =>
  new Promise<number>((resolve, reject) => server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

/** Writes `text` one byte at a time, `everyMs` apart, until stopped. */
function trickle(connection: RawConnection, text: string, everyMs: number): () => void {
  let at = 0;
  const timer = setInterval(() => {
    if (connection.closed || at >= text.length) return;
    connection.socket.write(text[at++]!);
  }, everyMs);
  return () => clearInterval(timer);
}

describe('slow and abandoned clients', () => {
  it('answers normal requests while dozens of clients trickle headers, stall bodies or sit idle', async () => {
    // Timeouts long enough that every slow client is still hanging when the normal requests finish.
    const server = await start({ headersTimeoutMs: 20_000, requestTimeoutMs: 25_000 });
    const slow: RawConnection[] = [];
    const stops: (() => void)[] = [];
    for (let i = 0; i < 20; i++) {
      const idle = await open(server);
      const trickler = await open(server);
      stops.push(trickle(trickler, `GET ${LIST} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\n`, 25));
      const stalled = await open(server);
      stalled.socket.write(
        `POST ${ACTION} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"algorithmName":`,
      );
      slow.push(idle, trickler, stalled);
    }
    await pause(50); // let every slow client be mid-request

    const answers = await Promise.all(
      Array.from({ length: 60 }, () => fetch(`${server.url}${LIST}`, { headers: { 'x-auth-token': 't' } }).then((r) => r.status)),
    );
    expect(answers.every((status) => status === 200)).toBe(true);
    // Not one slow client was answered or closed to make room: the normal requests did not wait for them.
    expect(slow.filter((connection) => connection.closed)).toHaveLength(0);
    expect(slow.filter((connection) => connection.received() !== '')).toHaveLength(0);
    for (const stop of stops) stop();
  });

  it('closes a connection whose headers never finish with a 408 GES envelope', async () => {
    const server = await start({ headersTimeoutMs: 150, requestTimeoutMs: 300 });
    const connection = await open(server);
    const stop = trickle(connection, `GET ${LIST} HTTP/1.1\r\nHost: x\r\n${'X-Slow: y\r\n'.repeat(100)}`, 10);
    const { received } = await connection.whenClosed;
    stop();
    const response = parseRawResponse(received)!;
    expect(response.status).toBe(408);
    expect(response.headers['content-type']).toBe('application/json');
    expect(envelopeViolations(JSON.parse(response.body))).toEqual([]);
  });

  it('closes a request whose body never finishes with a 408 GES envelope, and serves the next client', async () => {
    const server = await start({ headersTimeoutMs: 150, requestTimeoutMs: 300 });
    const connection = await open(server);
    connection.socket.write(`POST ${ACTION} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nContent-Length: 100\r\n\r\n{"algo`);
    const { received } = await connection.whenClosed;
    const response = parseRawResponse(received)!;
    expect(response.status).toBe(408);
    expect(envelopeViolations(JSON.parse(response.body))).toEqual([]);
    // The abandoned submission created nothing.
    const list = await fetch(`${server.url}${LIST}`, { headers: { 'x-auth-token': 't' } });
    expect((await list.json()).jobCount).toBe(5);
  });

  it('closes a connection that was opened and never used', async () => {
    const server = await start({ headersTimeoutMs: 150, requestTimeoutMs: 300 });
    const connection = await open(server);
    await connection.whenClosed;
    await eventually(async () => (await connectionCount(server)) === 0);
  });

  it('drops a half-open client that never closes its side, shortly after answering it', async () => {
    const server = await start({ headersTimeoutMs: 150, requestTimeoutMs: 300 });
    const connection = await open(server, { allowHalfOpen: true });
    connection.socket.write('GET / HTTP/1.1\r\n');
    await eventually(() => connection.received().startsWith('HTTP/1.1 408'));
    // The client keeps its side open; the server must not keep the socket for its 120 s idle timeout.
    await eventually(async () => (await connectionCount(server)) === 0);
  });

  it('closes a kept-alive connection left idle after a response, without an unsolicited answer', async () => {
    const server = await start({ headersTimeoutMs: 150, requestTimeoutMs: 300, keepAliveTimeoutMs: 100 });
    const connection = await open(server);
    connection.socket.write(`GET ${LIST} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\n`);
    await eventually(() => /\r\n\r\n\{.*\}$/s.test(connection.received()));
    const afterFirst = connection.received();
    const { received } = await connection.whenClosed;
    expect(parseRawResponse(received)!.status).toBe(200);
    expect(received).toBe(afterFirst);
  });

  it('uses finite timeouts by default: 10 s for headers, 30 s for a whole request', async () => {
    const server = await start({});
    expect(server.server.headersTimeout).toBe(10_000);
    expect(server.server.requestTimeout).toBe(30_000);
    expect(server.server.keepAliveTimeout).toBe(5_000);
    expect(server.server.timeout).toBe(120_000);
  });

  it('refuses timeout options that contradict each other or are not integers', async () => {
    await expect(startGesServer({ port: 0, headersTimeoutMs: 500, requestTimeoutMs: 100 })).rejects.toThrow(RangeError);
    await expect(startGesServer({ port: 0, headersTimeoutMs: -1 })).rejects.toThrow(RangeError);
    await expect(startGesServer({ port: 0, requestTimeoutMs: 1.5 })).rejects.toThrow(RangeError);
  });
});
