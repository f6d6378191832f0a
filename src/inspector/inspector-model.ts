/**
 * The inspector's logic, pure and shared: the page (inspector-page.ts) renders its first paint with
 * it on the server, and the browser script (inspector-script.ts) runs the same functions, compiled
 * into one classic script with it. It imports nothing at run time (type imports only) and touches no
 * DOM, so the unit tests read it directly.
 */
import type { MockState, WorldState as EngineWorldState } from '../engine/engine-types.js';
import type { Job } from '../types.js';

/** The header that marks the inspector's own requests, so its traffic view can leave them out. */
export const OWN_REQUEST_HEADER = 'x-ges-inspector';

/** Page sizes offered; the list API's limit. */
export const PAGE_SIZES: readonly number[] = [20, 50, 100, 200];

/** Jobs per page until one is chosen. */
const DEFAULT_PAGE_SIZE = 50;

/** Result records per page of the single-job status endpoint until one is chosen. */
const DEFAULT_RESULT_LIMIT = 10;

/**
 * The spec's bounds of `limit` and `offset` (limitBounds, offsetBounds of src/spec/spec-facts.ts): the
 * server reads them and hands them to the browser in the page's configuration, since this module
 * runs there too and imports nothing at run time.
 */
export interface PagingLimits {
  /** The largest `limit`: what one list request asks for to read a whole graph. */
  readonly maxLimit: number;
  /** The largest `offset`. */
  readonly maxOffset: number;
}

/** The statuses the GES pages name; other values are offered once seen. */
export const KNOWN_STATUSES: readonly string[] = ['pending', 'running', 'success', 'failed'];

/** What the page shows, as its URL says (`?project=&graph=&status=&kind=&page=&size=&job=`). */
export interface InspectorView {
  /** The world (project id); '' until chosen. */
  project: string;
  /** The graph whose jobs are listed; '' until chosen. */
  graph: string;
  /** Only jobs of this status; '' for any. */
  status: string;
  /** Only jobs of this taskType; '' for any. */
  kind: string;
  /** Zero-based page of the (filtered) list. */
  page: number;
  size: number;
  /** The job whose detail is open; '' for none. */
  job: string;
  /** Offset of the shown page of that job's result (the status endpoint's `offset`). */
  resultOffset: number;
  /** Records per page of that result (the status endpoint's `limit`). */
  resultLimit: number;
}

/** GET /__mock/state as the inspector reads it (`worlds` may be missing from older mocks). */
export type InspectorState = Pick<MockState, 'now' | 'graphs'> & {
  graphNames?: string[] | undefined;
  worlds?: string[] | undefined;
  faults?: unknown;
};

/** GET /__mock/projects/{id}/state as the inspector reads it. */
export type WorldState = Pick<EngineWorldState, 'project' | 'now' | 'graphNames' | 'graphs'> &
  Partial<Pick<EngineWorldState, 'clockOffsetMs' | 'ownFixtures'>>;

/** One graph of a world as its table shows it; the counts are absent until something read the graph. */
export interface GraphRow {
  graph: string;
  jobCount?: number | undefined;
  byStatus?: Record<string, number> | undefined;
}

const wholeNumber = (value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number => {
  if (value === null || !/^\d{1,15}$/.test(value)) return fallback;
  return Math.min(Number(value), max);
};

/** Reads the view from a query string (`?a=b` or `a=b`); anything unreadable is its default. */
export function readView(search: string, limits: PagingLimits): InspectorView {
  const params = new URLSearchParams(search);
  const size = wholeNumber(params.get('size'), DEFAULT_PAGE_SIZE);
  return {
    project: params.get('project') || '',
    graph: params.get('graph') || '',
    status: params.get('status') || '',
    kind: params.get('kind') || '',
    page: Math.max(0, wholeNumber(params.get('page'), 1, limits.maxOffset) - 1),
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
    job: params.get('job') || '',
    resultOffset: wholeNumber(params.get('resultOffset'), 0, limits.maxOffset),
    resultLimit: Math.max(1, wholeNumber(params.get('resultLimit'), DEFAULT_RESULT_LIMIT, limits.maxLimit)),
  };
}

/** The view as a query string (defaults left out; pages counted from 1), `extra` kept first. */
export function viewSearch(view: InspectorView, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  const set = (name: string, value: string, fallback: string) => {
    if (value !== fallback) params.set(name, value);
  };
  set('project', view.project, '');
  set('graph', view.graph, '');
  set('status', view.status, '');
  set('kind', view.kind, '');
  set('page', String(view.page + 1), '1');
  set('size', String(view.size), String(DEFAULT_PAGE_SIZE));
  set('job', view.job, '');
  if (view.job) {
    set('resultOffset', String(view.resultOffset), '0');
    set('resultLimit', String(view.resultLimit), String(DEFAULT_RESULT_LIMIT));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The worlds the selector offers: the default project, every project the engine holds state for
 * (`worlds`, else those with graphs), and the chosen one.
 */
export function worldsOf(state: InspectorState, defaultProject: string, chosen: string): string[] {
  const worlds = [defaultProject, ...(state.worlds ?? []), ...state.graphs.map((g) => g.project)];
  if (chosen) worlds.push(chosen);
  return [...new Set(worlds)];
}

/** The world shown: the chosen one, else the first the engine holds, else the default project. */
export function chooseProject(state: InspectorState, chosen: string, defaultProject: string): string {
  return chosen || state.worlds?.[0] || state.graphs[0]?.project || defaultProject;
}

/** A world's graphs: those read so far with their counts, then the others it sees, in its order. */
export function graphRows(world: WorldState): GraphRow[] {
  const rows: GraphRow[] = [];
  for (const name of world.graphNames) {
    const read = world.graphs.find((g) => g.graph === name);
    rows.push(read ? { graph: name, jobCount: read.jobCount, byStatus: read.byStatus } : { graph: name });
  }
  for (const g of world.graphs) if (!world.graphNames.includes(g.graph)) rows.push(g);
  return rows;
}

/** The graph shown: the chosen one if the world has it, else its first. */
export function chooseGraph(rows: readonly GraphRow[], chosen: string): string {
  return rows.some((r) => r.graph === chosen) ? chosen : (rows[0]?.graph ?? '');
}

/** Whether a filter is set (the list is then read whole and filtered here). */
export function isFiltered(view: Pick<InspectorView, 'status' | 'kind'>): boolean {
  return view.status !== '' || view.kind !== '';
}

/** Whether a job passes the view's filters. */
export function matchesFilter(job: Pick<Job, 'status' | 'taskType'>, view: Pick<InspectorView, 'status' | 'kind'>): boolean {
  return (view.status === '' || job.status === view.status) && (view.kind === '' || job.taskType === view.kind);
}

/** The status filter's values: the four GES statuses, then any other counted or seen, sorted. */
export function statusOptions(byStatus: Record<string, number> | undefined, seen: Iterable<string>): string[] {
  const others = new Set([...Object.keys(byStatus ?? {}), ...seen]);
  for (const s of KNOWN_STATUSES) others.delete(s);
  return [...KNOWN_STATUSES, ...[...others].sort()];
}

/** The kind filter's values: every taskType seen, sorted (an open set: nothing is assumed). */
export function kindOptions(seen: Iterable<string>): string[] {
  return [...new Set(seen)].sort();
}

/** Pages of `total` items (at least one, so an empty list has a page to show). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The page to show: the asked one, or the last when the list got shorter. */
export function clampPage(page: number, total: number, size: number): number {
  return Math.min(Math.max(0, page), pageCount(total, size) - 1);
}

/** "51–100 of 1,234" style bounds of a page: one-based first and last item, 0 and 0 when empty. */
export function pageBounds(page: number, size: number, shown: number): { first: number; last: number } {
  return shown === 0 ? { first: 0, last: 0 } : { first: page * size + 1, last: page * size + shown };
}

const graphBase = (project: string, graph: string) => `/ges/v1.0/${encodeURIComponent(project)}/graphs/${encodeURIComponent(graph)}`;

/** GET of a page of a graph's jobs. */
export function listUrl(project: string, graph: string, limit: number, offset: number): string {
  return `${graphBase(project, graph)}/jobs/status?limit=${limit}&offset=${offset}`;
}

/** GET of one job's status and a page of its result. */
export function statusUrl(project: string, graph: string, jobId: string, offset: number, limit: number): string {
  return `${graphBase(project, graph)}/jobs/${encodeURIComponent(jobId)}/status?offset=${offset}&limit=${limit}`;
}

/** DELETE that cancels a job. */
export function cancelUrl(project: string, graph: string, jobId: string): string {
  return `${graphBase(project, graph)}/jobs/${encodeURIComponent(jobId)}`;
}

/**
 * A job-creating action the submit form offers: openapi.yaml's (`x-ges-actions`, `x-ges-job`), read
 * by the server (action-choices.ts) and handed to the page in its configuration.
 */
export interface ActionChoice {
  /** The action's id in the spec (`executeAlgorithm`, `importGraph`, `exportJobResult`, ...). */
  id: string;
  /** The operation it is sent to (the journal names requests by it). */
  operationId: string;
  /** The taskType its jobs show in the list. */
  taskType: string;
  method: string;
  /** The path template, `{project_id}` and `{graph_name}` included. */
  path: string;
  /** The `action_id` that selects it; undefined for an operation without one. */
  actionParam?: string | undefined;
  /** What the form asks for: an algorithm and its parameters, a JSON body, or no body. */
  form: 'algorithm' | 'body' | 'none';
  /** Path parameters beyond the world and graph shown (a job id, an index name), with the spec's example. */
  params: { name: string; example: string }[];
  /** The body the form starts from: a request example of the spec (a GES page's own). */
  body?: unknown;
  cancellable: boolean;
  /** The body field that says whether the exported job leaves the list once the export succeeds, and its default. */
  erase?: { field: string; default: boolean } | undefined;
  /** The task types, and the algorithms of algorithm runs, whose results it exports. */
  exports?: { taskTypes: string[]; algorithms: string[] } | undefined;
}

/** The URL an action is sent to, for the world and graph shown and the form's other path parameters. */
export function actionUrl(choice: ActionChoice, project: string, graph: string, params: Record<string, string> = {}): string {
  const values: Record<string, string> = { ...params, project_id: project, graph_name: graph };
  const path = choice.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
  return choice.actionParam === undefined ? path : `${path}?action_id=${encodeURIComponent(choice.actionParam)}`;
}

/** How the form names an action: the task type of its jobs, then its request line from the graph on. */
export function actionLabel(choice: ActionChoice): string {
  const query = choice.actionParam === undefined ? '' : `?action_id=${choice.actionParam}`;
  return `${choice.taskType}: ${choice.method} …${choice.path.replace(/^.*\{graph_name\}/, '')}${query}`;
}

/** The action whose jobs show this job's taskType (none for a kind the spec does not declare). */
export function actionOf(actions: readonly ActionChoice[], job: Pick<Job, 'taskType'>): ActionChoice | undefined {
  return actions.find((choice) => choice.taskType === job.taskType);
}

/** The action that can export this job's result, when the job has succeeded and is of a kind it exports. */
export function exporterOf(
  actions: readonly ActionChoice[],
  job: Pick<Job, 'taskType' | 'status' | 'rawRequest'>,
): ActionChoice | undefined {
  if (job.status !== 'success') return undefined;
  const algorithmTaskTypes = actions.filter((choice) => choice.form === 'algorithm').map((choice) => choice.taskType);
  const algorithm = requestBody(job.rawRequest)['algorithmName'];
  return actions.find(
    (choice) =>
      choice.exports &&
      (choice.exports.taskTypes.includes(job.taskType) ||
        (algorithmTaskTypes.includes(job.taskType) && typeof algorithm === 'string' && choice.exports.algorithms.includes(algorithm))),
  );
}

/** A control route of one world (`/clock`, `/state`, `/reset`, `/requests`). */
export function worldUrl(project: string, route: string): string {
  return `/__mock/projects/${encodeURIComponent(project)}${route}`;
}

/** Whether a job has yet to finish (pending or running: the statuses that still change). */
export function isUnfinished(job: Pick<Job, 'status'>): boolean {
  return job.status === 'pending' || job.status === 'running';
}

/** Whether the page offers to cancel a job: it says it can stop, and it has not finished. */
export function isCancellable(job: Pick<Job, 'canStop' | 'status'>): boolean {
  return job.canStop === true && isUnfinished(job);
}

/** rawRequest for reading: pretty JSON, or the text as it is with why (empty, not JSON). */
export function prettyRawRequest(raw: unknown): { text: string; note?: string | undefined } {
  if (typeof raw !== 'string') return { text: JSON.stringify(raw) ?? String(raw), note: 'not a string' };
  if (raw === '') return { text: '', note: 'empty string' };
  try {
    return { text: JSON.stringify(JSON.parse(raw), null, 2) };
  } catch {
    return { text: raw, note: 'not JSON: shown as sent' };
  }
}

/** An instant as the memory engine's lists write times: China time (UTC+8), to the second. */
function chinaTime(ms: number): string {
  const d = new Date(ms + 8 * 3600 * 1000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}`;
}

/** The mock's virtual time as the GES lists show times: China time (UTC+8). */
export function formatNow(ms: number): string {
  return `${chinaTime(ms)} (UTC+8)`;
}

/** "1 h 5 min" style; seconds only under a minute. */
function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 0) return `${Math.round(ms / 1000)} s`;
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  return [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** A world's own fixtures and clock offset, in words ('' for a world with neither). */
export function worldInfo(world: WorldState): string {
  const parts: string[] = [];
  if (world.ownFixtures) parts.push('own fixtures');
  const offset = world.clockOffsetMs ?? 0;
  if (offset !== 0) parts.push(`clock ${offset > 0 ? '+' : '−'}${formatDuration(Math.abs(offset))} from the mock's`);
  return parts.join(', ');
}

/** The faults in force as the page shows them. */
export function faultsText(faults: unknown): string {
  return faults && typeof faults === 'object' && Object.keys(faults).length ? JSON.stringify(faults, null, 2) : 'none';
}

/** A file statistic's time (µs since the epoch) in China time to the millisecond; '' when absent. */
export function formatMicros(us: unknown): string {
  if (typeof us !== 'number' || !Number.isFinite(us)) return '';
  const d = new Date(Math.floor(us / 1000) + 8 * 3600 * 1000);
  if (Number.isNaN(d.getTime())) return String(us);
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** A job's progress ("40") as a bar width from 0 to 100; anything unreadable is 0. */
export function progressValue(progress: unknown): number {
  return Math.max(0, Math.min(100, Number(progress) || 0));
}

/** One file of an import's statistics, whatever its group counts (lines or labels). */
export interface FileRow {
  group: string;
  unit: 'lines' | 'labels';
  fileName: string;
  successful: number;
  failed: number;
  total: number;
  status: string;
  /** Done share, 0–100: (successful + failed) / total. */
  percent: number;
  start: string;
  end: string;
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** An import job's `files` (groups of one key each: edgeFiles, vertexFiles, schemaFiles, or others) as rows. */
export function fileRows(files: unknown): FileRow[] {
  if (!Array.isArray(files)) return [];
  const rows: FileRow[] = [];
  for (const group of files) {
    if (typeof group !== 'object' || group === null) continue;
    for (const [name, list] of Object.entries(group as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue;
      for (const file of list as Record<string, unknown>[]) {
        const unit = 'totalLabels' in file ? 'labels' : 'lines';
        const key = unit === 'labels' ? 'Labels' : 'Lines';
        const total = count(file[`total${key}`]);
        const successful = count(file[`successful${key}`]);
        const failed = count(file[`failed${key}`]);
        rows.push({
          group: name,
          unit,
          fileName: String(file.fileName ?? ''),
          successful,
          failed,
          total,
          status: String(file.status ?? ''),
          percent: total > 0 ? progressValue(Math.floor(((successful + failed) * 100) / total)) : file.status === 'success' ? 100 : 0,
          start: formatMicros(file.startTime),
          end: formatMicros(file.endTime),
        });
      }
    }
  }
  return rows;
}

/** The paging counters of a status answer's `data`: beside the outputs, or inside them (engines differ). */
export interface ResultCounters {
  returned: number;
  offset: number;
  total: number;
}

/** The counters of a status answer, or undefined when it has none (an unfinished job). */
export function resultCounters(answer: unknown): ResultCounters | undefined {
  const data = (answer as { data?: Record<string, unknown> | undefined } | null)?.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const outputs = (typeof data.outputs === 'object' && data.outputs !== null ? data.outputs : {}) as Record<string, unknown>;
  const read = (name: string): number | undefined => {
    const value = data[name] ?? outputs[name];
    return typeof value === 'number' ? value : undefined;
  };
  const total = read('data_total_size');
  if (total === undefined) return undefined;
  return { returned: read('data_return_size') ?? 0, offset: read('data_offset') ?? 0, total };
}

/** A job's request body as an object: {} when it is empty or not a JSON object. */
export function requestBody(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'string') return {};
  try {
    const body: unknown = JSON.parse(raw);
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A status answer's result: `data.outputs` with whatever `data` holds beside them (engines differ). */
function resultOf(answer: unknown): Record<string, unknown> | undefined {
  const data = (answer as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const outputs = typeof record.outputs === 'object' && record.outputs !== null ? (record.outputs as Record<string, unknown>) : {};
  return { ...record, ...outputs };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A directory and a file name as one path. */
function joinPath(directory: string, name: string): string {
  if (!name) return directory;
  return !directory || directory.endsWith('/') ? directory + name : `${directory}/${name}`;
}

/** The file a finished export wrote, as its status answer names it (`exportPath`, `fileName`); undefined when none. */
export function exportedFile(answer: unknown): { exportPath: string; fileName: string; path: string } | undefined {
  const result = resultOf(answer);
  const exportPath = text(result?.exportPath);
  const fileName = text(result?.fileName);
  return exportPath || fileName ? { exportPath, fileName, path: joinPath(exportPath, fileName) } : undefined;
}

/** The index a job builds or deletes: its result's `indexName`, else its request's ('' when neither says). */
export function indexNameOf(job: Pick<Job, 'rawRequest'>, answer: unknown): string {
  return text(resultOf(answer)?.indexName) || text(requestBody(job.rawRequest)['indexName']);
}

/** One record of a filter query's result as a row: a vertex's id, or an edge's ends; its label and properties. */
export interface RecordRow {
  id: string;
  source: string;
  target: string;
  label: string;
  /** "name: value, value; name: value" */
  properties: string;
}

/** The properties of a record ("name: value; …"), each value list joined. */
function propertiesText(properties: unknown): string {
  if (typeof properties !== 'object' || properties === null) return '';
  return Object.entries(properties as Record<string, unknown>)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.map((v) => String(v)).join(', ') : String(value)}`)
    .join('; ');
}

/**
 * The vertices or edges of a filter query's result page, when its result holds records (objects with
 * a label or properties; an algorithm's per-vertex values are not records); undefined otherwise.
 */
export function resultRecords(answer: unknown): { key: 'vertices' | 'edges'; rows: RecordRow[] } | undefined {
  const result = resultOf(answer);
  for (const key of ['vertices', 'edges'] as const) {
    const items = result?.[key];
    if (!Array.isArray(items) || items.length === 0) continue;
    const records = items.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
    if (!records.every((item) => 'label' in item || 'properties' in item)) continue;
    return {
      key,
      rows: records.map((item) => ({
        id: text(item.id) || String(item.id ?? ''),
        source: text(item.source),
        target: text(item.target),
        label: text(item.label),
        properties: propertiesText(item.properties),
      })),
    };
  }
  return undefined;
}

/** Whether an export job erases the job it exports: its request's field (true/false, or as text), else the default. */
export function erasesSource(job: Pick<Job, 'rawRequest'>, erase: { field: string; default: boolean }): boolean {
  const value = requestBody(job.rawRequest)[erase.field];
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return erase.default;
}

/** An import's progress in one line: files done of all, and lines (or labels) read of the total. */
export function importSummary(files: unknown): string {
  const rows = fileRows(files);
  if (rows.length === 0) return '';
  const done = rows.filter((row) => row.total > 0 && row.successful + row.failed >= row.total).length;
  const read = rows.reduce((n, row) => n + row.successful + row.failed, 0);
  const total = rows.reduce((n, row) => n + row.total, 0);
  return `${done} of ${rows.length} files read, ${read.toLocaleString('en')} of ${total.toLocaleString('en')} lines and labels`;
}

/** A path segment as the id it encodes (as sent, when its escapes are malformed). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Which job each export job exports, learned from a world's journal: its successful requests to the
 * export action name the job in their path and carry the export's body. An export job of the list
 * is matched to the request with its rawRequest (and, when several have it, its start time); when
 * the match is not one job, nothing is learned.
 */
export function exportSources(entries: readonly TrafficEntry[], choice: ActionChoice, jobs: readonly Job[]): Map<string, string> {
  const learned = new Map<string, string>();
  // The path template as a pattern: `{job_id}` captured, any other parameter one segment, the rest literal.
  const source = choice.path
    .split(/(\{[^}]+\})/)
    .map((part) => (part === '{job_id}' ? '([^/]+)' : part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  const pattern = new RegExp(`^${source}$`);
  const requests = entries.flatMap((entry) => {
    const match = pattern.exec(entry.path);
    const param = entry.query.action_id;
    if (!match || entry.operationId !== choice.operationId || entry.status < 200 || entry.status > 299) return [];
    if (choice.actionParam !== undefined && (typeof param !== 'string' || param.trim() !== choice.actionParam)) return [];
    const answeredAt = Date.parse(entry.virtualTime ?? '');
    return [{ source: decodeSegment(match[1]!), body: entry.requestBody, at: Number.isNaN(answeredAt) ? '' : chinaTime(answeredAt) }];
  });
  for (const job of jobs) {
    if (job.taskType !== choice.taskType) continue;
    let candidates = requests.filter((request) => request.body === job.rawRequest);
    if (new Set(candidates.map((c) => c.source)).size > 1) candidates = candidates.filter((c) => c.at === job.startTime);
    const sources = new Set(candidates.map((c) => c.source));
    if (sources.size === 1) learned.set(job.jobId, [...sources][0]!);
  }
  return learned;
}

/** What a refused answer says: the GES envelope's code and message, else its HTTP status. */
export function refusalReason(status: number, body: unknown): string {
  const envelope = body as { errorCode?: unknown; errorMessage?: unknown } | null;
  return envelope?.errorCode ? `${String(envelope.errorCode)}: ${String(envelope.errorMessage)}` : `HTTP ${status}`;
}

/** An algorithm the submit form offers: its name and what it needs (from the engine's list). */
export interface AlgorithmChoice {
  name: string;
  required: readonly string[];
  vertexParams: readonly string[];
  cancellable: boolean;
}

/** Parameters to start from: each required one with a plausible value (vertex ids, counts). */
export function parameterTemplate(algorithm: AlgorithmChoice | undefined): Record<string, unknown> {
  const template: Record<string, unknown> = {};
  for (const name of algorithm?.required ?? []) {
    if (!algorithm!.vertexParams.includes(name)) template[name] = 3;
    else template[name] = name.endsWith('s') ? '1,2' : '1';
  }
  return template;
}

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
  /** The request body as sent (cut when long). */
  requestBody?: string | undefined;
  /** The world's clock when it was answered, ISO-8601. */
  virtualTime?: string | undefined;
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
