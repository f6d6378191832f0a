import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { killGesMockProcesses, runGesMock, startGesMockProcess, type GesMockProcess } from '../support/ges-mock-process.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';
const AUTH = { 'x-auth-token': 'x' };
const graphPath = (project = PROJECT) => `/ges/v1.0/${project}/graphs/movie`;
const PAGERANK = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';

const stateIn = () => join(mkdtempSync(join(tmpdir(), 'ges-state-cli-')), 'mock-state.json');
// Speed 0 holds virtual time still, so the lists before and after a restart can be compared exactly.
const serve = (state: string, ...more: string[]) =>
  startGesMockProcess(['serve', '--port', '0', '--speed', '0', '--jobs', '5', '--state', state, ...more]);

async function submit(mock: GesMockProcess, project = PROJECT): Promise<{ status: number; jobId?: string }> {
  const answer = await fetch(`${mock.url}${graphPath(project)}/action?action_id=execute-algorithm`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: PAGERANK,
  });
  const body = (await answer.json()) as { jobId?: string };
  return { status: answer.status, ...(body.jobId !== undefined ? { jobId: body.jobId } : {}) };
}

async function list(mock: GesMockProcess, project = PROJECT): Promise<{ jobs: { jobId: string; status: string }[]; jobCount: number }> {
  const answer = await fetch(`${mock.url}${graphPath(project)}/jobs/status`, { headers: AUTH });
  expect(answer.status).toBe(200);
  return (await answer.json()) as { jobs: { jobId: string; status: string }[]; jobCount: number };
}

const control = (mock: GesMockProcess, path: string, body: unknown, method = 'POST') =>
  fetch(`${mock.url}/__mock/${path}`, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

const virtualNow = async (mock: GesMockProcess) => ((await (await fetch(`${mock.url}/__mock/state`)).json()) as { now: number }).now;

// Each test starts up to three servers; on a loaded machine a start takes seconds.
describe('ges-mock serve --state', { timeout: 120_000 }, () => {
  afterEach(() => killGesMockProcesses());

  it('keeps submissions, cancels and clock moves across a restart', async () => {
    const state = stateIn();
    const first = await serve(state);
    const kept = await submit(first);
    const cancelled = await submit(first, OTHER_PROJECT);
    expect(
      (await fetch(`${first.url}${graphPath(OTHER_PROJECT)}/jobs/${cancelled.jobId}`, { method: 'DELETE', headers: AUTH })).status,
    ).toBe(200);
    expect((await control(first, 'clock', { advanceMs: 3_600_000 })).status).toBe(200);
    const before = { mine: await list(first), other: await list(first, OTHER_PROJECT), now: await virtualNow(first) };
    await first.stop();

    const second = await serve(state);
    expect(second.banner).toMatch(
      /state: restored .*mock-state\.json \(format 4\): 2 projects with state of their own, 2 submitted jobs, 4 journaled changes replayed in \d+ ms/,
    );
    expect(await list(second)).toEqual(before.mine);
    expect(await list(second, OTHER_PROJECT)).toEqual(before.other);
    expect(before.mine.jobs.map((job) => job.jobId)).toContain(kept.jobId);
    expect(before.other.jobs.find((job) => job.jobId === cancelled.jobId)?.status).toBe('failed');
    expect(await virtualNow(second)).toBe(before.now);
    await second.stop();
  });

  it('keeps a fixture load, and then a reset, across restarts', async () => {
    const state = stateIn();
    const first = await serve(state);
    const seeded = await list(first);
    const fixtures = { graphs: { movie: { jobs: [{ taskType: 'ImportGraph', status: 'failed', failReason: 'vertex file missing' }] } } };
    expect((await control(first, 'fixtures', fixtures, 'PUT')).status).toBe(200);
    const loaded = await list(first);
    await first.stop();

    const second = await serve(state);
    expect(await list(second)).toEqual(loaded);
    expect(loaded.jobs).toEqual([expect.objectContaining({ taskType: 'ImportGraph', failReason: 'vertex file missing' })]);
    expect((await control(second, 'reset', {})).status).toBe(200);
    await second.stop();

    const third = await serve(state);
    expect(await list(third)).toEqual(seeded);
  });

  it("keeps every world's own fixtures and clock across a restart", async () => {
    const state = stateIn();
    const first = await serve(state);
    const fixtures = { graphs: { movie: { jobs: [{ taskType: 'ImportGraph', status: 'running', runFor: '10m' }] } } };
    expect((await control(first, `projects/${OTHER_PROJECT}/fixtures`, fixtures, 'PUT')).status).toBe(200);
    expect((await control(first, `projects/${OTHER_PROJECT}/clock`, { advanceMs: 60_000 })).status).toBe(200);
    const before = { world: await list(first, OTHER_PROJECT), mine: await list(first) };
    const worldNow = async (mock: GesMockProcess) =>
      ((await (await fetch(`${mock.url}/__mock/projects/${OTHER_PROJECT}/state`)).json()) as { now: number }).now;
    const now = await worldNow(first);
    await first.stop();

    const second = await serve(state);
    expect(await list(second, OTHER_PROJECT)).toEqual(before.world);
    expect(await list(second)).toEqual(before.mine);
    expect(await worldNow(second)).toBe(now);
    expect(before.world.jobs).toEqual([expect.objectContaining({ taskType: 'ImportGraph', status: 'running' })]);
    await second.stop();
  });

  it('shows every change a client got a 2xx for after kill -9 in the middle of a stream of submissions', async () => {
    const state = stateIn();
    const first = await serve(state);
    const acknowledged: string[] = [];
    let killed = false;
    // Four clients submit back to back; the server is killed the moment the 25th answer arrives,
    // with other submissions in flight.
    const client = async () => {
      while (!killed) {
        try {
          const answer = await submit(first);
          if (answer.status === 200 && answer.jobId) acknowledged.push(answer.jobId);
        } catch {
          return; // the connection died with the server
        }
        if (acknowledged.length >= 25 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    await new Promise((resolve) =>
      first.child.exitCode !== null || first.child.signalCode !== null ? resolve(undefined) : first.child.once('exit', resolve),
    );
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await serve(state);
    // The killed server's lock was left behind: the restart says it took it over.
    expect(second.banner).toContain(`state: took over the stale lock of pid ${first.child.pid}`);
    const listed = new Set((await list(second)).jobs.map((job) => job.jobId));
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    expect(acknowledged.filter((jobId) => !listed.has(jobId))).toEqual([]);
  });

  it('refuses to share a state file with a running server', async () => {
    const state = stateIn();
    const first = await serve(state);
    const second = await runGesMock(['serve', '--port', '0', '--state', state]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/is in use by another ges-mock \(pid \d+/);
    await first.stop();
  });

  it('reads the file from GES_MOCK_STATE', async () => {
    const state = stateIn();
    writeFileSync(state, '{"not":"ours"}');
    const { runProcess } = await import('../support/run-process.js');
    const run = await runProcess(process.execPath, ['bin/ges-mock.js', 'serve', '--port', '0'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, GES_MOCK_STATE: state },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`state file ${state} is not a ges-mock state file`);
  });

  describe('on a state file that is not a good one', () => {
    let genuine = { file: '', journal: '' };
    beforeAll(async () => {
      const state = stateIn();
      const mock = await serve(state);
      await submit(mock);
      await mock.stop();
      genuine = { file: readFileSync(state, 'utf8'), journal: readFileSync(`${state}.0.journal`, 'utf8') };
    });

    it.each([
      [
        'a corrupt (truncated) state file',
        (text: string) => text.slice(0, text.length - 40),
        undefined,
        /is corrupt: it ends before its last line/,
      ],
      [
        'a journal edited by hand',
        undefined,
        (text: string) => text.replace('"pagerank', '"PageRank'),
        /is corrupt: its journal .*0\.journal: line \d+ is damaged \(its checksum does not match\)/,
      ],
      ['a foreign JSON file', () => '{"graphs":{"movie":{"jobs":[]}}}\n', undefined, /is not a ges-mock state file: it has no "format"/],
      ['a foreign text file', () => 'port = 4010\n', undefined, /is not a ges-mock state file: it is not JSON/],
    ])('exits 2 on %s and leaves it byte for byte', async (_what, damageFile, damageJournal, message) => {
      const state = stateIn();
      writeFileSync(state, damageFile ? damageFile(genuine.file) : genuine.file);
      writeFileSync(`${state}.0.journal`, damageJournal ? damageJournal(genuine.journal) : genuine.journal);
      const before = [readFileSync(state), readFileSync(`${state}.0.journal`)];
      const run = await runGesMock(['serve', '--port', '0', '--state', state]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/left untouched/);
      expect(readFileSync(state).equals(before[0]!)).toBe(true);
      expect(readFileSync(`${state}.0.journal`).equals(before[1]!)).toBe(true);
      expect(readdirSync(join(state, '..')).sort()).toEqual(['mock-state.json', 'mock-state.json.0.journal']);
    });
  });
});

describe('ges-mock serve --state, a team server over days', { timeout: 180_000 }, () => {
  afterEach(() => killGesMockProcesses());
  const WORLD = 'aaaa1111';
  const world = (mock: GesMockProcess, path: string, init: RequestInit = {}) =>
    fetch(`${mock.url}/__mock/projects/${WORLD}/${path}`, { headers: { 'content-type': 'application/json' }, ...init });

  it('starts again after a world was given fixtures with extra job fields and then reset, and keeps the fields across restarts', async () => {
    const state = stateIn();
    const doc = {
      extraJobFields: ['jobName'],
      graphs: { movie: { jobs: [{ status: 'success', taskType: 'Algorithm', jobName: 'nightly' }] } },
    };
    const first = await serve(state);
    expect((await world(first, 'fixtures', { method: 'PUT', body: JSON.stringify(doc) })).status).toBe(200);
    await first.stop();

    const second = await serve(state);
    const snapshot = (await (await world(second, 'snapshot')).json()) as { extraJobFields?: string[] };
    expect(snapshot.extraJobFields).toEqual(['jobName']);
    const listed = await list(second, WORLD);
    expect(listed.jobs.some((job) => (job as { jobName?: string }).jobName === 'nightly')).toBe(true);
    expect((await world(second, 'reset', { method: 'POST', body: '{}' })).status).toBe(200);
    await second.stop();

    const third = await serve(state);
    expect((await list(third, WORLD)).jobs.some((job) => (job as { jobName?: string }).jobName === 'nightly')).toBe(false);
    await third.stop();
  });

  it("gives a reset world's memory back: a new project is taken again under a small budget", async () => {
    const state = stateIn();
    const mock = await serve(state, '--max-stored-mb', '1', '--journal-size', '0');
    const big = JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 }, padding: 'x'.repeat(100_000) });
    const send = (project: string) =>
      fetch(`${mock.url}${graphPath(project)}/action?action_id=execute-algorithm`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: big,
      });
    let accepted = 0;
    while ((await send(WORLD)).status === 200) accepted++;
    expect(accepted).toBeGreaterThan(0);
    const refused = await send('newcomer1');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errorMessage: string }).errorMessage).toMatch(/Memory budget/);
    expect((await world(mock, 'reset', { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await send('newcomer1')).status).toBe(200);
    await mock.stop();
  });
});
