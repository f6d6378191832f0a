/**
 * HTML pages under /__mock/ (GET, no body). The inspector (`/__mock/`) and the API reference
 * (`/__mock/docs`) belong to the frontend helper: add their renderers from src/inspector/ to
 * `controlPages` below; the control router serves whatever is listed here.
 */
import type { MockState } from './create-api.js';
import { DOCS_PATHS, renderDocsPage } from '../inspector/docs-page.js';
import { renderInspectorPage } from '../inspector/inspector-page.js';
import { readRedocBundle } from '../inspector/redoc-bundle.js';

/** What a page may read while rendering. */
export interface ControlPageContext {
  /** Engine state and faults, as GET /__mock/state shows them. */
  state(): MockState;
}

/** A page: HTML text, or another content type with its body. */
export type ControlPage = (context: ControlPageContext) => string | { contentType: string; body: string };

/** Pages by exact path (e.g. '/__mock/', '/__mock/docs'). */
export const controlPages: Readonly<Record<string, ControlPage>> = {
  '/__mock': () => renderInspectorPage(),
  '/__mock/': () => renderInspectorPage(),
  [DOCS_PATHS.page]: () => renderDocsPage(),
  [DOCS_PATHS.redocScript]: () => ({ contentType: 'text/javascript; charset=utf-8', body: readRedocBundle() }),
};
