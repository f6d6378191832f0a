/**
 * The inspector and the kinds of job the spec declares: the submit form's actions, read on the
 * server from openapi.yaml (each with a request example of its operation to start from), and what a
 * job's detail says about its kind (an import's files, an export's file, a filter query's records,
 * an index, the job an export of a result exports and whether it leaves the list).
 */
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { actionChoices } from '../../src/inspector/action-choices.js';
import { renderInspectorPage } from '../../src/inspector/inspector-page.js';
import {
  actionLabel,
  actionUrl,
  erasesSource,
  exportedFile,
  exporterOf,
  exportSources,
  importSummary,
  indexNameOf,
  resultRecords,
  type ActionChoice,
  type TrafficEntry,
} from '../../src/inspector/inspector-model.js';
import { jobHeadHtml, kindHtml, statusAnswerHtml } from '../../src/inspector/inspector-view.js';
import { jobActions } from '../../src/spec/job-actions.js';
import { getSpecOperation } from '../../src/spec/spec-examples.js';
import { sharedSpecValidator } from '../../src/spec/spec-validator.js';
import { job, LIMITS } from './support/inspector-values.js';

const choices = actionChoices();
const choice = (id: string): ActionChoice => choices.find((c) => c.id === id)!;

/** The request examples of an operation, by name. */
function examplesOf(operationId: Parameters<typeof getSpecOperation>[0]): Record<string, unknown> {
  const { path, method } = getSpecOperation(operationId);
  const operation = (openapiDocument.paths as Record<string, Record<string, any>>)[path]![method.toLowerCase()];
  const examples = operation.requestBody?.content['application/json'].examples ?? {};
  return Object.fromEntries(Object.entries<{ value: unknown }>(examples).map(([name, example]) => [name, example.value]));
}

describe("the submit form's actions", () => {
  it('are every job-creating action of the spec, in its order, with its operation, task type and URL', () => {
    expect(choices.map((c) => [c.id, c.operationId, c.taskType, c.actionParam, c.cancellable])).toEqual(
      jobActions.map((a) => [a.id, a.operationId, a.taskType, a.actionParam, a.cancellable]),
    );
    for (const c of choices) expect(c.path).toBe(getSpecOperation(c.operationId as never).path);
  });

  it("start from the operation's request example that fits the action, valid against the action's schema", () => {
    const validator = sharedSpecValidator();
    const chosen: Record<string, string | undefined> = {};
    for (const c of choices) {
      const action = jobActions.find((a) => a.id === c.id)!;
      if (c.form !== 'body') {
        expect(c.body).toBeUndefined();
        continue;
      }
      expect(validator.validate(action.requestSchema!, c.body)).toEqual([]);
      const examples = examplesOf(action.operationId);
      chosen[c.id] = Object.keys(examples).find((name) => JSON.stringify(examples[name]) === JSON.stringify(c.body));
    }
    expect(chosen).toEqual({
      filteredQuery: 'FilteredQueryAsyncWithPathPage',
      importGraph: 'ImportGraphPage',
      queryVertices: 'QueryPage',
      exportVertices: 'ExportPage',
      deleteVertices: 'DeletePage',
      queryEdges: 'QueryPage',
      exportEdges: 'ExportPage',
      deleteEdges: 'DeletePage',
      batchDeleteEdges: 'BatchDeleteAsync',
      createIndex: 'CompositePage',
      exportJobResult: 'ToObsPage',
    });
    // An action that makes a job only when asked starts from an example that asks.
    for (const id of jobActions.filter((a) => a.createsJob === 'async').map((a) => a.id))
      expect((choice(id).body as { executionMode?: unknown }).executionMode).toBe('async');
  });

  it('ask for the path parameters beyond the world and graph, and know what an export of a result erases and exports', () => {
    expect(choice('deleteIndex')).toMatchObject({ form: 'none', method: 'DELETE', params: [{ name: 'indexName', example: 'ageIndex' }] });
    expect(choice('exportJobResult').params.map((p) => p.name)).toEqual(['job_id']);
    expect(choice('exportJobResult').erase).toEqual({ field: 'erase', default: true });
    const exporter = jobActions.find((a) => a.id === 'exportJobResult')!;
    expect(choice('exportJobResult').exports).toEqual({
      taskTypes: exporter.exportableTaskTypes,
      algorithms: exporter.exportableAlgorithms,
    });
    expect(choices.filter((c) => c.erase || c.exports).map((c) => c.id)).toEqual(['exportJobResult']);
    expect(choice('executeAlgorithm').form).toBe('algorithm');
  });

  it('are sent to their URL, with action_id and the form path parameters, and named by task type and request line', () => {
    expect(actionUrl(choice('importGraph'), 'p1', 'movie')).toBe('/ges/v1.0/p1/graphs/movie/action?action_id=import-graph');
    expect(actionUrl(choice('exportJobResult'), 'p1', 'my graph', { job_id: 'a/b' })).toBe(
      '/ges/v1.0/p1/graphs/my%20graph/jobs/a%2Fb/action?action_id=export-result',
    );
    expect(actionUrl(choice('deleteIndex'), 'p1', 'movie', { indexName: 'ageIndex' })).toBe('/ges/v1.0/p1/graphs/movie/indices/ageIndex');
    expect(actionLabel(choice('batchDeleteEdges'))).toBe('BatchDeleteEdges: POST …/edges/action?action_id=batch-delete');
    expect(actionLabel(choice('createIndex'))).toBe('CreateIndex: POST …/indices');
  });

  it('reach the page in its configuration, and the select offers them all', () => {
    const html = renderInspectorPage();
    const config = JSON.parse(/<script id="inspector-config" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!) as {
      actions: ActionChoice[];
    };
    expect(config.actions).toEqual(choices);
    const options = [...html.matchAll(/<option value="([^"]*)"[^>]*>[^<]*: (?:POST|DELETE) /g)].map((m) => m[1]);
    expect(options).toEqual(choices.map((c) => c.id));
    expect(html).toContain('<option value="executeAlgorithm" selected>');
  });
});

describe("a job's kind in its detail", () => {
  const exporter = choice('exportJobResult');
  const vertexAnswer = {
    status: 'success',
    data: {
      outputs: {
        data_return_size: 2,
        vertices: [
          { id: '314', label: 'movie', properties: { Year: ['1995'], genres: ['Comedy|Romance'] } },
          { id: '53', label: 'movie', properties: { Year: ['1995'] } },
        ],
        data_offset: 0,
        data_total_size: 263,
      },
    },
    result: 'success',
  };

  it("reads a filter query's records, and not an algorithm's per-vertex values", () => {
    expect(resultRecords(vertexAnswer)).toEqual({
      key: 'vertices',
      rows: [
        { id: '314', source: '', target: '', label: 'movie', properties: 'Year: 1995; genres: Comedy|Romance' },
        { id: '53', source: '', target: '', label: 'movie', properties: 'Year: 1995' },
      ],
    });
    const edges = { data: { edges: [{ index: '1', source: 'tr_1', target: 'tr_3', label: 'rate', properties: { Rating: [0] } }] } };
    expect(resultRecords(edges)?.rows).toEqual([{ id: '', source: 'tr_1', target: 'tr_3', label: 'rate', properties: 'Rating: 0' }]);
    expect(resultRecords({ data: { outputs: { pagerank: [{ 1: 0.5 }] }, vertices: [{ 1: 0.5 }] } })).toBeUndefined();
    const html = statusAnswerHtml('/x', 200, vertexAnswer, { resultLimit: 2 }, LIMITS);
    expect(html).toContain('<table class="records" data-key="vertices">');
    expect(html).toContain('<tr data-record="314"><td>314</td><td>movie</td><td>Year: 1995; genres: Comedy|Romance</td></tr>');
    expect(html).toContain('<details><summary>data.outputs as JSON</summary><pre data-part="outputs">');
  });

  it('pages records until a page comes back shorter than asked, and says "no records" for an empty result', () => {
    const short = { data: { outputs: { vertices: [], data_return_size: 5, data_offset: 20, data_total_size: 263 } } };
    expect(statusAnswerHtml('/x', 200, short, { resultLimit: 10 }, LIMITS)).toContain('data-result-move="next" disabled');
    const empty = { data: { outputs: { indexName: 'ageIndex', data_return_size: 0, data_offset: 0, data_total_size: 0 } } };
    const html = statusAnswerHtml('/x', 200, empty, { resultLimit: 10 }, LIMITS);
    expect(html).toContain('<span id="result-range">no records</span>');
    expect(html).not.toContain('data-result-move');
  });

  it("names an export's file once it has succeeded, and where it writes until then", () => {
    const exportJob = job({ taskType: 'ExportFilteredVertices', rawRequest: '{"exportPath":"demo_movie/","fileName":"v.csv"}' });
    const answer = { data: { outputs: { exportPath: 'demo_movie/', fileName: 'v.csv', data_total_size: 2087 } } };
    expect(exportedFile(answer)).toEqual({ exportPath: 'demo_movie/', fileName: 'v.csv', path: 'demo_movie/v.csv' });
    expect(exportedFile({ data: { exportPath: 'out', fileName: 'louvain' } })?.path).toBe('out/louvain');
    expect(exportedFile({ data: { outputs: { pagerank: [] } } })).toBeUndefined();
    const context = { action: undefined, source: undefined };
    expect(kindHtml(exportJob, answer, context)).toContain(
      '<p class="export-file" data-export-path="demo_movie/" data-file-name="v.csv">Wrote <code>demo_movie/v.csv</code></p>',
    );
    expect(kindHtml({ ...exportJob, status: 'running' }, undefined, context)).toContain('Writes to <code>demo_movie/</code>');
    expect(kindHtml({ ...exportJob, status: 'failed' }, undefined, context)).toContain('Wrote nothing to <code>demo_movie/</code>');
  });

  it("names an index job's index from its result, else from its request", () => {
    expect(indexNameOf(job({ rawRequest: '' }), { data: { outputs: { indexName: 'ageIndex' } } })).toBe('ageIndex');
    expect(indexNameOf(job({ rawRequest: '{"indexName":"fullText"}' }), undefined)).toBe('fullText');
    expect(
      kindHtml(job({ taskType: 'CreateIndex', rawRequest: '{"indexName":"a<b"}' }), undefined, { action: undefined, source: undefined }),
    ).toContain('data-index-name="a&lt;b">Index <code>a&lt;b</code>');
  });

  it('sums up an import: files read in full of all, and lines and labels read of their total', () => {
    const files = [
      { edgeFiles: [{ fileName: 'e/1.csv', totalLines: 1000, successfulLines: 400, failedLines: 0, status: 'running' }] },
      { schemaFiles: [{ fileName: 's.xml', totalLabels: 30, successfulLabels: 30, failedLabels: 0, status: 'success' }] },
    ];
    expect(importSummary(files)).toBe('1 of 2 files read, 430 of 1,030 lines and labels');
    expect(importSummary([])).toBe('');
  });

  it('says which job an export of a result exports, and whether that job leaves the list', () => {
    const exportJob = job({
      taskType: exporter.taskType,
      rawRequest: '{"exportPath":"demo_movie/","fileName":"louvain"}',
      status: 'running',
    });
    expect(erasesSource(exportJob, exporter.erase!)).toBe(true);
    expect(erasesSource({ rawRequest: '{"erase":"false"}' }, exporter.erase!)).toBe(false);
    const running = kindHtml(exportJob, undefined, { action: exporter, source: 'src-1' });
    expect(running).toContain('<p class="export-source" data-source="src-1" data-erase="true">Exports the result of job');
    expect(running).toContain('data-open-job="src-1"');
    expect(running).toContain('the exported job leaves the list once this export has succeeded');
    expect(kindHtml({ ...exportJob, status: 'success' }, undefined, { action: exporter, source: 'src-1' })).toContain(
      'The exported job has left the list: this export has succeeded.',
    );
    const kept = kindHtml({ ...exportJob, rawRequest: '{"exportPath":"x","erase":false}' }, undefined, {
      action: exporter,
      source: undefined,
    });
    expect(kept).toContain('data-erase="false"');
    expect(kept).toContain('the exported job stays in the list');
    expect(kept).toContain('a job this page has not seen exported');
  });

  it("offers to export the result of a finished job of a kind, or an algorithm, the export's page lists", () => {
    const pagerank = job({ rawRequest: '{"algorithmName":"pagerank"}' });
    expect(exporterOf(choices, pagerank)?.id).toBe('exportJobResult');
    expect(exporterOf(choices, { ...pagerank, status: 'running' })).toBeUndefined();
    expect(exporterOf(choices, job({ rawRequest: '{"algorithmName":"k_hop"}' }))).toBeUndefined();
    expect(exporterOf(choices, job({ taskType: 'VertexFilterQuery', rawRequest: '{}' }))?.id).toBe('exportJobResult');
    expect(exporterOf(choices, job({ taskType: 'ImportGraph' }))).toBeUndefined();
    expect(jobHeadHtml(pagerank, 'j1', choices)).toContain(
      '<button type="button" id="export-job" data-action="exportJobResult" data-job="j1"',
    );
    expect(jobHeadHtml(pagerank, 'j1')).not.toContain('export-job');
  });

  it("learns from a world's journal which job an export exports: by its body, then by its start time, else not at all", () => {
    const entry = (seq: number, source: string, body: string, virtualTime: string, status = 200): TrafficEntry => ({
      seq,
      startedAt: '2026-01-01T00:00:00.000Z',
      method: 'POST',
      path: `/ges/v1.0/p1/graphs/movie/jobs/${encodeURIComponent(source)}/action`,
      query: { action_id: 'export-result' },
      operationId: 'exportJobResult',
      status,
      durationMs: 1,
      requestHeaders: {},
      requestBody: body,
      virtualTime,
    });
    const exportJob = (jobId: string, rawRequest: string, startTime: string) =>
      job({ jobId, taskType: exporter.taskType, rawRequest, startTime });
    const entries = [
      entry(1, 'a', '{"fileName":"one"}', '2024-05-23T02:00:00.000Z'),
      entry(2, 'b', '{"fileName":"same"}', '2024-05-23T02:01:00.000Z'),
      entry(3, 'c', '{"fileName":"same"}', '2024-05-23T02:02:00.000Z'),
      entry(4, 'd', '{"fileName":"twice"}', '2024-05-23T02:03:00.000Z'),
      entry(5, 'e', '{"fileName":"twice"}', '2024-05-23T02:03:00.000Z'),
      entry(6, 'f', '{"fileName":"refused"}', '2024-05-23T02:04:00.000Z', 400),
    ];
    const learned = exportSources(entries, exporter, [
      exportJob('x1', '{"fileName":"one"}', '2024-05-23 09:00:00'),
      exportJob('x2', '{"fileName":"same"}', '2024-05-23 10:02:00'),
      exportJob('x3', '{"fileName":"twice"}', '2024-05-23 10:03:00'),
      exportJob('x4', '{"fileName":"refused"}', '2024-05-23 10:04:00'),
      job({ jobId: 'x5', rawRequest: '{"fileName":"one"}' }),
    ]);
    expect(Object.fromEntries(learned)).toEqual({ x1: 'a', x2: 'c' });
  });
});
