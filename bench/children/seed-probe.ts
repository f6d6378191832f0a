/**
 * Seeding cost, isolated: in a fresh `node --expose-gc` process, the time and the heap it takes to
 * create an engine with one graph of `--jobs N` jobs and read them. The engine seeds lazily at two
 * levels (the graph's layout on first touch, each job on its first read), so two figures:
 * - first touch: createEngine + listJobs(limit 1), what every request of a fresh project pays once;
 * - every job: the above, then listJobs(limit N), so that all N jobs exist: what "seeding N jobs" means.
 * Time is summed over the engine calls only; heap is heapUsed after gc() against before createEngine.
 */
import { parseArgs } from 'node:util';
import { createSystemClock } from '../../src/clocks.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { BENCH_PROJECT } from '../bench-target.js';
import { runChild } from '../lib/child-channel.js';

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('seed-probe must run under node --expose-gc');
  // twice: the first pass can leave finalised objects for the second
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

runChild('result', async () => {
  const { values } = parseArgs({ options: { jobs: { type: 'string' } } });
  const jobs = Number(values.jobs ?? 100_000);
  const before = heapAfterGc();

  let started = performance.now();
  const engine = createEngine({ clock: createSystemClock(), graphs: ['movie'], jobsPerGraph: jobs });
  const first = engine.listJobs(BENCH_PROJECT, 'movie', { limit: 1, offset: 0 });
  const firstTouchMs = performance.now() - started;
  if (!first.ok) throw new Error(`listJobs failed: ${JSON.stringify(first.error)}`);
  if (first.value.jobCount !== jobs) throw new Error(`seeded ${first.value.jobCount} jobs, expected ${jobs}`);
  const firstTouchHeapBytes = heapAfterGc() - before;

  started = performance.now();
  const all = engine.listJobs(BENCH_PROJECT, 'movie', { limit: jobs, offset: 0 });
  const seedMs = firstTouchMs + (performance.now() - started);
  if (!all.ok || all.value.jobs.length !== jobs)
    throw new Error(`listing every job returned ${all.ok ? all.value.jobs.length : 'an error'}`);
  const heapBytes = heapAfterGc() - before;
  // the engine must still be alive when the heap is read, or the delta would measure nothing
  const graphsHeld = engine.state().graphs.length;
  return { answer: { jobs, seedMs, heapBytes, firstTouchMs, firstTouchHeapBytes, graphsHeld } };
});
