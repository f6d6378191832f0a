/**
 * Playwright fixtures that give each test its own GES world. The page's GES requests are caught with
 * `page.route` and answered straight by the in-process API (no service worker, no msw), or forwarded
 * to a shared `ges-mock serve` when `gesServer` is set; either way in a world of the test's own,
 * whose project id replaces the one the page sent. Tests of any number of workers share nothing.
 */
import type {
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  Route,
  TestInfo,
  TestType,
} from '@playwright/test';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { createApi, type ApiOptions, type GesApi } from '../http/create-api.js';
import type { ApiResponse } from '../http/http-types.js';
import { toLocalWorld, toRemoteWorld, type GesTestWorld } from './ges-test-world.js';

/** The per-test fixtures and options `withGes` adds. */
export interface GesTestFixtures {
  /** The jobs the test's world starts with (a fixture document without `projects`). Default: seeded jobs. */
  gesFixtures: FixtureDocument | undefined;
  /** Which page requests are GES requests (a glob or RegExp of the URL). Default: any URL with `/ges/v1.0/` in its path. */
  gesMatch: string | RegExp;
  /** The test's world: load jobs, reset, move its clock, read its journal. */
  ges: GesTestWorld;
}

/** The per-worker fixtures and options `withGes` adds. */
export interface GesWorkerFixtures {
  /** Base URL of a shared `ges-mock serve`; unset, each worker answers in process. */
  gesServer: string | undefined;
  /** X-Mock-Control-Token of the shared server, when it was started with one. */
  gesControlToken: string | undefined;
  /** Options of the worker's in-process API (createApi). */
  gesApiOptions: ApiOptions;
  /** The worker's in-process API; undefined when tests use a shared server. */
  gesApi: GesApi | undefined;
}

type BaseTest = TestType<PlaywrightTestArgs & PlaywrightTestOptions, PlaywrightWorkerArgs & PlaywrightWorkerOptions>;

const GES_URL = /^[a-z]+:\/\/[^/]+(\/[^?#]*)?\/ges\/v1\.0\//;

/** A project id of the test's own: unique per test, retry and repetition; 1-64 letters or digits. */
function projectIdOf(info: TestInfo): string {
  const id = `${info.testId}r${info.retry}x${info.repeatEachIndex}`.replace(/[^A-Za-z0-9]/g, '');
  return id.slice(0, 64);
}

/** The request target with the world's project id in place of the page's. */
function inWorld(url: URL, projectId: string): string {
  const at = url.pathname.indexOf('/ges/v1.0/');
  if (at === -1) return `${url.pathname}${url.search}`;
  // A gateway's prefix before /ges/ is dropped: the mock serves /ges/v1.0/ at its root.
  const rest = url.pathname.slice(at + '/ges/v1.0/'.length);
  const slash = rest.indexOf('/');
  const path = slash === -1 ? url.pathname.slice(at) : `/ges/v1.0/${projectId}${rest.slice(slash)}`;
  return `${path}${url.search}`;
}

async function fulfil(route: Route, response: ApiResponse): Promise<void> {
  if (response.fault) return route.abort(response.fault === 'CONNECTION_RESET_BY_PEER' ? 'connectionreset' : 'connectionclosed');
  return route.fulfill({
    status: response.status,
    headers: response.headers,
    ...(response.body === undefined ? {} : { body: response.body }),
  });
}

/**
 * Extends a Playwright `test` with the GES fixtures: `ges` (the test's world), the options
 * `gesFixtures` and `gesMatch`, and per worker `gesServer`, `gesControlToken`, `gesApiOptions`.
 */
export function withGes(base: BaseTest) {
  return base.extend<GesTestFixtures, GesWorkerFixtures>({
    gesServer: [undefined, { scope: 'worker', option: true }],
    gesControlToken: [undefined, { scope: 'worker', option: true }],
    gesApiOptions: [{}, { scope: 'worker', option: true }],
    gesApi: [
      async ({ gesServer, gesApiOptions }, use) => {
        await use(gesServer === undefined ? createApi(gesApiOptions) : undefined);
      },
      { scope: 'worker' },
    ],
    gesFixtures: [undefined, { option: true }],
    gesMatch: [GES_URL, { option: true }],
    ges: [
      async ({ page, gesApi, gesServer, gesControlToken, gesFixtures, gesMatch }, use, info) => {
        const projectId = projectIdOf(info);
        const world = gesApi ? toLocalWorld(gesApi, projectId) : toRemoteWorld(gesServer!, projectId, gesControlToken);
        await world.reset(); // a shared server may still hold this id from an earlier run
        await world.clearRequests();
        if (gesFixtures) await world.loadFixtures(gesFixtures);
        await page.route(gesMatch, async (route) => {
          const request = route.request();
          const target = inWorld(new URL(request.url()), projectId);
          if (gesApi) {
            const body = request.postData();
            const answer = await gesApi.handle({
              method: request.method(),
              url: target,
              headers: await request.allHeaders(),
              ...(body === null ? {} : { body }),
            });
            return fulfil(route, answer);
          }
          try {
            const response = await route.fetch({ url: `${gesServer!.replace(/\/+$/, '')}${target}` });
            return route.fulfill({ response });
          } catch {
            return route.abort('connectionreset'); // the shared server acted out a connection fault
          }
        });
        await use(world);
        await world.reset(); // frees the world's place under the project cap
      },
      { auto: true },
    ],
  });
}
