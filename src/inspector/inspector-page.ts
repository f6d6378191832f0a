/**
 * GET /__mock/: the live inspector of the mock. One self-contained HTML string (inline CSS and JS, no
 * network beyond the mock itself). The server paints it with data (read-first-paint.ts): the worlds,
 * the chosen world's clock and graphs with their counts, and the page of jobs the URL asks for; the
 * script (inspector-script.ts, compiled into src/generated/ by `npm run gen`) then takes over and
 * polls the control routes and the GES API with the same rendering functions (inspector-view.ts).
 *
 * A browser cannot add a header to a navigation, so the page itself needs no control token. When the
 * mock requires one and the request lacks it, the page is painted without data and the script reads
 * the token from the URL fragment (`/__mock/#controlToken=…`, never sent to the server, removed from
 * the address bar once read) or from its settings field.
 */
import { ALGORITHM_LIST } from '../engine/algorithms.js';
import { INSPECTOR_SCRIPT } from '../generated/inspector-script.js';
import { exampleProjectId, limitBounds, offsetBounds } from '../spec/spec-facts.js';
import { actionChoices } from './action-choices.js';
import { DOCS_PATHS, toInlineScriptJson } from './docs-page.js';
import {
  actionOf,
  KNOWN_STATUSES,
  PAGE_SIZES,
  faultsText,
  formatNow,
  kindOptions,
  pageCount,
  parameterTemplate,
  readView,
  statusOptions,
  worldInfo,
  type ActionChoice,
  type AlgorithmChoice,
  type PagingLimits,
} from './inspector-model.js';
import type { InspectorSource } from './inspector-source.js';
import { INSPECTOR_STYLE } from './inspector-style.js';
import {
  actionOptionsHtml,
  actionParamsHtml,
  esc,
  graphRowsHtml,
  jobBodyHtml,
  jobHeadHtml,
  jobRowsHtml,
  jobsSummary,
  kindHtml,
  optionsHtml,
  pagerHtml,
} from './inspector-view.js';
import { readFirstPaint, type FirstPaint } from './read-first-paint.js';

/** What the page may be told beyond the defaults. */
interface InspectorPageOptions {
  /** Project opened when the engine holds none yet. Default: the spec's example project id. */
  defaultProject?: string | undefined;
  /** Milliseconds between polls. Default 1000; `?poll=` in the page URL overrides it. */
  pollMs?: number | undefined;
}

/** The request the page answers: its query string, and the mock's data when the request may read it. */
interface InspectorPageRequest {
  search?: string | undefined;
  source?: InspectorSource | undefined;
}

/** The spec's paging bounds, which the script (running in the browser) is told. */
const PAGING_LIMITS: PagingLimits = { maxLimit: limitBounds.max, maxOffset: offsetBounds.max };

/** The spec's job-creating actions as the submit form offers them, read once. */
let actions: ActionChoice[] | undefined;
const actionsOnce = (): ActionChoice[] => (actions ??= actionChoices());

/** What the script is told at render time (its InspectorConfig, inspector-script.ts). */
function configOf(defaultProject: string, pollMs: number, first: FirstPaint | undefined) {
  const algorithms: AlgorithmChoice[] = ALGORITHM_LIST.map((a) => ({
    name: a.name,
    required: a.required,
    vertexParams: a.vertexParams,
    cancellable: a.cancellable,
  }));
  return {
    defaultProject,
    pollMs,
    limits: PAGING_LIMITS,
    docsPath: DOCS_PATHS.page,
    algorithms,
    actions: actionsOnce(),
    initial: first ? { project: first.view.project, graph: first.view.graph, kinds: first.kinds, statuses: first.statuses } : undefined,
  };
}

/** Renders the inspector page (HTML string), with data when `request.source` is given. */
export function renderInspectorPage(options: InspectorPageOptions = {}, request: InspectorPageRequest = {}): string {
  const defaultProject = options.defaultProject ?? exampleProjectId;
  const asked = readView(request.search ?? '', PAGING_LIMITS);
  const first = request.source ? readFirstPaint(request.source, asked, defaultProject, PAGING_LIMITS) : undefined;
  const view = first?.view ?? asked;
  const config = configOf(defaultProject, options.pollMs ?? 1000, first);
  const list = first && !('error' in first.list) ? first.list : undefined;
  const listError = first && 'error' in first.list ? first.list.error : '';
  const row = first?.rows.find((r) => r.graph === view.graph);
  const project = view.project || defaultProject;
  const algorithm = ALGORITHM_LIST.find((a) => a.name === 'pagerank') ?? ALGORITHM_LIST[0];
  // The form opens on algorithm runs; the other actions are one choice away.
  const choices = actionsOnce();
  const action = choices.find((c) => c.form === 'algorithm') ?? choices[0];
  const pageSizes = PAGE_SIZES.map(String);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GES mock inspector</title>
<link rel="icon" href="data:,">
<style>${INSPECTOR_STYLE}</style>
</head>
<body>
<header>
  <h1>GES mock inspector</h1>
  <span><span class="label">World now</span> <span id="clock" data-now="${first ? first.world.now : ''}">${first ? esc(formatNow(first.world.now)) : '…'}</span></span>
  <span id="connection" class="pill">${first ? 'rendered' : 'connecting…'}</span>
  <a href="${DOCS_PATHS.page}">API docs</a>
</header>
<main>
  <section class="toolbar" aria-label="Controls">
    <div class="group"><label class="label" for="project">World</label>
      <select id="project" title="The project whose jobs, clock and traffic are shown">${optionsHtml(first?.worlds ?? [project], project)}</select>
      <span id="world-info" class="hint">${first ? esc(worldInfo(first.world)) : ''}</span></div>
    <div class="group" role="group" aria-labelledby="clock-label"><span class="label" id="clock-label">Clock</span>
      <button type="button" data-advance="60000" id="advance-1m">+1 min</button>
      <button type="button" data-advance="600000" id="advance-10m">+10 min</button>
      <button type="button" data-advance="3600000" id="advance-1h">+1 h</button>
      <button type="button" data-advance="86400000" id="advance-1d">+1 day</button>
      <select id="clock-scope" aria-label="Whose clock the buttons move"><option value="world" selected>of this world</option><option value="all">of every world</option></select></div>
    <div class="group" role="group" aria-labelledby="reset-label"><span class="label" id="reset-label">Reset</span>
      <button type="button" id="reset-world" title="POST /__mock/projects/{project_id}/reset">This world</button>
      <button type="button" id="reset" title="POST /__mock/reset">Every world</button></div>
    <div class="group" role="group" aria-labelledby="faults-label"><span class="label" id="faults-label">Faults</span>
      <button type="button" data-fault='{"nextFailures":{"count":3,"status":503}}' id="fault-next-503" title="PUT /__mock/faults">Fail next 3 (503)</button>
      <button type="button" data-fault='{"errorRate":{"rate":0.5,"status":500}}' id="fault-rate-500">50% errors (500)</button>
      <button type="button" data-fault='{"latency":{"fixedMs":400}}' id="fault-latency">+400 ms latency</button>
      <button type="button" id="fault-clear" title="DELETE /__mock/faults">Clear faults</button></div>
    <div class="group" role="group" aria-labelledby="fixtures-label"><span class="label" id="fixtures-label">Fixtures</span>
      <a href="/__mock/snapshot" id="download-snapshot" download="ges-mock-snapshot.json" title="GET /__mock/snapshot: the whole state as a fixture document">Download snapshot</a>
      <label class="file" title="PUT /__mock/fixtures: replace the whole state with a fixture document (JSON)">Upload fixtures
        <input type="file" id="upload-fixtures" accept=".json,application/json"></label></div>
    <details class="group"><summary>Tokens</summary>
      <label>X-Auth-Token <input id="auth-token" size="18"></label>
      <label>Control token <input id="control-token" size="18" type="password" placeholder="only if --control-token"></label>
    </details>
  </section>
  <p id="message" role="status"${first ? '' : ' class="error" data-until-refreshed'}>${first ? '' : 'This mock requires its control token: open /__mock/#controlToken=… or enter it under Tokens.'}</p>
  <section aria-labelledby="faults-title"><h2 id="faults-title">Faults in force</h2><pre id="faults">${esc(faultsText(first?.faults))}</pre></section>
  <div class="layout">
  <div>
  <section aria-labelledby="graphs-title"><h2 id="graphs-title">Graphs of world <code id="world-name">${esc(project)}</code></h2>
    <table id="graphs"><thead><tr><th scope="col">Graph</th><th scope="col">Jobs</th><th scope="col">By status</th></tr></thead><tbody>${first ? graphRowsHtml(first.rows, view.graph) : ''}</tbody></table>
  </section>
  <section id="jobs" aria-labelledby="jobs-title"${jobsAttributes(first)}>
    <h2 id="jobs-title">${list ? esc(jobsSummary(list)) : 'Jobs'}</h2>
    <div class="filters">
      <label>Status <select id="filter-status">${optionsHtml(['', ...statusOptions(row?.byStatus, first?.statuses ?? KNOWN_STATUSES)], view.status, { '': 'any status' })}</select></label>
      <label>Kind <select id="filter-kind">${optionsHtml(['', ...kindOptions([...(first?.kinds ?? []), ...(view.kind ? [view.kind] : [])])], view.kind, { '': 'any kind' })}</select></label>
      <label>Per page <select id="page-size">${optionsHtml(pageSizes, String(view.size))}</select></label>
    </div>
    <p id="jobs-error" class="graph-error"${listError ? '' : ' hidden'}>${esc(listError)}</p>
    <div class="scroll"><table id="job-table"><thead><tr><th scope="col">Job</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col">Started</th><th scope="col">Ended</th><th scope="col">Fail reason</th></tr></thead>
      <tbody>${list ? jobRowsHtml(list.jobs, view.job) : ''}</tbody></table></div>
    <nav class="pager" id="pager" aria-label="Pages of jobs">${list ? pagerHtml(list) : ''}</nav>
  </section>
  <section aria-labelledby="submit-title"><h2 id="submit-title">Submit a job to <span id="submit-graph">${esc(view.graph)}</span></h2>
    <form class="submit" id="submit-form">
      <label>Action <select id="action" title="Every action of openapi.yaml that creates a job">${actionOptionsHtml(choices, action?.id ?? '')}</select></label>
      <div id="action-params" class="params">${actionParamsHtml(action, {})}</div>
      <div id="algorithm-fields" class="fieldset"${action?.form === 'algorithm' ? '' : ' hidden'}>
      <label>Algorithm <select id="algorithm">${optionsHtml(
        ALGORITHM_LIST.map((a) => a.name),
        algorithm?.name ?? '',
        Object.fromEntries(ALGORITHM_LIST.map((a) => [a.name, `${a.name}${a.cancellable ? ' (cancellable)' : ''}`])),
      )}</select></label>
      <label for="parameters">Parameters (a JSON object)</label>
      <textarea id="parameters" rows="4" spellcheck="false">${esc(JSON.stringify(parameterTemplate(algorithm), null, 2))}</textarea></div>
      <div id="body-fields" class="fieldset"${action?.form === 'body' ? '' : ' hidden'}><label for="body">Body (JSON, sent as typed; a GES page's example to start from)</label>
      <textarea id="body" rows="10" spellcheck="false">${esc(action?.form === 'body' ? JSON.stringify(action.body, null, 2) : '')}</textarea></div>
      <div><button type="submit" id="submit-job" title="${esc(action ? `${action.method} ${action.path}${action.actionParam === undefined ? '' : `?action_id=${action.actionParam}`}` : '')}">Submit</button></div>
    </form>
    <div id="submit-answer" aria-live="polite"></div>
  </section>
  </div>
  <aside id="detail" aria-labelledby="detail-title">
    <div id="job-head">${jobHeadHtml(first?.job, view.job, choices)}</div>
    <div id="cancel-answer" aria-live="polite"></div>
    <div id="job-kind">${kindHtml(first?.job, undefined, { action: first?.job ? actionOf(choices, first.job) : undefined, source: undefined })}</div>
    <div id="job-body">${jobBodyHtml(first?.job)}</div>
    <section id="job-status-section"${view.job ? '' : ' hidden'} aria-labelledby="job-status-title"><h3 id="job-status-title">Status endpoint</h3><div id="job-status"><p class="hint">Loading…</p></div></section>
  </aside>
  </div>
  <section aria-labelledby="traffic-title"><h2 id="traffic-title">Live traffic of the selected world</h2>
    <p class="hint">Its request journal (GET /__mock/projects/{project_id}/requests), newest first; the inspector's own requests are left out.</p>
    <table id="traffic"><thead><tr><th scope="col">Time</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Operation</th><th scope="col">Status</th><th scope="col">ms</th><th scope="col">Fault</th></tr></thead><tbody></tbody></table>
  </section>
</main>
<script id="inspector-config" type="application/json">${toInlineScriptJson(config)}</script>
<script>${INSPECTOR_SCRIPT}</script>
</body>
</html>
`;
}

/** The jobs section's attributes: what it shows, for scripts and tests to read. */
function jobsAttributes(first: FirstPaint | undefined): string {
  if (!first || 'error' in first.list) return '';
  const { list, view } = first;
  return (
    ` data-project="${esc(view.project)}" data-graph="${esc(view.graph)}" data-page="${list.page}" data-pages="${pageCount(list.total, list.size)}" data-total="${list.total}"` +
    ` data-job-count="${list.jobCount}" data-status-filter="${esc(view.status)}" data-kind-filter="${esc(view.kind)}"`
  );
}
