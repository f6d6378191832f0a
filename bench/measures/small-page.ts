/**
 * Small-page throughput: the same GET (limit=3) against the standalone mock (request log off, and on
 * as `ges-mock serve` runs by default), `prism mock` over the same spec, and a bare node:http server
 * stringifying the mock's own body, with 20 connections, rounds interleaved.
 */
import { BENCH_HEADERS, BENCH_TOKEN, listJobsPath } from '../bench-target.js';
import type { BenchSettings, SmallPageResult } from '../bench-types.js';
import { runCleanLoad, type ServerLoadFigures } from '../lib/clean-load.js';
import { fetchPage } from '../lib/fetch-page.js';
import { forkChild } from '../lib/fork-child.js';
import { median } from '../lib/median.js';
import type { Profiler } from '../lib/profiler.js';
import { rotate } from '../lib/rotate.js';
import { startMock } from '../lib/start-mock.js';
import { startPrismMock } from '../../contracts/start-prism-mock.js';

const CONTENDERS = ['mock', 'mockLogged', 'prism', 'bare'] as const;
type Contender = (typeof CONTENDERS)[number];

/** The CPU-per-request view of the rounds, when every load could read its server's CPU time. */
function cpuView(rounds: SmallPageResult['rounds']): SmallPageResult['byCpu'] {
  const us = (r: SmallPageResult['rounds'][number], who: Contender) => r[who]?.serverCpuUsPerRequest;
  if (!rounds.every((r) => CONTENDERS.every((who) => (us(r, who) ?? 0) > 0))) return undefined;
  return {
    usPerRequest: {
      mock: median(rounds.map((r) => us(r, 'mock')!)),
      mockLogged: median(rounds.map((r) => us(r, 'mockLogged')!)),
      prism: median(rounds.map((r) => us(r, 'prism')!)),
      bare: median(rounds.map((r) => us(r, 'bare')!)),
    },
    mockOverPrism: median(rounds.map((r) => us(r, 'prism')! / us(r, 'mock')!)),
    mockOverBare: median(rounds.map((r) => us(r, 'bare')! / us(r, 'mock')!)),
    mockBusy: median(rounds.map((r) => r.mock.serverCpuBusy ?? 0)),
  };
}

/** Measures small-page throughput of the three contenders. */
export async function measureSmallPage(settings: BenchSettings, profiler: Profiler, log: (line: string) => void): Promise<SmallPageResult> {
  const path = listJobsPath(3, 0);
  const stops: (() => Promise<void>)[] = [];
  // Prism takes seconds to start: let it start while the mock and the bare server do
  const prismStarting = startPrismMock({ startTimeoutMs: 90_000 });
  prismStarting.catch(() => {});
  stops.push(async () => (await prismStarting.catch(() => undefined))?.close());
  try {
    const mock = await startMock('small-page-mock', [], profiler);
    stops.push(() => mock.stop());
    const mockPage = await fetchPage(mock.url + path, 3);
    // The request log as `ges-mock serve` writes it by default: text lines to stdout, a pipe read by the parent.
    const mockLogged = await startMock('small-page-mock-logged', ['--log', 'text'], profiler);
    stops.push(() => mockLogged.stop());

    const bare = forkChild('bare-server', ['--source', mock.url + path, '--token', BENCH_TOKEN], { nodeFlags: profiler.nodeFlags('small-page-bare') });
    stops.push(async () => {
      await bare.stop();
      profiler.collect('small-page-bare');
    });
    const bareUrl = String((await bare.first).url);

    log('small page: waiting for Prism');
    const prism = await prismStarting;

    const urls: Record<Contender, string> = { mock: mock.url + path, mockLogged: mockLogged.url + path, prism: prism.url + path, bare: bareUrl + path };
    const pids: Record<Contender, number | undefined> = { mock: mock.pid, mockLogged: mockLogged.pid, prism: prism.pid, bare: bare.pid };
    const bytes: Record<Contender, number> = {
      mock: mockPage.bytes,
      mockLogged: (await fetchPage(urls.mockLogged, 3)).bytes,
      prism: (await fetchPage(urls.prism)).bytes,
      bare: (await fetchPage(urls.bare, 3)).bytes,
    };
    const load = (who: Contender, durationSec: number) =>
      runCleanLoad(`small page, ${who}`, { url: urls[who], headers: { ...BENCH_HEADERS }, connections: settings.connections, durationSec }, pids[who]);

    if (settings.warmupSec > 0) for (const who of CONTENDERS) await load(who, settings.warmupSec);

    const rounds: SmallPageResult['rounds'] = [];
    for (let round = 0; round < settings.rounds; round++) {
      const order = rotate(CONTENDERS, round);
      const figures = {} as Record<Contender, ServerLoadFigures>;
      for (const who of order) {
        figures[who] = await load(who, settings.loadSec);
        const cpu = figures[who].serverCpuUsPerRequest;
        log(`small page, round ${round + 1}/${settings.rounds}: ${who} ${Math.round(figures[who].reqPerSec)} req/s${cpu === undefined ? '' : `, ${cpu.toFixed(1)} µs CPU/request, busy ${Math.round((figures[who].serverCpuBusy ?? 0) * 100)} %`}`);
      }
      rounds.push({ order, ...figures });
    }
    return {
      path,
      connections: settings.connections,
      prismCommand: prism.command,
      rounds,
      reqPerSec: {
        mock: median(rounds.map((r) => r.mock.reqPerSec)),
        mockLogged: median(rounds.map((r) => r.mockLogged!.reqPerSec)),
        prism: median(rounds.map((r) => r.prism.reqPerSec)),
        bare: median(rounds.map((r) => r.bare.reqPerSec)),
      },
      mockOverPrism: median(rounds.map((r) => r.mock.reqPerSec / r.prism.reqPerSec)),
      mockOverBare: median(rounds.map((r) => r.mock.reqPerSec / r.bare.reqPerSec)),
      loggedOverPrism: median(rounds.map((r) => r.mockLogged!.reqPerSec / r.prism.reqPerSec)),
      loggedOverMock: median(rounds.map((r) => r.mockLogged!.reqPerSec / r.mock.reqPerSec)),
      responseBytes: bytes,
      ...(cpuView(rounds) ? { byCpu: cpuView(rounds)! } : {}),
    };
  } finally {
    await Promise.all(stops.map((stop) => stop().catch(() => {})));
  }
}
