/**
 * The standalone server as a frontend meets it, in a real browser: the live inspector at /__mock/,
 * the Redoc docs at /__mock/docs (offline), credentialed CORS from a dev server on another port, and
 * the dashboard behind Vite's proxy.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { specOperations } from '../../src/spec/spec-examples.js';
import { describeInChromium, launchChromium } from './support/chromium.js';
import { startDashboardServer, type DashboardServer } from './support/dashboard-server.js';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
/** The inspector opens this project first when the engine has seen none (the spec's example id). */
const PROJECT = '0123456789abcdef0123456789abcdef';
/** Redoc heads each operation with its summary: every operation of the spec, read from it. */
const OPERATION_TITLES = specOperations.map(({ path, method }) => {
  const operation = (openapiDocument.paths as Record<string, Record<string, { summary?: string }>>)[path]![method.toLowerCase()];
  return operation!.summary!;
});

describeInChromium('the standalone server in a browser', (executablePath) => {
  let browser: Browser;
  let server: GesServer;
  let dashboard: DashboardServer;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startGesServer({ port: 0, host: '127.0.0.1' });
    [browser, dashboard] = await Promise.all([
      launchChromium(executablePath),
      startDashboardServer({ mode: 'standalone', mockUrl: server.url }),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await server?.close();
  });

  /** Submits pagerank to `graph` over plain HTTP and returns the job id. */
  async function submitOverHttp(graph: string): Promise<string> {
    const response = await fetch(`${server.url}/ges/v1.0/${PROJECT}/graphs/${graph}/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': 'e2e' },
      body: JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 } }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { jobId: string }).jobId;
  }

  test('the inspector lists graphs and jobs live, and its clock button moves a job to success', async () => {
    const jobId = await submitOverHttp('movie');
    await page.goto(`${server.url}/__mock/?poll=250`);
    const row = page.locator(`#job-table tr[data-job-id="${jobId}"]`);
    await row.waitFor();
    expect(['pending', 'running']).toContain(await row.getAttribute('data-status'));
    await page.locator('#graphs tr[data-graph="movie"][aria-current="true"]').waitFor();
    expect(await page.locator('#project').inputValue()).toBe(PROJECT);
    expect(await page.locator('#job-table tr[data-job-id]').count()).toBeGreaterThan(10);
    // Newest first: the job just submitted heads its graph's table.
    expect(await page.locator('#job-table tbody tr').first().getAttribute('data-job-id')).toBe(jobId);
    // The live traffic view shows the submission over HTTP, and none of the inspector's own polling.
    const traffic = page.locator('#traffic tbody tr');
    await expect.poll(() => traffic.count()).toBe(1);
    expect(await traffic.first().textContent()).toContain('executeAlgorithm');

    const before = Number(await page.locator('#clock').getAttribute('data-now'));
    await page.locator('#advance-1h').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('success');
    expect(Number(await page.locator('#clock').getAttribute('data-now')) - before).toBeGreaterThanOrEqual(3_600_000);
    expect(await row.locator('.bar').getAttribute('data-value')).toBe('100');

    mkdirSync(resultsDir, { recursive: true });
    const screenshot = join(resultsDir, 'inspector.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`inspector screenshot: ${screenshot}`);
    expect(pageErrors).toEqual([]);
  });

  test('the inspector injects and clears a fault, and reset drops submitted jobs', async () => {
    // The next three list calls fail, so the fault and the errors it causes show for one refresh only:
    // a MutationObserver in the page records them from before the click, so no polling can miss them.
    await page.evaluate(() => {
      const seen = { fault: false, error: false };
      (window as unknown as { seen: typeof seen }).seen = seen;
      const look = () => {
        seen.fault ||= document.querySelector('#faults')?.textContent?.includes('nextFailures') ?? false;
        seen.error ||= document.querySelector('#jobs-error:not([hidden])') !== null;
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const seen = () => page.evaluate(() => (window as unknown as { seen: { fault: boolean; error: boolean } }).seen);
    await page.locator('#fault-next-503').click();
    // The fault shows, then the inspector shows the errors instead of tables.
    await expect.poll(seen).toEqual({ fault: true, error: true });
    await page.locator('#fault-clear').click();
    await expect.poll(() => page.locator('#faults').textContent()).toBe('none');
    await expect.poll(() => page.locator('#jobs-error:not([hidden])').count()).toBe(0);

    const jobId = await submitOverHttp('movie');
    await page.locator(`tr[data-job-id="${jobId}"]`).waitFor();
    await page.locator('#reset').click();
    await expect.poll(() => page.locator('#message').textContent()).toBe('Engine reset');
    await expect.poll(() => page.locator(`tr[data-job-id="${jobId}"]`).count()).toBe(0);
  });

  test('the docs page renders every operation title with Redoc served by the mock itself', async () => {
    // Redoc's sidebar asks a CDN for its logo; the page's CSP must block that before it reaches the
    // network (this sandbox has none, so a mere failure would prove nothing).
    const foreign = new Map<string, string>();
    const isForeign = (url: string) => !url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:');
    const onRequest = (request: { url(): string }) => {
      if (isForeign(request.url())) foreign.set(request.url(), 'sent');
    };
    const onFailed = (request: { url(): string; failure(): { errorText: string } | null }) => {
      if (isForeign(request.url())) foreign.set(request.url(), request.failure()?.errorText ?? 'failed');
    };
    page.on('request', onRequest);
    page.on('requestfailed', onFailed);
    try {
      await page.goto(`${server.url}/__mock/docs`);
      for (const title of OPERATION_TITLES) {
        // Redoc appends a permalink anchor to each heading, hence no exact match.
        await page.getByRole('heading', { name: title }).first().waitFor();
      }
      await page.screenshot({ path: join(resultsDir, 'docs.png') });
    } finally {
      page.off('request', onRequest);
      page.off('requestfailed', onFailed);
    }
    // Playwright names a CSP block 'csp'; anything else ('sent', a DNS error) means it tried the network.
    expect([...foreign.entries()].filter(([, outcome]) => !/csp/i.test(outcome))).toEqual([]);
  });

  test('a page on another localhost port reads and writes the API with credentials and X-Auth-Token', async () => {
    const devOrigin = dashboard.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${devOrigin}/`);
    // CORS headers are not readable from page script; the browser's view of the response shows them.
    const listResponse = page.waitForResponse(
      (response) => response.url().startsWith(`${server.url}/ges/`) && response.request().method() === 'GET',
    );
    const result = await page.evaluate(
      async ({ mockUrl, project }) => {
        const base = `${mockUrl}/ges/v1.0/${project}/graphs/movie`;
        const list = await fetch(`${base}/jobs/status?limit=2`, { credentials: 'include', headers: { 'X-Auth-Token': 'cors-token' } });
        const submitted = await fetch(`${base}/action?action_id=execute-algorithm`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'X-Auth-Token': 'cors-token', 'Content-Type': 'application/json' },
          body: JSON.stringify({ algorithmName: 'kcore', parameters: { k: 3 } }),
        });
        const unauthorised = await fetch(`${base}/jobs/status`, { credentials: 'include' });
        return {
          origin: location.origin,
          listStatus: list.status,
          jobs: ((await list.json()) as { jobs: unknown[] }).jobs.length,
          submitStatus: submitted.status,
          jobId: ((await submitted.json()) as { jobId?: string }).jobId,
          unauthorisedStatus: unauthorised.status,
          unauthorisedCode: ((await unauthorised.json()) as { errorCode?: string }).errorCode,
        };
      },
      { mockUrl: server.url, project: PROJECT },
    );
    expect(result.origin).toBe(devOrigin);
    expect(result).toMatchObject({ listStatus: 200, jobs: 2, submitStatus: 200 });
    const headers = (await listResponse).headers();
    expect(headers['access-control-allow-origin']).toBe(devOrigin);
    expect(headers['access-control-allow-credentials']).toBe('true');
    expect(result.jobId).toMatch(/^[0-9a-f-]{36}\d{9}$/);
    // Errors carry the CORS headers too, so the page can read the GES envelope.
    expect(result).toMatchObject({ unauthorisedStatus: 401, unauthorisedCode: 'GES.8007' });
  });

  test("the dashboard behind Vite's proxy lists, submits and finishes jobs against the standalone server", async () => {
    await page.goto(`${dashboard.url}/?poll=250`);
    await page.locator('#mode[data-mode="standalone"]').waitFor();
    await page.locator('#jobs tbody tr[data-job-id]').first().waitFor();
    expect(dashboard.mockRequestsSeenByVite.some((line) => line.startsWith('GET /ges/'))).toBe(true);
    // The standalone server, not a worker, holds the project the page used.
    expect(server.api.state().graphs.some((graph) => graph.project === PROJECT && graph.graph === 'movie')).toBe(true);

    await page.locator('#submit').click();
    await expect.poll(() => page.locator('#message').getAttribute('data-job-id')).toBeTruthy();
    const jobId = (await page.locator('#message').getAttribute('data-job-id'))!;
    const row = page.locator(`#jobs tbody tr[data-job-id="${jobId}"]`);
    await row.waitFor();
    for (let click = 0; click < 30 && (await row.getAttribute('data-status')) !== 'success'; click++) {
      await page.locator('#message').evaluate((node) => (node.textContent = ''));
      await page.locator('#advance').click();
      await expect.poll(() => page.locator('#message').textContent()).toContain('Clock advanced');
    }
    await expect.poll(() => row.getAttribute('data-status')).toBe('success');
    expect(dashboard.mockRequestsSeenByVite).toContain('POST /__mock/clock');
    expect(pageErrors).toEqual([]);
  });

  test('with a control token, the inspector page opens but its data waits for the token in the URL fragment', async () => {
    const guarded = await startGesServer({ port: 0, controlToken: 'e2e-secret' });
    try {
      expect((await fetch(`${guarded.url}/__mock/state`)).status).toBe(401);
      await page.goto(`${guarded.url}/__mock/?poll=250`);
      await expect.poll(() => page.locator('#message').textContent()).toContain('control token');
      await page.goto(`${guarded.url}/__mock/?poll=200#controlToken=e2e-secret`);
      await page.locator('#job-table tr[data-job-id]').first().waitFor();
      await page.locator('#advance-1m').click();
      await expect.poll(() => page.locator('#message').textContent()).toBe(`Clock of world ${PROJECT} advanced by 1 min`);
    } finally {
      await guarded.close();
    }
  });
});

test('with control:false there is no inspector and no docs', async () => {
  const closed = await startGesServer({ port: 0, control: false });
  try {
    for (const path of ['/__mock/', '/__mock/docs', '/__mock/docs/redoc.standalone.js']) {
      const response = await fetch(`${closed.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ result: 'failed' });
    }
  } finally {
    await closed.close();
  }
});
