/**
 * The inspector as a frontend developer uses it, in Chromium, against `ges-mock serve` (a spawned
 * process on a free port, its clock frozen with --speed 0 so that only the page and the test move
 * it): the first paint holds data before any script runs, every job is reachable page by page,
 * filters by status and kind, a job's detail (fields, rawRequest, import files, the status
 * endpoint's result pages), submitting and cancelling from the page, worlds made by tests and their
 * clocks, and the control token kept out of URLs.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startGesMockProcess, type GesMockProcess } from '../support/ges-mock-process.js';
import type { Job, JobList, JobStatus } from '../../src/types.js';
import { describeInChromium, launchChromium } from './support/chromium.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
/** Waits for a condition, generously: the machine may be loaded, and nothing here is timed. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
const JOBS = 130;
const AUTH = { 'x-auth-token': 'e2e' };

describeInChromium('the inspector against ges-mock serve', (executablePath) => {
  let mock: GesMockProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [mock, browser] = await Promise.all([
      startGesMockProcess(['serve', '--port', '0', '--quiet', '--speed', '0', '--seed', '7', '--jobs', String(JOBS)]),
      launchChromium(executablePath),
    ]);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.stop();
  });

  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${mock.url}${path}`, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string>) } });
    return (await response.json()) as T;
  };
  const listAll = (project: string, graph: string) => call<JobList>(`/ges/v1.0/${project}/graphs/${graph}/jobs/status`);
  const jobs = () => page.locator('#jobs');
  const rows = () => page.locator('#job-table tbody tr');
  const rowIds = () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-job-id')));
  /** Opens the inspector and waits for the script's first refresh. */
  const open = async (query: string) => {
    await page.goto(`${mock.url}/__mock/${query}`);
    await page.waitForFunction(() => document.body.hasAttribute('data-refreshed'));
  };

  test('paints graphs, counts and the first page of jobs before any script runs', async () => {
    const list = await listAll(PROJECT, 'movie');
    const html = await (await fetch(`${mock.url}/__mock/`)).text();
    expect(html).toContain(`<tr data-job-id="${list.jobs[0]!.jobId}"`);

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const still = await noScript.newPage();
      await still.goto(`${mock.url}/__mock/`);
      expect(await still.locator('#job-table tbody tr').count()).toBe(50);
      const ids = await still.locator('#job-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-job-id')));
      expect(ids).toEqual(list.jobs.slice(0, 50).map((job) => job.jobId));
      expect(await still.locator('#jobs-title').textContent()).toBe(`movie: jobs 1–50 of ${JOBS}`);
      expect(await still.locator('#graphs tr[data-graph="movie"] td').first().textContent()).toBe(String(JOBS));
      expect(await still.locator('#graphs tr[data-graph="movie"] .badge').count()).toBeGreaterThan(1);
      expect(await still.locator('#project').inputValue()).toBe(PROJECT);
      expect(Number(await still.locator('#clock').getAttribute('data-now'))).toBeGreaterThan(0);
    } finally {
      await noScript.close();
    }
  });

  test('reaches every job page by page, to the last one, one page of rows at a time', async () => {
    const all = (await listAll(PROJECT, 'movie')).jobs;
    await open('?poll=250&graph=movie');
    expect(await jobs().getAttribute('data-job-count')).toBe(String(JOBS));

    await page.locator('button[data-page-move="last"]').click();
    await poll(() => jobs().getAttribute('data-page')).toBe('2');
    await poll(rowIds).toEqual(all.slice(100).map((job) => job.jobId));
    expect(await page.locator('#jobs-title').textContent()).toBe(`movie: jobs 101–${JOBS} of ${JOBS}`);
    expect(await page.locator('button[data-page-move="next"]').isDisabled()).toBe(true);
    expect(page.url()).toContain('page=3');

    await page.locator('#page-number').fill('2');
    await page.locator('#page-number').press('Enter');
    await poll(() => jobs().getAttribute('data-page')).toBe('1');
    await poll(rowIds).toEqual(all.slice(50, 100).map((job) => job.jobId));

    await page.locator('#page-size').selectOption('200');
    await poll(() => rows().count()).toBe(JOBS);
    await page.locator('#page-size').selectOption('20');
    await poll(() => jobs().getAttribute('data-pages')).toBe('7');
    await page.locator('button[data-page-move="last"]').click();
    await poll(rowIds).toEqual(all.slice(120).map((job) => job.jobId));
  });

  test('filters by status and by kind, offering every value the graph holds', async () => {
    const all = (await listAll(PROJECT, 'social_network')).jobs;
    await open('?poll=250&graph=social_network');
    const kinds = [...new Set(all.map((job) => job.taskType))].sort();
    expect(kinds.length).toBeGreaterThan(1);
    const options = (id: string) => page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await options('filter-kind')).toEqual(['', ...kinds]);
    expect(await options('filter-status')).toEqual(expect.arrayContaining(['', 'pending', 'running', 'success', 'failed']));

    const failed = all.filter((job) => job.status === 'failed');
    await page.locator('#filter-status').selectOption('failed');
    await poll(() => jobs().getAttribute('data-total')).toBe(String(failed.length));
    await poll(rowIds).toEqual(failed.slice(0, 50).map((job) => job.jobId));

    const imports = all.filter((job) => job.taskType === 'ImportGraph');
    await page.locator('#filter-status').selectOption('');
    await page.locator('#filter-kind').selectOption('ImportGraph');
    await poll(rowIds).toEqual(imports.slice(0, 50).map((job) => job.jobId));
    expect(await page.locator('#jobs-title').textContent()).toBe(
      `social_network: jobs 1–${imports.length} of ${imports.length} matching (of ${JOBS})`,
    );

    // The URL keeps the view: a reload paints the filtered list at once.
    expect(page.url()).toContain('kind=ImportGraph');
    const html = await (await fetch(page.url())).text();
    expect(html).toContain(`<tr data-job-id="${imports[0]!.jobId}"`);
    expect(html).not.toContain(`<tr data-job-id="${all.find((job) => job.taskType !== 'ImportGraph')!.jobId}"`);
  });

  test("shows an ImportGraph job's fields, rawRequest and files, and a successful job's result page by page", async () => {
    const all = (await listAll(PROJECT, 'supply_chain')).jobs;
    const imported = all.find((job) => job.taskType === 'ImportGraph' && (job.files?.length ?? 0) > 0)!;
    await open('?poll=250&graph=supply_chain&kind=ImportGraph');
    await page.locator(`#job-table tr[data-job-id="${imported.jobId}"] button`).click();
    await poll(() => page.locator('#job-head .detail-head').getAttribute('data-job-id')).toBe(imported.jobId);
    expect(await page.locator('#raw-request').textContent()).toBe(JSON.stringify(JSON.parse(imported.rawRequest), null, 2));
    const files = imported.files!.flatMap((group) => Object.values(group).flatMap((list) => list as Record<string, number | string>[]));
    const shown = page.locator('#job-body table.files tbody tr');
    expect(await shown.count()).toBe(files.length);
    const first = files[0]!;
    const unit = 'totalLabels' in first ? 'Labels' : 'Lines';
    expect(await shown.first().locator('[data-count="successful"]').textContent()).toBe(String(first[`successful${unit}`]));
    expect(await shown.first().locator('[data-count="failed"]').textContent()).toBe(String(first[`failed${unit}`]));
    expect(await shown.first().locator('[data-count="total"]').textContent()).toBe(`${first[`total${unit}`]} ${unit.toLowerCase()}`);
    expect(await shown.first().locator('.bar').getAttribute('data-value')).toMatch(/^\d{1,3}$/);
    expect(await page.locator('#job-body').textContent()).toContain('canStop');

    // A finished algorithm with more result records than one page: its result, paged with offset and limit.
    let done: Job | undefined;
    let total = 0;
    for (const job of all.filter((j) => j.status === 'success' && j.taskType === 'Algorithm')) {
      const status = await call<JobStatus>(`/ges/v1.0/${PROJECT}/graphs/supply_chain/jobs/${job.jobId}/status?limit=1`);
      total = (status.data?.data_total_size ?? (status.data?.outputs as { data_total_size?: number } | undefined)?.data_total_size) || 0;
      if (total > 20) {
        done = job;
        break;
      }
    }
    expect(done).toBeDefined();
    await page.locator('#filter-kind').selectOption('Algorithm');
    await page.locator('#filter-status').selectOption('success');
    await poll(() => jobs().getAttribute('data-status-filter')).toBe('success');
    const position = all.filter((j) => j.status === 'success' && j.taskType === 'Algorithm').indexOf(done!);
    await page.locator('#page-number').fill(String(Math.floor(position / 50) + 1));
    await page.locator('#page-number').press('Enter');
    await page.locator(`#job-table tr[data-job-id="${done!.jobId}"] button`).click();
    const pager = page.locator('#job-status .result-pager');
    await poll(() => pager.getAttribute('data-total')).toBe(String(total));
    expect(await pager.getAttribute('data-offset')).toBe('0');
    expect(await page.locator('#status-http').textContent()).toBe('HTTP 200');
    await page.locator('button[data-result-move="next"]').click();
    await poll(() => pager.getAttribute('data-offset')).toBe('10');
    const second = await call<JobStatus>(`/ges/v1.0/${PROJECT}/graphs/supply_chain/jobs/${done!.jobId}/status?offset=10&limit=10`);
    const outputs = await page.locator('#job-status pre[data-part="outputs"]').textContent();
    expect(JSON.parse(outputs!)).toEqual(second.data!.outputs);
    expect(await page.locator('#result-range').textContent()).toBe(`records 11–20 of ${total}`);
  });

  test('submits an algorithm from the page, lists it, cancels it and shows it failed with canStop false', async () => {
    await open('?poll=250&graph=movie');
    await page.locator('#algorithm').selectOption('k_hop');
    await page.locator('#parameters').fill('{}');
    await page.locator('#submit-job').click();
    const answer = page.locator('#submit-answer');
    await poll(() => answer.locator('[data-http-status]').getAttribute('data-http-status')).toBe('400');
    expect(await answer.locator('pre').textContent()).toContain('"errorCode": "GES.8402"');

    await page.locator('#algorithm').selectOption('pagerank');
    await page.locator('#parameters').fill('{"alpha": 0.85}');
    await page.locator('#submit-job').click();
    await poll(() => answer.locator('[data-http-status]').getAttribute('data-http-status')).toBe('200');
    const jobId = (await answer.getAttribute('data-job-id'))!;
    const row = page.locator(`#job-table tr[data-job-id="${jobId}"]`);
    await row.waitFor();
    expect(await rows().first().getAttribute('data-job-id')).toBe(jobId);
    expect(await row.getAttribute('data-status')).toBe('pending');
    await poll(() => page.locator('#job-head .detail-head').getAttribute('data-can-stop')).toBe('true');
    expect(await page.locator('#raw-request').textContent()).toBe(
      JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 } }, null, 2),
    );

    await page.locator('#cancel-job').click();
    await poll(() => page.locator('#cancel-answer [data-http-status]').getAttribute('data-http-status')).toBe('200');
    expect(await page.locator('#cancel-answer pre').textContent()).toBe('{}');
    await poll(() => row.getAttribute('data-status')).toBe('failed');
    await poll(() => page.locator('#job-head .detail-head').getAttribute('data-can-stop')).toBe('false');
    expect(await page.locator('#cancel-job').count()).toBe(0);
    expect(await row.textContent()).toContain('Job was cancelled by the user.');
  });

  test('shows the 400 GES.8303 envelope when the job could no longer be cancelled', async () => {
    // No polling: the page shows the job as it was when opened, while it is cancelled behind its back.
    const created = await call<{ jobId: string }>(`/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"algorithmName":"louvain"}',
    });
    await open(`?poll=3600000&graph=movie&job=${created.jobId}`);
    await page.locator('#cancel-job').waitFor();
    await call(`/ges/v1.0/${PROJECT}/graphs/movie/jobs/${created.jobId}`, { method: 'DELETE' });
    await page.locator('#cancel-job').click();
    await poll(() => page.locator('#cancel-answer [data-http-status]').getAttribute('data-http-status')).toBe('400');
    expect(await page.locator('#cancel-answer pre').textContent()).toContain('"errorCode": "GES.8303"');
  });

  test('offers a world made through its fixtures route, shows its jobs and clock, and moves that clock alone', async () => {
    const world = `world${Date.now()}`;
    await open('?poll=250');
    const loaded = await fetch(`${mock.url}/__mock/projects/${world}/fixtures`, {
      method: 'PUT',
      body: JSON.stringify({
        now: '2024-05-23T01:00:00Z',
        graphs: {
          team_graph: {
            jobs: [
              { status: 'failed', failReason: 'Running algorithm [louvain] error: a reason of our own', startedAgo: '10m' },
              { taskType: 'ImportGraph', status: 'running', startedAgo: '5m', runFor: '10m' },
            ],
          },
        },
      }),
    });
    expect(loaded.status).toBe(200);
    await poll(() => page.locator(`#project option[value="${world}"]`).count()).toBe(1);
    await page.locator('#project').selectOption(world);
    await poll(() => page.locator('#world-name').textContent()).toBe(world);
    expect(await page.locator('#clock').textContent()).toBe('2024-05-23 09:00:00 (UTC+8)');
    expect(await page.locator('#world-info').textContent()).toContain('own fixtures');
    await page.locator('#graphs button[data-select-graph="team_graph"]').click();
    await poll(rowIds).toHaveLength(2);
    expect(await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')))).toEqual(['ImportGraph', 'Algorithm']);
    expect(page.url()).toContain(`project=${world}`);

    const before = await call<{ clockOffsetMs: number; now: number }>(`/__mock/projects/${world}/state`);
    const others = await call<{ clockOffsetMs: number }>(`/__mock/projects/${PROJECT}/state`);
    await page.locator('#advance-1h').click();
    await poll(() => page.locator('#clock').textContent()).toBe('2024-05-23 10:00:00 (UTC+8)');
    const after = await call<{ clockOffsetMs: number; now: number }>(`/__mock/projects/${world}/state`);
    expect(after.now - before.now).toBe(3_600_000);
    expect((await call<{ clockOffsetMs: number }>(`/__mock/projects/${PROJECT}/state`)).clockOffsetMs).toBe(others.clockOffsetMs);
    // The import ran for 10 minutes from 5 minutes ago: an hour later it is done.
    await poll(() => rows().first().getAttribute('data-status')).not.toBe('running');
    expect(pageErrors).toEqual([]);
  });
});

describeInChromium('the inspector with --control-token and --no-cors', (executablePath) => {
  let mock: GesMockProcess;
  let browser: Browser;

  beforeAll(async () => {
    [mock, browser] = await Promise.all([
      startGesMockProcess(['serve', '--port', '0', '--quiet', '--speed', '0', '--control-token', 's3cret-token', '--no-cors']),
      launchChromium(executablePath),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.stop();
  });

  test('paints no data without the token, then everything with the token from the fragment, which leaves the URL', async () => {
    const bare = await (await fetch(`${mock.url}/__mock/`)).text();
    expect(bare).toContain('This mock requires its control token');
    expect(bare).not.toMatch(/<tr data-job-id="[0-9a-f]/);

    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(`${mock.url}/__mock/?poll=250#controlToken=s3cret-token`);
    await poll(() => page.locator('#job-table tbody tr').count()).toBe(50);
    expect(page.url()).not.toContain('s3cret-token');
    expect(urls.some((url) => url.includes('s3cret-token'))).toBe(false);
    expect(urls.some((url) => url.includes('/__mock/state'))).toBe(true);
    // Kept for the tab, so a reload (with no fragment) still reads the data.
    await page.reload();
    await poll(() => page.locator('#connection').textContent()).toBe('live');
    expect(await page.locator('#message').textContent()).toBe('');
  });
});
