/**
 * Each test owns a world: it loads its own jobs, cancels through the page, resets, moves its clock
 * and asserts on its own journal, while the other worker does the same at the same time. Run in
 * process and against one shared server (playwright.config.ts).
 */
import { expect, test as base } from '@playwright/test';
import type { FixtureDocument } from '../../src/fixtures/fixture-types.js';
import { withGes } from '../../src/playwright/index.js';

const test = withGes(base);

/** The app's own project id: the fixture answers it in the test's world. */
const APP_PROJECT = '0123456789abcdef0123456789abcdef';
const APP = 'http://app.test/';

/** A tiny job list: each job with its status, reason and a cancel button. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>jobs</title><ul id="jobs"></ul><script>
const base = '/ges/v1.0/${APP_PROJECT}/graphs/movie';
const headers = { 'X-Auth-Token': 'pw-token' };
async function load() {
  const { jobs } = await (await fetch(base + '/jobs/status?limit=100', { headers })).json();
  document.getElementById('jobs').innerHTML = jobs.map((j) =>
    '<li data-id="' + j.jobId + '" data-status="' + j.status + '">' + j.status + ' ' + (j.failReason || '') +
    (j.canStop ? ' <button>cancel</button>' : '') + '</li>').join('');
  document.querySelectorAll('button').forEach((b) => b.onclick = async () => {
    await fetch(base + '/jobs/' + b.parentElement.dataset.id, { method: 'DELETE', headers });
    await load();
  });
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
}
load();
</script>`;

const docOf = (reason: string): FixtureDocument => ({
  graphs: {
    movie: {
      jobs: [
        { status: 'failed', failReason: reason, taskType: 'Algorithm', rawRequest: '{"algorithmName":"pagerank"}' },
        { status: 'running', runFor: '10m', taskType: 'ImportGraph', canStop: true },
      ],
    },
  },
});

test.beforeEach(async ({ page }) => {
  await page.route(APP, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
});

const open = async (page: import('@playwright/test').Page, loads = 1) => {
  await page.goto(APP);
  await expect(page.locator(`body[data-loaded="${loads}"]`)).toHaveCount(1);
};

// Several tests per worker, so the two workers overlap in time; each name its own reason.
for (const name of ['alpha', 'bravo', 'charlie', 'delta']) {
  test.describe(`world ${name}`, () => {
    test.use({ gesFixtures: docOf(`${name} broke`) });

    test('sees only its own jobs and journal', async ({ page, ges }, info) => {
      expect(ges.api === undefined).toBe(info.project.name === 'shared-server');
      await open(page);
      await expect(page.locator('li')).toHaveCount(2);
      await expect(page.locator('li[data-status="failed"]')).toHaveText(`failed ${name} broke`);
      const journal = await ges.verifyRequests({ operationId: 'listJobs' }, 1);
      expect(journal[0]).toMatchObject({ project: ges.projectId, status: 200, requestHeaders: { 'x-auth-token': '***' } });
      expect((await ges.requests()).every((entry) => entry.project === ges.projectId)).toBe(true);
    });

    test('cancels once, then resets to its start', async ({ page, ges }) => {
      await open(page);
      await page.locator('li[data-status="running"] button').click();
      await expect(page.locator('li[data-status="failed"]')).toHaveCount(2);
      await ges.verifyRequests({ operationId: 'cancelJob', status: 200 }, 1);
      await ges.reset();
      await ges.loadFixtures(docOf(`${name} again`));
      await open(page);
      await expect(page.locator('li[data-status="running"]')).toHaveCount(1);
      await expect(page.locator('li[data-status="failed"]')).toHaveText(`failed ${name} again`);
    });

    test('moves its own clock', async ({ page, ges }) => {
      const start = await ges.now();
      await ges.advanceClock(11 * 60_000);
      expect(await ges.now()).toBeGreaterThanOrEqual(start + 11 * 60_000);
      await open(page);
      await expect(page.locator('li[data-status="success"]')).toHaveCount(1);
      await expect(page.locator('li[data-status="running"]')).toHaveCount(0);
      const [listed] = await ges.requests({ operationId: 'listJobs' });
      expect(Date.parse(listed!.virtualTime)).toBeGreaterThanOrEqual(start + 11 * 60_000);
    });
  });
}

test('sees a fault of its own world only', async ({ page, ges }) => {
  await ges.setFaults({ nextFailures: { count: 1, status: 503 } });
  await page.goto(APP);
  await expect.poll(async () => (await ges.requests({ status: 503 })).length).toBe(1);
  expect((await ges.requests({ status: 503 }))[0]).toMatchObject({ operationId: 'listJobs', fault: { kind: 'nextFailures' } });
});

test('refuses a bad document with the same FixtureError in either form, naming the world', async ({ ges }) => {
  const bad = { graphs: { movie: { jobs: [{ status: 'success', progress: 40 }] } } } as unknown as FixtureDocument;
  const refused = await ges.loadFixtures(bad).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(Error);
  expect((refused as Error).name).toBe('FixtureError');
  expect((refused as Error).message).toBe(
    `world ${ges.projectId}: graph movie, job 0, field "progress": the job is successful at progress 40; expected progress 100.`,
  );
});
