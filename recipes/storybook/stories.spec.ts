// The built Storybook in Chromium: each story shows exactly its own fixture jobs.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serveStatic } from '../support/serve-static.js';

let site: Awaited<ReturnType<typeof serveStatic>>;
test.beforeAll(async () => {
  site = await serveStatic(fileURLToPath(new URL('../storybook-static', import.meta.url)));
});
test.afterAll(() => site.close());

const story = (id: string) => `${site.url}/iframe.html?id=${id}&viewMode=story`;

test('the failed-job story lists its one failed job', async ({ page }) => {
  await page.goto(story('job-list--failed-job'));
  await expect(page.locator('#jobs li')).toHaveText(['failed: Running algorithm [pagerank] error: story one']);
});

test('the running-import story lists its own job, not the other story’s', async ({ page }) => {
  await page.goto(story('job-list--running-import'));
  await expect(page.locator('#jobs li')).toHaveText(['running']);
});
