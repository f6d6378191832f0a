/**
 * HTML pages under /__mock/ (GET, no body): the inspector (`/__mock/`) and the API reference
 * (`/__mock/docs`), rendered by src/inspector/. The control router serves whatever is listed here.
 */
import { DOCS_PATHS, renderDocsPage } from '../inspector/docs-page.js';
import { renderInspectorPage } from '../inspector/inspector-page.js';
import { readRedocBundle } from '../inspector/redoc-bundle.js';

/** A page: HTML text, or another content type with its body. The inspector reads state from the browser. */
export type ControlPage = () => string | { contentType: string; body: string };

/** Pages by exact path (e.g. '/__mock/', '/__mock/docs'). */
export const controlPages: Readonly<Record<string, ControlPage>> = {
  '/__mock': () => renderInspectorPage(),
  '/__mock/': () => renderInspectorPage(),
  [DOCS_PATHS.page]: () => renderDocsPage(),
  [DOCS_PATHS.redocScript]: () => ({ contentType: 'text/javascript; charset=utf-8', body: readRedocBundle() }),
};
