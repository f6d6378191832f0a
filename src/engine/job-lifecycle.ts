/**
 * A job as the engine plans it at submission (or seeding), and its view at any instant. The whole
 * lifecycle is fixed up front (when it starts running, when it ends, whether it fails and why), so
 * status and progress are computed on read from the clock: no timers, and the same plan answers the
 * same at the same virtual time.
 */
import type { ImportFileGroup, Job } from '../types.js';
import { formatChinaTime } from './format-time.js';

/** One import file, planned: when it is read and how many of its lines (or labels) fail. */
export interface FilePlan {
  readonly group: 'edgeFiles' | 'vertexFiles' | 'schemaFiles';
  readonly fileName: string;
  readonly total: number;
  readonly failed: number;
  /** Microseconds since the epoch, inside the job's running span. */
  readonly startUs: number;
  readonly endUs: number;
}

/** Everything that decides how a job looks at any instant. Immutable but for the view cache. */
export interface JobPlan {
  readonly jobId: string;
  readonly taskType: string;
  readonly rawRequest: string;
  /** A cancellable kind (ImportGraph, exports, filter queries, index builds, some algorithms). */
  readonly cancellable: boolean;
  /** Submission time: the job's startTime, also while pending. */
  readonly startMs: number;
  /** startTime as a fixture stated it (any documented form), served as given; default China time. */
  readonly startText?: string | undefined;
  /** Whole seconds of startMs: the list is ordered by this (desc), then jobId (asc). */
  readonly startSec: number;
  /** pending until runAtMs, running until endMs. */
  readonly runAtMs: number;
  readonly endMs: number;
  /** Set: the job ends failed with this reason. */
  readonly failReason: string | undefined;
  /** Progress a failed job reports (the GES example shows "100" for a rejected parameter). */
  readonly failProgress: number;
  /** The algorithm of an Algorithm job, and its parameters as submitted. */
  readonly algorithm: string | undefined;
  readonly parameters: Readonly<Record<string, unknown>> | undefined;
  /** Files an ImportGraph job reads, in reading order; undefined for other task types. */
  readonly files: readonly FilePlan[] | undefined;
  /**
   * The job an export-result job removes from the list once it succeeds (the export-result page's
   * `erase`, default true); undefined for other jobs.
   */
  readonly erases?: string | undefined;
  /** The frozen view of the finished, never-cancelled job: it never changes, so it is built once. */
  finishedView?: Job | undefined;
  /**
   * A fixture job that is pending or running and stays so, exactly as stated (runAtMs/endMs are then
   * Infinity or startMs/Infinity): shown as this view until it is cancelled.
   */
  readonly frozen?: Job | undefined;
}

/**
 * What a store holds for one job: a plan while the job may still change, or, for a job that had
 * already finished when it was seeded, only its frozen view (that is all such a job ever needs,
 * and it halves the memory of 100k seeded jobs).
 */
export type JobEntry = JobPlan | Job;

/** Whether the entry is a frozen, finished view rather than a plan. */
export function isView(entry: JobEntry): entry is Job {
  return (entry as Job).status !== undefined;
}

/** Progress strings shared by every view ("100" is the same string for 100k jobs). */
const PROGRESS: readonly string[] = Array.from({ length: 101 }, (_, i) => String(i));

/** The reason a cancelled job shows [decision: cancel page, reference §5]. */
export const CANCELLED_REASON = 'Job was cancelled by the user.';

function progressAt(plan: JobPlan, t: number): number {
  if (t < plan.runAtMs) return 0;
  if (t >= plan.endMs) return 100;
  const span = plan.endMs - plan.runAtMs;
  const p = Math.floor(((t - plan.runAtMs) / span) * 100);
  return p < 0 ? 0 : Math.min(p, 99);
}

type LineStat = {
  fileName: string;
  totalLines: number;
  startTime: number;
  successfulLines: number;
  endTime?: number | undefined;
  status: string;
  failedLines: number;
};
type LabelStat = {
  totalLabels: number;
  fileName: string;
  failedLabels: number;
  startTime: number;
  successfulLabels: number;
  endTime?: number | undefined;
  status: string;
};

function fileStat(file: FilePlan, tUs: number, cancelled: boolean): LineStat | LabelStat {
  let successful: number;
  let failed: number;
  let status: string;
  let endTime: number | undefined;
  if (tUs >= file.endUs) {
    successful = file.total - file.failed;
    failed = file.failed;
    status = failed > 0 ? 'failed' : 'success';
    endTime = file.endUs;
  } else {
    const fraction = (tUs - file.startUs) / (file.endUs - file.startUs);
    const processed = Math.floor(file.total * fraction);
    const failedSoFar = Math.min(processed, Math.floor(file.failed * fraction));
    successful = processed - failedSoFar;
    if (cancelled) {
      // A cancelled file is done: what was not imported counts as failed, so the counts add up.
      failed = file.total - successful;
      status = 'failed';
      endTime = tUs;
    } else {
      failed = failedSoFar;
      status = 'running';
    }
  }
  // Key order as in the GES seed example; whole literals, so every stat of a kind shares one shape.
  if (file.group === 'schemaFiles') {
    return endTime === undefined
      ? {
          totalLabels: file.total,
          fileName: file.fileName,
          failedLabels: failed,
          startTime: file.startUs,
          successfulLabels: successful,
          status,
        }
      : {
          totalLabels: file.total,
          fileName: file.fileName,
          failedLabels: failed,
          startTime: file.startUs,
          successfulLabels: successful,
          endTime,
          status,
        };
  }
  return endTime === undefined
    ? { fileName: file.fileName, totalLines: file.total, startTime: file.startUs, successfulLines: successful, status, failedLines: failed }
    : {
        fileName: file.fileName,
        totalLines: file.total,
        startTime: file.startUs,
        successfulLines: successful,
        endTime,
        status,
        failedLines: failed,
      };
}

/** The `files` of an import at time t: only files it has started reading, grouped as GES does. */
function filesAt(files: readonly FilePlan[], t: number, cancelled: boolean): ImportFileGroup[] {
  const tUs = t * 1000;
  const edges: LineStat[] = [];
  const vertices: LineStat[] = [];
  const schemas: LabelStat[] = [];
  for (const file of files) {
    if (file.startUs > tUs) continue;
    if (file.group === 'edgeFiles') edges.push(fileStat(file, tUs, cancelled) as LineStat);
    else if (file.group === 'vertexFiles') vertices.push(fileStat(file, tUs, cancelled) as LineStat);
    else schemas.push(fileStat(file, tUs, cancelled) as LabelStat);
  }
  // Literal keys (not computed ones) keep each group object on a fast, shared shape.
  const groups: ImportFileGroup[] = [];
  if (edges.length > 0) groups.push({ edgeFiles: edges } as ImportFileGroup);
  if (vertices.length > 0) groups.push({ vertexFiles: vertices } as ImportFileGroup);
  if (schemas.length > 0) groups.push({ schemaFiles: schemas } as unknown as ImportFileGroup);
  return groups;
}

/** Freezes a view and its files; written out rather than recursive, since it runs 100k times. */
function freezeView(job: Job): Job {
  if (job.files) {
    for (const group of job.files) {
      for (const key in group) {
        const stats = (group as Record<string, object[]>)[key]!;
        for (const stat of stats) Object.freeze(stat);
        Object.freeze(stats);
      }
      Object.freeze(group);
    }
    Object.freeze(job.files);
  }
  return Object.freeze(job);
}

/**
 * The job as the list shows it at `now`; `cancelAtMs` when the store cancelled it. Keys are in the
 * seed example's order: jobId, rawRequest, taskType, canStop, progress, [files], startTime,
 * [failReason], endTime, status. Finished views are frozen and cached on the plan.
 */
export function viewJob(plan: JobPlan, now: number, cancelAtMs?: number): Job {
  if (plan.frozen) return cancelAtMs === undefined ? plan.frozen : freezeView(cancelFrozen(plan.frozen, cancelAtMs));
  if (cancelAtMs === undefined && now >= plan.endMs) return finishedViewOf(plan);
  if (cancelAtMs !== undefined) return freezeView(buildView(plan, cancelAtMs, 'cancelled'));
  // Frozen too: a page built once is served again at the same instant, and no caller may change it.
  return freezeView(buildView(plan, now, now < plan.runAtMs ? 'pending' : 'running'));
}

/**
 * A frozen pending or running fixture job, cancelled at `t`: failed with the cancel reason, and its
 * files still being read end there, the unread lines counted as failed (so the counts add up).
 */
function cancelFrozen(job: Job, t: number): Job {
  const {
    jobId,
    rawRequest,
    taskType,
    progress,
    startTime,
    endTime: _end,
    status: _status,
    failReason: _reason,
    files: stated,
    canStop: _stop,
    ...extra
  } = job;
  const endTime = formatChinaTime(t);
  const tUs = t * 1000;
  const failReason = CANCELLED_REASON;
  const canStop = false;
  const status: Job['status'] = 'failed';
  if (!stated) return { jobId, rawRequest, taskType, canStop, progress, startTime, failReason, endTime, status, ...extra };
  const files = stated.map((group) => {
    const out: Record<string, unknown[]> = {};
    for (const [key, stats] of Object.entries(group as Record<string, Record<string, unknown>[]>)) {
      out[key] = stats.map((stat) => {
        if (stat['status'] !== 'running') return stat;
        const [total, ok, bad] =
          key === 'schemaFiles' ? ['totalLabels', 'successfulLabels', 'failedLabels'] : ['totalLines', 'successfulLines', 'failedLines'];
        const successful = Number(stat[ok!] ?? 0);
        return { ...stat, [bad!]: Math.max(0, Number(stat[total!] ?? 0) - successful), endTime: tUs, status: 'failed' };
      });
    }
    return out as ImportFileGroup;
  });
  return { jobId, rawRequest, taskType, canStop, progress, files, startTime, failReason, endTime, status, ...extra };
}

/** The frozen view of the plan's job once finished (not cancelled), built once and cached. */
export function finishedViewOf(plan: JobPlan): Job {
  return (plan.finishedView ??= freezeView(buildView(plan, plan.endMs, 'finished')));
}

function buildView(plan: JobPlan, t: number, phase: 'pending' | 'running' | 'finished' | 'cancelled'): Job {
  const finished = phase === 'finished' || phase === 'cancelled';
  const failed = phase === 'cancelled' || (phase === 'finished' && plan.failReason !== undefined);
  let progress: number;
  if (phase === 'pending') progress = 0;
  else if (phase === 'cancelled') progress = progressAt(plan, t);
  else if (phase === 'finished') progress = failed ? plan.failProgress : 100;
  else progress = progressAt(plan, t);

  const jobId = plan.jobId;
  const rawRequest = plan.rawRequest;
  const taskType = plan.taskType;
  const canStop = !finished && plan.cancellable;
  const progressText = PROGRESS[progress]!;
  const startTime = plan.startText ?? formatChinaTime(plan.startMs);
  const status: Job['status'] = phase === 'pending' ? 'pending' : phase === 'running' ? 'running' : failed ? 'failed' : 'success';
  // One whole literal per shape: every property in-object (no extra backing store per job), the
  // same hidden class for every job of a shape, and JSON.stringify's fast path.
  if (!finished) {
    if (!plan.files) return { jobId, rawRequest, taskType, canStop, progress: progressText, startTime, status };
    const files = phase === 'pending' ? [] : filesAt(plan.files, t, false);
    return { jobId, rawRequest, taskType, canStop, progress: progressText, files, startTime, status };
  }
  // Most short jobs end in the second they start: share the string.
  const endTime = Math.floor(t / 1000) === plan.startSec ? startTime : formatChinaTime(t);
  const files = plan.files ? filesAt(plan.files, t, phase === 'cancelled') : undefined;
  if (failed) {
    const failReason = phase === 'cancelled' ? CANCELLED_REASON : plan.failReason!;
    return files
      ? { jobId, rawRequest, taskType, canStop, progress: progressText, files, startTime, failReason, endTime, status }
      : { jobId, rawRequest, taskType, canStop, progress: progressText, startTime, failReason, endTime, status };
  }
  return files
    ? { jobId, rawRequest, taskType, canStop, progress: progressText, files, startTime, endTime, status }
    : { jobId, rawRequest, taskType, canStop, progress: progressText, startTime, endTime, status };
}
