/**
 * `ges-mock serve | tee mock.log` when the pipeline is torn down first (Playwright's webServer, a CI
 * step that ends): the mock's stdout loses its reader, and every log line after that fails with
 * EPIPE. The server must go on answering, save --state, and stop with exit 0.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killGesMockProcesses, startGesMockProcess } from '../support/ges-mock-process.js';

const AUTH = { 'x-auth-token': 'x' };
const graph = (url: string) => `${url}/ges/v1.0/0123456789abcdef0123456789abcdef/graphs/movie`;
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe('ges-mock serve with a closed stdout', { timeout: 120_000 }, () => {
  afterEach(() => killGesMockProcesses());

  it('keeps serving after EPIPE, saves --state, and exits 0 on SIGTERM', async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'ges-epipe-')), 'state.json');
    const args = ['serve', '--port', '0', '--speed', '0', '--jobs', '3', '--state', state];
    const mock = await startGesMockProcess(args);
    mock.child.stdout!.destroy(); // the reader is gone: the next log line is an EPIPE

    // Enough answered requests that the log writes (and fails) several times.
    for (let i = 0; i < 5; i += 1) expect((await fetch(`${graph(mock.url)}/jobs/status?limit=1`, { headers: AUTH })).status).toBe(200);
    const submitted = await fetch(`${graph(mock.url)}/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{}}',
    });
    expect(submitted.status).toBe(200);
    const { jobId } = (await submitted.json()) as { jobId: string };
    expect((await fetch(`${graph(mock.url)}/jobs/status?limit=1`, { headers: AUTH })).status).toBe(200);

    mock.child.kill('SIGTERM');
    expect(await exited(mock.child)).toBe(0);
    expect(mock.stderr()).not.toMatch(/EPIPE|Error/);

    const again = await startGesMockProcess(args);
    const list = (await (await fetch(`${graph(again.url)}/jobs/status`, { headers: AUTH })).json()) as { jobs: { jobId: string }[] };
    expect(list.jobs.map((job) => job.jobId)).toContain(jobId);
    await again.stop();
  });
});
