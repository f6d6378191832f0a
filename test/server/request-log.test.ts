/** The request log's lines as a reader sees them: redaction, one line per request whatever the path holds, buffering. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequestLog, toLoggedTarget } from '../../src/server/create-request-log.js';

afterEach(() => vi.restoreAllMocks());

describe('request log', () => {
  it('replaces the values of credential-like query parameters and keeps the rest as sent', () => {
    expect(
      toLoggedTarget('/ges/v1.0/p/graphs/movie/jobs/status?limit=2&token=abc&__code=400&Access%5FToken=x&api-key=k&password&offset=0'),
    ).toBe('/ges/v1.0/p/graphs/movie/jobs/status?limit=2&token=***&__code=400&Access%5FToken=***&api-key=***&password&offset=0');
    expect(toLoggedTarget('/ges/v1.0/p/graphs/movie/jobs/status?limit=2')).toBe('/ges/v1.0/p/graphs/movie/jobs/status?limit=2');
    expect(toLoggedTarget(`/${'a'.repeat(5000)}`)).toHaveLength(2048 + '...'.length);
  });

  it('writes one text line per request, escaping what would break it, buffered for a moment (one write for many lines)', async () => {
    const chunks: string[] = [];
    const log = createRequestLog({ format: 'text', write: (chunk) => chunks.push(chunk.toString()) });
    log.request({ method: 'GET', url: '/ges/a b\nc?x=1', status: 404, durationMs: 1.26 });
    log.request({ method: 'GET', url: '/__mock/state', status: 0, durationMs: 3, outcome: 'client-closed' });
    expect(chunks).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual([]); // not per event-loop turn: a busy server would write per turn
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(chunks).toHaveLength(1);
    const lines = chunks[0]!.split('\n');
    expect(lines[0]).toMatch(/^\S+Z GET \/ges\/a%20b%0Ac\?x=1 404 1\.3ms$/);
    expect(lines[1]).toMatch(/^\S+Z GET \/__mock\/state - 3ms control client-closed$/);
  });

  it('writes each line its own method and status when one target comes in a row, as text and as JSON', () => {
    const url = '/ges/v1.0/p/graphs/movie/jobs/status?limit=3';
    // Read from a fresh copy each time, as node:http gives each request its own text.
    const sent = [
      ['GET', 200],
      ['GET', 200],
      ['HEAD', 200],
      ['HEAD', 429],
      ['GET', 429],
      ['GET', 200],
    ] as const;
    for (const format of ['text', 'json'] as const) {
      const chunks: (string | Buffer)[] = [];
      const log = createRequestLog({ format, write: (chunk) => chunks.push(chunk) });
      for (const [method, status] of sent) log.request({ method, url: Buffer.from(url).toString(), status, durationMs: 1 });
      log.flush();
      const lines = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)))
        .toString('utf8')
        .trimEnd()
        .split('\n');
      const read = lines.map((line) => {
        if (format === 'json') {
          const parsed = JSON.parse(line) as { method: string; path: string; status: number };
          return [parsed.method, parsed.path, parsed.status];
        }
        const [, method, path, status] = line.split(' ');
        return [method, path, Number(status)];
      });
      expect(read).toEqual(sent.map(([method, status]) => [method, url, status]));
    }
  });

  it('fills a chunk again only when the writer says it is done with it (released)', () => {
    const url = '/ges/v1.0/p/graphs/movie/jobs/status?limit=3&offset=';
    for (const done of [true, false]) {
      const copies: Buffer[] = [];
      const handed: Buffer[] = [];
      const log = createRequestLog({
        format: 'text',
        // A file written at once: the bytes are taken (copied) before write returns.
        write: (chunk) => {
          handed.push(chunk as Buffer);
          copies.push(Buffer.from(chunk));
        },
        released: () => done,
      });
      for (let i = 0; i < 3_000; i++) log.request({ method: 'GET', url: `${url}${i}`, status: 200, durationMs: 1 });
      log.flush();
      expect(handed.length).toBeGreaterThan(3);
      const offsets = Buffer.concat(copies)
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .map((line) => Number(/offset=(\d+) 200 1ms$/.exec(line)?.[1]));
      expect(offsets).toEqual(Array.from({ length: 3_000 }, (_, i) => i));
      // Released, two chunks take turns; not released, every chunk is new and stays as it was handed over.
      const memory = new Set(handed.map((chunk) => chunk.buffer));
      if (done) expect(memory.size).toBe(2);
      else {
        expect(memory.size).toBe(handed.length);
        handed.forEach((chunk, i) => expect(chunk.equals(copies[i]!)).toBe(true));
      }
    }
  });

  it('stamps a line with the wall time of the instant its record was answered at', () => {
    // Both clocks held still, so each line's time is known to the millisecond.
    const wall = Date.UTC(2030, 0, 1, 12);
    const answeredAt = 5_000;
    vi.spyOn(Date, 'now').mockImplementation(() => wall);
    vi.spyOn(performance, 'now').mockImplementation(() => answeredAt);
    const chunks: (string | Buffer)[] = [];
    const log = createRequestLog({ format: 'text', write: (chunk) => chunks.push(chunk) });
    const url = '/ges/v1.0/p/graphs/movie/jobs/status?limit=3';
    // The same target at three instants, as a poller sends it: each line has its own time.
    for (const later of [0, 7, 2_000, 7]) log.request({ method: 'GET', url, status: 200, durationMs: 1, answeredAt: answeredAt + later });
    log.request({ method: 'GET', url, status: 200, durationMs: 1 }); // no instant: the wall clock now
    log.flush();
    const times = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)))
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => Date.parse(line.slice(0, 24)));
    // createWallTime rounds up by the millisecond Date.now() cuts off.
    expect(times).toEqual([wall + 1, wall + 8, wall + 2_001, wall + 8, wall]);
  });

  it('writes each millisecond as toISOString writes it, across seconds, minutes, days and a step back', () => {
    const wall = Date.UTC(2030, 11, 31, 23, 59, 58, 990);
    vi.spyOn(Date, 'now').mockImplementation(() => wall);
    vi.spyOn(performance, 'now').mockImplementation(() => 0);
    for (const format of ['text', 'json'] as const) {
      const chunks: (string | Buffer)[] = [];
      const log = createRequestLog({ format, write: (chunk) => chunks.push(chunk) });
      // Every millisecond of 2.1 s (through a new second, minute, day and year), then back 1.5 s,
      // the same millisecond again, and back to the start.
      const offsets = [...Array.from({ length: 2_100 }, (_, i) => i), 600, 600, 0];
      for (const at of offsets) log.request({ method: 'GET', url: '/a', status: 200, durationMs: 1, answeredAt: at });
      log.flush();
      const times = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)))
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .map((line) => (format === 'json' ? (JSON.parse(line) as { time: string }).time : line.slice(0, 24)));
      // createWallTime rounds up by the millisecond Date.now() cuts off.
      expect(times).toEqual(offsets.map((at) => new Date(wall + 1 + at).toISOString()));
    }
  });

  it('keeps every line whole and in order across chunks, whatever the duration, target or length', () => {
    for (const format of ['text', 'json'] as const) {
      // Chunks kept as handed over: a chunk reused after write would show here as damaged lines.
      const chunks: (string | Buffer)[] = [];
      const log = createRequestLog({ format, write: (chunk) => chunks.push(chunk) });
      const durations = [0, 0.04, 0.05, 1, 1.26, 9.96, 10, 123.45, 99_999.94, 1e16];
      const urls = ['/ges/v1.0/p/graphs/movie/jobs/status?limit=3', '/ges/é/ü?x=ß', `/${'x'.repeat(3000)}`, '/__mock/state'];
      const expected: { url: string; status: number; ms: number }[] = [];
      for (let i = 0; i < 5000; i++) {
        const url = urls[i % urls.length]!;
        const durationMs = durations[i % durations.length]!;
        const status = i % 7 === 0 ? 0 : 200;
        log.request({ method: 'GET', url, status, durationMs, ...(status === 0 ? { outcome: 'client-closed' as const } : {}) });
        expected.push({ url, status, ms: Math.round(durationMs * 10) / 10 });
      }
      log.flush();
      expect(chunks.length).toBeGreaterThan(1);
      const lines = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)))
        .toString('utf8')
        .trimEnd()
        .split('\n');
      expect(lines).toHaveLength(expected.length);
      lines.forEach((line, i) => {
        const { url, status, ms } = expected[i]!;
        const path = url.length > 2048 ? `${url.slice(0, 2048)}...` : url;
        if (format === 'json') {
          const value = JSON.parse(line);
          expect(value).toMatchObject({ event: 'request', method: 'GET', path, status, ms });
          expect(new Date(value.time).toISOString()).toBe(value.time);
        } else {
          expect(line.slice(25)).toBe(
            `GET ${path} ${status === 0 ? '-' : status} ${ms}ms${url.startsWith('/__mock') ? ' control' : ''}${status === 0 ? ' client-closed' : ''}`,
          );
          expect(new Date(line.slice(0, 24)).toISOString()).toBe(line.slice(0, 24));
        }
      });
    }
  });

  it('writes JSON objects with --log-format json and lifecycle events even when quiet', () => {
    const chunks: string[] = [];
    const log = createRequestLog({ format: 'json', quiet: true, write: (chunk) => chunks.push(chunk.toString()) });
    log.event('listening', { url: 'http://127.0.0.1:1', port: 1 }, 'unused in json');
    log.request({ method: 'GET', url: '/x', status: 200, durationMs: 1 });
    log.flush();
    expect(
      chunks
        .join('')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([{ time: expect.any(String), event: 'listening', url: 'http://127.0.0.1:1', port: 1 }]);
  });
});
