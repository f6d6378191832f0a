import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import type { GesApi } from '../../src/http/create-api.js';
import { openStateFile, type MockStateFile } from '../../src/persistence/open-state-file.js';

const PROJECT = 'abc';
const AUTH = { 'x-auth-token': 't' };
const PAGERANK = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';
const freshDir = () => mkdtempSync(join(tmpdir(), 'ges-journal-'));
/** A version-2 state written by the ges-mock before version 3, and what that server listed at its `now`. */
const V2 = fileURLToPath(new URL('./support/state-v2/', import.meta.url));
/**
 * A version-3 state written by the ges-mock before version 4 (a snapshot, then a journal of `op` records:
 * submissions, a cancellation, a world's own fixtures with an extra field, a world's clock, the
 * engine's clock), and what that server listed at its `now`.
 */
const V3 = fileURLToPath(new URL('./support/state-v3/', import.meta.url));
/** Stated jobs that stay pending or running (their plans hold Infinity), and one that moves on by runsAt/endsAt. */
const SCENARIO = {
  graphs: {
    movie: {
      seedJobs: 2,
      jobs: [
        { status: 'pending', taskType: 'Algorithm', rawRequest: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}' },
        { status: 'running', progress: 40, taskType: 'ImportGraph' },
        { status: 'success', taskType: 'Algorithm' },
        { status: 'running', progress: 10, taskType: 'Algorithm', runsAt: '2026-11-30T23:59:00Z', endsAt: '2026-12-01T00:10:00Z' },
      ],
    },
  },
};

/** Opens FILE with a manual clock at `startMs` (a restart passes the instant it stopped at: the clock is the caller's). */
function open(path: string, compactAtBytes?: number, startMs?: number): { file: MockStateFile; api: GesApi } {
  const opened = openStateFile(path, compactAtBytes === undefined ? {} : { compactAtBytes });
  if (!opened.ok) throw new Error(opened.message);
  return { file: opened.file, api: opened.file.createApi({ clock: createManualClock(startMs), jobsPerGraph: 3 }) };
}

const submit = async (api: GesApi, body = PAGERANK, project = PROJECT) => {
  const answer = await api.handle({
    method: 'POST',
    url: `/ges/v1.0/${project}/graphs/movie/action?action_id=execute-algorithm`,
    headers: { ...AUTH, 'content-type': 'application/json' },
    body,
  });
  return { status: answer.status, body: JSON.parse(answer.body!) as { jobId?: string; errorMessage?: string; errorCode?: string } };
};

const listed = async (api: GesApi, project = PROJECT) => {
  const answer = await api.handle({ method: 'GET', url: `/ges/v1.0/${project}/graphs/movie/jobs/status?limit=1000`, headers: AUTH });
  return (JSON.parse(answer.body!) as { jobs: { jobId: string; status: string }[] }).jobs;
};

const control = (api: GesApi, path: string, body: unknown) =>
  api.handle({ method: 'POST', url: `/__mock/${path}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('serve --state journal', () => {
  it('replays submissions, cancels, clock moves and resets from the journal after a restart', async () => {
    const path = join(freshDir(), 'state.json');
    const first = open(path);
    const kept = await submit(first.api);
    const other = await submit(first.api, PAGERANK, 'other');
    expect((await control(first.api, 'clock', { advanceMs: 1000 })).status).toBe(200);
    const cancelled = await submit(first.api);
    const cancel = await first.api.handle({
      method: 'DELETE',
      url: `/ges/v1.0/${PROJECT}/graphs/movie/jobs/${cancelled.body.jobId}`,
      headers: AUTH,
    });
    expect(cancel.status).toBe(200);
    const before = { mine: await listed(first.api), other: await listed(first.api, 'other'), now: first.api.clock.now() };
    await first.file.close();

    const second = open(path, undefined, before.now);
    expect(await listed(second.api)).toEqual(before.mine);
    expect(await listed(second.api, 'other')).toEqual(before.other);
    expect(before.mine.map((job) => job.jobId)).toContain(kept.body.jobId);
    expect(before.other.map((job) => job.jobId)).toContain(other.body.jobId);
    expect(before.mine.find((job) => job.jobId === cancelled.body.jobId)?.status).toBe('failed');
    expect((await control(second.api, 'reset', {})).status).toBe(200);
    const afterReset = await listed(second.api);
    await second.file.close();

    const third = open(path, undefined, before.now);
    expect(await listed(third.api)).toEqual(afterReset);
    expect(afterReset.map((job) => job.jobId)).not.toContain(kept.body.jobId);
    await third.file.close();
  });

  it('compacts the journal into a snapshot, and a restart from snapshot plus journal lists the same jobs', async () => {
    const dir = freshDir();
    const path = join(dir, 'state.json');
    const first = open(path, 4096);
    for (let i = 0; i < 20; i++) expect((await submit(first.api, PAGERANK, `p${i % 4}`)).status).toBe(200);
    await first.file.compact();
    // After the compaction FILE holds the jobs and a new journal goes on.
    expect(readFileSync(path, 'utf8').split('\n').length).toBeGreaterThan(3);
    expect(readdirSync(dir).filter((name) => name.endsWith('.journal'))).toHaveLength(1);
    for (let i = 0; i < 5; i++) expect((await submit(first.api, PAGERANK, 'p0')).status).toBe(200);
    const before = await Promise.all(['p0', 'p1', 'p2', 'p3'].map((project) => listed(first.api, project)));
    await first.file.close();

    const second = open(path);
    expect(await Promise.all(['p0', 'p1', 'p2', 'p3'].map((project) => listed(second.api, project)))).toEqual(before);
    await second.file.close();
  });

  it('a stop while a compaction runs leaves the next journal to the restart, which appends to it and loads again', async () => {
    const dir = freshDir();
    const path = join(dir, 'state.json');
    const first = open(path, 1024);
    expect((await submit(first.api)).status).toBe(200);
    // The compaction starts the next journal and writes its first chunk at once, then lets the event
    // loop run: the stop comes before it replaces FILE.
    const compacting = first.file.compact();
    await first.file.close();
    await compacting;
    expect(
      readdirSync(dir)
        .filter((name) => name.endsWith('.journal'))
        .sort(),
    ).toEqual(['state.json.0.journal', 'state.json.1.journal']);

    const second = open(path, 1024, first.api.clock.now());
    expect(await listed(second.api)).toEqual(await listed(first.api));
    expect((await submit(second.api)).status).toBe(200);
    const before = await listed(second.api);
    await second.file.close();

    const third = open(path, 1024, second.api.clock.now());
    expect(await listed(third.api)).toEqual(before);
    await third.file.close();
  });

  it('restores from a snapshot exactly what it held: stated pending and running jobs, runsAt/endsAt, cancels, world clocks', async () => {
    const path = join(freshDir(), 'state.json');
    const first = open(path, undefined, Date.parse('2026-12-01T00:00:00Z'));
    expect((await first.api.handle({ method: 'PUT', url: '/__mock/fixtures', headers: {}, body: JSON.stringify(SCENARIO) })).status).toBe(
      200,
    );
    const kept = await submit(first.api, PAGERANK, 'p1');
    const cancelled = await submit(first.api, PAGERANK, 'p2');
    const cancel = { method: 'DELETE', url: `/ges/v1.0/p2/graphs/movie/jobs/${cancelled.body.jobId}`, headers: AUTH };
    expect((await first.api.handle(cancel)).status).toBe(200);
    expect((await control(first.api, 'projects/p3/clock', { advanceMs: 3_600_000 })).status).toBe(200);
    first.api.clock.advance(5000);
    await first.file.compact();
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^\{"format":"ges-jobs-kit\/mock-state","version":4,/);
    expect(text).toContain(kept.body.jobId);
    const projects = ['p0', 'p1', 'p2', 'p3'];
    const before = await Promise.all(projects.map((project) => listed(first.api, project)));
    expect(before[3]!.map((job) => job.status)).toContain('running'); // the stated running job, an hour on
    const now = first.api.clock.now();
    await first.file.close();

    const second = open(path, undefined, now);
    expect(await Promise.all(projects.map((project) => listed(second.api, project)))).toEqual(before);
    // Later instants too: a restored plan moves on as the original would have.
    first.api.clock.advance(60_000);
    second.api.clock.advance(60_000);
    expect(await Promise.all(projects.map((project) => listed(second.api, project)))).toEqual(
      await Promise.all(projects.map((project) => listed(first.api, project))),
    );
    await second.file.close();
  });

  it('reads a version-2 snapshot (jobs stored as fixture jobs) and lists what the server that wrote it listed', async () => {
    const dir = freshDir();
    for (const name of ['state.json', 'state.json.1.journal']) writeFileSync(join(dir, name), readFileSync(join(V2, name)));
    const written = JSON.parse(readFileSync(join(V2, 'lists.json'), 'utf8')) as { now: number; lists: Record<string, { jobs: unknown[] }> };
    const opened = openStateFile(join(dir, 'state.json'));
    if (!opened.ok) throw new Error(opened.message);
    const api = opened.file.createApi({ clock: createManualClock(written.now), jobsPerGraph: 5, speed: 0 });
    for (const [project, list] of Object.entries(written.lists)) {
      const answer = await api.handle({ method: 'GET', url: `/ges/v1.0/${project}/graphs/movie/jobs/status?limit=100`, headers: AUTH });
      expect(JSON.parse(answer.body!)).toEqual(list);
    }
    await opened.file.compact();
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toMatch(/^\{"format":"ges-jobs-kit\/mock-state","version":4,/);
    await opened.file.close();
  });

  it('reads a version-3 state and its journal and lists what the server that wrote it listed, before and after writing version 4', async () => {
    const dir = freshDir();
    for (const name of ['state.json', 'state.json.1.journal']) writeFileSync(join(dir, name), readFileSync(join(V3, name)));
    const written = JSON.parse(readFileSync(join(V3, 'lists.json'), 'utf8')) as { now: number; lists: Record<string, unknown> };
    const lists = async (api: GesApi) => {
      const out: Record<string, unknown> = {};
      for (const project of Object.keys(written.lists)) {
        const answer = await api.handle({ method: 'GET', url: `/ges/v1.0/${project}/graphs/movie/jobs/status?limit=100`, headers: AUTH });
        out[project] = JSON.parse(answer.body!);
      }
      return out;
    };
    const first = openStateFile(join(dir, 'state.json'));
    if (!first.ok) throw new Error(first.message);
    const api = first.file.createApi({ clock: createManualClock(written.now), jobsPerGraph: 5, speed: 0 });
    expect(await lists(api)).toEqual(written.lists);
    await first.file.compact();
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toMatch(/^\{"format":"ges-jobs-kit\/mock-state","version":4,/);
    await first.file.close();
    const again = openStateFile(join(dir, 'state.json'));
    if (!again.ok) throw new Error(again.message);
    expect(await lists(again.file.createApi({ clock: createManualClock(written.now), jobsPerGraph: 5, speed: 0 }))).toEqual(written.lists);
    await again.file.close();
  });

  it('saves and restores a state of large bodies through a compaction (nothing is one string)', async () => {
    const path = join(freshDir(), 'state.json');
    const first = open(path, 8 * 1024 * 1024);
    const body = JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 }, padding: 'x'.repeat(1_000_000) });
    for (let i = 0; i < 24; i++) expect((await submit(first.api, body, `big${i % 3}`)).status).toBe(200);
    await first.file.compact();
    const before = await Promise.all(['big0', 'big1', 'big2'].map((project) => listed(first.api, project)));
    const now = first.api.clock.now();
    await first.file.close();
    const second = open(path, undefined, now);
    expect(await Promise.all(['big0', 'big1', 'big2'].map((project) => listed(second.api, project)))).toEqual(before);
    await second.file.close();
  });

  it('reads a version-1 state file (one JSON object) and rewrites it in the journal format', async () => {
    const { toStateFileText } = await import('../../src/persistence/state-file-format.js');
    const path = join(freshDir(), 'state.json');
    const source = open(join(freshDir(), 'source.json'));
    const kept = await submit(source.api);
    writeFileSync(path, toStateFileText(source.api.snapshot(), 0));
    await source.file.close();
    const upgraded = open(path, undefined, source.api.clock.now());
    expect((await listed(upgraded.api)).map((job) => job.jobId)).toContain(kept.body.jobId);
    await upgraded.file.compact();
    expect(readFileSync(path, 'utf8')).toMatch(/^\{"format":"ges-jobs-kit\/mock-state","version":4,"generation":1/);
    await upgraded.file.close();
    const again = open(path, undefined, source.api.clock.now());
    expect((await listed(again.api)).map((job) => job.jobId)).toContain(kept.body.jobId);
    await again.file.close();
  });

  it('drops a line a crash cut short (no newline), which was never acknowledged', async () => {
    const path = join(freshDir(), 'state.json');
    const first = open(path);
    const kept = await submit(first.api);
    await first.file.close();
    writeFileSync(`${path}.0.journal`, `${readFileSync(`${path}.0.journal`, 'utf8')}{"op":"submit","t":1,"p":"abc"`);
    const second = open(path);
    expect((await listed(second.api)).map((job) => job.jobId)).toContain(kept.body.jobId);
    const next = await submit(second.api);
    expect(next.status).toBe(200);
    await second.file.close();
    const third = open(path);
    expect((await listed(third.api)).map((job) => job.jobId)).toEqual(expect.arrayContaining([kept.body.jobId, next.body.jobId]));
    await third.file.close();
  });

  it('grows the journal ahead of its lines in zeros, which a stop cuts off and a restart after a crash reads as an unwritten tail', async () => {
    const path = join(freshDir(), 'state.json');
    const journal = `${path}.0.journal`;
    const first = open(path);
    const kept = [(await submit(first.api)).body.jobId!, (await submit(first.api)).body.jobId!];
    const lines = readFileSync(journal);
    const end = lines.lastIndexOf(10) + 1;
    // The file is longer than its lines: zeros follow the last newline.
    expect(lines.length).toBeGreaterThan(end);
    expect(lines.subarray(end).every((byte) => byte === 0)).toBe(true);
    // A crash leaves the zeros (and maybe a line cut short among them): the copy is what a restart finds.
    const crashed = Buffer.concat([lines.subarray(0, end), Buffer.from('{"kind":"submit","t":1'), lines.subarray(end)]);
    await first.file.close();
    expect(readFileSync(journal)).toHaveLength(end);

    writeFileSync(journal, crashed);
    const second = open(path, undefined, first.api.clock.now());
    expect((await listed(second.api)).map((job) => job.jobId)).toEqual(expect.arrayContaining(kept));
    const next = await submit(second.api);
    expect(next.status).toBe(200);
    await second.file.close();
    const third = open(path, undefined, second.api.clock.now());
    expect((await listed(third.api)).map((job) => job.jobId)).toEqual(expect.arrayContaining([...kept, next.body.jobId!]));
    await third.file.close();
  });
});

// Needs root (mount); CI and this project's containers run as root.
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'ges-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

// Skipped only where this process cannot mount a tmpfs (not root); CI runs as root, so it runs there.
describe.skipIf(!canMount)('serve --state on a failing disk (needs root to mount a small tmpfs)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ges-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
  });
  afterAll(() => {
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 naming ENOSPC and the file when the disk is full, keeps nothing refused, and recovers once space frees', async () => {
    const path = join(dir, 'state.json');
    const { file, api } = open(path);
    // Fill the disk, leaving a little room.
    const filler = join(dir, 'filler');
    let size = 0;
    const free = () => Number(execFileSync('df', ['--output=avail', '-B1', dir]).toString().trim().split('\n')[1]);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 64 * 1024)));
    size = free();
    expect(size).toBeLessThan(128 * 1024);

    const body = JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 }, padding: 'x'.repeat(16 * 1024) });
    const acknowledged: string[] = [];
    let refusal: Awaited<ReturnType<typeof submit>> | undefined;
    for (let i = 0; i < 50 && !refusal; i++) {
      const answer = await submit(api, body);
      if (answer.status === 200) acknowledged.push(answer.body.jobId!);
      else refusal = answer;
    }
    expect(refusal?.status).toBe(503);
    expect(refusal?.body.errorCode).toBe('GES.8602');
    expect(refusal?.body.errorMessage).toContain('ENOSPC');
    expect(refusal?.body.errorMessage).toContain(`${path}.0.journal`);
    const jobsWhileFull = (await listed(api)).map((job) => job.jobId);
    expect(jobsWhileFull).toEqual(expect.arrayContaining(acknowledged));
    expect(jobsWhileFull).toHaveLength(3 + acknowledged.length);
    // The clock does not move either when its move cannot be saved.
    const before = api.clock.now();
    const moved = await control(api, 'clock', { advanceMs: 60_000 });
    if (moved.status === 503) expect(api.clock.now()).toBe(before);

    rmSync(filler);
    const after = await submit(api, body);
    expect(after.status).toBe(200);
    acknowledged.push(after.body.jobId!);
    expect(file.refusals().count).toBeGreaterThan(0);
    await file.close();

    const again = open(path);
    const restored = (await listed(again.api)).map((job) => job.jobId);
    expect(restored).toEqual(expect.arrayContaining(acknowledged));
    expect(restored).toHaveLength(3 + acknowledged.length);
    await again.file.close();
  });
});

describe('serve --state when its files change under it', () => {
  it.each([
    ['the journal is deleted', (path: string) => rmSync(`${path}.0.journal`)],
    [
      'FILE is replaced by another file',
      (path: string) => {
        writeFileSync(`${path}.other`, 'not ours\n');
        renameSync(`${path}.other`, path);
      },
    ],
  ])('refuses changes with 503 when %s, writes the whole state again, and loses nothing acknowledged', async (_what, damage) => {
    const path = join(freshDir(), 'state.json');
    const { file, api } = open(path);
    const acknowledged = [(await submit(api)).body.jobId!];
    damage(path);
    const refused = await submit(api);
    expect(refused.status).toBe(503);
    expect(refused.body.errorMessage).toMatch(/ENOENT on .*state\.json.*(deleted|replaced by another file) while the server ran/);
    await file.compact();
    const after = await submit(api);
    expect(after.status).toBe(200);
    acknowledged.push(after.body.jobId!);
    await file.close();

    const again = open(path);
    const restored = (await listed(again.api)).map((job) => job.jobId);
    expect(restored).toEqual(expect.arrayContaining(acknowledged));
    expect(restored).not.toContain(refused.body.jobId);
    expect(restored).toHaveLength(3 + acknowledged.length);
    await again.file.close();
  });

  it('keeps every acknowledged submission after kill -9 while compactions run', { timeout: 60_000 }, async () => {
    const path = join(freshDir(), 'state.json');
    const writer = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../support/state-writer-child.ts', import.meta.url)), path],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let printed = '';
    await new Promise<void>((resolve) => {
      writer.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
        // Enough answers for several compactions (one every 8 KiB of journal, ~2.5 KiB per line).
        if (printed.split('\n').length > 300 && writer.exitCode === null) {
          writer.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) =>
      writer.exitCode !== null || writer.signalCode !== null ? resolve(undefined) : writer.once('exit', resolve),
    );
    // A line cut by the kill is no id; every complete line is an acknowledged submission.
    const complete = printed.split('\n').slice(0, -1);

    // Compactions did run: FILE names a later journal generation than the first.
    expect((JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!) as { generation: number }).generation).toBeGreaterThan(0);
    const again = open(path);
    const restored = new Set<string>();
    for (let p = 0; p < 20; p++) for (const job of await listed(again.api, `p${p}`)) restored.add(job.jobId);
    expect(complete.length).toBeGreaterThan(290);
    expect(complete.filter((jobId) => !restored.has(jobId))).toEqual([]);
    await again.file.close();
  });
});
