import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/engine/engine-types.js';
import { call, createTestApi, MOVIE } from '../support/api-client.js';

const SUBMIT = `${MOVIE}/action?action_id=execute-algorithm`;
const PAGERANK = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';
const JSON_HEADERS = { 'x-auth-token': 't', 'content-type': 'application/json' };

describe('createApi onChange', () => {
  it('is told of each successful submission, cancel, clock move, reset and faults change, and of nothing else', async () => {
    const changes: Change['kind'][] = [];
    const api = createTestApi({ onChange: (change) => changes.push(change.kind) });
    await call(api, 'GET', `${MOVIE}/jobs/status?limit=5`);
    const submitted = await call(api, 'POST', SUBMIT, { headers: JSON_HEADERS, body: PAGERANK });
    await call(api, 'GET', `${MOVIE}/jobs/${submitted.json.jobId}/status`);
    await call(api, 'DELETE', `${MOVIE}/jobs/${submitted.json.jobId}`);
    await call(api, 'POST', '/__mock/clock', { body: '{"advanceMs":1000}' });
    await call(api, 'POST', '/__mock/reset', { body: '{}' });
    await call(api, 'GET', '/__mock/state');
    await call(api, 'PUT', '/__mock/faults', { body: '{}' });
    expect(changes).toEqual(['submit', 'cancel', 'clock', 'reset', 'faults']);
  });

  it('is not told of refused changes', async () => {
    const changes: Change['kind'][] = [];
    const api = createTestApi({ onChange: (change) => changes.push(change.kind) });
    expect((await call(api, 'POST', SUBMIT, { headers: JSON_HEADERS, body: '{"algorithmName":""}' })).status).toBe(400);
    expect((await call(api, 'DELETE', `${MOVIE}/jobs/no-such-job`)).status).toBe(400);
    expect((await call(api, 'POST', '/__mock/clock', { body: '{"advanceMs":-1}' })).status).toBe(400);
    expect((await call(api, 'POST', SUBMIT, { headers: { 'content-type': 'application/json' }, body: PAGERANK })).status).toBe(401);
    expect(changes).toEqual([]);
  });

  it('runs before the answer, with the change already visible', async () => {
    const events: string[] = [];
    let seenJobId: string | undefined;
    const withReader = createTestApi({
      onChange: () => {
        const answer = withReader.handle({ method: 'GET', url: `${MOVIE}/jobs/status?limit=1`, headers: { 'x-auth-token': 't' } });
        seenJobId = (JSON.parse((answer as { body: string }).body) as { jobs: { jobId: string }[] }).jobs[0]!.jobId;
        events.push('change');
      },
    });
    const answer = withReader.handle({ method: 'POST', url: SUBMIT, headers: JSON_HEADERS, body: PAGERANK });
    events.push('answer');
    expect(events).toEqual(['change', 'answer']);
    expect(seenJobId).toBe(JSON.parse((answer as { body: string }).body).jobId);
  });

  it('turns the 2xx into a 500 when the change cannot be recorded', async () => {
    const api = createTestApi({
      onChange: () => {
        throw new Error('ENOSPC: no space left on device');
      },
    });
    const answer = await call(api, 'POST', SUBMIT, { headers: JSON_HEADERS, body: PAGERANK });
    expect(answer.status).toBe(500);
    expect(answer.body).not.toMatch(/ENOSPC/);
  });

  it('is told when code resets the API', () => {
    const changes: Change['kind'][] = [];
    const api = createTestApi({ onChange: (change) => changes.push(change.kind) });
    api.reset(2);
    expect(changes).toEqual(['reset']);
  });
});
