/**
 * createGesProxy through HTTP: every GES request forwarded to the upstream as it came (headers,
 * token, body), its answer passed back unchanged over kept-alive connections; an upstream that cannot
 * be reached, resets or is too slow is a 502 or 504 GES envelope naming it and the cause; an answer
 * past the judging bound is streamed through, not held, and judged by its status and headers; the
 * proxy binds to loopback and writes the token nowhere.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { createGesProxy } from '../../src/proxy/create-ges-proxy.js';
import { useProxyHarness } from './support/proxy-harness.js';
import { sendJson, startScriptedUpstream, waitFor } from './support/scripted-upstream.js';

const PROJECT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const TOKEN = 'independent-token';
const BASE = `/ges/v1.0/${PROJECT}/graphs/movie`;
const auth = { 'X-Auth-Token': TOKEN };

const { proxyTo, independent, scripted, later } = useProxyHarness();

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('forwarding to the independent engine', () => {
  test('list, status, submit and cancel answer through the proxy byte for byte as the engine answers them', async () => {
    const engine = await independent();
    const proxy = await proxyTo(engine.url);
    const both = async (path: string, init: RequestInit = {}) => {
      const viaProxy = await fetch(proxy.url + path, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
      const direct = await fetch(engine.url + path, { ...init, headers: { ...auth, ...(init.headers ?? {}) } });
      return { viaProxy, direct, proxied: await bytesOf(viaProxy), directly: await bytesOf(direct) };
    };
    const list = await both(`${BASE}/jobs/status?limit=3&offset=1`);
    expect(list.viaProxy.status).toBe(200);
    expect(list.proxied).toEqual(list.directly);
    const job = (JSON.parse(list.proxied.toString()) as { jobs: { jobId: string }[] }).jobs[0]?.jobId as string;
    const status = await both(`${BASE}/jobs/${job}/status`);
    expect(status.proxied).toEqual(status.directly);

    const submit = await fetch(`${proxy.url}${BASE}/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
    });
    const { jobId } = (await submit.json()) as { jobId: string };
    expect(submit.status).toBe(200);
    const listed = (await (await fetch(`${engine.url}${BASE}/jobs/status?limit=1`, { headers: auth })).json()) as {
      jobs: { jobId: string; rawRequest: string }[];
    };
    expect(listed.jobs[0]).toMatchObject({ jobId, rawRequest: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}' });
    const cancel = await fetch(`${proxy.url}${BASE}/jobs/${jobId}`, { method: 'DELETE', headers: auth });
    expect([cancel.status, await cancel.text()]).toEqual([200, '{}']);
    expect((await proxy.violationReport()).failed).toBe(0);
  });

  test("the engine's own refusals pass through: a wrong token is its 401, an unknown graph its 400", async () => {
    const engine = await independent();
    const proxy = await proxyTo(engine.url);
    const refused = await fetch(`${proxy.url}${BASE}/jobs/status`, { headers: { 'X-Auth-Token': 'not-the-token' } });
    expect([refused.status, ((await refused.json()) as { errorCode: string }).errorCode]).toEqual([401, 'GES.8007']);
    const unknown = await fetch(`${proxy.url}/ges/v1.0/${PROJECT}/graphs/no_such_graph/jobs/status`, { headers: auth });
    expect(unknown.status).toBe(400);
  });
});

describe('what reaches the upstream', () => {
  test('headers, the token and the body as sent; the host is the upstream, hop-by-hop and the control token stay behind', async () => {
    const upstream = await scripted((_seen, res) => sendJson(res, { jobId: 'x', jobType: 1 }, 200, { 'x-engine': 'scripted' }));
    const proxy = await proxyTo(upstream.url);
    const body = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';
    const answer = await fetch(`${proxy.url}${BASE}/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'X-Request-Id': 'r-42', 'X-Mock-Control-Token': 'mock-only' },
      body,
    });
    expect(answer.headers.get('x-engine')).toBe('scripted');
    const [seen] = upstream.requests;
    expect(seen).toMatchObject({ method: 'POST', url: `${BASE}/action?action_id=execute-algorithm`, body });
    expect(seen?.headers).toMatchObject({
      'x-auth-token': TOKEN,
      'x-request-id': 'r-42',
      'content-type': 'application/json',
      host: new URL(upstream.url).host,
    });
    expect(seen?.headers['x-mock-control-token']).toBeUndefined();
  });

  test('a path prefix of the upstream is kept, and the query goes as sent', async () => {
    const upstream = await scripted((_seen, res) => sendJson(res, { jobs: [], jobCount: 0 }));
    const proxy = await proxyTo(`${upstream.url}/gateway/`);
    await fetch(`${proxy.url}${BASE}/jobs/status?limit=2&offset=0&x=%2F`, { headers: auth });
    expect(upstream.requests[0]?.url).toBe(`/gateway${BASE}/jobs/status?limit=2&offset=0&x=%2F`);
  });

  test('requests share kept-alive connections to the upstream', async () => {
    const upstream = await scripted((_seen, res) => sendJson(res, { jobs: [], jobCount: 0 }));
    const proxy = await proxyTo(upstream.url);
    for (let i = 0; i < 20; i++) await (await fetch(`${proxy.url}${BASE}/jobs/status?offset=${i}`, { headers: auth })).text();
    expect(upstream.requests).toHaveLength(20);
    expect(upstream.connections()).toBeLessThanOrEqual(2);
  });

  test('a /ges/ path that is no operation of the spec is forwarded too, and not judged', async () => {
    const upstream = await scripted((_seen, res) => sendJson(res, { graphs: ['movie'] }));
    const proxy = await proxyTo(upstream.url);
    const answer = await fetch(`${proxy.url}/ges/v1.0/${PROJECT}/graphs`, { headers: auth });
    expect(await answer.json()).toEqual({ graphs: ['movie'] });
    expect((await proxy.violationReport()).exchanges).toMatchObject({ proxied: 1, judged: 0 });
  });

  test("CORS: the proxy answers preflights and echoes Origin; with cors off the upstream's own CORS passes through", async () => {
    const upstream = await scripted((seen, res) => {
      if (seen.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-origin': 'https://engine-policy.example',
          'access-control-allow-headers': 'X-Auth-Token',
        });
        res.end();
      } else sendJson(res, { jobs: [], jobCount: 0 }, 200, { 'access-control-allow-origin': 'https://engine-policy.example' });
    });
    const preflight = { method: 'OPTIONS', headers: { Origin: 'http://app.example', 'Access-Control-Request-Method': 'GET' } };
    const proxy = await proxyTo(upstream.url);
    const answered = await fetch(`${proxy.url}${BASE}/jobs/status`, preflight);
    expect([answered.status, answered.headers.get('access-control-allow-origin')]).toEqual([204, 'http://app.example']);
    const listed = await fetch(`${proxy.url}${BASE}/jobs/status`, { headers: { ...auth, Origin: 'http://app.example' } });
    expect(listed.headers.get('access-control-allow-origin')).toBe('http://app.example');
    expect(upstream.requests.map((seen) => seen.method)).toEqual(['GET']);

    const passing = await proxyTo(upstream.url, { cors: false });
    const forwarded = await fetch(`${passing.url}${BASE}/jobs/status`, preflight);
    expect([forwarded.status, forwarded.headers.get('access-control-allow-origin')]).toEqual([204, 'https://engine-policy.example']);
    const own = await fetch(`${passing.url}${BASE}/jobs/status`, { headers: { ...auth, Origin: 'http://app.example' } });
    expect(own.headers.get('access-control-allow-origin')).toBe('https://engine-policy.example');
  });

  test('a body over 1 MiB is refused by the proxy (400 GES.8000) and never forwarded', async () => {
    const upstream = await scripted((_seen, res) => sendJson(res, {}));
    const proxy = await proxyTo(upstream.url);
    const answer = await fetch(`${proxy.url}${BASE}/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: `{"algorithmName":"${'x'.repeat(1024 * 1024 + 10)}"}`,
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { errorCode: string }).errorCode).toBe('GES.8000');
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('an upstream that gives no answer', () => {
  test('nothing listens: 502 GES.8602 naming the upstream and the refusal, journaled, not judged', async () => {
    const gone = await startScriptedUpstream(() => {});
    await gone.close();
    const proxy = await proxyTo(gone.url);
    const answer = await fetch(`${proxy.url}${BASE}/jobs/status`, { headers: auth });
    const body = (await answer.json()) as { errorMessage: string; errorCode: string; result: string };
    expect([answer.status, body.errorCode, body.result]).toEqual([502, 'GES.8602', 'failed']);
    expect(body.errorMessage).toContain(gone.url);
    expect(body.errorMessage).toContain('ECONNREFUSED');
    expect(proxy.api.requests()).toMatchObject([{ status: 502, errorCode: 'GES.8602', operationId: 'listJobs' }]);
    const report = await proxy.violationReport();
    expect(report.exchanges).toMatchObject({ upstreamFailures: 1, judged: 0 });
    expect(report.violations).toEqual([]);
  });

  test('no answer in time: 504 GES.8602 naming the upstream and the wait', async () => {
    const upstream = await scripted(() => {}); // holds every request
    const proxy = await proxyTo(upstream.url, { upstreamTimeoutMs: 300 });
    const answer = await fetch(`${proxy.url}${BASE}/jobs/status`, { headers: auth });
    const body = (await answer.json()) as { errorMessage: string };
    expect(answer.status).toBe(504);
    expect(body.errorMessage).toBe(`The upstream GES engine ${upstream.url} did not answer within 300 ms.`);
  });

  test('the connection reset before an answer: 502 naming the reset', async () => {
    const upstream = await scripted((_seen, _res, req) => void req.socket.resetAndDestroy());
    const proxy = await proxyTo(upstream.url);
    const answer = await fetch(`${proxy.url}${BASE}/jobs/status`, { headers: auth });
    expect(answer.status).toBe(502);
    expect(((await answer.json()) as { errorMessage: string }).errorMessage).toMatch(
      /closed the connection without answering \(ECONNRESET\)/,
    );
  });

  test('an answer that stops in the middle: 504 once the upstream is quiet too long', async () => {
    const upstream = await scripted((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"jobs":[');
    });
    const proxy = await proxyTo(upstream.url, { upstreamTimeoutMs: 300 });
    const answer = await fetch(`${proxy.url}${BASE}/jobs/status`, { headers: auth });
    expect(answer.status).toBe(504);
    expect(((await answer.json()) as { errorMessage: string }).errorMessage).toContain('stopped sending its answer within 300 ms');
  });
});

describe('answers the proxy does not hold', () => {
  test('an answer past the bound is streamed through unchanged before the upstream has finished, and judged by status and headers', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const part = Buffer.alloc(256 * 1024, 'a');
    const upstream = await scripted(async (_seen, res) => {
      res.writeHead(422, { 'content-type': 'text/html' });
      for (let i = 0; i < 4; i++) res.write(part);
      await released; // the rest only once the client has seen the start
      for (let i = 0; i < 4; i++) res.write(part);
      res.end();
    });
    const proxy = await proxyTo(upstream.url, { maxJudgedBytes: 64 * 1024 });
    const answer = await fetch(`${proxy.url}${BASE}/jobs/status`, { headers: auth });
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    let received = 0;
    while (received < 4 * part.length) {
      const { value, done } = await reader.read();
      if (done) throw new Error('ended early');
      expect(value.every((byte) => byte === 0x61)).toBe(true);
      received += value.byteLength;
    }
    release();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value.byteLength;
    }
    expect(received).toBe(8 * part.length);
    const report = await proxy.violationReport();
    expect(report.exchanges).toMatchObject({ judged: 1, bodiesNotJudged: 1 });
    expect(report.exchanges.recentBodiesNotJudged[0]?.why).toBe('it is longer than the 65536 bytes the proxy reads to judge');
    // Its status is judged: 422 is no status the spec documents for the list.
    expect(report.violations.map((violation) => violation.check)).toEqual(['status_code_conformance']);
  });

  test("a gateway's HTML page is passed through unchanged and judged", async () => {
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const upstream = await scripted((_seen, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(page);
    });
    const proxy = await proxyTo(upstream.url);
    const answer = await fetch(`${proxy.url}${BASE}/jobs/status`, { headers: auth });
    expect([answer.status, await answer.text()]).toEqual([502, page]);
    const checks = (await proxy.violations()).map((violation) => violation.check);
    expect(checks).toEqual(expect.arrayContaining(['status_code_conformance', 'content_type_conformance']));
  });

  test('a compressed answer reaches the client compressed, and is judged decoded', async () => {
    const broken = {
      jobs: [
        {
          jobId: 'j1',
          rawRequest: '',
          taskType: 'Algorithm',
          canStop: true,
          progress: true,
          startTime: '2024-05-23 10:00:00',
          status: 'running',
        },
      ],
      jobCount: 1,
    };
    const zipped = gzipSync(JSON.stringify(broken));
    const upstream = await scripted((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': zipped.length });
      res.end(zipped);
    });
    const proxy = await proxyTo(upstream.url);
    const answer = await fetch(`${proxy.url}${BASE}/jobs/status`, { headers: { ...auth, 'Accept-Encoding': 'gzip' } });
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(await answer.json()).toEqual(broken); // fetch decodes it
    const violations = await proxy.violations();
    expect(violations.map((violation) => violation.check)).toContain('response_schema_conformance');
    expect(violations[0]?.message).toContain('progress');
  });
});

describe('safety', () => {
  test('it binds to 127.0.0.1 unless told otherwise', async () => {
    const upstream = await scripted((_seen, res) => sendJson(res, {}));
    const proxy = await createGesProxy({ upstream: upstream.url, port: 0 });
    later(() => proxy.close());
    expect(proxy.host).toBe('127.0.0.1');
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('the token and cookies appear in no journal, HAR, violation, report or recording', async () => {
    const secret = 'session-token-that-must-stay-secret';
    const cookie = 'cookie-value-that-must-stay-secret';
    const upstream = await scripted((seen, res) => {
      if (seen.url.includes('/jobs/status'))
        sendJson(res, { jobs: [{ jobId: 'j1', progress: 'x' }], jobCount: 1 }, 200, { 'set-cookie': `SESSION=${cookie}` });
      else sendJson(res, {});
    });
    const proxy = await proxyTo(upstream.url, { record: true, violationsHeader: true });
    const answer = await fetch(`${proxy.url}${BASE}/jobs/status?limit=5`, {
      headers: { 'X-Auth-Token': secret, Cookie: `SESSION=${cookie}` },
    });
    expect(answer.headers.getSetCookie()).toEqual([`SESSION=${cookie}`]); // passed to the client, kept nowhere
    expect(upstream.requests[0]?.headers.cookie).toBe(`SESSION=${cookie}`);
    await waitFor(async () => (await proxy.violations()).length > 0, 'the violations');
    const everything = [
      JSON.stringify(proxy.api.requests()),
      JSON.stringify(proxy.api.har()),
      JSON.stringify(await proxy.violationReport()),
      await proxy.report('junit'),
      await proxy.report('json'),
      await proxy.report('text'),
      JSON.stringify(await proxy.recording()),
      answer.headers.get('x-ges-violations') ?? '',
    ].join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(cookie);
    expect(everything).toContain('$GES_TOKEN');
  });

  test('bad options are refused before anything listens', async () => {
    await expect(createGesProxy({ upstream: 'ftp://engine', port: 0 })).rejects.toThrow(TypeError);
    await expect(createGesProxy({ upstream: 'http://engine', port: 0, mockGraphs: ['ab'] })).rejects.toThrow(/mockGraphs/);
    await expect(createGesProxy({ upstream: 'http://engine', port: 0, upstreamTimeoutMs: 0 })).rejects.toThrow(RangeError);
  });
});
