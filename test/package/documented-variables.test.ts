/**
 * Every `GES_MOCK_*` variable the README, docs/, the examples and the browser tests name is a real `ges-mock serve`
 * or `ges-mock proxy` setting: `ges-mock` warns about any other variable of that prefix in its
 * environment, so a name that only looks like one would greet the user who follows the docs with a
 * warning.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { PROXY_FLAGS } from '../../cli/proxy-flags.js';
import { SERVE_FLAGS } from '../../cli/serve-flags.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
/** docs/mock-server.md shows the warning itself, with this misspelt name. */
const DOCUMENTED_TYPO = 'GES_MOCK_PROT';

function* textFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'public') continue;
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (/\.(md|ts|html|json)$/.test(name)) yield path;
  }
}

test('the docs name no GES_MOCK_ variable that ges-mock would warn about', () => {
  // ges-mock warns about neither command's variables (proxy-flags.ts shares serve's and adds its own).
  const settings = new Set<string>([...Object.values(SERVE_FLAGS), ...Object.values(PROXY_FLAGS)].map((flag) => flag.env));
  const unknown: string[] = [];
  for (const file of [
    join(repo, 'README.md'),
    ...textFiles(join(repo, 'docs')),
    ...textFiles(join(repo, 'examples')),
    ...textFiles(join(repo, 'test', 'e2e')),
  ]) {
    for (const [name] of readFileSync(file, 'utf8').matchAll(/\bGES_MOCK_[A-Z0-9_]*[A-Z0-9]\b/g)) {
      if (!settings.has(name) && name !== DOCUMENTED_TYPO) unknown.push(`${relative(repo, file)}: ${name}`);
    }
  }
  expect(unknown).toEqual([]);
});
