/**
 * The documented browser pattern (browser/src/mocks.ts) built with Vite: the production build holds
 * no byte of the kit (nor msw), while a development build of the same code does, which shows the
 * markers looked for are the right ones.
 */
import { createRequire } from 'node:module';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, expect, test } from 'vitest';
import { openapiDocument } from 'ges-jobs-kit';

const root = fileURLToPath(new URL('../browser/', import.meta.url));
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Builds the app in a mode; answers the text of every file written. */
async function buildApp(mode: 'production' | 'development'): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), `ges-consumer-${mode}-`));
  dirs.push(outDir);
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = mode;
  try {
    await build({ root, mode, logLevel: 'silent', configFile: false, build: { outDir, emptyOutDir: true, minify: mode === 'production' } });
  } finally {
    process.env.NODE_ENV = previous;
  }
  const files = await readdir(outDir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(files.filter((file) => file.isFile()).map((file) => readFile(join(file.parentPath, file.name), 'utf8')));
  return texts.join('\n');
}

// Strings only the kit (and msw) carry: the spec's title, the inspector's and control routes' path,
// the GES error envelope's field, and msw's worker script name.
const manifest = createRequire(import.meta.url)('ges-jobs-kit/package.json') as { name: string };
const markers = [String(openapiDocument.info.title), '/__mock', 'errorMessage', 'mockServiceWorker'];

test('a development build of the pattern carries the kit (the markers are real)', async () => {
  const output = await buildApp('development');
  for (const marker of markers) expect(output, marker).toContain(marker);
});

test(`a production build of the pattern holds no byte of ${manifest.name} or msw`, async () => {
  const output = await buildApp('production');
  expect(output).toContain('/jobs/status'); // the app itself is there
  for (const marker of markers) expect(output, marker).not.toContain(marker);
});
