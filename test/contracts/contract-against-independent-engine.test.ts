/**
 * The contract kit passes engines this code base did not produce, with mutations, in lenient mode
 * (exit 0): what the GES pages state they keep, and what only this project decided (its preferred
 * forms and codes) warns without failing; --strict turns exactly those warnings into failures.
 *
 * - test/support/independent-engine: plain UUIDs, ISO and millisecond times, integer progress, the
 *   spec's codes; in `every` forms also the status spellings of other versions. It offers none of the
 *   APIs that create jobs but execute-algorithm (404 GES.8000): they are reported as not offered, and
 *   the refusals that follow an accepted example are not exercised.
 * - test/support/independent-engine-b: the documented alternatives the first does not take: a failed
 *   job's status as 400 GES.8301, `complete` and `waiting` on the status endpoint, timestamps,
 *   `result` on every success, a gateway's own 401/403 bodies, rawRequest written again, no cap on a
 *   body's size, a limit above 100000 read as 100000.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContractOptions, ContractReport } from '../../contracts/contract-types.js';
import { formatReport } from '../../contracts/format-report.js';
import { runContract } from '../../contracts/run-contract.js';
import { startIndependentEngine } from '../support/independent-engine/independent-engine.js';
import { startIndependentEngineB } from '../support/independent-engine-b/independent-engine-b.js';
import { runProcess } from '../support/run-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ids = (report: ContractReport, outcome: string) =>
  report.results
    .filter((r) => r.outcome === outcome)
    .map((r) => r.id)
    .sort();

interface EngineUnderTest {
  name: string;
  start(): Promise<{ url: string; close(): Promise<void> }>;
  options: Omit<ContractOptions, 'baseUrl'>;
  /** The SHOULD checks it warns on: the forms and codes this project prefers and it does not share. */
  warnings: readonly string[];
  /** The checks it leaves nothing to judge for: what it does not offer. */
  skipped: readonly string[];
}

/** The first independent engine's target. Its jobs never move on by themselves: waiting for one is pointless. */
const ENGINE_A = {
  projectId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  graph: 'movie',
  token: 'independent-token',
  forbiddenToken: 'other-project-token',
  jobWaitMs: 0,
};

const ENGINES: readonly EngineUnderTest[] = [
  {
    // It accepts algorithm names it does not know, answers a JSON array body GES.8401 and another
    // action_id 404, and ignores the status endpoint's result paging: SHOULD matters the spec decides.
    name: 'the independent engine, plain forms',
    start: () => startIndependentEngine({ forms: 'plain', forbiddenToken: 'other-project-token' }),
    options: ENGINE_A,
    warnings: ['documented_example_shape', 'invalid_algorithm_code', 'progress_as_string', 'result_paging_range'],
    skipped: ['job_kind_refusals'],
  },
  {
    name: 'the independent engine, every form',
    start: () => startIndependentEngine({ forms: 'every', forbiddenToken: 'other-project-token' }),
    options: ENGINE_A,
    warnings: [
      'documented_example_shape',
      'invalid_algorithm_code',
      'progress_as_string',
      'result_paging_range',
      'status_in_documented_set',
    ],
    skipped: ['job_kind_refusals'],
  },
  {
    // Its jobs move on when their status is read: the kit's wait for its own failed job ends at once.
    name: 'independent engine B (the documented alternatives)',
    start: () => startIndependentEngineB({ forbiddenToken: 'gateway-other-project' }),
    options: {
      projectId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      graph: 'movie',
      token: 'engine-b-token',
      forbiddenToken: 'gateway-other-project',
    },
    warnings: [
      'auth_error_envelope',
      'forbidden_token_code',
      'invalid_algorithm_code',
      'job_kinds_listed',
      'missing_token_code',
      'paging_out_of_range_code',
      'progress_as_string',
      'result_paging_range',
      'status_in_documented_set',
      'submitted_job_listed',
      'write_refusal_codes',
    ],
    skipped: [],
  },
];

describe.each(ENGINES.map((engine) => [engine.name, engine] as const))('ges-contract against %s', (_name, engine) => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await engine.start();
  });
  afterAll(() => server.close());

  test('passes every MUST check with mutations (exit 0) and warns only about what this project decided; strict fails exactly those', async () => {
    const report = await runContract({ ...engine.options, baseUrl: server.url, allowMutations: true });
    expect(ids(report, 'failed'), formatReport(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(ids(report, 'warning'), formatReport(report)).toEqual([...engine.warnings].sort());
    expect(ids(report, 'skipped'), formatReport(report)).toEqual([...engine.skipped].sort());
    // Every warning rests on a decision or an inference, never on a page.
    for (const result of report.results) for (const finding of result.findings) expect(finding.level, result.id).toBe('should');

    const strict = await runContract({ ...engine.options, baseUrl: server.url, allowMutations: true, strict: true });
    expect(ids(strict, 'failed'), formatReport(strict)).toEqual([...engine.warnings].sort());
    expect(strict.exitCode).toBe(1);
  });
});

describe('the CLI against independent engine B', () => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await startIndependentEngineB({ forbiddenToken: 'gateway-other-project' });
  });
  afterAll(() => server.close());

  test('exits 0 lenient and 1 strict, with mutations', async () => {
    const args = [
      'bin/ges-contract.js',
      '--base-url',
      server.url,
      '--project-id',
      'c0ffee00c0ffee00c0ffee00c0ffee00',
      '--graph',
      'ges_demo',
      '--token',
      'engine-b-token',
      '--forbidden-token',
      'gateway-other-project',
      '--allow-mutations',
    ];
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    const lenient = await runProcess(process.execPath, args, { cwd: ROOT, env });
    expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0);
    expect(lenient.stdout).toMatch(/\d+ checks: \d+ passed, 0 failed, 11 warnings, 0 skipped/);
    const strict = await runProcess(process.execPath, [...args, '--strict'], { cwd: ROOT, env });
    expect(strict.code, strict.stdout + strict.stderr).toBe(1);
    expect(strict.stdout).toMatch(/\d+ checks: \d+ passed, 11 failed, 0 warnings, 0 skipped/);
  });
});
