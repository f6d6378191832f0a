import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { openStateFile } from '../../src/persistence/open-state-file.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { writeSnapshotSync } from '../../src/persistence/snapshot-file.js';
import { killGesMockProcesses, startGesMockProcess } from '../support/ges-mock-process.js';
import { runProcess } from '../support/run-process.js';

const ROOT = join(import.meta.dirname, '../..');
const PROJECT = '0123456789abcdef0123456789abcdef';
const asRoot = process.getuid?.() === 0;

/** Mounts a tmpfs of `size` on a new directory; false where that is not allowed. */
function mountTmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ges-fault-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', size, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const probe = asRoot ? mountTmpfs('size=64k') : undefined;
if (probe) {
  execFileSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
}
const canMount = probe !== undefined;

// These need root: to mount a small tmpfs, and to run the server as another user (CI runs as root).
describe.skipIf(!canMount)('ges-mock serve --state on a failing disk (needs root)', { timeout: 120_000 }, () => {
  const mounted: string[] = [];
  const mount = (options: string) => {
    const dir = mountTmpfs(options)!;
    mounted.push(dir);
    return dir;
  };
  afterEach(() => killGesMockProcesses());
  afterAll(() => {
    for (const dir of mounted) {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 naming ENOSPC on a full disk, and on SIGTERM exits 0 saying what was not saved', async () => {
    const dir = mount('size=1m');
    const state = join(dir, 'mock-state.json');
    const mock = await startGesMockProcess(['serve', '--port', '0', '--quiet', '--jobs', '3', '--state', state]);
    const avail = Number(execFileSync('df', ['--output=avail', '-B1', dir]).toString().trim().split('\n')[1]);
    writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, avail - 16 * 1024)));
    const body = JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 }, padding: 'x'.repeat(64 * 1024) });
    const answer = await fetch(`${mock.url}/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { 'x-auth-token': 'x', 'content-type': 'application/json' },
      body,
    });
    expect(answer.status).toBe(503);
    const envelope = (await answer.json()) as { errorCode: string; errorMessage: string; result: string };
    expect(envelope).toMatchObject({ errorCode: 'GES.8602', result: 'failed' });
    expect(envelope.errorMessage).toContain(`ENOSPC on ${state}.0.journal`);
    const list = await fetch(`${mock.url}/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`, { headers: { 'x-auth-token': 'x' } });
    expect(((await list.json()) as { jobCount: number }).jobCount).toBe(3);

    const exited = new Promise<number | null>((resolve) => mock.child.once('exit', (code) => resolve(code)));
    mock.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(mock.stderr()).toMatch(
      /1 change was not saved and not applied \(answered 503\): the last one because of ENOSPC on .*journal\. Every change answered 2xx is in /,
    );
  });

  it('exits 2 with a message, no stack trace, on a read-only file system (EROFS)', async () => {
    const dir = mount('size=64k,ro');
    const run = await runProcess(process.execPath, ['bin/ges-mock.js', 'serve', '--port', '0', '--state', join(dir, 'mock-state.json')], {
      cwd: ROOT,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ges-mock: cannot create state file .*mock-state\.json/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a message, no stack trace, when a stale lock sits in a directory it cannot write (EACCES)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ges-eacces-'));
    const state = join(dir, 'mock-state.json');
    writeSnapshotSync(state, createEngine({ clock: createManualClock() }).dump(), 0, Date.now());
    chmodSync(state, 0o666);
    writeFileSync(`${state}.lock`, '999999999\n');
    chmodSync(dir, 0o755); // owned by root: the server, run as nobody, cannot remove the lock
    const run = await runProcess(process.execPath, ['bin/ges-mock.js', 'serve', '--port', '0', '--state', state], {
      cwd: ROOT,
      uid: 65534,
      gid: 65534,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ges-mock: cannot take over the stale lock .*mock-state\.json\.lock .*EACCES/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes on saving when the permissions of its directory are removed under it (EACCES for new files only), and loses nothing acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ges-perm-'));
    chownSync(dir, 65534, 65534);
    const state = join(dir, 'mock-state.json');
    const writer = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/state-writer-child.ts'), state], {
      cwd: ROOT,
      uid: 65534,
      gid: 65534,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    let removed = 0;
    await new Promise<void>((resolve) => {
      writer.once('exit', () => resolve());
      writer.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
        const lines = printed.split('\n').length;
        if (lines > 50 && removed === 0) {
          chmodSync(dir, 0o000); // compactions can no longer create files; the open journal goes on
          removed = lines;
        }
        if (removed > 0 && lines > removed + 200 && writer.exitCode === null) {
          writer.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) =>
      writer.exitCode !== null || writer.signalCode !== null ? resolve(undefined) : writer.once('exit', resolve),
    );
    chmodSync(dir, 0o755);
    expect(writer.signalCode).toBe('SIGKILL'); // it was still writing when it was killed
    const acknowledged = printed.split('\n').slice(0, -1);
    const opened = openStateFile(state);
    if (!opened.ok) throw new Error(opened.message);
    const api = opened.file.createApi({ clock: createManualClock(), jobsPerGraph: 3 });
    const restored = new Set<string>();
    for (let p = 0; p < 20; p++) {
      const answer = await api.handle({
        method: 'GET',
        url: `/ges/v1.0/p${p}/graphs/movie/jobs/status?limit=1000`,
        headers: { 'x-auth-token': 't' },
      });
      for (const job of (JSON.parse(answer.body!) as { jobs: { jobId: string }[] }).jobs) restored.add(job.jobId);
    }
    expect(acknowledged.length).toBeGreaterThan(250);
    expect(acknowledged.filter((jobId) => !restored.has(jobId))).toEqual([]);
    await opened.file.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
