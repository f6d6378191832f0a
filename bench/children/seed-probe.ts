/**
 * Seeding cost, isolated: in a fresh `node --expose-gc` process, the time and the heap it takes to
 * create an engine and force its lazy seeding of one graph (`--jobs N`) with a first listJobs.
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../../src/engine/create-engine.js';
import { runChild } from '../lib/child-channel.js';
import { BENCH_PROJECT } from '../bench-target.js';

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('seed-probe must run under node --expose-gc');
  // twice: the first pass can leave finalised objects for the second
  gc();
  gc();
}

runChild('result', async () => {
  const { values } = parseArgs({ options: { jobs: { type: 'string' } } });
  const jobs = Number(values.jobs ?? 100_000);
  collect();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const engine = createEngine({ graphs: ['movie'], jobsPerGraph: jobs });
  const listed = engine.listJobs(BENCH_PROJECT, 'movie', { limit: 1, offset: 0 });
  const seedMs = performance.now() - started;
  collect();
  const heapBytes = process.memoryUsage().heapUsed - before;
  if (!listed.ok) throw new Error(`listJobs failed: ${JSON.stringify(listed.error)}`);
  if (listed.value.jobCount !== jobs) throw new Error(`seeded ${listed.value.jobCount} jobs, expected ${jobs}`);
  // the engine must still be alive when the heap is read, or the delta would measure nothing
  const stillHeld = engine.state().graphs.length;
  return { answer: { jobs, seedMs, heapBytes, graphsHeld: stillHeld } };
});
