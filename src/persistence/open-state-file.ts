/**
 * `ges-mock serve --state FILE`: the mock's state survives restarts, crashes and `kill -9`.
 *
 * Design: after every change (createApi's onChange, which runs before the 2xx is returned) the whole
 * state (`api.snapshot()`: the seeded graphs, the projects that changed, the virtual time) is written
 * to a temporary file, fsynced, and renamed over FILE (writeFileAtomically). So a client that got a
 * 2xx has its change on disk, and FILE always holds one complete state, never half of one. A journal
 * would write less per change but needs replay, compaction and torn-tail handling; the snapshot grows
 * only with the projects that changed (docs/persistence-and-recording.md gives the measured cost), so
 * rewriting it whole is the simpler way to the same guarantee. A lock file beside FILE (FILE.lock,
 * holding the pid) keeps a second server from writing the same state; a lock left by a killed server
 * is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createSystemClock } from '../clocks.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { createApi, type ApiOptions, type GesApi } from '../http/create-api.js';
import { readStateFile } from './read-state-file.js';
import { toStateFileText } from './state-file-format.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** A state file, opened and locked, before the API exists. */
export interface MockStateFile {
  readonly path: string;
  /** Whether FILE held a state that createApi restores. */
  readonly restoring: boolean;
  /**
   * Builds the API (createApi with `options`, its onChange saving FILE) and restores FILE's state
   * into it, or writes the first FILE. Throws an Error whose message names FILE when the stored state
   * does not load (FILE is then left untouched).
   */
  createApi(options: ApiOptions): GesApi;
  /** Writes the current state now. Changes are already saved as they happen; this records the latest virtual time. */
  flush(): void;
  /** flush(), then releases the lock; later changes are no longer saved. Safe to call twice. */
  close(): void;
}

/** Opening result: the file, or a message for the user (the CLI exits 2 with it). */
export type OpenStateFileResult = { ok: true; file: MockStateFile } | { ok: false; message: string };

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
  if (heldLocks.has(lockPath)) return { ok: false, message: `state file ${path} is in use by another ges-mock (pid ${process.pid}, ${lockPath}); stop it or name another file` };
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
      return { ok: false, message: `state file ${path} is in use by another ges-mock (pid ${holder}, ${lockPath}); stop it or name another file` };
    }
    rmSync(lockPath, { force: true });
  }
  return { ok: false, message: `cannot lock state file ${path}: ${lockPath} keeps coming back` };
}

/**
 * Where virtual time resumes: the saved `now` plus the time the server was down, at its speed. Time
 * goes on while the mock is stopped, as it would for a real engine, so jobs submitted after a restart
 * are not dated before the real time (a clock moved with POST /__mock/clock stays moved).
 */
function resumeTime(state: Record<string, unknown>, savedAt: string, speed: number, wallNow: number): number | undefined {
  const savedNow = typeof state.now === 'string' ? Date.parse(state.now) : NaN;
  const savedWall = Date.parse(savedAt);
  if (Number.isNaN(savedNow)) return undefined;
  return savedNow + (Number.isNaN(savedWall) ? 0 : Math.max(0, wallNow - savedWall) * speed);
}

/** Opens FILE for `serve --state`: reads and checks it (never changing it), and locks it. */
export function openStateFile(path: string, now: () => number = Date.now): OpenStateFileResult {
  const read = readStateFile(path);
  if (read.kind === 'problem') return { ok: false, message: read.message };
  const lockPath = `${path}.lock`;
  const lock = takeLock(lockPath, path);
  if (!lock.ok) return lock;
  const releaseOnExit = () => {
    heldLocks.delete(lockPath);
    rmSync(lockPath, { force: true });
  };
  process.once('exit', releaseOnExit);

  let api: GesApi | undefined;
  let restoring = read.kind === 'ok';
  let closed = false;
  const save = () => {
    if (api && !restoring && !closed) writeFileAtomically(path, toStateFileText(api.snapshot(), now()));
  };

  return {
    ok: true,
    file: {
      path,
      restoring,
      createApi(options) {
        if (api) throw new Error('openStateFile: createApi was already called');
        const { onChange } = options;
        const resumeAt = read.kind === 'ok' && !options.clock && !options.engine ? resumeTime(read.state, read.savedAt, options.speed ?? 1, now()) : undefined;
        const created = createApi({
          ...options,
          ...(resumeAt !== undefined ? { clock: createSystemClock({ speed: options.speed ?? 1, startMs: resumeAt }) } : {}),
          onChange: (change) => {
            onChange?.(change);
            save();
          },
        });
        api = created;
        if (read.kind === 'ok') {
          try {
            created.loadFixtures(read.state as FixtureDocument, path);
          } catch (error) {
            closed = true;
            releaseOnExit();
            throw new Error(`state file ${path} is corrupt: its state does not load: ${(error as Error).message}. It was left untouched: name another file with --state, or move this one away.`);
          } finally {
            restoring = false;
          }
        } else {
          // Written at once, so an unwritable FILE is reported at start, not at the first change.
          save();
        }
        return created;
      },
      flush: save,
      close() {
        if (closed) return;
        try {
          save();
        } finally {
          closed = true;
          releaseOnExit();
          process.removeListener('exit', releaseOnExit);
        }
      },
    },
  };
}
