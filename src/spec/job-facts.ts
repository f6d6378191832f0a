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

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/**
 * A start/end time as a comparable number (ms), for the formats the GES pages allow: a
 * `yyyy-MM-dd HH:mm:ss` string (no zone: only comparable with its own kind, which is all we need),
 * an ISO string, or a timestamp in s, ms or µs. Undefined when unreadable.
 */
export function toTimeValue(value: unknown): number | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) {
    const n = Number(value);
    if (!Number.isFinite(n)) return undefined;
    if (n >= 1e14) return n / 1000; // µs
    if (n >= 1e11) return n; // ms
    return n * 1000; // s
  }
  if (typeof value !== 'string') return undefined;
  const match = DATE_TIME.exec(value);
  if (match) {
    const [, y, mo, d, h, mi, s, frac] = match;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + Number(`0.${frac ?? '0'}`) * 1000;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Whether two time values can be compared (same representation family). */
export function sameTimeKind(a: unknown, b: unknown): boolean {
  const kind = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? 'stamp' : 'text');
  return kind(a) === kind(b);
}

/** progress as a number (it may be an integer or a digit string); undefined otherwise. */
export function progressValue(progress: unknown): number | undefined {
  if (typeof progress === 'number' && Number.isInteger(progress)) return progress;
  if (typeof progress === 'string' && /^\d+$/.test(progress)) return Number(progress);
  return undefined;
}

/** A short label for a job in findings: its id and status. */
export function describeJob(job: Record<string, unknown>): string {
  return `job ${String(job.jobId)} (${String(job.taskType)}, ${String(job.status)})`;
}
