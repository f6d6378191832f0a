/**
 * Bounded memory: a graph holds at most maxJobsPerGraph jobs. At the cap a submission evicts the
 * oldest finished job; when none has finished it is refused with a 400 envelope (GES.8402, "too many
 * jobs"). Checked through HTTP on a real socket with a cap of 50.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import type { Job } from '../../src/types.js';
import { PROJECT } from './support/fuzz-arbitraries.js';
import { pageProblems } from '../support/job-checks.js';
import { envelopeViolations } from './support/spec-oracle.js';

const CAP = 50;
const HEADERS = { 'x-auth-token': 't', 'content-type': 'application/json' };
const servers: GesServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(jobsPerGraph: number) {
  const server = await startGesServer({ port: 0, clock: createManualClock(), jobsPerGraph, maxJobsPerGraph: CAP });
  servers.push(server);
  const base = `${server.url}/ges/v1.0/${PROJECT}/graphs/movie`;
  return {
    server,
    submit: async () => {
      const response = await fetch(`${base}/action?action_id=execute-algorithm`, {
        method: 'POST',
        headers: HEADERS,
        body: '{"algorithmName":"pagerank"}',
      });
      return { status: response.status, json: (await response.json()) as { jobId: string; errorCode?: string; errorMessage?: string } };
    },
    list: async () => {
      const response = await fetch(`${base}/jobs/status`, { headers: HEADERS });
      const body = (await response.json()) as { jobs: Job[]; jobCount: number };
      expect(pageProblems(body, { limit: 100_000, offset: 0 })).toEqual([]);
      return body;
    },
    status: (jobId: string) =>
      fetch(`${base}/jobs/${jobId}/status`, { headers: HEADERS }).then(async (r) => ({ status: r.status, json: await r.json() })),
    cancel: (jobId: string) => fetch(`${base}/jobs/${jobId}`, { method: 'DELETE', headers: HEADERS }).then((r) => r.status),
    advance: (ms: number) => fetch(`${server.url}/__mock/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) }),
  };
}

const FINISHED = new Set(['success', 'failed']);

describe('the job cap per graph', () => {
  it('evicts the oldest finished job for each submission at the cap, keeping jobCount at the cap', async () => {
    const mock = await start(10);
    for (let i = 10; i < CAP; i++) expect((await mock.submit()).status).toBe(200);
    await mock.advance(3_600_000); // everything finishes
    expect((await mock.list()).jobCount).toBe(CAP);

    for (let round = 0; round < 60; round++) {
      const before = await mock.list();
      // The list is newest first: the oldest finished job is the last finished one in it.
      const oldestFinished = [...before.jobs].reverse().find((job) => FINISHED.has(job.status))!;
      const submitted = await mock.submit();
      expect(submitted.status).toBe(200);
      const after = await mock.list();
      expect(after.jobCount).toBe(CAP);
      const ids = new Set(after.jobs.map((job) => job.jobId));
      expect(ids.has(oldestFinished.jobId)).toBe(false);
      expect(ids.has(submitted.json.jobId)).toBe(true);
      // Exactly one job left: the evicted one.
      expect(before.jobs.filter((job) => !ids.has(job.jobId)).map((job) => job.jobId)).toEqual([oldestFinished.jobId]);
      if (round % 20 === 0) {
        const gone = await mock.status(oldestFinished.jobId);
        expect(gone.status).toBe(400);
        expect(gone.json.errorCode).toBe('GES.8301');
      }
      if (round % 10 === 9) await mock.advance(3_600_000); // let the new ones finish too
    }
  });

  it('refuses a submission with a 400 envelope when every held job is still unfinished, and accepts again once one finishes', async () => {
    const mock = await start(0);
    const ids: string[] = [];
    for (let i = 0; i < CAP; i++) {
      const submitted = await mock.submit();
      expect(submitted.status).toBe(200);
      ids.push(submitted.json.jobId);
    }
    const full = await mock.submit();
    expect(full.status).toBe(400);
    expect(envelopeViolations(full.json)).toEqual([]);
    expect(full.json.errorCode).toBe('GES.8402');
    expect(full.json.errorMessage).toMatch(/too many jobs/);
    expect((await mock.list()).jobCount).toBe(CAP); // nothing lost to the refusal

    // A cancelled job is finished: it makes room, and it is the one evicted.
    expect(await mock.cancel(ids[7]!)).toBe(200);
    const accepted = await mock.submit();
    expect(accepted.status).toBe(200);
    const listed = new Set((await mock.list()).jobs.map((job) => job.jobId));
    expect(listed.has(ids[7]!)).toBe(false);
    expect(listed.size).toBe(CAP);

    expect((await mock.submit()).status).toBe(400);
    await mock.advance(3_600_000);
    expect((await mock.submit()).status).toBe(200);
    expect((await mock.list()).jobCount).toBe(CAP);
  });

  it('keeps each project within its own cap', async () => {
    const mock = await start(0);
    for (let i = 0; i < CAP; i++) await mock.submit();
    const other = await fetch(`${mock.server.url}/ges/v1.0/p2/graphs/movie/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: HEADERS,
      body: '{"algorithmName":"pagerank"}',
    });
    expect(other.status).toBe(200);
  });
});
