/**
 * Appends journal lines with group commit: a line is written (pwrite) before the change's answer is
 * prepared, and the answer waits for an fdatasync that covers it. One fdatasync runs at a time; the
 * lines appended meanwhile share the next one, so many concurrent changes cost one disk flush.
 *
 * A change is kept if and only if it is saved. A line that cannot be written is cut off again and
 * its change reverted at once (it is the latest change). A flush that fails fails every line not yet
 * durable: their changes are reverted newest first, the files cut back to what is durable, and each
 * waiting answer gets a StateNotSavedError. The next change tries the disk again, so the server
 * recovers by itself once the disk does.
 */
import { closeSync, constants, fdatasync, fstatSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs';
import type { RefusedChange } from '../http/create-api.js';
import { httpErrors, type HttpError } from '../http/to-ges-error.js';

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

interface Segment {
  readonly path: string;
  readonly fd: number;
  /** Bytes written (durable or not). */
  size: number;
  /** Bytes known durable. */
  durable: number;
  /** A failed write or flush left bytes past `durable` that could not be cut yet. */
  dirty: boolean;
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
  const at = size ?? fstatSync(fd).size;
  if (size !== undefined) ftruncateSync(fd, size);
  return { path, fd, size: at, durable: at, dirty: false };
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
  if (ino === fstatSync(segment.fd).ino) return undefined;
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
  let idle: (() => void)[] = [];
  // Called after each flush, success or failure.
  let onFlushed: (() => void)[] = [];
  const notifyFlushed = () => {
    const called = onFlushed;
    onFlushed = [];
    for (const check of called) check();
  };

  const cut = (segment: Segment) => {
    try {
      ftruncateSync(segment.fd, segment.durable);
      segment.size = segment.durable;
      segment.dirty = false;
    } catch {
      segment.dirty = true;
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
      fdatasync(segment.fd, (error) => {
        if (error) {
          flushing = false;
          failAll(error, segment);
          wakeIdle();
          notifyFlushed();
          return;
        }
        next(i + 1);
      });
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
      if (segment.dirty) cut(segment);
      const bytes = Buffer.from(line, 'utf8');
      try {
        if (segment.dirty) throw Object.assign(new Error(`cannot cut ${segment.path} back after a failed write`), { code: 'EIO' });
        let written = 0;
        while (written < bytes.length) written += writeSync(segment.fd, bytes, written, bytes.length - written, segment.size + written);
      } catch (error) {
        segment.dirty = true;
        // Cut back to the lines before this one (written or still flushing), not to the durable ones.
        try {
          ftruncateSync(segment.fd, segment.size);
          segment.dirty = false;
        } catch {
          // stays dirty: the next change tries again before writing
        }
        revert();
        throw new StateNotSavedError(error, segment.path);
      }
      segment.size += bytes.length;
      return new Promise<void>((resolve, reject) => {
        waiting.push({ segment, end: segment.size, revert, resolve, reject });
        flush();
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
      for (const segment of segments.splice(0)) closeSync(segment.fd);
    },
  };
}
