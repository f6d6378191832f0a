/**
 * In-process throughput of the MSW adapters, one request at a time as a test suite makes them:
 * msw's getResponse(handlers, request) over createGesHandlers(), then setupGesServer() + fetch.
 * `--seconds S` per loop; a short warm-up precedes each.
 */
import { getResponse } from 'msw';
import { parseArgs } from 'node:util';
import { createGesHandlers } from '../../mocks/handlers.js';
import { setupGesServer } from '../../mocks/node.js';
import { BENCH_HEADERS, listJobsPath } from '../bench-target.js';
import { runChild } from '../lib/child-channel.js';

const URL_ = `http://ges.bench.invalid${listJobsPath(3, 0)}`;

async function expectSmallPage(response: Response | undefined): Promise<void> {
  if (!response || response.status !== 200) throw new Error(`in-process answer: ${response?.status ?? 'none'}`);
  const body = (await response.json()) as { jobs?: unknown[] };
  if (body.jobs?.length !== 3) throw new Error(`in-process answer had ${body.jobs?.length} jobs, expected 3`);
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

  const handlers = createGesHandlers();
  const viaGetResponse = async () => {
    const response = await getResponse(handlers, new Request(URL_, { headers: BENCH_HEADERS }));
    // read the body, as a caller would; an unread body is work not done
    await response?.text();
  };
  await expectSmallPage(await getResponse(handlers, new Request(URL_, { headers: BENCH_HEADERS })));
  await loop(warmup, viaGetResponse);
  const getResponseRate = await loop(seconds, viaGetResponse);

  const { server } = setupGesServer();
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const viaFetch = async () => {
      const response = await fetch(URL_, { headers: BENCH_HEADERS });
      await response.text();
    };
    await expectSmallPage(await fetch(URL_, { headers: BENCH_HEADERS }));
    await loop(warmup, viaFetch);
    const fetchRate = await loop(seconds, viaFetch);
    return { answer: { getResponse: getResponseRate, setupServerFetch: fetchRate } };
  } finally {
    server.close();
  }
});
