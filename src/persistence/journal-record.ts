/**
 * One line of a `--state` journal: a change exactly as the engine made and applied it (a Change
 * value: a submission carries its whole plan and the jobs it evicted, so a replay never depends on the
 * engine's random streams), and a CRC-32 of the line, so a torn or damaged line is told apart from a
 * good one. `JSON.stringify` never writes a raw tab, so the tab before the checksum is safe.
 */
import { crc32 } from 'node:zlib';
import type { Change } from '../engine/engine-types.js';
import type { JobEntry, JobPlan } from '../engine/job-lifecycle.js';

const hex = (text: string) => crc32(text).toString(16).padStart(8, '0');

/** A plan as a file keeps it: without its cached view, which is rebuilt on use. */
const storedPlan = (plan: JobPlan): JobPlan => (plan.finishedView ? { ...plan, finishedView: undefined } : plan);

/** An entry (plan or frozen view) as a file keeps it. */
export const storedEntry = (entry: JobEntry): JobEntry => ('status' in entry ? entry : storedPlan(entry));

/**
 * A stored entry back as the engine's, or undefined when the value is not one ges-mock wrote. JSON
 * writes a plan's Infinity (a fixture job that stays pending or running) as null: it is turned back.
 */
export function readEntry(value: unknown): JobEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Record<string, unknown>;
  if (typeof entry['jobId'] !== 'string') return undefined;
  if (entry['status'] !== undefined) return typeof entry['status'] === 'string' ? (value as JobEntry) : undefined;
  if (typeof entry['startMs'] !== 'number' || typeof entry['startSec'] !== 'number') return undefined;
  if (typeof entry['rawRequest'] !== 'string' || typeof entry['taskType'] !== 'string') return undefined;
  if (entry['runAtMs'] === null) entry['runAtMs'] = Number.POSITIVE_INFINITY;
  if (entry['endMs'] === null) entry['endMs'] = Number.POSITIVE_INFINITY;
  if (typeof entry['runAtMs'] !== 'number' || typeof entry['endMs'] !== 'number') return undefined;
  return value as JobPlan;
}

/** A change's line, newline included. */
export function toJournalLine(change: Change): string {
  // Without a replacer function: JSON.stringify runs several times faster without one.
  const kept = change.kind === 'submit' && change.plan.finishedView ? { ...change, plan: storedPlan(change.plan) } : change;
  const json = JSON.stringify(kept);
  return `${json}\t${hex(json)}\n`;
}

/** A line (without its newline) whose checksum holds: its JSON value, or why it is not one. */
export function parseCheckedLine(line: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const tab = line.lastIndexOf('\t');
  if (tab < 0) return { ok: false, reason: 'it has no checksum' };
  const json = line.slice(0, tab);
  if (hex(json) !== line.slice(tab + 1)) return { ok: false, reason: 'its checksum does not match' };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (error) {
    return { ok: false, reason: `it is not JSON (${(error as Error).message})` };
  }
}

const KINDS = new Set(['submit', 'cancel', 'fixtures', 'reset', 'clock', 'faults']);

/** A journal line's value as a Change, or why it is not one ges-mock wrote. */
export function readChange(value: unknown): { ok: true; change: Change } | { ok: false; reason: string } {
  const change = value as Record<string, unknown> | null;
  if (typeof change !== 'object' || change === null || !KINDS.has(change['kind'] as string) || typeof change['t'] !== 'number')
    return { ok: false, reason: 'it is no change ges-mock writes' };
  if (change['kind'] === 'submit' && readEntry(change['plan']) === undefined)
    return { ok: false, reason: 'its job plan is not one ges-mock writes' };
  return { ok: true, change: change as unknown as Change };
}
