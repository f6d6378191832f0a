/**
 * The snapshot of a `--state` directory, FILE itself: the engine's dump (EngineDump) as JSON lines,
 * written as a stream and read line by line, so no state is ever one string. Line 1 is the header
 * (format marker, version, the journal generation that follows, `now`, the shared start's parameters);
 * then the shared fixtures' jobs in chunks of at most JOBS_PER_LINE per line, then each world with
 * state of its own (its header line, its own fixtures' jobs, what each of its graphs holds beyond its
 * start); the last line counts the lines before it and carries their SHA-256, so a truncated or edited
 * FILE is told from a good one. A snapshot is written to a temporary file, fsynced and renamed over
 * FILE: FILE holds one whole snapshot or the one before.
 *
 * Seeded jobs are not written: they are made again from the seed, the anchor and the graphs' list.
 * Jobs are the engine's own entries (a plan while it may still change, its frozen view once finished),
 * so a restart hands them to the engine with nothing checked against the spec or compiled again. The
 * checksum vouches that ges-mock wrote them; a light shape check keeps a hand-made line out.
 * Versions 2 and 3 are still read (legacy-state.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, fsync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EngineDump, FixtureGraph, FixturesDump, WorldDump } from '../engine/engine-types.js';
import { ENGINE_PROFILES } from '../engine/engine-profiles.js';
import type { JobEntry, JobPlan } from '../engine/job-lifecycle.js';
import { toInstant } from '../fixtures/parse-duration.js';
import { readEntry, storedEntry } from './journal-record.js';
import { STATE_FORMAT } from './legacy-state.js';
import { readSnapshotLines } from './read-lines.js';
import { syncDirectory } from './sync-directory.js';
import { writeFully } from './write-fully.js';

const VERSION = 4;
/** Jobs per snapshot line: a line stays a few MB even with large request bodies. */
const JOBS_PER_LINE = 500;

/** What a fixture document's header line keeps (its jobs follow in lines of their own). */
type FixturesHead = Omit<FixturesDump, 'graphs' | 'byProject'>;

/** What the snapshot's first line says. */
interface SnapshotHeader {
  format: typeof STATE_FORMAT;
  version: 4;
  /** The journal generation that follows this snapshot: FILE.<generation>.journal, then the next ones. */
  generation: number;
  savedAt: string;
  now: string;
  shiftMs: number;
  base: Omit<EngineDump['base'], 'fixtures'> & { fixtures: FixturesHead | undefined };
}

/** The journal of a generation. */
export const journalPath = (path: string, generation: number) => `${path}.${generation}.journal`;

let counter = 0;

const headOf = ({ graphs: _graphs, byProject: _byProject, ...head }: FixturesDump): FixturesHead => head;

/** The lines of a snapshot of `dump`, its last one (the count and checksum) excepted, in order. */
function* snapshotLines(dump: EngineDump, generation: number, savedAtMs: number): Generator<string> {
  /** One graph's jobs, chunked: `head` names the graph on every line, `first` what only the first says. */
  function* chunked(
    head: Record<string, unknown>,
    first: Record<string, unknown>,
    key: string,
    items: readonly JobEntry[],
  ): Generator<string> {
    for (let start = 0; start === 0 || start < items.length; start += JOBS_PER_LINE) {
      const line = { ...head, ...(start === 0 ? first : {}), [key]: items.slice(start, start + JOBS_PER_LINE).map(storedEntry) };
      yield `${JSON.stringify(line)}\n`;
    }
  }
  function* fixtureLines(owner: string, fixtures: FixturesDump): Generator<string> {
    const graph = (project: string | undefined, name: string, fixture: FixtureGraph) =>
      chunked(
        { fixtures: owner, ...(project === undefined ? {} : { project }), graph: name },
        { seedJobs: fixture.seedJobs, jobIdSuffix: fixture.jobIdSuffix ?? null },
        'entries',
        fixture.entries,
      );
    for (const [name, fixture] of fixtures.graphs) yield* graph(undefined, name, fixture);
    for (const [project, name, fixture] of fixtures.byProject) yield* graph(project, name, fixture);
  }
  const { fixtures, ...base } = dump.base;
  const header: SnapshotHeader = {
    format: STATE_FORMAT,
    version: VERSION,
    generation,
    savedAt: new Date(savedAtMs).toISOString(),
    now: toInstant(dump.now),
    shiftMs: dump.shiftMs,
    base: { ...base, fixtures: fixtures && headOf(fixtures) },
  };
  yield `${JSON.stringify(header)}\n`;
  if (fixtures) yield* fixtureLines('', fixtures);
  for (const world of dump.worlds) {
    const head = {
      world: world.id,
      clockOffsetMs: world.clockOffsetMs,
      faults: world.faults ?? null,
      fixtures: world.fixtures ? headOf(world.fixtures) : null,
    };
    yield `${JSON.stringify(head)}\n`;
    if (world.fixtures) yield* fixtureLines(world.id, world.fixtures);
    for (const [graph, delta] of world.stores) {
      yield* chunked(
        { store: world.id, graph },
        { removed: delta.removed, cancelled: delta.cancelled, submissions: delta.submissions },
        'submitted',
        delta.submitted,
      );
    }
  }
}

const temporaryBeside = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);

/**
 * Lines are written in chunks of about this many characters: one write (and one hash update) per
 * chunk, not per line. A large state has tens of thousands of short lines (a line per world and per
 * graph), and a write per line, each a round trip through libuv's pool, made a compaction of 10,000
 * projects run for longer than a benchmark and cost more CPU than the writes it compacted.
 */
const CHUNK_CHARS = 64 * 1024;

/** The snapshot of `dump` in chunks of whole lines, its last line (the count and checksum) included. */
function* snapshotChunks(dump: EngineDump, generation: number, savedAtMs: number): Generator<string> {
  const hash = createHash('sha256');
  let lines = 0;
  let chunk = '';
  for (const line of snapshotLines(dump, generation, savedAtMs)) {
    chunk += line;
    lines++;
    if (chunk.length >= CHUNK_CHARS) {
      hash.update(chunk);
      yield chunk;
      chunk = '';
    }
  }
  hash.update(chunk);
  yield `${chunk}${JSON.stringify({ end: true, lines, sha256: hash.digest('hex') })}\n`;
}

/**
 * Writes `dump` as FILE for `generation`, a chunk at a time, letting the event loop run between chunks
 * (`pause`, which may throw to give up): a chunk only copies into the page cache, and the one fsync
 * runs in libuv's pool. Before FILE is replaced, `beforeCommit` may still say no (false: nothing
 * changed). Resolves true once the new FILE is durable. Throws the file system's error (FILE is then
 * untouched, the temporary file removed).
 */
export async function writeSnapshot(
  path: string,
  dump: EngineDump,
  generation: number,
  savedAtMs: number,
  pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  beforeCommit: () => Promise<boolean> = async () => true,
): Promise<boolean> {
  const temporary = temporaryBeside(path);
  const fd = openSync(temporary, 'wx', 0o644);
  let open = true;
  try {
    for (const chunk of snapshotChunks(dump, generation, savedAtMs)) {
      writeFully(fd, Buffer.from(chunk, 'utf8'));
      await pause();
    }
    await new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
    open = false;
    closeSync(fd);
    if (!(await beforeCommit())) {
      rmSync(temporary, { force: true });
      return false;
    }
    renameSync(temporary, path);
  } catch (error) {
    if (open) closeQuietly(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
  return true;
}

/** Writes `dump` as FILE at once (a new state's first FILE, so a disk that says no is heard at start). */
export function writeSnapshotSync(path: string, dump: EngineDump, generation: number, savedAtMs: number): void {
  const temporary = temporaryBeside(path);
  const fd = openSync(temporary, 'wx', 0o644);
  try {
    for (const chunk of snapshotChunks(dump, generation, savedAtMs)) writeFully(fd, Buffer.from(chunk, 'utf8'));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, path);
  } catch (error) {
    closeQuietly(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

/** A snapshot read back: its header and dump, or why it is not a good one. */
export type SnapshotRead = { ok: true; header: SnapshotHeader; dump: EngineDump } | { ok: false; reason: string };

/** The version a snapshot's first line names (2 to 4), or undefined when it is no snapshot header. */
export function snapshotVersion(line: string): number | undefined {
  if (!line.startsWith('{') || !line.includes(`"format":"${STATE_FORMAT}"`)) return undefined;
  const version = /"version":([234])[,}]/.exec(line)?.[1];
  return version === undefined ? undefined : Number(version);
}

/** A fixture document of a dump while its lines are read. */
interface ReadFixtures extends FixturesHead {
  graphs: [string, FixtureGraph][];
  byProject: [string, string, FixtureGraph][];
}

/** A world of a dump while its lines are read. */
interface ReadWorld {
  id: string;
  clockOffsetMs: number;
  faults: WorldDump['faults'];
  fixtures: ReadFixtures | undefined;
  stores: [string, { removed: string[]; cancelled: [string, number][]; submissions: number; submitted: JobPlan[] }][];
}

/** Reads a version-4 snapshot line by line into a dump. Never throws for bad content. */
export function readSnapshot(path: string): SnapshotRead {
  let header: SnapshotHeader | undefined;
  let lines = 0;
  let baseFixtures: ReadFixtures | undefined;
  const worlds: ReadWorld[] = [];
  const fixturesOf = (owner: string) => (owner === '' ? baseFixtures : worlds.find((world) => world.id === owner)?.fixtures);

  /** The entries of a line, or the problem. */
  const entriesOf = (items: unknown, read: (value: unknown) => JobEntry | undefined): JobEntry[] | string => {
    if (!Array.isArray(items)) return `line ${lines} has no jobs`;
    const out: JobEntry[] = [];
    for (const each of items) {
      const entry = read(each);
      if (!entry) return `line ${lines} holds a job that is not one ges-mock wrote`;
      out.push(entry);
    }
    return out;
  };

  const readLine = (value: Record<string, unknown>): string | undefined => {
    if (!header) {
      const head = value as unknown as SnapshotHeader;
      if (head.version !== VERSION || !ENGINE_PROFILES.includes(head.base?.profile) || !Array.isArray(head.base?.graphs))
        return 'its header is not one ges-mock writes';
      header = head;
      if (head.base.fixtures) baseFixtures = { ...head.base.fixtures, graphs: [], byProject: [] };
      return undefined;
    }
    if (typeof value.fixtures === 'string') {
      const fixtures = fixturesOf(value.fixtures);
      if (!fixtures) return `line ${lines} holds jobs of fixtures the state does not have`;
      const entries = entriesOf(value.entries, readEntry);
      if (typeof entries === 'string') return entries;
      const name = String(value.graph);
      const project = value.project === undefined ? undefined : String(value.project);
      const list = project === undefined ? fixtures.graphs : fixtures.byProject;
      const last = list.at(-1);
      const same = last && last[project === undefined ? 0 : 1] === name && (project === undefined || last[0] === project);
      if (value.seedJobs === undefined && same) {
        const held = (project === undefined ? last[1] : last[2]) as FixtureGraph;
        (held.entries as JobEntry[]).push(...entries);
        return undefined;
      }
      const fixture: FixtureGraph = {
        entries,
        seedJobs: Number(value.seedJobs ?? 0),
        jobIdSuffix: typeof value.jobIdSuffix === 'string' ? value.jobIdSuffix : undefined,
      };
      if (project === undefined) fixtures.graphs.push([name, fixture]);
      else fixtures.byProject.push([project, name, fixture]);
      return undefined;
    }
    if (typeof value.world === 'string') {
      const fixtures = value.fixtures as FixturesHead | null;
      worlds.push({
        id: value.world,
        clockOffsetMs: Number(value.clockOffsetMs ?? 0),
        faults: (value.faults as WorldDump['faults'] | null) ?? undefined,
        fixtures: fixtures ? { ...fixtures, graphs: [], byProject: [] } : undefined,
        stores: [],
      });
      return undefined;
    }
    if (typeof value.store === 'string') {
      const world = worlds.at(-1);
      if (!world || world.id !== value.store) return `line ${lines} holds jobs of a world the state does not name before it`;
      const submitted = entriesOf(value.submitted, (each) => {
        const entry = readEntry(each);
        return entry && !('status' in entry) ? entry : undefined;
      });
      if (typeof submitted === 'string') return submitted;
      const graph = String(value.graph);
      const last = world.stores.at(-1);
      if (value.removed === undefined && last && last[0] === graph) {
        last[1].submitted.push(...(submitted as JobPlan[]));
        return undefined;
      }
      if (!Array.isArray(value.removed) || !Array.isArray(value.cancelled) || typeof value.submissions !== 'number')
        return `line ${lines} is not a graph ges-mock writes`;
      world.stores.push([
        graph,
        {
          removed: value.removed as string[],
          cancelled: value.cancelled as [string, number][],
          submissions: value.submissions,
          submitted: submitted as JobPlan[],
        },
      ]);
      return undefined;
    }
    return `line ${lines} is not one ges-mock writes`;
  };

  const problem = readSnapshotLines(path, (value, line) => {
    lines = line;
    return readLine(value);
  });
  if (problem) return { ok: false, reason: problem };
  if (!header) return { ok: false, reason: 'it has no header' };
  const { fixtures: _head, ...base } = header.base;
  return {
    ok: true,
    header,
    dump: { now: Date.parse(header.now), shiftMs: header.shiftMs, base: { ...base, fixtures: baseFixtures }, worlds },
  };
}
