/**
 * GET /__mock/: the live inspector of the standalone mock. One self-contained HTML string (inline CSS
 * and JS, no build step, no network beyond the mock itself) that polls GET /__mock/state and the list
 * endpoint, shows every graph and its newest jobs with status badges and progress bars, and offers
 * reset, clock and fault buttons over the control API.
 *
 * The page itself is served without the control token (a browser cannot add a header to a
 * navigation), so it embeds nothing the token protects: it fetches state like any other client and
 * takes the token from the URL fragment (`/__mock/#controlToken=…`, never sent to the server) or from
 * its settings field.
 */
import { DEFAULT_GRAPHS } from '../engine/create-engine.js';
import { exampleProjectId } from '../spec/spec-facts.js';
import { DOCS_PATHS, toInlineScriptJson } from './docs-page.js';

/** What the inspector's script is told at render time. */
interface InspectorPageOptions {
  /** Project opened when the engine has seen none yet. Default: the spec's example project id. */
  defaultProject?: string;
  /** Graphs probed for that project. Default: the engine's default graphs. */
  defaultGraphs?: readonly string[];
  /** Jobs shown per graph. Default 15. */
  jobsPerGraph?: number;
  /** Milliseconds between polls. Default 1000; `?poll=` in the page URL overrides it. */
  pollMs?: number;
}

/** Renders the inspector page (HTML string). */
export function renderInspectorPage(options: InspectorPageOptions = {}): string {
  const config = {
    defaultProject: options.defaultProject ?? exampleProjectId,
    defaultGraphs: options.defaultGraphs ?? DEFAULT_GRAPHS,
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
<script>${SCRIPT}</script>
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

// Plain ES2017 in a string (no template literals inside): what the browser runs, exactly as written.
const SCRIPT = String.raw`
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('inspector-config').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var hash = new URLSearchParams(location.hash.slice(1));
  var pollMs = Number(params.get('poll')) || config.pollMs;
  var store = window.sessionStorage;

  if (hash.get('controlToken')) store.setItem('ges-inspector-control-token', hash.get('controlToken'));
  $('control-token').value = store.getItem('ges-inspector-control-token') || '';
  $('auth-token').value = store.getItem('ges-inspector-auth-token') || 'inspector';
  $('control-token').addEventListener('change', function (e) { store.setItem('ges-inspector-control-token', e.target.value); refresh(); });
  $('auth-token').addEventListener('change', function (e) { store.setItem('ges-inspector-auth-token', e.target.value); refresh(); });
  // The project chosen in the URL (?project=) or the select wins; otherwise the first one the engine holds.
  var chosenProject = params.get('project') || null;
  var selectedProject = null;
  $('project').addEventListener('change', function (e) { chosenProject = e.target.value; refresh(); });

  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : '';
  }
  // Marks the inspector's own requests, so its traffic view can leave them out.
  var OWN = 'x-ges-inspector';
  function controlHeaders(extra) {
    var headers = Object.assign({}, extra || {});
    headers[OWN] = '1';
    var token = $('control-token').value;
    if (token) headers['X-Mock-Control-Token'] = token;
    return headers;
  }
  function readJson(response) {
    return response.text().then(function (text) {
      var body = null;
      try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
      if (!response.ok) {
        var reason = body && body.errorCode ? body.errorCode + ': ' + body.errorMessage : 'HTTP ' + response.status;
        throw new Error(reason);
      }
      return body;
    });
  }
  function control(method, path, body) {
    var init = { method: method, headers: controlHeaders(body ? { 'Content-Type': 'application/json' } : {}) };
    if (body) init.body = JSON.stringify(body);
    return fetch(path, init).then(readJson);
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key.indexOf('data-') === 0) node.setAttribute(key, attrs[key]);
      else node[key] = attrs[key];
    });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }
  function badge(status, count) {
    return el('span', { className: 'badge', 'data-status': status, text: count === undefined ? status : status + ' ' + count });
  }
  function bar(progress, status) {
    var value = Math.max(0, Math.min(100, Number(progress) || 0));
    var inner = el('span');
    inner.style.width = value + '%';
    var wrapper = el('span', { className: 'bar', 'data-status': status, title: value + '%' }, [inner]);
    return el('span', { className: 'progress' }, [wrapper, ' ' + value + '%']);
  }
  function formatNow(ms) {
    // GES shows China time (UTC+8); so does the inspector, to match startTime in the lists.
    var d = new Date(ms + 8 * 3600 * 1000).toISOString();
    return d.slice(0, 10) + ' ' + d.slice(11, 19) + ' (UTC+8)';
  }

  function renderState(state) {
    $('clock').textContent = formatNow(state.now);
    $('clock').setAttribute('data-now', String(state.now));
    $('faults').textContent = state.faults && Object.keys(state.faults).length ? JSON.stringify(state.faults, null, 2) : 'none';
    var projects = [];
    state.graphs.forEach(function (g) { if (projects.indexOf(g.project) === -1) projects.push(g.project); });
    selectedProject = chosenProject || projects[0] || config.defaultProject;
    if (projects.indexOf(selectedProject) === -1) projects.push(selectedProject);
    var select = $('project');
    var shown = Array.prototype.map.call(select.options, function (o) { return o.value; }).join('\n');
    if (shown !== projects.join('\n')) {
      select.replaceChildren.apply(select, projects.map(function (p) { return el('option', { value: p, text: p }); }));
    }
    select.value = selectedProject;
    var tbody = $('graphs').querySelector('tbody');
    tbody.replaceChildren.apply(tbody, state.graphs.map(function (g) {
      var chips = Object.keys(g.byStatus).map(function (s) { return badge(s, g.byStatus[s]); });
      return el('tr', { 'data-project': g.project, 'data-graph': g.graph }, [
        el('td', { className: 'id', text: g.project }), el('td', { text: g.graph }),
        el('td', { text: String(g.jobCount) }), el('td', {}, chips)]);
    }));
    // The engine lists a graph once a project touched it; the configured ones are shown from the start.
    var graphs = state.graphs.filter(function (g) { return g.project === selectedProject; }).map(function (g) { return g.graph; });
    (state.graphNames || config.defaultGraphs).forEach(function (g) { if (graphs.indexOf(g) === -1) graphs.push(g); });
    return graphs;
  }
  function isMissingGraph(result) {
    return result.error && /GES\.8000/.test(result.error.message) && /not exist/.test(result.error.message);
  }

  function listJobs(project, graph) {
    var url = '/ges/v1.0/' + encodeURIComponent(project) + '/graphs/' + encodeURIComponent(graph) +
      '/jobs/status?limit=' + config.jobsPerGraph + '&offset=0';
    var headers = { 'X-Auth-Token': $('auth-token').value };
    headers[OWN] = '1';
    return fetch(url, { headers: headers }).then(readJson);
  }

  function renderGraphJobs(graph, result) {
    var section = el('section', { 'data-graph': graph });
    if (result.error) {
      section.append(el('h2', { text: graph }), el('p', { className: 'graph-error', text: 'Could not list jobs: ' + result.error.message }));
      return section;
    }
    var list = result.value;
    section.append(el('h2', { text: graph + ': newest ' + list.jobs.length + ' of ' + list.jobCount + ' jobs' }));
    var rows = list.jobs.map(function (job) {
      return el('tr', { 'data-job-id': job.jobId, 'data-status': job.status }, [
        el('td', { className: 'id', text: job.jobId }), el('td', { text: job.taskType }),
        el('td', {}, [badge(job.status)]), el('td', {}, [bar(job.progress, job.status)]),
        el('td', { text: job.startTime || '' }), el('td', { text: job.endTime || '' }),
        el('td', { text: job.failReason || '' })]);
    });
    var head = el('thead', {}, [el('tr', {}, ['Job', 'Type', 'Status', 'Progress', 'Started', 'Ended', 'Fail reason'].map(function (h) { return el('th', { text: h }); }))]);
    section.append(el('table', {}, [head, el('tbody', {}, rows)]));
    return section;
  }

  var timer = null;
  var running = null;
  var queued = null;
  function refresh() {
    // A refresh asked for while one runs (a button after a control call) must read the state after
    // that call: it runs once the current one ends, and every request in between shares it.
    if (running) {
      queued = queued || running.then(function () { queued = null; return refresh(); });
      return queued;
    }
    running = control('GET', '/__mock/state').then(function (state) {
      $('connection').textContent = 'live';
      $('connection').className = 'pill ok';
      var graphs = renderState(state);
      return Promise.all(graphs.map(function (graph) {
        return listJobs(selectedProject, graph).then(
          function (value) { return { value: value }; },
          function (error) { return { error: error }; });
      })).then(function (results) {
        var jobs = $('jobs');
        // A default graph this mock was not configured with (--graphs) is left out, not shown as an error.
        var sections = graphs.map(function (graph, i) { return isMissingGraph(results[i]) ? null : renderGraphJobs(graph, results[i]); });
        jobs.replaceChildren.apply(jobs, sections.filter(Boolean));
        return control('GET', '/__mock/projects/' + encodeURIComponent(selectedProject) + '/requests').then(renderTraffic, function () {});
      }).then(function () {
        document.body.setAttribute('data-refreshed', String(Date.now()));
      });
    }).catch(function (error) {
      $('connection').textContent = 'error';
      $('connection').className = 'pill down';
      say('State unavailable: ' + error.message + (/8007|control/i.test(error.message) ? ' (set the control token under Tokens)' : ''), true);
    }).then(function () { running = null; });
    return running;
  }
  function renderTraffic(journal) {
    var entries = journal.requests.filter(function (e) { return !e.requestHeaders[OWN]; }).slice(-25).reverse();
    var tbody = $('traffic').querySelector('tbody');
    tbody.replaceChildren.apply(tbody, entries.map(function (e) {
      var query = Object.keys(e.query).length ? '?' + new URLSearchParams(e.query).toString() : '';
      return el('tr', { 'data-seq': String(e.seq) }, [e.startedAt.slice(11, 23), e.method, e.path + query, e.operationId || '', String(e.status) + (e.errorCode ? ' ' + e.errorCode : ''),
        String(Math.round(e.durationMs * 10) / 10), e.fault ? e.fault.kind : ''].map(function (text) { return el('td', { text: text }); }));
    }));
  }
  function loop() {
    refresh().then(function () { timer = setTimeout(loop, pollMs); });
  }
  function act(label, promise) {
    return promise.then(function () { say(label); return refresh(); }, function (error) { say(label + ' failed: ' + error.message, true); });
  }

  $('reset').addEventListener('click', function () { act('Engine reset', control('POST', '/__mock/reset', {})); });
  document.querySelectorAll('[data-advance]').forEach(function (button) {
    button.addEventListener('click', function () {
      var ms = Number(button.getAttribute('data-advance'));
      act('Clock advanced by ' + (ms / 60000) + ' min', control('POST', '/__mock/clock', { advanceMs: ms }));
    });
  });
  document.querySelectorAll('[data-fault]').forEach(function (button) {
    button.addEventListener('click', function () {
      act('Fault injected: ' + button.textContent, control('PUT', '/__mock/faults', JSON.parse(button.getAttribute('data-fault'))));
    });
  });
  $('fault-clear').addEventListener('click', function () { act('Faults cleared', control('DELETE', '/__mock/faults')); });
  // Fetched rather than followed, so that the control token (a header) goes with it.
  $('download-snapshot').addEventListener('click', function (e) {
    e.preventDefault();
    control('GET', '/__mock/snapshot').then(function (snapshot) {
      var url = URL.createObjectURL(new Blob([JSON.stringify(snapshot, null, 2) + '\n'], { type: 'application/json' }));
      var link = el('a', { href: url, download: 'ges-mock-snapshot.json' });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say('Snapshot downloaded');
    }, function (error) { say('Snapshot failed: ' + error.message, true); });
  });
  $('upload-fixtures').addEventListener('change', function (e) {
    var file = e.target.files && e.target.files[0];
    if (!file) return;
    e.target.value = '';
    file.text().then(function (text) {
      var init = { method: 'PUT', headers: controlHeaders({ 'Content-Type': 'application/json' }), body: text };
      return act('Fixtures loaded from ' + file.name, fetch('/__mock/fixtures', init).then(readJson));
    });
  });
  loop();
})();
`;
