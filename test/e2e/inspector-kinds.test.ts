/**
 * The inspector with every kind of job, in Chromium, against `ges-mock serve` (a spawned process on a
 * free port, its clock frozen with --speed 0, moved only by the test through the world's
 * `POST /__mock/projects/{project_id}/clock`): the submit form offers every job-creating action of
 * the spec, each starting from a GES page's example; an import's files fill in as the clock moves;
 * a filter query's records, an export's file and an index job's index are shown; an export of a
 * finished job's result names that job, and the job leaves the list once the export has succeeded.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { jobActions } from '../../src/spec/job-actions.js';
import type { Job, JobList, JobStatus } from '../../src/types.js';
import { startGesMockProcess, type GesMockProcess } from '../support/ges-mock-process.js';
import { describeInChromium, launchChromium } from './support/chromium.js';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const PROJECT = '0123456789abcdef0123456789abcdef';
const GRAPH = 'movie';
const BASE = `/ges/v1.0/${PROJECT}/graphs/${GRAPH}`;
const AUTH = { 'x-auth-token': 'e2e' };
/** Waits for a condition, generously: the machine may be loaded, and nothing here is timed. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });

/** A request example of openapi.yaml, by its operation's path and the example's name. */
function specExample(path: string, name: string): unknown {
  const operation = (openapiDocument.paths as Record<string, Record<string, any>>)[path]!['post'];
  return operation.requestBody.content['application/json'].examples[name].value;
}

/** An import's files as the list answers them, one row each, in the list's order. */
function fileCounts(job: Job): string[][] {
  return (job.files ?? []).flatMap((group) =>
    Object.values(group).flatMap((files) =>
      (files as Record<string, number | string>[]).map((file) => {
        const unit = 'totalLabels' in file ? 'Labels' : 'Lines';
        return [String(file.fileName), String(file[`successful${unit}`]), String(file[`failed${unit}`]), String(file[`total${unit}`])];
      }),
    ),
  );
}

describeInChromium('the inspector with every kind of job', (executablePath) => {
  let mock: GesMockProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [mock, browser] = await Promise.all([
      startGesMockProcess(['serve', '--port', '0', '--quiet', '--speed', '0', '--seed', '7']),
      launchChromium(executablePath),
    ]);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    mkdirSync(resultsDir, { recursive: true });
    await page.goto(`${mock.url}/__mock/?poll=200&graph=${GRAPH}`);
    await page.waitForFunction(() => document.body.hasAttribute('data-refreshed'));
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.stop();
  });

  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${mock.url}${path}`, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string>) } });
    return (await response.json()) as T;
  };
  const listed = async (jobId: string) => (await call<JobList>(`${BASE}/jobs/status?limit=100`)).jobs.find((job) => job.jobId === jobId);
  /** Moves the shown world's clock, as a test of an app would. */
  const advance = (ms: number) =>
    call(`/__mock/projects/${PROJECT}/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
    });
  /** Moves the world's clock a minute at a time until the job is listed with `status` (an hour at most). */
  const advanceUntil = async (jobId: string, status: string) => {
    for (let minute = 0; minute < 60; minute++) {
      if ((await listed(jobId))?.status === status) return;
      await advance(60_000);
    }
    throw new Error(`job ${jobId} did not reach ${status} within an hour of virtual time`);
  };
  const answer = () => page.locator('#submit-answer');
  /** Chooses an action, lets the form fill itself, optionally edits it, submits, and returns the new job's id. */
  const submit = async (actionId: string, edit?: () => Promise<void>): Promise<string> => {
    await page.locator('#action').selectOption(actionId);
    if (edit) await edit();
    await answer().evaluate((node) => node.removeAttribute('data-job-id'));
    await page.locator('#submit-job').click();
    await poll(() => answer().getAttribute('data-job-id')).toBeTruthy();
    const jobId = (await answer().getAttribute('data-job-id'))!;
    await poll(() => page.locator('#job-head .detail-head').getAttribute('data-job-id')).toBe(jobId);
    return jobId;
  };
  const kind = () => page.locator('#job-kind');

  test('offers every job-creating action the spec declares, each starting from a GES page example', async () => {
    const values = await page.locator('#action option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(values).toEqual(jobActions.map((action) => action.id));
    expect(await page.locator('#action').inputValue()).toBe('executeAlgorithm');
    expect(await page.locator('#body-fields').isHidden()).toBe(true);

    await page.locator('#action').selectOption('exportVertices');
    expect(await page.locator('#algorithm-fields').isHidden()).toBe(true);
    expect(JSON.parse(await page.locator('#body').inputValue())).toEqual(
      specExample(`/ges/v1.0/{project_id}/graphs/{graph_name}/vertices/action`, 'ExportPage'),
    );
    expect(await page.locator('#submit-job').getAttribute('title')).toBe(
      'POST /ges/v1.0/{project_id}/graphs/{graph_name}/vertices/action?action_id=export',
    );
    await page.locator('#action').selectOption('deleteIndex');
    expect(await page.locator('#body-fields').isHidden()).toBe(true);
    expect(await page.locator('#action-params input[data-param="indexName"]').getAttribute('placeholder')).toBe('ageIndex');
    await page.locator('#action').selectOption('executeAlgorithm');
    expect(await page.locator('#algorithm-fields').isHidden()).toBe(false);
  });

  test("submits an import of the page's example and shows its files fill in as the world's clock moves", async () => {
    const jobId = await submit('importGraph', async () => {
      expect(JSON.parse(await page.locator('#body').inputValue())).toEqual(
        specExample('/ges/v1.0/{project_id}/graphs/{graph_name}/action', 'ImportGraphPage'),
      );
    });
    expect(await page.locator('#job-head .detail-head').textContent()).toContain('ImportGraph');
    const shown = () =>
      page
        .locator('#job-body table.files tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.getAttribute('data-file') ?? '',
            tr.querySelector('[data-count="successful"]')?.textContent ?? '',
            tr.querySelector('[data-count="failed"]')?.textContent ?? '',
            (tr.querySelector('[data-count="total"]')?.textContent ?? '').split(' ')[0]!,
          ]),
        );

    // Steps that grow, so that a short import is seen part-read and a long one ends in a few dozen steps.
    const seen: string[][][] = [];
    let step = 2_000;
    for (let moves = 0; moves < 40; moves++) {
      const job = (await listed(jobId))!;
      const files = fileCounts(job);
      // The detail shows exactly what the list answers now (the clock stands still between two moves).
      if (files.length > 0) await poll(shown).toEqual(files);
      await poll(() => page.locator('#job-head .detail-head').getAttribute('data-status')).toBe(job.status);
      seen.push(files);
      if (job.status === 'success') break;
      await advance(step);
      step = Math.ceil(step * 1.5);
    }
    expect(seen.length).toBeGreaterThan(2);
    const last = seen.at(-1)!;
    // The page's paths are directories: each holds several files, every one read in full at the end.
    expect(last.filter(([file]) => file!.startsWith('testbucket/demo_movie/edges/')).length).toBeGreaterThan(0);
    expect(last.filter(([file]) => file!.startsWith('testbucket/demo_movie/vertices/')).length).toBeGreaterThan(0);
    expect(last.every(([, ok, bad, total]) => Number(ok) + Number(bad) === Number(total))).toBe(true);
    const partway = seen.some(
      (files) =>
        files.some(([, ok, bad, total]) => Number(ok) + Number(bad) > 0 && Number(ok) + Number(bad) < Number(total)) ||
        (files.some(([, ok, , total]) => ok === total) && files.some(([, ok]) => ok === '0')),
    );
    expect(partway).toBe(true);
    await poll(() => kind().locator('.import-summary').textContent()).toContain(`${last.length} of ${last.length} files read`);
    await page.screenshot({ path: join(resultsDir, 'inspector-import.png'), fullPage: true });
    expect(await page.locator('#job-body table.files .bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-value')))).toEqual(
      last.map(() => '100'),
    );
    expect(pageErrors).toEqual([]);
  });

  test("shows a filter query's records page by page, an export's file and an index job's index", async () => {
    const query = await submit('queryVertices', async () => {
      // The page's example asks for two vertices; ask for more, so that the result has pages.
      const body = {
        ...(specExample('/ges/v1.0/{project_id}/graphs/{graph_name}/vertices/action', 'QueryPage') as object),
        labels: ['movie'],
        limit: 25,
      };
      await page.locator('#body').fill(JSON.stringify(body));
    });
    await advanceUntil(query, 'success');
    const status = await call<JobStatus>(`${BASE}/jobs/${query}/status?offset=0&limit=10`);
    const vertices = (status.data!.outputs as { vertices: { id: string; label: string; properties: Record<string, string[]> }[] }).vertices;
    const records = page.locator('#job-status table.records tbody tr');
    await poll(() => records.count()).toBe(vertices.length);
    expect(vertices.length).toBeGreaterThan(0);
    const cells = await records.first().locator('td').allTextContents();
    const first = vertices[0]!;
    expect(cells.slice(0, 2)).toEqual([first.id, first.label]);
    expect(cells[2]).toBe(
      Object.entries(first.properties)
        .map(([name, values]) => `${name}: ${values.join(', ')}`)
        .join('; '),
    );
    const pager = page.locator('#job-status .result-pager');
    // The seeded graph matches more than a page of the 25 the query keeps: the status endpoint pages them.
    expect(vertices.length).toBe(10);
    await page.locator('button[data-result-move="next"]').click();
    await poll(() => pager.getAttribute('data-offset')).toBe('10');
    const second = await call<JobStatus>(`${BASE}/jobs/${query}/status?offset=10&limit=10`);
    const ids = (second.data!.outputs as { vertices: { id: string }[] }).vertices.map((v) => v.id);
    expect(ids.length).toBeGreaterThan(0);
    await poll(() => records.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-record')))).toEqual(ids);
    await page.screenshot({ path: join(resultsDir, 'inspector-records.png'), fullPage: true });

    const exported = await submit('exportVertices');
    expect(await kind().locator('.export-target').textContent()).toContain('demo_movie/');
    await advanceUntil(exported, 'success');
    const file = kind().locator('.export-file');
    await poll(() => file.getAttribute('data-file-name')).toBe('export_movie_and_user.csv');
    expect(await file.getAttribute('data-export-path')).toBe('demo_movie/');
    expect(await file.textContent()).toBe('Wrote demo_movie/export_movie_and_user.csv');

    const indexName = `e2eIndex${Date.now()}`;
    const built = await submit('createIndex', async () => {
      const body = specExample('/ges/v1.0/{project_id}/graphs/{graph_name}/indices', 'CompositePage') as object;
      expect(JSON.parse(await page.locator('#body').inputValue())).toEqual(body);
      await page.locator('#body').fill(JSON.stringify({ ...body, indexName }));
    });
    expect(await kind().locator('.index-name').getAttribute('data-index-name')).toBe(indexName);
    await advanceUntil(built, 'success');
    const dropped = await submit('deleteIndex', () => page.locator('#action-params input[data-param="indexName"]').fill(indexName));
    expect(await page.locator('#job-head .detail-head').textContent()).toContain('DeleteIndex');
    await advanceUntil(dropped, 'success');
    await poll(() => kind().locator('.index-name').getAttribute('data-index-name')).toBe(indexName);
    expect(pageErrors).toEqual([]);
  });

  test("exports a finished job's result from its detail, and the job leaves the list once the export succeeds", async () => {
    const run = await submit('executeAlgorithm', async () => {
      await page.locator('#algorithm').selectOption('pagerank');
      await page.locator('#parameters').fill('{"alpha": 0.85}');
    });
    await advanceUntil(run, 'success');
    const exportButton = page.locator('#export-job');
    await poll(() => exportButton.getAttribute('data-job')).toBe(run);
    await exportButton.click();
    expect(await page.locator('#action').inputValue()).toBe('exportJobResult');
    expect(await page.locator('#action-params input[data-param="job_id"]').inputValue()).toBe(run);
    expect(JSON.parse(await page.locator('#body').inputValue())).toEqual(
      specExample('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}/action', 'ToObsPage'),
    );

    await answer().evaluate((node) => node.removeAttribute('data-job-id'));
    await page.locator('#submit-job').click();
    await poll(() => answer().getAttribute('data-job-id')).toBeTruthy();
    const exportJob = (await answer().getAttribute('data-job-id'))!;
    await poll(() => page.locator('#job-head .detail-head').getAttribute('data-job-id')).toBe(exportJob);
    const source = kind().locator('.export-source');
    expect(await source.getAttribute('data-source')).toBe(run);
    expect(await source.getAttribute('data-erase')).toBe('true');
    expect(await kind().locator('.erase-note').textContent()).toContain('leaves the list once this export has succeeded');
    // Until the export has succeeded, the job it exports is listed.
    await poll(() => page.locator(`#job-table tr[data-job-id="${run}"]`).count()).toBe(1);

    await advanceUntil(exportJob, 'success');
    await poll(() => page.locator(`#job-table tr[data-job-id="${run}"]`).count()).toBe(0);
    expect(await listed(run)).toBeUndefined();
    await poll(() => kind().locator('.export-file').getAttribute('data-file-name')).toBe('louvain');
    expect(await kind().locator('.erase-note').textContent()).toBe('The exported job has left the list: this export has succeeded.');
    await page.screenshot({ path: join(resultsDir, 'inspector-export-result.png'), fullPage: true });
    // Its id still opens it: the list no longer has it.
    await source.locator('button[data-open-job]').click();
    await poll(() => page.locator('#job-head').textContent()).toContain("Not in this graph's list (any more).");
    expect(pageErrors).toEqual([]);
  });

  test('names the job an export exports when another client submitted it, from the world journal', async () => {
    const run = (
      await call<{ jobId: string }>(`${BASE}/action?action_id=execute-algorithm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ algorithmName: 'louvain' }),
      })
    ).jobId;
    await advanceUntil(run, 'success');
    const exportJob = (
      await call<{ jobId: string }>(`${BASE}/jobs/${run}/action?action_id=export-result`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ exportPath: 'demo_movie/', fileName: `louvain-${run}`, erase: false }),
      })
    ).jobId;
    await page.goto(`${mock.url}/__mock/?poll=200&graph=${GRAPH}&job=${exportJob}`);
    await poll(() => kind().locator('.export-source').getAttribute('data-source')).toBe(run);
    expect(await kind().locator('.export-source').getAttribute('data-erase')).toBe('false');
    expect(await kind().locator('.erase-note').textContent()).toBe('erase is false: the exported job stays in the list.');
    await advanceUntil(exportJob, 'success');
    await poll(() => kind().locator('.export-file').getAttribute('data-file-name')).toBe(`louvain-${run}`);
    expect(await listed(run)).toBeDefined();
    expect(pageErrors).toEqual([]);
  });
});
