/** The request log's lines as a reader sees them: redaction, one line per request whatever the path holds, buffering. */
import { describe, expect, it } from 'vitest';
import { createRequestLog, toLoggedTarget } from '../../src/server/create-request-log.js';

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
    const log = createRequestLog({ format: 'text', write: (chunk) => chunks.push(chunk) });
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

  it('writes JSON objects with --log-format json and lifecycle events even when quiet', () => {
    const chunks: string[] = [];
    const log = createRequestLog({ format: 'json', quiet: true, write: (chunk) => chunks.push(chunk) });
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
