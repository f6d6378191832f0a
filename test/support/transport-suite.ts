/**
 * One behaviour suite run against every transport (node:http over a socket, MSW intercepting fetch),
 * as Hono runs one suite against each runtime adapter: an adapter must add nothing and lose nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GesApi } from '../../src/http/create-api.js';
import { PROJECT } from './api-client.js';

/** A running transport under test. */
export interface Transport {
  baseUrl: string;
  api: GesApi;
  close(): Promise<void>;
}

/** Runs the shared behaviour tests against `start()` (whose api must use a manual clock). */
export function describeTransport(name: string, start: () => Promise<Transport>): void {
  describe(`${name}: shared behaviour`, () => {
    let transport: Transport;
    let base: string;
    const auth = { 'x-auth-token': 'x' };
    beforeAll(async () => {
      transport = await start();
      base = `${transport.baseUrl}/ges/v1.0/${PROJECT}/graphs/movie`;
    });
    afterAll(() => transport.close());

    it('answers the README curl with two jobs and jobCount = total', async () => {
      const response = await fetch(`${base}/jobs/status?limit=2&offset=0`, { headers: auth });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const body = await response.json();
      expect(body.jobs).toHaveLength(2);
      expect(body.jobCount).toBe(60);
    });

    it('answers an unknown path with the 404 envelope', async () => {
      const response = await fetch(`${base}/jobz`, { headers: auth });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ errorCode: 'GES.8000', result: 'failed' });
    });

    it('answers HEAD on a GET route with the status and headers of the GET and no body', async () => {
      for (const url of [
        `${base}/jobs/status?limit=2`,
        `${base.replace('/movie', '/nope_graph')}/jobs/status`,
        `${transport.baseUrl}/__mock/state`,
      ]) {
        const get = await fetch(url, { headers: auth });
        const getBody = await get.arrayBuffer();
        const head = await fetch(url, { method: 'HEAD', headers: auth });
        expect(head.status).toBe(get.status);
        expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
        expect(Number(head.headers.get('content-length'))).toBe(getBody.byteLength);
        expect((await head.arrayBuffer()).byteLength).toBe(0);
      }
    });

    it('answers a missing token with 401 GES.8007', async () => {
      const response = await fetch(`${base}/jobs/status`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ errorMessage: 'Invalid token.', errorCode: 'GES.8007', result: 'failed' });
    });

    it('honours Prefer and __code', async () => {
      const preferred = await fetch(`${base}/jobs/status`, { headers: { prefer: 'code=400, example=GraphNotFound' } });
      expect(preferred.status).toBe(400);
      expect((await preferred.json()).errorMessage).toBe('graph : movidde not exist');
      expect((await fetch(`${base}/jobs/status?__code=503`)).status).toBe(503);
    });

    it('runs a submitted algorithm as virtual time passes', async () => {
      const submitted = await fetch(`${base}/action?action_id=execute-algorithm`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
      });
      expect(submitted.status).toBe(200);
      const { jobId } = await submitted.json();
      const clock = await fetch(`${transport.baseUrl}/__mock/clock`, { method: 'POST', body: '{"advanceMs": 600000}' });
      expect(clock.status).toBe(200);
      const status = await fetch(`${base}/jobs/${jobId}/status`, { headers: auth });
      expect((await status.json()).status).toBe('success');
    });

    it('keeps the body limit: over 1 MiB is a 400 envelope', async () => {
      const response = await fetch(`${base}/action?action_id=execute-algorithm`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ algorithmName: 'pagerank', pad: 'x'.repeat(1024 * 1024) }),
      });
      expect(response.status).toBe(400);
      expect((await response.json()).errorMessage).toMatch(/1 MiB/);
    });

    it.each(['CONNECTION_RESET_BY_PEER', 'EMPTY_RESPONSE'])('makes fetch fail on %s, then recovers', async (kind) => {
      const put = await fetch(`${transport.baseUrl}/__mock/faults`, {
        method: 'PUT',
        body: JSON.stringify({ connectionFault: { kind, next: 1 } }),
      });
      expect(put.status).toBe(200);
      await expect(fetch(`${base}/jobs/status?limit=1`, { headers: auth })).rejects.toThrow(TypeError);
      expect((await fetch(`${base}/jobs/status?limit=1`, { headers: auth })).status).toBe(200);
    });

    it('echoes Origin with credentials on answers', async () => {
      const response = await fetch(`${base}/jobs/status?limit=1`, { headers: { ...auth, origin: 'http://localhost:5173' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    });
  });
}
