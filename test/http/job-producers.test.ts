/**
 * Every GES API that creates a job, through the transport-free API as a client meets it: the pages'
 * own request examples accepted as printed, each job listed with its taskType and body, moving on in
 * virtual time, its result served page by page, cancellable exactly as the cancel page lists, and
 * every documented refusal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jobActionOf } from '../../src/spec/job-actions.js';
import { getResponseSchemaPointer } from '../../src/spec/spec-examples.js';
import { createSpecValidator } from '../../src/spec/spec-validator.js';
import type { OperationId } from '../../src/types.js';
import { AUTH, call, createTestApi, MOVIE, PROJECT, type Answer } from '../support/api-client.js';

interface PageExample {
  id: string;
  operationId: OperationId;
  action: string;
  method: string;
  path: string;
  query: string | null;
  body: string | null;
  pathValues?: Record<string, string>;
}

const EXAMPLES = (
  JSON.parse(readFileSync(new URL('../spec/support/ges-page-examples.json', import.meta.url), 'utf8')) as { requests: PageExample[] }
).requests;
const JSON_HEADERS = { ...AUTH, 'content-type': 'application/json' };
const validator = createSpecValidator();
const HOUR = 3_600_000;

/** The example's URL on the movie graph (a job id or index name filled in where its path has one). */
function urlOf(example: PageExample, values: Record<string, string> = {}): string {
  const path = example.path
    .replace('{project_id}', PROJECT)
    .replace('{graph_name}', 'movie')
    .replace('{job_id}', values['job_id'] ?? 'none')
    .replace('{indexName}', values['indexName'] ?? example.pathValues?.['indexName'] ?? 'none');
  // A blank in the printed query (action_id= import-graph) is sent as the page prints it, escaped.
  return example.query === null ? path : `${path}?${example.query.replaceAll(' ', '%20')}`;
}

const send = (api: ReturnType<typeof createTestApi>, method: string, url: string, body?: string) =>
  call(api, method, url, body === undefined ? { headers: AUTH } : { headers: JSON_HEADERS, body });

/** The answer's violations of the schema its operation documents for its status. */
function schemaProblems(operationId: OperationId, answer: Answer): string[] {
  const pointer = getResponseSchemaPointer(operationId, String(answer.status));
  return pointer ? validator.validate(pointer, answer.json).map((v) => `${v.path} ${v.message}`) : [`no schema for ${answer.status}`];
}

const listed = async (api: ReturnType<typeof createTestApi>) =>
  (await call(api, 'GET', `${MOVIE}/jobs/status?limit=1000`)).json.jobs as Record<string, unknown>[];

/** A finished louvain job, whose result the export-result page exports. */
async function finishedLouvain(api: ReturnType<typeof createTestApi>): Promise<string> {
  const created = await send(api, 'POST', `${MOVIE}/action?action_id=execute-algorithm`, '{"algorithmName":"louvain","parameters":{}}');
  api.clock.advance(HOUR);
  return created.json.jobId as string;
}

describe('the GES APIs that create jobs', () => {
  it('accept every request example the pages print, as printed, and list each job with its taskType and its body byte for byte', async () => {
    const api = createTestApi({ jobsPerGraph: 5 });
    const jobExamples = EXAMPLES.filter((example) => example.method !== 'GET' && example.operationId !== 'cancelJob');
    expect(jobExamples.length).toBeGreaterThanOrEqual(15);
    for (const example of jobExamples) {
      const values: Record<string, string> = {};
      if (example.operationId === 'exportJobResult') values['job_id'] = await finishedLouvain(api);
      if (example.operationId === 'deleteIndex') {
        const composite = EXAMPLES.find((e) => e.id === 'index-create-composite')!;
        await send(api, 'POST', urlOf(composite), composite.body!);
        api.clock.advance(HOUR);
      }
      const answer = await send(api, example.method, urlOf(example, values), example.body ?? undefined);
      expect(answer.status, `${example.id}: ${JSON.stringify(answer.json)}`).toBe(200);
      expect(schemaProblems(example.operationId, answer), example.id).toEqual([]);
      const action = jobActionOf(example.operationId, /action_id=\s*([^&]+)/.exec(decodeURIComponent(example.query ?? ''))?.[1]?.trim());
      if (!action) throw new Error(`no action for ${example.id}`);
      const body = example.body === null ? {} : (JSON.parse(example.body) as Record<string, unknown>);
      if (action.createsJob === 'async' && body['executionMode'] !== 'async') {
        // The synchronous forms answer at once and make no job.
        expect(answer.json.jobId, example.id).toBeUndefined();
        continue;
      }
      expect(answer.json.jobId, example.id).toEqual(expect.any(String));
      if (action.jobType === undefined) expect(answer.json, example.id).not.toHaveProperty('jobType');
      else expect(answer.json.jobType, example.id).toBe(action.jobType);
      const job = (await listed(api)).find((each) => each['jobId'] === answer.json.jobId);
      expect(job, example.id).toMatchObject({ taskType: action.taskType, rawRequest: example.body ?? '' });
    }
  });

  it('run each kind in virtual time and serve its result page by page through the job status API', async () => {
    const api = createTestApi({ jobsPerGraph: 0 });
    const query = EXAMPLES.find((e) => e.id === 'vertex-query')!;
    const created = await send(api, 'POST', urlOf(query), query.body!);
    const statusUrl = (offset: number, limit: number) => `${MOVIE}/jobs/${created.json.jobId}/status?offset=${offset}&limit=${limit}`;
    expect((await call(api, 'GET', statusUrl(0, 10))).json.status).toBe('pending');
    api.clock.advance(HOUR);
    const first = await call(api, 'GET', statusUrl(0, 1));
    expect(first.json.status).toBe('success');
    expect(schemaProblems('getJobStatus', first)).toEqual([]);
    const outputs = first.json.data.outputs;
    // The page's example: vertices with the counters beside them, the query's limit (2) kept.
    expect(outputs).toMatchObject({ data_offset: 0, data_total_size: expect.any(Number) });
    expect(outputs.vertices.length).toBe(outputs.data_return_size);
    expect(outputs.data_return_size).toBeLessThanOrEqual(1);
    const whole = (await call(api, 'GET', statusUrl(0, 100))).json.data.outputs;
    expect(whole.vertices.length).toBeLessThanOrEqual(2);
    for (const vertex of whole.vertices)
      expect(vertex).toMatchObject({
        id: expect.any(String),
        label: expect.stringMatching(/^(movies|user)$/),
        properties: { Age: ['18-24'] },
      });
    if (whole.vertices.length === 2)
      expect((await call(api, 'GET', statusUrl(1, 1))).json.data.outputs.vertices).toEqual([whole.vertices[1]]);
  });

  it("fill in an import's files file by file, lines growing, times in microseconds, until it succeeds", async () => {
    const api = createTestApi({ jobsPerGraph: 0 });
    const importing = EXAMPLES.find((e) => e.id === 'import-graph')!;
    const created = await send(api, 'POST', urlOf(importing), importing.body!);
    expect(created.json).toEqual({ jobId: expect.any(String) });
    const seen: { files: number; lines: number; status: string }[] = [];
    for (let step = 0; step < 40; step++) {
      const job = (await listed(api))[0]!;
      const stats = ((job['files'] ?? []) as Record<string, Record<string, number>[]>[]).flatMap((group) => Object.values(group).flat());
      seen.push({
        files: stats.length,
        lines: stats.reduce((n, stat) => n + (stat['successfulLines'] ?? stat['successfulLabels'] ?? 0), 0),
        status: String(job['status']),
      });
      for (const stat of stats) expect(String(stat['startTime'])).toMatch(/^\d{16}$/);
      api.clock.advance(30_000);
    }
    expect(seen.at(-1)!.status).toBe('success');
    expect(new Set(seen.map((s) => s.files)).size).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.files).toBeGreaterThanOrEqual(seen[i - 1]!.files);
      expect(seen[i]!.lines).toBeGreaterThanOrEqual(seen[i - 1]!.lines);
    }
    // The page names directories: each holds several of the graph's files; the schema file is one.
    const names = ((await listed(api))[0]!['files'] as Record<string, { fileName: string }[]>[]).flatMap((group) =>
      Object.values(group)
        .flat()
        .map((f) => f.fileName),
    );
    expect(names).toContain('testbucket/demo_movie/incremental_data_schema.xml');
    expect(names.some((name) => name.startsWith('testbucket/demo_movie/edges/'))).toBe(true);
  });

  it('cancel exactly the kinds the cancel page lists, and refuse the others with GES.8303', async () => {
    const api = createTestApi({ jobsPerGraph: 0 });
    const cases = [
      ['vertex-query', true],
      ['edge-query', true],
      ['index-create-composite', true],
      ['import-graph', true],
      ['vertex-export', false],
      ['edge-delete', false],
      ['filtered-query-async', false],
    ] as const;
    for (const [id, cancellable] of cases) {
      const example = EXAMPLES.find((e) => e.id === id)!;
      const created = await send(api, 'POST', urlOf(example), example.body!);
      const job = (await listed(api)).find((each) => each['jobId'] === created.json.jobId)!;
      expect(job['canStop'], id).toBe(cancellable);
      const cancel = await call(api, 'DELETE', `${MOVIE}/jobs/${created.json.jobId}`);
      expect(cancel.status, id).toBe(cancellable ? 200 : 400);
      if (!cancellable) expect(cancel.json.errorCode, id).toBe('GES.8303');
    }
  });

  it("export a job's result, and erase the exported job once the export succeeds unless erase is false", async () => {
    const api = createTestApi({ jobsPerGraph: 0 });
    const exporting = EXAMPLES.find((e) => e.id === 'job-export-result')!;
    const erased = await finishedLouvain(api);
    const kept = await finishedLouvain(api);
    const first = await send(api, 'POST', urlOf(exporting, { job_id: erased }), exporting.body!);
    const keepBody = JSON.stringify({ ...JSON.parse(exporting.body!), erase: false });
    const second = await send(api, 'POST', urlOf(exporting, { job_id: kept }), keepBody);
    expect([first.status, second.status]).toEqual([200, 200]);
    const ids = async () => (await listed(api)).map((job) => job['jobId']);
    expect(await ids()).toEqual(expect.arrayContaining([erased, kept]));
    const before = (await call(api, 'GET', `${MOVIE}/jobs/status?limit=0`)).json.jobCount as number;
    api.clock.advance(HOUR);
    expect(await ids()).not.toContain(erased);
    expect(await ids()).toContain(kept);
    expect((await call(api, 'GET', `${MOVIE}/jobs/status?limit=0`)).json.jobCount).toBe(before - 1);
    expect((await call(api, 'GET', `${MOVIE}/jobs/${erased}/status`)).json.errorCode).toBe('GES.8301');
    const export_ = (await call(api, 'GET', `${MOVIE}/jobs/${first.json.jobId}/status`)).json;
    expect(export_).toMatchObject({ status: 'success', data: { outputs: { exportPath: 'demo_movie/', fileName: 'louvain' } } });
  });

  it('answer each refusal with the code its page documents', async () => {
    const api = createTestApi({ jobsPerGraph: 0 });
    const post = (path: string, body: unknown) =>
      send(api, 'POST', `${MOVIE}${path}`, typeof body === 'string' ? body : JSON.stringify(body));
    const refusals: [string, Promise<Answer>, string, RegExp?][] = [
      [
        'no labels or filters (vertices)',
        post('/vertices/action?action_id=query', {}),
        'GES.8203',
        /^Bad Request, parameter labels and vertexFilters cannot all be null$/,
      ],
      ['a label that is no string', post('/vertices/action?action_id=query', { labels: [1] }), 'GES.8201'],
      ['a condition without predicate', post('/vertices/action?action_id=query', { vertexFilters: [{ propertyName: 'Age' }] }), 'GES.8202'],
      [
        'a sort orderValue',
        post('/vertices/action?action_id=query', { labels: ['user'], sorts: [{ key: 'id', orderValue: 'up' }] }),
        'GES.8205',
      ],
      [
        'an export without exportPath',
        post('/vertices/action?action_id=export', { labels: ['user'], obsParameters: { accessKey: 'a', secretKey: 'b' } }),
        'GES.8000',
      ],
      ['no labels or filters (edges)', post('/edges/action?action_id=delete', {}), 'GES.8103', /edgeFilters cannot all be null/],
      ['an edge label that is no string', post('/edges/action?action_id=query', { labels: [{}] }), 'GES.8102'],
      ['an edge condition', post('/edges/action?action_id=query', { edgeFilters: [{ predicate: '=' }] }), 'GES.8101'],
      ['an edge sort', post('/edges/action?action_id=query', { labels: ['rate'], sorts: [{ orderValue: 'sideways' }] }), 'GES.8104'],
      [
        'a batch-deleted edge without source',
        post('/edges/action?action_id=batch-delete', { edges: [{ target: '1' }] }),
        'GES.8000',
        /^parameter does not contain 'source'$/,
      ],
      ['a batch delete without edges', post('/edges/action?action_id=batch-delete', { edges: [] }), 'GES.8110'],
      [
        'an unknown executionMode',
        post('/action?action_id=filtered-query', { executionMode: 'later', filters: [] }),
        'GES.8806',
        /^executionMode is not correct, it should be sync or async$/,
      ],
      ['an import naming no file', post('/action?action_id=import-graph', { delimiter: ',' }), 'GES.8013'],
      [
        'an index name with a blank',
        post('/indices', { indexName: 'my index', indexType: 'FullTextIndex', indexProperty: ['Age'] }),
        'GES.8603',
      ],
      ['a composite index without properties', post('/indices', { indexName: 'x', indexType: 'GlobalCompositeVertexIndex' }), 'GES.8603'],
      ['an unknown index', send(api, 'DELETE', `${MOVIE}/indices/nothing`), 'GES.8604'],
      ['an unknown job to export', post('/jobs/unknown0/action?action_id=export-result', { exportPath: 'a/' }), 'GES.8301'],
      ['an unknown action', post('/vertices/action?action_id=count', { labels: ['user'] }), 'GES.8000'],
      ['a body that is no object', post('/indices', '[1]'), 'GES.8000'],
    ];
    for (const [what, answer, code, message] of refusals) {
      const got = await answer;
      expect(got.status, what).toBe(400);
      expect(got.json.errorCode, what).toBe(code);
      if (message) expect(got.json.errorMessage, what).toMatch(message);
    }
    // A job that has not succeeded (or has no result to export), and an index that exists.
    const running = await post('/action?action_id=execute-algorithm', { algorithmName: 'louvain', parameters: {} });
    expect((await post(`/jobs/${running.json.jobId}/action?action_id=export-result`, { exportPath: 'a/' })).json.errorCode).toBe(
      'GES.8011',
    );
    expect((await post('/indices', { indexName: 'ix', indexType: 'FullTextIndex', indexProperty: ['Age'] })).status).toBe(200);
    expect((await post('/indices', { indexName: 'ix', indexType: 'FullTextIndex', indexProperty: ['Age'] })).json.errorCode).toBe(
      'GES.8603',
    );
  });

  it('name an unknown graph as each page does', async () => {
    const api = createTestApi();
    const base = `/ges/v1.0/${PROJECT}/graphs/nograph`;
    const cases: [string, string, string | undefined, string][] = [
      [
        'POST',
        `${base}/action?action_id=filtered-query`,
        '{"executionMode":"async","filters":[{"operator":"outV"}],"vertices":["1"]}',
        'GES.8806',
      ],
      ['POST', `${base}/action?action_id=import-graph`, '{"edgesetPath":"a.csv"}', 'GES.8013'],
      ['POST', `${base}/indices`, '{"indexName":"a","indexType":"FullTextIndex","indexProperty":["x"]}', 'GES.8603'],
      ['DELETE', `${base}/indices/a`, undefined, 'GES.8604'],
      ['POST', `${base}/jobs/j1/action?action_id=export-result`, '{"exportPath":"a/"}', 'GES.8011'],
      ['POST', `${base}/vertices/action?action_id=query`, '{"labels":["user"]}', 'GES.8000'],
    ];
    for (const [method, url, body, code] of cases) {
      const answer = await send(api, method, url, body);
      expect(answer.status, url).toBe(400);
      expect(answer.json, url).toMatchObject({ errorCode: code, errorMessage: expect.stringMatching(/nograph/) });
    }
  });
});
