/**
 * One line of a `--state` journal: a change the engine made, with what replaying it needs (a
 * submission's whole plan and the jobs it evicted, not its request: a replay then never depends on
 * the engine's random streams), and a CRC-32 of the line, so a torn or damaged line is told apart
 * from a good one. `JSON.stringify` never writes a raw tab, so the tab before the checksum is safe.
 */
import { crc32 } from 'node:zlib';
import type { JobPlan } from '../engine/job-lifecycle.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';

/** A change as the journal keeps it; `t` is the virtual time (epoch ms) just after it. */
export type JournalRecord =
  | { op: 'submit'; t: number; p: string; g: string; plan: JobPlan; evicted: readonly string[] }
  | { op: 'cancel'; t: number; p: string; g: string; jobId: string }
  | { op: 'clock'; t: number }
  /** A reset or fixture load: the whole new state, as a snapshot document. */
  | { op: 'load'; t: number; doc: FixtureDocument };

const hex = (text: string) => crc32(text).toString(16).padStart(8, '0');

/** The record's line, newline included. The plan's cached view is left out: it is rebuilt on use. */
export function toJournalLine(record: JournalRecord): string {
  // Without a replacer function: JSON.stringify runs several times faster without one.
  const kept =
    record.op === 'submit' && record.plan.finishedView ? { ...record, plan: { ...record.plan, finishedView: undefined } } : record;
  const json = JSON.stringify(kept);
  return `${json}\t${hex(json)}\n`;
}

/** A line (without its newline) read back: the record, or why it is not one. */
export function parseJournalLine(line: string): { ok: true; record: JournalRecord } | { ok: false; reason: string } {
  const tab = line.lastIndexOf('\t');
  if (tab < 0) return { ok: false, reason: 'it has no checksum' };
  const json = line.slice(0, tab);
  if (hex(json) !== line.slice(tab + 1)) return { ok: false, reason: 'its checksum does not match' };
  try {
    return { ok: true, record: JSON.parse(json) as JournalRecord };
  } catch (error) {
    return { ok: false, reason: `it is not JSON (${(error as Error).message})` };
  }
}
