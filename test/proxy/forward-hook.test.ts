/**
 * The two seams of the HTTP layer the proxy stands on: createApi's `forward` (another answer for a
 * /ges/ request, after routing and the world's faults, journaled as the engine's answers are) and
 * bytes an answer passes through unchanged (the node adapter writes them whole, or streams the rest,
 * and HEAD gives them up).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createApi, type ForwardRequest } from '../../src/http/create-api.js';
import type { ApiResponse } from '../../src/http/http-types.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';

const P = '0123456789abcdef0123456789abcdef';
const LIST = `/ges/v1.0/${P}/graphs/movie/jobs/status`;
const auth = { 'x-auth-token': 't' };

const forwarded = (body: string): ApiResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body });

describe('createApi with a forward hook', () => {
  test('a routed /ges/ request is answered by the hook, with its operation, and journaled as any answer', async () => {
    const seen: string[] = [];
    const forward: ForwardRequest = (request, route) => {
      seen.push(`${request.method} ${route?.operationId}`);
      return forwarded('{"jobs":[],"jobCount":0}');
    };
    const api = createApi({ clock: createManualClock(), forward });
    const answer = await api.handle({ method: 'GET', url: `${LIST}?limit=2`, headers: auth });
    expect(answer.body).toBe('{"jobs":[],"jobCount":0}');
    expect(seen).toEqual(['GET listJobs']);
    expect(api.requests()).toMatchObject([
      { operationId: 'listJobs', project: P, graph: 'movie', status: 200, requestHeaders: { 'x-auth-token': '***' } },
    ]);
    expect(JSON.stringify(api.har())).toContain('{\\"jobs\\":[],\\"jobCount\\":0}');
  });

  test('returning undefined leaves the request to the engine', async () => {
    const api = createApi({ clock: createManualClock(), forward: () => undefined });
    const answer = await api.handle({ method: 'GET', url: LIST, headers: auth });
    expect(JSON.parse(answer.body ?? '').jobCount).toBe(60);
  });

  test("the world's faults come first: an injected failure, a dropped connection and latency before the hook", async () => {
    let calls = 0;
    const slept: number[] = [];
    const api = createApi({
      clock: createManualClock(),
      sleep: async (ms) => void slept.push(ms),
      forward: () => {
        calls++;
        return forwarded('{}');
      },
    });
    api.world(P).faults.set({ nextFailures: { count: 1, status: 503 } });
    expect((await api.handle({ method: 'GET', url: LIST, headers: auth })).status).toBe(503);
    expect(calls).toBe(0);
    api.world(P).faults.set({ connectionFault: { kind: 'EMPTY_RESPONSE', next: 1 } });
    expect((await api.handle({ method: 'GET', url: LIST, headers: auth })).fault).toBe('EMPTY_RESPONSE');
    expect(calls).toBe(0);
    api.world(P).faults.set({ latency: { fixedMs: 250 } });
    expect((await api.handle({ method: 'GET', url: LIST, headers: auth })).status).toBe(200);
    expect([calls, slept]).toEqual([1, [250]]);
    // Another project shares none of these faults.
    expect((await api.handle({ method: 'GET', url: LIST.replace(P, 'other1'), headers: auth })).status).toBe(200);
  });

  test('a /ges/ path that is no operation reaches the hook without a route; other paths do not', async () => {
    const routes: unknown[] = [];
    const api = createApi({
      clock: createManualClock(),
      forward: (_request, route) => {
        routes.push(route);
        return forwarded('{"graphs":[]}');
      },
    });
    expect((await api.handle({ method: 'GET', url: `/ges/v1.0/${P}/graphs`, headers: auth })).status).toBe(200);
    expect((await api.handle({ method: 'GET', url: '/elsewhere', headers: auth })).status).toBe(404);
    expect(routes).toEqual([undefined]);
  });

  test('a hook that rejects is answered 500 in the GES envelope, and told to onError', async () => {
    const errors: unknown[] = [];
    const api = createApi({
      clock: createManualClock(),
      onError: (error) => errors.push(error),
      forward: () => Promise.reject(new Error('boom')),
    });
    const answer = await api.handle({ method: 'GET', url: LIST, headers: auth });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body ?? '')).toMatchObject({ errorCode: 'GES.8602', result: 'failed' });
    expect(errors).toHaveLength(1);
  });
});

describe('bytes passed through by the node adapter', () => {
  let server: GesServer | undefined;
  afterEach(() => server?.close());

  async function serveBytes(answer: () => ApiResponse): Promise<string> {
    server = await startGesServer({ port: 0, clock: createManualClock(), forward: () => answer() });
    return server.url + LIST;
  }

  test('bytes that are not UTF-8 arrive unchanged, with their length, and Set-Cookie once per value', async () => {
    const raw = Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0x41]);
    const url = await serveBytes(() => ({
      status: 200,
      headers: { 'content-type': 'application/octet-stream' },
      bytes: { head: raw, discard: () => {}, repeated: { 'set-cookie': ['a=1', 'b=2'] } },
    }));
    const response = await fetch(url, { headers: auth });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(raw);
    expect(response.headers.get('content-length')).toBe('5');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  test('the rest of a long body is streamed after its head', async () => {
    async function* rest() {
      yield new TextEncoder().encode('second,');
      yield new TextEncoder().encode('third');
    }
    const url = await serveBytes(() => ({
      status: 200,
      headers: { 'content-type': 'text/plain' },
      bytes: { head: new TextEncoder().encode('first,'), rest: rest(), discard: () => {} },
    }));
    expect(await (await fetch(url, { headers: auth })).text()).toBe('first,second,third');
  });

  test('a rest that fails mid-way ends the connection, and the server goes on', async () => {
    let discarded = 0;
    async function* failing() {
      yield new TextEncoder().encode('part');
      throw new Error('upstream gone');
    }
    const url = await serveBytes(() => ({
      status: 200,
      headers: { 'content-type': 'text/plain' },
      bytes: { head: new TextEncoder().encode('head,'), rest: failing(), discard: () => void discarded++ },
    }));
    await expect(fetch(url, { headers: auth }).then((response) => response.text())).rejects.toThrow();
    expect(discarded).toBeGreaterThan(0);
    expect((await fetch(`${server?.url}/__mock/state`)).status).toBe(200);
  });

  test('HEAD gives the rest up and answers the length of what was read', async () => {
    let discarded = 0;
    const url = await serveBytes(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"jobs":[]}',
      bytes: { head: new TextEncoder().encode('{"jobs":[]}'), discard: () => void discarded++ },
    }));
    const response = await fetch(url, { method: 'HEAD', headers: auth });
    expect([response.status, response.headers.get('content-length'), await response.text()]).toEqual([200, '11', '']);
    expect(discarded).toBe(1);
  });
});
