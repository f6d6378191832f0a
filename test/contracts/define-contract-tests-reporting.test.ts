/**
 * What a team sees when defineContractTests runs in its own vitest: the fixture suite
 * (test/contracts/support/vitest-suite) run by the repository's vitest with the default reporter.
 * A misconfigured target fails the preflight test alone, with the paragraph, and skips every check;
 * a SHOULD finding passes and its warning is printed. scripts/vitest-compat.sh runs the same suite
 * on vitest 3.2 too.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { contractChecks } from '../../contracts/contract-checks.js';
import { runProcess } from '../support/run-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const runFixture = (mode: string) =>
  runProcess(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/contracts/support/vitest-suite/vitest.config.mjs', '--reporter=default'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', GES_FIXTURE_MODE: mode },
    },
  );

test('a misconfigured target fails one setup test with the preflight paragraph; every check is skipped, none fails', {
  timeout: 120_000,
}, async () => {
  const run = await runFixture('misconfigured');
  const output = run.stdout + run.stderr;
  expect(run.code, output).toBe(1);
  expect(output).toMatch(new RegExp(`Tests {2}1 failed \\| ${contractChecks.length} skipped \\(${contractChecks.length + 1}\\)`));
  expect(output).toContain('FAIL  contract.suite.ts > GES contract > preflight: the target answers the job list as configured');
  expect(output).toContain('Misconfiguration (graph), nothing was checked: graph no_such_graph does not exist');
  expect(output).toContain('--graph (env GES_GRAPH, option graph)');
});

test('a SHOULD finding passes and its warning shows in the default reporter', { timeout: 120_000 }, async () => {
  const run = await runFixture('warning');
  const output = run.stdout + run.stderr;
  expect(run.code, output).toBe(0);
  expect(output).toContain('WARNING (should) newest_first_order:');
  expect(output).toContain('expected: newest startTime first');
});
