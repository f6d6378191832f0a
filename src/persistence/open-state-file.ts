/**
 * `ges-mock serve --state FILE`: the mock's state survives restarts, crashes and `kill -9`, and a
 * write costs what the change costs, whatever the state's size.
 *
 * Design (docs/persistence-and-recording.md): FILE is a snapshot of the engine's dump (snapshot-file.ts)
 * naming a journal generation; every change after it is one line of FILE.<generation>.journal: the
 * Change value the engine made and applied (journal-record.ts), written before the change is answered
 * and made durable by a group commit (journal-writer.ts): the 2xx waits for the fdatasync that covers
 * its line. A change whose line cannot be saved is taken back (its undo) and answered 503, so a change
 * is applied if and only if it is saved. At start-up the engine restores the snapshot's dump and applies
 * every journaled change again through the same `apply`, so what was accepted is what replays. When the
 * journal has grown past the snapshot, a compaction starts the next generation's journal, captures the
 * engine's dump at that instant and streams it to a new FILE in the background; a crash at any point
 * leaves FILE (old or new) and the journals it names. A lock file beside FILE (FILE.lock, holding the
 * pid) keeps a second server off.
 */
import {
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
  accessSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { createSystemClock } from '../clocks.js';
import type { AdjustableClock, Change, EngineDump } from '../engine/engine-types.js';
import { resolveSettings } from '../engine/engine-settings.js';
import { parseInstant } from '../fixtures/parse-duration.js';
import type { OnChange } from '../http/commit-change.js';
import { createApi, type ApiOptions, type GesApi } from '../http/create-api.js';
import { parseCheckedLine, readChange, toJournalLine } from './journal-record.js';
import { openJournalWriter, StateNotSavedError, type JournalWriter } from './journal-writer.js';
import {
  addDocument,
  applyLegacyRecord,
  emptyModel,
  readLegacySnapshot,
  toDump,
  type LegacyRecord,
  type StateModel,
} from './legacy-state.js';
import { readLines } from './read-lines.js';
import { readStateFile } from './read-state-file.js';
import { journalPath, readSnapshot, snapshotVersion, writeSnapshot, writeSnapshotSync } from './snapshot-file.js';
import { syncDirectory } from './sync-directory.js';

/** What was refused while the state could not be saved. */
export interface RefusalSummary {
  /** Changes answered 503 because their journal line could not be made durable. */
  readonly count: number;
  /** The latest such failure (its code and file), if any. */
  readonly last: StateNotSavedError | undefined;
}

/** What a restart found in FILE, for the start-up line. */
export interface RestoredState {
  /** Worlds (projects) with state of their own. */
  readonly worlds: number;
  /** Jobs those worlds submitted and still hold. */
  readonly submittedJobs: number;
  /** Changes replayed from the journals after the snapshot. */
  readonly replayedChanges: number;
  /** How long reading and replaying took, in ms. */
  readonly tookMs: number;
  /** The format version FILE was written in (an older one is rewritten at once). */
  readonly version: number;
}

/** A state file, opened and locked, before the API exists. */
export interface MockStateFile {
  readonly path: string;
  /** Whether FILE held a state that createApi restores. */
  readonly restoring: boolean;
  /** The pid of a server that died holding FILE's lock, which this one took over. */
  readonly tookOverLockOf: number | undefined;
  /**
   * Builds the API (createApi with `options`, every change journaled) and restores FILE's state into
   * it, or writes the first FILE. Throws an Error whose message names FILE when the stored state does
   * not load (FILE is then left untouched).
   */
  createApi(options: ApiOptions): GesApi;
  /** What the restore found (after createApi), or undefined for a new state. */
  restored(): RestoredState | undefined;
  /** Resolves once every change written so far is durable (or refused). */
  flush(): Promise<void>;
  /** What was refused so far. */
  refusals(): RefusalSummary;
  /** Starts a compaction now (unless one runs) and resolves when it is over, whether it replaced FILE or gave up. */
  compact(): Promise<void>;
  /** flush(), then stops a compaction in progress, closes the files and releases the lock; later changes are not saved. Safe to call twice. */
  close(): Promise<void>;
}

/** Opening result: the file, or a message for the user (the CLI exits 2 with it). */
export type OpenStateFileResult = { ok: true; file: MockStateFile } | { ok: false; message: string };

/** Options of openStateFile; tests and benchmarks tune them. */
export interface StateFileOptions {
  /** Wall clock (epoch ms). Default Date.now. */
  now?: (() => number) | undefined;
  /**
   * Compaction starts once the journal holds this many bytes and SNAPSHOTS_PER_COMPACTION times the
   * snapshot's. Default 16 MiB.
   */
  compactAtBytes?: number | undefined;
}

const DEFAULT_COMPACT_AT_BYTES = 16 * 1024 * 1024;
/**
 * A compaction writes the whole state again, so a large state compacted as soon as its journal passes
 * it spends as much on compactions as on its changes (10,000 writing projects: 35 µs a write, 0.65x the
 * in-memory server's writes/s). Waiting for three times the snapshot's bytes divides that by three; a
 * restart replays at most that much journal (about 2 s for a 15 MB state and its 45 MB journal here).
 */
const SNAPSHOTS_PER_COMPACTION = 3;
const UNTOUCHED = 'It was left untouched: name another file with --state, or move this one away.';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks this process holds: a lock file naming our own pid is ours only if it is in here. */
const heldLocks = new Set<string>();

/**
 * Takes FILE.lock for this process; a lock whose process is gone is taken over (its pid answered). A
 * lock naming our own pid that we do not hold is stale too: in a container the restarted server often
 * gets the same pid.
 */
function takeLock(lockPath: string, path: string): { ok: true; tookOver: number | undefined } | { ok: false; message: string } {
  if (heldLocks.has(lockPath))
    return {
      ok: false,
      message: `state file ${path} is in use by another ges-mock (pid ${process.pid}, ${lockPath}); stop it or name another file`,
    };
  let tookOver: number | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldLocks.add(lockPath);
      return { ok: true, tookOver };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        return { ok: false, message: `cannot lock state file ${path} (${lockPath}): ${(error as Error).message}` };
      }
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(lockPath, 'utf8').trim());
    } catch {
      // vanished meanwhile: try again
    }
    if (Number.isSafeInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
      return {
        ok: false,
        message: `state file ${path} is in use by another ges-mock (pid ${holder}, ${lockPath}); stop it or name another file`,
      };
    }
    try {
      rmSync(lockPath, { force: true });
      if (Number.isSafeInteger(holder) && holder > 0) tookOver = holder;
    } catch (error) {
      return { ok: false, message: `cannot take over the stale lock ${lockPath} of state file ${path}: ${(error as Error).message}` };
    }
  }
  return { ok: false, message: `cannot lock state file ${path}: ${lockPath} keeps coming back` };
}

/**
 * Where virtual time resumes: the saved `now` plus the time the server was down, at its speed. Time
 * goes on while the mock is stopped, as it would for a real engine, so jobs submitted after a restart
 * are not dated before the real time (a clock moved with POST /__mock/clock stays moved).
 */
function resumeTime(savedNow: number, savedWall: number, speed: number, wallNow: number): number {
  return savedNow + (Number.isNaN(savedWall) ? 0 : Math.max(0, wallNow - savedWall) * speed);
}

/** What the directory holds: nothing yet, or a state and the journal to go on appending to. */
type StoredState =
  | { kind: 'missing' }
  | { kind: 'problem'; message: string }
  | {
      kind: 'ok';
      /** The snapshot: a version-4 dump, or an older state read into a model (made a dump once the settings are known). */
      start: { dump: EngineDump } | { model: StateModel };
      /** Version-4 changes to apply after the dump (older journals are already in the model). */
      changes: Change[];
      /** The virtual time of the last journaled change (or the snapshot's). */
      lastT: number;
      generation: number;
      /** The newest journal: where appending goes on (a compaction cut short may have left one past FILE's generation). */
      journal: { path: string; validBytes: number; generation: number };
      savedWall: number;
      version: number;
      snapshotBytes: number;
      journalBytes: number;
    };

/** The first bytes of FILE, enough for a snapshot header. */
function firstBytes(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Reads FILE and its journals (read-only): the state they hold, or a problem worded for the user. */
function readStoredState(path: string): StoredState {
  let snapshotBytes: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { kind: 'problem', message: `state file ${path} is not a plain file. ${UNTOUCHED}` };
    snapshotBytes = stat.size;
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      return { kind: 'problem', message: `cannot use state file ${path}: ${(error as Error).message}` };
    const missing = readStateFile(path);
    return missing.kind === 'problem' ? missing : { kind: 'missing' };
  }
  let start: { dump: EngineDump } | { model: StateModel };
  let generation: number;
  let version: number;
  let lastT: number;
  try {
    const read = readSnapshotFile(path);
    if (read.kind === 'problem') return read;
    ({ start, generation, version, lastT } = read);
  } catch (error) {
    return { kind: 'problem', message: `cannot read state file ${path}: ${(error as Error).message}` };
  }
  const changes: Change[] = [];
  let savedWall = statSync(path).mtimeMs;
  let journal = { path: journalPath(path, generation), validBytes: 0, generation };
  let journalBytes = 0;
  for (let g = generation; existsSync(journalPath(path, g)); g++) {
    const file = journalPath(path, g);
    let problem: string | undefined;
    let lineNumber = 0;
    let goodBytes = 0;
    // Every complete line must be good: one that fails its checksum was damaged after it was written.
    // A write cut short by a crash has no newline (readLines leaves it out): it was never
    // acknowledged, so it is dropped.
    readLines(file, (line, end) => {
      lineNumber++;
      if (problem !== undefined) return;
      const parsed = parseCheckedLine(line);
      if (!parsed.ok) {
        problem = `line ${lineNumber} is damaged (${parsed.reason})`;
        return;
      }
      if ('model' in start) {
        const applied = applyLegacyRecord(start.model, parsed.value as LegacyRecord, file);
        if (applied) problem = `line ${lineNumber} does not replay: ${applied}`;
        lastT = Math.max(lastT, (parsed.value as LegacyRecord).t);
      } else {
        const read = readChange(parsed.value);
        if (!read.ok) problem = `line ${lineNumber} is damaged (${read.reason})`;
        else {
          changes.push(read.change);
          lastT = Math.max(lastT, read.change.t);
        }
      }
      goodBytes = end;
    });
    if (problem !== undefined)
      return { kind: 'problem', message: `state file ${path} is corrupt: its journal ${file}: ${problem}. ${UNTOUCHED}` };
    journalBytes += goodBytes;
    savedWall = Math.max(savedWall, statSync(file).mtimeMs);
    journal = { path: file, validBytes: goodBytes, generation: g };
  }
  return { kind: 'ok', start, changes, lastT, generation, journal, savedWall, version, snapshotBytes, journalBytes };
}

/** FILE's snapshot in any version ges-mock wrote: a dump (version 4) or a model (1 to 3). */
function readSnapshotFile(
  path: string,
):
  | { kind: 'ok'; start: { dump: EngineDump } | { model: StateModel }; generation: number; version: number; lastT: number }
  | { kind: 'problem'; message: string } {
  const version = snapshotVersion(firstBytes(path));
  const corrupt = (reason: string) => ({ kind: 'problem' as const, message: `state file ${path} is corrupt: ${reason}. ${UNTOUCHED}` });
  if (version === 4) {
    const read = readSnapshot(path);
    if (!read.ok) return corrupt(read.reason);
    return { kind: 'ok', start: { dump: read.dump }, generation: read.header.generation, version, lastT: read.dump.now };
  }
  if (version === 2 || version === 3) {
    const read = readLegacySnapshot(path);
    if (!read.ok) return corrupt(read.reason);
    return { kind: 'ok', start: { model: read.model }, generation: read.generation, version, lastT: read.model.now };
  }
  // Version 1: one JSON object, the state as a fixture document.
  const read = readStateFile(path);
  if (read.kind !== 'ok')
    return read.kind === 'missing' ? { kind: 'problem', message: `state file ${path} vanished while it was read` } : read;
  const model = emptyModel(parseInstant(read.state['now']) ?? Date.now(), Number(read.state['seed'] ?? 1), []);
  const problem = addDocument(model, read.state, path);
  if (problem) return corrupt(`its state does not load: ${problem}`);
  if (typeof read.state['seed'] === 'number') model.seed = read.state['seed'];
  return { kind: 'ok', start: { model }, generation: 0, version: 1, lastT: model.now };
}

/** A clock `shift`ed by a fixed amount: where virtual time resumes after a restart. */
function createShiftedClock(inner: AdjustableClock): AdjustableClock & { shift(ms: number): void } {
  let offset = 0;
  const innerAt = inner.at?.bind(inner);
  return {
    now: () => inner.now() + offset,
    ...(innerAt ? { at: (realMs: number) => innerAt(realMs) + offset } : {}),
    advance: (ms) => inner.advance(ms),
    shift(ms) {
      offset += ms;
    },
  };
}

/** Opens FILE for `serve --state`: reads and checks it and its journals (never changing them), and locks it. */
export function openStateFile(path: string, fileOptions: StateFileOptions = {}): OpenStateFileResult {
  const now = fileOptions.now ?? Date.now;
  const compactAtBytes = fileOptions.compactAtBytes ?? DEFAULT_COMPACT_AT_BYTES;
  const startedReading = performance.now();
  const stored = readStoredState(path);
  if (stored.kind === 'problem') return { ok: false, message: stored.message };
  const lockPath = `${path}.lock`;
  const lock = takeLock(lockPath, path);
  if (!lock.ok) return lock;
  const releaseOnExit = () => {
    heldLocks.delete(lockPath);
    rmSync(lockPath, { force: true });
  };
  process.once('exit', releaseOnExit);

  let journal: JournalWriter | undefined;
  let closed = false;
  let refused = 0;
  let lastRefusal: StateNotSavedError | undefined;
  let restored: RestoredState | undefined;
  // The generation of the journal taking new lines: a compaction starts the one after it.
  let generation = stored.kind === 'ok' ? stored.journal.generation : 0;
  // The generation FILE names: journals from it on are read at a restart, older ones are garbage.
  let fileGeneration = stored.kind === 'ok' ? stored.generation : 0;
  let snapshotBytes = stored.kind === 'ok' ? stored.snapshotBytes : 0;
  let compaction: Promise<void> | undefined;
  let startCompaction: (() => void) | undefined;
  let compactionTainted = false;
  let nextCompactionAt = compactAtBytes;

  // Set when FILE or the journal vanished under the server: changes are refused until a compaction
  // has written the whole state again.
  let lostFiles: Error | undefined;
  let fileIno = 0;
  const verifyFile = (): Error | undefined => {
    let ino: number | undefined;
    try {
      ino = statSync(path).ino;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined; // EACCES: cannot tell, so not lost
    }
    return ino === fileIno
      ? undefined
      : Object.assign(new Error(`${path} was ${ino === undefined ? 'deleted' : 'replaced by another file'} while the server ran`), {
          code: 'ENOENT',
        });
  };

  /** Counts a refusal; one that took back a change made before a compaction's capture spoils that compaction. */
  const noteRefusal = (error: unknown, capturedChange = true) => {
    if (!(error instanceof StateNotSavedError)) return;
    refused++;
    lastRefusal = error;
    if (capturedChange) compactionTainted = true;
  };

  const release = () => {
    closed = true;
    releaseOnExit();
    process.removeListener('exit', releaseOnExit);
  };

  return {
    ok: true,
    file: {
      path,
      restoring: stored.kind === 'ok',
      tookOverLockOf: lock.tookOver,
      createApi(options) {
        if (journal) throw new Error('openStateFile: createApi was already called');
        if (options.engine)
          throw new TypeError(
            'openStateFile: createApi builds its own engine, so that every change is journaled; pass options, not an engine',
          );
        const speed = options.speed ?? 1;
        const clock = createShiftedClock(options.clock ?? createSystemClock({ speed, startMs: parseInstant(options.fixtures?.now) }));
        const { onChange } = options;
        let restoring = false;

        const compact = () => {
          if (compaction || closed || !journal) return;
          const next = generation + 1;
          try {
            journal.rotate(journalPath(path, next));
            syncDirectory(dirname(path));
          } catch {
            nextCompactionAt = journal.size + compactAtBytes; // the disk said no: try again later
            return;
          }
          generation = next;
          compactionTainted = false;
          // The state at the rotation: every line of the older journals, none of the new one.
          const captured = created.engine.dump();
          const pause = () =>
            new Promise<void>((resolve, reject) => setImmediate(() => (closed ? reject(new Error('closing')) : resolve())));
          compaction = writeSnapshot(path, captured, next, now(), pause, async () => {
            // Lines captured but not yet durable must be durable, and none refused, before FILE moves on.
            await journal!.olderDurable();
            return !compactionTainted && !closed;
          })
            .then((committed) => {
              if (!committed) return;
              // From FILE's generation before: a compaction that gave up left its journals to this one.
              for (let g = fileGeneration; g < next; g++) rmSync(journalPath(path, g), { force: true });
              fileGeneration = next;
              journal!.dropOlder();
              const stat = statSync(path);
              snapshotBytes = stat.size;
              fileIno = stat.ino;
              lostFiles = undefined;
            })
            .catch(() => undefined)
            .finally(() => {
              compaction = undefined;
              nextCompactionAt = Math.max(compactAtBytes, snapshotBytes * SNAPSHOTS_PER_COMPACTION);
            });
        };

        startCompaction = compact;
        const onLost = (error: Error) => {
          lostFiles = error;
          setImmediate(compact);
        };

        /** Journals a change: the answer waits for its line to be durable; a line that cannot be is refused and the change taken back. */
        const save: OnChange = (change, undo) => {
          if (closed || !journal || restoring) return undefined;
          if (lostFiles) {
            undo();
            const refusal = new StateNotSavedError(lostFiles, path);
            noteRefusal(refusal, false);
            setImmediate(compact);
            throw refusal;
          }
          let saving: Promise<void>;
          try {
            saving = journal.append(toJournalLine(change), undo);
          } catch (error) {
            noteRefusal(error);
            throw error;
          }
          if (journal.size >= nextCompactionAt && journal.size >= snapshotBytes * SNAPSHOTS_PER_COMPACTION) setImmediate(compact);
          return saving.catch((error: unknown) => {
            noteRefusal(error);
            throw error;
          });
        };

        const created: GesApi = createApi({
          ...options,
          clock,
          onChange: (change, undo) => {
            onChange?.(change, undo);
            return save(change, undo);
          },
        });

        if (stored.kind === 'ok') {
          fileIno = statSync(path).ino;
          restoring = true;
          try {
            const dump =
              'dump' in stored.start ? stored.start.dump : toDump(stored.start.model, resolveSettings(options.engine ? {} : options));
            created.engine.restore(dump);
            stored.changes.forEach((change, i) => {
              const applied = created.engine.apply(change);
              if (!applied.ok)
                throw new Error(
                  `state file ${path} is corrupt: its journal change ${i + 1} (${change.kind}) does not replay: ${applied.problem}. ${UNTOUCHED}`,
                );
            });
          } catch (error) {
            release();
            throw error;
          } finally {
            restoring = false;
          }
          // Virtual time resumes where it stood, plus the time the server was down; a clock the caller
          // gives says itself where time stands.
          const resumeAt = options.clock ? options.clock.now() : resumeTime(stored.lastT, stored.savedWall, speed, now());
          clock.shift(resumeAt - created.engine.now());
          const dump = created.engine.dump();
          restored = {
            worlds: dump.worlds.length,
            submittedJobs: dump.worlds.reduce(
              (sum, world) => sum + world.stores.reduce((n, [, delta]) => n + delta.submitted.length, 0),
              0,
            ),
            replayedChanges: stored.changes.length,
            tookMs: Math.round(performance.now() - startedReading),
            version: stored.version,
          };
          journal = openJournalWriter(stored.journal.path, stored.journal.validBytes, verifyFile, onLost);
          // Journals older than FILE: a crash came between a compaction's rename and their removal.
          for (let g = stored.generation - 1; g >= 0 && existsSync(journalPath(path, g)); g--)
            rmSync(journalPath(path, g), { force: true });
          if (stored.version < 4 || stored.journalBytes >= Math.max(compactAtBytes, stored.snapshotBytes * SNAPSHOTS_PER_COMPACTION))
            setImmediate(compact);
        } else {
          // Written at once, so an unwritable FILE is reported at start, not at the first change.
          try {
            writeDurably(journalPath(path, 0), '');
            writeSnapshotSync(path, created.engine.dump(), 0, now());
          } catch (error) {
            release();
            throw new Error(`cannot create state file ${path}: ${(error as Error).message}`);
          }
          snapshotBytes = statSync(path).size;
          fileIno = statSync(path).ino;
          journal = openJournalWriter(journalPath(path, 0), 0, verifyFile, onLost);
        }
        return created;
      },
      restored: () => restored,
      flush: () => journal?.settled() ?? Promise.resolve(),
      refusals: () => ({ count: refused, last: lastRefusal }),
      async compact() {
        startCompaction?.();
        await compaction;
      },
      async close() {
        if (closed) return;
        try {
          await journal?.settled();
        } finally {
          release();
          await compaction?.catch(() => undefined);
          journal?.close();
        }
      },
    },
  };
}

/** Writes a small file durably in one go (a new state's first journal). */
function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
