/**
 * In-process throughput of the MSW adapters, one request at a time as a test suite makes them:
 * msw's getResponse(handlers, request) over createGesHandlers(), then setupGesServer() + fetch.
 * Beside each, the same pipeline with a trivial handler returning the same body text: MSW's own
 * ceiling, so a shortfall can be split between MSW/fetch and our code. `--seconds S` per loop; a short
 * warm-up precedes each.
 */
import { getResponse, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parseArgs } from 'node:util';
import { createGesHandlers } from '../../mocks/handlers.js';
import { setupGesServer } from '../../mocks/node.js';
import { BENCH_HEADERS, listJobsPath } from '../bench-target.js';
import { runChild } from '../lib/child-channel.js';

const PAGE_URL = `http://ges.bench.invalid${listJobsPath(3, 0)}`;

async function expectSmallPage(response: Response | undefined): Promise<string> {
  if (!response || response.status !== 200) throw new Error(`in-process answer: ${response?.status ?? 'none'}`);
  const text = await response.text();
  const body = JSON.parse(text) as { jobs?: unknown[] };
  if (body.jobs?.length !== 3) throw new Error(`in-process answer had ${body.jobs?.length} jobs, expected 3`);
  return text;
}

/** Calls `once` back to back for `seconds` and returns calls per second. */
async function loop(seconds: number, once: () => Promise<void>): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let count = 0;
  while (performance.now() < deadline) {
    await once();
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}

runChild('result', async () => {
  const { values } = parseArgs({ options: { seconds: { type: 'string' } } });
  const seconds = Number(values.seconds ?? 3);
  const warmup = Math.min(1, seconds / 2);
  const measure = async (once: () => Promise<void>) => {
    await loop(warmup, once);
    return loop(seconds, once);
  };
  // warm-up: half the measuring time, at most a second
  const request = () => new Request(PAGE_URL, { headers: BENCH_HEADERS });
  // read every body, as a caller would: an unread body is work not done
  const viaGetResponse = (handlers: Parameters<typeof getResponse>[0]) => async () => {
    await (await getResponse(handlers, request()))?.text();
  };
  const viaFetch = async () => {
    await (await fetch(PAGE_URL, { headers: BENCH_HEADERS })).text();
  };

  const handlers = createGesHandlers();
  const bodyText = await expectSmallPage(await getResponse(handlers, request()));
  const trivial = [http.get('*/ges/*', () => new HttpResponse(bodyText, { status: 200, headers: { 'content-type': 'application/json' } }))];

  const getResponseRate = await measure(viaGetResponse(handlers));
  const trivialGetResponseRate = await measure(viaGetResponse(trivial));

  const { server } = setupGesServer();
  server.listen({ onUnhandledRequest: 'error' });
  let fetchRate: number;
  try {
    await expectSmallPage(await fetch(PAGE_URL, { headers: BENCH_HEADERS }));
    fetchRate = await measure(viaFetch);
  } finally {
    server.close();
  }
  const trivialServer = setupServer(...trivial);
  trivialServer.listen({ onUnhandledRequest: 'error' });
  let trivialFetchRate: number;
  try {
    await expectSmallPage(await fetch(PAGE_URL, { headers: BENCH_HEADERS }));
    trivialFetchRate = await measure(viaFetch);
  } finally {
    trivialServer.close();
  }
  return {
    answer: {
      getResponse: getResponseRate,
      setupServerFetch: fetchRate,
      trivialGetResponse: trivialGetResponseRate,
      trivialSetupServerFetch: trivialFetchRate,
    },
  };
});
