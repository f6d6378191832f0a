/**
 * The job factory every job is made with (seeding, submissions, fixture documents): named options,
 * the request shapes and failure sentences both seeded and fixture jobs use, the import file layout.
 */
import { describe, expect, it } from 'vitest';
import { getGraphProfile } from '../../src/engine/graph-profiles.js';
import {
  algorithmOf,
  algorithmRequest,
  createJobPlan,
  exportRequest,
  importFailReason,
  importRequest,
  layImportFiles,
} from '../../src/engine/job-factory.js';
import { viewJob } from '../../src/engine/job-lifecycle.js';
import { compileFixtures } from '../../src/fixtures/compile-fixtures.js';

const movie = getGraphProfile('movie');

describe('createJobPlan', () => {
  it('fills what named options leave out as a job that succeeds, and derives the whole second', () => {
    const plan = createJobPlan({
      jobId: 'j',
      taskType: 'Algorithm',
      rawRequest: '',
      cancellable: true,
      startMs: 1_999,
      runAtMs: 2_000,
      endMs: 3_000,
    });
    expect(plan).toMatchObject({ startSec: 1, failReason: undefined, failProgress: 100, files: undefined });
    expect('frozen' in plan).toBe(false);
    expect(viewJob(plan, 5_000)).toMatchObject({ status: 'success', progress: '100' });
  });
});

describe('request shapes and failure sentences', () => {
  it('writes the requests of each kind in the GES example field order, and reads the algorithm back', () => {
    expect(
      Object.keys(JSON.parse(importRequest(movie, { edgesetPath: 'e', vertexsetPath: 'v', schemaPath: 's', parallelEdgeAction: 'allow' }))),
    ).toEqual([
      'graphName',
      'offline',
      'edgesetPath',
      'vertexsetPath',
      'delimiter',
      'trimQuote',
      'vertexsetFormat',
      'edgesetFormat',
      'parallelEdge',
      'schemaPath',
    ]);
    expect(JSON.parse(exportRequest(movie, 'obs://b/x'))).toEqual({
      graphExportPath: 'obs://b/x',
      edgeSetName: 'movie_edges',
      vertexSetName: 'movie_vertices',
      schemaName: 'movie_schema.xml',
    });
    expect(algorithmOf(algorithmRequest('louvain', { k: 1 }))).toBe('louvain');
    expect(algorithmOf('not json')).toBeUndefined();
  });

  it('gives a fixture job the same request shape and failure sentence as a seeded one', () => {
    const compiled = compileFixtures(
      { graphs: { movie: { jobs: [{ taskType: 'ImportGraph', status: 'failed' }] } } },
      Date.parse('2024-05-20T00:00:00Z'),
    );
    if (!compiled.ok) throw new Error('the document compiles');
    const [job] = compiled.graphs.all.get('movie')!.entries as unknown as {
      rawRequest: string;
      failReason: string;
      files: { edgeFiles?: { fileName: string; failedLines: number; totalLines: number }[] }[];
    }[];
    expect(job!.rawRequest).toBe(
      importRequest(movie, {
        edgesetPath: `/data/${movie.edgeFiles[0]}`,
        vertexsetPath: `/data/${movie.vertexFiles[0]}`,
        parallelEdgeAction: 'allow',
      }),
    );
    const edge = job!.files.flatMap((group) => group.edgeFiles ?? [])[0]!;
    expect(job!.failReason).toBe(importFailReason({ fileName: edge.fileName, failed: edge.failedLines, total: edge.totalLines }));
  });
});

describe('layImportFiles', () => {
  it('places each file by its share of the running span, in microseconds', () => {
    const files = layImportFiles(1_000, 2_000, [
      { group: 'vertexFiles', fileName: 'v', total: 10, failed: 0, from: 0, to: 0.5 },
      { group: 'edgeFiles', fileName: 'e', total: 20, failed: 1, from: 0.5, to: 1 },
    ]);
    expect(files).toEqual([
      { group: 'vertexFiles', fileName: 'v', total: 10, failed: 0, startUs: 1_000_000, endUs: 1_500_000 },
      { group: 'edgeFiles', fileName: 'e', total: 20, failed: 1, startUs: 1_500_000, endUs: 2_000_000 },
    ]);
  });
});
