/**
 * The request log of the standalone server: one line per answered request, as text or as JSON, and
 * the lifecycle events around them (listening, shutdown). Cheap by design, since it is on by default:
 * a line is written as bytes straight into a chunk (no string or object is made per line), the
 * timestamp comes from the record's monotonic time (no clock read per line) and is formatted once a
 * second (within a second only its milliseconds' digits change), and chunks are written every
 * FLUSH_MS (or every 64 KiB), so a server answering thousands of requests a second makes a few writes
 * a second, not one per request or per event-loop turn (at thousands of requests a second, a write
 * per turn is thousands of writes). Lifecycle events are written at once.
 */
import { createWallTime } from '../clocks.js';
import type { RequestRecord } from './to-node-listener.js';

/** `text`: `<ISO time> GET /path?query 200 1.2ms`; `json`: one object per line. */
export type LogFormat = 'text' | 'json';

/** Options of createRequestLog. */
export interface RequestLogOptions {
  format: LogFormat;
  /**
   * Where finished chunks of lines go, e.g. `(chunk) => process.stdout.write(chunk)`: request lines
   * as UTF-8 bytes (a chunk is filled again only when `released` says the writer is done with it),
   * events as text.
   */
  write: (chunk: string | Buffer) => void;
  /**
   * Asked right after a chunk is written: true when `write` holds nothing of it any more (a file
   * written at once, a stream with nothing queued, e.g. `() => process.stdout.writableLength === 0`).
   * The log then fills that chunk's memory again instead of making a new chunk per write, which a
   * busy server would otherwise hand to the collector (and its threads) a few hundred times a second.
   * Without it a chunk is never touched again once handed over.
   */
  released?: (() => boolean) | undefined;
  /** Leave out request lines (lifecycle events are still written). Default false. */
  quiet?: boolean | undefined;
}

/** A request log; `request` fits startGesServer's `onRequest`. */
export interface RequestLog {
  /** Logs one answered request. */
  request(record: RequestRecord): void;
  /**
   * Logs a lifecycle event: in JSON `{"time","event",...fields}`, in text the `text` line as given.
   * Field values are small (URLs, numbers, signal names).
   */
  event(event: string, fields: Readonly<Record<string, unknown>>, text: string): void;
  /** Writes what is buffered now (before exiting). */
  flush(): void;
}

/** Query parameters whose values never reach the log: tokens, secrets, credentials of any name. */
const SECRET_NAME = /token|secret|passw|auth|session|cookie|signature|credential|api[-_.]?key/i;
/** Paths longer than this are cut in the log (a 16 KiB URL must not make a 16 KiB log line). */
const MAX_LOGGED_TARGET = 2_048;
const FLUSH_BYTES = 64 * 1024;
/** A chunk holds FLUSH_BYTES and the line that passes them (a longer line gets a chunk of its own). */
const CHUNK_BYTES = FLUSH_BYTES + 8 * 1024;
/** How long a request line may wait in the buffer: soon enough for a person or a CI step reading along. */
const FLUSH_MS = 50;

/** The path and query of a request as it may be logged: secret-looking query values replaced by `***`. */
export function toLoggedTarget(url: string): string {
  let target = url;
  const query = url.indexOf('?');
  if (query !== -1 && SECRET_NAME.test(url.slice(query + 1))) {
    const redacted = url
      .slice(query + 1)
      .split('&')
      .map((pair) => {
        const equals = pair.indexOf('=');
        const name = equals === -1 ? pair : pair.slice(0, equals);
        let decoded = name;
        try {
          decoded = decodeURIComponent(name.replace(/\+/g, ' '));
        } catch {
          // a malformed escape is logged as sent
        }
        return equals !== -1 && SECRET_NAME.test(decoded) ? `${name}=***` : pair;
      })
      .join('&');
    target = `${url.slice(0, query)}?${redacted}`;
  }
  if (target.length > MAX_LOGGED_TARGET) target = `${target.slice(0, MAX_LOGGED_TARGET)}...`;
  return target;
}

/** Control characters and spaces would break a text line apart: percent-encode them. */
const UNSAFE_IN_TEXT = /[\x00-\x20\x7f]/g;
const HAS_UNSAFE_IN_TEXT = /[\x00-\x20\x7f]/;
const escapeText = (text: string) =>
  HAS_UNSAFE_IN_TEXT.test(text)
    ? text.replace(UNSAFE_IN_TEXT, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)
    : text;

const isControlPath = (url: string) => url.startsWith('/__mock/') || url === '/__mock' || url.startsWith('/__mock?');

/** Remembers a computed string per request target for the targets seen lately (clients repeat their URLs). */
function rememberPerTarget(compute: (url: string) => string): (url: string) => string {
  let seen = new Map<string, string>();
  return (url) => {
    let known = seen.get(url);
    if (known === undefined) {
      known = compute(url);
      if (seen.size >= 512) seen = new Map();
      if (url.length <= MAX_LOGGED_TARGET) seen.set(url, known);
    }
    return known;
  };
}

/** A line's start for one method, target and status: its bytes (the time in them rewritten per millisecond). */
interface Head {
  method: string;
  status: number;
  bytes: Buffer;
  control: boolean;
  /** The millisecond whose time the bytes hold now. */
  stampedMs: number;
}

/** Digits of a non-negative integer, written at `at` in `into`; returns the end. */
function putInteger(into: Buffer, at: number, value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  let rest = value;
  for (let i = at + digits - 1; i >= at; i--) {
    const next = Math.floor(rest / 10);
    into[i] = 48 + (rest - next * 10);
    rest = next;
  }
  return at + digits;
}

/** Creates a request log writing through `options.write`. */
export function createRequestLog(options: RequestLogOptions): RequestLog {
  const { format, write, quiet = false, released } = options;
  // A request's line is written at once into the chunk being filled, as bytes: its time (the same
  // bytes for every request of a millisecond), its head (method, target and status, encoded once per
  // URL and answer) and its duration's digits. Nothing is made per line, so nothing waits for the
  // garbage collector until the chunk is written.
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  /** A chunk the writer has given back (see `released`), to fill next. */
  let spare: typeof chunk | undefined;
  let used = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // A request's time comes from its record's monotonic reading (createWallTime reads the wall clock a
  // few times a second, not per line); a record without one reads the wall clock.
  const wallTime = createWallTime();
  /**
   * The ISO time of the millisecond `lastMs`, as bytes. Within one second only the milliseconds'
   * three digits change, so the time is formatted (toISOString) once a second, not once a millisecond.
   */
  const timeBytes = Buffer.from('0000-00-00T00:00:00.000Z', 'latin1');
  let lastMs = -1;
  let lastSecond = Number.NaN;
  const stamp = (answeredAt: number | undefined) => {
    const ms = answeredAt === undefined ? Date.now() : wallTime(answeredAt);
    if (ms === lastMs) return;
    const second = Math.floor(ms / 1000);
    if (second === lastSecond) {
      const milli = ms - second * 1000;
      const tens = Math.floor(milli / 10);
      timeBytes[20] = 48 + Math.floor(tens / 10);
      timeBytes[21] = 48 + (tens % 10);
      timeBytes[22] = 48 + (milli - tens * 10);
    } else {
      const iso = new Date(ms).toISOString();
      // A wall clock past the year 9999 gives a longer text than a head has room for: the last time that fitted stays.
      if (iso.length !== timeBytes.length) return;
      timeBytes.write(iso, 0, 'latin1');
      lastSecond = second;
    }
    lastMs = ms;
  };

  const json = format === 'json';
  const loggedTarget = rememberPerTarget(json ? (url) => JSON.stringify(toLoggedTarget(url)) : (url) => escapeText(toLoggedTarget(url)));
  const loggedMethod = rememberPerTarget(json ? (method) => JSON.stringify(method) : escapeText);
  const headOf = (method: string, url: string, status: number) =>
    Buffer.from(
      json
        ? `{"time":"0000-00-00T00:00:00.000Z","event":"request","method":${loggedMethod(method)},"path":${loggedTarget(url)},"status":${status},"ms":`
        : `0000-00-00T00:00:00.000Z ${loggedMethod(method)} ${loggedTarget(url)} ${status === 0 ? '-' : status} `,
      'utf8',
    );
  // Where the time goes in a head: after `{"time":"` in JSON, first in text.
  const timeAt = json ? 9 : 0;
  /**
   * Heads of the targets seen lately, with the method and status they were made for, and the
   * millisecond whose time their bytes hold now (a head is stamped once per millisecond it is used in).
   */
  let heads = new Map<string, Head>();
  // The last head used and its target, asked first: a client repeating one request meets it there,
  // and comparing two texts is cheaper than a map lookup keyed by a text the request made anew.
  let lastUrl: string | undefined;
  let lastHead: Head | undefined;
  const headFor = (method: string, url: string, status: number) => {
    if (url === lastUrl && lastHead !== undefined && lastHead.method === method && lastHead.status === status) return lastHead;
    let head = heads.get(url);
    if (head === undefined || head.method !== method || head.status !== status) {
      head = { method, status, bytes: headOf(method, url, status), control: isControlPath(url), stampedMs: -1 };
      if (heads.size >= 512) heads = new Map();
      if (url.length <= MAX_LOGGED_TARGET) heads.set(url, head);
    }
    lastUrl = url;
    lastHead = head;
    return head;
  };

  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (used === 0) return;
    const written = chunk;
    const full = chunk.subarray(0, used);
    // Another chunk to fill, not the same one: a stream may still hold the last one when write returns.
    chunk = spare ?? Buffer.allocUnsafe(CHUNK_BYTES);
    spare = undefined;
    used = 0;
    write(full);
    // Taken back only when the writer says it is done with it (a longer line's own chunk is not kept).
    if (written.length === CHUNK_BYTES && released?.() === true) spare = written;
  };

  const request = (record: RequestRecord) => {
    const { url, method, status, outcome } = record;
    const head = headFor(method, url, status);
    const suffix =
      !head.control && !outcome
        ? ''
        : json
          ? `${head.control ? ',"control":true' : ''}${outcome ? `,"outcome":"${outcome}"` : ''}`
          : `${head.control ? ' control' : ''}${outcome ? ` ${outcome}` : ''}`;
    // Room for the head (its time included), the suffix, and 32 bytes for the duration (at most 22
    // characters), `ms` or `}`, and the newline.
    const room = head.bytes.length + suffix.length + 32;
    if (used + room > chunk.length) {
      flush();
      if (room > chunk.length) chunk = Buffer.allocUnsafe(room);
    }
    stamp(record.answeredAt);
    let at = used;
    if (head.stampedMs !== lastMs) {
      head.bytes.set(timeBytes, timeAt);
      head.stampedMs = lastMs;
    }
    chunk.set(head.bytes, at);
    at += head.bytes.length;
    const tenths = Math.round(record.durationMs * 10);
    if (tenths >= 0 && tenths < 1e15) {
      const whole = Math.floor(tenths / 10);
      at = putInteger(chunk, at, whole);
      if (tenths !== whole * 10) {
        chunk[at++] = 46; // .
        chunk[at++] = 48 + (tenths - whole * 10);
      }
    } else at += chunk.write(String(Math.round(record.durationMs * 10) / 10), at, 'latin1');
    if (!json) {
      chunk[at++] = 109; // m
      chunk[at++] = 115; // s
    }
    if (suffix !== '') at += chunk.write(suffix, at, 'latin1');
    if (json) chunk[at++] = 125; // }
    chunk[at++] = 10;
    used = at;
    if (used >= FLUSH_BYTES) flush();
    else if (timer === undefined) {
      timer = setTimeout(flush, FLUSH_MS);
      // A line waiting to be written never keeps the process alive: a stop flushes it (flush()).
      timer.unref();
    }
  };

  return {
    request: quiet ? () => {} : request,
    event(event, fields, text) {
      flush();
      write(format === 'json' ? `${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n` : `${text}\n`);
    },
    flush,
  };
}
