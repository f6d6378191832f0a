/**
 * Pages under /__mock/ (GET, no body): the inspector (`/__mock/`), the API reference (`/__mock/docs`,
 * or how to enable it when the optional Redoc is missing) and the spec (`/__mock/openapi.yaml`),
 * rendered by src/inspector/. The control router serves whatever is listed here.
 */
import { DOCS_PATHS, renderDocsPage, renderDocsSetupPage } from '../inspector/docs-page.js';
import { renderInspectorPage } from '../inspector/inspector-page.js';
import type { InspectorSource } from '../inspector/inspector-source.js';
import { readRedocBundle, REDOC_UNAVAILABLE_SCRIPT } from '../inspector/redoc-bundle.js';
import { readSpecYaml, SPEC_PATH } from '../inspector/spec-file.js';

/** What a page is rendered from: the query string, and the mock's data when the request may read it. */
interface PageRequest {
  search: string;
  source: InspectorSource | undefined;
}

/** A page: HTML text, or another content type with its body. */
export type ControlPage = (request: PageRequest) => string | { contentType: string; body: string };

/** Pages by exact path (e.g. '/__mock/', '/__mock/docs'). */
export const controlPages: Readonly<Record<string, ControlPage>> = {
  '/__mock': (request) => renderInspectorPage({}, request),
  '/__mock/': (request) => renderInspectorPage({}, request),
  [DOCS_PATHS.page]: () => (readRedocBundle() === undefined ? renderDocsSetupPage() : renderDocsPage()),
  [DOCS_PATHS.redocScript]: () => ({ contentType: 'text/javascript; charset=utf-8', body: readRedocBundle() ?? REDOC_UNAVAILABLE_SCRIPT }),
  [SPEC_PATH]: () => ({ contentType: 'application/yaml; charset=utf-8', body: readSpecYaml() }),
};
