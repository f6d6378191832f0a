/**
 * GET /__mock/docs: openapi.yaml as readable HTML, rendered in the browser by Redoc's standalone
 * bundle. The spec is inlined (from the generated module, so no YAML parser or file read at run time)
 * and the bundle is served by the mock itself, so the page works with no network at all.
 */
import { openapiDocument } from '../generated/openapi-document.js';
import { REDOC_RANGE } from './redoc-bundle.js';
import { SPEC_PATH } from './spec-file.js';

/** Where the docs page and its script live, relative to the server root. */
export const DOCS_PATHS = {
  page: '/__mock/docs',
  redocScript: '/__mock/docs/redoc.standalone.js',
} as const;

/**
 * The page may load nothing but its own origin: Redoc's sidebar otherwise fetches its logo from a CDN,
 * and a docs page of a mock must render the same with no network at all.
 */
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'";

/** Options of renderDocsPage. */
export interface DocsPageOptions {
  /** URL of Redoc's standalone bundle. Default DOCS_PATHS.redocScript. */
  redocScriptUrl?: string | undefined;
  /** The OpenAPI document to render. Default: openapi.yaml (src/generated/openapi-document.ts). */
  spec?: unknown;
}

/**
 * Serialises a value for a `<script>` element: JSON with `<`, `>`, `&` and the line separators
 * escaped, so no spec text can close the element or start a comment.
 */
export function toInlineScriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Renders the self-contained docs page (HTML string). */
export function renderDocsPage(options: DocsPageOptions = {}): string {
  const scriptUrl = options.redocScriptUrl ?? DOCS_PATHS.redocScript;
  const spec = options.spec ?? openapiDocument;
  const title = escapeHtml(readTitle(spec));
  return `${docsHead(
    title,
    `body{margin:0;${FONT}}
#ges-docs-fallback{padding:2rem;color:#444}`,
  )}
<body>
<div id="ges-docs"><p id="ges-docs-fallback">Loading the API reference…</p></div>
<script id="ges-spec" type="application/json">${toInlineScriptJson(spec)}</script>
<script src="${escapeHtml(scriptUrl)}"></script>
<script>
(function () {
  var target = document.getElementById('ges-docs');
  if (!window.Redoc) {
    target.textContent = 'Redoc could not be loaded from ${escapeJsString(scriptUrl)}; the raw spec is in the #ges-spec element of this page.';
    return;
  }
  var spec = JSON.parse(document.getElementById('ges-spec').textContent);
  // Redoc reads the spec object directly: no fetch, so the page renders offline.
  window.Redoc.init(spec, { hideDownloadButton: true, expandResponses: '200', jsonSampleExpandLevel: 3 }, target);
})();
</script>
</body>
</html>
`;
}

/**
 * What /__mock/docs answers when Redoc cannot be read (it is an optional peer dependency, or the page
 * was answered by MSW in a browser): how to enable it, and the spec itself, which is always served.
 */
export function renderDocsSetupPage(options: Pick<DocsPageOptions, 'spec'> = {}): string {
  const title = escapeHtml(readTitle(options.spec ?? openapiDocument));
  return `${docsHead(
    title,
    `body{margin:0;padding:2rem;${FONT};color:#222;max-width:48rem}
code,pre{background:#f4f4f4;padding:.1rem .3rem}`,
  )}
<body>
<h1>${title}</h1>
<p id="ges-docs-setup">The rendered API reference needs <a href="https://github.com/Redocly/redoc">Redoc</a>, an optional
peer dependency of ges-jobs-kit. Add it to your project and restart the mock:</p>
<pre><code>npm i -D redoc@${escapeHtml(REDOC_RANGE)}</code></pre>
<p>The spec itself is always here: <a href="${SPEC_PATH}">GET ${SPEC_PATH}</a>.</p>
</body>
</html>
`;
}

const FONT = 'font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif';

/** The head both docs pages share: the same CSP, title and viewport, their own style. */
function docsHead(title: string, style: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${DOCS_CSP}">
<title>${title}: API docs</title>
<style>${style}</style>
</head>`;
}

function readTitle(spec: unknown): string {
  const info = (spec as { info?: { title?: unknown } | undefined } | null)?.info;
  return typeof info?.title === 'string' ? info.title : 'API';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeJsString(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/</g, '\\u003c');
}
