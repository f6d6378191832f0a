/**
 * The hardening knobs as a user meets them: `ges-mock serve` spawned as a process, with its fault,
 * cap and safety flags (--latency, --errors, --fail-next, --fault, --max-jobs, --host, --no-control,
 * --control-token), and its refusals of flags that make no sense (exit 2).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { killGesMockProcesses, runGesMock, startGesMockProcess } from '../support/ges-mock-process.js';
import { PROJECT } from './support/fuzz-arbitraries.js';
import { openRaw } from './support/raw-socket.js';
import { envelopeViolations } from './support/spec-oracle.js';

const AUTH = { 'x-auth-token': 't' };
afterEach(killGesMockProcesses);

/** Starts `ges-mock serve --port 0 ...args` and resolves once it listens. */
const serve = (args: string[]) => startGesMockProcess(['serve', '--port', '0', ...args]);

const listUrl = (url: string) => `${url}/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=1`;

describe('ges-mock serve hardening flags', () => {
  it('binds 127.0.0.1 by default and applies --fail-next, --latency, --max-jobs and --control-token together', async () => {
    const mock = await serve(['--jobs', '0', '--max-jobs', '5', '--fail-next', '2:503', '--latency', '120', '--control-token', 's3cret']);
    expect(mock.banner).toMatch(/at most 5 jobs per graph/);
    // Safe default: loopback only, so no warning.
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.stderr()).toBe('');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const response = await fetch(listUrl(mock.url), { headers: AUTH });
      await response.arrayBuffer();
      expect(performance.now() - started).toBeGreaterThanOrEqual(120);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([503, 503, 200]);

    const action = `${mock.url}/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`;
    const submit = () =>
      fetch(action, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{"algorithmName":"pagerank"}' });
    for (let i = 0; i < 5; i++) expect((await submit()).status).toBe(200);
    const full = await submit();
    expect(full.status).toBe(400);
    expect((await full.json()).errorCode).toBe('GES.8402');

    expect((await fetch(`${mock.url}/__mock/state`)).status).toBe(401);
    const state = await fetch(`${mock.url}/__mock/state`, { headers: { 'x-mock-control-token': 's3cret' } });
    expect(state.status).toBe(200);
    expect((await state.json()).faults).toEqual({ latency: { fixedMs: 120 } });
  });

  it('fails every /ges/ request with --errors 1:503 until PUT /__mock/faults clears it', async () => {
    const mock = await serve(['--errors', '1:503']);
    for (let i = 0; i < 10; i++) {
      const response = await fetch(listUrl(mock.url), { headers: AUTH });
      expect(response.status).toBe(503);
      expect(envelopeViolations(await response.json())).toEqual([]);
    }
    expect((await fetch(`${mock.url}/__mock/faults`, { method: 'PUT', body: '{}' })).status).toBe(200);
    expect((await fetch(listUrl(mock.url), { headers: AUTH })).status).toBe(200);
  });

  it('acts out --fault CONNECTION_RESET_BY_PEER, and EMPTY_RESPONSE once set through PUT /__mock/faults', async () => {
    const mock = await serve(['--fault', 'CONNECTION_RESET_BY_PEER']);
    const failure = await fetch(listUrl(mock.url), { headers: AUTH }).then(
      () => undefined,
      (error: Error & { cause?: { code?: string } }) => error,
    );
    expect(failure?.cause?.code).toMatch(/ECONNRESET|UND_ERR_SOCKET/);

    const put = await fetch(`${mock.url}/__mock/faults`, { method: 'PUT', body: '{"connectionFault":{"kind":"EMPTY_RESPONSE","next":1}}' });
    expect(put.status).toBe(200);
    const connection = await openRaw(mock.port);
    connection.socket.write(`GET /ges/v1.0/${PROJECT}/graphs/movie/jobs/status HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\n`);
    const closed = await connection.whenClosed;
    expect(closed).toMatchObject({ received: '', reset: false });
    expect((await fetch(listUrl(mock.url), { headers: AUTH })).status).toBe(200);
  });

  it('warns about --host 0.0.0.0, hides control routes with --no-control, and fails nothing at --errors 0', async () => {
    const mock = await serve(['--host', '0.0.0.0', '--no-control', '--errors', '0']);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(listUrl(mock.url), { headers: AUTH }).then((r) => r.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    for (const [method, path] of [
      ['GET', '/__mock/state'],
      ['PUT', '/__mock/faults'],
      ['POST', '/__mock/reset'],
      ['GET', '/__mock/'],
    ]) {
      const response = await fetch(`${mock.url}${path}`, {
        method: method!,
        ...(method === 'PUT' ? { body: '{"errorRate":{"rate":1}}' } : {}),
      });
      expect(response.status).toBe(404);
    }
    expect((await fetch(listUrl(mock.url), { headers: AUTH })).status).toBe(200);
    expect(mock.stderr()).toMatch(/warning: --host 0\.0\.0\.0 makes the mock reachable from the network/);
  });

  it('refuses fault and cap flags that make no sense with exit code 2 and a message', async () => {
    const refused = [
      ['--errors', '2'],
      ['--fault', 'EMPTY_RESPONSE:1.5'],
      ['--max-jobs', '10'], // below the 60 jobs seeded per graph
    ];
    const results = await Promise.all(refused.map((args) => runGesMock(['serve', '--port', '0', ...args])));
    results.forEach(({ code, stderr }, i) => {
      expect(code, refused[i]!.join(' ')).toBe(2);
      expect(stderr, refused[i]!.join(' ')).toMatch(/^ges-mock: --/);
    });
  });
});
