/**
 * The dashboard's UI, in plain DOM: a job table that polls the list endpoint, a form that submits an
 * algorithm, cancel buttons for jobs that can still stop, and a button that moves the mock's clock.
 */
import type { Job } from '../../../src/types.js';
import { GesCallError, type GesClient } from './ges-client.js';

/** What the dashboard needs from the page around it. */
export interface DashboardOptions {
  client: GesClient;
  /** Moves the mock's virtual time; the dashboard's "advance" button calls it. */
  advanceClock(ms: number): Promise<void>;
  /** Milliseconds between two polls of the job list. */
  pollMs: number;
}

/** Wires the dashboard into the page's elements and starts polling. */
export function startDashboard(options: DashboardOptions): { refresh(): Promise<void>; stop(): void } {
  const graphSelect = element<HTMLSelectElement>('#graph');
  const tbody = element<HTMLTableSectionElement>('#jobs tbody');
  const count = element<HTMLElement>('#count');
  const message = element<HTMLElement>('#message');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const say = (text: string, isError = false) => {
    message.textContent = text;
    message.classList.toggle('error', isError);
  };

  async function refresh(): Promise<void> {
    try {
      const { jobs, jobCount } = await options.client.listJobs(graphSelect.value, { limit: 100 });
      renderJobs(tbody, jobs);
      count.textContent = `${jobCount} jobs in ${graphSelect.value} (showing ${jobs.length})`;
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

  graphSelect.addEventListener('change', () => void refresh());

  element<HTMLFormElement>('#submit-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const algorithmName = element<HTMLSelectElement>('#algorithm').value;
    let parameters: Record<string, unknown>;
    try {
      parameters = JSON.parse(element<HTMLInputElement>('#parameters').value || '{}') as Record<string, unknown>;
    } catch {
      say('Parameters must be a JSON object', true);
      return;
    }
    try {
      const jobId = await options.client.submitAlgorithm(graphSelect.value, { algorithmName, parameters });
      say(`Submitted ${algorithmName}: job ${jobId}`);
      message.dataset.jobId = jobId;
      await refresh();
    } catch (error) {
      say(describe(error), true);
    }
  });

  tbody.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-cancel]');
    if (!button) return;
    const jobId = button.dataset.cancel ?? '';
    button.disabled = true;
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

  void poll();
  return {
    refresh,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function renderJobs(tbody: HTMLTableSectionElement, jobs: readonly Job[]): void {
  const rows = jobs.map((job) => {
    const row = document.createElement('tr');
    row.dataset.jobId = job.jobId;
    row.dataset.status = job.status;
    const progress = Number(job.progress);
    row.append(
      cell(job.jobId, 'job-id'),
      cell(job.taskType),
      cell(badge(job.status)),
      cell(progressBar(progress)),
      cell(job.startTime ?? ''),
      cell(job.canStop ? cancelButton(job.jobId) : ''),
    );
    return row;
  });
  tbody.replaceChildren(...rows);
}

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

function describe(error: unknown): string {
  if (error instanceof GesCallError) return `GES error ${error.message}`;
  return `Request failed: ${error instanceof Error ? error.message : String(error)}`;
}

function element<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`The page has no ${selector}`);
  return found;
}
