/**
 * `ges-mock serve --state FILE`: the mock's state survives restarts, crashes and `kill -9`, and a
 * write costs what the change costs, whatever the state's size.
 *
 * Design (docs/persistence-and-recording.md): FILE is a snapshot (snapshot-file.ts) naming a journal
 * generation; every change after it is one line of FILE.<generation>.journal (journal-record.ts),
 * written before the change is answered and made durable by a group commit (journal-writer.ts): the
 * 2xx waits for the fdatasync that covers its line. A change whose line cannot be saved is reverted
 * (EngineWrite.revert) and answered 503, so a change is applied if and only if it is saved. When the
 * journal has grown past the snapshot, a compaction starts the next generation's journal, captures the
 * engine's snapshot at that instant and streams it to a new FILE in the background; a crash at any
 * point leaves FILE (old or new) and the journals it names. Start-up = snapshot + journal replay
 * (state-model.ts). A lock file beside FILE (FILE.lock, holding the pid) keeps a second server off.
 */
import {
  accessSync,
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
} from 'node:fs';
import { dirname } from 'node:path';
import { createSystemClock } from '../clocks.js';
import type { AdjustableClock, EngineWrite } from '../engine/engine-types.js';
import { parseInstant } from '../fixtures/parse-duration.js';
import { createApi, type ApiOptions, type GesApi, type StateChange } from '../http/create-api.js';
import { parseJournalLine, toJournalLine, type JournalRecord } from './journal-record.js';
import { openJournalWriter, StateNotSavedError, type JournalWriter } from './journal-writer.js';
import { readLines } from './read-lines.js';
import { readStateFile } from './read-state-file.js';
import { emptySnapshotText, isSnapshotHeader, journalPath, readSnapshot, writeSnapshot } from './snapshot-file.js';
import { syncDirectory } from './sync-directory.js';
import { addDocument, applyRecord, emptyModel, toFixtureGraphs, type StateModel } from './state-model.js';

/** What was refused while the state could not be saved. */
export interface RefusalSummary {
  /** Changes answered 503 because their journal line could not be made durable. */
  readonly count: number;
  /** The latest such failure (its code and file), if any. */
  readonly last: StateNotSavedError | undefined;
}

/** A state file, opened and locked, before the API exists. */
export interface MockStateFile {
  readonly path: string;
  /** Whether FILE held a state that createApi restores. */
  readonly restoring: boolean;
  /**
   * Builds the API (createApi with `options`, every change journaled) and restores FILE's state into
   * it, or writes the first FILE. Throws an Error whose message names FILE when the stored state does
   * not load (FILE is then left untouched).
   */
  createApi(options: ApiOptions): GesApi;
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
  /** Compaction starts once the journal holds this many bytes and more than the snapshot. Default 16 MiB. */
  compactAtBytes?: number | undefined;
}

const DEFAULT_COMPACT_AT_BYTES = 16 * 1024 * 1024;
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
 * Takes FILE.lock for this process; a lock whose process is gone is taken over. A lock naming our own
 * pid that we do not hold is stale too: in a container the restarted server often gets the same pid.
 */
function takeLock(lockPath: string, path: string): { ok: true } | { ok: false; message: string } {
  if (heldLocks.has(lockPath))
    return {
      ok: false,
      message: `state file ${path} is in use by another ges-mock (pid ${process.pid}, ${lockPath}); stop it or name another file`,
    };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldLocks.add(lockPath);
      return { ok: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        return { ok: false, message: `cannot lock state file ${path} (${lockPath}): ${(error as Error).message}` };
      }
    }
    let holder = NaN;
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
      model: StateModel;
      generation: number;
      journal: { path: string; validBytes: number };
      savedWall: number;
      legacy: boolean;
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
  let model: StateModel;
  let generation: number;
  let legacy = false;
  let snapshotBytes: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { kind: 'problem', message: `state file ${path} is not a plain file. ${UNTOUCHED}` };
    snapshotBytes = stat.size;
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      return { kind: 'problem', message: `cannot use state file ${path}: ${(error as Error).message}` };
    const legacyRead = readStateFile(path);
    return legacyRead.kind === 'problem' ? legacyRead : { kind: 'missing' };
  }
  try {
    if (isSnapshotHeader(firstBytes(path))) {
      const read = readSnapshot(path);
      if (!read.ok)
        return {
          kind: 'problem',
          message: `state file ${path} ${read.problem === 'corrupt' ? 'is corrupt' : 'is not a ges-mock state file'}: ${read.reason}. ${UNTOUCHED}`,
        };
      model = read.model;
      generation = read.header.generation;
    } else {
      // Version 1: one JSON object, the state as a fixture document; compacted into version 2 at once.
      const read = readStateFile(path);
      if (read.kind !== 'ok')
        return read.kind === 'missing' ? { kind: 'problem', message: `state file ${path} vanished while it was read` } : read;
      model = emptyModel(parseInstant(read.state['now']) ?? Date.now(), Number(read.state['seed'] ?? 1), []);
      const problem = addDocument(model, read.state, path);
      if (problem) return { kind: 'problem', message: `state file ${path} is corrupt: its state does not load: ${problem}. ${UNTOUCHED}` };
      if (typeof read.state['seed'] === 'number') model.seed = read.state['seed'];
      generation = 0;
      legacy = true;
    }
  } catch (error) {
    return { kind: 'problem', message: `cannot read state file ${path}: ${(error as Error).message}` };
  }
  let savedWall = statSync(path).mtimeMs;
  let journal = { path: journalPath(path, generation), validBytes: 0 };
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
      const parsed = parseJournalLine(line);
      if (!parsed.ok) {
        problem = `line ${lineNumber} is damaged (${parsed.reason})`;
        return;
      }
      const applied = applyRecord(model, parsed.record, file);
      if (applied) problem = `line ${lineNumber} does not replay: ${applied}`;
      goodBytes = end;
    });
    if (problem !== undefined)
      return { kind: 'problem', message: `state file ${path} is corrupt: its journal ${file}: ${problem}. ${UNTOUCHED}` };
    journalBytes += goodBytes;
    savedWall = Math.max(savedWall, statSync(file).mtimeMs);
    journal = { path: file, validBytes: goodBytes };
  }
  return { kind: 'ok', model, generation, journal, savedWall, legacy, snapshotBytes, journalBytes };
}

/** Writes a small file durably in one go (the first snapshot and journal of a new state). */
function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A clock whose moves (POST /__mock/clock) can be taken back when they cannot be saved. */
function createRevertibleClock(inner: AdjustableClock): AdjustableClock & { takeAdvanced(): number; rewind(ms: number): void } {
  let rewound = 0;
  let advanced = 0;
  return {
    now: () => inner.now() - rewound,
    advance(ms) {
      inner.advance(ms);
      advanced += ms;
    },
    takeAdvanced() {
      const ms = advanced;
      advanced = 0;
      return ms;
    },
    rewind(ms) {
      rewound += ms;
    },
  };
}

/** Opens FILE for `serve --state`: reads and checks it and its journals (never changing them), and locks it. */
export function openStateFile(path: string, fileOptions: StateFileOptions = {}): OpenStateFileResult {
  const now = fileOptions.now ?? Date.now;
  const compactAtBytes = fileOptions.compactAtBytes ?? DEFAULT_COMPACT_AT_BYTES;
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
  let generation = stored.kind === 'ok' ? stored.generation : 0;
  // The generation FILE names: journals from it on are read at a restart, older ones are garbage.
  let fileGeneration = generation;
  let snapshotBytes = stored.kind === 'ok' ? stored.snapshotBytes : 0;
  let compaction: Promise<void> | undefined;
  let startCompaction: (() => void) | undefined;
  let compactionTainted = false;
  let nextCompactionAt = compactAtBytes;
  // extraJobFields of the state (a recording's fields the spec does not name), for the snapshot's header.
  let extras: readonly string[] = stored.kind === 'ok' ? stored.model.extras : [];

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

  /** Counts a refusal; one that reverted a change made before a compaction's capture spoils that compaction. */
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
      createApi(options) {
        if (journal) throw new Error('openStateFile: createApi was already called');
        if (options.engine)
          throw new TypeError(
            'openStateFile: createApi builds its own engine, so that every change is journaled; pass options, not an engine',
          );
        const speed = options.speed ?? 1;
        const startMs =
          stored.kind === 'ok' ? resumeTime(stored.model.now, stored.savedWall, speed, now()) : parseInstant(options.fixtures?.now);
        const clock = createRevertibleClock(options.clock ?? createSystemClock({ speed, startMs }));
        let writes: EngineWrite[] = [];
        let restoring = false;
        const { onChange } = options;

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
          const captured = created.engine.snapshot();
          const pause = () =>
            new Promise<void>((resolve, reject) => setImmediate(() => (closed ? reject(new Error('closing')) : resolve())));
          compaction = writeSnapshot(path, captured, extras, next, now(), pause, async () => {
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
              nextCompactionAt = Math.max(compactAtBytes, snapshotBytes);
            });
        };

        startCompaction = compact;
        const onLost = (error: Error) => {
          lostFiles = error;
          setImmediate(compact);
        };

        const save = (change: StateChange): unknown => {
          const taken = writes;
          writes = [];
          const advanced = clock.takeAdvanced();
          if (closed || !journal || restoring) return undefined;
          if (lostFiles) {
            for (const each of taken.reverse()) each.revert();
            clock.rewind(advanced);
            const refusal = new StateNotSavedError(lostFiles, path);
            noteRefusal(refusal, false);
            setImmediate(compact);
            throw refusal;
          }
          const t = clock.now();
          let record: JournalRecord | undefined;
          const write = taken.at(-1);
          if (change.kind === 'submit' && write?.kind === 'submit') {
            record = { op: 'submit', t, p: write.project, g: write.graph, plan: write.plan, evicted: write.evicted };
          } else if (change.kind === 'cancel' && write?.kind === 'cancel') {
            record = { op: 'cancel', t, p: write.project, g: write.graph, jobId: write.jobId };
          } else if (change.kind === 'clock' && change.project === undefined) {
            record = { op: 'clock', t };
          } else if (change.kind === 'reset' || change.kind === 'fixtures' || change.kind === 'clock') {
            // A world's own fixtures, reset or clock: kept as the whole state (worlds are test set-up, rare).
            const doc = created.snapshot();
            extras = doc.extraJobFields ?? [];
            record = { op: 'load', t, doc };
          }
          if (!record) return undefined;
          const revert = () => {
            for (const each of taken.reverse()) each.revert();
            clock.rewind(advanced);
          };
          let saving: Promise<void>;
          try {
            saving = journal.append(toJournalLine(record), revert);
          } catch (error) {
            noteRefusal(error);
            throw error;
          }
          if (journal.size >= nextCompactionAt && journal.size >= snapshotBytes) setImmediate(compact);
          return saving.catch((error: unknown) => {
            noteRefusal(error);
            throw error;
          });
        };

        const created: GesApi = createApi({
          ...options,
          clock,
          onEngineWrite: (write) => {
            if (!restoring) writes.push(write);
          },
          onChange: (change) => {
            onChange?.(change);
            return save(change);
          },
        });

        if (stored.kind === 'ok') {
          fileIno = statSync(path).ino;
          restoring = true;
          try {
            created.engine.loadFixtures(toFixtureGraphs(stored.model));
          } finally {
            restoring = false;
          }
          journal = openJournalWriter(stored.journal.path, stored.journal.validBytes, verifyFile, onLost);
          // Journals older than FILE: a crash came between a compaction's rename and their removal.
          for (let g = stored.generation - 1; g >= 0 && existsSync(journalPath(path, g)); g--)
            rmSync(journalPath(path, g), { force: true });
          if (stored.legacy || stored.journalBytes >= Math.max(compactAtBytes, stored.snapshotBytes)) setImmediate(compact);
        } else {
          // Written at once, so an unwritable FILE is reported at start, not at the first change.
          const start = created.snapshot();
          const empty = emptySnapshotText(0, now(), clock.now(), start.seed ?? 1);
          try {
            writeDurably(journalPath(path, 0), toJournalLine({ op: 'load', t: clock.now(), doc: start }));
            writeDurably(path, empty);
            syncDirectory(dirname(path));
          } catch (error) {
            release();
            throw new Error(`cannot create state file ${path}: ${(error as Error).message}`);
          }
          snapshotBytes = empty.length;
          fileIno = statSync(path).ino;
          journal = openJournalWriter(journalPath(path, 0), statSync(journalPath(path, 0)).size, verifyFile, onLost);
        }
        return created;
      },
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
