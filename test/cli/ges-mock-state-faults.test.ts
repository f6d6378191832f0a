import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { emptySnapshotText } from '../../src/persistence/snapshot-file.js';
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
    expect(mock.stderr()).toMatch(/1 change was not saved and not applied \(answered 503\): the last one because of ENOSPC on .*journal\. Every change answered 2xx is in /);
  });

  it('exits 2 with a message, no stack trace, on a read-only file system (EROFS)', async () => {
    const dir = mount('size=64k,ro');
    const run = await runProcess(process.execPath, ['bin/ges-mock.js', 'serve', '--port', '0', '--state', join(dir, 'mock-state.json')], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ges-mock: cannot create state file .*mock-state\.json/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a message, no stack trace, when a stale lock sits in a directory it cannot write (EACCES)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ges-eacces-'));
    const state = join(dir, 'mock-state.json');
    writeFileSync(state, emptySnapshotText(0, Date.now(), Date.now(), 1));
    chmodSync(state, 0o666);
    writeFileSync(`${state}.lock`, '999999999\n');
    chmodSync(dir, 0o755); // owned by root: the server, run as nobody, cannot remove the lock
    const run = await runProcess(process.execPath, ['bin/ges-mock.js', 'serve', '--port', '0', '--state', state], { cwd: ROOT, uid: 65534, gid: 65534 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ges-mock: cannot take over the stale lock .*mock-state\.json\.lock .*EACCES/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    rmSync(dir, { recursive: true, force: true });
  });
});
