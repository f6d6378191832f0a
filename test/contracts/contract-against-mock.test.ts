/**
 * The kit passes against the mock, both ways a team meets it: in-process through msw/node (which
 * intercepts global fetch) and as the standalone node:http server on port 0, read-only and with
 * --allow-mutations.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupGesServer } from '../../mocks/node.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { runContract } from '../../contracts/run-contract.js';
import { contractChecks } from '../../contracts/contract-checks.js';
import { formatReport } from '../../contracts/format-report.js';
import type { ContractReport } from '../../contracts/contract-types.js';
import { UNHANDLED_IS_ERROR } from '../support/msw-unhandled.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const TOKEN = 'contract-test-token';
/** A token the mock knows for another project only: the 403 path. */
const FORBIDDEN = 'other-project-token';
const TOKENS = [TOKEN, `${FORBIDDEN}:fedcba9876543210fedcba9876543210`];

const problems = (report: ContractReport) =>
  report.results.filter((r) => r.outcome === 'failed' || r.outcome === 'warning').map((r) => `${r.id}: ${r.findings[0]?.message}`);

describe('against the mock in-process (msw/node)', () => {
  const mock = setupGesServer({ tokens: TOKENS });
  beforeAll(() => mock.server.listen(UNHANDLED_IS_ERROR));
  afterAll(() => mock.server.close());

  test('every check holds, strict, with mutations, and the submitted jobs are really in the engine', async () => {
    const report = await runContract({
      baseUrl: 'http://ges.mock.test',
      projectId: PROJECT,
      graph: 'movie',
      token: TOKEN,
      forbiddenToken: FORBIDDEN,
      strict: true,
      allowMutations: true,
    });
    expect(problems(report), formatReport(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.results.filter((r) => r.outcome === 'skipped')).toEqual([]);
    const movie = mock.api.state().graphs.find((g) => g.project === PROJECT && g.graph === 'movie');
    // The 60 seeded jobs, two shortest_paths (one from an unknown vertex, which failed) and two cancelled pageranks.
    expect(movie?.jobCount).toBe(64);
  });
});

describe('against the standalone mock server (node:http, port 0)', () => {
  let server: GesServer;
  beforeAll(async () => {
    server = await startGesServer({ port: 0, tokens: TOKENS });
  });
  afterAll(() => server.close());

  test('a read-only run passes, skips the mutation checks and touches no job', async () => {
    const report = await runContract({ baseUrl: server.url, projectId: PROJECT, graph: 'movie', token: TOKEN, forbiddenToken: FORBIDDEN });
    expect(problems(report), formatReport(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
    const mutating = contractChecks.filter((check) => check.mutates).map((check) => check.id);
    expect(mutating.length).toBeGreaterThan(0);
    expect(report.results.filter((r) => r.outcome === 'skipped').map((r) => r.id)).toEqual(mutating);
    // The engine seeds a graph on first use: the run saw only the seeded 60 jobs of movie, and added none.
    expect(server.api.state().graphs.map((g) => `${g.project}/${g.graph}: ${g.jobCount}`)).toEqual([`${PROJECT}/movie: 60`]);
  });

  test('a run with --allow-mutations and --forbidden-token passes, and reports coverage of the documented (operation × status) pairs', async () => {
    const report = await runContract({
      baseUrl: server.url,
      projectId: PROJECT,
      graph: 'social_network',
      token: TOKEN,
      forbiddenToken: FORBIDDEN,
      allowMutations: true,
    });
    expect(problems(report), formatReport(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.coverage.documented).toBe(28);
    const exercised = report.coverage.pairs.filter((p) => p.exercised).map((p) => `${p.operationId} ${p.status}`);
    expect(exercised).toEqual([
      'listJobs 200',
      'listJobs 400',
      'listJobs 401',
      'listJobs 403',
      'getJobStatus 200',
      'getJobStatus 400',
      'getJobStatus 401',
      'getJobStatus 403',
      'cancelJob 200',
      'cancelJob 400',
      'cancelJob 401',
      'cancelJob 403',
      'executeAlgorithm 200',
      'executeAlgorithm 400',
      'executeAlgorithm 401',
      'executeAlgorithm 403',
    ]);
    const text = formatReport(report);
    expect(text).toContain('Coverage: 16/28 documented (operation × status) pairs exercised (57%)');
    // What no run reaches, and why: no flag is missing from this one.
    expect(text).not.toContain('need --');
    expect(text).toContain(
      'not exercised, never: the kit sends only API paths (404 is for a path that is no API): listJobs 404 · getJobStatus 404 · cancelJob 404 · executeAlgorithm 404',
    );
    // The refusals a user hits on the writes are probed: nothing but 404 and 5xx is left.
    expect(report.coverage.gaps.map((gap) => gap.reason)).toEqual([
      'never: the kit sends only API paths (404 is for a path that is no API)',
      'never on purpose: only when the engine fails (the mock: fault injection)',
    ]);
  });

  test('the coverage line of a read-only run without tokens names the flags that reach the other pairs', async () => {
    const report = await runContract({ baseUrl: server.url, projectId: PROJECT, graph: 'movie', token: TOKEN });
    const text = formatReport(report);
    expect(text).toContain('Coverage: 6/28');
    expect(text).toContain('not exercised, need --allow-mutations: cancelJob 200 400 401 403 · executeAlgorithm 200 400 401 403');
    expect(text).toContain('not exercised, need --forbidden-token: listJobs 403 · getJobStatus 403');
    expect(text).toMatch(
      /not exercised, never on purpose: only when the engine fails \(the mock: fault injection\): listJobs 500 503 · getJobStatus 500 503/,
    );
  });
});
