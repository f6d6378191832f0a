/**
 * Cold start as a user meets it: `npm pack`, `npm install <tarball>` into an empty project, then
 * `ges-mock serve --port 0` from that install, timed from the spawn to the first 200 on the small
 * page, in fresh processes, beside `node -e 0` (Node's own start on this machine, measured in the
 * same rounds so that a loaded machine slows both alike).
 * Run: `npm run measure:cold-start [-- --rounds N] [--keep] [--install DIR]` (`--keep` leaves the
 * install in place and prints where; `--install DIR` reuses it). Prints figures; judges nothing (the target lives in bench/RESULTS.md's notes).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_HEADERS, listJobsPath } from './bench-target.js';
import { median } from './lib/median.js';

const { values } = parseArgs({ options: { rounds: { type: 'string' }, install: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const rounds = Number(values.rounds ?? 7);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

function install(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ges-cold-start-'));
  execFileSync('npm', ['pack', '--pack-destination', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
  writeFileSync(join(dir, 'package.json'), '{"name":"cold-start-probe","private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

/** Milliseconds from spawning `ges-mock serve --port 0` to its first 200 on the small page. */
async function firstAnswerMs(dir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(dir, 'node_modules/ges-jobs-kit/bin/ges-mock.js'), 'serve', '--port', '0', '--quiet'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`ges-mock exited with ${code} before listening:\n${output}`)));
    });
    for (;;) {
      const response = await fetch(url + listJobsPath(3, 0), { headers: BENCH_HEADERS });
      await response.text();
      if (response.status === 200) return performance.now() - started;
    }
  } finally {
    child.kill();
  }
}

/** Milliseconds of `node -e 0`: the floor no package can go under. */
function nodeAloneMs(): number {
  const started = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  return performance.now() - started;
}

const dir = values.install ?? install();
try {
  await firstAnswerMs(dir); // one unmeasured start: the disk cache, as a user's second start has it
  const serve: number[] = [];
  const node: number[] = [];
  for (let round = 0; round < rounds; round++) {
    serve.push(await firstAnswerMs(dir));
    node.push(nodeAloneMs());
  }
  const show = (list: number[]) => list.map((ms) => Math.round(ms)).join(', ');
  console.log(`cold start, installed package (${dir}), ${rounds} rounds, Node ${process.version}`);
  console.log(`ges-mock serve to first 200: median ${Math.round(median(serve))} ms  (${show(serve)})`);
  console.log(`node -e 0:                   median ${Math.round(median(node))} ms  (${show(node)})`);
} finally {
  if (!values.install && !values.keep) rmSync(dir, { recursive: true, force: true });
}
