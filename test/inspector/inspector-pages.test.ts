/**
 * The inspector and docs pages as the HTTP layer serves them (the browser suite in test/e2e renders
 * them for real; these are the fast checks that run with the unit tests).
 */
import { describe, expect, test, vi } from 'vitest';
import { createApi } from '../../src/http/create-api.js';
import { createManualClock } from '../../src/clocks.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { renderDocsPage, renderDocsSetupPage, toInlineScriptJson } from '../../src/inspector/docs-page.js';
import { readRedocBundle, REDOC_RANGE, REDOC_UNAVAILABLE_SCRIPT } from '../../src/inspector/redoc-bundle.js';
import type { Job } from '../../src/types.js';

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });
/** The HTML of a table of the page (the inlined script holds the same markup as templates). */
const tableOf = (html: string, id: string) =>
  html.slice(html.indexOf(`<table id="${id}">`), html.indexOf('</table>', html.indexOf(`<table id="${id}">`)));
/** The job ids of the jobs table's rows, in order. */
const rowIds = (html: string) => [...tableOf(html, 'job-table').matchAll(/<tr data-job-id="([^"]+)"/g)].map((m) => m[1]);

describe('the inspector and docs pages', () => {
  test('are served as HTML, never cached, at /__mock/, /__mock and /__mock/docs', async () => {
    const api = createApi();
    for (const url of ['/__mock/', '/__mock', '/__mock/docs']) {
      const response = await api.handle(get(url));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toMatch(/^<!doctype html>/);
    }
  });

  test("serve Redoc's standalone bundle from the redoc package, so the docs need no CDN", async () => {
    const response = await createApi().handle(get('/__mock/docs/redoc.standalone.js'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body!.length).toBeGreaterThan(500_000);
    expect(response.body).not.toBe(REDOC_UNAVAILABLE_SCRIPT);
  });

  test('serve the spec at /__mock/openapi.yaml as the YAML file itself, with or without Redoc', async () => {
    const response = await createApi({ controlToken: 'secret' }).handle(get('/__mock/openapi.yaml'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(response.body).toBe(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));
    expect(parse(response.body!)).toEqual(openapiDocument);
  });

  test('say, without Redoc, how to install it (the peer range package.json declares) and link the spec', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    expect(manifest.peerDependencies.redoc).toBe(REDOC_RANGE);
    expect(manifest.peerDependenciesMeta.redoc?.optional).toBe(true);
    const page = renderDocsSetupPage();
    expect(page).toContain(`npm i -D redoc@${REDOC_RANGE}`);
    expect(page).toContain('<a href="/__mock/openapi.yaml">');
  });

  test('open without the control token, while the data behind them still needs it', async () => {
    const api = createApi({ controlToken: 'secret' });
    expect((await api.handle(get('/__mock/'))).status).toBe(200);
    expect((await api.handle(get('/__mock/docs'))).status).toBe(200);
    expect((await api.handle(get('/__mock/state'))).status).toBe(401);
    expect((await api.handle(get('/__mock/state', { 'x-mock-control-token': 'secret' }))).status).toBe(200);
  });

  test('do not exist when the control routes are off', async () => {
    const api = createApi({ control: false });
    for (const url of ['/__mock/', '/__mock/docs', '/__mock/docs/redoc.standalone.js']) {
      const response = await api.handle(get(url));
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body!)).toMatchObject({ result: 'failed' });
    }
  });

  test('paint the inspector with data: the worlds, the graphs with their counts and the first page of jobs', async () => {
    const api = createApi({ jobsPerGraph: 60, clock: createManualClock() });
    const html = (await api.handle(get('/__mock/'))).body!;
    const project = '0123456789abcdef0123456789abcdef';
    const listed = JSON.parse(
      (await api.handle(get(`/ges/v1.0/${project}/graphs/movie/jobs/status?limit=50`, { 'x-auth-token': 't' }))).body!,
    );
    expect(rowIds(html)).toEqual(listed.jobs.map((j: { jobId: string }) => j.jobId));
    expect(html).toContain('<h2 id="jobs-title">movie: jobs 1–50 of 60</h2>');
    expect(html).toContain(`<option value="${project}" selected>`);
    expect(tableOf(html, 'graphs')).toMatch(
      /<tr data-graph="movie" aria-current="true" class="selected">.*<td>60<\/td>.*data-status="success"/,
    );
    expect(html).toContain(`data-now="${api.engine.now(project)}"`);
  });

  test('paint the world, graph, filters, page and job the URL names', async () => {
    const api = createApi({ jobsPerGraph: 300 });
    const world = 'w42';
    await api.handle({ ...get(`/__mock/projects/${world}/clock`), method: 'POST', body: '{"advanceMs":3600000}' });
    const html = (await api.handle(get(`/__mock/?project=${world}&graph=social_network&status=success&kind=Algorithm&page=2&size=20`)))
      .body!;
    const all = JSON.parse((await api.handle(get(`/ges/v1.0/${world}/graphs/social_network/jobs/status`, { 'x-auth-token': 't' }))).body!);
    const matching = all.jobs.filter((j: Job) => j.status === 'success' && j.taskType === 'Algorithm');
    expect(rowIds(html)).toEqual(matching.slice(20, 40).map((j: Job) => j.jobId));
    expect(html).toContain(`<h2 id="jobs-title">social_network: jobs 21–40 of ${matching.length} matching (of 300)</h2>`);
    expect(html).toContain(`<option value="${world}" selected>`);
    expect(html).toContain('clock +1 h from the mock');
    const opened = matching[25] as Job;
    const detail = (await api.handle(get(`/__mock/?project=${world}&graph=social_network&job=${opened.jobId}`))).body!;
    expect(detail).toContain(`<h2 id="detail-title">Job <code>${opened.jobId}</code></h2>`);
    expect(detail).toContain(JSON.stringify(JSON.parse(opened.rawRequest), null, 2).replaceAll('"', '&quot;'));
  });

  test('paint no data without the control token the mock requires, and all of it with the token', async () => {
    const api = createApi({ controlToken: 'secret' });
    const bare = (await api.handle(get('/__mock/'))).body!;
    expect(rowIds(bare)).toEqual([]);
    expect(bare).toContain('This mock requires its control token');
    expect(tableOf(bare, 'graphs')).toContain('<tbody></tbody>');
    const withToken = (await api.handle(get('/__mock/', { 'x-mock-control-token': 'secret' }))).body!;
    expect(rowIds(withToken)).toHaveLength(50);
  });

  test('name in /__mock/state a world whose fixtures are loaded before anything read it', async () => {
    const api = createApi();
    const loaded = await api.handle({
      ...get('/__mock/projects/fresh1/fixtures'),
      method: 'PUT',
      body: '{"graphs":{"team_graph":{"jobs":[{"status":"failed"}]}}}',
    });
    expect(loaded.status).toBe(200);
    const state = JSON.parse((await api.handle(get('/__mock/state'))).body!);
    expect(state.graphs).toEqual([]);
    expect(state.worlds).toEqual(['fresh1']);
    const html = (await api.handle(get('/__mock/'))).body!;
    expect(html).toContain('<option value="fresh1" selected>');
    expect(html).toContain('<tr data-graph="team_graph"');
  });

  test('inline the spec so that no text in it can close the script element', () => {
    const hostile = { info: { title: 'A </script><script>alert(1)</script> & <!-- title' }, paths: {} };
    const page = renderDocsPage({ spec: hostile });
    expect(page.match(/<\/script>/g)).toHaveLength(3); // the page's own three script elements
    expect(page).toContain('A &#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#60;!-- title: API docs');
    expect(JSON.parse(toInlineScriptJson(hostile))).toEqual(hostile);
    expect(toInlineScriptJson('\u2028<>&')).toBe('"\\u2028\\u003c\\u003e\\u0026"');
  });
});

describe('readRedocBundle', () => {
  test('answers nothing where there is no Node (MSW in a browser) instead of throwing', async () => {
    vi.resetModules(); // a fresh module, so nothing is cached yet
    const fresh = await import('../../src/inspector/redoc-bundle.js');
    const original = globalThis.process.getBuiltinModule;
    Object.defineProperty(globalThis.process, 'getBuiltinModule', { value: undefined, configurable: true });
    try {
      expect(fresh.readRedocBundle()).toBeUndefined();
    } finally {
      Object.defineProperty(globalThis.process, 'getBuiltinModule', { value: original, configurable: true });
    }
    expect(fresh.readRedocBundle()).toBe(readRedocBundle());
  });
});
