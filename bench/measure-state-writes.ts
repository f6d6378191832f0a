/**
 * What one `serve --state` save costs: api.snapshot(), the state file's text, and the durable
 * atomic write (temp file, fsync, rename, directory fsync), for a typical shared-mock state.
 * Run: `npx tsx bench/measure-state-writes.ts [changedProjects] [submissionsPerProject]`.
 * Prints figures; judges nothing.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock } from '../src/clocks.js';
import { createApi } from '../src/http/create-api.js';
import { toStateFileText } from '../src/persistence/state-file-format.js';
import { writeFileAtomically } from '../src/persistence/write-file-atomically.js';

const projects = Number(process.argv[2] ?? 10);
const perProject = Number(process.argv[3] ?? 10);
const ROUNDS = 200;

const api = createApi({ clock: createManualClock() });
for (let p = 0; p < projects; p++) {
  for (let i = 0; i < perProject; i++) {
    await api.handle({
      method: 'POST',
      url: `/ges/v1.0/project${p}/graphs/movie/action?action_id=execute-algorithm`,
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
    });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ges-state-bench-'));
const path = join(dir, 'state.json');
const phases = { snapshot: [] as number[], text: [] as number[], write: [] as number[], total: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  const t0 = performance.now();
  const document = api.snapshot();
  const t1 = performance.now();
  const text = toStateFileText(document, Date.now());
  const t2 = performance.now();
  writeFileAtomically(path, text);
  const t3 = performance.now();
  phases.snapshot.push(t1 - t0);
  phases.text.push(t2 - t1);
  phases.write.push(t3 - t2);
  phases.total.push(t3 - t0);
}
const size = statSync(path).size;
rmSync(dir, { recursive: true, force: true });

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
console.log(`state: 3 seeded graphs x 60 jobs + ${projects} changed projects x ${perProject} submissions; file ${(size / 1024).toFixed(0)} KiB; ${ROUNDS} saves in ${tmpdir()}`);
for (const [name, values] of Object.entries(phases)) {
  console.log(`${name.padEnd(9)} median ${quantile(values, 0.5).toFixed(2)} ms   p95 ${quantile(values, 0.95).toFixed(2)} ms`);
}
