/**
 * JSON bodies written to hurt: keys that shadow Object.prototype (`__proto__`, `constructor`,
 * `toString`, `valueOf`) must neither pollute a prototype nor make any later request of the job
 * throw (a 500 on every status read would poison the job for good).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createApi, type GesApi } from '../../src/http/create-api.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { PROJECT } from './support/fuzz-arbitraries.js';
import { pageProblems } from '../support/job-checks.js';
import { envelopeViolations, schemaViolations } from './support/spec-oracle.js';

const BASE = `/ges/v1.0/${PROJECT}/graphs/movie`;
const ACTION = `${BASE}/action?action_id=execute-algorithm`;
const HEADERS = { 'x-auth-token': 't', 'content-type': 'application/json' };

const POLLUTERS = [
  '{"__proto__":{"polluted":"yes"},"algorithmName":"pagerank"}',
  '{"algorithmName":"pagerank","parameters":{"__proto__":{"polluted":"yes"}}}',
  '{"constructor":{"prototype":{"polluted":"yes"}},"algorithmName":"pagerank"}',
  '{"algorithmName":"pagerank","parameters":{"constructor":{"prototype":{"polluted":"yes"}}}}',
  '{"algorithmName":"shortest_path","parameters":{"source":"1","target":"2","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}',
];

/** Parameters whose String() throws: objects with a non-callable toString/valueOf. */
const POISONS = [
  '{"algorithmName":"pagerank","parameters":{"source":{"toString":1}}}',
  '{"algorithmName":"pagerank","parameters":{"sources":{"toString":1,"valueOf":2}}}',
  '{"algorithmName":"pagerank","parameters":{"source":[{"toString":1}],"target":{"valueOf":"x"}}}',
  '{"algorithmName":"shortest_path","parameters":{"source":{"toString":1},"target":{"toString":1}}}',
  '{"algorithmName":"connected_component","parameters":{"sources":[[{"toString":1}]]}}',
];

describe('hostile JSON keys, in process', () => {
  let api: GesApi;
  beforeAll(() => {
    api = createApi({ clock: createManualClock(), jobsPerGraph: 5 });
  });
  const send = (method: string, url: string, body?: string) =>
    Promise.resolve(api.handle({ method, url, headers: HEADERS, body })).then((response) => ({
      status: response.status,
      json: JSON.parse(response.body!),
    }));

  it.each(POLLUTERS)('accepts %s without polluting any prototype', async (body) => {
    const answer = await send('POST', ACTION, body);
    expect(answer.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
    const status = await send('GET', `${BASE}/jobs/${answer.json.jobId}/status`);
    expect(status.status).toBe(200);
  });

  it.each(POISONS)('keeps every read of a job submitted with %s free of 5xx, before and after it finishes', async (body) => {
    const answer = await send('POST', ACTION, body);
    expect(answer.status).toBe(200);
    for (const advance of [0, 1_500, 3_600_000]) {
      api.clock!.advance(advance);
      const status = await send('GET', `${BASE}/jobs/${answer.json.jobId}/status?limit=5`);
      expect(status.status).toBe(200);
      expect(schemaViolations('#/components/schemas/JobStatus', status.json)).toEqual([]);
      const list = await send('GET', `${BASE}/jobs/status`);
      expect(list.status).toBe(200);
      expect(pageProblems(list.json, { limit: 100_000, offset: 0 })).toEqual([]);
    }
  });

  it.each([
    '{"algorithmName":{"toString":1}}',
    '{"algorithmName":{"toString":"x","valueOf":"y"}}',
    '{"algorithmName":[{"toString":1}]}',
    '{"algorithmName":{"__proto__":{"polluted":"yes"}}}',
  ])('refuses %s as an algorithm name with 400 GES.8402, not a 500', async (body) => {
    const answer = await send('POST', ACTION, body);
    expect(answer.status).toBe(400);
    expect(answer.json.errorCode).toBe('GES.8402');
    expect(envelopeViolations(answer.json)).toEqual([]);
  });
});

describe('hostile JSON keys, over a socket', () => {
  let server: GesServer;
  beforeAll(async () => {
    server = await startGesServer({ port: 0, clock: createManualClock(), jobsPerGraph: 5 });
  });
  afterAll(() => server.close());

  it('stays well-behaved for every client after polluting and poisoning bodies', async () => {
    const ids: string[] = [];
    for (const body of [...POLLUTERS, ...POISONS]) {
      const response = await fetch(`${server.url}${ACTION}`, { method: 'POST', headers: HEADERS, body });
      expect(response.status).toBe(200);
      ids.push(((await response.json()) as { jobId: string }).jobId);
    }
    await fetch(`${server.url}/__mock/clock`, { method: 'POST', body: '{"advanceMs":3600000}' });
    for (const jobId of ids) {
      const status = await fetch(`${server.url}${BASE}/jobs/${jobId}/status`, { headers: HEADERS });
      expect(status.status).toBe(200);
    }
    const list = await fetch(`${server.url}${BASE}/jobs/status`, { headers: HEADERS });
    const body = (await list.json()) as { jobs: never[]; jobCount: number };
    expect(body.jobCount).toBe(5 + ids.length);
    expect(pageProblems(body, { limit: 100_000, offset: 0 })).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
