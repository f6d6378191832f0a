/**
 * Faults on purpose, as a client meets them over a real socket: latency (never earlier than asked),
 * error rates (1: every /ges/ request fails with the envelope; 0: none), the next N failing (exactly
 * N), and connection faults (a reset that makes fetch reject; an empty response: the socket closes
 * without a byte). Set through PUT /__mock/faults; the CLI flags are covered in cli-hardening.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { PROJECT } from './support/fuzz-arbitraries.js';
import { openRaw } from './support/raw-socket.js';
import { envelopeViolations } from './support/spec-oracle.js';

const AUTH = { 'x-auth-token': 't' };

describe('injected faults, seen from a client', () => {
  let server: GesServer;
  let list: string;
  beforeAll(async () => {
    server = await startGesServer({ port: 0, clock: createManualClock(), jobsPerGraph: 5 });
    list = `${server.url}/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=1`;
  });
  afterAll(() => server.close());
  afterEach(async () => {
    await fetch(`${server.url}/__mock/faults`, { method: 'DELETE' });
  });

  const setFaults = async (config: unknown) => {
    const response = await fetch(`${server.url}/__mock/faults`, { method: 'PUT', body: JSON.stringify(config) });
    expect(response.status).toBe(200);
    return response.json();
  };
  const timed = async (url: string) => {
    const started = performance.now();
    const response = await fetch(url, { headers: AUTH });
    await response.arrayBuffer();
    return { status: response.status, elapsedMs: performance.now() - started };
  };

  it('never answers before a fixed latency has passed', async () => {
    await setFaults({ latency: { fixedMs: 150 } });
    for (let i = 0; i < 3; i++) {
      const { status, elapsedMs } = await timed(list);
      expect(status).toBe(200);
      expect(elapsedMs).toBeGreaterThanOrEqual(150); // a lower bound, not a speed claim
    }
  });

  it('never answers before the minimum of a uniform latency', async () => {
    await setFaults({ latency: { minMs: 60, maxMs: 90 } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => timed(list)));
    for (const { status, elapsedMs } of answers) {
      expect(status).toBe(200);
      expect(elapsedMs).toBeGreaterThanOrEqual(60);
    }
  });

  it('fails every /ges/ request with the envelope at error rate 1, and leaves control routes alone', async () => {
    await setFaults({ errorRate: { rate: 1, status: 503 } });
    for (let i = 0; i < 20; i++) {
      const response = await fetch(list, { headers: AUTH });
      expect(response.status).toBe(503);
      expect(response.headers.get('x-mock-fault')).toBe('errorRate');
      const body = await response.json();
      expect(envelopeViolations(body)).toEqual([]);
      expect(body.errorCode).toBe('GES.8602');
    }
    expect((await fetch(`${server.url}/__mock/state`)).status).toBe(200);
  });

  it('fails no request at error rate 0', async () => {
    await setFaults({ errorRate: { rate: 0 } });
    const statuses = await Promise.all(Array.from({ length: 30 }, () => fetch(list, { headers: AUTH }).then((r) => r.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('fails exactly the next N requests, then answers normally', async () => {
    await setFaults({ nextFailures: { count: 3, status: 500, errorCode: 'GES.8302' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(list, { headers: AUTH });
      statuses.push(response.status);
      if (response.status === 500) expect((await response.json()).errorCode).toBe('GES.8302');
    }
    expect(statuses).toEqual([500, 500, 500, 200, 200, 200]);
    expect(await (await fetch(`${server.url}/__mock/faults`)).json()).toEqual({});
  });

  it('makes fetch reject with a connection reset on CONNECTION_RESET_BY_PEER, then recovers', async () => {
    await setFaults({ connectionFault: { kind: 'CONNECTION_RESET_BY_PEER', next: 1 } });
    const failure = await fetch(list, { headers: AUTH }).then(
      () => undefined,
      (error: Error & { cause?: { code?: string } }) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure!.cause?.code).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect((await fetch(list, { headers: AUTH })).status).toBe(200);
  });

  it('resets the raw connection without a byte on CONNECTION_RESET_BY_PEER', async () => {
    await setFaults({ connectionFault: { kind: 'CONNECTION_RESET_BY_PEER', next: 1 } });
    const connection = await openRaw(server.port);
    connection.socket.write(`GET ${new URL(list).pathname}?limit=1 HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\n`);
    const closed = await connection.whenClosed;
    expect(closed.received).toBe('');
    expect(closed.reset).toBe(true);
    expect(closed.error?.code).toBe('ECONNRESET');
  });

  it('closes the socket with no bytes on EMPTY_RESPONSE, and fetch rejects', async () => {
    await setFaults({ connectionFault: { kind: 'EMPTY_RESPONSE', next: 2 } });
    const connection = await openRaw(server.port);
    connection.socket.write(`GET ${new URL(list).pathname}?limit=1 HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\n`);
    const closed = await connection.whenClosed;
    expect(closed.received).toBe('');
    expect(closed.reset).toBe(false);
    await expect(fetch(list, { headers: AUTH })).rejects.toThrow(TypeError);
    expect((await fetch(list, { headers: AUTH })).status).toBe(200);
  });

  it('refuses a malformed fault configuration with a 400 envelope and keeps the faults it had', async () => {
    await setFaults({ nextFailures: { count: 1, status: 503 } });
    for (const body of [
      '{"errorRate":{"rate":2}}',
      '{"latency":{"fixedMs":-1}}',
      '{"connectionFault":{"kind":"NOPE"}}',
      '[]',
      '{',
      '{"__proto__":{"errorRate":{"rate":1}}}',
    ]) {
      const response = await fetch(`${server.url}/__mock/faults`, { method: 'PUT', body });
      const json = await response.json();
      if (response.status === 200) {
        // Only the __proto__ body parses as an object; its key is dropped, so it sets no fault at all.
        expect(json).toEqual({});
        await setFaults({ nextFailures: { count: 1, status: 503 } });
        continue;
      }
      expect(response.status).toBe(400);
      expect(envelopeViolations(json)).toEqual([]);
    }
    expect((await fetch(list, { headers: AUTH })).status).toBe(503);
  });
});
