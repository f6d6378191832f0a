/**
 * What one `serve --state` write costs as the state grows, side by side: the journal (one line per
 * change, group commit) and the whole-snapshot write the mock did before it (api.snapshot(), one JSON
 * string, temp file + fsync + rename). In process, on the disk of `--dir` (default the OS tmpdir).
 * Run: `npm run measure:state -- [--projects 10,100,1000] [--per-project 10] [--seconds 2] [--dir D]`
 * (`--projects 10,100,1000,10000` for the whole curve). Prints figures; judges nothing.
 */
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApi, type GesApi } from '../src/http/create-api.js';
import { openStateFile, type MockStateFile } from '../src/persistence/open-state-file.js';
import { toStateFileText } from '../src/persistence/state-file-format.js';
import { writeFileAtomically } from '../src/persistence/write-file-atomically.js';
import { quantile } from './lib/median.js';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '10,100,1000' },
    'per-project': { type: 'string', default: '10' },
    seconds: { type: 'string', default: '2' },
    dir: { type: 'string' },
  },
});
const sizes = values.projects.split(',').map(Number);
const perProject = Number(values['per-project']);
const seconds = Number(values.seconds);
const BODY = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';

const submit = (api: GesApi, project: string) =>
  api.handle({
    method: 'POST',
    url: `/ges/v1.0/${project}/graphs/movie/action?action_id=execute-algorithm`,
    headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
    body: BODY,
  });

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const directorySize = (dir: string) => readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

function open(path: string): { file: MockStateFile; api: GesApi; ms: number } {
  const started = performance.now();
  const opened = openStateFile(path);
  if (!opened.ok) throw new Error(opened.message);
  const api = opened.file.createApi({ speed: 0 });
  return { file: opened.file, api, ms: performance.now() - started };
}

/** `clients` submitters back to back for `seconds`: answers per second and their latencies. */
async function load(api: GesApi, projects: number, clients: number): Promise<{ perSecond: number; latencies: number[] }> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const answer = await submit(api, `p${next++ % projects}`);
        if (answer.status !== 200) throw new Error(`submission answered ${answer.status}: ${answer.body}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { perSecond: latencies.length / seconds, latencies };
}

const root = mkdtempSync(join(values.dir ?? tmpdir(), 'ges-state-bench-'));
console.log(`${perProject} submissions per writing project, in ${root}; load runs ${seconds} s each`);
console.log(
  'projects | state on disk | journal: 1 client p50 / p99 | 20 clients: writes/s, p99 | without --state: 20 clients writes/s, p99 | whole snapshot: one write p50 (file) | restart: journal / after compaction',
);
for (const projects of sizes) {
  const dir = join(root, String(projects));
  rmSync(dir, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  const path = join(dir, 'state.json');
  const { file, api } = open(path);
  // Filling: 64 at a time, so the journal's group commit shares the flushes.
  const total = projects * perProject;
  for (let done = 0; done < total; done += 64) {
    await Promise.all(Array.from({ length: Math.min(64, total - done) }, (_, i) => submit(api, `p${(done + i) % projects}`)));
  }
  const single = await load(api, projects, 1);
  const twenty = await load(api, projects, 20);
  // The same load on the same state, in memory only.
  const bare = createApi({ speed: 0 });
  for (let done = 0; done < total; done += 64) {
    await Promise.all(Array.from({ length: Math.min(64, total - done) }, (_, i) => submit(bare, `p${(done + i) % projects}`)));
  }
  const memoryOnly = await load(bare, projects, 20);

  // The whole-snapshot write of before, on the same state: a few rounds (it is slow at size).
  const rounds = projects >= 1000 ? 3 : 20;
  const whole: number[] = [];
  const snapshotPath = join(dir, 'whole-snapshot.json');
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    writeFileAtomically(snapshotPath, toStateFileText(api.snapshot(), Date.now()));
    whole.push(performance.now() - started);
  }
  const wholeBytes = statSync(snapshotPath).size;
  rmSync(snapshotPath);
  await file.close();
  const stored = directorySize(dir);

  const replayed = open(path);
  await replayed.file.compact();
  await replayed.file.close();
  const compacted = open(path);
  await compacted.file.close();

  console.log(
    [
      projects.toLocaleString('en'),
      mib(stored),
      `${ms(quantile(single.latencies, 0.5))} / ${ms(quantile(single.latencies, 0.99))} ms`,
      `${twenty.perSecond.toFixed(0)}/s, ${ms(quantile(twenty.latencies, 0.99))} ms`,
      `${memoryOnly.perSecond.toFixed(0)}/s, ${ms(quantile(memoryOnly.latencies, 0.99))} ms`,
      `${ms(quantile(whole, 0.5))} ms (${mib(wholeBytes)})`,
      `${ms(replayed.ms)} / ${ms(compacted.ms)} ms`,
    ].join(' | '),
  );
}
rmSync(root, { recursive: true, force: true });
