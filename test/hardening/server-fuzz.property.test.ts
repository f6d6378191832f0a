/**
 * Property-based fuzzing of the running server over real sockets (startGesServer on port 0): the
 * same hostile requests as the in-process fuzzer, written byte for byte on a net.Socket so that no
 * client library tidies them up, plus what only a socket can send: garbage request lines, bodies
 * that never end, bodies far over 1 MiB. The server answers each with a documented status and a
 * clean envelope, never a 5xx, and keeps serving.
 */
import { METHODS } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import {
  buildPath,
  ONE_MIB,
  oddBody,
  oddContentType,
  oddMethod,
  oddQuery,
  oddTarget,
  oversizedBody,
  PROJECT,
} from './support/fuzz-arbitraries.js';
import { eventually, openRaw, parseRawResponse, rawExchange } from './support/raw-socket.js';
import { envelopeViolations, expectWellBehaved, findInternalDetail } from './support/spec-oracle.js';

const NATURAL_METHOD: Record<string, string> = {
  list: 'GET',
  status: 'GET',
  cancel: 'DELETE',
  action: 'POST',
  control: 'GET',
  free: 'GET',
};

/** What a browser or curl would send for a path with non-ASCII or spaces: those bytes percent-encoded. */
const asClientSends = (path: string) => path.replace(/[^\x21-\x7e]+/gu, (text) => encodeURIComponent(text));

function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string | undefined>,
  body: string | undefined,
  chunked: boolean,
): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) lines.push(`${name}: ${value.replace(/[\r\n]/g, '')}`);
  if (body === undefined) return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const bytes = Buffer.from(body, 'utf8');
  if (!chunked) {
    lines.push(`Content-Length: ${bytes.length}`);
    return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes]);
  }
  lines.push('Transfer-Encoding: chunked');
  const half = Math.floor(bytes.length / 2);
  const chunks = [bytes.subarray(0, half), bytes.subarray(half)].filter((chunk) => chunk.length > 0);
  return Buffer.concat([
    Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'),
    ...chunks.flatMap((chunk) => [Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
    Buffer.from('0\r\n\r\n'),
  ]);
}

describe('fuzzing the running server over sockets', () => {
  let server: GesServer;
  const pool: string[] = ['nojob'];
  beforeAll(async () => {
    server = await startGesServer({ port: 0, clock: createManualClock(), jobsPerGraph: 20 });
    const listed = await fetch(`${server.url}/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`, { headers: { 'x-auth-token': 't' } });
    pool.push(...((await listed.json()) as { jobs: { jobId: string }[] }).jobs.map((job) => job.jobId));
  });
  afterAll(() => server.close());

  it('answers every hostile request on the wire with a documented status and a clean body', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: oddMethod }),
          target: oddTarget,
          query: fc.oneof(fc.constant(''), oddQuery),
          token: fc.constantFrom<string | undefined>('t', 't', undefined, ''),
          contentType: fc.oneof({ weight: 2, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: oddContentType }),
          body: oddBody.filter((body) => body === undefined || body.length < 300_000),
          chunked: fc.boolean(),
        }),
        async (r) => {
          const chosen = r.method ?? NATURAL_METHOD[r.target.shape]!;
          const path = asClientSends(buildPath(r.target, pool));
          const method = path === '/__mock/faults' && chosen === 'PUT' ? 'GET' : chosen;
          const query = [...(r.target.shape === 'action' ? ['action_id=execute-algorithm'] : []), ...(r.query ? [r.query] : [])].join('&');
          const target = query === '' ? path : `${path}?${query}`;
          const body = method === 'GET' || method === 'HEAD' ? undefined : r.body;
          const received = await rawExchange(
            server.port,
            rawRequest(method, target, { 'X-Auth-Token': r.token, 'Content-Type': r.contentType }, body, r.chunked),
          );
          const response = parseRawResponse(received);
          const where = `${method} ${target.slice(0, 200)} [${(body ?? '').slice(0, 60)}] -> ${received.slice(0, 400)}`;
          expect(response, where).toBeDefined();
          statuses.add(response!.status);
          if (!METHODS.includes(method)) {
            // Not a method node's parser knows (e.g. lower case): malformed HTTP, a 400 envelope.
            expect(response!.status, where).toBe(400);
            expect(envelopeViolations(JSON.parse(response!.body)), where).toEqual([]);
            return;
          }
          expectWellBehaved(
            method,
            path,
            { status: response!.status, contentType: response!.headers['content-type'], body: response!.body },
            where,
          );
        },
      ),
      // A fixed seed keeps the reach check below reproducible; FC_SEED=<n> explores other inputs.
      { numRuns: 120, seed: Number(process.env.FC_SEED ?? 20_261_130) },
    );
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 404]));
  });

  it('answers garbage that is not HTTP with a 400 envelope, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(
            'THIS IS NOT HTTP\r\n\r\n',
            'GET\r\n\r\n',
            'GET /ges/v1.0/p/graphs/movie/jobs/status HTTP/9.9\r\n\r\n',
            'GET /ges/v1.0/p/graphs/movie/jobs/status HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
            'GET /ges/v1.0/p/graphs/movie/jobs/status HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
            'POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n',
            'GET /ges/v1.0/グラフ HTTP/1.1\r\nHost: x\r\n\r\n',
            `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
            `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
            'GET / HTTP/1.1\r\nBad Header\r\n\r\n',
            '\u0000\u0001\u0002\r\n\r\n',
          ),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).map((text) => `${text}\r\n\r\n`),
        ),
        async (payload) => {
          const received = await rawExchange(server.port, Buffer.from(payload, 'utf8'));
          const where = `${JSON.stringify(payload.slice(0, 80))} -> ${received.slice(0, 300)}`;
          expect(findInternalDetail(received), where).toBeUndefined();
          if (received === '') return; // node may drop a connection that never formed a request
          const response = parseRawResponse(received);
          expect(response, where).toBeDefined();
          expect(response!.status, where).toBeGreaterThanOrEqual(400);
          expect(response!.status, where).toBeLessThan(500);
          expect(envelopeViolations(JSON.parse(response!.body)), where).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
    const after = await fetch(`${server.url}/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=1`, { headers: { 'x-auth-token': 't' } });
    expect(after.status).toBe(200);
  });

  it('answers an HTTP/1.1 request without a Host header like any other, never with a bare 400', async () => {
    for (const [method, path] of [
      ['GET', `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`],
      ['GET', '/nowhere'],
      ['DELETE', `/ges/v1.0/${PROJECT}/graphs/movie/jobs/nojob`],
    ] as const) {
      const received = await rawExchange(server.port, `${method} ${path}?limit=1 HTTP/1.1\r\nX-Auth-Token: t\r\nConnection: close\r\n\r\n`);
      const response = parseRawResponse(received)!;
      expectWellBehaved(
        method,
        path,
        { status: response.status, contentType: response.headers['content-type'], body: response.body },
        received.slice(0, 300),
      );
    }
  });

  it('answers an unknown Expect as if it were absent, instead of a bare 417', async () => {
    const path = `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`;
    const received = await rawExchange(
      server.port,
      `GET ${path}?limit=1 HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nExpect: teapot\r\nConnection: close\r\n\r\n`,
    );
    const response = parseRawResponse(received)!;
    expect(response.status).toBe(200);
    expectWellBehaved(
      'GET',
      path,
      { status: response.status, contentType: response.headers['content-type'], body: response.body },
      received.slice(0, 300),
    );
  });

  it('refuses a protocol upgrade and a CONNECT with an envelope and closes the socket, instead of holding it for ever', async () => {
    const cases = [
      [
        `GET /ges/v1.0/${PROJECT}/graphs/movie/jobs/status HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
        400,
      ],
      [
        `GET / HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n`,
        400,
      ],
      ['CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 404],
    ] as const;
    await Promise.all(
      cases.map(async ([payload, status]) => {
        // Half-open, like a client that never closes its side: the server must still let go.
        const connection = await openRaw(server.port, { allowHalfOpen: true });
        connection.socket.write(payload);
        await eventually(() => connection.received().includes('"result":"failed"'));
        const response = parseRawResponse(connection.received())!;
        expect(response.status).toBe(status);
        expect(envelopeViolations(JSON.parse(response.body))).toEqual([]);
        // The server let go if writing to it now fails (a reset); one that holds the socket takes the bytes for ever.
        await eventually(() => {
          if (!connection.closed) connection.socket.write('x');
          return connection.closed;
        }, 100);
      }),
    );
  });

  it('refuses bodies over 1 MiB with a 400 envelope, sent whole or in chunks', async () => {
    await fc.assert(
      fc.asyncProperty(oversizedBody, fc.boolean(), async (body, chunked) => {
        const received = await rawExchange(
          server.port,
          rawRequest(
            'POST',
            `/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`,
            { 'X-Auth-Token': 't', 'Content-Type': 'application/json' },
            body,
            chunked,
          ),
        );
        const response = parseRawResponse(received)!;
        expect(response.status).toBe(400);
        expect(envelopeViolations(JSON.parse(response.body))).toEqual([]);
        expect(response.body).toMatch(/1 MiB/);
      }),
      { numRuns: 6 },
    );
  });

  it('stops reading a body that never ends instead of buffering it, and keeps serving', async () => {
    const connection = await openRaw(server.port);
    connection.socket.write(
      `POST /ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = Buffer.concat([Buffer.from(`${(64 * 1024).toString(16)}\r\n`), Buffer.alloc(64 * 1024, 120), Buffer.from('\r\n')]);
    let sent = 0;
    // Write as fast as the server reads; an endless body would grow the server's memory without a limit.
    while (!connection.closed && sent < 200 * ONE_MIB) {
      if (!connection.socket.write(chunk)) await new Promise((resolve) => connection.socket.once('drain', resolve).once('close', resolve));
      sent += chunk.length;
    }
    expect(connection.closed).toBe(true);
    expect(sent).toBeLessThan(64 * ONE_MIB); // it gave up long before: the body was discarded, not kept
    const after = await fetch(`${server.url}/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=1`, { headers: { 'x-auth-token': 't' } });
    expect(after.status).toBe(200);
  });
});
