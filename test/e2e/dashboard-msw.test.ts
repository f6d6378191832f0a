/**
 * The example dashboard in MSW mode, in a real browser: Vite serves the app, MSW's Service Worker
 * answers every GES call inside the browser, and the page lists, submits, cancels and moves the clock.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { describeInChromium, launchChromium } from './support/chromium.js';
import { startDashboardServer, type DashboardServer } from './support/dashboard-server.js';
import type { GesMswWorker } from '../../mocks/browser.js';

/** The page's `window.gesMock` (set by the example's start-mock-worker.ts). */
type MockWindow = { gesMock: GesMswWorker };

describeInChromium('the job dashboard with the MSW worker', (executablePath) => {
  let browser: Browser;
  let dashboard: DashboardServer;
  let page: Page;
  const gesResponses: Response[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [browser, dashboard] = await Promise.all([launchChromium(executablePath), startDashboardServer({ mode: 'development' })]);
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/ges/')) gesResponses.push(response);
    });
    await page.goto(`${dashboard.url}/?poll=250`);
    await page.locator('#mode[data-mode="msw"]').waitFor();
  });

  /** Submits the form and returns the new job's id (the status line names it). */
  async function submitJob(): Promise<string> {
    const message = page.locator('#message');
    await message.evaluate((node) => node.removeAttribute('data-job-id'));
    await page.locator('#submit').click();
    await expect.poll(() => message.getAttribute('data-job-id')).toBeTruthy();
    return (await message.getAttribute('data-job-id'))!;
  }

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  test('lists the seeded movie jobs, answered by the Service Worker and never by a server', async () => {
    await page.locator('#jobs tbody tr[data-job-id]').first().waitFor();
    expect(Number(await page.locator('#count').getAttribute('data-job-count'))).toBeGreaterThan(0);
    expect(await page.locator('#jobs tbody tr[data-job-id]').count()).toBeGreaterThan(0);
    expect(await page.locator('#jobs tbody td.job-id').first().textContent()).toMatch(/^[0-9a-f-]{36}\d{9}$/);

    expect(gesResponses.length).toBeGreaterThan(0);
    expect(gesResponses.every((response) => response.fromServiceWorker())).toBe(true);
    expect(dashboard.mockRequestsSeenByVite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('a submitted algorithm job appears and reaches success once the clock moves', async () => {
    await page.locator('#algorithm').selectOption('pagerank');
    const jobId = await submitJob();
    const row = page.locator(`#jobs tbody tr[data-job-id="${jobId}"]`);
    await row.waitFor();
    expect(['pending', 'running']).toContain(await row.getAttribute('data-status'));

    // pagerank runs at most a few virtual minutes; each click is POST /__mock/clock, answered by MSW.
    for (let click = 0; click < 30 && (await row.getAttribute('data-status')) !== 'success'; click++) {
      await page.locator('#advance').click();
      await expect.poll(() => page.locator('#message').textContent()).toContain('Clock advanced');
      await page.locator('#message').evaluate((node) => (node.textContent = ''));
    }
    await expect.poll(() => row.getAttribute('data-status')).toBe('success');
    expect(await row.locator('progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(100);
    expect(dashboard.mockRequestsSeenByVite).toEqual([]);
  });

  test('cancelling a submitted job turns it into a failed job that can no longer stop', async () => {
    const jobId = await submitJob();
    const cancel = page.locator(`#jobs tbody tr[data-job-id="${jobId}"] button[data-cancel]`);
    await cancel.click();
    const row = page.locator(`#jobs tbody tr[data-job-id="${jobId}"]`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('failed');
    expect(await row.locator('button[data-cancel]').count()).toBe(0);
  });

  test('the page can also drive the in-browser engine directly through window.gesMock', async () => {
    const state = await page.evaluate(() => (window as unknown as MockWindow).gesMock.api.state());
    expect(state.graphs.some((graph) => graph.graph === 'movie')).toBe(true);
    const before = state.now;
    const after = await page.evaluate(() => {
      (window as unknown as MockWindow).gesMock.api.clock!.advance(3_600_000);
      return (window as unknown as MockWindow).gesMock.api.state().now;
    });
    expect(after - before).toBeGreaterThanOrEqual(3_600_000);
  });
});
