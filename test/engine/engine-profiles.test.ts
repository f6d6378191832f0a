import { describe, expect, it } from 'vitest';
import { ENGINE_PROFILES, type EngineProfileName } from '../../src/engine/engine-profiles.js';
import { jobInvariantViolations } from '../../src/spec/job-invariants.js';
import { readJobTime } from '../../src/spec/read-job-time.js';
import { statusVariants } from '../../src/spec/spec-facts.js';
import { createSpecValidator } from '../../src/spec/spec-validator.js';
import { AUTH, call, createTestApi, MOVIE } from '../support/api-client.js';

type Job = Record<string, unknown>;
const validator = createSpecValidator();

async function listed(profile: EngineProfileName | undefined, query = ''): Promise<{ jobs: Job[]; [key: string]: unknown }> {
  const api = createTestApi({ ...(profile ? { profile } : {}), jobsPerGraph: 200 });
  return (await call(api, 'GET', `${MOVIE}/jobs/status${query}`)).json;
}

describe('engine profiles', () => {
  it('memory-2.2.13 is the default and serves exactly what no profile serves', async () => {
    expect(await listed('memory-2.2.13')).toEqual(await listed(undefined));
  });

  it.each(ENGINE_PROFILES.map((name) => [name]))(
    '%s keeps the schema (but for status variants), every invariant and the order, on the same jobs',
    async (name) => {
      const base = (await listed(undefined)).jobs;
      const body = await listed(name);
      expect(body.jobs).toHaveLength(base.length);
      const variant = (path: string, job: Job) => path === '/status' && statusVariants.includes(job.status as string);
      body.jobs.forEach((job, i) => {
        const schema = validator.validate('#/components/schemas/Job', job).filter((v) => v.keyword !== 'if' && !variant(v.path, job));
        expect(schema, JSON.stringify(job)).toEqual([]);
        expect(jobInvariantViolations(job), JSON.stringify(job)).toEqual([]);
        // Same instants, same order: only the forms differ.
        expect(readJobTime(job.startTime)).toBe(readJobTime(base[i]!.startTime));
        expect(Number(job.progress)).toBe(Number(base[i]!.progress));
      });
    },
  );

  it('each variant profile serves its form', async () => {
    expect((await listed('integer-progress')).jobs.every((job) => typeof job.progress === 'number')).toBe(true);
    const complete = (await listed('complete-status')).jobs;
    expect(complete.some((job) => job.status === 'complete') && !complete.some((job) => job.status === 'success')).toBe(true);
    expect((await listed('partially-failed')).jobs.some((job) => job.status === 'partiallyFailed')).toBe(true);
    expect((await listed('uuid-job-ids')).jobs.every((job) => /^[0-9a-f-]{36}$/.test(job.jobId as string))).toBe(true);
    expect(await listed('result-fields')).toMatchObject({ result: 'success', errorCode: '', errorMessage: '' });
    expect((await listed('iso-times')).jobs[0]!.startTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect((await listed('epoch-seconds')).jobs[0]!.startTime).toMatch(/^\d{10}$/);
    expect((await listed('epoch-millis')).jobs[0]!.startTime).toMatch(/^\d{13}$/);
    expect((await listed('epoch-micros')).jobs[0]!.startTime).toMatch(/^\d{16}$/);
  });

  it('mixed draws every form, and serves each job alike on every page and every time', async () => {
    const whole = (await listed('mixed')).jobs;
    expect(new Set(whole.map((job) => typeof job.progress))).toEqual(new Set(['number', 'string']));
    const forms = new Set(whole.map((job) => String(job.startTime).replace(/\d/g, '9')));
    expect(forms.size).toBe(5);
    expect(whole.some((job) => job.status === 'complete') && whole.some((job) => job.status === 'success')).toBe(true);
    expect(whole.some((job) => String(job.jobId).length === 36) && whole.some((job) => String(job.jobId).length === 45)).toBe(true);
    const paged: Job[] = [];
    for (let offset = 0; offset < whole.length; offset += 30) paged.push(...(await listed('mixed', `?limit=30&offset=${offset}`)).jobs);
    expect(paged).toEqual(whole);
  });

  it('a served plain UUID reaches its job: status, cancel, and the id a submission answers', async () => {
    const api = createTestApi({ profile: 'uuid-job-ids' });
    const created = await call(api, 'POST', `${MOVIE}/action?action_id=execute-algorithm`, {
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{}}',
    });
    const jobId = created.json.jobId as string;
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const list = (await call(api, 'GET', `${MOVIE}/jobs/status`)).json.jobs as Job[];
    expect(list.some((job) => job.jobId === jobId)).toBe(true);
    expect((await call(api, 'GET', `${MOVIE}/jobs/${jobId}/status`)).status).toBe(200);
    expect((await call(api, 'DELETE', `${MOVIE}/jobs/${jobId}`)).status).toBe(200);
  });

  it('the job status endpoint answers the status the list shows', async () => {
    const api = createTestApi({ profile: 'complete-status' });
    const job = ((await call(api, 'GET', `${MOVIE}/jobs/status`)).json.jobs as Job[]).find((j) => j.status === 'complete')!;
    expect((await call(api, 'GET', `${MOVIE}/jobs/${String(job.jobId)}/status`)).json.status).toBe('complete');
  });

  it('refuses an unknown profile name', () => {
    expect(() => createTestApi({ profile: 'nope' as EngineProfileName })).toThrow(/unknown profile "nope"/);
  });
});
