/**
 * The request journal and the request log together, both on against both off, in one process
 * (bench/children/journal-log-pair.ts says why): the small page loads the `on` server for a slice,
 * then the `off` one (then `off`, then `on`: ABBA, so a machine slowing down during a pair weighs on
 * both alike), and each pair gives the ratio of the process's CPU per request. The figure is the
 * median of the pairs' ratios, with their quartiles and a 95 % interval for the median, so a reader
 * sees how far the machine let it be trusted (and the verdict passes only when the whole interval
 * does).
 */
import { BENCH_HEADERS, listJobsPath } from '../bench-target.js';
import type { BenchSettings, JournalAndLogResult, PairOn } from '../bench-types.js';
import { runCleanLoad } from '../lib/clean-load.js';
import { forkChild } from '../lib/fork-child.js';
import { median, medianInterval, quantile } from '../lib/median.js';
import { readThreadCpuMs, type ThreadCpuMs } from '../lib/process-cpu.js';

const THREAD_PARTS = ['mainUser', 'mainSystem', 'otherThreads'] as const;

/** Seconds per slice: long enough for CPU time read from /proc in 10 ms ticks to be within 1 %. */
const SLICE_SEC = 1;

/** Measures `pairs` ABBA pairs of slices (at least 1). */
export async function measureJournalAndLog(
  settings: Pick<BenchSettings, 'connections'> & { pairs: number; on?: PairOn | undefined },
  log: (line: string) => void,
): Promise<JournalAndLogResult> {
  const child = forkChild('journal-log-pair', [settings.on ?? 'both']);
  try {
    const ready = await child.first;
    const path = listJobsPath(3, 0);
    const load = async (which: 'on' | 'off', durationSec: number) => {
      const before = readThreadCpuMs(child.pid);
      const taken = await runCleanLoad(
        `journal and log ${which}`,
        { url: String(ready[which]) + path, headers: { ...BENCH_HEADERS }, connections: settings.connections, durationSec },
        child.pid,
      );
      const after = readThreadCpuMs(child.pid);
      if (taken.serverCpuUsPerRequest === undefined) throw new Error('the server CPU time cannot be read here (needs /proc)');
      const usPerRequest = (ms: number) => (ms * 1000) / taken.ok;
      const threads: ThreadCpuMs | undefined =
        before && after
          ? {
              mainUser: usPerRequest(after.mainUser - before.mainUser),
              mainSystem: usPerRequest(after.mainSystem - before.mainSystem),
              otherThreads: usPerRequest(after.otherThreads - before.otherThreads),
            }
          : undefined;
      return { us: taken.serverCpuUsPerRequest, threads };
    };
    await load('on', 1);
    await load('off', 1);
    const on: number[] = [];
    const off: number[] = [];
    const ratios: number[] = [];
    const differences: Record<keyof ThreadCpuMs, number[]> = { mainUser: [], mainSystem: [], otherThreads: [] };
    for (let pair = 0; pair < settings.pairs; pair++) {
      const order = pair % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
      // both keys are set by the loop below, in the pair's order
      const taken = {} as Record<'on' | 'off', Awaited<ReturnType<typeof load>>>;
      for (const which of order) taken[which] = await load(which, SLICE_SEC);
      const { on: a, off: b } = taken;
      on.push(a.us);
      off.push(b.us);
      ratios.push(a.us / b.us - 1);
      if (a.threads && b.threads) for (const part of THREAD_PARTS) differences[part].push(a.threads[part] - b.threads[part]);
      log(`journal and log, pair ${pair + 1}/${settings.pairs}: on ${a.us.toFixed(1)}, off ${b.us.toFixed(1)} µs CPU/request`);
    }
    const threads =
      differences.mainUser.length === settings.pairs
        ? {
            mainUser: median(differences.mainUser),
            mainSystem: median(differences.mainSystem),
            otherThreads: median(differences.otherThreads),
          }
        : undefined;
    return {
      pairs: settings.pairs,
      sliceSec: SLICE_SEC,
      usPerRequest: { on: median(on), off: median(off) },
      share: median(ratios),
      quartiles: [quantile(ratios, 0.25), quantile(ratios, 0.75)],
      medianInterval: medianInterval(ratios),
      ...(threads ? { threads } : {}),
    };
  } finally {
    await child.stop();
  }
}
