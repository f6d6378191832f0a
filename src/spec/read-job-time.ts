/**
 * The one reader of a job's `startTime` / `endTime` in every form openapi.yaml documents: the mock
 * (ordering, living jobs, fixtures, recordings) and the contract kit compute with times only through
 * it, so a zone-less time is China time (UTC+8) everywhere, never UTC in one place and local in another.
 *
 * The forms (openapi.yaml, Job.startTime):
 * - `yyyy-MM-dd HH:mm:ss`, optionally with `T` for the space and a fraction of up to 9 digits: China
 *   time, as every GES example writes it;
 * - the same with a zone, `Z` or `±HH:MM` (ISO 8601): that instant;
 * - a timestamp as a string of 10, 13 or 16 digits: seconds, milliseconds or microseconds since the
 *   epoch (GES file statistics use µs).
 * A JSON number is read as a timestamp by its size (below 1e11 seconds, below 1e14 milliseconds, else
 * microseconds), for callers that read file times; the spec types the job's times as strings.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;
const STAMP = /^(?:\d{10}|\d{13}|\d{16})$/;

/** A timestamp's epoch ms, its unit told by its size. */
function fromStamp(n: number, digits: number | undefined): number {
  const unit = digits !== undefined ? digits : n < 1e11 ? 10 : n < 1e14 ? 13 : 16;
  if (unit <= 10) return n * 1000;
  if (unit <= 13) return n;
  return n / 1000;
}

/**
 * The instant a job time stands for, in epoch milliseconds (a fraction for µs timestamps), or
 * undefined when the value is in none of the documented forms (or names no real calendar date).
 */
export function readJobTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? fromStamp(value, undefined) : undefined;
  if (typeof value !== 'string') return undefined;
  if (STAMP.test(value)) return fromStamp(Number(value), value.length);
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2024-02-31 over to March: a date that does not exist is no time.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  const fractionMs = fraction === undefined ? 0 : Number(`0.${fraction}`) * 1000;
  let offsetMs = CHINA_OFFSET_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMs = sign * (Number(zone.slice(1, 3)) * 3_600_000 + Number(zone.slice(4, 6)) * 60_000);
  }
  return utc - offsetMs + fractionMs;
}
