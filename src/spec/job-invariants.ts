/**
 * The job invariants that openapi.yaml states in prose and in `if/then` rules, judged on one job as
 * it came over the wire (any JSON value). One checker serves the contract kit (on live answers), the
 * engine's own tests and fixture validation, so the three cannot drift apart. It never throws: a
 * field it cannot read is left to the schema validator.
 */
import { progressValue, showValue, statusPhase } from './job-facts.js';
import { readJobTime } from './read-job-time.js';
import { statusVariants } from './spec-facts.js';

/** The invariants, named as the contract checks that report them. */
export type JobInvariant =
  | 'fail_reason_iff_failed'
  | 'files_iff_import_graph'
  | 'progress_matches_status'
  | 'finished_job_times'
  | 'finished_job_not_stoppable'
  | 'unfinished_job_has_no_end_time'
  | 'import_file_counts_add_up';

/** One broken invariant of one job. */
export interface JobViolation {
  invariant: JobInvariant;
  /** The field at fault, e.g. `failReason` or `files[0].edgeFiles[1]`. */
  field: string;
  /** What is wrong, as a sentence whose subject is the job, e.g. `has no failReason`. */
  reason: string;
  /** What the invariant expects, e.g. `a failed job carries failReason`. */
  expected: string;
}

const has = (job: Record<string, unknown>, key: string) => Object.hasOwn(job, key) && job[key] !== undefined;

function failReasonViolation(job: Record<string, unknown>): JobViolation | undefined {
  // A status variant (partiallyFailed) may well explain itself; the spec does not say.
  if (statusVariants.includes(job.status as string)) return undefined;
  const invariant = 'fail_reason_iff_failed';
  if (job.status === 'failed' && typeof job.failReason !== 'string') {
    return { invariant, field: 'failReason', reason: 'has no failReason', expected: 'a failed job carries failReason' };
  }
  if (job.status !== 'failed' && has(job, 'failReason')) {
    return {
      invariant,
      field: 'failReason',
      reason: `carries failReason ${showValue(job.failReason)}`,
      expected: 'failReason only when status is failed',
    };
  }
  return undefined;
}

function filesViolation(job: Record<string, unknown>): JobViolation | undefined {
  const invariant = 'files_iff_import_graph';
  if (job.taskType === 'ImportGraph' && !Array.isArray(job.files)) {
    return { invariant, field: 'files', reason: 'has no files array', expected: 'an ImportGraph job carries files' };
  }
  if (job.taskType !== 'ImportGraph' && has(job, 'files')) {
    return { invariant, field: 'files', reason: 'carries files', expected: 'files only when taskType is ImportGraph' };
  }
  return undefined;
}

function progressViolation(job: Record<string, unknown>): JobViolation | undefined {
  const invariant = 'progress_matches_status';
  const progress = progressValue(job.progress);
  if (progress === undefined || progress > 100) {
    return {
      invariant,
      field: 'progress',
      reason: `has progress ${showValue(job.progress)}`,
      expected: 'an integer (or digit string) 0–100',
    };
  }
  if (job.status === 'success' && progress !== 100) {
    return { invariant, field: 'progress', reason: `is successful at progress ${progress}`, expected: 'progress 100' };
  }
  if (job.status === 'pending' && progress !== 0) {
    return { invariant, field: 'progress', reason: `is pending at progress ${progress}`, expected: 'progress 0' };
  }
  return undefined;
}

function timeViolations(job: Record<string, unknown>): JobViolation[] {
  const phase = statusPhase(job.status);
  if (phase === 'unfinished' && has(job, 'endTime')) {
    return [
      {
        invariant: 'unfinished_job_has_no_end_time',
        field: 'endTime',
        reason: `has endTime ${showValue(job.endTime)}`,
        expected: 'no endTime until the job finishes',
      },
    ];
  }
  if (phase !== 'finished') return [];
  const violations: JobViolation[] = [];
  if (!has(job, 'endTime')) {
    violations.push({
      invariant: 'finished_job_times',
      field: 'endTime',
      reason: 'has no endTime',
      expected: 'a finished job carries endTime',
    });
  } else {
    // Every documented form names an instant (zone-less ones China time), so any two compare.
    const start = readJobTime(job.startTime);
    const end = readJobTime(job.endTime);
    if (start !== undefined && end !== undefined && end < start) {
      violations.push({
        invariant: 'finished_job_times',
        field: 'endTime',
        reason: `ends (${showValue(job.endTime)}) before it starts (${showValue(job.startTime)})`,
        expected: 'endTime ≥ startTime',
      });
    }
  }
  if (job.canStop !== false) {
    violations.push({
      invariant: 'finished_job_not_stoppable',
      field: 'canStop',
      reason: `has canStop ${showValue(job.canStop)}`,
      expected: 'canStop false once finished',
    });
  }
  return violations;
}

/** Edge/vertex files count lines, schema files labels: a finished file's counts must add up. */
function fileCountViolations(job: Record<string, unknown>): JobViolation[] {
  if (job.taskType !== 'ImportGraph' || !Array.isArray(job.files)) return [];
  const violations: JobViolation[] = [];
  job.files.forEach((group: unknown, groupIndex) => {
    if (!group || typeof group !== 'object') return;
    for (const [kind, files] of Object.entries(group as Record<string, unknown>)) {
      if (!Array.isArray(files)) continue;
      files.forEach((file: unknown, fileIndex) => {
        if (!file || typeof file !== 'object') return;
        const stat = file as Record<string, unknown>;
        if (stat.status !== 'success' && stat.status !== 'failed') return; // still running: counts may grow
        const unit = typeof stat.totalLabels === 'number' ? 'Labels' : 'Lines';
        const [total, ok, failed] = [stat[`total${unit}`], stat[`successful${unit}`], stat[`failed${unit}`]];
        if (typeof total !== 'number' || typeof ok !== 'number' || typeof failed !== 'number') return;
        if (ok + failed === total) return;
        violations.push({
          invariant: 'import_file_counts_add_up',
          field: `files[${groupIndex}].${kind}[${fileIndex}]`,
          reason: `has ${kind} file ${String(stat.fileName)} with successful${unit} ${ok} + failed${unit} ${failed} ≠ total${unit} ${total}`,
          expected: `successful${unit} + failed${unit} = total${unit} once a file is ${String(stat.status)}`,
        });
      });
    }
  });
  return violations;
}

/**
 * Every invariant one job breaks, in a fixed order; [] when it keeps them all. A value that is not
 * an object breaks nothing here (its schema says what is wrong with it).
 */
export function jobInvariantViolations(job: unknown): JobViolation[] {
  if (!job || typeof job !== 'object' || Array.isArray(job)) return [];
  const record = job as Record<string, unknown>;
  return [
    failReasonViolation(record),
    filesViolation(record),
    progressViolation(record),
    ...timeViolations(record),
    ...fileCountViolations(record),
  ].filter((violation): violation is JobViolation => violation !== undefined);
}
