/**
 * `npx tsx bench/large-state.ts [--mb 1024] [--dir D]`: a `--state` of `--mb` MiB of request bodies
 * (1 MB submissions spread over projects, as the per-graph body budget asks), in process: how long
 * filling, a compaction into a snapshot, a restart and a clean close take, and that every job comes
 * back. Nothing here builds the whole state as one string, so the size is bounded by the disk only.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createManualClock } from '../src/clocks.js';
import type { GesApi } from '../src/http/create-api.js';
import { openStateFile, type MockStateFile } from '../src/persistence/open-state-file.js';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '1024' }, dir: { type: 'string' } } });
const megabytes = Number(values.mb);
const dir = mkdtempSync(join(values.dir ?? tmpdir(), 'ges-large-state-'));
const path = join(dir, 'state.json');
const body = JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 }, padding: 'x'.repeat(1_000_000) });
const PER_PROJECT = 48; // under the 64 Mi characters of bodies one graph keeps

function open(startMs?: number): { file: MockStateFile; api: GesApi } {
  const opened = openStateFile(path);
  if (!opened.ok) throw new Error(opened.message);
  // The budget counts bodies twice (text and parsed): room for the whole run.
  return {
    file: opened.file,
    api: opened.file.createApi({ clock: createManualClock(startMs), maxStoredBytes: 4 * megabytes * 1024 * 1024 + 2 ** 30 }),
  };
}
const count = async (api: GesApi, projects: number) => {
  let jobs = 0;
  for (let p = 0; p < projects; p++) {
    const answer = await api.handle({
      method: 'GET',
      url: `/ges/v1.0/big${p}/graphs/movie/jobs/status?limit=1`,
      headers: { 'x-auth-token': 't' },
    });
    jobs += (JSON.parse(answer.body!) as { jobCount: number }).jobCount;
  }
  return jobs;
};
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const onDisk = () => readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) / 1024 / 1024;

let t = performance.now();
const first = open();
const submissions = megabytes;
const projects = Math.ceil(submissions / PER_PROJECT);
for (let i = 0; i < submissions; i += 8) {
  await Promise.all(
    Array.from({ length: Math.min(8, submissions - i) }, async (_, k) => {
      const answer = await first.api.handle({
        method: 'POST',
        url: `/ges/v1.0/big${Math.floor((i + k) / PER_PROJECT)}/graphs/movie/action?action_id=execute-algorithm`,
        headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
        body,
      });
      if (answer.status !== 200) throw new Error(`submission ${i + k} answered ${answer.status}: ${answer.body}`);
    }),
  );
}
const expected = await count(first.api, projects);
const now = first.api.clock.now();
console.log(`filled: ${submissions} submissions of 1 MB in ${projects} projects, ${onDisk().toFixed(0)} MiB on disk, in ${seconds(t)}`);
t = performance.now();
await first.file.compact();
console.log(`compaction into a snapshot: ${seconds(t)}; FILE ${(statSync(path).size / 1024 / 1024).toFixed(0)} MiB`);
t = performance.now();
await first.file.close();
console.log(`close: ${seconds(t)}`);
t = performance.now();
const second = open(now);
const restored = await count(second.api, projects);
console.log(
  `restart: ${seconds(t)}; jobs ${restored} of ${expected}${restored === expected ? '' : ' (MISMATCH)'}; RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
);
await second.file.close();
rmSync(dir, { recursive: true, force: true });
process.exitCode = restored === expected ? 0 : 1;
