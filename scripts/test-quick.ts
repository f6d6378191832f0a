/**
 * `npm run test:quick`: the inner loop, well under the full `npm test`. Typechecks everything, then
 * runs the unit tests of the layers you changed: each changed file names its layer (src/<layer>/,
 * cli/, mocks/, contracts/, test/<layer>/), and a layer's tests are test/<layer>/ plus the tests
 * beside its sources. Changed means against HEAD (uncommitted and untracked files) unless
 * `--base <ref>` says otherwise (e.g. `npm run test:quick -- --base main` for a whole branch).
 * Nothing changed: the typecheck alone. Exit code: the first failing step's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Source folders whose tests live under another name. */
const TEST_FOLDER_OF: Readonly<Record<string, string>> = { mocks: 'msw', generated: 'spec', e2e: '', consumer: '', support: '' };

/** The test folders (and beside-the-source folders) that cover the changed `files`. */
export function testTargetsOf(files: readonly string[], exists: (path: string) => boolean = existsSync): string[] {
  const targets = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    const [top, second] = parts;
    // src/index.ts, types.ts, clocks.ts are the engine's entry and shapes.
    const layer = top === 'src' ? (parts.length > 2 ? second! : 'engine') : top === 'test' && parts.length > 2 ? second! : top!;
    const folder = TEST_FOLDER_OF[layer] ?? layer;
    if (folder !== '' && exists(`test/${folder}`)) targets.add(`test/${folder}/`);
    if (top === 'src' && parts.length > 2 && exists(`src/${layer}`)) targets.add(`src/${layer}/`);
  }
  return [...targets].sort();
}

function changedFiles(base: string): string[] {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
  return [...new Set([...git('diff', '--name-only', base), ...git('ls-files', '--others', '--exclude-standard')])];
}

function step(command: string, args: readonly string[]): void {
  process.stdout.write(`test:quick: ${command} ${args.join(' ')}\n`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

if (process.argv[1]?.endsWith('test-quick.ts')) {
  const at = process.argv.indexOf('--base');
  const base = at === -1 ? 'HEAD' : (process.argv[at + 1] ?? 'HEAD');
  const targets = testTargetsOf(changedFiles(base).filter((file) => existsSync(file)));
  step('npx', ['tsc', '--noEmit']);
  if (targets.length === 0) process.stdout.write(`test:quick: no layer changed against ${base}; typecheck only\n`);
  else step('npx', ['vitest', 'run', ...targets]);
}
