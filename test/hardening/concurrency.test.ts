/**
 * Hundreds of concurrent submissions, cancels, lists, status reads and clock moves against the
 * running server: no job is lost or listed twice, jobCount is exact, every listed job keeps the
 * spec's schema and the reference's invariants throughout, and each job is cancelled at most once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import type { Job } from '../../src/types.js';
import { PROJECT } from './support/fuzz-arbitraries.js';
import { createHttpCaller } from './support/http-call.js';
import { pageProblems } from '../support/job-checks.js';
import { envelopeViolations } from './support/spec-oracle.js';
import { createRandom } from '../../src/engine/random.js';

const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';
const SEEDED = 30;
const SUBMISSIONS = 400;
const AUTH = { 'x-auth-token': 't' };

const BODIES = [
  '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
  '{"algorithmName":"louvain","parameters":{"max_iterations":100}}',
  '{"algorithmName":"kcore","parameters":{"k":3}}',
  '{"algorithmName":"shortest_path","parameters":{"source":"1","target":"2"}}',
  '{"algorithmName":"connected_component"}',
];

describe('concurrent load on the running server', () => {
  let server: GesServer;
  let base: string;
  // Many sockets at once, as many independent clients would open.
  const client = createHttpCaller(128);
  const call = client.call;

  beforeAll(async () => {
    server = await startGesServer({ port: 0, clock: createManualClock(), jobsPerGraph: SEEDED });
    base = `${server.url}/ges/v1.0/${PROJECT}/graphs/movie`;
  });
  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('loses no job, lists none twice, keeps jobCount exact and every invariant, under hundreds of concurrent requests', async () => {
    const random = createRandom('20240523').float;
    const accepted: string[] = [];
    const cancelled = new Map<string, number>(); // jobId -> 200 answers to its cancels
    const refusedCancels: string[] = [];
    const problems: string[] = [];
    let attempted = 0;

    async function submitAndMaybeCancel(): Promise<void> {
      attempted++;
      const response = await call(`${base}/action?action_id=execute-algorithm`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: BODIES[Math.floor(random() * BODIES.length)]!,
      });
      const body = response.json();
      if (response.status !== 200) {
        problems.push(`submit answered ${response.status} ${JSON.stringify(body)}`);
        return;
      }
      accepted.push(body.jobId);
      const roll = random();
      if (roll > 0.5) return;
      // Sometimes two clients cancel the same job at once: exactly one may succeed.
      const cancels = roll < 0.15 ? 2 : 1;
      await Promise.all(
        Array.from({ length: cancels }, async () => {
          const answer = await call(`${base}/jobs/${body.jobId}`, { method: 'DELETE', headers: AUTH });
          const json = answer.json();
          if (answer.status === 200) cancelled.set(body.jobId, (cancelled.get(body.jobId) ?? 0) + 1);
          else if (answer.status === 400 && json.errorCode === 'GES.8303') refusedCancels.push(body.jobId);
          else problems.push(`cancel answered ${answer.status} ${JSON.stringify(json)}`);
        }),
      );
    }

    async function listPage(): Promise<void> {
      const page = { limit: [1, 10, 100, 100_000][Math.floor(random() * 4)]!, offset: Math.floor(random() * (SEEDED + SUBMISSIONS)) };
      const before = accepted.length;
      const response = await call(`${base}/jobs/status?limit=${page.limit}&offset=${page.offset}`, { headers: AUTH });
      const body = response.json();
      if (response.status !== 200) return void problems.push(`list answered ${response.status}`);
      problems.push(...pageProblems(body, page));
      // Between what was accepted before it was asked and what was attempted by the time it answered.
      if (body.jobCount < SEEDED + before || body.jobCount > SEEDED + attempted) {
        problems.push(`jobCount ${body.jobCount} outside [${SEEDED + before}, ${SEEDED + attempted}]`);
      }
    }

    async function readStatus(): Promise<void> {
      const jobId = accepted[Math.floor(random() * accepted.length)] ?? 'nojob';
      const response = await call(`${base}/jobs/${jobId}/status`, { headers: AUTH });
      const body = response.json();
      if (response.status === 400 && jobId === 'nojob') return;
      if (response.status !== 200) problems.push(`status of ${jobId} answered ${response.status} ${JSON.stringify(body)}`);
    }

    async function moveClock(): Promise<void> {
      const response = await call(`${server.url}/__mock/clock`, {
        method: 'POST',
        body: JSON.stringify({ advanceMs: Math.floor(random() * 30_000) }),
      });
      if (response.status !== 200) problems.push(`clock answered ${response.status}`);
    }

    const tasks: (() => Promise<void>)[] = [
      ...Array.from({ length: SUBMISSIONS }, () => submitAndMaybeCancel),
      ...Array.from({ length: 200 }, () => listPage),
      ...Array.from({ length: 100 }, () => readStatus),
      ...Array.from({ length: 30 }, () => moveClock),
    ];
    for (let i = tasks.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [tasks[i], tasks[j]] = [tasks[j]!, tasks[i]!];
    }
    await Promise.all(tasks.map((task) => task()));
    expect(problems).toEqual([]);

    // Afterwards: everything accepted is there exactly once, and the count is exact.
    const final = await call(`${base}/jobs/status`, { headers: AUTH });
    const { jobs, jobCount } = final.json() as { jobs: Job[]; jobCount: number };
    expect(accepted).toHaveLength(SUBMISSIONS);
    expect(jobCount).toBe(SEEDED + accepted.length);
    expect(pageProblems({ jobs, jobCount }, { limit: 100_000, offset: 0 })).toEqual([]);
    const listed = new Map(jobs.map((job) => [job.jobId, job]));
    expect(accepted.filter((jobId) => !listed.has(jobId))).toEqual([]);
    expect(new Set(accepted).size).toBe(accepted.length);

    // Each job was cancelled at most once, and a cancelled job shows it.
    expect([...cancelled.values()].filter((count) => count > 1)).toEqual([]);
    for (const jobId of cancelled.keys()) {
      const job = listed.get(jobId)!;
      expect(job.status).toBe('failed');
      expect(job.failReason).toMatch(/cancel/i);
      expect(job.canStop).toBe(false);
    }
    expect(cancelled.size).toBeGreaterThan(0);
    expect(refusedCancels.length).toBeGreaterThan(0); // second cancels, and jobs that cannot be stopped

    // Another project saw none of it.
    const other = await call(`${server.url}/ges/v1.0/${OTHER_PROJECT}/graphs/movie/jobs/status?limit=0`, { headers: AUTH });
    expect(other.json().jobCount).toBe(SEEDED);
  });

  it('keeps answering envelopes, not 5xx, when concurrent clients send garbage beside good requests', async () => {
    const bad = Array.from({ length: 150 }, (_, i) =>
      call(`${base}/action?action_id=execute-algorithm`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: ['{', '[]', '{"algorithmName":""}', '{"algorithmName":"nope"}', 'null'][i % 5]!,
      }).then((response) => ({ status: response.status, json: response.json() })),
    );
    const good = Array.from({ length: 150 }, () =>
      call(`${base}/jobs/status?limit=5`, { headers: AUTH }).then((response) => response.status),
    );
    const [badAnswers, goodAnswers] = await Promise.all([Promise.all(bad), Promise.all(good)]);
    expect(goodAnswers.every((status) => status === 200)).toBe(true);
    for (const answer of badAnswers) {
      expect(answer.status).toBe(400);
      expect(envelopeViolations(answer.json)).toEqual([]);
    }
  });
});
