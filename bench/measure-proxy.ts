/**
 * `npm run measure:proxy [-- --rounds 3 --duration 5 --connections 16] [--no-write]`: what `ges-mock
 * proxy` adds in front of an engine. The upstream (the standalone mock, in its own process) is loaded
 * directly and through three proxies (each in its own process): not judging, judging beside the
 * answers (the default), and judging each answer before it is sent (--violations-header). Rounds are
 * interleaved and their order rotates, so machine noise hits all alike. Each round measures latency
 * with one kept-alive connection, one request at a time, timed to the microsecond (p50, p99), and
 * throughput with `--connections` (autocannon); the
 * medians go to bench/RESULTS.md (`<!-- proxy:start -->`), with how many answers each judging proxy
 * judged (it judges beside the answers with a bounded queue, so under load it may skip some, counted).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_HEADERS, listJobsPath } from './bench-target.js';
import { runCleanLoad } from './lib/clean-load.js';
import { forkServer, type ServerChild } from './lib/fork-child.js';
import { createProfiler } from './lib/profiler.js';
import { startMock } from './lib/start-mock.js';
import { createSender } from './lib/load-client.js';
import { median, quantile } from './lib/median.js';
import { replaceMarkedSection } from './lib/replace-marked-section.js';
import { rotate } from './lib/rotate.js';

const RESULTS_MD = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    'no-write': { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const durationSec = Number(values.duration);
const connections = Number(values.connections);

const TARGETS = ['direct', 'proxy, not judging', 'proxy, judging', 'proxy, judging before answering'] as const;
type Target = (typeof TARGETS)[number];

interface Figures {
  p50: number[];
  p99: number[];
  reqPerSec: number[];
}

const path = listJobsPath(3, 0);

/** One request at a time over one kept-alive connection for `seconds`: p50 and p99 in ms. */
async function measureLatency(url: string, seconds: number): Promise<{ p50: number; p99: number }> {
  const send = createSender(1);
  const port = Number(new URL(url).port);
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    const { status } = await send(port, 'GET', path);
    times.push(performance.now() - started);
    if (status !== 200) throw new Error(`${url}${path} answered ${status}; figures discarded`);
  }
  const ms = (value: number) => Math.round(value * 100) / 100;
  return { p50: ms(quantile(times, 0.5)), p99: ms(quantile(times, 0.99)) };
}
const upstream = await startMock('upstream', ['--quiet'], createProfiler(false));
const proxies: Partial<Record<Target, ServerChild>> = {};
try {
  proxies['proxy, not judging'] = await forkServer('proxy-server', ['--upstream', upstream.url, '--judge', 'off']);
  proxies['proxy, judging'] = await forkServer('proxy-server', ['--upstream', upstream.url, '--judge', 'on']);
  proxies['proxy, judging before answering'] = await forkServer('proxy-server', ['--upstream', upstream.url, '--judge', 'header']);
  const urlOf = (target: Target) => (target === 'direct' ? upstream.url : (proxies[target] as ServerChild).url);
  const figures = Object.fromEntries(TARGETS.map((target) => [target, { p50: [], p99: [], reqPerSec: [] }])) as unknown as Record<
    Target,
    Figures
  >;
  const load = (target: Target, connectionCount: number, seconds: number) =>
    runCleanLoad(`${target} (${connectionCount} connections)`, {
      url: urlOf(target) + path,
      headers: { ...BENCH_HEADERS },
      connections: connectionCount,
      durationSec: seconds,
    });
  for (const target of TARGETS) await load(target, connections, 1); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const target of rotate(TARGETS, round)) {
      const latency = await measureLatency(urlOf(target), durationSec);
      const throughput = await load(target, connections, durationSec);
      figures[target].p50.push(latency.p50);
      figures[target].p99.push(latency.p99);
      figures[target].reqPerSec.push(throughput.reqPerSec);
      process.stderr.write(
        `round ${round + 1}/${rounds}: ${target}: p50 ${latency.p50} ms, p99 ${latency.p99} ms, ${Math.round(throughput.reqPerSec)} req/s\n`,
      );
    }
  }
  const judging: Partial<Record<Target, { proxied: number; judged: number; notJudged: number; failed: number }>> = {};
  for (const target of ['proxy, judging', 'proxy, judging before answering'] as const) {
    const report = (await (await fetch(`${urlOf(target)}/__mock/violations`)).json()) as {
      exchanges: { proxied: number; judged: number; notJudged: number };
      failed: number;
    };
    judging[target] = { ...report.exchanges, failed: report.failed };
  }
  const summary = TARGETS.map((target) => ({
    target,
    p50Ms: median(figures[target].p50),
    p99Ms: median(figures[target].p99),
    reqPerSec: Math.round(median(figures[target].reqPerSec)),
  }));
  console.log(JSON.stringify({ rounds, durationSec, connections, summary, judging }));
  if (!values['no-write']) {
    const direct = summary[0] as (typeof summary)[number];
    const rows = summary.map(
      (row) =>
        `| ${row.target} | ${row.p50Ms} | ${row.p99Ms} | ${row.target === 'direct' ? '—' : `+${(row.p50Ms - direct.p50Ms).toFixed(2)} / +${(row.p99Ms - direct.p99Ms).toFixed(2)}`} | ${row.reqPerSec.toLocaleString('en')} | ${Math.round((row.reqPerSec / direct.reqPerSec) * 100)} % |`,
    );
    const judged = Object.entries(judging).map(
      ([target, counts]) =>
        `${target}: ${counts.judged.toLocaleString('en')} of ${counts.proxied.toLocaleString('en')} answers judged (${counts.notJudged.toLocaleString('en')} skipped while the judge was behind), ${counts.failed} violations`,
    );
    const section = [
      '<!-- proxy:start -->',
      '## ges-mock proxy: added latency and throughput',
      '',
      `\`npm run measure:proxy -- --rounds ${rounds} --duration ${durationSec} --connections ${connections}\` (bench/measure-proxy.ts): the standalone mock as`,
      'the upstream, reached directly and through `ges-mock proxy` (each in its own process) on the small page (limit 3), in interleaved rounds',
      `whose order rotates. Latency: one kept-alive connection, one request at a time, each timed (p50 and p99, ms); throughput: ${connections} connections (autocannon).`,
      `Medians of ${rounds} rounds of ${durationSec} s each, measured ${new Date().toISOString()} on Node ${process.version}, on the shared 2-core machine.`,
      '',
      '| target | p50 ms | p99 ms | added p50 / p99 ms | req/s | of direct |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      ...judged.map((line) => `- ${line}`),
      '<!-- proxy:end -->',
    ].join('\n');
    writeFileSync(RESULTS_MD, replaceMarkedSection(readFileSync(RESULTS_MD, 'utf8'), 'proxy', section));
  }
} finally {
  for (const proxy of Object.values(proxies)) await proxy?.stop();
  await upstream.stop();
}
