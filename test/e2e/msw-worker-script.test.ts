/**
 * The committed Service Worker script must be the one the installed msw ships: MSW refuses (or
 * misbehaves with) a worker from another version, and nothing else would notice it going stale.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const committedPath = join(root, 'examples/job-dashboard/public/mockServiceWorker.js');
const require = createRequire(import.meta.url);
const mswRoot = dirname(require.resolve('msw/package.json'));
const FIX = 'run: npx msw init examples/job-dashboard/public --no-save';

describe('examples/job-dashboard/public/mockServiceWorker.js', () => {
  test('declares the installed msw version', () => {
    const installed = (JSON.parse(readFileSync(join(mswRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const declared = /PACKAGE_VERSION = '([^']+)'/.exec(readFileSync(committedPath, 'utf8'))?.[1];
    expect(declared, `the worker script is from msw ${declared}, msw ${installed} is installed; ${FIX}`).toBe(installed);
  });

  test('is byte for byte the script the installed msw ships', () => {
    const shipped = readFileSync(join(mswRoot, 'lib/mockServiceWorker.js'), 'utf8');
    expect(readFileSync(committedPath, 'utf8') === shipped, `the worker script differs from msw's; ${FIX}`).toBe(true);
  });
});
