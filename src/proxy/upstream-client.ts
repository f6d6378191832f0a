/**
 * The proxy's side of the upstream: one request sent to the real engine over kept-alive connections,
 * its headers kept (hop-by-hop ones excepted), its answer read up to a bound and the rest handed on
 * as it arrives, so a huge or endless answer is never held. Every failure is a value naming the
 * upstream and the cause, never a throw: the proxy answers it as a 502 or 504 GES envelope.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { ApiRequest } from '../http/http-types.js';

/** What the client is told. */
export interface UpstreamSettings {
  /** The engine's base URL; a path prefix is kept before the request's own path. */
  upstream: URL;
  /** How long the upstream may take to start its answer, and to send each next part of it. */
  timeoutMs: number;
  /** Most bytes of an answer read before it is handed on; a longer one passes through as it comes. */
  maxReadBytes: number;
}

/** An answer of the upstream. */
export interface UpstreamAnswer {
  ok: true;
  status: number;
  /** Header names in lower case, hop-by-hop headers and Set-Cookie left out. */
  headers: Record<string, string>;
  /** Set-Cookie values, each sent on its own line. */
  setCookies: readonly string[];
  /** The bytes read: the whole body unless `rest` is set. */
  head: Buffer;
  /** The rest of a body longer than `maxReadBytes`, as it arrives. */
  rest: AsyncIterable<Uint8Array> | undefined;
  /** Gives up the rest unread. */
  discard(): void;
  /** The body as text, decoded, when it was read whole and is text (UTF-8) within the bound. */
  text: string | undefined;
  /** Why the body has no text. */
  noText: string | undefined;
  /** Milliseconds until the whole body (or, for a longer one, its first `maxReadBytes`) arrived. */
  durationMs: number;
}

/** The upstream gave no answer: 502 (unreachable, reset, not HTTP) or 504 (too slow). */
interface UpstreamFailure {
  ok: false;
  status: 502 | 504;
  /** A sentence naming the upstream and the cause. */
  message: string;
  /** The system's code (ECONNREFUSED, ENOTFOUND, TIMEOUT, ...). */
  code: string;
}

/** Sends requests to one upstream. */
export interface UpstreamClient {
  send(request: ApiRequest): Promise<UpstreamAnswer | UpstreamFailure>;
  /** The upstream as it may be shown: no user or password. */
  readonly shown: string;
  /** Closes the kept-alive connections. */
  close(): void;
}

/** Headers about one connection (RFC 9110 §7.6.1), never forwarded, and the mock's own credential. */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'expect',
  'content-length',
  'x-mock-control-token',
]);

/** Most sockets kept open to the upstream at once. */
const MAX_SOCKETS = 64;

/** Most bytes a compressed answer may grow to when decoded for judging. */
const decoders: Record<string, (body: Buffer, max: number) => Buffer> = {
  gzip: (body, max) => gunzipSync(body, { maxOutputLength: max }),
  'x-gzip': (body, max) => gunzipSync(body, { maxOutputLength: max }),
  br: (body, max) => brotliDecompressSync(body, { maxOutputLength: max }),
  deflate: (body, max) => {
    // "deflate" is zlib-wrapped by the RFC, raw in some servers.
    try {
      return inflateSync(body, { maxOutputLength: max });
    } catch {
      return inflateRawSync(body, { maxOutputLength: max });
    }
  },
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The base URL as it may be shown: no user, password, query or fragment. */
function showUpstream(upstream: URL): string {
  const shown = new URL(upstream.href);
  shown.username = '';
  shown.password = '';
  shown.search = '';
  shown.hash = '';
  return shown.href.replace(/\/$/, '');
}

/** The body's text for judging: decoded from its Content-Encoding, UTF-8, within the bound. */
function readText(head: Buffer, encoding: string | undefined, max: number): { text: string } | { noText: string } {
  let body = head;
  const coding = encoding?.trim().toLowerCase();
  if (coding && coding !== 'identity') {
    const decode = decoders[coding];
    if (!decode) return { noText: `its Content-Encoding ${coding} is not one the proxy decodes` };
    try {
      body = decode(head, max);
    } catch {
      return { noText: `its ${coding} body does not decode to at most ${max} bytes` };
    }
  }
  try {
    return { text: utf8.decode(body) };
  } catch {
    return { noText: 'it is not UTF-8 text' };
  }
}

/** The cause of a failure in words, and whether it is a timeout (504) or not (502). */
function describeFailure(error: NodeJS.ErrnoException, shown: string, timeoutMs: number, midAnswer: boolean): UpstreamFailure {
  const code = error.code ?? (/socket hang up/i.test(error.message) ? 'ECONNRESET' : 'ERROR');
  if (code === 'TIMEOUT') {
    return {
      ok: false,
      status: 504,
      code,
      message: `The upstream GES engine ${shown} ${midAnswer ? 'stopped sending its answer' : 'did not answer'} within ${timeoutMs} ms.`,
    };
  }
  const cause =
    code === 'ECONNREFUSED'
      ? 'it refused the connection'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'its host name does not resolve'
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? midAnswer
            ? 'it closed the connection in the middle of its answer'
            : 'it closed the connection without answering'
          : code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
            ? 'it is unreachable'
            : code.startsWith('HPE_')
              ? 'it answered something that is not HTTP'
              : /CERT|TLS|SSL|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)
                ? 'the TLS connection failed'
                : error.message;
  return { ok: false, status: 502, code, message: `The proxy got no answer from the upstream GES engine ${shown}: ${cause} (${code}).` };
}

/** Response headers as a record: hop-by-hop ones and Set-Cookie apart. */
function answerHeaders(headers: IncomingHttpHeaders): { headers: Record<string, string>; setCookies: string[] } {
  const out: Record<string, string> = {};
  const connection = new Set(
    String(headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((name) => name.trim()),
  );
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'set-cookie' || connection.has(name)) continue;
    if (NOT_FORWARDED.has(name) && name !== 'content-length') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { headers: out, setCookies: headers['set-cookie'] ?? [] };
}

/** The headers sent upstream: the client's, hop-by-hop ones excepted. */
function requestHeaders(request: ApiRequest, host: string, body: Buffer | undefined): Record<string, string> {
  const connection = new Set(
    String(request.headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((name) => name.trim()),
  );
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || NOT_FORWARDED.has(name) || connection.has(name)) continue;
    out[name] = value;
  }
  out.host = host;
  if (body !== undefined) out['content-length'] = String(body.byteLength);
  return out;
}

/** A timer that destroys the exchange when the upstream goes quiet for too long; refreshed on every part. */
function watchdog(ms: number, onQuiet: () => void): { refresh(): void; stop(): void } {
  const timer = setTimeout(onQuiet, ms);
  return { refresh: () => timer.refresh(), stop: () => clearTimeout(timer) };
}

/** The path and query of a request target, also of an absolute-form one (`http://host/path?q`). */
export function targetOf(url: string): string {
  if (url.startsWith('/')) return url;
  const scheme = url.indexOf('://');
  if (scheme === -1) return `/${url}`;
  const slash = url.indexOf('/', scheme + 3);
  return slash === -1 ? '/' : url.slice(slash);
}

const timeoutError = (): NodeJS.ErrnoException => Object.assign(new Error('timeout'), { code: 'TIMEOUT' });

/** A client of `settings.upstream`. */
export function createUpstreamClient(settings: UpstreamSettings): UpstreamClient {
  const { upstream, timeoutMs, maxReadBytes } = settings;
  const secure = upstream.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS })
    : new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const send = secure ? httpsRequest : httpRequest;
  const shown = showUpstream(upstream);
  const prefix = upstream.pathname.replace(/\/+$/, '');

  /** One attempt: resolves at the answer's headers, or fails. */
  function open(
    request: ApiRequest,
    body: Buffer | undefined,
  ): Promise<{ response: IncomingMessage } | { error: NodeJS.ErrnoException; reused: boolean }> {
    return new Promise((resolve) => {
      const outgoing = send({
        agent,
        protocol: upstream.protocol,
        hostname: upstream.hostname.replace(/^\[|\]$/g, ''),
        port: upstream.port || undefined,
        method: request.method,
        path: prefix + targetOf(request.url),
        headers: requestHeaders(request, upstream.host, body),
      });
      const guard = watchdog(timeoutMs, () => outgoing.destroy(timeoutError()));
      outgoing.once('response', (response) => {
        guard.stop();
        resolve({ response });
      });
      // `on`, not `once`: a second error of the same request must not go unheard (and crash).
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        guard.stop();
        resolve({ error, reused: outgoing.reusedSocket });
      });
      outgoing.end(body);
    });
  }

  async function answer(request: ApiRequest): Promise<UpstreamAnswer | UpstreamFailure> {
    const started = performance.now();
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    let opened = await open(request, body);
    // A kept-alive connection the upstream closed while idle fails at once: a read is sent again, once.
    if (
      'error' in opened &&
      opened.reused &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      opened.error.code === 'ECONNRESET'
    ) {
      opened = await open(request, body);
    }
    if ('error' in opened) return describeFailure(opened.error, shown, timeoutMs, false);
    const { response } = opened;
    response.on('error', () => {}); // read through the iterator below; an error after the end is no one's
    const { headers, setCookies } = answerHeaders(response.headers);
    const parts = response[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const guard = watchdog(timeoutMs, () => response.destroy(timeoutError()));
    const discard = () => {
      guard.stop();
      response.destroy();
    };
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      while (length <= maxReadBytes) {
        const part = await parts.next();
        if (part.done) break;
        guard.refresh();
        chunks.push(part.value);
        length += part.value.byteLength;
      }
    } catch (error) {
      discard();
      return describeFailure(error as NodeJS.ErrnoException, shown, timeoutMs, true);
    }
    const head = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
    const read = {
      ok: true as const,
      status: response.statusCode ?? 502,
      headers,
      setCookies,
      head,
      discard,
      durationMs: performance.now() - started,
    };
    if (length <= maxReadBytes) {
      guard.stop();
      const body = readText(head, headers['content-encoding'], maxReadBytes);
      return { ...read, rest: undefined, text: 'text' in body ? body.text : undefined, noText: 'noText' in body ? body.noText : undefined };
    }
    async function* rest(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          const part = await parts.next();
          if (part.done) return;
          guard.refresh();
          yield part.value;
        }
      } finally {
        discard();
      }
    }
    return { ...read, rest: rest(), text: undefined, noText: `it is longer than the ${maxReadBytes} bytes the proxy reads to judge` };
  }

  return {
    send: answer,
    shown,
    close: () => agent.destroy(),
  };
}
