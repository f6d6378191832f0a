/**
 * Fixture documents in a real browser: the example dashboard in MSW mode, where the Service Worker
 * answers PUT /__mock/fixtures and GET /__mock/snapshot, and the page then lists exactly the jobs of
 * the document.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium } from './support/chromium.js';
import { startDashboardServer, type DashboardServer } from './support/dashboard-server.js';
import type { GesMswWorker } from '../../mocks/browser.js';

type MockWindow = { gesMock: GesMswWorker };

const DOCUMENT = {
  graphs: {
    movie: {
      jobs: [
        { status: 'failed', failReason: 'Running algorithm [pagerank] error: my own reason', startedAgo: '10m' },
        { taskType: 'ImportGraph', status: 'running', startedAgo: '5m', runFor: '10m' },
      ],
    },
  },
};

describeInChromium('fixture documents through the MSW worker', (executablePath) => {
  let browser: Browser;
  let dashboard: DashboardServer;
  let page: Page;

  beforeAll(async () => {
    [browser, dashboard] = await Promise.all([launchChromium(executablePath), startDashboardServer({ mode: 'development' })]);
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${dashboard.url}/?poll=250`);
    await page.locator('#mode[data-mode="msw"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  /** A request from inside the page, answered by the Service Worker. */
  const inPage = (path: string, method: string, body?: string) =>
    page.evaluate(
      async ({ path, method, body }) => {
        const response = await fetch(path, {
          method,
          ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}),
        });
        return { status: response.status, json: await response.json() };
      },
      { path, method, body },
    );

  test('PUT /__mock/fixtures replaces the jobs the page lists, and a bad document is refused with its message', async () => {
    const loaded = await inPage('/__mock/fixtures', 'PUT', JSON.stringify(DOCUMENT));
    expect(loaded.status).toBe(200);
    const rows = page.locator('#jobs tbody tr[data-job-id]');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).toEqual(['running', 'failed']);

    const refused = await inPage(
      '/__mock/fixtures',
      'PUT',
      JSON.stringify({ graphs: { movie: { jobs: [{ status: 'success', failreason: 'x' }] } } }),
    );
    expect(refused.status).toBe(400);
    expect(refused.json.errorMessage).toContain(
      'graph movie (every project), job 0, field "failreason": not a field of the spec\'s Job. Did you mean "failReason"?',
    );
    expect(await rows.count()).toBe(2);
    expect(dashboard.mockRequestsSeenByVite).toEqual([]);
  });

  test('GET /__mock/snapshot returns the state as a document that window.gesMock can load again', async () => {
    const snapshot = await inPage('/__mock/snapshot', 'GET');
    expect(snapshot.status).toBe(200);
    expect(snapshot.json.graphs.movie.jobs.map((job: { status: string }) => job.status)).toEqual(['running', 'failed']);
    const count = await page.evaluate((doc) => {
      const { api } = (window as unknown as MockWindow).gesMock;
      api.loadFixtures(doc);
      return api.state().graphNames.length;
    }, snapshot.json);
    expect(count).toBe(3);
  });
});
