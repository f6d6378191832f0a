/**
 * Small readers over a job as it came over the wire (any JSON): its lifecycle state, its times and
 * its progress. They never throw on a malformed job; they answer undefined where they cannot judge.
 */
import { statusVariants } from './spec-facts.js';

/** The lifecycle phase of a status value; undefined for a value nobody documents. */
export function statusPhase(status: unknown): 'finished' | 'unfinished' | undefined {
  if (status === 'pending' || status === 'running') return 'unfinished';
  // The variants (complete, partiallyFailed) are end states of other engine versions.
  if (status === 'success' || status === 'failed' || statusVariants.includes(status as string)) return 'finished';
  return undefined;
}

/** progress as a number (it may be an integer or a digit string); undefined otherwise. */
export function progressValue(progress: unknown): number | undefined {
  if (typeof progress === 'number' && Number.isInteger(progress)) return progress;
  if (typeof progress === 'string' && /^\d+$/.test(progress)) return Number(progress);
  return undefined;
}

/**
 * A JSON value as a report shows it: JSON text, so the string `"12"` and the number `12` never print
 * alike; an absent value is `(absent)`.
 */
export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  return JSON.stringify(value) ?? String(value);
}

/** A value inside a label: a string as is; anything else as JSON with its kind, e.g. `12 (number)`. */
function showLabel(value: unknown): string {
  if (typeof value === 'string') return value;
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `${showValue(value)} (${kind})`;
}

/** A short label for a job in findings: its id, task type and status. */
export function describeJob(job: Record<string, unknown>): string {
  return `job ${showLabel(job.jobId)} (${showLabel(job.taskType)}, ${showLabel(job.status)})`;
}
