/**
 * The inspector's HTML, as strings: the server renders the first paint with these functions and the
 * browser script re-renders the same regions with them (`innerHTML` of one region at a time, only
 * when its text changed), so both paint alike. Every value from the mock is escaped here. Pure, no
 * DOM, no run-time imports beyond inspector-model.ts (compiled into one script with it).
 */
import type { Job } from '../types.js';
import {
  actionLabel,
  erasesSource,
  exportedFile,
  exporterOf,
  fileRows,
  importSummary,
  indexNameOf,
  isCancellable,
  requestBody,
  resultRecords,
  pageBounds,
  pageCount,
  prettyRawRequest,
  progressValue,
  resultCounters,
  type ActionChoice,
  type GraphRow,
  type InspectorView,
  type PagingLimits,
} from './inspector-model.js';

/** Text made safe for HTML content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A status chip; with a count when given. */
function badgeHtml(status: string, count?: number): string {
  const text = count === undefined ? status : `${status} ${count}`;
  return `<span class="badge" data-status="${esc(status)}">${esc(text)}</span>`;
}

/** A progress bar (0–100) with its value written beside it (the text is what assistive technology reads). */
function barHtml(percent: number, status: string): string {
  return `<span class="progress"><span class="bar" aria-hidden="true" data-status="${esc(status)}" data-value="${percent}"><span style="width:${percent}%"></span></span> ${percent}%</span>`;
}

/** `<option>`s, the selected one marked; `labels` may name a value differently. */
export function optionsHtml(values: readonly string[], selected: string, labels: Record<string, string> = {}): string {
  return values.map((v) => `<option value="${esc(v)}"${v === selected ? ' selected' : ''}>${esc(labels[v] ?? v)}</option>`).join('');
}

/** The rows of a world's graph table; the shown graph is marked current. */
export function graphRowsHtml(rows: readonly GraphRow[], selected: string): string {
  return rows
    .map((row) => {
      const current = row.graph === selected ? ' aria-current="true" class="selected"' : '';
      const chips = row.byStatus
        ? Object.keys(row.byStatus)
            .map((s) => badgeHtml(s, row.byStatus![s]))
            .join('')
        : '<span class="hint">not read yet</span>';
      return (
        `<tr data-graph="${esc(row.graph)}"${current}><th scope="row"><button type="button" class="link" data-select-graph="${esc(row.graph)}">${esc(row.graph)}</button></th>` +
        `<td>${row.jobCount ?? '–'}</td><td>${chips}</td></tr>`
      );
    })
    .join('');
}

/** The rows of one page of jobs; the job whose detail is open is marked current. */
export function jobRowsHtml(jobs: readonly Job[], selected: string): string {
  return jobs
    .map((job) => {
      const current = job.jobId === selected ? ' aria-current="true" class="selected"' : '';
      return (
        `<tr data-job-id="${esc(job.jobId)}" data-status="${esc(job.status)}" data-kind="${esc(job.taskType)}"${current}>` +
        `<td class="id"><button class="link" data-select-job>${esc(job.jobId)}</button></td>` +
        `<td>${esc(job.taskType)}</td><td>${badgeHtml(job.status)}</td><td>${barHtml(progressValue(job.progress), job.status)}</td>` +
        `<td>${esc(job.startTime)}</td><td>${esc(job.endTime)}</td><td>${esc(job.failReason)}</td></tr>`
      );
    })
    .join('');
}

/** What the jobs table's heading and pager say about the page shown. */
export interface JobsPage {
  graph: string;
  jobs: readonly Job[];
  /** Jobs that pass the filters (all of the graph's when none is set). */
  total: number;
  /** Every job of the graph (the list's jobCount). */
  jobCount: number;
  page: number;
  size: number;
  filtered: boolean;
}

/** "movie: jobs 51–100 of 1234" (with the filter's share when one is set). */
export function jobsSummary(list: JobsPage): string {
  const { first, last } = pageBounds(list.page, list.size, list.jobs.length);
  const of = list.filtered ? `${list.total} matching (of ${list.jobCount})` : String(list.total);
  return list.total === 0 ? `${list.graph}: no ${list.filtered ? 'matching ' : ''}jobs` : `${list.graph}: jobs ${first}–${last} of ${of}`;
}

/** The pager's buttons, disabled where they lead nowhere, and its "page n of m". */
export function pagerHtml(list: Pick<JobsPage, 'page' | 'size' | 'total'>): string {
  const pages = pageCount(list.total, list.size);
  const button = (move: string, label: string, enabled: boolean) =>
    `<button type="button" data-page-move="${move}"${enabled ? '' : ' disabled'}>${label}</button>`;
  return (
    button('first', 'First', list.page > 0) +
    button('previous', 'Previous', list.page > 0) +
    `<label>Page <input id="page-number" type="number" min="1" max="${pages}" value="${list.page + 1}" size="4"> of <span id="page-count">${pages}</span></label>` +
    button('next', 'Next', list.page < pages - 1) +
    button('last', 'Last', list.page < pages - 1)
  );
}

const FIELD_ORDER = ['jobId', 'taskType', 'status', 'progress', 'canStop', 'startTime', 'endTime', 'failReason'];

/** Every field of a job, known ones first; rawRequest and files are shown in their own sections. */
function fieldsHtml(job: Job): string {
  const record = job as unknown as Record<string, unknown>;
  const names = [...FIELD_ORDER.filter((n) => n in record), ...Object.keys(record).filter((n) => !FIELD_ORDER.includes(n))];
  return names
    .map((name) => {
      const value = record[name];
      let shown: string;
      if (name === 'rawRequest') shown = `<a href="#raw-request">below</a> (${String(value).length} characters)`;
      else if (name === 'files') shown = '<a href="#import-files">below</a>';
      else if (typeof value === 'object' && value !== null) shown = `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`;
      else shown = `<code>${esc(JSON.stringify(value))}</code>`;
      return `<tr><th scope="row">${esc(name)}</th><td>${shown}</td></tr>`;
    })
    .join('');
}

/** An import job's files: one row a file, with its counts and a progress bar. */
function filesHtml(files: unknown): string {
  const rows = fileRows(files);
  if (rows.length === 0) return '<p class="hint">No file statistics yet (an import that has not read its files sends an empty array).</p>';
  const body = rows
    .map(
      (f) =>
        `<tr data-file="${esc(f.fileName)}" data-group="${esc(f.group)}"><td>${esc(f.group)}</td><td class="id">${esc(f.fileName)}</td><td>${badgeHtml(f.status)}</td>` +
        `<td>${barHtml(f.percent, f.status)}</td><td data-count="successful">${f.successful}</td><td data-count="failed">${f.failed}</td>` +
        `<td data-count="total">${f.total} ${f.unit}</td><td>${esc(f.start)}</td><td>${esc(f.end)}</td></tr>`,
    )
    .join('');
  return (
    '<div class="scroll"><table class="files"><thead><tr><th>Group</th><th>File</th><th>Status</th><th>Done</th><th>Successful</th><th>Failed</th><th>Total</th>' +
    `<th>Started (UTC+8)</th><th>Ended (UTC+8)</th></tr></thead><tbody>${body}</tbody></table></div>`
  );
}

/**
 * The head of a job's detail: its id, status, kind, progress, the cancel button when it can stop,
 * and a button that starts an export of its result when an action of `actions` exports its kind.
 */
export function jobHeadHtml(job: Job | undefined, jobId: string, actions: readonly ActionChoice[] = []): string {
  if (!jobId)
    return '<h2 id="detail-title">Job detail</h2><p class="hint">Select a job to see every field, its request, its files and its result.</p>';
  if (!job) return `<h2 id="detail-title">Job <code>${esc(jobId)}</code></h2><p class="hint">Not in this graph's list (any more).</p>`;
  const cancel = isCancellable(job)
    ? ` <button type="button" id="cancel-job" data-job="${esc(job.jobId)}" title="DELETE …/jobs/{job_id}">Cancel job</button>`
    : '';
  const exporter = exporterOf(actions, job);
  const exportButton = exporter
    ? ` <button type="button" id="export-job" data-action="${esc(exporter.id)}" data-job="${esc(job.jobId)}" title="Fills the submit form: ${esc(actionLabel(exporter))}">Export its result…</button>`
    : '';
  return (
    `<h2 id="detail-title">Job <code>${esc(job.jobId)}</code></h2>` +
    `<p class="detail-head" data-job-id="${esc(job.jobId)}" data-status="${esc(job.status)}" data-can-stop="${String(job.canStop)}">` +
    `${badgeHtml(job.status)} ${esc(job.taskType)} ${barHtml(progressValue(job.progress), job.status)}${cancel}${exportButton}</p>`
  );
}

/** What the detail knows beyond the job and its status answer. */
export interface KindContext {
  /** The action whose jobs show the job's taskType. */
  action: ActionChoice | undefined;
  /** For an export of a job's result: the job it exports, when the page knows it. */
  source: string | undefined;
}

/**
 * What a job did, as a person reads it, from its kind: an import's files read, the file an export
 * wrote (or where it writes, until it has), the index a job builds or deletes, the job an
 * export-result exports and whether that job leaves the list. '' for a job with nothing to add.
 */
export function kindHtml(job: Job | undefined, answer: unknown, context: KindContext): string {
  if (!job) return '';
  const parts: string[] = [];
  const files = (job as { files?: unknown }).files;
  const summary = importSummary(files);
  if (summary) parts.push(`<p class="import-summary">${esc(summary)} (<a href="#import-files">files below</a>)</p>`);
  const written = job.status === 'success' ? exportedFile(answer) : undefined;
  const target = requestBody(job.rawRequest)['exportPath'];
  if (written)
    parts.push(
      `<p class="export-file" data-export-path="${esc(written.exportPath)}" data-file-name="${esc(written.fileName)}">Wrote <code>${esc(written.path)}</code></p>`,
    );
  else if (typeof target === 'string')
    parts.push(
      `<p class="export-target">${job.status === 'failed' ? 'Wrote nothing to' : 'Writes to'} <code>${esc(target)}</code>${job.status === 'failed' ? '' : '; the file is named once the export has succeeded'}</p>`,
    );
  const index = indexNameOf(job, answer);
  if (index) parts.push(`<p class="index-name" data-index-name="${esc(index)}">Index <code>${esc(index)}</code></p>`);
  const erase = context.action?.erase;
  if (erase) {
    const source = context.source
      ? `<button type="button" class="link" data-open-job="${esc(context.source)}">${esc(context.source)}</button>`
      : '<span class="hint">a job this page has not seen exported (submit it here, or while the page is open)</span>';
    const erased = erasesSource(job, erase);
    const fate = !erased
      ? `<code>${esc(erase.field)}</code> is false: the exported job stays in the list.`
      : job.status === 'success'
        ? 'The exported job has left the list: this export has succeeded.'
        : `With <code>${esc(erase.field)}</code>, the exported job leaves the list once this export has succeeded.`;
    parts.push(
      `<p class="export-source" data-source="${esc(context.source ?? '')}" data-erase="${String(erased)}">Exports the result of job ${source}</p>` +
        `<p class="erase-note">${fate}</p>`,
    );
  }
  return parts.length ? `<h3>What it does</h3>${parts.join('')}` : '';
}

/** The options of the action select: every job-creating action, named by its task type and request line. */
export function actionOptionsHtml(actions: readonly ActionChoice[], selected: string): string {
  return optionsHtml(
    actions.map((a) => a.id),
    selected,
    Object.fromEntries(actions.map((a) => [a.id, actionLabel(a)])),
  );
}

/** The form's fields for an action's own path parameters (a job id, an index name), with their values. */
export function actionParamsHtml(choice: ActionChoice | undefined, values: Record<string, string>): string {
  return (choice?.params ?? [])
    .map(
      (p) =>
        `<label>${esc(p.name)} <input data-param="${esc(p.name)}" value="${esc(values[p.name] ?? '')}" placeholder="${esc(p.example)}" size="46" spellcheck="false"></label>`,
    )
    .join('');
}

/** A filter query's records, one row each: a vertex's id or an edge's ends, its label and properties. */
function recordsHtml(records: NonNullable<ReturnType<typeof resultRecords>>): string {
  const edges = records.key === 'edges';
  const head = edges ? '<th>Source</th><th>Target</th>' : '<th>Id</th>';
  const rows = records.rows
    .map(
      (r) =>
        `<tr data-record="${esc(edges ? `${r.source}>${r.target}` : r.id)}">${edges ? `<td>${esc(r.source)}</td><td>${esc(r.target)}</td>` : `<td>${esc(r.id)}</td>`}` +
        `<td>${esc(r.label)}</td><td>${esc(r.properties)}</td></tr>`,
    )
    .join('');
  return `<h4>${edges ? 'Edges' : 'Vertices'}</h4><div class="scroll"><table class="records" data-key="${records.key}"><thead><tr>${head}<th>Label</th><th>Properties</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The body of a job's detail from the list: every field, rawRequest pretty-printed, its import files. */
export function jobBodyHtml(job: Job | undefined): string {
  if (!job) return '';
  const raw = prettyRawRequest(job.rawRequest);
  const files = 'files' in job ? `<h3 id="import-files">Import files</h3>${filesHtml((job as { files?: unknown }).files)}` : '';
  return (
    `<h3>Fields</h3><table class="fields"><tbody>${fieldsHtml(job)}</tbody></table>` +
    `<h3>rawRequest${raw.note ? ` <span class="hint">(${esc(raw.note)})</span>` : ''}</h3><pre id="raw-request">${esc(raw.text)}</pre>` +
    files
  );
}

/** The single-job status endpoint's answer: status, the result page's counters and pager, its data. */
export function statusAnswerHtml(
  url: string,
  httpStatus: number,
  answer: unknown,
  view: Pick<InspectorView, 'resultLimit'>,
  limits: PagingLimits,
): string {
  const head = `<p><code>GET ${esc(url)}</code> → <span id="status-http">HTTP ${httpStatus}</span></p>`;
  if (typeof answer !== 'object' || answer === null) return `${head}<pre>${esc(JSON.stringify(answer))}</pre>`;
  const record = answer as Record<string, unknown>;
  const summary = Object.keys(record)
    .filter((k) => k !== 'data')
    .map((k) => `<tr><th scope="row">${esc(k)}</th><td><code>${esc(JSON.stringify(record[k]))}</code></td></tr>`)
    .join('');
  const counters = resultCounters(answer);
  let pager = '';
  if (counters) {
    const attributes = `class="result-pager" data-offset="${counters.offset}" data-returned="${counters.returned}" data-total="${counters.total}"`;
    const range = counters.returned === 0 ? 'no records here' : `records ${counters.offset + 1}–${counters.offset + counters.returned}`;
    // A page shorter than asked for is the last one, whatever the total says (a query keeps fewer than it matched).
    const more = counters.offset + counters.returned < counters.total && counters.returned >= view.resultLimit;
    pager =
      counters.total === 0 && counters.offset === 0
        ? `<p ${attributes}><span id="result-range">no records</span></p>`
        : `<p ${attributes}>` +
          `<button type="button" data-result-move="previous"${counters.offset > 0 ? '' : ' disabled'}>Previous records</button> ` +
          `<span id="result-range">${range} of ${counters.total}</span> ` +
          `<button type="button" data-result-move="next"${more ? '' : ' disabled'}>Next records</button> ` +
          `<label>per page <input id="result-limit" type="number" min="1" max="${limits.maxLimit}" value="${view.resultLimit}" size="5"></label></p>`;
  }
  const data = record.data;
  let parts = '';
  const records = resultRecords(answer);
  if (typeof data === 'object' && data !== null) {
    // Records read as a table; their JSON stays one click away.
    if (records) parts += recordsHtml(records);
    for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
      const json = `<pre data-part="${esc(name)}">${esc(JSON.stringify(value, null, 2))}</pre>`;
      parts += records ? `<details><summary>data.${esc(name)} as JSON</summary>${json}</details>` : `<h4>data.${esc(name)}</h4>${json}`;
    }
  } else if (data !== undefined) {
    parts = `<h4>data</h4><pre data-part="data">${esc(JSON.stringify(data, null, 2))}</pre>`;
  } else {
    parts = '<p class="hint">No <code>data</code>: a result is served once the job has finished.</p>';
  }
  return `${head}<table class="fields"><tbody>${summary}</tbody></table>${pager}${parts}`;
}

/** An answer of the GES API as the page shows it: the HTTP status, then the body pretty-printed. */
export function answerHtml(label: string, httpStatus: number, body: unknown): string {
  const ok = httpStatus >= 200 && httpStatus < 300;
  return (
    `<p class="${ok ? 'ok' : 'error'}" data-http-status="${httpStatus}">${esc(label)}: HTTP ${httpStatus}</p>` +
    `<pre>${esc(typeof body === 'string' ? body : JSON.stringify(body, null, 2))}</pre>`
  );
}

/** The traffic table's rows. */
export function trafficRowsHtml(rows: readonly { seq: number; cells: readonly string[] }[]): string {
  return rows.map((row) => `<tr data-seq="${row.seq}">${row.cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
}
