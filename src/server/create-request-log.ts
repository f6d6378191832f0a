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

/** Creates a request log writing through `options.write`. */
export function createRequestLog(options: RequestLogOptions): RequestLog {
  const { format, write, quiet = false } = options;
  let buffer = '';
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

  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    write(chunk);
  };

  const push = (line: string) => {
    buffer += line;
    if (buffer.length >= FLUSH_BYTES) flush();
    else if (timer === undefined) {
      timer = setTimeout(flush, FLUSH_MS);
      // A line waiting to be written never keeps the process alive: a stop flushes it (flush()).
      timer.unref();
    }
  };

  const duration = (ms: number) => Math.round(ms * 10) / 10;

  const request =
    format === 'json'
      ? (record: RequestRecord) => {
          const control = isControlPath(record.url) ? ',"control":true' : '';
          const outcome = record.outcome ? `,"outcome":"${record.outcome}"` : '';
          push(
            `{"time":"${now()}","event":"request","method":${JSON.stringify(record.method)},"path":${JSON.stringify(toLoggedTarget(record.url))},` +
              `"status":${record.status},"ms":${duration(record.durationMs)}${control}${outcome}}\n`,
          );
        }
      : (record: RequestRecord) => {
          const status = record.status === 0 ? '-' : record.status;
          const suffix = `${isControlPath(record.url) ? ' control' : ''}${record.outcome ? ` ${record.outcome}` : ''}`;
          push(
            `${now()} ${escapeText(record.method)} ${escapeText(toLoggedTarget(record.url))} ${status} ${duration(record.durationMs)}ms${suffix}\n`,
          );
        };

  return {
    request: quiet ? () => {} : request,
    event(event, fields, text) {
      if (format === 'json') buffer += `${JSON.stringify({ time: now(), event, ...fields })}\n`;
      else buffer += `${text}\n`;
      flush();
    },
    flush,
  };
}
