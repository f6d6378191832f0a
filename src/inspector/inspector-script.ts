/**
 * The browser script of the inspector page (GET /__mock/), as checked TypeScript: typecheck compiles
 * it against the DOM, and `npm run gen` compiles it with inspector-model.ts and inspector-view.ts
 * into the one classic script the page inlines (src/generated/inspector-script.ts, drift-checked
 * like the other generated files). It imports nothing else at run time and starts with
 * `startInspector()`.
 *
 * The page arrives painted with data; the script keeps it live: it polls the mock's state, the shown
 * world's state, a page of the shown graph's jobs (the whole list when a filter is set), the open
 * job's status endpoint and the world's journal, and re-renders a region only when its HTML changed.
 */
import type { Job, JobList } from '../types.js';
import {
  actionOf,
  actionUrl,
  chooseGraph,
  chooseProject,
  exportSources,
  clampPage,
  faultsText,
  formatNow,
  graphRows,
  isFiltered,
  kindOptions,
  listUrl,
  matchesFilter,
  isUnfinished,
  OWN_REQUEST_HEADER,
  PAGE_SIZES,
  pageCount,
  parameterTemplate,
  readView,
  refusalReason,
  statusOptions,
  statusUrl,
  cancelUrl,
  trafficRows,
  viewSearch,
  worldInfo,
  worldsOf,
  worldUrl,
  type ActionChoice,
  type AlgorithmChoice,
  type GraphRow,
  type InspectorState,
  type InspectorView,
  type PagingLimits,
  type TrafficEntry,
  type WorldState,
} from './inspector-model.js';
import {
  actionParamsHtml,
  answerHtml,
  graphRowsHtml,
  jobBodyHtml,
  jobHeadHtml,
  jobRowsHtml,
  jobsSummary,
  kindHtml,
  optionsHtml,
  pagerHtml,
  statusAnswerHtml,
  trafficRowsHtml,
  type JobsPage,
} from './inspector-view.js';

/** What the page tells its script (the JSON of `#inspector-config`). */
export interface InspectorConfig {
  defaultProject: string;
  pollMs: number;
  docsPath: string;
  algorithms: AlgorithmChoice[];
  /** Every job-creating action of the spec, with the example its form starts from. */
  actions: ActionChoice[];
  /** The spec's paging bounds. */
  limits: PagingLimits;
  /** What the server painted: the view it chose and the filters' values it saw; absent without data. */
  initial?: { project: string; graph: string; kinds: string[]; statuses: string[] } | undefined;
}

/** An answer of the mock read as JSON (null when the body is empty or not JSON). */
interface Answer {
  status: number;
  body: unknown;
}

/** Everything one refresh read, for the view it was read for. */
interface Reading {
  view: InspectorView;
  state: InspectorState;
  world: WorldState;
  rows: GraphRow[];
  list: JobsPage | { error: string };
  job: Job | undefined;
  status: { url: string; answer: Answer } | undefined;
  traffic: TrafficEntry[] | undefined;
}

/** Wires the page: polling, rendering, and the controls. Runs once, in the browser. */
export function startInspector(): void {
  const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
  const config = JSON.parse(byId('inspector-config').textContent || '{}') as InspectorConfig;
  const params = new URLSearchParams(location.search);
  const pollMs = Number(params.get('poll')) || config.pollMs;
  const store = window.sessionStorage;
  const controlToken = byId<HTMLInputElement>('control-token');
  const authToken = byId<HTMLInputElement>('auth-token');

  // Tokens come from the fragment (never sent to the server) and leave the address bar at once.
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('controlToken')) store.setItem('ges-inspector-control-token', hash.get('controlToken')!);
  if (hash.get('authToken')) store.setItem('ges-inspector-auth-token', hash.get('authToken')!);
  controlToken.value = store.getItem('ges-inspector-control-token') || '';
  authToken.value = store.getItem('ges-inspector-auth-token') || 'inspector';

  // The server already settled the URL's world and graph (an unknown graph, a malformed id) when it painted.
  const view = readView(location.search, config.limits);
  if (config.initial) {
    view.project = config.initial.project;
    view.graph = config.initial.graph;
  }
  const keep: Record<string, string> = params.get('poll') ? { poll: params.get('poll')! } : {};
  const syncUrl = () => history.replaceState(null, '', location.pathname + viewSearch(view, keep));
  syncUrl();

  // The filters' values: every taskType and status seen per world and graph (open sets, never a fixed list).
  const seen = new Map<string, { kinds: Set<string>; statuses: Set<string> }>();
  const seenOf = (project: string, graph: string) => {
    const key = `${project}\n${graph}`;
    let entry = seen.get(key);
    if (!entry) seen.set(key, (entry = { kinds: new Set(), statuses: new Set() }));
    return entry;
  };
  const see = (project: string, graph: string, jobs: readonly Job[]) => {
    const entry = seenOf(project, graph);
    for (const job of jobs) {
      entry.kinds.add(job.taskType);
      entry.statuses.add(job.status);
    }
  };
  // Graphs read whole at least once (so their every kind is known); the server read the first one.
  const scanned = new Set<string>();
  if (config.initial) {
    const entry = seenOf(config.initial.project, config.initial.graph);
    for (const kind of config.initial.kinds) entry.kinds.add(kind);
    for (const status of config.initial.statuses) entry.statuses.add(status);
    scanned.add(`${config.initial.project}\n${config.initial.graph}`);
  }
  // The open job as last listed, and the id a whole-list search did not find (not searched again).
  let openJob: Job | undefined;
  let missingJob = '';
  // Which job each export job exports: from this page's own submissions and the world's journal, kept for the tab.
  const SOURCES_KEY = 'ges-inspector-export-sources';
  const sources = new Map<string, string>(Object.entries(JSON.parse(store.getItem(SOURCES_KEY) || '{}') as Record<string, string>));
  const learn = (learned: Map<string, string>) => {
    let changed = false;
    for (const [jobId, source] of learned) {
      if (sources.get(jobId) === source) continue;
      sources.set(jobId, source);
      changed = true;
    }
    if (changed) store.setItem(SOURCES_KEY, JSON.stringify(Object.fromEntries(sources)));
  };

  /** Shows a message; one that only says the state could not be read goes once a refresh reads it. */
  function say(text: string, isError?: boolean, untilRefreshed?: boolean): void {
    const message = byId('message');
    message.textContent = text;
    message.className = isError ? 'error' : '';
    message.toggleAttribute('data-until-refreshed', untilRefreshed === true);
  }
  function controlHeaders(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { ...extra, [OWN_REQUEST_HEADER]: '1' };
    if (controlToken.value) headers['X-Mock-Control-Token'] = controlToken.value;
    return headers;
  }
  function gesHeaders(extra: Record<string, string> = {}): Record<string, string> {
    return { ...extra, 'X-Auth-Token': authToken.value, [OWN_REQUEST_HEADER]: '1' };
  }
  function read(response: Response): Promise<Answer> {
    return response.text().then((text) => {
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: shown as the text it is
      }
      return { status: response.status, body };
    });
  }
  function ok<T>(answer: Answer): T {
    if (answer.status < 200 || answer.status >= 300) throw new Error(refusalReason(answer.status, answer.body));
    return answer.body as T;
  }
  function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: controlHeaders(body ? { 'Content-Type': 'application/json' } : {}) };
    if (body) init.body = JSON.stringify(body);
    return fetch(path, init)
      .then(read)
      .then((answer) => ok<T>(answer));
  }
  function ges(method: string, url: string, body?: string): Promise<Answer> {
    const init: RequestInit = { method, headers: gesHeaders(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
    if (body !== undefined) init.body = body;
    return fetch(url, init).then(read);
  }

  /** Sets a region's HTML when it changed; never under the user's cursor (a focused field keeps its value). */
  const shown = new WeakMap<HTMLElement, string>();
  function setHtml(region: HTMLElement, html: string): void {
    if (shown.get(region) === html) return;
    const active = document.activeElement;
    if (active && region.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) return;
    // A focused button is found again after the swap, so keyboard users keep their place.
    const refocus = active && region.contains(active) ? focusKey(active) : undefined;
    region.innerHTML = html;
    shown.set(region, html);
    if (refocus) (region.querySelector<HTMLElement>(refocus) ?? undefined)?.focus();
  }
  function focusKey(element: Element): string | undefined {
    if (element.id) return `#${CSS.escape(element.id)}`;
    for (const name of element.getAttributeNames())
      if (name.startsWith('data-')) return `[${name}="${CSS.escape(element.getAttribute(name) || '')}"]`;
    return undefined;
  }

  /** Every job of a graph, in list order: pages of the largest limit until jobCount is reached. */
  function readAll(project: string, graph: string): Promise<JobList> {
    const jobs: Job[] = [];
    const next = (offset: number): Promise<JobList> =>
      ges('GET', listUrl(project, graph, config.limits.maxLimit, offset)).then((answer) => {
        const list = ok<JobList>(answer);
        jobs.push(...list.jobs);
        if (list.jobs.length > 0 && jobs.length < list.jobCount) return next(offset + list.jobs.length);
        return { jobs, jobCount: list.jobCount };
      });
    return next(0);
  }

  /** The page the view asks for: one list request, or the whole list filtered here when a filter is set. */
  function readJobs(v: InspectorView): Promise<{ list: JobsPage; all: Job[] | undefined }> {
    const key = `${v.project}\n${v.graph}`;
    if (isFiltered(v) || !scanned.has(key)) {
      return readAll(v.project, v.graph).then(({ jobs, jobCount }) => {
        scanned.add(key);
        see(v.project, v.graph, jobs);
        const matching = isFiltered(v) ? jobs.filter((job) => matchesFilter(job, v)) : jobs;
        const total = isFiltered(v) ? matching.length : jobCount;
        v.page = clampPage(v.page, total, v.size);
        const page = matching.slice(v.page * v.size, (v.page + 1) * v.size);
        return { list: { graph: v.graph, jobs: page, total, jobCount, page: v.page, size: v.size, filtered: isFiltered(v) }, all: jobs };
      });
    }
    const fetchPage = (): Promise<{ list: JobsPage; all: undefined }> =>
      ges('GET', listUrl(v.project, v.graph, v.size, v.page * v.size)).then((answer) => {
        const list = ok<JobList>(answer);
        see(v.project, v.graph, list.jobs);
        const last = clampPage(v.page, list.jobCount, v.size);
        if (last !== v.page) {
          // The list got shorter than the page shown (a reset, evictions): show its last page.
          v.page = last;
          return fetchPage();
        }
        const page: JobsPage = {
          graph: v.graph,
          jobs: list.jobs,
          total: list.jobCount,
          jobCount: list.jobCount,
          page: v.page,
          size: v.size,
          filtered: false,
        };
        return { list: page, all: undefined };
      });
    return fetchPage();
  }

  /**
   * The open job as the list shows it: on the page, else found in the whole list. A finished job
   * never changes, so it is searched for again only while it was unfinished.
   */
  async function findOpenJob(v: InspectorView, list: JobsPage | { error: string }, all: Job[] | undefined): Promise<Job | undefined> {
    if (!v.job) return undefined;
    const found = ('error' in list ? undefined : list.jobs.find((j) => j.jobId === v.job)) ?? all?.find((j) => j.jobId === v.job);
    if (found || all) return found;
    const known = openJob?.jobId === v.job ? openJob : undefined;
    if ('error' in list || missingJob === v.job || (known && !isUnfinished(known))) return known;
    try {
      const whole = await readAll(v.project, v.graph);
      const job = whole.jobs.find((j) => j.jobId === v.job);
      if (!job) missingJob = v.job;
      return job;
    } catch {
      return known;
    }
  }

  /** One refresh's reading, for a copy of the view taken when it started (settled here: world, graph, page). */
  async function load(v: InspectorView): Promise<Reading> {
    const state = await control<InspectorState>('GET', '/__mock/state');
    v.project = chooseProject(state, v.project, config.defaultProject);
    const world = await control<WorldState>('GET', worldUrl(v.project, '/state'));
    const rows = graphRows(world);
    v.graph = chooseGraph(rows, v.graph);
    const { list, all } = v.graph
      ? await readJobs(v).catch((error: Error) => ({ list: { error: `Could not list jobs: ${error.message}` }, all: undefined }))
      : { list: { error: 'This world has no graph.' }, all: undefined };
    const job = await findOpenJob(v, list, all);
    const url = v.job ? statusUrl(v.project, v.graph, v.job, v.resultOffset, v.resultLimit) : '';
    const [status, traffic] = await Promise.all([
      v.job
        ? ges('GET', url).then(
            (answer) => ({ url, answer }),
            (error: Error) => ({ url, answer: { status: 0, body: `Request failed: ${error.message}` } }),
          )
        : undefined,
      control<{ requests: TrafficEntry[] }>('GET', worldUrl(v.project, '/requests')).then(
        (journal) => journal.requests,
        () => undefined,
      ),
    ]);
    return { view: v, state, world, rows, list, job, status, traffic };
  }

  function render(r: Reading): void {
    const v = r.view;
    Object.assign(view, v);
    syncUrl();
    byId('clock').textContent = formatNow(r.world.now);
    byId('clock').setAttribute('data-now', String(r.world.now));
    byId('world-info').textContent = worldInfo(r.world);
    byId('world-name').textContent = v.project;
    byId('submit-graph').textContent = v.graph;
    byId('faults').textContent = faultsText(r.state.faults);
    setHtml(byId('project'), optionsHtml(worldsOf(r.state, config.defaultProject, v.project), v.project));
    setHtml(byId('graphs').querySelector('tbody')!, graphRowsHtml(r.rows, v.graph));
    const entry = seenOf(v.project, v.graph);
    const row = r.rows.find((g) => g.graph === v.graph);
    setHtml(byId('filter-status'), optionsHtml(['', ...statusOptions(row?.byStatus, entry.statuses)], v.status, { '': 'any status' }));
    const kinds = kindOptions(v.kind ? [...entry.kinds, v.kind] : entry.kinds);
    setHtml(byId('filter-kind'), optionsHtml(['', ...kinds], v.kind, { '': 'any kind' }));
    setHtml(byId('page-size'), optionsHtml(PAGE_SIZES.map(String), String(v.size)));

    const section = byId('jobs');
    const error = byId('jobs-error');
    const list = 'error' in r.list ? undefined : r.list;
    error.hidden = list !== undefined;
    error.textContent = 'error' in r.list ? r.list.error : '';
    byId('jobs-title').textContent = list ? jobsSummary(list) : v.graph || 'Jobs';
    setHtml(byId('job-table').querySelector('tbody')!, list ? jobRowsHtml(list.jobs, v.job) : '');
    setHtml(byId('pager'), list ? pagerHtml(list) : '');
    const attributes: Record<string, string | number> = {
      project: v.project,
      graph: v.graph,
      'status-filter': v.status,
      'kind-filter': v.kind,
    };
    if (list)
      Object.assign(attributes, {
        page: list.page,
        pages: pageCount(list.total, list.size),
        total: list.total,
        'job-count': list.jobCount,
      });
    for (const [name, value] of Object.entries(attributes)) section.setAttribute(`data-${name}`, String(value));

    openJob = r.job;
    if (r.traffic) {
      const listed = [...(list?.jobs ?? []), ...(r.job ? [r.job] : [])];
      for (const choice of config.actions) if (choice.erase) learn(exportSources(r.traffic, choice, listed));
    }
    setHtml(byId('job-head'), jobHeadHtml(r.job, v.job, config.actions));
    const action = r.job ? actionOf(config.actions, r.job) : undefined;
    setHtml(byId('job-kind'), kindHtml(r.job, r.status?.answer.body, { action, source: r.job ? sources.get(r.job.jobId) : undefined }));
    setHtml(byId('job-body'), jobBodyHtml(r.job));
    byId('job-status-section').hidden = !r.status;
    if (r.status)
      setHtml(byId('job-status'), statusAnswerHtml(r.status.url, r.status.answer.status, r.status.answer.body, v, config.limits));
    if (r.traffic) setHtml(byId('traffic').querySelector('tbody')!, trafficRowsHtml(trafficRows(r.traffic)));
    document.body.setAttribute('data-refreshed', String(Date.now()));
  }

  /** Counts the user's changes of the view, so that a reading started before one is not shown. */
  let changes = 0;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  function refresh(): Promise<void> {
    // A refresh asked for while one runs (a click) must read after it: it runs once the current one
    // ends, and every request in between shares it.
    if (running) {
      queued =
        queued ||
        running.then(() => {
          queued = null;
          return refresh();
        });
      return queued;
    }
    const asked = changes;
    running = load({ ...view })
      .then((reading) => {
        byId('connection').textContent = 'live';
        byId('connection').className = 'pill ok';
        // A reading for a view the user has changed since is dropped: the refresh queued by that change shows the new one.
        if (byId('message').hasAttribute('data-until-refreshed')) say('');
        if (asked === changes) render(reading);
      })
      .catch((error: Error) => {
        byId('connection').textContent = 'error';
        byId('connection').className = 'pill down';
        say(
          `State unavailable: ${error.message}${/8007|control/i.test(error.message) ? ' (set the control token under Tokens)' : ''}`,
          true,
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
  /** Changes the view and shows it. */
  function show(change: Partial<InspectorView>): void {
    Object.assign(view, change);
    if (!('job' in change) && ('project' in change || 'graph' in change)) view.job = '';
    changes++;
    syncUrl();
    void refresh();
  }

  controlToken.addEventListener('change', () => {
    store.setItem('ges-inspector-control-token', controlToken.value);
    void refresh();
  });
  authToken.addEventListener('change', () => {
    store.setItem('ges-inspector-auth-token', authToken.value);
    void refresh();
  });
  byId<HTMLSelectElement>('project').addEventListener('change', (e) => {
    show({ project: (e.target as HTMLSelectElement).value, graph: '', page: 0 });
  });
  byId<HTMLSelectElement>('filter-status').addEventListener('change', (e) => {
    show({ status: (e.target as HTMLSelectElement).value, page: 0 });
  });
  byId<HTMLSelectElement>('filter-kind').addEventListener('change', (e) => {
    show({ kind: (e.target as HTMLSelectElement).value, page: 0 });
  });
  byId<HTMLSelectElement>('page-size').addEventListener('change', (e) => {
    show({ size: Number((e.target as HTMLSelectElement).value), page: 0 });
  });
  // Buttons inside re-rendered regions are handled here, by what they carry.
  document.addEventListener('click', (e) => {
    const target = (e.target as Element).closest<HTMLElement>(
      'button[data-select-graph], button[data-select-job], button[data-open-job], button[data-page-move], button[data-result-move]',
    );
    if (!target) return;
    const graph = target.getAttribute('data-select-graph');
    const job = target.hasAttribute('data-select-job')
      ? (target.closest('tr')?.getAttribute('data-job-id') ?? null)
      : target.getAttribute('data-open-job');
    const move = target.getAttribute('data-page-move');
    const result = target.getAttribute('data-result-move');
    if (graph !== null) show({ graph, page: 0 });
    else if (job !== null) {
      byId('cancel-answer').innerHTML = '';
      show({ job, resultOffset: 0 });
    } else if (move !== null) {
      const pages = Number(byId('jobs').getAttribute('data-pages')) || 1;
      const page = { first: 0, previous: view.page - 1, next: view.page + 1, last: pages - 1 }[move] ?? view.page;
      show({ page: Math.max(0, Math.min(pages - 1, page)) });
    } else if (result !== null) {
      const step = result === 'next' ? view.resultLimit : -view.resultLimit;
      show({ resultOffset: Math.max(0, view.resultOffset + step) });
    }
  });
  document.addEventListener('change', (e) => {
    const target = e.target as HTMLInputElement;
    if (target.id === 'page-number') {
      const pages = Number(byId('jobs').getAttribute('data-pages')) || 1;
      show({ page: Math.max(0, Math.min(pages - 1, (Number(target.value) || 1) - 1)) });
      target.blur();
    } else if (target.id === 'result-limit') {
      show({ resultLimit: Math.max(1, Math.min(config.limits.maxLimit, Number(target.value) || 1)), resultOffset: 0 });
      target.blur();
    }
  });

  byId('reset').addEventListener('click', () => void act('Engine reset', control('POST', '/__mock/reset', {})));
  byId('reset-world').addEventListener(
    'click',
    () => void act(`World ${view.project} reset`, control('POST', worldUrl(view.project, '/reset'))),
  );
  const scope = byId<HTMLSelectElement>('clock-scope');
  document.querySelectorAll<HTMLElement>('[data-advance]').forEach((button) => {
    button.addEventListener('click', () => {
      const ms = Number(button.getAttribute('data-advance'));
      const path = scope.value === 'all' ? '/__mock/clock' : worldUrl(view.project, '/clock');
      const whose = scope.value === 'all' ? 'every world' : `world ${view.project}`;
      void act(`Clock of ${whose} advanced by ${ms / 60000} min`, control('POST', path, { advanceMs: ms }));
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
        const link = document.createElement('a');
        link.href = url;
        link.download = 'ges-mock-snapshot.json';
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
        fetch('/__mock/fixtures', init)
          .then(read)
          .then((answer) => ok(answer)),
      );
    });
  });

  // Submitting: any job-creating action of the spec. An algorithm's parameters are sent as
  // {algorithmName, parameters}; any other body goes as typed; the GES answer (or its envelope) is shown as is.
  const actionSelect = byId<HTMLSelectElement>('action');
  const algorithm = byId<HTMLSelectElement>('algorithm');
  const parameters = byId<HTMLTextAreaElement>('parameters');
  const bodyField = byId<HTMLTextAreaElement>('body');
  const chosenAction = () => config.actions.find((a) => a.id === actionSelect.value);
  /** Shows the chosen action's fields: its path parameters, and the algorithm form or a body from its example. */
  function showAction(params: Record<string, string> = {}): void {
    const choice = chosenAction();
    byId('action-params').innerHTML = actionParamsHtml(choice, params);
    byId('algorithm-fields').hidden = choice?.form !== 'algorithm';
    byId('body-fields').hidden = choice?.form !== 'body';
    bodyField.value = choice?.form === 'body' ? JSON.stringify(choice.body, null, 2) : '';
    const query = choice?.actionParam === undefined ? '' : `?action_id=${choice.actionParam}`;
    byId('submit-job').title = choice ? `${choice.method} ${choice.path}${query}` : '';
  }
  /** The values of the action's path parameters in the form. */
  function paramValues(): Record<string, string> {
    const values: Record<string, string> = {};
    byId('action-params')
      .querySelectorAll<HTMLInputElement>('input[data-param]')
      .forEach((input) => {
        values[input.getAttribute('data-param') || ''] = input.value.trim();
      });
    return values;
  }
  actionSelect.addEventListener('change', () => {
    // A job id starts as the open job's, which is what one usually exports.
    showAction(openJob ? { job_id: openJob.jobId } : {});
  });
  algorithm.addEventListener('change', () => {
    parameters.value = JSON.stringify(parameterTemplate(config.algorithms.find((a) => a.name === algorithm.value)), null, 2);
  });
  // "Export its result…" on a finished job: the form, set to that export of that job, ready to submit.
  document.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('#export-job');
    if (!button) return;
    actionSelect.value = button.getAttribute('data-action') || '';
    showAction({ job_id: button.getAttribute('data-job') || '' });
    byId('submit-form').scrollIntoView({ block: 'nearest' });
    byId('submit-job').focus();
  });
  byId<HTMLFormElement>('submit-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const answerRegion = byId('submit-answer');
    const choice = chosenAction();
    if (!choice) return;
    let body: string | undefined;
    if (choice.form === 'algorithm') {
      let parsed: unknown;
      try {
        parsed = parameters.value.trim() ? JSON.parse(parameters.value) : undefined;
      } catch (error) {
        answerRegion.innerHTML = answerHtml('Not sent: the parameters are not JSON', 0, (error as Error).message);
        return;
      }
      body = JSON.stringify(
        parsed === undefined ? { algorithmName: algorithm.value } : { algorithmName: algorithm.value, parameters: parsed },
      );
    } else if (choice.form === 'body') body = bodyField.value;
    const params = paramValues();
    const url = actionUrl(choice, view.project, view.graph, params);
    answerRegion.removeAttribute('data-job-id');
    ges(choice.method, url, body).then(
      (answer) => {
        answerRegion.innerHTML = answerHtml(`${choice.method} ${url}`, answer.status, answer.body);
        const jobId = (answer.body as { jobId?: unknown } | null)?.jobId;
        if (answer.status === 200 && typeof jobId === 'string') {
          if (choice.erase && params['job_id']) learn(new Map([[jobId, params['job_id']]]));
          answerRegion.setAttribute('data-job-id', jobId);
          byId('cancel-answer').innerHTML = '';
          show({ job: jobId, page: 0, status: '', kind: '', resultOffset: 0 });
        }
      },
      (error: Error) => {
        answerRegion.innerHTML = answerHtml(`${choice.method} ${url} failed`, 0, error.message);
      },
    );
  });
  // Cancelling: DELETE, then the answer (200 {} or the GES envelope) stays shown under the job.
  document.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('#cancel-job');
    if (!button) return;
    const jobId = button.getAttribute('data-job') || '';
    const url = cancelUrl(view.project, view.graph, jobId);
    button.disabled = true;
    ges('DELETE', url).then(
      (answer) => {
        byId('cancel-answer').innerHTML = answerHtml(`DELETE ${url}`, answer.status, answer.body);
        void refresh();
      },
      (error: Error) => {
        byId('cancel-answer').innerHTML = answerHtml(`DELETE ${url} failed`, 0, error.message);
      },
    );
  });
  loop();
}
