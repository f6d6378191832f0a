/**
 * The request log of the standalone server: one line per answered request, as text or as JSON, and
 * the lifecycle events around them (listening, shutdown). Cheap by design, since it is on by default:
 * a line is a template string (no object is stringified), the timestamp is formatted once per
 * millisecond, and lines are buffered and written every FLUSH_MS (or every 64 KiB), so a server
 * answering thousands of requests a second makes a few writes a second, not one per request or per
 * event-loop turn (at thousands of requests a second, a write per turn is thousands of writes). Lifecycle events are
 * written at once.
 */
import type { RequestRecord } from './to-node-listener.js';

/** `text`: `<ISO time> GET /path?query 200 1.2ms`; `json`: one object per line. */
export type LogFormat = 'text' | 'json';

/** Options of createRequestLog. */
export interface RequestLogOptions {
  format: LogFormat;
  /** Where finished chunks of lines go, e.g. `(chunk) => process.stdout.write(chunk)`. */
  write: (chunk: string) => void;
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

/** Creates a request log writing through `options.write`. */
export function createRequestLog(options: RequestLogOptions): RequestLog {
  const { format, write, quiet = false } = options;
  // A request's line is written from these fields at the next write: kept as fields (strings shared
  // with other requests, and numbers) rather than as a line, little lives until then for the GC to copy.
  // A line's head (method, target and status) is the same for every request a client repeats: it is
  // prepared once per URL, method and status, and the last one is compared first.
  let times: string[] = [];
  let heads: string[] = [];
  let durations: number[] = [];
  let suffixes: string[] = [];
  let pendingChars = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastMs = -1;
  let lastIso = '';

  const now = () => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = new Date(ms).toISOString();
    }
    return lastIso;
  };

  const json = format === 'json';
  const duration = (ms: number) => Math.round(ms * 10) / 10;
  const loggedTarget = rememberPerTarget(json ? (url) => JSON.stringify(toLoggedTarget(url)) : (url) => escapeText(toLoggedTarget(url)));
  const loggedMethod = rememberPerTarget(json ? (method) => JSON.stringify(method) : escapeText);
  const headOf = (method: string, url: string, status: number) =>
    json
      ? `"method":${loggedMethod(method)},"path":${loggedTarget(url)},"status":${status}`
      : `${loggedMethod(method)} ${loggedTarget(url)} ${status === 0 ? '-' : status}`;
  let lastUrl = '';
  let lastMethod = '';
  let lastStatus = -1;
  let lastHead = '';
  let lastControl = false;

  const lineAt = json
    ? (i: number) => `{"time":"${times[i]}","event":"request",${heads[i]},"ms":${durations[i]}${suffixes[i]}}\n`
    : (i: number) => `${times[i]} ${heads[i]} ${durations[i]}ms${suffixes[i]}\n`;

  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    const count = times.length;
    if (count === 0) return;
    let chunk = '';
    for (let i = 0; i < count; i++) chunk += lineAt(i);
    times = [];
    heads = [];
    durations = [];
    suffixes = [];
    pendingChars = 0;
    write(chunk);
  };

  const request = (record: RequestRecord) => {
    const { url, method, status, outcome } = record;
    if (url !== lastUrl || method !== lastMethod || status !== lastStatus) {
      lastUrl = url;
      lastMethod = method;
      lastStatus = status;
      lastHead = headOf(method, url, status);
      lastControl = isControlPath(url);
    }
    times.push(now());
    heads.push(lastHead);
    durations.push(duration(record.durationMs));
    suffixes.push(
      !lastControl && !outcome
        ? ''
        : json
          ? `${lastControl ? ',"control":true' : ''}${outcome ? `,"outcome":"${outcome}"` : ''}`
          : `${lastControl ? ' control' : ''}${outcome ? ` ${outcome}` : ''}`,
    );
    pendingChars += lastHead.length + 48;
    if (pendingChars >= FLUSH_BYTES) flush();
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
      write(format === 'json' ? `${JSON.stringify({ time: now(), event, ...fields })}\n` : `${text}\n`);
    },
    flush,
  };
}
