// The README's Vitest browser-mode recipe: setupGesWorker answers fetch() in the test's own page.
import { defineFixtures } from 'ges-jobs-kit';
import { setupGesWorker } from 'ges-jobs-kit/msw/browser';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';

const project = '0123456789abcdef0123456789abcdef';
const fixtures = defineFixtures({
  graphs: { movie: { jobs: [{ status: 'failed', failReason: 'Running algorithm [pagerank] error: from the browser test' }] } },
});
const { worker, api } = setupGesWorker({ fixtures });

// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame; each ignores the other's key.
const start = { onUnhandledRequest: 'error', onUnhandledFrame: 'error', quiet: true } as const;
beforeAll(() => worker.start(start));
afterEach(() => api.reset());
afterAll(() => worker.stop());

test('the page lists the fixture jobs through the service worker', async () => {
  const response = await fetch(`/ges/v1.0/${project}/graphs/movie/jobs/status`, { headers: { 'X-Auth-Token': 'x' } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { jobs: { status: string; failReason?: string }[]; jobCount: number };
  expect(body.jobCount).toBe(1);
  expect(body.jobs[0]?.failReason).toContain('from the browser test');
  expect(navigator.serviceWorker.controller).not.toBeNull();
});

test('a submitted job finishes once the test moves the virtual clock', async () => {
  const submit = await fetch(`/ges/v1.0/${project}/graphs/movie/action?action_id=execute-algorithm`, {
    method: 'POST',
    headers: { 'X-Auth-Token': 'x', 'Content-Type': 'application/json' },
    body: JSON.stringify({ algorithmName: 'pagerank', parameters: {} }),
  });
  const { jobId } = (await submit.json()) as { jobId: string };
  api.clock.advance(60 * 60_000);
  const status = await fetch(`/ges/v1.0/${project}/graphs/movie/jobs/${jobId}/status`, { headers: { 'X-Auth-Token': 'x' } });
  expect(((await status.json()) as { status: string }).status).toBe('success');
});
