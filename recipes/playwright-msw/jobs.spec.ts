// The README's playwright-msw recipe: the kit's MSW handlers answer the page's GES requests.
import { test as base, expect } from '@playwright/test';
import { defineFixtures } from 'ges-jobs-kit';
import { createGesHandlers } from 'ges-jobs-kit/msw';
import { createWorkerFixture, type MockServiceWorker } from 'playwright-msw';

const fixtures = defineFixtures({
  graphs: { movie: { jobs: [{ status: 'failed', failReason: 'Running algorithm [pagerank] error: seen through playwright-msw' }] } },
});

// playwright-msw's types are CommonJS, so they see msw's CommonJS declarations, while an ESM project
// sees msw's ESM ones: the same classes, declared twice, which TypeScript keeps apart. One cast joins them.
type WorkerHandlers = Parameters<typeof createWorkerFixture>[0];
const test = base.extend<{ worker: MockServiceWorker }>({
  worker: createWorkerFixture(createGesHandlers({ fixtures }) as unknown as WorkerHandlers),
});

// A page that lists the graph's jobs; served by a route of its own, so no web server is needed.
const PAGE = `<!doctype html><ul id="jobs"></ul><script type="module">
  const answer = await fetch('/ges/v1.0/0123456789abcdef0123456789abcdef/graphs/movie/jobs/status', { headers: { 'X-Auth-Token': 'x' } });
  const { jobs } = await answer.json();
  document.querySelector('#jobs').innerHTML = jobs.map((job) => '<li>' + job.status + ': ' + (job.failReason ?? '') + '</li>').join('');
</script>`;

test('the page shows the fixture job answered by the kit through playwright-msw', async ({ page, worker }) => {
  expect(worker).toBeDefined();
  await page.route('http://app.test/', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto('http://app.test/');
  await expect(page.locator('#jobs li')).toHaveText(['failed: Running algorithm [pagerank] error: seen through playwright-msw']);
});
