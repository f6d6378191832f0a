/**
 * The docs-as-tests extractor (scripts/check-docs.ts): which fenced blocks become modules to
 * typecheck, which README blocks are run as test files, which shell blocks are CI recipes. The
 * typecheck and the runs themselves happen in `npm run test:consumer`, against the packed package.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  ciRecipes,
  docFiles,
  fencedBlocks,
  isTestFileBlock,
  recipeReadyFile,
  shellLines,
  UNHANDLED_CHECK,
  writeDocBlocks,
} from '../../scripts/check-docs.js';

const markdown = [
  '# A page',
  '```ts',
  "import { createApi } from 'ges-jobs-kit';",
  '```',
  '1. A step:',
  '',
  '   ```typescript',
  '   const indented = 1;',
  '   ```',
  '```ts nocheck',
  'renderApp();',
  '```',
  '```sh',
  'npx ges-mock serve --port 0   # a comment',
  '```',
  '```js',
  'ignored();',
  '```',
].join('\n');

describe('the docs extractor', () => {
  test('takes ts and typescript blocks, indented ones unindented, and marks `nocheck` ones', () => {
    const blocks = fencedBlocks(markdown, 'page.md', ['ts', 'typescript']);
    expect(blocks.map(({ line, code, nocheck }) => ({ line, code, nocheck }))).toEqual([
      { line: 2, code: "import { createApi } from 'ges-jobs-kit';", nocheck: false },
      { line: 7, code: 'const indented = 1;', nocheck: false },
      { line: 10, code: 'renderApp();', nocheck: true },
    ]);
  });

  test('reads shell lines by prefix, without their comments', () => {
    expect(shellLines(markdown, 'npx ges-mock serve')).toEqual(['npx ges-mock serve --port 0']);
  });

  test('runs a README block whose first line names a test file, and adds the unhandled-request check where it sets the option', () => {
    const repo = mkdtempSync(join(tmpdir(), 'ges-check-docs-'));
    try {
      const fence = '```';
      writeFileSync(
        join(repo, 'README.md'),
        [
          `${fence}ts`,
          '// test/jobs.test.ts',
          "beforeAll(() => server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' }));",
          fence,
          `${fence}ts`,
          '// test/contract.test.ts',
          'defineContractTests({});',
          fence,
          `${fence}ts`,
          "import { createApi } from 'ges-jobs-kit';",
          fence,
        ].join('\n'),
      );
      mkdirSync(join(repo, 'docs'));
      writeFileSync(join(repo, 'docs', 'page.md'), `${fence}ts\n// test/not-run.test.ts\nconst x = 1;\n${fence}\n`);
      const written = writeDocBlocks(repo, join(repo, 'out', 'blocks'), join(repo, 'out', 'tests'));
      expect(written).toMatchObject({ written: ['readme-L9.ts', 'page-L1.ts'], tests: ['readme-L1.test.ts', 'readme-L5.test.ts'] });
      expect(readFileSync(join(repo, 'out', 'tests', 'readme-L1.test.ts'), 'utf8')).toContain(UNHANDLED_CHECK);
      expect(readFileSync(join(repo, 'out', 'tests', 'readme-L5.test.ts'), 'utf8')).not.toContain(UNHANDLED_CHECK);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('takes the shell blocks that wait for a ready file as CI recipes, and finds the file they name', () => {
    const fence = '```';
    const page = [
      `${fence}sh`,
      'npx ges-mock serve -p 0 --ready-file mock.json',
      fence,
      `${fence}sh`,
      'rm -f .ges-mock.json',
      'npx ges-mock serve --port 0 --ready-file .ges-mock.json &',
      "timeout 30 sh -c 'until [ -s .ges-mock.json ]; do sleep 0.1; done'",
      fence,
      `${fence}sh`,
      'export GES_MOCK_READY_FILE=$RUNNER_TEMP/ges-mock.json',
      'timeout 30 sh -c \'until [ -s "$GES_MOCK_READY_FILE" ]; do sleep 0.1; done\'',
      fence,
    ].join('\n');
    const recipes = ciRecipes(page, 'page.md');
    expect(recipes.map((block) => block.line)).toEqual([4, 9]);
    expect(recipes.map((block) => recipeReadyFile(block.code, '/runner'))).toEqual(['.ges-mock.json', '/runner/ges-mock.json']);
  });

  test('finds the CI recipes of README.md and docs/mock-server.md, each removing its ready file before starting the mock', () => {
    const repo = new URL('../../', import.meta.url).pathname;
    const recipes = ['README.md', 'docs/mock-server.md'].flatMap((file) => ciRecipes(readFileSync(join(repo, file), 'utf8'), file));
    expect(recipes.length).toBeGreaterThanOrEqual(3);
    for (const recipe of recipes) {
      const lines = recipe.code.split('\n');
      const removed = lines.findIndex((line) => line.startsWith('rm -f '));
      const started = lines.findIndex((line) => line.startsWith('npx ges-mock serve'));
      expect(removed, `${recipe.file}:${recipe.line}`).toBeGreaterThanOrEqual(0);
      expect(removed, `${recipe.file}:${recipe.line}`).toBeLessThan(started);
    }
  });

  test('runs no docs/ block, whatever its first line says', () => {
    expect(isTestFileBlock({ file: '/r/docs/page.md', line: 1, code: '// test/a.test.ts', nocheck: false })).toBe(false);
    expect(isTestFileBlock({ file: '/r/README.md', line: 1, code: '// test/a.test.ts\nx();', nocheck: false })).toBe(true);
    expect(isTestFileBlock({ file: '/r/README.md', line: 1, code: '// src/mocks.ts', nocheck: false })).toBe(false);
  });

  test('covers README.md and every page of docs/', () => {
    const repo = new URL('../../', import.meta.url).pathname;
    const files = docFiles(repo).map((file) => file.slice(repo.length).replace(/^\//, ''));
    expect(files[0]).toBe('README.md');
    expect(files).toContain('docs/frontend.md');
  });

  test('finds TypeScript in the README and no repository-path import in any checked block', async () => {
    const { readFileSync } = await import('node:fs');
    const repo = new URL('../../', import.meta.url).pathname;
    const blocks = docFiles(repo).flatMap((file) => fencedBlocks(readFileSync(file, 'utf8'), file, ['ts', 'typescript']));
    expect(blocks.filter((block) => block.file.endsWith('README.md')).length).toBeGreaterThan(0);
    const repoImports = blocks.filter((block) => !block.nocheck && /from '\.{1,2}\//.test(block.code));
    expect(repoImports.map((block) => `${block.file}:${block.line}`)).toEqual([]);
  });
});
