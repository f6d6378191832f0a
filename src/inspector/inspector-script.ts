/**
 * The browser script of the inspector page (GET /__mock/), as checked TypeScript: typecheck compiles
 * it against the DOM, the unit tests import its pure helpers, and `npm run gen` turns it into the
 * plain script the page inlines (src/generated/inspector-script.ts, drift-checked like the other
 * generated files). It runs in the page as one classic script, so it imports nothing at run time
 * (type imports only) and starts with `startInspector()`.
 */
import type { MockState } from '../engine/engine-types.js';
import type { JobList } from '../types.js';

/** What the page tells its script (the JSON of `#inspector-config`). */
export interface InspectorConfig {
  defaultProject: string;
  defaultGraphs: readonly string[];
  jobsPerGraph: number;
  pollMs: number;
  docsPath: string;
}

/** GET /__mock/state as the script reads it. */
type InspectorState = Pick<MockState, 'now' | 'graphs'> & {
  graphNames?: string[] | undefined;
  faults?: Record<string, unknown> | undefined;
};

/** One graph's list, or why it could not be read. */
type ListResult = { value: JobList; error?: undefined } | { error: Error; value?: undefined };

/** The header that marks the inspector's own requests, so its traffic view can leave them out. */
export const OWN_REQUEST_HEADER = 'x-ges-inspector';

/** One request of a world's journal, as the traffic view reads it. */
export interface TrafficEntry {
  seq: number;
  startedAt: string;
  method: string;
  path: string;
  query: Record<string, string>;
  operationId?: string | undefined;
  status: number;
  errorCode?: string | undefined;
  durationMs: number;
  fault?: { kind: string } | undefined;
  requestHeaders: Record<string, string>;
}

/** The traffic view's rows: the app's last `most` requests (the inspector's own left out), newest first. */
export function trafficRows(entries: readonly TrafficEntry[], most = 25): { seq: number; cells: string[] }[] {
  return entries
    .filter((e) => !e.requestHeaders[OWN_REQUEST_HEADER])
    .slice(-most)
    .reverse()
    .map((e) => {
      const query = Object.keys(e.query).length ? `?${new URLSearchParams(e.query).toString()}` : '';
      return {
        seq: e.seq,
        cells: [
          e.startedAt.slice(11, 23),
          e.method,
          e.path + query,
          e.operationId || '',
          String(e.status) + (e.errorCode ? ` ${e.errorCode}` : ''),
          String(Math.round(e.durationMs * 10) / 10),
          e.fault ? e.fault.kind : '',
        ],
      };
    });
}

/** The mock's virtual time as the GES lists show times: China time (UTC+8). */
export function formatNow(ms: number): string {
  const d = new Date(ms + 8 * 3600 * 1000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)} (UTC+8)`;
}

/** A job's progress ("40") as a bar width from 0 to 100; anything unreadable is 0. */
export function progressValue(progress: unknown): number {
  return Math.max(0, Math.min(100, Number(progress) || 0));
}

/** What a refused answer says: the GES envelope's code and message, else its HTTP status. */
export function refusalReason(status: number, body: unknown): string {
  const envelope = body as { errorCode?: unknown; errorMessage?: unknown } | null;
  return envelope?.errorCode ? `${String(envelope.errorCode)}: ${String(envelope.errorMessage)}` : `HTTP ${status}`;
}

/** Whether a list failed only because this mock has no such graph (a default left out by --graphs). */
export function isMissingGraph(result: ListResult): boolean {
  return result.error !== undefined && /GES\.8000/.test(result.error.message) && /not exist/.test(result.error.message);
}

/**
 * The projects the select offers and the one shown: the chosen one (URL or select) wins, else the
 * first the engine holds, else the default project; the shown one is always offered.
 */
export function chooseProject(
  state: InspectorState,
  chosen: string | null,
  defaultProject: string,
): { projects: string[]; selected: string } {
  const projects: string[] = [];
  for (const g of state.graphs) if (!projects.includes(g.project)) projects.push(g.project);
  const selected = chosen || projects[0] || defaultProject;
  if (!projects.includes(selected)) projects.push(selected);
  return { projects, selected };
}

/**
 * The graphs whose jobs are shown for a project: those it touched, then every configured one (the
 * engine lists a graph once a project touched it; the configured ones are shown from the start).
 */
export function graphsToShow(state: InspectorState, project: string, defaultGraphs: readonly string[]): string[] {
  const graphs = state.graphs.filter((g) => g.project === project).map((g) => g.graph);
  for (const g of state.graphNames || defaultGraphs) if (!graphs.includes(g)) graphs.push(g);
  return graphs;
}

/** The list request of a graph's newest jobs. */
export function jobsUrl(project: string, graph: string, limit: number): string {
  return `/ges/v1.0/${encodeURIComponent(project)}/graphs/${encodeURIComponent(graph)}/jobs/status?limit=${limit}&offset=0`;
}

/** Wires the page: polling, rendering, and the control buttons. Runs once, in the browser. */
export function startInspector(): void {
  const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
  const config = JSON.parse(byId('inspector-config').textContent || '{}') as InspectorConfig;
  const params = new URLSearchParams(location.search);
  const hash = new URLSearchParams(location.hash.slice(1));
  const pollMs = Number(params.get('poll')) || config.pollMs;
  const store = window.sessionStorage;
  const controlToken = byId<HTMLInputElement>('control-token');
  const authToken = byId<HTMLInputElement>('auth-token');

  const fromHash = hash.get('controlToken');
  if (fromHash) store.setItem('ges-inspector-control-token', fromHash);
  controlToken.value = store.getItem('ges-inspector-control-token') || '';
  authToken.value = store.getItem('ges-inspector-auth-token') || 'inspector';
  controlToken.addEventListener('change', () => {
    store.setItem('ges-inspector-control-token', controlToken.value);
    void refresh();
  });
  authToken.addEventListener('change', () => {
    store.setItem('ges-inspector-auth-token', authToken.value);
    void refresh();
  });
  // The project chosen in the URL (?project=) or the select wins; otherwise the first one the engine holds.
  let chosenProject: string | null = params.get('project') || null;
  let selectedProject = config.defaultProject;
  const projectSelect = byId<HTMLSelectElement>('project');
  projectSelect.addEventListener('change', () => {
    chosenProject = projectSelect.value;
    void refresh();
  });

  function say(text: string, isError?: boolean): void {
    byId('message').textContent = text;
    byId('message').className = isError ? 'error' : '';
  }
  function controlHeaders(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { ...extra, [OWN_REQUEST_HEADER]: '1' };
    if (controlToken.value) headers['X-Mock-Control-Token'] = controlToken.value;
    return headers;
  }
  function readJson<T = unknown>(response: Response): Promise<T> {
    return response.text().then((text) => {
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      if (!response.ok) throw new Error(refusalReason(response.status, body));
      return body as T;
    });
  }
  function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: controlHeaders(body ? { 'Content-Type': 'application/json' } : {}) };
    if (body) init.body = JSON.stringify(body);
    return fetch(path, init).then((response) => readJson<T>(response));
  }
  function el(tag: string, attrs: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElement {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('data-')) node.setAttribute(key, value);
      else (node as unknown as Record<string, string>)[key] = value;
    }
    node.append(...children);
    return node;
  }
  function badge(status: string, count?: number): HTMLElement {
    return el('span', { className: 'badge', 'data-status': status, text: count === undefined ? status : `${status} ${count}` });
  }
  function bar(progress: unknown, status: string): HTMLElement {
    const value = progressValue(progress);
    const inner = el('span');
    inner.style.width = `${value}%`;
    const wrapper = el('span', { className: 'bar', 'data-status': status, title: `${value}%` }, [inner]);
    return el('span', { className: 'progress' }, [wrapper, ` ${value}%`]);
  }

  function renderState(state: InspectorState): string[] {
    byId('clock').textContent = formatNow(state.now);
    byId('clock').setAttribute('data-now', String(state.now));
    byId('faults').textContent = state.faults && Object.keys(state.faults).length ? JSON.stringify(state.faults, null, 2) : 'none';
    const { projects, selected } = chooseProject(state, chosenProject, config.defaultProject);
    selectedProject = selected;
    const shown = Array.from(projectSelect.options, (option) => option.value).join('\n');
    if (shown !== projects.join('\n')) projectSelect.replaceChildren(...projects.map((p) => el('option', { value: p, text: p })));
    projectSelect.value = selectedProject;
    const tbody = byId('graphs').querySelector('tbody')!;
    tbody.replaceChildren(
      ...state.graphs.map((g) => {
        const chips = Object.keys(g.byStatus).map((s) => badge(s, g.byStatus[s]));
        return el('tr', { 'data-project': g.project, 'data-graph': g.graph }, [
          el('td', { className: 'id', text: g.project }),
          el('td', { text: g.graph }),
          el('td', { text: String(g.jobCount) }),
          el('td', {}, chips),
        ]);
      }),
    );
    return graphsToShow(state, selectedProject, config.defaultGraphs);
  }

  function listJobs(project: string, graph: string): Promise<JobList> {
    return fetch(jobsUrl(project, graph, config.jobsPerGraph), {
      headers: { 'X-Auth-Token': authToken.value, [OWN_REQUEST_HEADER]: '1' },
    }).then((response) => readJson<JobList>(response));
  }

  function renderGraphJobs(graph: string, result: ListResult): HTMLElement {
    const section = el('section', { 'data-graph': graph });
    if (result.error) {
      section.append(
        el('h2', { text: graph }),
        el('p', { className: 'graph-error', text: `Could not list jobs: ${result.error.message}` }),
      );
      return section;
    }
    const list = result.value;
    section.append(el('h2', { text: `${graph}: newest ${list.jobs.length} of ${list.jobCount} jobs` }));
    const rows = list.jobs.map((job) =>
      el('tr', { 'data-job-id': job.jobId, 'data-status': job.status }, [
        el('td', { className: 'id', text: job.jobId }),
        el('td', { text: job.taskType }),
        el('td', {}, [badge(job.status)]),
        el('td', {}, [bar(job.progress, job.status)]),
        el('td', { text: job.startTime || '' }),
        el('td', { text: job.endTime || '' }),
        el('td', { text: job.failReason || '' }),
      ]),
    );
    const head = el('thead', {}, [
      el(
        'tr',
        {},
        ['Job', 'Type', 'Status', 'Progress', 'Started', 'Ended', 'Fail reason'].map((h) => el('th', { text: h })),
      ),
    ]);
    section.append(el('table', {}, [head, el('tbody', {}, rows)]));
    return section;
  }

  function renderTraffic(journal: { requests: TrafficEntry[] }): void {
    const rows = trafficRows(journal.requests).map((row) =>
      el(
        'tr',
        { 'data-seq': String(row.seq) },
        row.cells.map((text) => el('td', { text })),
      ),
    );
    byId('traffic')
      .querySelector('tbody')!
      .replaceChildren(...rows);
  }

  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  function refresh(): Promise<void> {
    // A refresh asked for while one runs (a button after a control call) must read the state after
    // that call: it runs once the current one ends, and every request in between shares it.
    if (running) {
      queued =
        queued ||
        running.then(() => {
          queued = null;
          return refresh();
        });
      return queued;
    }
    running = control<InspectorState>('GET', '/__mock/state')
      .then((state) => {
        byId('connection').textContent = 'live';
        byId('connection').className = 'pill ok';
        const graphs = renderState(state);
        return Promise.all(
          graphs.map((graph) =>
            listJobs(selectedProject, graph).then(
              (value): ListResult => ({ value }),
              (error: Error): ListResult => ({ error }),
            ),
          ),
        )
          .then((results) => {
            // A default graph this mock was not configured with (--graphs) is left out, not shown as an error.
            const sections = graphs.flatMap((graph, i) => (isMissingGraph(results[i]!) ? [] : [renderGraphJobs(graph, results[i]!)]));
            byId('jobs').replaceChildren(...sections);
            return control<{ requests: TrafficEntry[] }>('GET', `/__mock/projects/${encodeURIComponent(selectedProject)}/requests`).then(
              renderTraffic,
              () => {},
            );
          })
          .then(() => {
            document.body.setAttribute('data-refreshed', String(Date.now()));
          });
      })
      .catch((error: Error) => {
        byId('connection').textContent = 'error';
        byId('connection').className = 'pill down';
        say(
          `State unavailable: ${error.message}${/8007|control/i.test(error.message) ? ' (set the control token under Tokens)' : ''}`,
          true,
        );
      })
      .then(() => {
        running = null;
      });
    return running;
  }
  function loop(): void {
    void refresh().then(() => {
      setTimeout(loop, pollMs);
    });
  }
  function act(label: string, promise: Promise<unknown>): Promise<void> {
    return promise.then(
      () => {
        say(label);
        return refresh();
      },
      (error: Error) => say(`${label} failed: ${error.message}`, true),
    );
  }

  byId('reset').addEventListener('click', () => void act('Engine reset', control('POST', '/__mock/reset', {})));
  document.querySelectorAll<HTMLElement>('[data-advance]').forEach((button) => {
    button.addEventListener('click', () => {
      const ms = Number(button.getAttribute('data-advance'));
      void act(`Clock advanced by ${ms / 60000} min`, control('POST', '/__mock/clock', { advanceMs: ms }));
    });
  });
  document.querySelectorAll<HTMLElement>('[data-fault]').forEach((button) => {
    button.addEventListener('click', () => {
      void act(
        `Fault injected: ${button.textContent}`,
        control('PUT', '/__mock/faults', JSON.parse(button.getAttribute('data-fault') || '{}')),
      );
    });
  });
  byId('fault-clear').addEventListener('click', () => void act('Faults cleared', control('DELETE', '/__mock/faults')));
  // Fetched rather than followed, so that the control token (a header) goes with it.
  byId('download-snapshot').addEventListener('click', (e) => {
    e.preventDefault();
    control('GET', '/__mock/snapshot').then(
      (snapshot) => {
        const url = URL.createObjectURL(new Blob([`${JSON.stringify(snapshot, null, 2)}\n`], { type: 'application/json' }));
        const link = el('a', { href: url, download: 'ges-mock-snapshot.json' });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
        say('Snapshot downloaded');
      },
      (error: Error) => say(`Snapshot failed: ${error.message}`, true),
    );
  });
  const upload = byId<HTMLInputElement>('upload-fixtures');
  upload.addEventListener('change', () => {
    const file = upload.files?.[0];
    if (!file) return;
    upload.value = '';
    void file.text().then((text) => {
      const init = { method: 'PUT', headers: controlHeaders({ 'Content-Type': 'application/json' }), body: text };
      return act(
        `Fixtures loaded from ${file.name}`,
        fetch('/__mock/fixtures', init).then((response) => readJson(response)),
      );
    });
  });
  loop();
}
