/**
 * Docs are tests. Every ```ts / ```typescript block of README.md and docs/*.md becomes a module of a
 * project that has the packed kit installed (scripts/test-consumer.ts builds that project), so the
 * blocks are typechecked exactly as a user would paste them: imports by package name, `tsc --init`
 * defaults. A block whose info string says `nocheck` (```ts nocheck) is skipped and counted.
 * README's blocks that are test files (their first line names a `*.test.ts`) are run there as they
 * are, by vitest, with one check added where they pass MSW's unhandled-request option: that a request
 * no handler answers fails. README's shell examples that start the mock and talk to it are run there
 * too, and the CI recipes of README.md and docs/ (`sh -e`, after a stale ready file is planted).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join, resolve as resolvePath } from 'node:path';

/** One fenced TypeScript block. */
export interface DocBlock {
  file: string;
  line: number;
  code: string;
  nocheck: boolean;
}

/** The markdown files whose blocks are checked: README.md and docs/*.md. */
export function docFiles(repo: string): string[] {
  const docs = readdirSync(join(repo, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(repo, 'docs', name));
  return [join(repo, 'README.md'), ...docs];
}

/** The fenced blocks of one markdown text whose language is one of `languages`. */
export function fencedBlocks(text: string, file: string, languages: readonly string[]): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)(`{3,})\s*([\w-]+)?\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '```', language = '', rest = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[j]!)) {
      body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!);
      j += 1;
    }
    if (languages.includes(language)) {
      blocks.push({ file, line: i + 1, code: body.join('\n'), nocheck: /\bnocheck\b/.test(rest) });
    }
    i = j;
  }
  return blocks;
}

/** A README block that is a whole test file: its first line is a comment naming a `*.test.ts` file. */
export const isTestFileBlock = (block: DocBlock): boolean =>
  basename(block.file) === 'README.md' && /^\/\/\s*\S+\.test\.ts\b/.test(block.code.split('\n', 1)[0] ?? '');

/** A block that sets what MSW does with a request no handler answers (msw 2's and msw 3's option names). */
const setsUnhandled = (code: string): boolean => /\bonUnhandled(Request|Frame)\b/.test(code);

/**
 * Added to a runnable block that sets the unhandled-request option: with the block's own options, a
 * request no handler answers must fail, not reach the network (here: a server on port 0 that would
 * answer it). Its names cannot meet the block's.
 */
export const UNHANDLED_CHECK = `
// Added by scripts/check-docs.ts: with the options above, a request no handler answers is an error.
import { createServer as createUnansweredTarget } from 'node:http';
import type { AddressInfo as UnansweredTargetAddress } from 'node:net';
import { expect as expectUnanswered, test as testUnanswered } from 'vitest';

testUnanswered('docs check: a request no handler answers fails instead of reaching the network', async () => {
  const target = createUnansweredTarget((_request, response) => response.end('reached'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const { port } = target.address() as UnansweredTargetAddress;
  try {
    await expectUnanswered(fetch(\`http://127.0.0.1:\${port}/no-handler\`)).rejects.toThrow();
  } finally {
    target.close();
  }
});
`;

/**
 * Writes each checked block as `<dir>/<doc>-L<line>.ts`, and each README test-file block as
 * `<testDir>/readme-L<line>.test.ts` (with UNHANDLED_CHECK where it applies), to be run as well as
 * typechecked. Answers what was written and skipped.
 */
export function writeDocBlocks(repo: string, dir: string, testDir: string): { written: string[]; tests: string[]; skipped: DocBlock[] } {
  mkdirSync(dir, { recursive: true });
  mkdirSync(testDir, { recursive: true });
  const written: string[] = [];
  const tests: string[] = [];
  const skipped: DocBlock[] = [];
  for (const file of docFiles(repo)) {
    for (const block of fencedBlocks(readFileSync(file, 'utf8'), file, ['ts', 'typescript'])) {
      if (block.nocheck) {
        skipped.push(block);
        continue;
      }
      const name = `${basename(file, '.md').toLowerCase()}-L${block.line}`;
      if (isTestFileBlock(block)) {
        writeFileSync(join(testDir, `${name}.test.ts`), `${block.code}\n${setsUnhandled(block.code) ? UNHANDLED_CHECK : ''}`);
        tests.push(`${name}.test.ts`);
        continue;
      }
      // `export {}` makes every block a module even when it imports nothing.
      writeFileSync(join(dir, `${name}.ts`), `${block.code}\nexport {};\n`);
      written.push(`${name}.ts`);
    }
  }
  return { written, tests, skipped };
}

/** The README's shell lines that start with `prefix` (comments after `#` dropped). */
export function shellLines(readme: string, prefix: string): string[] {
  return fencedBlocks(readme, 'README.md', ['sh', 'bash', 'shell'])
    .flatMap((block) => block.code.split('\n'))
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line.startsWith(prefix));
}

/**
 * Runs the README's shell examples in `project` (which has the kit installed): the first
 * `npx ges-mock serve --port 0 …` line, then every `curl` and `npx ges-contract` line aimed at the
 * default address (with the address the mock printed put in its place). Lines with placeholders
 * (`<…>`) or shell variables are skipped. Answers what ran, or throws on the first failure.
 */
export async function runReadmeShell(repo: string, project: string, log: (line: string) => void): Promise<string[]> {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const serve = shellLines(readme, 'npx ges-mock serve').find((line) => /--port 0\b/.test(line));
  if (!serve) throw new Error('README.md has no `npx ges-mock serve --port 0 ...` example to run');
  // Its own process group, so stopping it stops npx and the server under it.
  const child = spawn('bash', ['-c', serve], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const ran = [serve];
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (found) resolve(found[0]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`${serve} exited ${code} before printing its URL:\n${output}`)));
    });
    log(`docs: ${serve} -> ${url}`);
    const runnable = (line: string) => line.includes('http://127.0.0.1:4010') && !/[<$]/.test(line);
    const followUps = [...shellLines(readme, 'curl '), ...shellLines(readme, 'npx ges-contract ')].filter(runnable);
    if (followUps.length === 0) throw new Error('README.md has no runnable curl or ges-contract example aimed at http://127.0.0.1:4010');
    for (const line of followUps) {
      const command = line.replaceAll('http://127.0.0.1:4010', url);
      const result = spawnSync('bash', ['-c', command], { cwd: project, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`README example failed (exit ${result.status}): ${line}\n${result.stdout}${result.stderr}`);
      if (result.stdout.trim() === '') throw new Error(`README example printed nothing: ${line}`);
      if (result.stdout.startsWith('{')) JSON.parse(result.stdout); // a JSON answer must be whole
      log(`docs: ok  ${line}`);
      ran.push(line);
    }
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  }
  return ran;
}

/** The shell blocks that wait for a ready file (`until [ -s …`): the CI recipes. */
export function ciRecipes(markdown: string, file: string): DocBlock[] {
  return fencedBlocks(markdown, file, ['sh', 'bash', 'shell']).filter((block) => /\buntil \[ -s /.test(block.code));
}

/** The ready file a CI recipe names (`--ready-file F` or `GES_MOCK_READY_FILE=F`), `$RUNNER_TEMP` put as `runnerTemp`. */
export function recipeReadyFile(code: string, runnerTemp: string): string {
  const named = /(?:--ready-file\s+|GES_MOCK_READY_FILE=)(\S+)/.exec(code)?.[1];
  if (named === undefined) throw new Error(`a CI recipe without --ready-file or GES_MOCK_READY_FILE:\n${code}`);
  return named.replace(/^["']|["']$/g, '').replace(/\$\{?RUNNER_TEMP\}?/, runnerTemp);
}

/** `npm test` and `npm run contract` in a recipe's folder: the address it was given must answer. */
const RECIPE_PROBE = `import { writeFileSync } from 'node:fs';
const url = process.env.GES_BASE_URL ?? '';
writeFileSync('probe-url.txt', url);
const answer = await fetch(url + '/__mock/state');
if (!answer.ok) throw new Error('GES_BASE_URL ' + url + ' answered ' + answer.status);
`;

/** A pid that no process has and a port that nothing listens on: what a ready file of a killed run names. */
async function deadServer(): Promise<{ pid: number; port: number }> {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { pid, port };
}

/**
 * Runs a CI recipe as a CI step does (`sh -e`, as written) in a new folder of `project` (which has
 * the kit installed), after planting the ready file a killed run leaves (a dead pid and port). Its
 * `npm test` and `npm run contract` are a probe that records GES_BASE_URL and fails unless it
 * answers. Throws unless the recipe exits 0, the probe reached a live mock (not the planted
 * address), and the mock stopped and removed its ready file. Answers the address the tests got.
 */
export async function runCiRecipe(block: DocBlock, project: string): Promise<string> {
  const dir = mkdtempSync(join(project, 'ci-recipe-'));
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ private: true, scripts: { test: 'node probe.mjs', contract: 'node probe.mjs' } })}\n`,
  );
  writeFileSync(join(dir, 'probe.mjs'), RECIPE_PROBE);
  const readyFile = resolvePath(dir, recipeReadyFile(block.code, dir));
  const dead = await deadServer();
  const staleUrl = `http://127.0.0.1:${dead.port}`;
  writeFileSync(readyFile, `${JSON.stringify({ url: staleUrl, port: dead.port, pid: dead.pid })}\n`);
  // Its own process group: whatever the recipe leaves running is stopped with it.
  const child = spawn('sh', ['-ec', block.code], { cwd: dir, env: { ...process.env, RUNNER_TEMP: dir }, detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is empty: the recipe stopped everything it started
  }
  const where = `${block.file}:${block.line}`;
  const probed = existsSync(join(dir, 'probe-url.txt')) ? readFileSync(join(dir, 'probe-url.txt'), 'utf8') : undefined;
  if (code !== 0) throw new Error(`the CI recipe of ${where} exited ${code} (the tests were given ${probed ?? 'nothing'}):\n${output}`);
  if (probed === undefined || probed === staleUrl)
    throw new Error(`the CI recipe of ${where} gave the tests ${probed ?? 'nothing'}, the planted stale address`);
  if (existsSync(readyFile)) throw new Error(`the CI recipe of ${where} left its ready file ${readyFile} behind`);
  return probed;
}
