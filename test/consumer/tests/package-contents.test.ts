/**
 * What the installed package carries besides code: source maps that bring their sources, and a
 * manifest that declares its repository and its optional peers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('ges-jobs-kit/package.json'));
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  repository?: { url?: string };
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

test('every source map carries the sources it points at (the .ts files are not shipped)', () => {
  const maps = readdirSync(join(packageDir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js.map'));
  expect(maps.length).toBeGreaterThan(0);
  for (const file of maps) {
    const map = JSON.parse(readFileSync(join(packageDir, 'dist', file), 'utf8')) as {
      sources: string[];
      sourcesContent?: (string | null)[];
    };
    expect(map.sourcesContent?.length, file).toBe(map.sources.length);
    expect(
      map.sourcesContent?.every((content) => typeof content === 'string' && content.length > 0),
      file,
    ).toBe(true);
  }
});

test('the manifest names its repository and declares msw, vitest and redoc as optional peers', () => {
  expect(manifest.repository?.url).toMatch(/^git\+https:\/\/github\.com\//);
  for (const peer of ['msw', 'vitest', 'redoc']) {
    expect(manifest.peerDependencies?.[peer], peer).toEqual(expect.any(String));
    expect(manifest.peerDependenciesMeta?.[peer]?.optional, peer).toBe(true);
  }
});
