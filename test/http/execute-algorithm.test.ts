import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/parse-algorithm-body.js';
import { getResponseSchemaPointer } from '../../src/spec/spec-examples.js';
import { createSpecValidator } from '../../src/spec/spec-validator.js';
import { AUTH, call, createTestApi, envelope, MOVIE } from '../support/api-client.js';

const ACTION = `${MOVIE}/action?action_id=execute-algorithm`;
const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' };
const validator = createSpecValidator();

describe('execute-algorithm', () => {
  it('creates a job whose rawRequest is the body byte for byte, first in the list', async () => {
    const api = createTestApi();
    const body = '{ "algorithmName" : "pagerank",\n  "parameters": {"alpha": 0.85, "directed": true} }';
    const created = await call(api, 'POST', ACTION, { headers: JSON_AUTH, body });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({ jobId: expect.any(String), jobType: 1 });
    expect(validator.validate(getResponseSchemaPointer('executeAlgorithm', '200')!, created.json)).toEqual([]);

    const list = await call(api, 'GET', `${MOVIE}/jobs/status?limit=1`);
    expect(list.json.jobs[0]).toMatchObject({ jobId: created.json.jobId, rawRequest: body, taskType: 'Algorithm' });
    expect(list.json.jobCount).toBe(61);
  });

  it('lets a submitted job progress as the clock moves, until it succeeds', async () => {
    const api = createTestApi();
    const { json } = await call(api, 'POST', ACTION, { headers: JSON_AUTH, body: '{"algorithmName":"pagerank","parameters":{}}' });
    const status = async () => (await call(api, 'GET', `${MOVIE}/jobs/${json.jobId}/status`)).json.status;
    expect(['pending', 'running']).toContain(await status());
    api.clock!.advance(10 * 60_000);
    expect(await status()).toBe('success');
  });

  it('cancels a running cancellable job once; the second cancel is 400 GES.8303', async () => {
    const api = createTestApi();
    const { json } = await call(api, 'POST', ACTION, { headers: JSON_AUTH, body: '{"algorithmName":"pagerank"}' });
    const first = await call(api, 'DELETE', `${MOVIE}/jobs/${json.jobId}`);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({});
    const second = await call(api, 'DELETE', `${MOVIE}/jobs/${json.jobId}`);
    expect(second.status).toBe(400);
    expect(second.json).toEqual({
      errorMessage: `can not find job to cancel, id is ${json.jobId}`,
      errorCode: 'GES.8303',
      result: 'failed',
    });
    const listed = (await call(api, 'GET', `${MOVIE}/jobs/status?limit=1`)).json.jobs[0];
    expect(listed).toMatchObject({ jobId: json.jobId, status: 'failed', canStop: false });
  });

  it.each([
    ['an empty algorithmName', '{"algorithmName":""}', 'GES.8401'],
    ['no algorithmName', '{"parameters":{}}', 'GES.8401'],
    ['an unknown algorithm', '{"algorithmName":"teleport"}', 'GES.8402'],
    ['a missing required parameter', '{"algorithmName":"shortest_path","parameters":{"source":"1"}}', 'GES.8402'],
  ])('answers %s with 400 %s', async (_, body, code) => {
    const answer = await call(createTestApi(), 'POST', ACTION, { headers: JSON_AUTH, body });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(envelope(code));
  });

  it.each([
    ['no body', undefined],
    ['an empty body', ''],
    ['invalid JSON', '{"algorithmName":'],
    ['a JSON array', '[{"algorithmName":"pagerank"}]'],
    ['a JSON string', '"pagerank"'],
    ['JSON null', 'null'],
  ])('answers %s with 400 GES.8000', async (_, body) => {
    const answer = await call(createTestApi(), 'POST', ACTION, { headers: JSON_AUTH, body });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      errorMessage: 'Incorrect parameter format: the request body is not a JSON object.',
      errorCode: 'GES.8000',
      result: 'failed',
    });
  });

  it('answers a body over 1 MiB with 400 GES.8000', async () => {
    const body = JSON.stringify({ algorithmName: 'pagerank', parameters: { pad: 'x'.repeat(MAX_BODY_BYTES) } });
    const answer = await call(createTestApi(), 'POST', ACTION, { headers: JSON_AUTH, body });
    expect(answer.status).toBe(400);
    expect(answer.json.errorMessage).toMatch(/1 MiB/);
  });

  it('counts the limit in UTF-8 bytes, not characters', async () => {
    const pad = 'é'.repeat(MAX_BODY_BYTES / 2); // 2 bytes each: just over the limit with the JSON around it
    const answer = await call(createTestApi(), 'POST', ACTION, { headers: JSON_AUTH, body: `{"algorithmName":"pagerank","p":"${pad}"}` });
    expect(answer.json.errorMessage).toMatch(/1 MiB/);
  });

  it('answers a body an adapter stopped reading with the same 400', async () => {
    const answer = await call(createTestApi(), 'POST', ACTION, { headers: JSON_AUTH, bodyTooLarge: true });
    expect(answer.status).toBe(400);
    expect(answer.json.errorMessage).toMatch(/1 MiB/);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp'])(
    'answers Content-Type %s with 400 GES.8000',
    async (type) => {
      const answer = await call(createTestApi(), 'POST', ACTION, {
        headers: { ...AUTH, 'content-type': type },
        body: '{"algorithmName":"pagerank"}',
      });
      expect(answer.status).toBe(400);
      expect(answer.json.errorMessage).toMatch(/Content-Type/);
    },
  );

  it.each([undefined, 'application/json; charset=utf-8', 'Application/JSON'])('accepts Content-Type %s', async (type) => {
    const headers = type === undefined ? AUTH : { ...AUTH, 'content-type': type };
    const answer = await call(createTestApi(), 'POST', ACTION, { headers, body: '{"algorithmName":"pagerank"}' });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['no action_id', `${MOVIE}/action`],
    ['another action', `${MOVIE}/action?action_id=export-result`],
    ['action_id twice', `${ACTION}&action_id=execute-algorithm`],
  ])('answers %s with 400 GES.8000', async (_, url) => {
    const answer = await call(createTestApi(), 'POST', url, { headers: JSON_AUTH, body: '{"algorithmName":"pagerank"}' });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(envelope('GES.8000'));
  });

  it('answers a graph at its job cap with 400 GES.8402 "too many jobs"', async () => {
    const api = createTestApi({ jobsPerGraph: 0, maxJobsPerGraph: 1 });
    expect((await call(api, 'POST', ACTION, { headers: JSON_AUTH, body: '{"algorithmName":"pagerank"}' })).status).toBe(200);
    const full = await call(api, 'POST', ACTION, { headers: JSON_AUTH, body: '{"algorithmName":"pagerank"}' });
    expect(full.status).toBe(400);
    expect(full.json).toEqual(envelope('GES.8402'));
    expect(full.json.errorMessage).toMatch(/too many jobs/);
  });

  it('does not let a "__proto__" key pollute any prototype', async () => {
    const api = createTestApi();
    const body = '{"algorithmName":"pagerank","__proto__":{"polluted":true},"parameters":{"__proto__":{"polluted":true}}}';
    const answer = await call(api, 'POST', ACTION, { headers: JSON_AUTH, body });
    expect(answer.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const listed = (await call(api, 'GET', `${MOVIE}/jobs/status?limit=1`)).json.jobs[0];
    expect(listed.rawRequest).toBe(body); // byte for byte, __proto__ included
  });
});
