/**
 * Small-page throughput: the same GET (limit=3) against `ges-mock serve` as users run it (its request
 * log on, as by default; `--quiet`; and `--quiet --journal-size 0`, neither log nor journal, which
 * prices the two), `prism mock` over the same spec, a bare node:http server stringifying the mock's
 * own body, and the other mocks a user might pick (bench/lib/start-peer.ts),
 * with 20 connections, every contender once per round in a rotated order. A peer that cannot start
 * or answer cleanly is reported with its reason and left out; the others go on.
 */
import { execFileSync } from 'node:child_process';
import { BENCH_HEADERS, listJobsPath } from '../bench-target.js';
import type { BaselineResult, BenchSettings, PeerResult, SmallPageResult } from '../bench-types.js';
import { runCleanLoad, type ServerLoadFigures } from '../lib/clean-load.js';
import { fetchPage } from '../lib/fetch-page.js';
import { measureJournalAndLog } from './journal-and-log.js';
import { ensurePeers } from '../lib/install-peers.js';
import { median } from '../lib/median.js';
import type { Profiler } from '../lib/profiler.js';
import { rotate } from '../lib/rotate.js';
import { startBare } from '../lib/start-bare.js';
import { startMock, type MockChild } from '../lib/start-mock.js';
import { PEER_IDS, PEER_LABELS, startPeer, type PeerId, type PeerServer } from '../lib/start-peer.js';
import { startPrismMock } from '../../contracts/start-prism-mock.js';

const CORE = ['mock', 'mockLogged', 'mockSilent', 'prism', 'bare'] as const;
/** The contenders started anew each round (Prism takes seconds to start and is measured as it runs). */
const FRESH_CORE = ['mock', 'mockLogged', 'mockSilent', 'bare'] as const;
type FreshCore = (typeof FRESH_CORE)[number];
type Core = (typeof CORE)[number];
type Contender = Core | PeerId | 'baseline';
type Round = SmallPageResult['rounds'][number];

/** The CPU-per-request view of the rounds, when every load could read its server's CPU time. */
function cpuView(rounds: Round[]): SmallPageResult['byCpu'] {
  const us = (r: Round, who: Core) => r[who]?.serverCpuUsPerRequest;
  if (!rounds.every((r) => CORE.every((who) => (us(r, who) ?? 0) > 0))) return undefined;
  return {
    usPerRequest: {
      mock: median(rounds.map((r) => us(r, 'mock')!)),
      mockLogged: median(rounds.map((r) => us(r, 'mockLogged')!)),
      mockSilent: median(rounds.map((r) => us(r, 'mockSilent')!)),
      prism: median(rounds.map((r) => us(r, 'prism')!)),
      bare: median(rounds.map((r) => us(r, 'bare')!)),
    },
    mockOverPrism: median(rounds.map((r) => us(r, 'prism')! / us(r, 'mock')!)),
    mockOverBare: median(rounds.map((r) => us(r, 'bare')! / us(r, 'mock')!)),
    loggedOverBare: median(rounds.map((r) => us(r, 'bare')! / us(r, 'mockLogged')!)),
    journalAndLog: median(rounds.map((r) => us(r, 'mockLogged')! / us(r, 'mockSilent')! - 1)),
    mockBusy: median(rounds.map((r) => r.mock.serverCpuBusy ?? 0)),
  };
}

/** The last commit of a checkout, or undefined. */
function describeCheckout(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'log', '-1', '--format=%h %s'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .slice(0, 100);
  } catch {
    return undefined;
  }
}

/** Measures small-page throughput of every contender. */
export async function measureSmallPage(settings: BenchSettings, profiler: Profiler, log: (line: string) => void): Promise<SmallPageResult> {
  const path = listJobsPath(3, 0);
  const stops: (() => Promise<void>)[] = [];
  // First, while nothing runs: installing the peers blocks this process for seconds, and a kept-alive
  // connection to a server started before would be closed by that server meanwhile.
  const notThere = settings.peers === 'none' ? 'not run (--peers none)' : ensurePeers(settings.peers === 'install', log);
  // Prism takes seconds to start: let it start while the mock and the bare server do
  const prismStarting = startPrismMock({ startTimeoutMs: 90_000 });
  prismStarting.catch(() => {});
  stops.push(async () => (await prismStarting.catch(() => undefined))?.close());
  try {
    const urls: Partial<Record<Contender, string>> = {};
    const pids: Partial<Record<Contender, number | undefined>> = {};
    // The mock's three ways and the bare server, started anew for every round but the first (unless
    // profiled: a profile is one process's). Two processes started alike differ here by up to 15 % in
    // CPU per request for their whole life (where they land in memory, what their JIT chose), as
    // much as the verdicts judge; fresh processes each round make that a round's luck, which the
    // median of the rounds' ratios sets aside, instead of a bias every round shares.
    let core: Record<FreshCore, MockChild> | undefined;
    const stopCore = async () => {
      const running = core;
      core = undefined;
      if (running) await Promise.all(Object.values(running).map((child) => child.stop()));
    };
    stops.push(stopCore);
    const startCore = async () => {
      const mock = await startMock('small-page-mock', ['--quiet'], profiler);
      // Filled as each one starts, so that a start that fails still stops the ones started before it.
      core = { mock } as Record<FreshCore, MockChild>;
      // As `ges-mock serve` runs by default: its request log on (to a file, as a CI step's log), its journal on.
      core.mockLogged = await startMock('small-page-mock-logged', [], profiler);
      core.mockSilent = await startMock('small-page-mock-silent', ['--quiet', '--journal-size', '0'], profiler);
      core.bare = await startBare('small-page-bare', mock.url + path, profiler);
      for (const who of FRESH_CORE) {
        urls[who] = core[who].url + path;
        pids[who] = core[who].pid;
      }
    };
    await startCore();
    const mockPage = await fetchPage(urls.mock!, 3);
    const mockUrl = core!.mock.url;

    let baselineCommit: string | undefined;
    if (settings.baselineDir) {
      const baseline = await startMock('small-page-baseline', ['--quiet'], profiler, settings.baselineDir);
      stops.push(() => baseline.stop());
      await fetchPage(baseline.url + path, 3);
      urls.baseline = baseline.url + path;
      pids.baseline = baseline.pid;
      baselineCommit = describeCheckout(settings.baselineDir);
    }

    // the peers, one after another (each takes seconds to start; two JVMs or Nodes at once would crowd 2 cores)
    const peerResults: PeerResult[] = [];
    const peers = new Map<PeerId, PeerServer>();
    if (settings.peers !== 'none' || notThere) {
      const twenty = JSON.parse((await fetchPage(mockUrl + listJobsPath(20, 0))).text) as { jobs: unknown[] };
      for (const id of PEER_IDS) {
        if (notThere) {
          peerResults.push({ id, label: PEER_LABELS[id], error: notThere });
          continue;
        }
        log(`small page: starting ${PEER_LABELS[id]}`);
        try {
          const peer = await startPeer(id, { path, pageText: mockPage.text, jobs: twenty.jobs });
          stops.push(() => peer.stop());
          peers.set(id, peer);
          urls[id] = peer.url + path;
          pids[id] = peer.pid;
          peerResults.push({ id, label: PEER_LABELS[id], version: peer.version, command: peer.command });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log(`small page: ${PEER_LABELS[id]} could not start: ${message.split('\n')[0]}`);
          peerResults.push({ id, label: PEER_LABELS[id], error: `could not start: ${message.slice(0, 1500)}` });
        }
      }
    }

    log('small page: waiting for Prism');
    const prism = await prismStarting;
    urls.prism = prism.url + path;
    pids.prism = prism.pid;

    const bytes: Partial<Record<Contender, number>> = {};
    for (const who of Object.keys(urls) as Contender[]) bytes[who] = (await fetchPage(urls[who]!)).bytes;

    const load = (who: Contender, durationSec: number) =>
      runCleanLoad(
        `small page, ${who}`,
        { url: urls[who]!, headers: { ...BENCH_HEADERS }, connections: settings.connections, durationSec },
        pids[who],
      );
    // a peer whose load is not clean is dropped with the reason; a core contender's failure fails the measure
    const dropped = new Map<PeerId, string>();
    const contenders = (): Contender[] => [
      ...CORE,
      ...(urls.baseline ? ['baseline' as const] : []),
      ...PEER_IDS.filter((id) => peers.has(id) && !dropped.has(id)),
    ];
    const loadOrDrop = async (who: Contender, durationSec: number): Promise<ServerLoadFigures | undefined> => {
      if (!(PEER_IDS as readonly string[]).includes(who)) return load(who, durationSec);
      try {
        return await load(who, durationSec);
      } catch (error) {
        dropped.set(who as PeerId, error instanceof Error ? error.message : String(error));
        log(`small page: ${who} dropped: ${dropped.get(who as PeerId)}`);
        return undefined;
      }
    };

    if (settings.warmupSec > 0) for (const who of contenders()) await loadOrDrop(who, settings.warmupSec);

    const rounds: Round[] = [];
    for (let round = 0; round < settings.smallPageRounds; round++) {
      if (round > 0 && !profiler.enabled) {
        await stopCore();
        await startCore();
        if (settings.warmupSec > 0) for (const who of FRESH_CORE) await load(who, settings.warmupSec);
      }
      const order = rotate(contenders(), round);
      const figures = {} as Partial<Record<Contender, ServerLoadFigures>>;
      for (const who of order) {
        const taken = await loadOrDrop(who, settings.loadSec);
        if (!taken) continue;
        figures[who] = taken;
        const cpu = taken.serverCpuUsPerRequest;
        log(
          `small page, round ${round + 1}/${settings.smallPageRounds}: ${who} ${Math.round(taken.reqPerSec)} req/s${cpu === undefined ? '' : `, ${cpu.toFixed(1)} µs CPU/request, busy ${Math.round((taken.serverCpuBusy ?? 0) * 100)} %`}`,
        );
      }
      const peerFigures = Object.fromEntries(PEER_IDS.filter((id) => figures[id]).map((id) => [id, figures[id]!]));
      rounds.push({
        order,
        mock: figures.mock!,
        mockLogged: figures.mockLogged!,
        mockSilent: figures.mockSilent!,
        prism: figures.prism!,
        bare: figures.bare!,
        ...(Object.keys(peerFigures).length ? { peers: peerFigures } : {}),
        ...(figures.baseline ? { baseline: figures.baseline } : {}),
      });
    }

    for (const result of peerResults) {
      if (result.error) continue;
      const reason = dropped.get(result.id);
      const taken = rounds.filter((r) => r.peers?.[result.id]);
      if (reason || taken.length !== rounds.length) {
        result.error = `dropped: ${reason ?? 'missing rounds'}`;
        continue;
      }
      const of = (r: Round) => r.peers![result.id]!;
      result.reqPerSec = median(taken.map((r) => of(r).reqPerSec));
      result.overBare = median(taken.map((r) => of(r).reqPerSec / r.bare.reqPerSec));
      result.mockOverPeer = median(taken.map((r) => r.mock.reqPerSec / of(r).reqPerSec));
      if (taken.every((r) => of(r).serverCpuUsPerRequest !== undefined))
        result.cpuUsPerRequest = median(taken.map((r) => of(r).serverCpuUsPerRequest!));
      result.responseBytes = bytes[result.id]!;
    }
    let baseline: BaselineResult | undefined;
    if (settings.baselineDir && rounds.every((r) => r.baseline)) {
      baseline = {
        dir: settings.baselineDir,
        ...(baselineCommit ? { commit: baselineCommit } : {}),
        reqPerSec: median(rounds.map((r) => r.baseline!.reqPerSec)),
        overBare: median(rounds.map((r) => r.baseline!.reqPerSec / r.bare.reqPerSec)),
        mockOverBaseline: median(rounds.map((r) => r.mock.reqPerSec / r.baseline!.reqPerSec)),
        ...(rounds.every((r) => r.baseline!.serverCpuUsPerRequest !== undefined)
          ? { cpuUsPerRequest: median(rounds.map((r) => r.baseline!.serverCpuUsPerRequest!)) }
          : {}),
      };
    }

    const byCpu = cpuView(rounds);
    const journalAndLogPaired = await measureJournalAndLog({ connections: settings.connections, pairs: settings.journalLogPairs }, log);
    return {
      path,
      connections: settings.connections,
      prismCommand: prism.command,
      rounds,
      reqPerSec: {
        mock: median(rounds.map((r) => r.mock.reqPerSec)),
        mockLogged: median(rounds.map((r) => r.mockLogged!.reqPerSec)),
        mockSilent: median(rounds.map((r) => r.mockSilent!.reqPerSec)),
        prism: median(rounds.map((r) => r.prism.reqPerSec)),
        bare: median(rounds.map((r) => r.bare.reqPerSec)),
      },
      mockOverPrism: median(rounds.map((r) => r.mock.reqPerSec / r.prism.reqPerSec)),
      mockOverBare: median(rounds.map((r) => r.mock.reqPerSec / r.bare.reqPerSec)),
      loggedOverPrism: median(rounds.map((r) => r.mockLogged!.reqPerSec / r.prism.reqPerSec)),
      loggedOverMock: median(rounds.map((r) => r.mockLogged!.reqPerSec / r.mock.reqPerSec)),
      loggedOverBare: median(rounds.map((r) => r.mockLogged!.reqPerSec / r.bare.reqPerSec)),
      journalAndLog: median(rounds.map((r) => r.mockSilent!.reqPerSec / r.mockLogged!.reqPerSec - 1)),
      journalAndLogPaired,
      responseBytes: {
        mock: bytes.mock!,
        mockLogged: bytes.mockLogged!,
        mockSilent: bytes.mockSilent!,
        prism: bytes.prism!,
        bare: bytes.bare!,
      },
      ...(byCpu ? { byCpu } : {}),
      peers: peerResults,
      ...(baseline ? { baseline } : {}),
    };
  } finally {
    await Promise.all(stops.map((stop) => stop().catch(() => {})));
  }
}
