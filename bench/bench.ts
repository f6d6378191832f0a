/**
 * `npm run bench` / `npm run bench:smoke`. Flags:
 *   --smoke            CI mode: 1 round, 1 s loads, 1,000 jobs; targets not judged; RESULTS.md untouched
 *   --rounds N         rounds per measure (full default 3; the small page 9)
 *   --duration S       seconds of small-page load per contender per round (full default 3)
 *   --only a,b         measures to run: smallPage, largestPage, seeding, inProcess, contractRun
 *   --profile          --cpu-prof the mock servers and rank their hot functions (figures perturbed)
 *   --peers MODE       the other mocks of the small page: install (full default: npm ci in bench/peers
 *                      when missing), installed (smoke default: only those there), none
 *   --baseline DIR     one more contender: the mock of another checkout DIR (with node_modules), to
 *                      measure a change beside the old code in the same rounds
 *   --out FILE         also write the results JSON to FILE
 *   --render           measure nothing: rewrite bench/RESULTS.md from bench/results.json (after a renderer change)
 * A full run of every measure, unprofiled, writes bench/RESULTS.md and bench/results.json.
 * Exit: 0 every target met (smoke: every measure produced), 1 otherwise, 2 usage error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MEASURES, type BenchResults, type BenchSettings, type MeasureId } from './bench-types.js';
import { keepMarkedSections } from './lib/keep-marked-sections.js';
import { renderResults, renderThroughputChart, renderVerdictTable } from './lib/render-results.js';
import { BENCH_MODES, runBench } from './run-bench.js';

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0)) usage(`--${name} must be a positive number, got ${text}`);
  return value;
}

// biome-ignore lint/suspicious/noImplicitAnyLet: typed by its one assignment below (parseArgs infers the values from the options).
let parsed;
try {
  parsed = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      out: { type: 'string' },
      peers: { type: 'string' },
      baseline: { type: 'string' },
      render: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}

const RESULTS_MD = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const RESULTS_JSON = fileURLToPath(new URL('./results.json', import.meta.url));

/** Writes RESULTS.md, carrying over sections other tools own; re-read right before writing (npm run soak may have written meanwhile). */
function writeResultsMd(results: BenchResults): void {
  const previous = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : undefined;
  writeFileSync(RESULTS_MD, keepMarkedSections(previous, renderResults(results)));
}

if (parsed.render) {
  if (!existsSync(RESULTS_JSON)) usage('--render needs bench/results.json; run npm run bench first');
  writeResultsMd(JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as BenchResults);
  process.stdout.write('Rewrote bench/RESULTS.md from bench/results.json\n');
  process.exit(0);
}

const only = parsed.only?.split(',').map((name) => name.trim());
for (const name of only ?? [])
  if (!(MEASURES as readonly string[]).includes(name)) usage(`unknown measure "${name}"; known: ${MEASURES.join(', ')}`);
const rounds = positive('rounds', parsed.rounds);
if (rounds !== undefined && !Number.isInteger(rounds)) usage('--rounds must be an integer');
const duration = positive('duration', parsed.duration);

const peers = parsed.peers;
if (peers !== undefined && !['install', 'installed', 'none'].includes(peers))
  usage(`--peers must be install, installed or none, got ${peers}`);
if (parsed.baseline !== undefined && !existsSync(parsed.baseline)) usage(`--baseline ${parsed.baseline}: no such folder`);

const base = parsed.smoke ? BENCH_MODES.smoke : BENCH_MODES.full;
const settings: BenchSettings = {
  ...base,
  ...(rounds ? { rounds, smallPageRounds: rounds } : {}),
  ...(duration ? { loadSec: duration } : {}),
  ...(only ? { only: only as MeasureId[] } : {}),
  profile: parsed.profile,
  ...(peers ? { peers: peers as BenchSettings['peers'] } : {}),
  ...(parsed.baseline ? { baselineDir: parsed.baseline } : {}),
};
const extra = process.argv.slice(2).filter((arg) => arg !== '--smoke');
const command = `npm run ${parsed.smoke ? 'bench:smoke' : 'bench'}${extra.length ? ` -- ${extra.join(' ')}` : ''}`;

const startedAt = performance.now();
const log = (line: string) => process.stderr.write(`[bench +${((performance.now() - startedAt) / 1000).toFixed(1)}s] ${line}\n`);
const results = await runBench(settings, { command, log });

const chart = renderThroughputChart(results);
process.stdout.write(`\n${chart ? `${chart}\n\n` : ''}${renderVerdictTable(results)}\n`);
for (const profile of results.profiles) {
  for (const [title, spots] of [
    ['self time', profile.self],
    ['inclusive time of our functions', profile.oursInclusive],
  ] as const) {
    process.stdout.write(`\nCPU profile of ${profile.label} (${profile.file}), ${title}:\n`);
    for (const spot of spots)
      process.stdout.write(`  ${spot.ms.toFixed(1).padStart(9)} ms  ${(spot.share * 100).toFixed(1).padStart(5)} %  ${spot.where}\n`);
  }
}

const json = `${JSON.stringify(results, null, 2)}\n`;
if (parsed.out) writeFileSync(parsed.out, json);
// only an unprofiled full run of every measure may speak for the project
if (settings.mode === 'full' && !settings.profile && !only && !settings.baselineDir) {
  writeResultsMd(results);
  writeFileSync(RESULTS_JSON, json);
  process.stdout.write('\nWrote bench/RESULTS.md and bench/results.json\n');
}

const missing = (only ?? MEASURES).filter((id) => !results.measures[id as MeasureId] || 'error' in results.measures[id as MeasureId]!);
const failed = results.checks.some((check) => check.pass === false);
process.exitCode = missing.length || failed ? 1 : 0;
