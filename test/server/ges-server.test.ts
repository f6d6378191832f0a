import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { PROJECT } from '../support/api-client.js';
import { describeTransport } from '../support/transport-suite.js';

describeTransport('node:http server', async () => {
  const server = await startGesServer({ port: 0, clock: createManualClock() });
  return { baseUrl: server.url, api: server.api, close: () => server.close() };
});

/** Sends raw bytes and collects what comes back until the server closes or `ms` pass. */
function rawExchange(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('end', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(payload);
  });
}

describe('node:http server specifics', () => {
  let server: GesServer;
  let base: string;
  beforeAll(async () => {
    server = await startGesServer({ port: 0, clock: createManualClock() });
    base = `${server.url}/ges/v1.0/${PROJECT}/graphs/movie`;
  });
  afterAll(() => server.close());

  it('listens on a free port when asked for port 0 and reports its URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers a CORS preflight with 204 and the allowed headers', async () => {
    const response = await fetch(`${base}/jobs/status`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-auth-token',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/X-Auth-Token/);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/DELETE/);
  });

  it('refuses a streamed (chunked) body over 1 MiB without keeping it, and keeps serving', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(120);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${base}/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { 'x-auth-token': 'x', 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: 'GES.8000', result: 'failed' });
    expect((await fetch(`${base}/jobs/status?limit=1`, { headers: { 'x-auth-token': 'x' } })).status).toBe(200);
  });

  it('answers a declared body far over the limit at once and closes the connection', async () => {
    const reply = await rawExchange(
      server.port,
      `POST /ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm HTTP/1.1\r\nHost: x\r\nX-Auth-Token: x\r\nContent-Type: application/json\r\nContent-Length: 500000000\r\n\r\n{"algorithmName":`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toMatch(/connection: close/i);
    expect(reply).toMatch(/"errorCode":"GES.8000"/);
  });

  it('answers a malformed HTTP request with a 400 envelope instead of node text', async () => {
    const reply = await rawExchange(server.port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toMatch(/"result":"failed"/);
  });

  it('answers after injected latency', async () => {
    await fetch(`${server.url}/__mock/faults`, { method: 'PUT', body: '{"latency":{"fixedMs":20}}' });
    const response = await fetch(`${base}/jobs/status?limit=1`, { headers: { 'x-auth-token': 'x' } });
    expect(response.status).toBe(200);
    await fetch(`${server.url}/__mock/faults`, { method: 'DELETE' });
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    await expect(startGesServer({ port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('closes even while keep-alive connections are open', async () => {
    const other = await startGesServer({ port: 0, clock: createManualClock() });
    await fetch(`${other.url}/__mock/state`);
    await other.close();
    await expect(fetch(`${other.url}/__mock/state`)).rejects.toThrow();
  });
});
