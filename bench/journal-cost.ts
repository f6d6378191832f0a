/**
 * `npm run measure:journal [-- --rounds 5 --duration 5 --connections 32]`: what the request journal
 * costs in throughput. Two standalone mocks in child processes, one with the default journal (1000
 * entries) and one with `--journal-size 0` (both `ges-mock serve --quiet`), take the same small-page GET in alternating rounds (the
 * order rotates, so machine noise hits both alike); the report is each median and the ratio, the
 * bound docs/benchmarks.md sets being at most 10 % lost at 20,000 req/s. `--rate 20000` offers exactly
 * that load to both and compares what each server's own CPU spends per request (at a fixed offered
 * rate both answer it all, so the cost shows as CPU, not as req/s).
 */
import { parseArgs } from 'node:util';
import { BENCH_HEADERS, listJobsPath } from './bench-target.js';
import { runCleanLoad } from './lib/clean-load.js';
import { median } from './lib/median.js';
import { createProfiler } from './lib/profiler.js';
import { rotate } from './lib/rotate.js';
import { startMock } from './lib/start-mock.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    rate: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const durationSec = Number(values.duration);
const connections = Number(values.connections);
const overallRate = values.rate === undefined ? undefined : Number(values.rate);

const profiler = createProfiler(false);
const path = listJobsPath(3, 0);
const withJournal = await startMock('journal-on', ['--quiet'], profiler);
const withoutJournal = await startMock('journal-off', ['--quiet', '--journal-size', '0'], profiler);
try {
  const mocks = { journal: withJournal, none: withoutJournal } as const;
  const figures: Record<keyof typeof mocks, number[]> = { journal: [], none: [] };
  const cpu: Record<keyof typeof mocks, number[]> = { journal: [], none: [] };
  const load = (who: keyof typeof mocks, seconds: number) =>
    runCleanLoad(
      `journal ${who}`,
      {
        url: mocks[who].url + path,
        headers: { ...BENCH_HEADERS },
        connections,
        durationSec: seconds,
        ...(overallRate ? { overallRate } : {}),
      },
      mocks[who].pid,
    );
  for (const who of ['journal', 'none'] as const) await load(who, 1); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const who of rotate(['journal', 'none'] as const, round)) {
      const { reqPerSec, serverCpuUsPerRequest } = await load(who, durationSec);
      figures[who].push(reqPerSec);
      if (serverCpuUsPerRequest !== undefined) cpu[who].push(serverCpuUsPerRequest);
      process.stderr.write(
        `round ${round + 1}/${rounds}: ${who} ${Math.round(reqPerSec)} req/s, ${serverCpuUsPerRequest?.toFixed(1) ?? '?'} µs CPU per request\n`,
      );
    }
  }
  const journal = median(figures.journal);
  const none = median(figures.none);
  console.log(
    JSON.stringify({
      rounds,
      durationSec,
      connections,
      journalReqPerSec: Math.round(journal),
      noJournalReqPerSec: Math.round(none),
      ratio: Number((journal / none).toFixed(3)),
      ...(overallRate ? { offeredReqPerSec: overallRate } : {}),
      ...(cpu.journal.length && cpu.none.length
        ? {
            journalCpuUsPerRequest: Number(median(cpu.journal).toFixed(1)),
            noJournalCpuUsPerRequest: Number(median(cpu.none).toFixed(1)),
            cpuRatio: Number((median(cpu.none) / median(cpu.journal)).toFixed(3)),
          }
        : {}),
    }),
  );
} finally {
  await withJournal.stop();
  await withoutJournal.stop();
}
