/**
 * A file system that turns read-only, or refuses writes, while the server runs. Linux will not remount
 * a file system read-only while a file on it is open for writing (EBUSY), so the journal's writes are
 * made to fail here as such a disk fails them: write, fdatasync and ftruncate answer EROFS (or EACCES)
 * until the disk "recovers". Start-up on a read-only mount is tested for real in
 * test/cli/ges-mock-state-faults.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import type { GesApi } from '../../src/http/create-api.js';
import { openStateFile, type MockStateFile } from '../../src/persistence/open-state-file.js';

const disk = vi.hoisted(() => ({ failing: undefined as string | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refusal = (call: string) =>
    Object.assign(new Error(`${disk.failing}: ${disk.failing === 'EROFS' ? 'read-only file system' : 'permission denied'}, ${call}`), {
      code: disk.failing,
      syscall: call,
    });
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (disk.failing) throw refusal('write');
    return fs.writeSync(...args);
  }) as typeof fs.writeSync;
  const ftruncateSync = ((...args: Parameters<typeof fs.ftruncateSync>) => {
    if (disk.failing) throw refusal('ftruncate');
    return fs.ftruncateSync(...args);
  }) as typeof fs.ftruncateSync;
  const fdatasync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    if (disk.failing) process.nextTick(callback, refusal('fdatasync'));
    else fs.fdatasync(fd, callback);
  }) as typeof fs.fdatasync;
  const fdatasyncSync = ((fd: number) => {
    if (disk.failing) throw refusal('fdatasync');
    fs.fdatasyncSync(fd);
  }) as typeof fs.fdatasyncSync;
  const patched = { ...fs, writeSync, ftruncateSync, fdatasync, fdatasyncSync };
  return { ...patched, default: patched };
});

const AUTH = { 'x-auth-token': 't' };
const PAGERANK = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';

function open(path: string): { file: MockStateFile; api: GesApi } {
  const opened = openStateFile(path);
  if (!opened.ok) throw new Error(opened.message);
  return {
    file: opened.file,
    api: opened.file.createApi({ clock: createManualClock(Date.parse('2026-01-01T00:00:00Z')), graphs: ['movie'], jobsPerGraph: 3 }),
  };
}

async function submit(api: GesApi) {
  const answer = await api.handle({
    method: 'POST',
    url: '/ges/v1.0/p1/graphs/movie/action?action_id=execute-algorithm',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: PAGERANK,
  });
  return { status: answer.status, body: JSON.parse(answer.body!) as { jobId?: string; errorCode?: string; errorMessage?: string } };
}

async function listed(api: GesApi): Promise<string[]> {
  const answer = await api.handle({ method: 'GET', url: '/ges/v1.0/p1/graphs/movie/jobs/status?limit=100', headers: AUTH });
  return (JSON.parse(answer.body!) as { jobs: { jobId: string }[] }).jobs.map((job) => job.jobId);
}

describe.each(['EROFS', 'EACCES'])('serve --state when the disk answers %s while running', (code) => {
  it(`refuses with 503 naming ${code} and the file, keeps nothing refused, recovers without a restart, and a restart holds exactly what was acknowledged`, async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ges-journal-faults-')), 'state.json');
    const { file, api } = open(path);
    const acknowledged = [(await submit(api)).body.jobId!];
    const clockBefore = api.clock.now();

    disk.failing = code;
    const refused = [await submit(api), await submit(api)];
    for (const answer of refused) {
      expect(answer.status).toBe(503);
      expect(answer.body.errorCode).toBe('GES.8602');
      expect(answer.body.errorMessage).toContain(code);
      expect(answer.body.errorMessage).toContain(`${path}.0.journal`);
    }
    const moved = await api.handle({
      method: 'POST',
      url: '/__mock/clock',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 60_000 }),
    });
    expect(moved.status).toBe(503);
    expect(api.clock.now()).toBe(clockBefore);
    expect(await listed(api)).toEqual(expect.arrayContaining(acknowledged));
    expect(await listed(api)).toHaveLength(3 + acknowledged.length);

    disk.failing = undefined;
    const after = await submit(api);
    expect(after.status).toBe(200);
    acknowledged.push(after.body.jobId!);
    expect(file.refusals()).toMatchObject({ last: { code } });
    await file.close();

    const again = open(path);
    const restored = await listed(again.api);
    expect(restored).toEqual(expect.arrayContaining(acknowledged));
    expect(restored).toHaveLength(3 + acknowledged.length);
    await again.file.close();
  });
});
