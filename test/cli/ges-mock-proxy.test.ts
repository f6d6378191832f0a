/**
 * `ges-mock proxy` as a user runs it: a spawned process in front of an engine on port 0. Its usage
 * errors exit 2 in the CLI's words; each violation is one log line (text or JSON) naming the check,
 * the evidence and a curl line, never the token; SIGTERM writes the JUnit and JSON reports and the
 * recording, and exits 1 with --fail-on-violation when a MUST was broken, 0 on a valid engine; the
 * recording replays with `ges-mock serve --fixtures`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { PROJECT, TOKEN, startCorruptServer } from '../contracts/support/corrupt-server.js';
import { mutants } from '../contracts/support/mutants.js';
import { killGesMockProcesses, runGesMock, startGesMockProcess, type GesMockProcess } from '../support/ges-mock-process.js';

const LIST = `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`;
const SECRET = 'a-token-the-log-must-never-show';
const dir = mkdtempSync(join(tmpdir(), 'ges-proxy-cli-'));
const running: { close(): Promise<unknown> }[] = [];

afterEach(async () => {
  killGesMockProcesses();
  for (const server of running.splice(0)) await server.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves once `read()` matches `pattern`; rejects after 30 s naming what it saw. */
async function waitForOutput(read: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = pattern.exec(read());
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stopped(proxy: GesMockProcess): Promise<number | null> {
  await proxy.stop();
  return proxy.child.exitCode;
}

/** A broken engine on port 0 (closed after the test) and `ges-mock proxy` in front of it with `args`. */
async function proxyBroken(args: readonly string[]): Promise<{ upstream: GesServer; proxy: GesMockProcess }> {
  const upstream = await startCorruptServer(mutants.find((mutant) => mutant.name === 'progress as a boolean')?.corrupt);
  running.push(upstream);
  const proxy = await startGesMockProcess(['proxy', '--upstream', upstream.url, '--port', '0', ...args]);
  return { upstream, proxy };
}

describe('usage', () => {
  test('--help lists every flag with its GES_MOCK_ variable', async () => {
    const run = await runGesMock(['proxy', '--help']);
    expect(run.code).toBe(0);
    for (const variable of [
      'GES_MOCK_UPSTREAM',
      'GES_MOCK_MOCK_GRAPHS',
      'GES_MOCK_RECORD',
      'GES_MOCK_FAIL_ON_VIOLATION',
      'GES_MOCK_PORT',
      'GES_MOCK_FAIL_NEXT',
    ]) {
      expect(run.stdout).toContain(variable);
    }
  });

  test.each([
    [[], '--upstream (or GES_MOCK_UPSTREAM) is required'],
    [['--upstream', 'ftp://engine'], '--upstream must be an http(s) URL, got a ftp: URL'],
    [['--upstream', 'http://user:pass@engine'], '--upstream must not carry a user or password'],
    [['--upstream', 'http://engine', '--mock-graphs', 'ab'], '"ab" is neither a GES graph name'],
    [['--upstrem', 'http://engine'], 'unknown option --upstrem; did you mean --upstream?'],
    [['--upstream', 'http://engine', '--judge-max-kb', '0'], '--judge-max-kb must be an integer from 1'],
  ])('ges-mock proxy %j exits 2 saying why', async (args, message) => {
    const run = await runGesMock(['proxy', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  test('a port in use exits 2 naming the flag', async () => {
    const taken = await startGesServer({ port: 0 });
    running.push(taken);
    const run = await runGesMock(['proxy', '--upstream', 'http://127.0.0.1:9', '--port', String(taken.port)]);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(`port ${taken.port} is already in use`)]);
  });

  test("the proxy's variables are ges-mock settings: serve does not warn about them, nor the proxy about serve's", async () => {
    const serve = await startGesMockProcess(['serve', '--port', '0'], {
      env: { GES_MOCK_UPSTREAM: 'http://engine', GES_MOCK_RECORD: 'x.json' },
    });
    await serve.stop();
    expect(serve.stderr()).not.toContain('is not a ges-mock setting');
    const proxy = await startGesMockProcess(['proxy', '--port', '0'], {
      env: { GES_MOCK_UPSTREAM: 'http://127.0.0.1:9', GES_MOCK_STATE: 's.jsonl' },
    });
    expect(proxy.banner).toContain('forwarding to http://127.0.0.1:9');
    await proxy.stop();
    expect(proxy.stderr()).not.toContain('is not a ges-mock setting');
  });
});

describe('a session', { timeout: 120_000 }, () => {
  test('each violation is one text line with its check, evidence and a curl line; on SIGTERM the reports, and exit 1 with --fail-on-violation', async () => {
    const junit = join(dir, 'reports', 'proxy.xml');
    const json = join(dir, 'reports', 'proxy.json');
    const { upstream, proxy } = await proxyBroken(['--junit', junit, '--json', json, '--fail-on-violation']);
    expect(proxy.banner).toContain(`forwarding to ${upstream.url}`);
    const answer = await fetch(`${proxy.url}${LIST}?limit=3`, { headers: { 'X-Auth-Token': TOKEN } });
    expect(answer.status).toBe(200);
    const [line] = await waitForOutput(proxy.stdout, /^.* VIOLATION FAIL \(must\) response_schema_conformance .*$/m);
    expect(line).toContain(`#1 GET ${upstream.url}${LIST}?limit=3 200: `);
    expect(line).toContain('| evidence: MUST');
    expect(line).toContain(`| repro: curl -sS -i '${upstream.url}${LIST}?limit=3' -H "X-Auth-Token: $GES_TOKEN"`);
    expect(await stopped(proxy)).toBe(1);
    expect(proxy.stderr()).toMatch(/1 exchange proxied .*1 judged .*: [1-9]\d* failed/);
    expect(readFileSync(junit, 'utf8')).toMatch(/<testcase [^>]*name="response_schema_conformance"[^>]*>\s*<failure/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { exitCode: number; checks: { id: string; outcome: string }[] };
    expect(report.exitCode).toBe(1);
    expect(report.checks.find((check) => check.id === 'response_schema_conformance')?.outcome).toBe('failed');
  });

  test('with --log-format json a violation is a JSON line; the token is in no line, report or file', async () => {
    const json = join(dir, 'secret-check.json');
    const record = join(dir, 'secret-check.record.json');
    const { proxy } = await proxyBroken(['--log-format', 'json', '--json', json, '--record', record]);
    // The engine's token in the header, a secret in a cookie and in a credential-like query parameter.
    await fetch(`${proxy.url}${LIST}?limit=3&access_token=${SECRET}`, { headers: { 'X-Auth-Token': TOKEN, Cookie: `s=${SECRET}` } });
    const [line] = await waitForOutput(proxy.stdout, /^\{[^\n]*"event":"violation"[^\n]*\}$/m);
    const violation = JSON.parse(line) as Record<string, unknown>;
    expect(violation).toMatchObject({
      level: 'must',
      outcome: 'failed',
      seq: 1,
      method: 'GET',
      status: 200,
      project: PROJECT,
      graph: 'movie',
    });
    expect(violation.curl).toContain('$GES_TOKEN');
    expect(await stopped(proxy)).toBe(0); // no --fail-on-violation
    const written = [proxy.stdout(), proxy.stderr(), readFileSync(json, 'utf8'), readFileSync(record, 'utf8')].join('\n');
    expect(written).not.toContain(SECRET);
    expect(written).not.toContain(TOKEN);
  });

  test('a valid engine: no violation, exit 0 with --fail-on-violation, and the recording replays with serve --fixtures', async () => {
    const engine: GesServer = await startGesServer({ port: 0, clock: createManualClock(), jobsPerGraph: 12 });
    running.push(engine);
    const record = join(dir, 'session.json');
    const proxy = await startGesMockProcess(['proxy', '--upstream', engine.url, '--port', '0', '--record', record, '--fail-on-violation']);
    const listed = (await (await fetch(`${proxy.url}${LIST}`, { headers: { 'X-Auth-Token': TOKEN } })).json()) as {
      jobs: { jobId: string; status: string }[];
    };
    const violations = (await (await fetch(`${proxy.url}/__mock/violations`)).json()) as {
      violations: unknown[];
      exchanges: { judged: number };
    };
    expect(violations).toMatchObject({ violations: [], exchanges: { judged: 1 } });
    expect(await stopped(proxy)).toBe(0);
    expect(proxy.stdout()).not.toContain('VIOLATION');

    const replay = await startGesMockProcess(['serve', '--port', '0', '--fixtures', record]);
    const replayed = (await (await fetch(`${replay.url}${LIST}`, { headers: { 'X-Auth-Token': 'x' } })).json()) as {
      jobs: { jobId: string; status: string }[];
    };
    await replay.stop();
    expect(replayed.jobs.map((job) => job.jobId)).toEqual(listed.jobs.map((job) => job.jobId));
  });

  test('an upstream that is not there: the proxy starts and answers 502 naming it', async () => {
    const proxy = await startGesMockProcess(['proxy', '--upstream', 'http://127.0.0.1:9', '--port', '0', '--quiet']);
    const answer = await fetch(`${proxy.url}${LIST}`, { headers: { 'X-Auth-Token': TOKEN } });
    expect(answer.status).toBe(502);
    expect(((await answer.json()) as { errorMessage: string }).errorMessage).toContain('http://127.0.0.1:9');
    expect(await stopped(proxy)).toBe(0);
  });
});
