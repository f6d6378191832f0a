/**
 * Reads a HAR 1.2 file (saved by a browser's devtools or a proxy) into the kit's exchanges. Entries
 * that are no GES operation of openapi.yaml (pages, scripts, other APIs) are only counted. Entries of
 * a GES operation that no server answered (the browser's own internal redirects, cache hits, answers
 * of a service worker, CORS preflights, blocked or failed requests) are listed as skipped with the
 * reason: the kit judges servers, not browsers. Secrets never leave this module: X-Auth-Token, Authorization and cookie values are
 * dropped from the headers kept, and any occurrence of them in a URL or body is masked.
 */
import { routeOperation } from '../../src/spec/route-operation.js';
import type { OperationId } from '../../src/types.js';
import type { Exchange, ExchangeResponse, RecordingSkip } from '../contract-types.js';

/** The value a recorded X-Auth-Token is replaced with; give it to the formatters as the token, so curl lines say $GES_TOKEN. */
export const RECORDED_TOKEN = '<recorded token>';

/** What one HAR file holds for the kit. */
export interface HarReading {
  exchanges: Exchange[];
  entries: number;
  ignored: number;
  /** Skipped entries that got no response at all (status 0: aborted, blocked, failed). */
  unanswered: number;
  /** GES entries not judged because no server answered them, each with the reason. */
  skipped: RecordingSkip[];
}

interface HarHeader {
  name?: unknown;
  value?: unknown;
}

interface HarEntry {
  startedDateTime?: unknown;
  time?: unknown;
  /** Chrome: `disk` or `memory` when the browser's cache answered. */
  _fromCache?: unknown;
  /** Chrome: `preflight` for a CORS preflight, `fetch`, `xhr`, ... */
  _resourceType?: unknown;
  request?: { method?: unknown; url?: unknown; headers?: unknown; postData?: { text?: unknown } | undefined } | undefined;
  response?:
    | {
        status?: unknown;
        statusText?: unknown;
        headers?: unknown;
        content?: { size?: unknown; mimeType?: unknown; text?: unknown; encoding?: unknown } | undefined;
        /** Chrome: why the request failed (`net::ERR_BLOCKED_BY_CLIENT`, `net::ERR_FAILED`, ...). */
        _error?: unknown;
        /** Chrome: the answer came from a service worker, not from the network. */
        _fetchedViaServiceWorker?: unknown;
        /** Firefox: why the request was blocked (CORS, tracking protection, an extension). */
        _blockedReason?: unknown;
      }
    | undefined;
}

const SECRET_HEADERS = new Set(['x-auth-token', 'authorization', 'cookie', 'set-cookie', 'proxy-authorization', 'x-subject-token']);

/**
 * The GES operation of a method and URL path, or undefined: the spec-derived router the mock answers
 * with, so a recording names every operation of openapi.yaml as the mock would. The path is still
 * percent-encoded (URL.pathname) and may sit behind a gateway's prefix before /ges/.
 */
function operationOfRequest(method: string, pathname: string): OperationId | undefined {
  return routeOperation(method.toUpperCase(), pathname, true)?.operationId;
}

function headerList(value: unknown): { name: string; value: string }[] {
  if (!Array.isArray(value)) return [];
  return (value as HarHeader[])
    .filter((h) => typeof h?.name === 'string' && typeof h.value === 'string')
    .map((h) => ({ name: h.name as string, value: h.value as string }));
}

/** Media type without parameters, lower case. */
function mediaType(value: string | undefined): string | undefined {
  const type = value?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** Masks every secret (and its URL-encoded form) in a text. */
function mask(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    masked = masked.split(secret).join('***');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) masked = masked.split(encoded).join('***');
  }
  return masked;
}

/** The secret values of an entry: tokens, credentials and each cookie's value. */
function secretsOf(entry: HarEntry): string[] {
  const secrets = new Set<string>();
  for (const header of [...headerList(entry.request?.headers), ...headerList(entry.response?.headers)]) {
    const name = header.name.toLowerCase();
    if (!SECRET_HEADERS.has(name)) continue;
    secrets.add(header.value);
    if (name === 'cookie' || name === 'set-cookie') {
      for (const part of header.value.split(/;\s*/)) {
        const value = part.slice(part.indexOf('=') + 1);
        if (part.includes('=')) secrets.add(value);
      }
    }
    if (name === 'authorization') secrets.add(header.value.replace(/^\S+\s+/, ''));
  }
  // Short values (a cookie flag, "1") would mask half the text: only values long enough to be secrets.
  return [...secrets].filter((secret) => secret.length >= 6).sort((a, b) => b.length - a.length);
}

const CONDITIONAL_HEADERS = new Set(['if-none-match', 'if-modified-since']);

/**
 * Why an entry was made or answered by the browser itself, not by a server; undefined when a server
 * answered it. Chrome writes its own `307 Internal Redirect` (statusText "Internal Redirect", a
 * `Non-Authoritative-Reason` header: an HSTS upgrade, an extension's redirect), marks cache hits with
 * `_fromCache`, service-worker answers with `_fetchedViaServiceWorker`, preflights with
 * `_resourceType: "preflight"`, and failed or blocked requests with status 0 and `_error`; Firefox a
 * blocked one with status 0 and `_blockedReason`. A 304 answers a conditional request that the
 * browser added to revalidate its cache: no GES client asks for it.
 */
function browserMadeReason(entry: HarEntry, method: string): string | undefined {
  const response = entry.response;
  const status = response?.status;
  const headers = headerList(response?.headers);
  const header = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  const nonAuthoritative = header('non-authoritative-reason');
  if (nonAuthoritative !== undefined || (status === 307 && /internal redirect/i.test(String(response?.statusText ?? '')))) {
    return `the browser's own internal redirect (${status} ${String(response?.statusText ?? '')}${nonAuthoritative ? `, Non-Authoritative-Reason: ${nonAuthoritative}` : ''}${header('location') ? ` to ${header('location')}` : ''}), not a server's answer`.replace(
      /\s+\)/,
      ')',
    );
  }
  if (entry._fromCache === 'disk' || entry._fromCache === 'memory' || entry._fromCache === true) {
    return `answered from the browser's ${entry._fromCache === true ? '' : `${String(entry._fromCache)} `}cache, not by a server`;
  }
  if (response?._fetchedViaServiceWorker === true) return 'answered by a service worker, not by a server';
  if (entry._resourceType === 'preflight' || method === 'OPTIONS')
    return 'a CORS preflight the browser sent (or answered from its preflight cache) on its own';
  if (typeof status !== 'number' || status <= 0) {
    const why = [response?._error, response?._blockedReason].find((value) => typeof value === 'string' && value !== '') as
      | string
      | undefined;
    return `no response: the request was blocked, aborted or failed in the browser${why ? ` (${why})` : ''}`;
  }
  if (status === 304) {
    const conditional = headerList(entry.request?.headers).some((h) => CONDITIONAL_HEADERS.has(h.name.toLowerCase()));
    return `304 Not Modified: the browser revalidated its cached copy${conditional ? ' with a conditional request it added' : ''}`;
  }
  return undefined;
}

/** Reads the response of an entry; undefined when the browser recorded none (status 0: aborted, blocked). */
function readResponse(entry: HarEntry, secrets: readonly string[]): ExchangeResponse | undefined {
  const response = entry.response;
  const status = response?.status;
  if (typeof status !== 'number' || status <= 0) return undefined;
  const headers: Record<string, string> = {};
  for (const header of headerList(response?.headers)) {
    const name = header.name.toLowerCase();
    if (!SECRET_HEADERS.has(name)) headers[name] = mask(header.value, secrets);
  }
  const content = response?.content;
  const contentType = mediaType(headers['content-type'] ?? (typeof content?.mimeType === 'string' ? content.mimeType : undefined));
  let text = '';
  let bodyNotRecorded = false;
  if (typeof content?.text === 'string') {
    text = content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
  } else {
    // No text: an empty body when the size says so, otherwise the recording left the body out.
    bodyNotRecorded = content?.size !== 0;
  }
  const recorded: ExchangeResponse = { status, headers, contentType, text: mask(text, secrets) };
  if (bodyNotRecorded) recorded.bodyNotRecorded = true;
  else if (recorded.text !== '') {
    try {
      recorded.json = JSON.parse(recorded.text);
    } catch (error) {
      recorded.jsonError = (error as Error).message;
    }
  }
  return recorded;
}

/**
 * Reads the text of one HAR file. `firstSeq` numbers its exchanges after those of earlier files.
 * Returns why not when the text is no HAR.
 */
export function readHar(text: string, file: string, firstSeq = 1): HarReading | { error: string } {
  let document: { log?: { entries?: unknown } | undefined };
  try {
    document = JSON.parse(text) as typeof document;
  } catch (error) {
    return { error: `${file} is not JSON (${(error as Error).message})` };
  }
  const entries = document?.log?.entries;
  if (!Array.isArray(entries)) return { error: `${file} is not a HAR file: it has no log.entries array` };
  const reading: HarReading = { exchanges: [], entries: entries.length, ignored: 0, unanswered: 0, skipped: [] };
  entries.forEach((raw: unknown, index) => {
    const entry = (raw ?? {}) as HarEntry;
    const method = typeof entry.request?.method === 'string' ? entry.request.method.toUpperCase() : '';
    let url: URL;
    try {
      url = new URL(String(entry.request?.url));
    } catch {
      reading.ignored++;
      return;
    }
    // A preflight is for a GES path, but its OPTIONS method is no GES operation: judge it by its GET/POST/DELETE twin's path.
    const isPreflight = method === 'OPTIONS' || entry._resourceType === 'preflight';
    const operationId = isPreflight
      ? ['GET', 'POST', 'DELETE'].map((m) => operationOfRequest(m, url.pathname)).find((id) => id !== undefined)
      : operationOfRequest(method, url.pathname);
    if (!operationId) {
      reading.ignored++;
      return;
    }
    const secrets = secretsOf(entry);
    const browserMade = browserMadeReason(entry, method);
    if (browserMade !== undefined) {
      const status = entry.response?.status;
      if (typeof status !== 'number' || status <= 0) reading.unanswered++;
      reading.skipped.push({ file, index, method, url: mask(url.href, secrets), reason: mask(browserMade, secrets) });
      return;
    }
    const response = readResponse(entry, secrets);
    if (!response) return; // unreachable: browserMadeReason covers every entry without a status
    const requestHeaders = headerList(entry.request?.headers);
    const hasToken = requestHeaders.some((h) => h.name.toLowerCase() === 'x-auth-token' && h.value !== '');
    const headers: Record<string, string> = {};
    if (hasToken) headers['X-Auth-Token'] = RECORDED_TOKEN;
    const type = requestHeaders.find((h) => h.name.toLowerCase() === 'content-type');
    if (type) headers['Content-Type'] = type.value;
    const body = typeof entry.request?.postData?.text === 'string' ? mask(entry.request.postData.text, secrets) : undefined;
    reading.exchanges.push({
      seq: firstSeq + reading.exchanges.length,
      operationId,
      authenticated: hasToken,
      tokenKind: hasToken ? 'token' : undefined,
      request: { method, url: mask(url.href, secrets), headers, body },
      response,
      durationMs: typeof entry.time === 'number' ? entry.time : 0,
      source: { file, index, startedDateTime: typeof entry.startedDateTime === 'string' ? entry.startedDateTime : '(no time)' },
    });
  });
  return reading;
}
