/**
 * Pages under /__mock/ (GET, no body): the inspector (`/__mock/`), the API reference (`/__mock/docs`,
 * or how to enable it when the optional Redoc is missing) and the spec (`/__mock/openapi.yaml`),
 * rendered by src/inspector/. The control router serves whatever is listed here.
 */
import { DOCS_PATHS, renderDocsPage, renderDocsSetupPage } from '../inspector/docs-page.js';
import { renderInspectorPage } from '../inspector/inspector-page.js';
import { readRedocBundle, REDOC_UNAVAILABLE_SCRIPT } from '../inspector/redoc-bundle.js';
import { readSpecYaml, SPEC_PATH } from '../inspector/spec-file.js';

/** A page: HTML text, or another content type with its body. The inspector reads state from the browser. */
export type ControlPage = () => string | { contentType: string; body: string };

/** Pages by exact path (e.g. '/__mock/', '/__mock/docs'). */
export const controlPages: Readonly<Record<string, ControlPage>> = {
  '/__mock': () => renderInspectorPage(),
  '/__mock/': () => renderInspectorPage(),
  [DOCS_PATHS.page]: () => (readRedocBundle() === undefined ? renderDocsSetupPage() : renderDocsPage()),
  [DOCS_PATHS.redocScript]: () => ({ contentType: 'text/javascript; charset=utf-8', body: readRedocBundle() ?? REDOC_UNAVAILABLE_SCRIPT }),
  [SPEC_PATH]: () => ({ contentType: 'application/yaml; charset=utf-8', body: readSpecYaml() }),
};
