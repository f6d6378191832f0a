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
    // The 60 seeded jobs, two shortest_paths (one from an unknown vertex, which failed), two cancelled
    // pageranks, and one job of each other API that creates jobs (the synchronous forms make none).
    expect(movie?.jobCount).toBe(76);
    const taskTypes = (
      mock.api.engine.listJobs(PROJECT, 'movie', { limit: 100000, offset: 0 }) as { ok: true; value: { jobs: { taskType: string }[] } }
    ).value.jobs.map((job) => job.taskType);
    for (const taskType of [
      'VertexFilterQuery',
      'EdgeFilterQuery',
      'FilteredQuery',
      'ExportFilteredVertices',
      'DeleteFilteredVertices',
      'ExportFilteredEdges',
      'DeleteFilteredEdges',
      'BatchDeleteEdges',
      'ImportGraph',
      'CreateIndex',
      'DeleteIndex',
      'ExportJobResult',
    ]) {
      expect(taskTypes, taskType).toContain(taskType);
    }
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
    // Nine operations with seven documented statuses each.
    expect(report.coverage.documented).toBe(63);
    const exercised = report.coverage.pairs.filter((p) => p.exercised).map((p) => `${p.operationId} ${p.status}`);
    const operations = [
      'listJobs',
      'getJobStatus',
      'cancelJob',
      'executeAlgorithm',
      'queryVertices',
      'queryEdges',
      'createIndex',
      'deleteIndex',
      'exportJobResult',
    ];
    // Every operation's success, its refusals and both token refusals: the export of a result too,
    // since the kit's own query finished within --job-wait (a real clock).
    expect(exercised).toEqual(operations.flatMap((operation) => ['200', '400', '401', '403'].map((status) => `${operation} ${status}`)));
    const text = formatReport(report);
    expect(text).toContain('Coverage: 36/63 documented (operation × status) pairs exercised (57%)');
    // What no run reaches, and why: no flag is missing from this one.
    expect(text).not.toContain('need --');
    expect(text).toContain(
      `not exercised, never: the kit sends only API paths (404 is for a path that is no API): ${operations.map((operation) => `${operation} 404`).join(' · ')}`,
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
    expect(text).toContain('Coverage: 6/63');
    expect(text).toContain(
      'not exercised, need --allow-mutations: cancelJob 200 400 401 403 · executeAlgorithm 200 400 401 403 · queryVertices 200 400 401 403 · queryEdges 200 400 401 403 · createIndex 200 400 401 403 · deleteIndex 200 400 401 403 · exportJobResult 200 400 401 403',
    );
    expect(text).toContain('not exercised, need --forbidden-token: listJobs 403 · getJobStatus 403');
    expect(text).toMatch(
      /not exercised, never on purpose: only when the engine fails \(the mock: fault injection\): listJobs 500 503 · getJobStatus 500 503/,
    );
  });
});
