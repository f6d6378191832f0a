/**
 * The rules that keep an installed kit from importing what it does not install
 * (.dependency-cruiser.cjs, run by `npm run check:cycles`): each fires on a probe project that breaks
 * it, and stays quiet on one that keeps it. The probe is a temp copy of the config beside a package.json
 * and a src/ file, with this checkout's node_modules linked in so imports resolve.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { runProcess } from '../support/run-process.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const probes: string[] = [];
afterAll(() => {
  for (const dir of probes) rmSync(dir, { recursive: true, force: true });
});

/** Cruises a probe whose package.json and src/ files are given; resolves with what depcruise said. */
async function cruise(manifest: object, files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'ges-depcruise-'));
  probes.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'probe', type: 'module', ...manifest }));
  cpSync(join(repo, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
  );
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const bin = join(repo, 'node_modules/.bin/depcruise');
  const roots = [...new Set(Object.keys(files).map((path) => path.split('/')[0]!))];
  return runProcess(bin, [...roots, '--config', '.dependency-cruiser.cjs'], { cwd: dir });
}

describe('published code imports only what an install brings', () => {
  test('a devDependency imported at run time from src/ fails the check, naming the rule', async () => {
    const run = await cruise(
      { devDependencies: { yaml: '2.9.1' } },
      { 'src/read.ts': "import { parse } from 'yaml';\nexport const read = parse;\n" },
    );
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('published-code-uses-no-dev-dependency: src/read.ts');
  });

  test('the same import passes once the package is a dependency, and a type-only import of a devDependency passes', async () => {
    const run = await cruise(
      { dependencies: { yaml: '2.9.1' }, devDependencies: { msw: '2.15.0' } },
      {
        'src/read.ts':
          "import { parse } from 'yaml';\nimport type { HttpHandler } from 'msw';\nexport const read = parse;\nexport type H = HttpHandler;\n",
      },
    );
    expect(run.stdout + run.stderr).toContain('no dependency violations');
    expect(run.code).toBe(0);
  });

  test('an optional peer imported by the core or the contract kit fails; behind its own export it passes', async () => {
    const manifest = {
      peerDependencies: { vitest: '^4' },
      peerDependenciesMeta: { vitest: { optional: true } },
      devDependencies: { vitest: '4.1.12' },
    };
    const wrong = await cruise(manifest, { 'contracts/run.ts': "import { test } from 'vitest';\nexport const t = test;\n" });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toContain('optional-peers-only-behind-their-export: contracts/run.ts');
    const right = await cruise(manifest, {
      'contracts/define-contract-tests.ts': "import { test } from 'vitest';\nexport const t = test;\n",
    });
    expect(right.code).toBe(0);
  });
});
