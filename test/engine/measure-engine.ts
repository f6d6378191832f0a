/**
 * Measures the engine at scale: seeding 100k jobs per graph (time, heap) and listing 100k jobs
 * (engine time and JSON.stringify time). Not a test: speed is for benchmarks.
 * Run: node --expose-gc --import tsx test/engine/measure-engine.ts [jobsPerGraph]
 */
import { createEngine } from '../../src/engine/create-engine.js';
import { createManualClock } from '../../src/engine/manual-clock.js';

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
t = performance.now();
let list = engine.listJobs('0123456789abcdef0123456789abcdef', 'movie', page);
console.log(`first list limit=100000 (builds frozen views): ${ms(performance.now() - t)}`);
gc();
console.log(`heap after views: +${mb(process.memoryUsage().heapUsed - heap0)}`);

const runs = 20;
t = performance.now();
for (let i = 0; i < runs; i++) list = engine.listJobs('0123456789abcdef0123456789abcdef', 'movie', page);
console.log(`list limit=100000, mean of ${runs}: ${ms((performance.now() - t) / runs)}`);
if (!list.ok) throw new Error('list failed');
t = performance.now();
let bytes = 0;
for (let i = 0; i < 5; i++) bytes = JSON.stringify(list.value).length;
console.log(`JSON.stringify of that page, mean of 5: ${ms((performance.now() - t) / 5)} (${mb(bytes)})`);
const plain = JSON.parse(JSON.stringify(list.value)) as unknown;
t = performance.now();
for (let i = 0; i < 5; i++) JSON.stringify(plain);
console.log(`JSON.stringify of the same data as plain parsed objects (a bare server's cost): ${ms((performance.now() - t) / 5)}`);

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
console.log(`1000 submissions at the cap (each evicts): ${ms(performance.now() - t)}`);
t = performance.now();
engine.state();
console.log(`state(): ${ms(performance.now() - t)}`);
