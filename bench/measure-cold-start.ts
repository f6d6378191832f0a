/**
 * Cold start as a user meets it: `npm pack`, `npm install <tarball>` into an empty project, then
 * `ges-mock serve --port 0` from that install, timed from the spawn to the first 200 on the small
 * page, in fresh processes, beside `node -e 0` (Node's own start on this machine, measured in the
 * same rounds so that a loaded machine slows both alike). Writes its section of bench/RESULTS.md
 * (`<!-- cold-start:... -->`) unless `--no-write`.
 * Run: `npm run measure:cold-start [-- --rounds N] [--keep] [--install DIR]` (`--keep` leaves the
 * install in place and prints where; `--install DIR` reuses it). Target: the median at most 300 ms.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_HEADERS, listJobsPath } from './bench-target.js';
import { median } from './lib/median.js';
import { replaceMarkedSection } from './lib/replace-marked-section.js';

const TARGET_MS = 300;
const RESULTS_MD = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    install: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds ?? 7);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

function install(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ges-cold-start-'));
  execFileSync('npm', ['pack', '--pack-destination', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
  writeFileSync(join(dir, 'package.json'), '{"name":"cold-start-probe","private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

/** Milliseconds from spawning `ges-mock serve --port 0` to its first 200 on the small page. */
async function firstAnswerMs(dir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(dir, 'node_modules/ges-jobs-kit/bin/ges-mock.js'), 'serve', '--port', '0'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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
  if (!values['no-write']) {
    const met = median(serve) <= TARGET_MS;
    const section = [
      '<!-- cold-start:start -->',
      '## Cold start (installed package)',
      '',
      `\`npm run measure:cold-start -- --rounds ${rounds}\` (bench/measure-cold-start.ts): \`npm pack\`, the tarball installed into an empty project, then`,
      '`ges-mock serve --port 0` (request log on, as by default) from that install, timed from the spawn to the first 200 on the small page, in a fresh process each round',
      `(after one unmeasured start), beside \`node -e 0\` in the same rounds. Measured ${new Date().toISOString()} on Node ${process.version}.`,
      '',
      '| | median | rounds |',
      '|---|---|---|',
      `| ges-mock serve to first 200 | ${Math.round(median(serve))} ms | ${show(serve)} |`,
      `| node -e 0 (Node's own start) | ${Math.round(median(node))} ms | ${show(node)} |`,
      '',
      `Target ≤ ${TARGET_MS} ms: **${met ? 'met' : 'missed'}**; ${Math.round(median(serve) - median(node))} ms above Node's own start.`,
      '<!-- cold-start:end -->',
    ].join('\n');
    writeFileSync(
      RESULTS_MD,
      replaceMarkedSection(existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '# Benchmark results\n', 'cold-start', section),
    );
    console.log('wrote the cold-start section of bench/RESULTS.md');
  }
} finally {
  if (!values.install && !values.keep) rmSync(dir, { recursive: true, force: true });
}
