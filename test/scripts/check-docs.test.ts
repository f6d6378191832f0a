/**
 * The docs-as-tests extractor (scripts/check-docs.ts): which fenced blocks become modules to
 * typecheck. The typecheck itself runs in `npm run test:consumer`, against the packed package.
 */
import { describe, expect, test } from 'vitest';
import { docFiles, fencedBlocks, shellLines } from '../../scripts/check-docs.js';

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
