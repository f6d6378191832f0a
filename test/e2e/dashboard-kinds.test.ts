/**
 * The example dashboard with jobs of other kinds than algorithm runs, in Chromium, in both of its
 * modes (one suite, run against each): MSW's Service Worker in the tab, and the standalone server
 * behind Vite's proxy. The page starts an import of the GES page's example and shows each file's
 * lines fill in; it starts an export of filtered vertices and shows the file it wrote; it exports a
 * finished algorithm run's result, and the run leaves the list once the export has succeeded. The
 * mock's clock stands still (`?speed=0`, `speed: 0`): only the test moves it, through
 * `window.gesMock.api.clock.advance` in MSW mode and `POST /__mock/clock` against the server.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import type { Job, JobList, JobStatus } from '../../src/types.js';
import type { GesMswWorker } from '../../mocks/browser.js';
import { describeInChromium, launchChromium } from './support/chromium.js';
import { startDashboardServer, type DashboardServer } from './support/dashboard-server.js';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
/** The project the dashboard uses (examples/job-dashboard/src/main.ts). */
const PROJECT = '0123456789abcdef0123456789abcdef';
/** Waits for a condition, generously: the machine may be loaded, and nothing here is timed. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });

/** A request example of openapi.yaml, by its operation's path, method and name. */
function specExample(path: string, method: 'post', name: string): unknown {
  const operation = (openapiDocument.paths as Record<string, Record<string, any>>)[path]![method];
  return operation.requestBody.content['application/json'].examples[name].value;
}

/** One file of an import as a row shows it, or as the list answers it. */
interface FileLine {
  file: string;
  read: number;
  total: number;
  status: string;
}

/** An import's files as the list answers them: lines (or a schema's labels) read of the total. */
function filesOf(job: Job): FileLine[] {
  return (job.files ?? []).flatMap((group) => [
    ...(group.schemaFiles ?? []).map((f) => ({
      file: f.fileName,
      read: f.successfulLabels + f.failedLabels,
      total: f.totalLabels,
      status: f.status,
    })),
    ...[...(group.vertexFiles ?? []), ...(group.edgeFiles ?? [])].map((f) => ({
      file: f.fileName,
      read: f.successfulLines + f.failedLines,
      total: f.totalLines,
      status: f.status,
    })),
  ]);
}

/** How one mode serves the dashboard and moves the mock's clock. */
interface Mode {
  name: string;
  /** The dashboard's URL, after starting what it needs. */
  start(): Promise<{ dashboard: DashboardServer; query: string }>;
  /** Moves the mock's virtual clock by `ms`. */
  advance(page: Page, ms: number): Promise<void>;
  stop(): Promise<void>;
}

let server: GesServer | undefined;
const MODES: Mode[] = [
  {
    name: 'with the MSW worker in the tab',
    start: async () => ({ dashboard: await startDashboardServer({ mode: 'development' }), query: '?poll=200&speed=0' }),
    advance: (page, ms) => page.evaluate((step) => (window as unknown as { gesMock: GesMswWorker }).gesMock.api.clock!.advance(step), ms),
    stop: async () => undefined,
  },
  {
    name: "with the standalone server behind Vite's proxy",
    start: async () => {
      server = await startGesServer({ port: 0, host: '127.0.0.1', speed: 0 });
      return { dashboard: await startDashboardServer({ mode: 'standalone', mockUrl: server.url }), query: '?poll=200' };
    },
    advance: async (_page, ms) => {
      const response = await fetch(`${server!.url}/__mock/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      });
      expect(response.status).toBe(200);
    },
    stop: async () => server?.close(),
  },
];

describeInChromium('the job dashboard with imports and exports', (executablePath) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(executablePath);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const mode of MODES) {
    describe(mode.name, () => {
      let dashboard: DashboardServer;
      let page: Page;
      const pageErrors: string[] = [];

      beforeAll(async () => {
        const started = await mode.start();
        dashboard = started.dashboard;
        page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        page.setDefaultTimeout(30_000);
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.goto(`${dashboard.url}/${started.query}`);
        await page.locator('#jobs tbody tr[data-job-id]').first().waitFor();
      });

      afterAll(async () => {
        await page?.close();
        await dashboard?.close();
        await mode.stop();
      });

      /** The movie graph's jobs as the API answers them, read through the page's own origin. */
      const listJobs = () =>
        page.evaluate(async (project) => {
          const response = await fetch(`/ges/v1.0/${project}/graphs/movie/jobs/status?limit=100`, { headers: { 'X-Auth-Token': 'e2e' } });
          return (await response.json()) as JobList;
        }, PROJECT);
      const jobStatus = (jobId: string) =>
        page.evaluate(
          async ({ project, id }) => {
            const response = await fetch(`/ges/v1.0/${project}/graphs/movie/jobs/${id}/status?limit=1`, {
              headers: { 'X-Auth-Token': 'e2e' },
            });
            return (await response.json()) as JobStatus;
          },
          { project: PROJECT, id: jobId },
        );
      const row = (jobId: string) => page.locator(`#jobs tbody tr[data-job-id="${jobId}"]`);
      /** Clicks a submit button and returns the id of the job it made (the status line names it). */
      const submit = async (button: string): Promise<string> => {
        const message = page.locator('#message');
        await message.evaluate((node) => node.removeAttribute('data-job-id'));
        await page.locator(button).click();
        await poll(() => message.getAttribute('data-job-id')).toBeTruthy();
        return (await message.getAttribute('data-job-id'))!;
      };
      /** Moves the clock a minute at a time until the API lists the job with `status` (an hour at most). */
      const advanceUntil = async (jobId: string, status: string) => {
        for (let minute = 0; minute < 60; minute++) {
          const job = (await listJobs()).jobs.find((j) => j.jobId === jobId);
          if (job?.status === status) return;
          await mode.advance(page, 60_000);
        }
        throw new Error(`job ${jobId} did not reach ${status} within an hour of virtual time`);
      };

      test("starts an import of the page's example and shows each file's lines read of its total as the clock moves", async () => {
        const example = specExample('/ges/v1.0/{project_id}/graphs/{graph_name}/action', 'post', 'ImportGraphPage');
        expect(JSON.parse(await page.locator('#import-body').inputValue())).toEqual(example);

        const jobId = await submit('#start-import');
        await row(jobId).waitFor();
        expect(await row(jobId).getAttribute('data-kind')).toBe('ImportGraph');
        const shownFiles = () =>
          row(jobId)
            .locator('ul.files li')
            .evaluateAll((items) =>
              items.map((li) => ({
                file: li.getAttribute('data-file'),
                read: Number(li.getAttribute('data-read')),
                total: Number(li.getAttribute('data-total')),
                status: li.getAttribute('data-status'),
              })),
            );

        // Steps that grow, so that a short import is seen part-read and a long one ends in a few dozen steps.
        const seen: FileLine[][] = [];
        let step = 2_000;
        for (let moves = 0; moves < 40; moves++) {
          const job = (await listJobs()).jobs.find((j) => j.jobId === jobId)!;
          const files = filesOf(job);
          // The row shows exactly what the API lists now (the clock stands still between two moves).
          await poll(shownFiles).toEqual(files);
          await poll(() => row(jobId).getAttribute('data-status')).toBe(job.status);
          seen.push(files);
          if (job.status === 'success') break;
          await mode.advance(page, step);
          step = Math.ceil(step * 1.5);
        }
        // At least one moment between submission and success was seen.
        expect(seen.length).toBeGreaterThan(2);
        const last = seen.at(-1)!;
        expect(await row(jobId).getAttribute('data-status')).toBe('success');
        expect(
          await row(jobId)
            .locator('progress')
            .evaluate((bar) => (bar as HTMLProgressElement).value),
        ).toBe(100);
        // The page's directories hold several files each, every one read to its last line.
        expect(last.length).toBeGreaterThan(3);
        expect(last.every((f) => f.read === f.total && f.total > 0)).toBe(true);
        expect(last.filter((f) => f.file.startsWith('testbucket/demo_movie/edges/')).length).toBeGreaterThan(0);
        expect(last.filter((f) => f.file.startsWith('testbucket/demo_movie/vertices/')).length).toBeGreaterThan(0);
        // Files filled in one after another: some moment showed a file part-read, or read while another was not.
        const partway = seen.some(
          (files) =>
            files.some((f) => f.read > 0 && f.read < f.total) || (files.some((f) => f.read === f.total) && files.some((f) => f.read === 0)),
        );
        expect(partway).toBe(true);
        // Lines only ever grow.
        for (let i = 1; i < seen.length; i++)
          for (const file of seen[i - 1]!) expect(seen[i]!.find((f) => f.file === file.file)?.read ?? 0).toBeGreaterThanOrEqual(file.read);
        expect(pageErrors).toEqual([]);
      });

      test('starts an export of filtered vertices and shows the file it wrote once it has finished', async () => {
        const example = specExample('/ges/v1.0/{project_id}/graphs/{graph_name}/vertices/action', 'post', 'ExportPage');
        expect(JSON.parse(await page.locator('#export-body').inputValue())).toEqual(example);

        const jobId = await submit('#start-export');
        await row(jobId).waitFor();
        expect(await row(jobId).getAttribute('data-kind')).toBe('ExportFilteredVertices');
        expect(await row(jobId).locator('.export-target').textContent()).toBe('writes to demo_movie/');

        await advanceUntil(jobId, 'success');
        const file = row(jobId).locator('.export-file');
        await poll(() => file.getAttribute('data-file-name')).toBe('export_movie_and_user.csv');
        const status = await jobStatus(jobId);
        expect(status.data?.outputs).toMatchObject({ exportPath: 'demo_movie/', fileName: 'export_movie_and_user.csv' });
        expect(await file.getAttribute('data-export-path')).toBe('demo_movie/');
        expect(await file.textContent()).toBe('wrote demo_movie/export_movie_and_user.csv');
        expect(await row(jobId).getAttribute('data-status')).toBe('success');
        expect(pageErrors).toEqual([]);
      });

      test("exports a finished algorithm run's result, and the run leaves the list once the export succeeds", async () => {
        await page.locator('#algorithm').selectOption('pagerank');
        const runId = await submit('#submit');
        await advanceUntil(runId, 'success');
        const button = row(runId).locator('button[data-export-result]');
        await button.waitFor();

        const exportId = await submit(`#jobs tbody tr[data-job-id="${runId}"] button[data-export-result]`);
        await row(exportId).waitFor();
        expect(await row(exportId).getAttribute('data-kind')).toBe('ExportJobResult');
        expect(await row(exportId).locator('.export-source').getAttribute('data-source')).toBe(runId);
        // Until the export has succeeded, the run is still listed.
        expect(await row(runId).count()).toBe(1);

        await advanceUntil(exportId, 'success');
        await poll(() => row(runId).count()).toBe(0);
        await poll(() => row(exportId).locator('.export-file').getAttribute('data-file-name')).toBe('pagerank');
        expect((await listJobs()).jobs.some((job) => job.jobId === runId)).toBe(false);
        mkdirSync(resultsDir, { recursive: true });
        await page.screenshot({
          path: join(resultsDir, `dashboard-kinds-${mode.name.includes('MSW') ? 'msw' : 'standalone'}.png`),
          fullPage: true,
        });
        expect(pageErrors).toEqual([]);
      });

      test('answers every GES call from the mode it runs in', () => {
        if (mode.name.includes('MSW')) expect(dashboard.mockRequestsSeenByVite).toEqual([]);
        else expect(dashboard.mockRequestsSeenByVite.some((line) => line.startsWith('POST /ges/'))).toBe(true);
      });
    });
  }
});
