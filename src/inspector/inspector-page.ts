/**
 * GET /__mock/: the live inspector of the standalone mock. One self-contained HTML string (inline CSS
 * and JS, no network beyond the mock itself; the JS is src/inspector/inspector-script.ts, compiled
 * into src/generated/ by `npm run gen`) that polls GET /__mock/state and the list
 * endpoint, shows every graph and its newest jobs with status badges and progress bars, and offers
 * reset, clock and fault buttons over the control API.
 *
 * The page itself is served without the control token (a browser cannot add a header to a
 * navigation), so it embeds nothing the token protects: it fetches state like any other client and
 * takes the token from the URL fragment (`/__mock/#controlToken=…`, never sent to the server) or from
 * its settings field.
 */
import { ENGINE_DEFAULTS } from '../engine/engine-settings.js';
import { INSPECTOR_SCRIPT } from '../generated/inspector-script.js';
import { exampleProjectId } from '../spec/spec-facts.js';
import { DOCS_PATHS, toInlineScriptJson } from './docs-page.js';

/** What the inspector's script is told at render time (its InspectorConfig, inspector-script.ts). */
interface InspectorPageOptions {
  /** Project opened when the engine has seen none yet. Default: the spec's example project id. */
  defaultProject?: string | undefined;
  /** Graphs probed for that project. Default: the engine's default graphs. */
  defaultGraphs?: readonly string[] | undefined;
  /** Jobs shown per graph. Default 15. */
  jobsPerGraph?: number | undefined;
  /** Milliseconds between polls. Default 1000; `?poll=` in the page URL overrides it. */
  pollMs?: number | undefined;
}

/** Renders the inspector page (HTML string). */
export function renderInspectorPage(options: InspectorPageOptions = {}): string {
  const config = {
    defaultProject: options.defaultProject ?? exampleProjectId,
    defaultGraphs: options.defaultGraphs ?? ENGINE_DEFAULTS.graphs,
    jobsPerGraph: options.jobsPerGraph ?? 15,
    pollMs: options.pollMs ?? 1000,
    docsPath: DOCS_PATHS.page,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GES mock inspector</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>GES mock inspector</h1>
  <span id="clock" title="The mock's virtual time">…</span>
  <span id="connection" class="pill">connecting…</span>
  <a href="${DOCS_PATHS.page}">API docs</a>
</header>
<main>
  <section class="toolbar" aria-label="Controls">
    <div class="group"><span class="label">Engine</span>
      <button type="button" id="reset" title="POST /__mock/reset">Reset</button></div>
    <div class="group"><span class="label">Clock</span>
      <button type="button" data-advance="60000" id="advance-1m" title="POST /__mock/clock">+1 min</button>
      <button type="button" data-advance="600000" id="advance-10m">+10 min</button>
      <button type="button" data-advance="3600000" id="advance-1h">+1 h</button></div>
    <div class="group"><span class="label">Faults</span>
      <button type="button" data-fault='{"nextFailures":{"count":3,"status":503}}' id="fault-next-503" title="PUT /__mock/faults">Fail next 3 (503)</button>
      <button type="button" data-fault='{"errorRate":{"rate":0.5,"status":500}}' id="fault-rate-500">50% errors (500)</button>
      <button type="button" data-fault='{"latency":{"fixedMs":400}}' id="fault-latency">+400 ms latency</button>
      <button type="button" id="fault-clear" title="DELETE /__mock/faults">Clear faults</button></div>
    <div class="group"><span class="label">Fixtures</span>
      <a href="/__mock/snapshot" id="download-snapshot" download="ges-mock-snapshot.json" title="GET /__mock/snapshot: the whole state as a fixture document">Download snapshot</a>
      <label class="file" title="PUT /__mock/fixtures: replace the whole state with a fixture document (JSON)">Upload fixtures
        <input type="file" id="upload-fixtures" accept=".json,application/json"></label></div>
    <div class="group"><span class="label">Project</span>
      <select id="project"></select></div>
    <details class="group"><summary>Tokens</summary>
      <label>X-Auth-Token <input id="auth-token" size="18"></label>
      <label>Control token <input id="control-token" size="18" type="password" placeholder="only if --control-token"></label>
    </details>
  </section>
  <p id="message" role="status"></p>
  <section><h2>Faults in force</h2><pre id="faults">none</pre></section>
  <section><h2>Graphs</h2>
    <table id="graphs"><thead><tr><th>Project</th><th>Graph</th><th>Jobs</th><th>By status</th></tr></thead><tbody></tbody></table>
  </section>
  <section id="jobs"></section>
  <section><h2>Live traffic of the selected project</h2>
    <p class="hint">Its world's request journal (GET /__mock/projects/{project_id}/requests), newest first; the inspector's own requests are left out.</p>
    <table id="traffic"><thead><tr><th>Time</th><th>Method</th><th>Path</th><th>Operation</th><th>Status</th><th>ms</th><th>Fault</th></tr></thead><tbody></tbody></table>
  </section>
</main>
<script id="inspector-config" type="application/json">${toInlineScriptJson(config)}</script>
<script>${INSPECTOR_SCRIPT}</script>
</body>
</html>
`;
}

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f6f7f9}
header{display:flex;align-items:center;gap:1rem;padding:.7rem 1.2rem;background:#1d2330;color:#fff}
header h1{font-size:1.1rem;margin:0}header a{color:#9cc3ff;margin-left:auto}
#clock{font-family:ui-monospace,monospace;font-size:.85rem}
.pill{font-size:.75rem;padding:.1rem .5rem;border-radius:999px;background:#44506a}
.pill.ok{background:#1f9254}.pill.down{background:#c8372d}
main{padding:1rem 1.2rem}h2{font-size:.95rem;margin:1.2rem 0 .4rem}
.toolbar{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.group{display:flex;gap:.35rem;align-items:center}.label{font-size:.75rem;color:#5b6478;text-transform:uppercase}
button,select,input{font:inherit;font-size:.85rem}
button{cursor:pointer;padding:.3rem .6rem;border-radius:6px;border:1px solid #9aa3b5;background:#fff}
button:hover{background:#eef2fa}
#message{min-height:1.2em;font-size:.9rem;white-space:pre-wrap}#message.error{color:#c8372d}
.file{cursor:pointer;padding:.3rem .6rem;border-radius:6px;border:1px solid #9aa3b5;background:#fff;font-size:.85rem}
.file input{display:none}#download-snapshot{font-size:.85rem}
pre{background:#fff;border:1px solid #e4e7ed;padding:.5rem;margin:0;font-size:.8rem}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.82rem;margin-bottom:.5rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e7ed}
td.id{font-family:ui-monospace,monospace;font-size:.75rem}
.badge{display:inline-block;min-width:4.5rem;text-align:center;padding:.05rem .45rem;border-radius:999px;font-size:.72rem;color:#fff;background:#6b7489;margin-right:.25rem}
.badge[data-status=pending]{background:#8a94a6}.badge[data-status=running]{background:#2f6fde}
.badge[data-status=success]{background:#1f9254}.badge[data-status=failed]{background:#c8372d}
.bar{display:inline-block;width:8rem;height:.55rem;background:#e4e7ed;border-radius:4px;overflow:hidden;vertical-align:middle}
.bar>span{display:block;height:100%;background:#2f6fde;transition:width .3s}
.bar[data-status=success]>span{background:#1f9254}.bar[data-status=failed]>span{background:#c8372d}
.graph-error{color:#c8372d;font-size:.85rem}.progress{white-space:nowrap}
.hint{font-size:.8rem;color:#5b6478;margin:.2rem 0}#traffic td{font-family:ui-monospace,monospace;font-size:.75rem}
`;
