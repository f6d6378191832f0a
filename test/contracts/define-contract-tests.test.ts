/**
 * defineContractTests as a team would use it in its own vitest suite: one test per check against a
 * server started in beforeAll (options given lazily, once its URL is known).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { defineContractTests } from '../../contracts/define-contract-tests.js';
import { contractChecks } from '../../contracts/contract-checks.js';
import type { CheckResult, ContractCoverage } from '../../contracts/contract-types.js';
import { formatCoverage } from '../../contracts/format-report.js';

let server: GesServer;
const results: CheckResult[] = [];
let coverage: ContractCoverage | undefined;

beforeAll(async () => {
  server = await startGesServer({ port: 0, tokens: ['any-token', 'other-token:fedcba9876543210fedcba9876543210'] });
});
afterAll(() => server.close());

defineContractTests(
  () => ({
    baseUrl: server.url,
    projectId: '0123456789abcdef0123456789abcdef',
    graph: 'supply_chain',
    token: 'any-token',
    forbiddenToken: 'other-token',
    allowMutations: true,
  }),
  {
    name: 'GES contract against the standalone mock',
    onResult: (result) => results.push(result),
    onCoverage: (value) => {
      coverage = value;
    },
  },
);

test('registered one test per declared check, every one of them passed, and coverage was reported', () => {
  expect(results.map((r) => r.id).sort()).toEqual(contractChecks.map((c) => c.id).sort());
  expect(results.filter((r) => r.outcome !== 'passed')).toEqual([]);
  // Every operation's 200, 400, 401 and 403: the mutations, both tokens and a real clock reach them all.
  expect(coverage && formatCoverage(coverage)).toMatch(/^Coverage: 36\/63 documented/);
});
