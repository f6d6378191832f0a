/**
 * The inspector's browser modules (src/inspector/inspector-{model,view,script}.ts): their pure logic
 * and HTML, and that the page inlines the compiled form of exactly those files (the browser suite in
 * test/e2e runs it).
 */
import { describe, expect, it } from 'vitest';
import { INSPECTOR_SCRIPT } from '../../src/generated/inspector-script.js';
import { renderInspectorPage } from '../../src/inspector/inspector-page.js';
import {
  chooseGraph,
  chooseProject,
  clampPage,
  fileRows,
  formatMicros,
  formatNow,
  graphRows,
  isCancellable,
  kindOptions,
  listUrl,
  matchesFilter,
  pageCount,
  parameterTemplate,
  prettyRawRequest,
  progressValue,
  readView,
  refusalReason,
  resultCounters,
  statusOptions,
  statusUrl,
  viewSearch,
  worldsOf,
} from '../../src/inspector/inspector-model.js';
import { jobBodyHtml, jobHeadHtml, jobRowsHtml, jobsSummary, statusAnswerHtml } from '../../src/inspector/inspector-view.js';
import { renderInspectorScript } from '../../scripts/build-inspector-script.js';
import { job, LIMITS } from './support/inspector-values.js';

const graph = (project: string, name: string) => ({ project, graph: name, jobCount: 1, byStatus: { success: 1 } });

describe('the inspector model', () => {
  it('shows the virtual time as China time, as the lists do, and file times (µs) to the millisecond', () => {
    expect(formatNow(Date.parse('2024-05-23T02:00:00Z'))).toBe('2024-05-23 10:00:00 (UTC+8)');
    // openapi.yaml, LineFileStat: 1716428001745772 is 2024-05-23 09:33:21 +08:00
    expect(formatMicros(1716428001745772)).toBe('2024-05-23 09:33:21.745');
    expect(formatMicros(undefined)).toBe('');
  });

  it('reads progress as a bar width from 0 to 100', () => {
    expect([progressValue('40'), progressValue('250'), progressValue('-3'), progressValue('n/a'), progressValue(undefined)]).toEqual([
      40, 100, 0, 0, 0,
    ]);
  });

  it('words a refusal by its GES envelope, else by its status', () => {
    expect(refusalReason(401, { errorCode: 'GES.8007', errorMessage: 'Invalid token.' })).toBe('GES.8007: Invalid token.');
    expect(refusalReason(502, null)).toBe('HTTP 502');
  });

  it('reads the view from the URL, defaults for anything unreadable, and writes back only what differs', () => {
    const view = readView('?project=p1&graph=movie&status=failed&kind=ImportGraph&page=3&size=20&job=j9&resultOffset=10', LIMITS);
    expect(view).toEqual({
      project: 'p1',
      graph: 'movie',
      status: 'failed',
      kind: 'ImportGraph',
      page: 2,
      size: 20,
      job: 'j9',
      resultOffset: 10,
      resultLimit: 10,
    });
    expect(viewSearch(view, { poll: '250' })).toBe(
      '?poll=250&project=p1&graph=movie&status=failed&kind=ImportGraph&page=3&size=20&job=j9&resultOffset=10',
    );
    expect(readView('?page=0&size=7&resultLimit=-1', LIMITS)).toMatchObject({ page: 0, size: 50, resultLimit: 10 });
    expect(viewSearch(readView('', LIMITS))).toBe('');
  });

  it('offers the default project and every world the engine holds, and opens the chosen, else the first held', () => {
    const state = { now: 0, worlds: ['w1', 'p1'], graphs: [graph('p1', 'movie'), graph('p2', 'roads')] };
    expect(worldsOf(state, 'dflt', 'p9')).toEqual(['dflt', 'w1', 'p1', 'p2', 'p9']);
    expect(chooseProject(state, '', 'dflt')).toBe('w1');
    expect(chooseProject(state, 'p9', 'dflt')).toBe('p9');
    expect(chooseProject({ now: 0, graphs: [graph('p2', 'roads')] }, '', 'dflt')).toBe('p2');
    expect(chooseProject({ now: 0, graphs: [] }, '', 'dflt')).toBe('dflt');
  });

  it("lists a world's graphs in its order, with counts once read, and shows the chosen one if it has it", () => {
    const world = {
      project: 'p1',
      now: 0,
      graphNames: ['movie', 'team'],
      graphs: [{ graph: 'team', jobCount: 2, byStatus: { failed: 2 } }],
    };
    const rows = graphRows(world);
    expect(rows).toEqual([{ graph: 'movie' }, { graph: 'team', jobCount: 2, byStatus: { failed: 2 } }]);
    expect(chooseGraph(rows, 'team')).toBe('team');
    expect(chooseGraph(rows, 'roads')).toBe('movie');
    expect(chooseGraph([], 'roads')).toBe('');
  });

  it('filters by status and kind, both open sets built from the values seen', () => {
    expect(statusOptions({ pending: 1, complete: 2 }, ['partiallyFailed', 'failed'])).toEqual([
      'pending',
      'running',
      'success',
      'failed',
      'complete',
      'partiallyFailed',
    ]);
    expect(kindOptions(['ImportGraph', 'Algorithm', 'ExportGraph', 'Algorithm'])).toEqual(['Algorithm', 'ExportGraph', 'ImportGraph']);
    expect(matchesFilter(job({ status: 'failed', taskType: 'ImportGraph' }), { status: 'failed', kind: '' })).toBe(true);
    expect(matchesFilter(job({ status: 'failed', taskType: 'ImportGraph' }), { status: 'failed', kind: 'Algorithm' })).toBe(false);
  });

  it('pages a list: at least one page, and the last page when the list got shorter', () => {
    expect([pageCount(0, 50), pageCount(50, 50), pageCount(51, 50)]).toEqual([1, 1, 2]);
    expect([clampPage(5, 120, 50), clampPage(1, 120, 50), clampPage(3, 0, 50)]).toEqual([2, 1, 0]);
    expect(listUrl('p 1', 'movie', 50, 100)).toBe('/ges/v1.0/p%201/graphs/movie/jobs/status?limit=50&offset=100');
    expect(statusUrl('p1', 'movie', 'a/b', 20, 10)).toBe('/ges/v1.0/p1/graphs/movie/jobs/a%2Fb/status?offset=20&limit=10');
  });

  it('pretty-prints rawRequest when it is JSON, and says so when it is empty or not JSON', () => {
    expect(prettyRawRequest('{"algorithmName":"pagerank","parameters":{"alpha":0.85}}').text).toBe(
      '{\n  "algorithmName": "pagerank",\n  "parameters": {\n    "alpha": 0.85\n  }\n}',
    );
    expect(prettyRawRequest('')).toEqual({ text: '', note: 'empty string' });
    expect(prettyRawRequest('algorithm=pagerank')).toEqual({ text: 'algorithm=pagerank', note: 'not JSON: shown as sent' });
  });

  it("reads an import's file statistics, in lines or labels, with their share done", () => {
    const rows = fileRows([
      {
        edgeFiles: [
          { fileName: 'e.csv', totalLines: 200, successfulLines: 90, failedLines: 10, status: 'running', startTime: 1716428001745772 },
        ],
      },
      { schemaFiles: [{ fileName: 's.xml', totalLabels: 4, successfulLabels: 4, failedLabels: 0, status: 'success' }] },
      { vertexFiles: [] },
    ]);
    expect(rows.map((r) => [r.group, r.unit, r.fileName, r.successful, r.failed, r.total, r.percent, r.start])).toEqual([
      ['edgeFiles', 'lines', 'e.csv', 90, 10, 200, 50, '2024-05-23 09:33:21.745'],
      ['schemaFiles', 'labels', 's.xml', 4, 0, 4, 100, ''],
    ]);
    expect(fileRows(undefined)).toEqual([]);
  });

  it("reads a result page's counters beside the outputs or inside them, as engines differ", () => {
    const inside = { status: 'success', data: { outputs: { kcore: [], data_return_size: 3, data_offset: 6, data_total_size: 906 } } };
    const beside = { status: 'success', data: { vertices: [], data_return_size: 0, data_offset: 10, data_total_size: 10 } };
    expect(resultCounters(inside)).toEqual({ returned: 3, offset: 6, total: 906 });
    expect(resultCounters(beside)).toEqual({ returned: 0, offset: 10, total: 10 });
    expect(resultCounters({ status: 'running' })).toBeUndefined();
  });

  it('offers to cancel only an unfinished job that says it can stop, and starts parameters from the required ones', () => {
    expect(isCancellable(job({ status: 'running', canStop: true }))).toBe(true);
    expect(isCancellable(job({ status: 'running', canStop: false }))).toBe(false);
    expect(isCancellable(job({ status: 'success', canStop: true }))).toBe(false);
    expect(parameterTemplate({ name: 'k_hop', required: ['k', 'source'], vertexParams: ['source'], cancellable: false })).toEqual({
      k: 3,
      source: '1',
    });
    expect(parameterTemplate({ name: 'x', required: ['sources'], vertexParams: ['sources'], cancellable: false })).toEqual({
      sources: '1,2',
    });
  });
});

describe('the inspector view', () => {
  it('escapes every value from the mock', () => {
    const hostile = job({ jobId: '<img src=x onerror=alert(1)>', taskType: '"><script>', rawRequest: '</pre><b>x</b>', failReason: '&' });
    const html = jobRowsHtml([hostile], '') + jobHeadHtml(hostile, hostile.jobId) + jobBodyHtml(hostile);
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows every field of a job, its files, and the status answer with its counters', () => {
    const imported = job({
      taskType: 'ImportGraph',
      files: [{ vertexFiles: [{ fileName: 'v.csv', totalLines: 4, successfulLines: 1, failedLines: 1, status: 'running' }] }],
      extra: 7,
    });
    const body = jobBodyHtml(imported);
    expect(body).toContain('<th scope="row">extra</th><td><code>7</code></td>');
    expect(body).toContain('data-file="v.csv"');
    expect(body).toContain('data-value="50"');
    const answer = {
      status: 'success',
      data: { outputs: { pagerank: [{ 1: 0.5 }], data_return_size: 1, data_offset: 0, data_total_size: 3 } },
      result: 'success',
    };
    const html = statusAnswerHtml('/x', 200, answer, { resultLimit: 1 }, LIMITS);
    expect(html).toContain('records 1–1 of 3');
    expect(html).toContain('data-result-move="previous" disabled');
    expect(html).not.toContain('data-result-move="next" disabled');
  });

  it('sums up a page of the list, filtered or not', () => {
    const page = { graph: 'movie', jobs: [job({}), job({ jobId: 'j2' })], total: 52, jobCount: 52, page: 1, size: 50, filtered: false };
    expect(jobsSummary(page)).toBe('movie: jobs 51–52 of 52');
    expect(jobsSummary({ ...page, total: 7, page: 0, filtered: true, jobs: [job({})] })).toBe('movie: jobs 1–1 of 7 matching (of 52)');
    expect(jobsSummary({ ...page, total: 0, page: 0, filtered: true, jobs: [] })).toBe('movie: no matching jobs');
  });
});

describe('the inspector script', () => {
  it('is inlined in the page compiled from the three modules, as one classic script that starts the inspector', async () => {
    const generated = await renderInspectorScript();
    for (const name of ['function formatNow(ms) {', 'function jobRowsHtml(jobs, selected) {', 'function startInspector() {'])
      expect(generated).toContain(JSON.stringify(name).slice(1, -1));
    expect(renderInspectorPage()).toContain(`<script>${INSPECTOR_SCRIPT}</script>`);
    expect(INSPECTOR_SCRIPT).toMatch(/startInspector\(\);\n\}\)\(\);\n$/);
    expect(INSPECTOR_SCRIPT).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(() => new Function(INSPECTOR_SCRIPT)).not.toThrow(); // parses as a classic script
  });
});
