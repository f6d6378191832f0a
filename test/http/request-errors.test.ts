import { describe, expect, it } from 'vitest';
import { createSpecValidator } from '../../src/spec/spec-validator.js';
import { AUTH, call, createTestApi, envelope, MOVIE, PROJECT } from '../support/api-client.js';

const api = createTestApi();
const validator = createSpecValidator();
const GES_ERROR = '#/components/schemas/GesError';

describe('routing', () => {
  it.each([
    ['GET', `${MOVIE}/jobz`],
    ['GET', '/'],
    ['GET', '/ges/v1.0/'],
    ['POST', `${MOVIE}/jobs/status`],
    ['PUT', `${MOVIE}/jobs/status`],
    ['PATCH', `${MOVIE}/jobs/status`],
    ['GET', `${MOVIE}/jobs/status/`],
    ['GET', `/ges/v1.0/${PROJECT}/graphs//jobs/status`],
    ['GET', `${MOVIE}/action?action_id=execute-algorithm`],
    ['DELETE', `${MOVIE}/jobs/abc/status`],
    ['GET', `/ges/v2.0/${PROJECT}/graphs/movie/jobs/status`],
  ])('answers %s %s with 404 GES.8000 "No such API"', async (method, url) => {
    const answer = await call(api, method, url);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual(envelope('GES.8000'));
    expect(answer.json.errorMessage).toBe(`No such API: ${method} ${url.split('?')[0]}`);
    expect(validator.validate(GES_ERROR, answer.json)).toEqual([]);
  });

  it('routes a 404 before looking at the token', async () => {
    const answer = await call(api, 'GET', `${MOVIE}/jobz`, { headers: {} });
    expect(answer.status).toBe(404);
  });

  it('accepts absolute-form request targets', async () => {
    const answer = await call(api, 'GET', `http://127.0.0.1:4010${MOVIE}/jobs/status?limit=1`);
    expect(answer.status).toBe(200);
    expect(answer.json.jobs).toHaveLength(1);
  });

  it('decodes percent-encoded path segments', async () => {
    const answer = await call(api, 'GET', `/ges/v1.0/${PROJECT}/graphs/%6Dovie/jobs/status?limit=1`);
    expect(answer.status).toBe(200);
  });

  it.each(['%ZZ', '%', '%E0%A4%A'])('answers a malformed escape %s in the path with 400 GES.8000, not a crash', async (sequence) => {
    const answer = await call(api, 'GET', `/ges/v1.0/${PROJECT}/graphs/mo${sequence}vie/jobs/status`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(envelope('GES.8000'));
  });
});

describe('authentication', () => {
  it.each([
    ['no header', {}],
    ['an empty token', { 'x-auth-token': '' }],
  ])('answers %s with 401 GES.8007 "Invalid token."', async (_, headers) => {
    const answer = await call(api, 'GET', `${MOVIE}/jobs/status`, { headers });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ errorMessage: 'Invalid token.', errorCode: 'GES.8007', result: 'failed' });
  });

  it('accepts any non-empty token when no tokens are configured', async () => {
    expect((await call(api, 'GET', `${MOVIE}/jobs/status?limit=0`, { headers: { 'x-auth-token': 'anything' } })).status).toBe(200);
  });

  describe('with configured tokens', () => {
    const guarded = createTestApi({ tokens: ['alpha', `beta:${PROJECT}`, 'gamma:otherproject1'] });
    const list = (token: string | undefined, project = PROJECT) =>
      call(guarded, 'GET', `/ges/v1.0/${project}/graphs/movie/jobs/status?limit=0`, { headers: { 'x-auth-token': token } });

    it('accepts an unbound token on every project', async () => {
      expect((await list('alpha')).status).toBe(200);
      expect((await list('alpha', 'anotherproject')).status).toBe(200);
    });

    it('accepts a bound token on its project', async () => {
      expect((await list('beta')).status).toBe(200);
    });

    it('answers a bound token on another project with 403 GES.8006', async () => {
      const answer = await list('gamma');
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual(envelope('GES.8006'));
    });

    it('answers an unknown token with 401 GES.8007', async () => {
      const answer = await list('delta');
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual(envelope('GES.8007'));
    });
  });
});

describe('parameters of the list', () => {
  const list = (query: string) => call(api, 'GET', `${MOVIE}/jobs/status${query}`);

  it('defaults to limit 100000 and offset 0: every job, and jobCount the total', async () => {
    const answer = await list('');
    expect(answer.status).toBe(200);
    expect(answer.json.jobs.length).toBe(answer.json.jobCount);
    expect(Object.keys(answer.json).sort()).toEqual(['jobCount', 'jobs']);
  });

  it('gives limit jobs and jobCount = total (the README curl)', async () => {
    const answer = await list('?limit=2&offset=0');
    expect(answer.json.jobs).toHaveLength(2);
    expect(answer.json.jobCount).toBe(60);
    expect(answer.headers['content-type']).toBe('application/json');
  });

  it.each([
    '?limit=abc',
    '?limit=1.5',
    '?limit=',
    '?limit=1e3',
    '?limit=%2B-',
    '?limit=+5',
    '?limit=0x10',
    '?offset=abc',
    '?offset=1.0',
    '?limit=1&limit=2',
    '?offset=%ZZ',
    '?limit=%201',
  ])('answers %s with 400 GES.8000 "Incorrect parameter format"', async (query) => {
    const answer = await list(query);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(envelope('GES.8000'));
    expect(answer.json.errorMessage).toMatch(/^Incorrect parameter format: /);
  });

  it.each(['?limit=-1', '?limit=100001', '?offset=-1', '?offset=2147483648', `?limit=${'9'.repeat(400)}`, `?offset=${'9'.repeat(30)}`])(
    'answers %s with 400 GES.8005 "Parameter error!"',
    async (query) => {
      const answer = await list(query);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual(envelope('GES.8005'));
      expect(answer.json.errorMessage).toMatch(/^Parameter error!/);
    },
  );

  it.each(['?limit=0', '?limit=100000', '?offset=2147483647', '?limit=007', '?limit=-0', '?other=1'])('accepts %s', async (query) => {
    expect((await list(query)).status).toBe(200);
  });

  it.each([
    ['a project_id with a dash', `/ges/v1.0/abc-def/graphs/movie/jobs/status`],
    ['a 65-character project_id', `/ges/v1.0/${'a'.repeat(65)}/graphs/movie/jobs/status`],
    ['a graph name of 3 characters', `/ges/v1.0/${PROJECT}/graphs/mov/jobs/status`],
    ['a graph name starting with a digit', `/ges/v1.0/${PROJECT}/graphs/1movie/jobs/status`],
    ['a graph name with a dot', `/ges/v1.0/${PROJECT}/graphs/mo.vie/jobs/status`],
  ])('answers %s with 400 GES.8000', async (_, url) => {
    const answer = await call(api, 'GET', url);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(envelope('GES.8000'));
  });

  it('answers an unknown, well-formed graph with the seed example: 400 "graph : <name> not exist"', async () => {
    const answer = await call(api, 'GET', `/ges/v1.0/${PROJECT}/graphs/movidde/jobs/status?limit=2&offset=0`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ errorMessage: 'graph : movidde not exist', errorCode: 'GES.8000', result: 'failed' });
  });

  it('checks auth before parameters, and parameters before the graph', async () => {
    expect((await call(api, 'GET', `/ges/v1.0/${PROJECT}/graphs/movidde/jobs/status?limit=x`, { headers: {} })).status).toBe(401);
    const answer = await call(api, 'GET', `/ges/v1.0/${PROJECT}/graphs/movidde/jobs/status?limit=x`);
    expect(answer.json.errorMessage).toMatch(/limit/);
  });
});

describe('single job status and cancel', () => {
  it('answers an unknown job id with 400 GES.8301 "can not find job, jobId is <id>"', async () => {
    const answer = await call(api, 'GET', `${MOVIE}/jobs/nosuchjob/status`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ errorMessage: 'can not find job, jobId is nosuchjob', errorCode: 'GES.8301', result: 'failed' });
  });

  it('answers a cancel of an unknown job with 400 GES.8303 "can not find job to cancel, id is <id>"', async () => {
    const answer = await call(api, 'DELETE', `${MOVIE}/jobs/nosuchjob`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ errorMessage: 'can not find job to cancel, id is nosuchjob', errorCode: 'GES.8303', result: 'failed' });
  });

  it('answers a job id over 256 characters with 400 GES.8000', async () => {
    const answer = await call(api, 'GET', `${MOVIE}/jobs/${'j'.repeat(257)}/status`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(envelope('GES.8000'));
  });

  it('pages a job result with the same limit/offset rules', async () => {
    const { json } = await call(api, 'GET', `${MOVIE}/jobs/status?limit=1`);
    const jobId = json.jobs[0].jobId;
    expect((await call(api, 'GET', `${MOVIE}/jobs/${jobId}/status?limit=x`)).json).toEqual(envelope('GES.8000'));
    expect((await call(api, 'GET', `${MOVIE}/jobs/${jobId}/status?offset=-5`)).json).toEqual(envelope('GES.8005'));
    expect((await call(api, 'GET', `${MOVIE}/jobs/${encodeURIComponent(jobId)}/status?limit=3`)).status).toBe(200);
  });
});

describe('a mock error of its own', () => {
  it('turns an unexpected throw into a 500 GES.8602 envelope without internals', async () => {
    const errors: unknown[] = [];
    const broken = createTestApi({ onError: (error) => errors.push(error) });
    broken.engine.listJobs = () => {
      throw new Error('secret internal detail');
    };
    const answer = await call(broken, 'GET', `${MOVIE}/jobs/status`, { headers: AUTH });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(envelope('GES.8602'));
    expect(answer.body).not.toMatch(/secret|at |Error/);
    expect(errors).toHaveLength(1);
  });
});
