/** bench/RESULTS.md: the verdict first, then the chart, the rounds, the machine and the method. */
import { readFileSync } from 'node:fs';
import type { BenchResults, MeasureError } from '../bench-types.js';
import { median } from './median.js';
import { renderBarChart } from './render-bar-chart.js';

/** Prism is a pinned devDependency of the kit: its version is the one package.json pins. */
const PRISM_VERSION =
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> })
    .devDependencies['@stoplight/prism-cli'] ?? '';
const isError = (value: unknown): value is MeasureError => typeof value === 'object' && value !== null && 'error' in value;
const n0 = (value: number) => Math.round(value).toLocaleString('en-US');
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const verdict = (pass: boolean | null) => (pass === null ? 'not judged' : pass ? '**PASS**' : '**FAIL**');

/** The throughput chart of the small page, or undefined when it was not measured. */
export function renderThroughputChart(results: BenchResults): string | undefined {
  const small = results.measures.smallPage;
  if (!small || isError(small)) return undefined;
  // the share the verdict judges: bare's CPU per request over the contender's
  const cpuShare = (us: number | undefined) =>
    us && small.byCpu ? ` (${Math.round((small.byCpu.usPerRequest.bare / us) * 100)} % by CPU)` : '';
  return renderBarChart(
    [
      { label: 'bare node:http', value: small.reqPerSec.bare, note: 'ceiling' },
      {
        label: 'ges mock',
        value: small.reqPerSec.mock,
        note: `${Math.round(small.mockOverBare * 100)} % of bare${cpuShare(small.byCpu?.usPerRequest.mock)}, ${small.mockOverPrism.toFixed(1)}× Prism`,
      },
      ...(small.reqPerSec.mockLogged !== undefined
        ? [
            {
              label: 'ges mock, log on',
              value: small.reqPerSec.mockLogged,
              note: `${Math.round((small.loggedOverBare ?? 0) * 100)} % of bare${cpuShare(small.byCpu?.usPerRequest.mockLogged)}, ${Math.round((small.loggedOverMock ?? 0) * 100)} % of the mock, ${(small.loggedOverPrism ?? 0).toFixed(1)}× Prism`,
            },
          ]
        : []),
      ...(small.baseline
        ? [
            {
              label: 'ges mock, baseline',
              value: small.baseline.reqPerSec,
              note: `${Math.round(small.baseline.overBare * 100)} % of bare (${small.baseline.commit ?? small.baseline.dir})`,
            },
          ]
        : []),
      ...(small.peers ?? [])
        .filter((peer) => peer.reqPerSec !== undefined)
        .map((peer) => ({
          label: peer.label,
          value: peer.reqPerSec!,
          note: `${Math.round(peer.overBare! * 100)} % of bare; ges mock ${peer.mockOverPeer!.toFixed(1)}× it`,
        })),
      {
        label: 'prism mock',
        value: small.reqPerSec.prism,
        note: `${Math.round(median(small.rounds.map((r) => r.prism.reqPerSec / r.bare.reqPerSec)) * 100)} % of bare; ges mock ${small.mockOverPrism.toFixed(1)}× it`,
      },
    ].sort((a, b) => b.value - a.value),
    40,
    ' req/s',
  );
}

/** The verdict table alone (also printed to the terminal). */
export function renderVerdictTable(results: BenchResults): string {
  const lines = ['| measure | figure (median) | target | verdict |', '|---|---|---|---|'];
  for (const check of results.checks) lines.push(`| ${check.label} | ${check.figure} | ${check.target} | ${verdict(check.pass)} |`);
  return lines.join('\n');
}

/** The whole RESULTS.md. */
export function renderResults(results: BenchResults): string {
  const { machine, settings, measures } = results;
  const out: string[] = [];
  const passed = results.checks.filter((c) => c.pass === true).length;
  const judged = results.checks.filter((c) => c.pass !== null).length;
  out.push('# Benchmark results', '');
  out.push(
    `Measured ${results.date} with \`${results.command}\` (${settings.mode} mode, ${plural(settings.rounds, 'round')}${settings.smallPageRounds !== undefined && settings.smallPageRounds !== settings.rounds ? ` (small page: ${settings.smallPageRounds})` : ''}, ` +
      `${Math.round(results.durationSec)} s in all). ` +
      (judged ? `**${passed} of ${judged} targets met.**` : '**Targets not judged** (smoke mode: too short to mean anything).'),
    '',
    'Ratios are the medians of per-round ratios: each round runs every contender once, in a rotated order, so a',
    'machine that slows down during the run slows all of them alike. Absolute figures depend on the machine;',
    'the ratios are what the targets judge. How it works: [docs/benchmarks.md](../docs/benchmarks.md).',
    '',
  );
  const busiest = Math.max(machine.loadAvgStart[0] ?? 0, machine.loadAvgEnd[0] ?? 0);
  if (busiest > machine.cpus * 0.5) {
    out.push(
      `> **Noisy machine:** the 1-minute load average reached ${busiest.toFixed(1)} on ${machine.cpus} cores during this run ` +
        '(other work competed for the CPU). Ratios are more trustworthy than absolute figures; re-run on a quiet machine.',
      '',
    );
  }
  out.push('## Verdict', '', renderVerdictTable(results), '');

  const chart = renderThroughputChart(results);
  const small = measures.smallPage;
  if (chart && small && !isError(small)) {
    out.push(`## Small-page throughput (${small.connections} connections, median of ${plural(small.rounds.length, 'round')})`, '');
    out.push('```', chart, '```', '');
    out.push(
      "The verdict judges the mock against bare by each server's own CPU time per request (below): on this machine one autocannon " +
        "process and other work set most req/s ceilings, so a round in which the mock's process was busy half the time says little of the mock.",
      '',
    );
    out.push(
      "Bars are each contender's median req/s over the rounds; the % and × are medians of the per-round ratios, each comparing " +
        'contenders measured seconds apart so that drift over the run cancels. They need not match the bars.',
      '',
    );
    out.push(
      `\`GET ${small.path}\` with \`X-Auth-Token\`. The mock is the \`ges-mock serve\` command (bench/lib/start-mock.ts): "mock" ` +
        'with `--quiet`, "log on" as it starts by default (its request log to a file, its journal on), "silent" with `--quiet ' +
        '--journal-size 0`. Bare is bench/children/bare-http.mjs on plain Node: `JSON.stringify` of the same body per request, ' +
        `nothing else. Prism runs as \`${small.prismCommand}\` (its default logging included).`,
      '',
    );
    const us = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(1));
    const busy = (value: number | undefined) => (value === undefined ? 'n/a' : `${Math.round(value * 100)} %`);
    out.push(
      '| round | order | mock req/s | Prism req/s | bare req/s | CPU µs/req mock, Prism, bare | mock CPU busy | mock p99 ms | bare p99 ms |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    small.rounds.forEach((r, i) =>
      out.push(
        `| ${i + 1} | ${r.order.join(' → ')} | ${n0(r.mock.reqPerSec)} | ${n0(r.prism.reqPerSec)} | ${n0(r.bare.reqPerSec)} | ` +
          `${us(r.mock.serverCpuUsPerRequest)}, ${us(r.prism.serverCpuUsPerRequest)}, ${us(r.bare.serverCpuUsPerRequest)} | ${busy(r.mock.serverCpuBusy)} | ${r.mock.latencyP99Ms} | ${r.bare.latencyP99Ms} |`,
      ),
    );
    if (small.byCpu) {
      out.push(
        '',
        `By each server's own CPU time per request (read from /proc, so independent of the load generator): the mock costs ` +
          `${small.byCpu.usPerRequest.mock.toFixed(1)} µs, bare ${small.byCpu.usPerRequest.bare.toFixed(1)} µs, Prism ${small.byCpu.usPerRequest.prism.toFixed(1)} µs; ` +
          `that is ${Math.round(small.byCpu.mockOverBare * 100)} % of bare's efficiency and ${small.byCpu.mockOverPrism.toFixed(1)}× Prism's. ` +
          (small.byCpu.mockBusy < 0.9
            ? `The mock's process was busy only ${Math.round(small.byCpu.mockBusy * 100)} % of the wall time under load: the load generator ` +
              '(or other work on the machine), not the mock, set the req/s ceiling here.'
            : `The mock's process was busy ${Math.round(small.byCpu.mockBusy * 100)} % of the time under load.`),
      );
    }
    if (small.rounds.every((r) => r.mockLogged)) {
      const silent = small.rounds.every((r) => r.mockSilent);
      out.push(
        '',
        'As `ges-mock serve` starts (request log on, one text line per request to a file; journal on), with `--quiet`, and with ' +
          '`--quiet --journal-size 0` (silent):',
        '',
        '| round | req/s log on | req/s --quiet | req/s silent | CPU µs/req log on, --quiet, silent |',
        '|---|---|---|---|---|',
      );
      small.rounds.forEach((r, i) =>
        out.push(
          `| ${i + 1} | ${n0(r.mockLogged!.reqPerSec)} | ${n0(r.mock.reqPerSec)} | ${silent ? n0(r.mockSilent!.reqPerSec) : 'n/a'} | ` +
            `${us(r.mockLogged!.serverCpuUsPerRequest)}, ${us(r.mock.serverCpuUsPerRequest)}, ${silent ? us(r.mockSilent!.serverCpuUsPerRequest) : 'n/a'} |`,
        ),
      );
    }
    out.push(
      '',
      `Response bodies: mock ${small.responseBytes.mock} B, Prism ${small.responseBytes.prism} B (its static example), bare ${small.responseBytes.bare} B.`,
      '',
    );
    if (small.peers?.length) {
      out.push(
        '### The other mocks, in the same rounds',
        '',
        'Each answers the same request, started as its users start it (default logging kept, to a file); how each is set up: bench/lib/start-peer.ts.',
        '',
        '| mock | version | command | req/s | of bare | ges mock × it | CPU µs/req | body |',
        '|---|---|---|---|---|---|---|---|',
      );
      for (const peer of small.peers) {
        if (peer.error)
          out.push(
            `| ${peer.label} | ${peer.version ?? 'n/a'} | ${peer.command ? `\`${peer.command}\`` : 'n/a'} | not measured: ${peer.error.split('\n')[0]!.replace(/\|/g, '\\|')} | | | | |`,
          );
        else
          out.push(
            `| ${peer.label} | ${peer.version} | \`${peer.command}\` | ${n0(peer.reqPerSec!)} | ${Math.round(peer.overBare! * 100)} % | ${peer.mockOverPeer!.toFixed(1)}× | ${peer.cpuUsPerRequest?.toFixed(1) ?? 'n/a'} | ${peer.responseBytes} B |`,
          );
      }
      const us = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(1));
      out.push(
        `| Prism | @stoplight/prism-cli ${PRISM_VERSION} | \`${small.prismCommand}\` | ${n0(small.reqPerSec.prism)} | ${Math.round(median(small.rounds.map((r) => r.prism.reqPerSec / r.bare.reqPerSec)) * 100)} % | ${small.mockOverPrism.toFixed(1)}× | ${us(small.byCpu?.usPerRequest.prism)} | ${small.responseBytes.prism} B |`,
        `| bare node:http | node ${results.machine.node} | \`bench/children/bare-http.mjs\` | ${n0(small.reqPerSec.bare)} | 100 % | ${small.mockOverBare.toFixed(2)}× | ${us(small.byCpu?.usPerRequest.bare)} | ${small.responseBytes.bare} B |`,
        '',
      );
    }
    if (small.baseline) {
      out.push(
        `Baseline: the mock of \`${small.baseline.dir}\` (${small.baseline.commit ?? 'not a git checkout'}), ${n0(small.baseline.reqPerSec)} req/s, ${Math.round(small.baseline.overBare * 100)} % of bare; this checkout's mock is ${small.baseline.mockOverBaseline.toFixed(2)}× it.`,
        '',
      );
    }
  }

  const largest = measures.largestPage;
  if (largest && !isError(largest)) {
    out.push(`## Largest page (${n0(largest.jobs)} jobs, one request at a time)`, '');
    out.push(`\`GET ${largest.path}\`, ${(largest.responseBytes / 1e6).toFixed(1)} MB per response.`, '');
    out.push('| round | order | mock p50 ms | bare p50 ms | mock / bare | requests (mock, bare) |', '|---|---|---|---|---|---|');
    largest.rounds.forEach((r, i) =>
      out.push(
        `| ${i + 1} | ${r.order.join(' → ')} | ${r.mock.latencyP50Ms} | ${r.bare.latencyP50Ms} | ${(r.mock.latencyP50Ms / Math.max(r.bare.latencyP50Ms, 1)).toFixed(2)} | ${r.mock.ok}, ${r.bare.ok} |`,
      ),
    );
    out.push('');
  }

  const seeding = measures.seeding;
  if (seeding && !isError(seeding)) {
    out.push(`## Seeding ${n0(seeding.jobs)} jobs (fresh \`node --expose-gc\` process per round)`, '');
    out.push(
      'The engine seeds lazily: a graph\'s layout on first touch, each job on its first read. "First touch" is createEngine + ' +
        '`listJobs(limit 1)`; "every job" adds `listJobs(limit ' +
        String(seeding.jobs) +
        ')`, so that all jobs exist (the targets judge this one). ' +
        'Heap is `heapUsed` after `gc()`, against before createEngine.',
      '',
    );
    out.push('| round | first touch | heap after first touch | every job | heap with every job |', '|---|---|---|---|---|');
    seeding.rounds.forEach((r, i) =>
      out.push(
        `| ${i + 1} | ${n0(r.firstTouchMs)} ms | ${(r.firstTouchHeapBytes / 1e6).toFixed(1)} MB | ${n0(r.seedMs)} ms | ${(r.heapBytes / 1e6).toFixed(1)} MB |`,
      ),
    );
    out.push('');
  }

  const inProcess = measures.inProcess;
  if (inProcess && !isError(inProcess)) {
    out.push('## In-process (MSW, one request at a time, median of the rounds)', '');
    out.push(
      '| round | getResponse(createGesHandlers()) | same, trivial handler | setupGesServer + fetch | same, trivial handler |',
      '|---|---|---|---|---|',
    );
    inProcess.rounds.forEach((r, i) =>
      out.push(
        `| ${i + 1} | ${n0(r.getResponse)} req/s | ${n0(r.trivialGetResponse)} req/s | ${n0(r.setupServerFetch)} req/s | ${n0(r.trivialSetupServerFetch)} req/s |`,
      ),
    );
    out.push(
      '',
      `"Trivial handler" is MSW's own ceiling: a handler set of the same shape (\`http.all\` on the same two paths) whose resolver ` +
        'returns the same body text at once. Ours and it alternate in 250 ms slices in one process. Our handlers reach ' +
        `${Math.round((inProcess.reqPerSec.getResponse / inProcess.trivialHandlerReqPerSec.getResponse) * 100)} % of it through getResponse and ` +
        `${Math.round((inProcess.reqPerSec.setupServerFetch / inProcess.trivialHandlerReqPerSec.setupServerFetch) * 100)} % through fetch.`,
      '',
    );
  }

  const contract = measures.contractRun;
  if (contract && !isError(contract)) {
    out.push('## Contract run against the standalone mock', '');
    out.push(
      `\`${contract.command}\`: ${contract.rounds.map((r) => `${(r.ms / 1000).toFixed(1)} s (exit ${r.exitCode})`).join(', ')}.`,
      '',
    );
  }

  const errors = Object.entries(measures).filter(([, value]) => isError(value)) as [string, MeasureError][];
  if (errors.length) {
    out.push('## Measures that could not be taken', '');
    for (const [name, value] of errors) out.push(`- **${name}**:`, '', '```', value.error, '```', '');
  }

  if (results.profiles.length) {
    out.push('## CPU profiles (self time)', '');
    for (const profile of results.profiles) {
      out.push(`### ${profile.label}`, '', '| self ms | share | function |', '|---|---|---|');
      for (const spot of profile.self) out.push(`| ${spot.ms} | ${(spot.share * 100).toFixed(1)} % | \`${spot.where}\` |`);
      out.push('', '| inclusive ms | share | our function |', '|---|---|---|');
      for (const spot of profile.oursInclusive) out.push(`| ${spot.ms} | ${(spot.share * 100).toFixed(1)} % | \`${spot.where}\` |`);
      out.push('');
    }
  }

  out.push('## Machine', '');
  out.push(
    `- CPU: ${machine.cpuModel}, ${machine.cpus} logical cores${machine.cpuMHz ? ` at ${machine.cpuMHz} MHz` : ''}; ${machine.totalMemGB.toFixed(1)} GB RAM`,
    `- ${machine.platform} ${machine.arch}, Node ${machine.node}, V8 ${machine.v8}`,
    `- Load average (1, 5, 15 min) at start ${machine.loadAvgStart.map((v) => v.toFixed(2)).join(', ')}; at end ${machine.loadAvgEnd.map((v) => v.toFixed(2)).join(', ')}`,
    `- Settings: ${plural(settings.rounds, 'round')}; small page ${settings.loadSec} s per contender per round after ${settings.warmupSec} s warm-up, ${settings.connections} connections; largest page ${settings.largestRequests} requests per contender per round after 3 warm-up requests, 1 connection; in-process ${settings.inProcessSec} s per loop`,
    '',
  );
  return out.join('\n');
}
