/**
 * The dashboard's UI, in plain DOM: a job table that polls the list endpoint, forms that submit an
 * algorithm, an import and an export, an "Export result" button on finished algorithm runs, cancel
 * buttons for jobs that can still stop, and a button that moves the mock's clock. Every kind of job
 * is shown the same way (taskType, status, progress); what a row says about its kind comes from the
 * job itself: an import's `files`, and the file an export wrote (its request names an `exportPath`;
 * the status endpoint's result names the file once it has finished).
 */
import type { Job, JobStatus } from '../../../src/types.js';
import { GesCallError, type GesClient, type ImportGraphRequest, type VertexExportRequest } from './ges-client.js';
import { EXPORT_RESULT_EXAMPLE, EXPORT_VERTICES_EXAMPLE, IMPORT_GRAPH_EXAMPLE } from './page-examples.js';

/** What the dashboard needs from the page around it. */
export interface DashboardOptions {
  client: GesClient;
  /** Moves the mock's virtual time; the dashboard's "advance" button calls it. */
  advanceClock(ms: number): Promise<void>;
  /** Milliseconds between two polls of the job list. */
  pollMs: number;
}

/** The file a finished export wrote, as its status result names it. */
interface ExportedFile {
  exportPath: string;
  fileName: string;
}

/** What the dashboard knows about a job beyond the list: its export's file, and the job an export-result exports. */
interface Known {
  /** Finished exports' files by job id (a finished job's result never changes); null when it names none. */
  files: Map<string, ExportedFile | null>;
  /** Export-result jobs started here, by id: the job whose result they export. */
  sources: Map<string, string>;
}

/** Wires the dashboard into the page's elements and starts polling. */
export function startDashboard(options: DashboardOptions): { refresh(): Promise<void>; stop(): void } {
  const graphSelect = element<HTMLSelectElement>('#graph');
  const tbody = element<HTMLTableSectionElement>('#jobs tbody');
  const count = element<HTMLElement>('#count');
  const message = element<HTMLElement>('#message');
  const known: Known = { files: new Map(), sources: new Map() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  element<HTMLTextAreaElement>('#import-body').value = JSON.stringify(IMPORT_GRAPH_EXAMPLE, null, 2);
  element<HTMLTextAreaElement>('#export-body').value = JSON.stringify(EXPORT_VERTICES_EXAMPLE, null, 2);

  const say = (text: string, isError = false) => {
    message.textContent = text;
    message.classList.toggle('error', isError);
  };

  /** Reads the files of finished exports the dashboard has not read yet (one status request each). */
  async function readExportedFiles(graph: string, jobs: readonly Job[]): Promise<void> {
    const unread = jobs.filter((job) => job.status === 'success' && exportPathOf(job) !== undefined && !known.files.has(job.jobId));
    await Promise.all(
      unread.map((job) =>
        options.client.getJobStatus(graph, job.jobId, { limit: 1 }).then(
          (status) => known.files.set(job.jobId, exportedFile(status)),
          () => known.files.set(job.jobId, null),
        ),
      ),
    );
  }

  async function refresh(): Promise<void> {
    try {
      const graph = graphSelect.value;
      const { jobs, jobCount } = await options.client.listJobs(graph, { limit: 100 });
      await readExportedFiles(graph, jobs);
      renderJobs(tbody, jobs, known);
      count.textContent = `${jobCount} jobs in ${graph} (showing ${jobs.length})`;
      count.dataset.jobCount = String(jobCount);
    } catch (error) {
      say(describe(error), true);
    }
  }

  // Poll with setTimeout, not setInterval: a slow answer never stacks requests.
  const poll = async () => {
    await refresh();
    if (!stopped) timer = setTimeout(poll, options.pollMs);
  };

  /** Runs a submission and says which job it made (its id also in `#message[data-job-id]`). */
  async function submit(what: string, start: () => Promise<string>): Promise<void> {
    try {
      const jobId = await start();
      say(`${what}: job ${jobId}`);
      message.dataset.jobId = jobId;
      await refresh();
    } catch (error) {
      say(describe(error), true);
    }
  }

  graphSelect.addEventListener('change', () => void refresh());

  element<HTMLFormElement>('#submit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const algorithmName = element<HTMLSelectElement>('#algorithm').value;
    const parameters = readJson(element<HTMLInputElement>('#parameters').value || '{}', 'Parameters');
    if (!parameters) return;
    void submit(`Submitted ${algorithmName}`, () => options.client.submitAlgorithm(graphSelect.value, { algorithmName, parameters }));
  });

  element<HTMLFormElement>('#import-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = readJson(element<HTMLTextAreaElement>('#import-body').value, 'The import body');
    // As typed: the mock checks it against the spec and answers the GES envelope when it is wrong.
    if (body) void submit('Import started', () => options.client.submitImport(graphSelect.value, body as ImportGraphRequest));
  });

  element<HTMLFormElement>('#export-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = readJson(element<HTMLTextAreaElement>('#export-body').value, 'The export body');
    if (body) void submit('Export started', () => options.client.exportVertices(graphSelect.value, body as VertexExportRequest));
  });

  tbody.addEventListener('click', async (event) => {
    const target = event.target as HTMLElement;
    const cancel = target.closest<HTMLButtonElement>('button[data-cancel]');
    const exportResult = target.closest<HTMLButtonElement>('button[data-export-result]');
    if (exportResult) {
      const source = exportResult.dataset.exportResult ?? '';
      exportResult.disabled = true;
      // erase: true is the page's default, said out loud: the exported job leaves the list once this succeeds.
      const body = { ...EXPORT_RESULT_EXAMPLE, fileName: exportResult.dataset.fileName || EXPORT_RESULT_EXAMPLE.fileName, erase: true };
      await submit('Export of the result started', async () => {
        const jobId = await options.client.exportJobResult(graphSelect.value, source, body);
        known.sources.set(jobId, source);
        return jobId;
      });
      return;
    }
    if (!cancel) return;
    const jobId = cancel.dataset.cancel ?? '';
    cancel.disabled = true;
    try {
      await options.client.cancelJob(graphSelect.value, jobId);
      say(`Cancelled job ${jobId}`);
    } catch (error) {
      say(describe(error), true);
    }
    await refresh();
  });

  element<HTMLButtonElement>('#advance').addEventListener('click', async () => {
    try {
      await options.advanceClock(60_000);
      say('Clock advanced by 1 minute');
    } catch (error) {
      say(describe(error), true);
    }
    await refresh();
  });

  /** A textarea's JSON object, or undefined (and an error shown) when it is not one. */
  function readJson(text: string, what: string): Record<string, unknown> | undefined {
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // shown below
    }
    say(`${what} must be a JSON object`, true);
    return undefined;
  }

  void poll();
  return {
    refresh,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function renderJobs(tbody: HTMLTableSectionElement, jobs: readonly Job[], known: Known): void {
  const rows = jobs.map((job) => {
    const row = document.createElement('tr');
    row.dataset.jobId = job.jobId;
    row.dataset.status = job.status;
    row.dataset.kind = job.taskType;
    const progress = Number(job.progress);
    const actions = document.createElement('span');
    if (job.canStop) actions.append(cancelButton(job.jobId));
    const algorithm = requestOf(job)['algorithmName'];
    if (job.status === 'success' && typeof algorithm === 'string') actions.append(exportResultButton(job.jobId, algorithm));
    row.append(
      cell(job.jobId, 'job-id'),
      cell(job.taskType),
      cell(badge(job.status)),
      cell(progressBar(progress)),
      cell(job.startTime ?? ''),
      cell(details(job, known), 'details'),
      cell(actions),
    );
    return row;
  });
  tbody.replaceChildren(...rows);
}

/** What a row says about its kind: an import's files, an export's file, the job an export-result exports. */
function details(job: Job, known: Known): Node {
  const out = document.createDocumentFragment();
  if (job.files) out.append(importFiles(job.files));
  const exportPath = exportPathOf(job);
  if (exportPath !== undefined) {
    const file = known.files.get(job.jobId);
    const span = document.createElement('span');
    if (file) {
      span.className = 'export-file';
      span.dataset.exportPath = file.exportPath;
      span.dataset.fileName = file.fileName;
      span.textContent = `wrote ${joinPath(file.exportPath, file.fileName)}`;
    } else {
      span.className = 'export-target';
      span.textContent = job.status === 'failed' ? `nothing written to ${exportPath}` : `writes to ${exportPath}`;
    }
    out.append(span);
  }
  const source = known.sources.get(job.jobId);
  if (source) {
    const span = document.createElement('span');
    span.className = 'export-source';
    span.dataset.source = source;
    span.textContent = ` (result of ${source})`;
    out.append(span);
  }
  return out;
}

/** An import's files, one line each: lines (or a schema's labels) read of the total, and the file's status. */
function importFiles(groups: NonNullable<Job['files']>): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'files';
  for (const group of groups) {
    const files = [
      ...(group.schemaFiles ?? []).map((f) => ({
        name: f.fileName,
        ok: f.successfulLabels,
        bad: f.failedLabels,
        total: f.totalLabels,
        unit: 'labels',
        status: f.status,
      })),
      ...[...(group.vertexFiles ?? []), ...(group.edgeFiles ?? [])].map((f) => ({
        name: f.fileName,
        ok: f.successfulLines,
        bad: f.failedLines,
        total: f.totalLines,
        unit: 'lines',
        status: f.status,
      })),
    ];
    for (const file of files) {
      const item = document.createElement('li');
      const read = file.ok + file.bad;
      Object.assign(item.dataset, { file: file.name, read: String(read), total: String(file.total), status: file.status });
      const failed = file.bad > 0 ? `, ${file.bad.toLocaleString('en')} failed` : '';
      item.textContent = `${file.name}: ${read.toLocaleString('en')} / ${file.total.toLocaleString('en')} ${file.unit}${failed} (${file.status})`;
      list.append(item);
    }
  }
  return list;
}

/** The job's request body, or {} when it is empty or not a JSON object. */
function requestOf(job: Job): Record<string, unknown> {
  try {
    const body: unknown = JSON.parse(job.rawRequest);
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Where an export writes: its request's `exportPath`; undefined for a job that exports nothing. */
function exportPathOf(job: Job): string | undefined {
  const path = requestOf(job)['exportPath'];
  return typeof path === 'string' ? path : undefined;
}

/** The file a finished export names in its result (`outputs`, or beside them as some engines send it). */
function exportedFile(status: JobStatus): ExportedFile | null {
  const data = (status.data ?? {}) as Record<string, unknown>;
  const outputs = (data['outputs'] ?? {}) as Record<string, unknown>;
  const text = (name: string) => {
    const value = outputs[name] ?? data[name];
    return typeof value === 'string' ? value : '';
  };
  const file = { exportPath: text('exportPath'), fileName: text('fileName') };
  return file.exportPath || file.fileName ? file : null;
}

const joinPath = (directory: string, name: string) =>
  !name ? directory : !directory || directory.endsWith('/') ? directory + name : `${directory}/${name}`;

function cell(content: string | Node, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.append(content);
  return td;
}

function badge(status: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'badge';
  span.dataset.status = status;
  span.textContent = status;
  return span;
}

function progressBar(value: number): HTMLElement {
  const wrapper = document.createElement('span');
  const bar = document.createElement('progress');
  bar.max = 100;
  bar.value = Number.isFinite(value) ? value : 0;
  wrapper.append(bar, ` ${Number.isFinite(value) ? value : '?'}%`);
  return wrapper;
}

function cancelButton(jobId: string): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.cancel = jobId;
  button.textContent = 'Cancel';
  return button;
}

function exportResultButton(jobId: string, algorithm: string): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.exportResult = jobId;
  button.dataset.fileName = algorithm;
  button.textContent = 'Export result';
  button.title = 'POST …/jobs/{job_id}/action?action_id=export-result: the job leaves the list once the export succeeds';
  return button;
}

function describe(error: unknown): string {
  if (error instanceof GesCallError) return `GES error ${error.message}`;
  return `Request failed: ${error instanceof Error ? error.message : String(error)}`;
}

function element<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`The page has no ${selector}`);
  return found;
}
