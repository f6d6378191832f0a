/**
 * `ges-mock serve` as a CI pipeline and a shared team server meet it, each as a spawned process:
 * the ready file, GES_MOCK_* variables, Prism's short flags, --version, unknown flags, the request log
 * (text, JSON, --quiet) and its redaction, HEAD, the --max-projects cap, and SIGTERM with a request in flight.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVE_FLAGS } from '../../cli/serve-flags.js';
import packageJson from '../../package.json' with { type: 'json' };
import { killGesMockProcesses, runGesMock, startGesMockProcess, type GesMockProcess } from '../support/ges-mock-process.js';

afterEach(killGesMockProcesses);

const PROJECT = '0123456789abcdef0123456789abcdef';
const AUTH = { 'x-auth-token': 't' };
const listUrl = (base: string, project = PROJECT) => `${base}/ges/v1.0/${project}/graphs/movie/jobs/status?limit=1`;
const submit = (base: string, project: string) =>
  fetch(`${base}/ges/v1.0/${project}/graphs/movie/action?action_id=execute-algorithm`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: '{"algorithmName":"pagerank"}',
  });

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

/** Lists the movie graph's jobs once per offset from `from` on, `count` times, 50 requests at a time: one log line each. */
async function listPages(base: string, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, k) => fetch(`${listUrl(base)}&offset=${i + k}`, { headers: AUTH }).then((r) => r.arrayBuffer())),
    );
  }
}

/** Polls (no fixed sleep) until `check` holds. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Stops the mock with SIGTERM and resolves with its exit code and everything it printed. */
async function stopped(mock: GesMockProcess): Promise<{ code: number | null; stdout: string }> {
  mock.child.kill('SIGTERM');
  const code = await exited(mock.child);
  return { code, stdout: mock.stdout() };
}

describe('ges-mock serve --ready-file', () => {
  it('replaces a stale file with {"url","port","pid"} once listening, and removes it on a clean stop', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ges-ready-')), 'mock.json');
    writeFileSync(file, 'left over from an earlier run');
    const mock = await startGesMockProcess(['serve', '--port', '0', '--ready-file', file]);
    const ready = JSON.parse(readFileSync(file, 'utf8'));
    expect(ready).toEqual({ url: mock.url, port: mock.port, pid: mock.child.pid });
    expect((await fetch(listUrl(ready.url), { headers: AUTH })).status).toBe(200);
    expect((await stopped(mock)).code).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('exits 2 when the ready file cannot be written', async () => {
    const { code, stderr } = await runGesMock([
      'serve',
      '--port',
      '0',
      '--ready-file',
      join(tmpdir(), 'no-such-dir-for-ges', 'ready.json'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ges-mock: cannot write --ready-file .*ready\.json: ENOENT/);
  });
});

describe('ges-mock serve configuration', () => {
  it('reads every setting from GES_MOCK_* variables, and a flag on the command line wins', async () => {
    const mock = await startGesMockProcess(['serve', '--seed', '3'], {
      env: {
        GES_MOCK_PORT: '0',
        GES_MOCK_SEED: '7',
        GES_MOCK_JOBS: '5',
        GES_MOCK_GRAPHS: 'roads',
        GES_MOCK_TOKEN: 'alice, bob',
        GES_MOCK_CONTROL: 'false',
        GES_MOCK_QUIET: '1',
      },
    });
    expect(mock.banner).toMatch(/\(seed 3, roads 5 jobs\)/);
    const roads = `${mock.url}/ges/v1.0/${PROJECT}/graphs/roads/jobs/status`;
    expect((await fetch(roads, { headers: { 'x-auth-token': 'bob' } })).status).toBe(200);
    expect((await fetch(roads, { headers: { 'x-auth-token': 'alice' } })).status).toBe(200);
    expect((await fetch(roads, { headers: { 'x-auth-token': 'carol' } })).status).toBe(401);
    expect((await fetch(`${mock.url}/__mock/state`)).status).toBe(404);
    const { code, stdout } = await stopped(mock);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/ GET /); // GES_MOCK_QUIET
  });

  it('refuses a bad variable naming it, and warns about a GES_MOCK_ name that is no setting', async () => {
    const bad = await runGesMock(['serve'], { env: { GES_MOCK_PORT: 'http' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'ges-mock: GES_MOCK_PORT must be an integer from 0 to 65535, got "http"\nRun ges-mock --help for the options.\n',
    );
    const typo = await startGesMockProcess(['serve', '-p', '0'], { env: { GES_MOCK_PROT: '5000' } });
    await until(() => typo.stderr().includes('\n'));
    expect(typo.stderr()).toBe('ges-mock: warning: GES_MOCK_PROT is not a ges-mock setting; did you mean GES_MOCK_PORT?\n');
  });

  it("takes Prism's -p and -h, and prints the version with --version and -v", async () => {
    const mock = await startGesMockProcess(['serve', '-p', '0', '-h', '127.0.0.1']);
    expect((await fetch(listUrl(mock.url), { headers: AUTH })).status).toBe(200);
    for (const flag of ['--version', '-v']) {
      const { code, stdout } = await runGesMock([flag]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${packageJson.version}\n`);
    }
  });

  it.each([
    [['serve', '--prot', '0'], 'unknown option --prot; did you mean --port?'],
    [['serve', '--ready', 'x'], 'unknown option --ready; did you mean --ready-file?'],
    [['serve', '--no-cros'], 'unknown option --no-cros; did you mean --no-cors?'],
    [['serve', '--dynamic'], 'unknown option --dynamic'],
    [['serve', '-x'], 'unknown option -x'],
    [['serve', '-p'], '-p needs a value <n>'],
    [['serve', '--quiet=yes'], '--quiet takes no value'],
    [['serve', '--log-format', 'xml'], '--log-format must be text or json, got "xml"'],
  ])('answers %j in its own words: %s', async (args, message) => {
    const { code, stderr } = await runGesMock(args);
    expect(code).toBe(2);
    expect(stderr).toBe(`ges-mock: ${message}\nRun ges-mock --help for the options.\n`);
  });

  it('lists every serve flag with its environment variable in --help', async () => {
    const { code, stdout } = await runGesMock(['--help']);
    expect(code).toBe(0);
    for (const flag of Object.values(SERVE_FLAGS)) {
      expect(stdout).toContain(flag.kind === 'toggle' ? `--no-${flag.name}` : `--${flag.name}`);
      expect(stdout).toContain(flag.env);
    }
    expect(stdout).toMatch(/-p, --port <n>/);
    expect(stdout).toMatch(/-h, --host <addr>/);
  });
});

describe('ges-mock serve request log', () => {
  it('logs time, method, path and query, status and duration per request, marks control routes, and never prints a token or cookie', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0']);
    await fetch(`${listUrl(mock.url)}&access_token=q-secret&__code=200`, {
      headers: { 'x-auth-token': 'h-secret', cookie: 'session=c-secret' },
    });
    await fetch(`${mock.url}/ges/v1.0/${PROJECT}/graphs/nope_graph/jobs/status`, { headers: AUTH });
    await fetch(`${mock.url}/__mock/state`);
    const { stdout } = await stopped(mock);
    const lines = stdout.split('\n').filter((line) => /^\d{4}-\d\d-\d\dT/.test(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z GET /ges/v1\\.0/${PROJECT}/graphs/movie/jobs/status\\?limit=1&access_token=\\*\\*\\*&__code=200 200 \\d+(\\.\\d)?ms$`,
      ),
    );
    expect(lines[1]).toMatch(/ GET \/ges\/v1\.0\/\w+\/graphs\/nope_graph\/jobs\/status 400 [\d.]+ms$/);
    expect(lines[2]).toMatch(/ GET \/__mock\/state 200 [\d.]+ms control$/);
    expect(stdout).not.toMatch(/secret/);
  });

  it('writes one JSON object per line with --log-format json, the first a listening event', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0', '--log-format', 'json']);
    await fetch(`${listUrl(mock.url)}&token=q-secret`, { method: 'HEAD', headers: { 'x-auth-token': 'h-secret' } });
    await fetch(`${mock.url}/__mock/faults`, { method: 'DELETE' });
    const { code, stdout } = await stopped(mock);
    expect(code).toBe(0);
    const events = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({
      event: 'listening',
      url: mock.url,
      port: mock.port,
      pid: mock.child.pid,
      version: packageJson.version,
    });
    expect(events[1]).toEqual({
      time: expect.stringMatching(/Z$/),
      event: 'request',
      method: 'HEAD',
      path: `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=1&token=***`,
      status: 200,
      ms: expect.any(Number),
    });
    expect(events[2]).toMatchObject({ event: 'request', method: 'DELETE', path: '/__mock/faults', status: 200, control: true });
    expect(events.slice(3).map((event) => event.event)).toEqual(['stopping', 'stopped']);
    expect(stdout).not.toMatch(/secret/);
  });

  it('keeps every line whole when its reader keeps up and when it falls behind (the pipe then holds what was written)', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0']);
    // Read as it comes: each chunk is written through, and the log fills its memory again.
    await listPages(mock.url, 0, 1_000);
    // Not read: the pipe (64 KiB) and the reader's buffer fill, then the stream holds each chunk
    // written (hundreds of KiB of lines), which must never be written into again.
    mock.child.stdout!.pause();
    await listPages(mock.url, 1_000, 4_000);
    mock.child.stdout!.resume();
    const output = mock.child.stdout!;
    const ended = new Promise((resolve) => (output.readableEnded ? resolve(undefined) : output.once('end', resolve)));
    const { code } = await stopped(mock);
    expect(code).toBe(0);
    // The process may exit before this side has read all it wrote: read to the end.
    await ended;
    const stdout = mock.stdout();
    const line = new RegExp(
      `^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z GET /ges/v1\\.0/${PROJECT}/graphs/movie/jobs/status\\?limit=1&offset=(\\d+) 200 [\\d.]+ms$`,
    );
    const requests = stdout.split('\n').filter((text) => text.includes(' GET '));
    const offsets = requests.map((text) => Number(line.exec(text)?.[1] ?? Number.NaN));
    expect(requests.filter((_, i) => Number.isNaN(offsets[i]!))).toEqual([]);
    expect(offsets.sort((x, y) => x - y)).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
  }, 120_000);

  it('stops, and exits 0, when the reader of its output never reads again', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0']);
    // Never read again: the pipe fills and the last lines cannot be taken.
    mock.child.stdout!.pause();
    await listPages(mock.url, 0, 3_000);
    // The stop gives the reader 2 s; one that waited for the reader for ever would never exit (the test's timeout).
    const { code } = await stopped(mock);
    expect(code).toBe(0);
    mock.child.stdout!.resume();
  }, 60_000);

  it('logs no request with --quiet, but still prints where it listens', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0', '--quiet']);
    expect(mock.banner).toMatch(/listening on/);
    await fetch(listUrl(mock.url), { headers: AUTH });
    const { stdout } = await stopped(mock);
    expect(stdout).not.toMatch(/jobs\/status\?limit=1 200/);
  });
});

describe('ges-mock serve for a shared team', () => {
  it('answers HEAD on the list with the GET status and headers and no body', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0', '--quiet']);
    const get = await fetch(listUrl(mock.url), { headers: AUTH });
    const body = await get.text();
    const head = await fetch(listUrl(mock.url), { method: 'HEAD', headers: AUTH });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json');
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(await head.text()).toBe('');
  });

  it('refuses the first write of a project past --max-projects with an envelope naming the flag, and keeps every project that wrote', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0', '--quiet', '--max-projects', '2']);
    expect(mock.banner).toMatch(/at most 2 writing projects/);
    expect((await submit(mock.url, 'alpha')).status).toBe(200);
    expect((await submit(mock.url, 'beta')).status).toBe(200);
    const refused = await submit(mock.url, 'gamma');
    expect(refused.status).toBe(400);
    const envelope = await refused.json();
    expect(envelope).toMatchObject({ errorCode: 'GES.8402', result: 'failed' });
    expect(envelope.errorMessage).toMatch(/2 projects.*--max-projects 2/);

    // A cancel would make gamma a writer too: refused alike. Reads and the writers go on as before.
    const seeded = (await (await fetch(`${mock.url}/ges/v1.0/gamma/graphs/movie/jobs/status?limit=100`, { headers: AUTH })).json())
      .jobs as { jobId: string; canStop: boolean }[];
    const running = seeded.find((job) => job.canStop)!;
    const cancel = await fetch(`${mock.url}/ges/v1.0/gamma/graphs/movie/jobs/${running.jobId}`, { method: 'DELETE', headers: AUTH });
    expect((await cancel.json()).errorMessage).toMatch(/--max-projects/);
    expect((await submit(mock.url, 'alpha')).status).toBe(200);
    const alpha = await (await fetch(listUrl(mock.url, 'alpha'), { headers: AUTH })).json();
    expect(alpha.jobCount).toBe(62);

    expect((await fetch(`${mock.url}/__mock/reset`, { method: 'POST' })).status).toBe(200);
    expect((await submit(mock.url, 'gamma')).status).toBe(200);
  });

  it('keeps the last GES_MOCK_JOURNAL_SIZE requests in the journal', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0', '--quiet'], { env: { GES_MOCK_JOURNAL_SIZE: '2' } });
    for (const project of ['alpha', 'beta', 'gamma']) await fetch(listUrl(mock.url, project), { headers: AUTH });
    const journal = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as { requests: { project: string; seq: number }[] };
    expect(journal.requests.map((entry) => [entry.seq, entry.project])).toEqual([
      [2, 'beta'],
      [3, 'gamma'],
    ]);
  });
});

describe('ges-mock serve shutdown', () => {
  /** Starts a mock whose first /ges/ request waits `latencyMs` and answers 503, and sends that request. */
  async function withRequestInFlight(latencyMs: number) {
    const mock = await startGesMockProcess(['serve', '--port', '0', '--latency', String(latencyMs), '--fail-next', '1:503']);
    const inFlight = fetch(listUrl(mock.url), { headers: AUTH }).then(
      async (response) => ({ status: response.status, body: await response.json() }),
      (error: Error) => error,
    );
    // The fault is drawn when the request arrives, before its latency: once it is used up, the server holds the request.
    await until(async () => (await (await fetch(`${mock.url}/__mock/faults`)).json()).nextFailures === undefined);
    return { mock, inFlight };
  }

  it('on SIGTERM stops accepting, answers the request in flight, and exits 0', async () => {
    const { mock, inFlight } = await withRequestInFlight(1_500);
    mock.child.kill('SIGTERM');
    await until(() => mock.stdout().includes('SIGTERM: no new connections'));
    // A new connection, not one from fetch's keep-alive pool (which the drain closes: ECONNRESET).
    const refused = await new Promise<string | undefined>((resolve) => {
      const socket = connect(mock.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    expect(refused).toBe('ECONNREFUSED');
    expect(await inFlight).toMatchObject({ status: 503, body: { errorCode: 'GES.8602', result: 'failed' } });
    expect(await exited(mock.child)).toBe(0);
    expect(mock.stdout()).toMatch(/ges-mock: stopped\n$/);
  });

  it('exits at once on a second signal, cutting the request in flight', async () => {
    const { mock, inFlight } = await withRequestInFlight(30_000);
    mock.child.kill('SIGINT');
    await until(() => mock.stdout().includes('SIGINT: no new connections'));
    mock.child.kill('SIGINT');
    expect(await exited(mock.child)).toBe(130);
    expect(await inFlight).toBeInstanceOf(Error);
    expect(mock.stdout()).toMatch(/second SIGINT: exiting now\n$/);
  });
});
