/**
 * Appends journal lines with group commit: a change's line is queued in memory, and the answer waits
 * until a flush has written it and an fdatasync covers it. One flush runs at a time: the lines
 * appended while one runs are written by the next as one buffer (one write, made while no fdatasync
 * holds the file), so many concurrent changes cost one write and one disk flush. A flush waits for the
 * lines still arriving (a turn of the event loop that brings none, at most SETTLE_TURNS turns): the
 * clients one flush answered come back over a few turns, and their lines make one group, not several.
 *
 * What a flush costs is mostly the fdatasync, so two things keep it small:
 * - The file is grown ahead of its lines, a ZERO_CHUNK of zeros at a time, made durable with the lines
 *   before them. A line then lands in bytes the file already has, and its fdatasync writes data only;
 *   growing the file on every flush made each one commit the file system's metadata too (twice the
 *   CPU and the time here). The zeros after the last line are no line (a line ends with a newline):
 *   a restart reads them as the unwritten tail they are, and a stop cuts them off.
 * - The fdatasync runs on the event loop while the disk answers fast: it blocks the loop about
 *   0.1-0.5 ms, where a round trip through libuv's pool wakes two threads, which on a small machine
 *   cost the server more CPU than the wait. When the disk's typical sync gets slow the syncs go to the
 *   pool, so a slow disk never stalls the reads (sync-placement.ts).
 *
 * A change is kept if and only if it is saved. A flush whose write or fdatasync fails fails every line
 * not yet durable: their changes are reverted newest first, the files cut back to what is durable, and
 * each waiting answer gets a StateNotSavedError. The next change tries the disk again, so the server
 * recovers by itself once the disk does.
 */
import { closeSync, constants, fdatasync, fdatasyncSync, fstatSync, ftruncateSync, openSync, statSync } from 'node:fs';
import type { RefusedChange } from '../http/commit-change.js';
import { httpErrors, type HttpError } from '../http/to-ges-error.js';
import { createSyncPlacement } from './sync-placement.js';
import { writeFully } from './write-fully.js';

/** A change refused because its journal line could not be made durable. */
export class StateNotSavedError extends Error implements RefusedChange {
  readonly gesError: HttpError;
  /** The system's error code: ENOSPC, EROFS, EACCES, EIO... */
  readonly code: string;
  readonly file: string;
  constructor(cause: unknown, file: string) {
    const code = (cause as NodeJS.ErrnoException)?.code ?? 'EIO';
    const detail = (cause as Error)?.message ?? String(cause);
    super(`could not save to ${file}: ${detail}`);
    this.code = code;
    this.file = file;
    this.gesError = httpErrors.stateNotSaved(code, file, detail);
  }
}

/**
 * Most turns of the event loop a flush waits for lines still arriving: each turn under load reads a
 * batch of requests (about a millisecond's worth), so a line waits at most a few of them.
 */
const SETTLE_TURNS = 4;

/** Bytes of zeros a journal file is grown by ahead of its lines. */
const ZERO_CHUNK = 1024 * 1024;
const ZEROS = Buffer.alloc(ZERO_CHUNK);

interface Segment {
  readonly path: string;
  readonly fd: number;
  /** The file's inode, to tell whether `path` still names it. */
  readonly ino: number;
  /** Bytes the file holds (lines, then zeros): lines written below this do not grow it. */
  grownTo: number;
  /** False once growing it failed (a full disk): its lines are then appended as they come. */
  grows: boolean;
  /** Bytes appended: written, or queued in `queued` (durable or not). */
  size: number;
  /** Lines appended and not yet written: the next flush writes them as one buffer at `size - queuedBytes`. */
  queued: Buffer[];
  queuedBytes: number;
  /** Bytes known durable. */
  durable: number;
  /** A failed write or flush left bytes past `durable` that could not be cut yet: why the cut failed. */
  dirty: NodeJS.ErrnoException | undefined;
}

interface Waiting {
  readonly segment: Segment;
  readonly end: number;
  readonly revert: () => void;
  resolve(): void;
  reject(error: StateNotSavedError): void;
}

/** The journal files being appended to: the last one takes new lines, older ones finish flushing. */
export interface JournalWriter {
  /** Bytes in the newest journal file. */
  readonly size: number;
  /** Lines written and not yet durable. */
  readonly waiting: number;
  /**
   * Writes `line`; resolves once it is durable. Throws a StateNotSavedError synchronously (after
   * calling `revert`) when it cannot be written; rejects with one (after reverting) when it cannot
   * be flushed.
   */
  append(line: string, revert: () => void): Promise<void>;
  /** New lines go to `path` from now on (compaction); throws when it cannot be created. */
  rotate(path: string): void;
  /** Resolves once every line written so far is durable or refused. */
  settled(): Promise<void>;
  /** Resolves once every file but the newest is durable to its end (or refused). */
  olderDurable(): Promise<void>;
  /** Stops flushing older files that are fully durable and closes them (after a compaction). */
  dropOlder(): void;
  /** Closes every file (after settled()). */
  close(): void;
}

function openSegment(path: string, size?: number): Segment {
  // Not O_APPEND: lines go where `size` says, so a line cut off after a failed write is overwritten.
  const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
  const stat = fstatSync(fd);
  const at = size ?? stat.size;
  if (size !== undefined) ftruncateSync(fd, size);
  return { path, fd, ino: stat.ino, grownTo: at, grows: true, size: at, queued: [], queuedBytes: 0, durable: at, dirty: undefined };
}

/**
 * Grows `segment`'s file by ZERO_CHUNK zeros past `end` when its lines come near its end. Best effort:
 * a disk too full for the zeros keeps the file as it was and appends lines as they come.
 */
function growAhead(segment: Segment, end: number): boolean {
  if (!segment.grows || end + ZERO_CHUNK / 2 <= segment.grownTo) return false;
  const from = Math.max(end, segment.grownTo);
  try {
    writeFully(segment.fd, ZEROS, from);
    segment.grownTo = from + ZERO_CHUNK;
  } catch {
    segment.grows = false;
    try {
      ftruncateSync(segment.fd, end);
    } catch {
      // zeros past the last line are read as an unwritten tail
    }
  }
  return true;
}

/** A journal file that no longer is at its path (deleted, or replaced by another file). */
function missingFrom(segment: Segment): Error | undefined {
  let ino: number | undefined;
  try {
    ino = statSync(segment.path).ino;
  } catch (error) {
    // Only ENOENT says it is gone; EACCES (a directory's permissions removed) says nothing about it.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  if (ino === segment.ino) return undefined;
  return Object.assign(
    new Error(`${segment.path} was ${ino === undefined ? 'deleted' : 'replaced by another file'} while the server ran`),
    { code: 'ENOENT' },
  );
}

/**
 * Opens the journal at `path`, cut to `validBytes` (a torn tail left by a crash is dropped). Before
 * each flush, the files are checked to still be where a restart reads them; `verify` checks more
 * (FILE itself). When one is not, the lines waiting are refused and `onLost` is told, since lines
 * written to a deleted file would be lost at the next start.
 */
export function openJournalWriter(
  path: string,
  validBytes: number,
  verify: () => Error | undefined = () => undefined,
  onLost: (error: Error) => void = () => undefined,
): JournalWriter {
  const segments: Segment[] = [openSegment(path, validBytes)];
  const waiting: Waiting[] = [];
  let flushing = false;
  const placement = createSyncPlacement();
  let idle: (() => void)[] = [];
  // Called after each flush, success or failure.
  let onFlushed: (() => void)[] = [];
  const notifyFlushed = () => {
    const called = onFlushed;
    onFlushed = [];
    for (const check of called) check();
  };

  const cut = (segment: Segment) => {
    segment.queued = [];
    segment.queuedBytes = 0;
    try {
      ftruncateSync(segment.fd, segment.durable);
      segment.size = segment.durable;
      segment.grownTo = segment.durable;
      segment.dirty = undefined;
    } catch (error) {
      segment.dirty = error as NodeJS.ErrnoException;
    }
  };

  /** Every line not yet durable is refused, newest first. */
  const failAll = (error: unknown, segment: Segment) => {
    const refusal = new StateNotSavedError(error, segment.path);
    for (const entry of waiting.splice(0).reverse()) {
      entry.revert();
      entry.reject(refusal);
    }
    for (const each of segments) if (each.size > each.durable) cut(each);
  };

  const wakeIdle = () => {
    if (waiting.length > 0 || flushing) return;
    const woken = idle;
    idle = [];
    for (const resolve of woken) resolve();
  };

  // A flush starts once the lines arriving together have all come: it waits for a turn of the event
  // loop that appends no new line, but never more than SETTLE_TURNS turns, so a steady stream still
  // flushes. Clients answered by one flush come back together, yet their requests are read over a
  // few turns; a flush started at the first turn would leave the rest to wait for the next flush and
  // its fdatasync, and make two syncs (their CPU and their wait) where one does.
  let scheduled = false;
  let appended = 0;
  let seen = 0;
  let turns = 0;
  const settle = () => {
    turns += 1;
    if (appended > seen && turns < SETTLE_TURNS) {
      seen = appended;
      setImmediate(settle);
      return;
    }
    scheduled = false;
    flush();
  };
  const scheduleFlush = () => {
    if (scheduled) return;
    scheduled = true;
    seen = appended;
    turns = 0;
    setImmediate(settle);
  };

  const flush = () => {
    if (flushing || waiting.length === 0) return;
    flushing = true;
    const count = waiting.length;
    const targets = segments.filter((segment) => segment.size > segment.durable).map((segment) => ({ segment, upTo: segment.size }));
    for (const { segment } of targets) {
      const lost = missingFrom(segment) ?? verify();
      if (lost) {
        flushing = false;
        failAll(lost, segment);
        wakeIdle();
        notifyFlushed();
        onLost(lost);
        return;
      }
    }
    const next = (i: number) => {
      if (i === targets.length) {
        flushing = false;
        for (const { segment, upTo } of targets) segment.durable = Math.max(segment.durable, upTo);
        for (const entry of waiting.splice(0, count)) entry.resolve();
        flush();
        wakeIdle();
        notifyFlushed();
        return;
      }
      const { segment } = targets[i]!;
      const failed = (error: unknown) => {
        flushing = false;
        failAll(error, segment);
        wakeIdle();
        notifyFlushed();
      };
      // A sync that also makes the file's new zeros durable writes a megabyte: it goes to the pool.
      const synced = (error: NodeJS.ErrnoException | null) => (error ? failed(error) : next(i + 1));
      const sync = (grew: boolean) => {
        if (grew) return fdatasync(segment.fd, synced);
        const started = performance.now();
        if (!placement.onLoop())
          return fdatasync(segment.fd, (error) => {
            placement.observe(performance.now() - started);
            synced(error);
          });
        try {
          fdatasyncSync(segment.fd);
        } catch (error) {
          return failed(error);
        }
        placement.observe(performance.now() - started);
        next(i + 1);
      };
      if (segment.queuedBytes === 0) return sync(false);
      const bytes = segment.queued.length === 1 ? segment.queued[0]! : Buffer.concat(segment.queued, segment.queuedBytes);
      const at = segment.size - segment.queuedBytes;
      segment.queued = [];
      segment.queuedBytes = 0;
      // One write for the whole batch, on the event loop: no fdatasync of this file is running now
      // (one flush at a time), so it only copies into the page cache; a pool hop would cost more.
      try {
        writeFully(segment.fd, bytes, at);
      } catch (error) {
        return failed(error);
      }
      sync(growAhead(segment, at + bytes.length));
    };
    next(0);
  };

  return {
    get size() {
      return segments.at(-1)!.size;
    },
    get waiting() {
      return waiting.length;
    },
    append(line, revert) {
      const segment = segments.at(-1)!;
      // A failed flush could not cut the file back: nothing goes after bytes that a restart would read.
      if (segment.dirty) cut(segment);
      if (segment.dirty) {
        revert();
        // Named by what stops the cut (EROFS, EACCES...), as the failed write was.
        const code = segment.dirty.code ?? 'EIO';
        throw new StateNotSavedError(
          Object.assign(new Error(`cannot cut ${segment.path} back after a failed write: ${segment.dirty.message}`), { code }),
          segment.path,
        );
      }
      const bytes = Buffer.from(line, 'utf8');
      segment.queued.push(bytes);
      segment.queuedBytes += bytes.length;
      segment.size += bytes.length;
      appended += 1;
      return new Promise<void>((resolve, reject) => {
        waiting.push({ segment, end: segment.size, revert, resolve, reject });
        scheduleFlush();
      });
    },
    rotate(path) {
      segments.push(openSegment(path, 0));
    },
    settled() {
      if (waiting.length === 0 && !flushing) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
    olderDurable() {
      const older = segments.slice(0, -1);
      const done = () => older.every((segment) => segment.durable >= segment.size);
      if (done()) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const check = () => (done() || (waiting.length === 0 && !flushing) ? resolve() : onFlushed.push(check));
        onFlushed.push(check);
      });
    },
    dropOlder() {
      while (segments.length > 1 && segments[0]!.size === segments[0]!.durable) closeSync(segments.shift()!.fd);
    },
    close() {
      for (const segment of segments.splice(0)) {
        // The zeros grown ahead go: a stopped server leaves its lines only.
        if (segment.grownTo > segment.size && !segment.dirty) {
          try {
            ftruncateSync(segment.fd, segment.size);
          } catch {
            // read as an unwritten tail at the next start
          }
        }
        closeSync(segment.fd);
      }
    },
  };
}
