/**
 * `npm run contract:prism` (the kit against `prism mock openapi.yaml`, a stateless example-serving
 * mock) fails exactly the checks docs/contracts.md says a stateless mock cannot pass: the test keeps
 * that page (and the README's claim) true. One Prism process, started by the script itself.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { contractChecks } from '../../contracts/contract-checks.js';
import { runProcess } from '../support/run-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The check ids listed between the `prism-expected-<what>` markers of docs/contracts.md. */
async function documentedPrism(what: 'failures' | 'warnings'): Promise<string[]> {
  const doc = await readFile(join(ROOT, 'docs/contracts.md'), 'utf8');
  const section = new RegExp(`<!-- prism-expected-${what}:start -->([\\s\\S]*?)<!-- prism-expected-${what}:end -->`).exec(doc)?.[1] ?? '';
  return [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1] as string);
}

const npmRun = (args: string[]) => runProcess('npm', ['run', '--silent', ...args], { cwd: ROOT });

test('npm run contract:prism fails and warns on exactly the checks docs/contracts.md lists for a stateless mock', {
  timeout: 180_000,
}, async () => {
  const documented = await documentedPrism('failures');
  const warned = await documentedPrism('warnings');
  const ids = contractChecks.map((check) => check.id);
  expect(documented.length).toBeGreaterThan(0);
  for (const id of documented) expect(ids).toContain(id);

  const dir = await mkdtemp(join(tmpdir(), 'ges-contract-prism-'));
  try {
    const json = join(dir, 'prism.json');
    const run = await npmRun(['contract:prism', '--', '--json', json]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toMatch(/prism answers on http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toMatch(/Coverage: \d+\/63 documented/);
    const report = JSON.parse(await readFile(json, 'utf8')) as { checks: { id: string; outcome: string }[] };
    const failed = report.checks.filter((check) => check.outcome === 'failed').map((check) => check.id);
    expect(failed.sort()).toEqual([...documented].sort());
    // Prism serves the spec's own examples, which keep every SHOULD but the documented ones.
    expect(
      report.checks
        .filter((check) => check.outcome === 'warning')
        .map((check) => check.id)
        .sort(),
    ).toEqual([...warned].sort());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
