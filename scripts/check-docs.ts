/**
 * Docs are tests. Every ```ts / ```typescript block of README.md and docs/*.md becomes a module of a
 * project that has the packed kit installed (scripts/test-consumer.ts builds that project), so the
 * blocks are typechecked exactly as a user would paste them: imports by package name, `tsc --init`
 * defaults. A block whose info string says `nocheck` (```ts nocheck) is skipped and counted.
 * README's shell examples that start the mock and talk to it are run there too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

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

/** Writes each checked block as `<dir>/<doc>-L<line>.ts`; answers how many were written and skipped. */
export function writeDocBlocks(repo: string, dir: string): { written: string[]; skipped: DocBlock[] } {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const skipped: DocBlock[] = [];
  for (const file of docFiles(repo)) {
    for (const block of fencedBlocks(readFileSync(file, 'utf8'), file, ['ts', 'typescript'])) {
      if (block.nocheck) {
        skipped.push(block);
        continue;
      }
      const name = `${basename(file, '.md').toLowerCase()}-L${block.line}.ts`;
      // `export {}` makes every block a module even when it imports nothing.
      writeFileSync(join(dir, name), `${block.code}\nexport {};\n`);
      written.push(name);
    }
  }
  return { written, skipped };
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
