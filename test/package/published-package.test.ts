import { spawn, execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/**
 * The package as npm would publish it (its `files`: dist, bin, openapi.yaml, no src/), built by the
 * real build script into a temp folder and run on plain Node, no tsx: what a user installs.
 */
describe('the published package', { timeout: 180_000 }, () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ges-package-'));
    await run('npx', ['tsc', '-p', join(root, 'tsconfig.build.json'), '--outDir', join(dir, 'dist')], { cwd: root });
    for (const entry of ['package.json', 'openapi.yaml', 'bin']) await cp(join(root, entry), join(dir, entry), { recursive: true });
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  }, 180_000); // a full tsc build: on a busy machine it outlasts the default hook bound
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the mock and passes its own contract kit through the exports map on plain Node', async () => {
    const script = `
      import { createManualClock, createSpecValidator } from 'ges-jobs-kit';
      import { startGesServer } from 'ges-jobs-kit/server';
      import { createGesHandlers } from 'ges-jobs-kit/msw';
      import { runContract } from 'ges-jobs-kit/contracts';
      const server = await startGesServer({ port: 0, clock: createManualClock() });
      const report = await runContract({ baseUrl: server.url, projectId: '0123456789abcdef0123456789abcdef', graph: 'movie', token: 't', allowMutations: true });
      await server.close();
      console.log(JSON.stringify({
        exitCode: report.exitCode,
        failed: report.results.filter((r) => r.outcome === 'failed').map((r) => r.id),
        handlers: createGesHandlers().length,
        validator: typeof createSpecValidator().validate,
      }));`;
    await writeFile(join(dir, 'probe.mjs'), script);
    const { stdout } = await run(process.execPath, ['probe.mjs'], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({ exitCode: 0, failed: [], handlers: expect.any(Number), validator: 'function' });
  });

  it('runs `ges-mock serve` from bin/ without the TypeScript sources, inspector script included', async () => {
    const child = spawn(process.execPath, [join(dir, 'bin/ges-mock.js'), 'serve', '--port', '0'], { cwd: dir });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk;
          const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
          if (found) resolve(found[0]);
        });
        child.on('exit', (code) => reject(new Error(`ges-mock exited ${code}: ${out}`)));
      });
      const response = await fetch(`${url}/ges/v1.0/0123456789abcdef0123456789abcdef/graphs/movie/jobs/status?limit=2&offset=0`, {
        headers: { 'X-Auth-Token': 'x' },
      });
      const body = (await response.json()) as { jobs: unknown[]; jobCount: number };
      expect(response.status).toBe(200);
      expect(body.jobs).toHaveLength(2);
      expect(body.jobCount).toBe(60);
      // The inspector's browser script is compiled into the build, not read from src/.
      const inspector = await (await fetch(`${url}/__mock/`)).text();
      expect(inspector).toContain('function startInspector()');
      expect(inspector).toMatch(/startInspector\(\);\n\}\)\(\);\n<\/script>/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
