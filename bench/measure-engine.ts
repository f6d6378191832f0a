/**
 * Measures the engine at scale: seeding 100k jobs per graph (time, heap) and listing 100k jobs
 * (engine time and JSON.stringify time). Not a test: speed is for benchmarks.
 * Run: node --expose-gc --import tsx bench/measure-engine.ts [jobsPerGraph]
 */
import { createEngine } from '../src/engine/create-engine.js';
import { createManualClock } from '../src/clocks.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const jobsPerGraph = Number(process.argv[2] ?? 100_000);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (t: number): string => `${t.toFixed(1)} ms`;

// Load every module (faker's locale data included) before measuring seeding itself.
createEngine({ clock: createManualClock(), jobsPerGraph: 10 }).listJobs('warm', 'movie', { limit: 1, offset: 0 });
gc();
const heap0 = process.memoryUsage().heapUsed;

const clock = createManualClock();
const cpu0 = process.cpuUsage();
let t = performance.now();
const engine = createEngine({ clock, jobsPerGraph });
const first = engine.listJobs('0123456789abcdef0123456789abcdef', 'movie', { limit: 1, offset: 0 });
const seedMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
if (!first.ok) throw new Error('list failed');
gc();
const heapSeed = process.memoryUsage().heapUsed - heap0;
// CPU time counts the GC's helper threads too; on an idle machine wall time is at most about this.
console.log(`seed movie (${jobsPerGraph} jobs): ${ms(seedMs)} wall, ${ms((cpu.user + cpu.system) / 1000)} CPU, heap +${mb(heapSeed)}`);

const page = { limit: 100_000, offset: 0 };
const cpu1 = process.cpuUsage();
t = performance.now();
let list = engine.listJobs('0123456789abcdef0123456789abcdef', 'movie', page);
const firstCpu = process.cpuUsage(cpu1);
console.log(
  `first list limit=100000 (builds every job once): ${ms(performance.now() - t)} wall, ${ms((firstCpu.user + firstCpu.system) / 1000)} CPU`,
);
gc();
console.log(`heap after views: +${mb(process.memoryUsage().heapUsed - heap0)}`);

const runs = 20;
t = performance.now();
for (let i = 0; i < runs; i++) list = engine.listJobs('0123456789abcdef0123456789abcdef', 'movie', page);
console.log(`list limit=100000, mean of ${runs}: ${ms((performance.now() - t) / runs)}`);
if (!list.ok) throw new Error('list failed');
// Ours against the same data as plain parsed objects (what a bare server would stringify),
// alternating rounds so that neither pays alone for warm-up or for a GC the other caused.
const plain = JSON.parse(JSON.stringify(list.value)) as unknown;
const rounds: Record<'engine' | 'plain', number[]> = { engine: [], plain: [] };
let bytes = 0;
for (let i = 0; i < 7; i++) {
  t = performance.now();
  bytes = JSON.stringify(list.value).length;
  rounds.engine.push(performance.now() - t);
  t = performance.now();
  JSON.stringify(plain);
  rounds.plain.push(performance.now() - t);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `JSON.stringify of that page (${mb(bytes)}), median of 7: engine objects ${ms(median(rounds.engine))}, plain parsed copy ${ms(median(rounds.plain))}`,
);

t = performance.now();
for (const graph of ['social_network', 'supply_chain']) engine.listJobs('0123456789abcdef0123456789abcdef', graph, { limit: 1, offset: 0 });
console.log(`seed the two other graphs: ${ms(performance.now() - t)}`);
t = performance.now();
for (let p = 0; p < 1000; p++) engine.listJobs(`project${p}`, 'movie', { limit: 10, offset: 0 });
console.log(`1000 more projects touching movie: ${ms(performance.now() - t)}`);
gc();
console.log(`heap, 3 graphs x ${jobsPerGraph} + 1001 projects: +${mb(process.memoryUsage().heapUsed - heap0)}`);

t = performance.now();
for (let i = 0; i < 1000; i++) {
  engine.executeAlgorithm('0123456789abcdef0123456789abcdef', 'movie', '{"algorithmName":"pagerank"}', { algorithmName: 'pagerank' });
  clock.advance(10);
}
console.log(`1000 submissions at the cap (each evicts; the first also copies the list and indexes ids): ${ms(performance.now() - t)}`);
t = performance.now();
engine.state();
console.log(`state(): ${ms(performance.now() - t)}`);
