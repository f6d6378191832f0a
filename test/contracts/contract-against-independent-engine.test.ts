/**
 * The contract kit passes an engine this code base did not produce (test/support/independent-engine),
 * with mutations: its plain UUIDs, ISO and timestamp times and integer progress break no MUST check,
 * and what only the examples show (progress as a string, the examples' field sets, the status
 * variants) warns without failing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContractReport } from '../../contracts/contract-types.js';
import { formatReport } from '../../contracts/format-report.js';
import { runContract } from '../../contracts/run-contract.js';
import { startIndependentEngine, type IndependentEngine } from '../support/independent-engine/independent-engine.js';

const PROJECT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const ids = (report: ContractReport, outcome: string) =>
  report.results
    .filter((r) => r.outcome === outcome)
    .map((r) => r.id)
    .sort();

describe.each([
  // It accepts algorithm names it does not know, answers a JSON array body GES.8401 and another
  // action_id 404, and ignores the status endpoint's result paging: SHOULD matters the spec decides.
  ['plain', ['documented_example_shape', 'invalid_algorithm_code', 'progress_as_string', 'result_paging_range']],
  [
    'every',
    ['documented_example_shape', 'invalid_algorithm_code', 'progress_as_string', 'result_paging_range', 'status_in_documented_set'],
  ],
] as const)('ges-contract against the independent engine in %s forms', (forms, warnings) => {
  let engine: IndependentEngine;
  beforeAll(async () => {
    engine = await startIndependentEngine({ forms, forbiddenToken: 'other-project-token' });
  });
  afterAll(() => engine.close());

  test('passes every MUST check, with mutations, and warns only about what the examples alone show', async () => {
    const report = await runContract({
      baseUrl: engine.url,
      projectId: PROJECT,
      graph: 'movie',
      token: 'independent-token',
      forbiddenToken: 'other-project-token',
      allowMutations: true,
    });
    expect(ids(report, 'failed'), formatReport(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(ids(report, 'warning'), formatReport(report)).toEqual([...warnings]);
    expect(ids(report, 'skipped'), formatReport(report)).toEqual([]);
  });
});
