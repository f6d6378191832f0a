/**
 * In-process throughput of the MSW adapters, one request at a time as a test suite makes them:
 * msw's getResponse(handlers, request) over createGesHandlers(), then setupGesServer() + fetch.
 * Beside each, MSW's own ceiling: a handler set of the same shape (http.all on the same two paths)
 * whose resolver returns the same body text at once. Ours and the reference alternate in short slices
 * within one process, so JIT warm-up, GC and machine drift hit both alike. `--seconds S` per path.
 */
import { getResponse, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parseArgs } from 'node:util';
import { createGesHandlers } from '../../mocks/index.js';
import { setupGesServer } from '../../mocks/node.js';
import { BENCH_HEADERS, listJobsPath } from '../bench-target.js';
import { runChild } from '../lib/child-channel.js';
import { UNHANDLED_IS_ERROR } from '../../test/support/msw-unhandled.js';

const PAGE_URL = `http://ges.bench.invalid${listJobsPath(3, 0)}`;
const SLICE_MS = 250;

async function expectSmallPage(response: Response | undefined): Promise<string> {
  if (response?.status !== 200) throw new Error(`in-process answer: ${response?.status ?? 'none'}`);
  const text = await response.text();
  const body = JSON.parse(text) as { jobs?: unknown[] };
  if (body.jobs?.length !== 3) throw new Error(`in-process answer had ${body.jobs?.length} jobs, expected 3`);
  return text;
}

/**
 * Runs `a` and `b` back to back in alternating slices until each had `seconds`; returns calls per
 * second of each. `enter`/`leave` switch between them (e.g. which msw server listens).
 */
async function alternate(
  seconds: number,
  a: { once: () => Promise<void>; enter?: () => void; leave?: () => void },
  b: { once: () => Promise<void>; enter?: () => void; leave?: () => void },
): Promise<[number, number]> {
  const totals = [
    { calls: 0, ms: 0 },
    { calls: 0, ms: 0 },
  ];
  const sides = [a, b];
  for (let slice = 0; totals[0]!.ms < seconds * 1000 || totals[1]!.ms < seconds * 1000; slice++) {
    const index = slice % 2;
    const side = sides[index]!;
    side.enter?.();
    const started = performance.now();
    const deadline = started + Math.min(SLICE_MS, seconds * 1000);
    let calls = 0;
    while (performance.now() < deadline) {
      await side.once();
      calls++;
    }
    totals[index]!.ms += performance.now() - started;
    totals[index]!.calls += calls;
    side.leave?.();
  }
  return [totals[0]!.calls / (totals[0]!.ms / 1000), totals[1]!.calls / (totals[1]!.ms / 1000)];
}

runChild('result', async () => {
  const { values } = parseArgs({ options: { seconds: { type: 'string' } } });
  const seconds = Number(values.seconds ?? 3);
  // warm-up: a third of the measuring time per side, at most a second
  const warmup = Math.min(1, seconds / 3);
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
  const answerAtOnce = () => new HttpResponse(bodyText, { status: 200, headers: { 'content-type': 'application/json', vary: 'Origin' } });
  const reference = [http.all('*/ges/*', answerAtOnce), http.all('*/__mock/*', answerAtOnce)];

  const ours = { once: viaGetResponse(handlers) };
  const theirs = { once: viaGetResponse(reference) };
  await alternate(warmup, ours, theirs);
  const [getResponseRate, trivialGetResponseRate] = await alternate(seconds, ours, theirs);

  // two msw servers patch the same globals: only one listens at a time
  const { server } = setupGesServer();
  const referenceServer = setupServer(...reference);
  const viaServer = (target: typeof server) => ({
    once: viaFetch,
    enter: () => target.listen(UNHANDLED_IS_ERROR),
    leave: () => target.close(),
  });
  server.listen(UNHANDLED_IS_ERROR);
  await expectSmallPage(await fetch(PAGE_URL, { headers: BENCH_HEADERS }));
  server.close();
  await alternate(warmup, viaServer(server), viaServer(referenceServer));
  const [fetchRate, trivialFetchRate] = await alternate(seconds, viaServer(server), viaServer(referenceServer));
  return {
    answer: {
      getResponse: getResponseRate,
      setupServerFetch: fetchRate,
      trivialGetResponse: trivialGetResponseRate,
      trivialSetupServerFetch: trivialFetchRate,
    },
  };
});
