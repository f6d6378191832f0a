/**
 * The snapshot of a `--state` directory, FILE itself: JSON lines, written as a stream and read line
 * by line, so no state is ever one string. Line 1 is the header (format marker, version, the
 * journal generation it covers, `now`, `seed`); then chunks of at most JOBS_PER_LINE jobs of one
 * graph (what every project sees, or one project's); the last line counts the lines before it and
 * carries their SHA-256, so a truncated or edited FILE is told from a good one. A snapshot is written
 * to a temporary file, fsynced and renamed over FILE: FILE holds one whole snapshot or the one before.
 *
 * Version 3 lines hold the engine's own entries (`entries`: a job's plan while it may still change,
 * its frozen view once finished), as the journal's submissions do: a restart parses them and hands
 * them to the engine, with nothing checked against the spec or compiled again, which is what made a
 * version-2 restart cost seconds at 100k jobs. The checksum vouches that ges-mock wrote them; a light
 * shape check keeps a hand-made line from reaching the engine. Version 2 lines held the jobs as
 * fixture jobs (`jobs`, listed at `now`) and are still read.
 */
import { createHash } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { EngineSnapshot, SnapshotJob } from '../engine/engine-types.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import type { JobEntry, JobPlan } from '../engine/job-lifecycle.js';
import { toInstant } from '../fixtures/parse-duration.js';
import { readLines } from './read-lines.js';
import { syncDirectory } from './sync-directory.js';
import { addDocument, addEntries, addProjectDelta, emptyModel, type StateModel } from './state-model.js';

/** The `format` marker of a state file (version 1 was one JSON object, versions 2 and 3 these lines). */
const STATE_FORMAT = 'ges-jobs-kit/mock-state';
const VERSION = 3;
/** Jobs per snapshot line: a line stays a few MB even with large request bodies. */
const JOBS_PER_LINE = 500;

/** What the snapshot's first line says. */
interface SnapshotHeader {
  format: typeof STATE_FORMAT;
  version: 2 | 3;
  /** The journal generation that follows this snapshot: FILE.<generation>.journal, then the next ones. */
  generation: number;
  savedAt: string;
  now: string;
  seed: number;
  extraJobFields: string[];
  /** Worlds whose clock runs ahead of `now`: their own now. Their jobs' lines are read at it. */
  clocks?: Record<string, string> | undefined;
}

/** The journal of a generation. */
export const journalPath = (path: string, generation: number) => `${path}.${generation}.journal`;

let counter = 0;

/**
 * What a snapshot line keeps of a job: its plan without the view cache, or its view. JSON writes a
 * plan's Infinity (a fixture job that stays pending or running) as null; readEntry turns it back.
 */
function storedEntry(job: SnapshotJob): JobEntry {
  const plan = job.living;
  if (!plan) return job.view;
  return plan.finishedView ? { ...plan, finishedView: undefined } : plan;
}

/** A stored entry back as the engine's, or undefined when the value is not one ges-mock wrote. */
function readEntry(value: unknown): JobEntry | undefined {
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

/**
 * Writes `snapshot` as FILE for `generation`, streaming one chunk of jobs at a time and letting the
 * event loop run between chunks (`pause`, which may throw to give up). Before FILE is replaced,
 * `beforeCommit` may still say no (false: nothing changed). Resolves true once the new FILE is durable. Throws the file system's
 * error (FILE is then untouched, the temporary file removed).
 */
export async function writeSnapshot(
  path: string,
  snapshot: EngineSnapshot,
  extras: readonly string[],
  generation: number,
  savedAtMs: number,
  pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  beforeCommit: () => Promise<boolean> = async () => true,
): Promise<boolean> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  const file = await open(temporary, 'wx', 0o644);
  const hash = createHash('sha256');
  let lines = 0;
  const put = async (line: string) => {
    hash.update(line);
    lines++;
    await file.write(line);
  };
  try {
    const header: SnapshotHeader = {
      format: STATE_FORMAT,
      version: VERSION,
      generation,
      savedAt: new Date(savedAtMs).toISOString(),
      now: toInstant(snapshot.now),
      seed: snapshot.seed,
      extraJobFields: [...extras],
      ...(snapshot.clocks.size > 0
        ? { clocks: Object.fromEntries([...snapshot.clocks].map(([project, ms]) => [project, toInstant(ms)])) }
        : {}),
    };
    await put(`${JSON.stringify(header)}\n`);
    const graphLines = async (jobs: readonly SnapshotJob[], graph: string, project: string | undefined, removed?: readonly string[]) => {
      for (let start = 0; start === 0 || start < jobs.length; start += JOBS_PER_LINE) {
        const entries = jobs.slice(start, start + JOBS_PER_LINE).map(storedEntry);
        const where =
          project === undefined
            ? `"graph":${JSON.stringify(graph)}`
            : `"project":${JSON.stringify(project)},"graph":${JSON.stringify(graph)}`;
        const delta = removed && start === 0 ? `,"removed":${JSON.stringify(removed)}` : removed ? ',"removed":[]' : '';
        await put(`{${where}${delta},"entries":${JSON.stringify(entries)}}\n`);
        await pause();
      }
    };
    for (const [graph, jobs] of snapshot.graphs) await graphLines(jobs, graph, undefined);
    // A project's graph is written as its difference from what every project sees: the jobs it does
    // not share (its submissions, its cancellations) and the ids it no longer has (evictions). The
    // engine shares seeded entries between projects, so "shared" is object identity.
    const keysOf = new Map<string, Set<object>>();
    const key = (job: SnapshotJob): object => job.living ?? job.view;
    for (const [graph, jobs] of snapshot.graphs) keysOf.set(graph, new Set(jobs.map(key)));
    for (const [project, byGraph] of snapshot.projects) {
      for (const [graph, jobs] of byGraph) {
        const every = keysOf.get(graph);
        if (!every) {
          await graphLines(jobs, graph, project);
          continue;
        }
        const mine = new Set(jobs.map(key));
        const removed = snapshot.graphs
          .get(graph)!
          .filter((job) => !mine.has(key(job)))
          .map((job) => job.view.jobId);
        await graphLines(
          jobs.filter((job) => !every.has(key(job))),
          graph,
          project,
          removed,
        );
      }
    }
    await file.write(`${JSON.stringify({ end: true, lines, sha256: hash.digest('hex') })}\n`);
    await file.sync();
    await file.close();
    if (!(await beforeCommit())) {
      rmSync(temporary, { force: true });
      return false;
    }
    renameSync(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
  return true;
}

/** The text of a snapshot with no jobs (a new state: its journal's first line loads the starting state). */
export function emptySnapshotText(generation: number, savedAtMs: number, now: number, seed: number): string {
  const header: SnapshotHeader = {
    format: STATE_FORMAT,
    version: VERSION,
    generation,
    savedAt: new Date(savedAtMs).toISOString(),
    now: toInstant(now),
    seed,
    extraJobFields: [],
  };
  const line = `${JSON.stringify(header)}\n`;
  return `${line}${JSON.stringify({ end: true, lines: 1, sha256: createHash('sha256').update(line).digest('hex') })}\n`;
}

/** A snapshot read back: its header and state, or why it is not a good one. */
export type SnapshotRead =
  | { ok: true; header: SnapshotHeader; model: StateModel }
  | { ok: false; problem: 'corrupt' | 'foreign'; reason: string };

/** Whether FILE's first bytes are a version-2 or -3 snapshot header (the cheap look before reading it all). */
export function isSnapshotHeader(line: string): boolean {
  return line.startsWith('{') && line.includes(`"format":"${STATE_FORMAT}"`) && /"version":[23][,}]/.test(line);
}

/** Reads a version-2 or -3 snapshot line by line into a model. Never throws for bad content. */
export function readSnapshot(path: string): SnapshotRead {
  let header: SnapshotHeader | undefined;
  let model: StateModel | undefined;
  let problem: string | undefined;
  let end: { lines: number; sha256: string } | undefined;
  const hash = createHash('sha256');
  let lines = 0;
  const { tornTail } = readLines(path, (line) => {
    if (problem !== undefined) return;
    if (end) {
      problem = 'it has lines after its end';
      return;
    }
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      problem = `line ${lines + 1} is not valid JSON (${(error as Error).message})`;
      return;
    }
    if (value.end === true) {
      end = { lines: Number(value.lines), sha256: String(value.sha256) };
      return;
    }
    hash.update(`${line}\n`);
    lines++;
    if (!header) {
      header = value as unknown as SnapshotHeader;
      model = emptyModel(Date.parse(header.now), header.seed, header.extraJobFields ?? []);
      for (const [project, instant] of Object.entries(header.clocks ?? {}))
        model.clockOffsets.set(project, Date.parse(instant) - model.now);
      return;
    }
    const graph = String(value.graph);
    const removed = Array.isArray(value.removed) ? (value.removed as string[]) : undefined;
    if (header.version === 3) {
      if (!Array.isArray(value.entries)) {
        problem = `line ${lines} has no entries`;
        return;
      }
      const entries: JobEntry[] = [];
      for (const each of value.entries) {
        const entry = readEntry(each);
        if (!entry) {
          problem = `line ${lines} holds a job that is not one ges-mock wrote`;
          return;
        }
        entries.push(entry);
      }
      const project = value.project === undefined ? undefined : String(value.project);
      const failed = addEntries(model!, project, graph, removed, entries);
      if (failed) problem = `its state does not load: ${failed}`;
      return;
    }
    const jobs = value.jobs;
    const projectNow = value.project === undefined ? undefined : header.clocks?.[String(value.project)];
    const doc: FixtureDocument = { now: projectNow ?? header.now, seed: header.seed, extraJobFields: header.extraJobFields };
    if (value.project === undefined) doc.graphs = { [graph]: { jobs } as never };
    else doc.projects = { [String(value.project)]: { graphs: { [graph]: { jobs } as never } } };
    const failed = removed ? addProjectDelta(model!, String(value.project), graph, removed, doc, path) : addDocument(model!, doc, path);
    if (failed) problem = `its state does not load: ${failed}`;
  });
  if (problem) return { ok: false, problem: 'corrupt', reason: problem };
  if (!header || !model) return { ok: false, problem: 'corrupt', reason: 'it has no header' };
  if (!end || tornTail) return { ok: false, problem: 'corrupt', reason: 'it ends before its last line (truncated)' };
  if (end.lines !== lines || end.sha256 !== hash.digest('hex')) {
    return {
      ok: false,
      problem: 'corrupt',
      reason: 'its checksum does not match its lines: it was changed or damaged after ges-mock wrote it',
    };
  }
  return { ok: true, header, model };
}
