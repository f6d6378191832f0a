/**
 * The inspector's fixture controls in a real browser, against the standalone server: upload a fixture
 * document (and see a bad one refused with its message), then download the snapshot.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { describeInChromium, launchChromium } from './support/chromium.js';

const DOCUMENT = {
  graphs: {
    team_graph: {
      jobs: [
        { status: 'failed', failReason: 'Running algorithm [louvain] error: my own reason', startedAgo: '10m' },
        { taskType: 'ImportGraph', status: 'running', startedAgo: '5m', runFor: '10m' },
      ],
    },
  },
};

describeInChromium('the inspector with fixture documents', (executablePath) => {
  let browser: Browser;
  let server: GesServer;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startGesServer({ port: 0, host: '127.0.0.1' }), launchChromium(executablePath)]);
    page = await browser.newPage({ acceptDownloads: true });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/__mock/?poll=250`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const upload = (name: string, doc: unknown) =>
    page.locator('#upload-fixtures').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });

  test('uploads a fixture document and lists its graph; a bad document is refused with its message', async () => {
    await upload('team.json', DOCUMENT);
    await expect.poll(() => page.locator('#message').textContent(), { timeout: 15_000 }).toBe('Fixtures loaded from team.json');
    await page.locator('#graphs button[data-select-graph="team_graph"]').click();
    const rows = page.locator('#jobs[data-graph="team_graph"] #job-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await rows.last().locator('td').last().textContent()).toBe('Running algorithm [louvain] error: my own reason');

    await upload('bad.json', { graphs: { team_graph: { jobs: [{ status: 'pending', progress: 5 }] } } });
    await expect
      .poll(() => page.locator('#message').textContent(), { timeout: 15_000 })
      .toContain('field "progress": the job is pending at progress 5; expected progress 0.');
    expect(await page.locator('#message').getAttribute('class')).toBe('error');
    expect(await rows.count()).toBe(2);
  });

  test('downloads the whole state as a fixture document', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-snapshot').click()]);
    expect(download.suggestedFilename()).toBe('ges-mock-snapshot.json');
    const snapshot = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(snapshot.graphs.team_graph.jobs.map((job: { status: string }) => job.status)).toEqual(['running', 'failed']);
    expect(typeof snapshot.now).toBe('string');
    expect(pageErrors).toEqual([]);
  });
});
