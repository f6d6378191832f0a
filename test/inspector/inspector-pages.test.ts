/**
 * The inspector and docs pages as the HTTP layer serves them (the browser suite in test/e2e renders
 * them for real; these are the fast checks that run with the unit tests).
 */
import { describe, expect, test, vi } from 'vitest';
import { createApi } from '../../src/http/create-api.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { renderDocsPage, renderDocsSetupPage, toInlineScriptJson } from '../../src/inspector/docs-page.js';
import { renderInspectorPage } from '../../src/inspector/inspector-page.js';
import { readRedocBundle, REDOC_RANGE, REDOC_UNAVAILABLE_SCRIPT } from '../../src/inspector/redoc-bundle.js';

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });

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

  test('embed no engine data: the inspector page is the same before and after jobs change', async () => {
    const api = createApi();
    const before = (await api.handle(get('/__mock/'))).body;
    api.clock!.advance(3_600_000);
    api.reset(99);
    expect((await api.handle(get('/__mock/'))).body).toBe(before);
    expect(before).toBe(renderInspectorPage());
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
