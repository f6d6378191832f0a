/**
 * What the installed package carries besides code: stack traces that name its own files, and a
 * manifest that declares its repository and its optional peers.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { createApi } from 'ges-jobs-kit';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('ges-jobs-kit/package.json'));
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  repository?: { url?: string };
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** The files of the package a stack names (file URLs or paths, with their line and column dropped). */
function packageFrames(stack: string): string[] {
  return [...stack.matchAll(/(?:file:\/\/)?(\/[^\s():]+):\d+:\d+/g)]
    .map((match) => match[1]!)
    .filter((file) => file.startsWith(`${packageDir}/`));
}

/** An error thrown inside the kit: api.faults.set() refuses an unknown key. */
function kitError(): Error {
  try {
    createApi().faults.set({ latancy: { fixedMs: 10 } } as never);
  } catch (error) {
    return error as Error;
  }
  throw new Error('api.faults.set() accepted an unknown key');
}

test('no JavaScript file points at a source map', () => {
  const files = readdirSync(join(packageDir, 'dist'), { recursive: true, encoding: 'utf8' });
  expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  const pointing = files
    .filter((file) => file.endsWith('.js'))
    .filter((file) => readFileSync(join(packageDir, 'dist', file), 'utf8').includes('//# sourceMappingURL='));
  expect(pointing).toEqual([]);
});

test('a stack thrown from the kit names files the package has, in this test run', () => {
  const frames = packageFrames(kitError().stack ?? '');
  expect(frames.length).toBeGreaterThan(0);
  for (const file of frames) expect(existsSync(file), relative(packageDir, file)).toBe(true);
});

test('a stack thrown from the kit names files the package has, under node --enable-source-maps', async () => {
  const script = `
    import { createApi } from 'ges-jobs-kit';
    try { createApi().faults.set({ latancy: { fixedMs: 10 } }); } catch (error) { console.log(error.stack); }`;
  const stack = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );
  const frames = packageFrames(stack);
  expect(frames.length, stack).toBeGreaterThan(0);
  for (const file of frames) expect(existsSync(file), `${relative(packageDir, file)} in\n${stack}`).toBe(true);
});

test('the manifest names its repository and declares msw, vitest and redoc as optional peers', () => {
  expect(manifest.repository?.url).toMatch(/^git\+https:\/\/github\.com\//);
  for (const peer of ['msw', 'vitest', 'redoc']) {
    expect(manifest.peerDependencies?.[peer], peer).toEqual(expect.any(String));
    expect(manifest.peerDependenciesMeta?.[peer]?.optional, peer).toBe(true);
  }
});
