/**
 * A HAR made by a real browser: Chromium (through playwright's recordHar, which records the devtools
 * protocol's Network events) loads the mock's inspector page and calls the GES job APIs from it, as a
 * console would; `ges-contract --har` then judges the saved file offline.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { runProcess } from '../support/run-process.js';
import { describeInChromium, launchChromium } from './support/chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROJECT = '0123456789abcdef0123456789abcdef';
const TOKEN = 'browser-session-token-31337';

describeInChromium('a HAR saved by Chromium, judged by ges-contract --har', (executablePath) => {
  let browser: Browser;
  let server: GesServer;
  let dir: string;

  beforeAll(async () => {
    [browser, server, dir] = await Promise.all([
      launchChromium(executablePath),
      startGesServer({ port: 0, host: '127.0.0.1', tokens: [TOKEN] }),
      mkdtemp(join(tmpdir(), 'ges-chromium-har-')),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the recording of a page that lists, pages and looks up jobs passes, its page and script entries ignored', async () => {
    const harPath = join(dir, 'chromium.har');
    const context = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } });
    const page = await context.newPage();
    await page.goto(`${server.url}/__mock/`);
    const statuses = await page.evaluate(
      async ({ project, token }) => {
        const base = `/ges/v1.0/${project}/graphs/movie/jobs`;
        const get = (path: string) => fetch(path, { headers: { 'X-Auth-Token': token } });
        const list = (await (await get(`${base}/status`)).json()) as { jobs: { jobId: string }[] };
        const answers = [
          await get(`${base}/status?limit=5&offset=0`),
          await get(`${base}/status?limit=5&offset=5`),
          await get(`${base}/status?limit=0`),
          ...(await Promise.all(list.jobs.slice(0, 4).map((job) => get(`${base}/${job.jobId}/status`)))),
          await fetch(`${base}/status`), // no token: 401
        ];
        // Read every body before the context closes: the HAR keeps only bodies that have arrived.
        await Promise.all(answers.map((answer) => answer.text()));
        return answers.map((answer) => answer.status);
      },
      { project: PROJECT, token: TOKEN },
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 401]);
    await context.close(); // writes the HAR

    const har = JSON.parse(await readFile(harPath, 'utf8')) as { log: { creator: { name: string }; entries: unknown[] } };
    expect(har.log.entries.length).toBeGreaterThan(9);
    const json = join(dir, 'report.json');
    const run = await runProcess(process.execPath, ['bin/ges-contract.js', '--har', harPath, '--strict', '--json', json], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as {
      recording: { judged: number; ignored: number };
      checks: { id: string; outcome: string }[];
    };
    expect(report.recording.judged).toBeGreaterThanOrEqual(9); // ours, and any the inspector made itself
    expect(report.recording.ignored).toBeGreaterThan(0); // the inspector page, its script and its own /__mock/ calls
    const outcomes = Object.fromEntries(report.checks.map((check) => [check.id, check.outcome]));
    expect(outcomes).toMatchObject({
      response_schema_conformance: 'passed',
      list_limit_respected: 'passed',
      job_count_consistent: 'passed',
      auth_error_envelope: 'passed',
    });
    expect(run.stdout + (await readFile(json, 'utf8'))).not.toContain(TOKEN);
  });
});
