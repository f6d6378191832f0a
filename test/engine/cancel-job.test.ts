import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { CANCELLED_REASON } from '../../src/engine/job-lifecycle.js';
import { createManualClock } from '../../src/clocks.js';
import { jobProblems, listAll, unwrap } from '../support/job-checks.js';

const PROJECT = 'p1';

function setup() {
  const clock = createManualClock();
  const engine = createEngine({ clock });
  const submit = (raw: string) => unwrap(engine.executeAlgorithm(PROJECT, 'movie', raw, JSON.parse(raw))).jobId;
  const job = (jobId: string) => listAll(engine, PROJECT, 'movie').jobs.find((j) => j.jobId === jobId)!;
  return { clock, engine, submit, job };
}

describe('cancelling a job', () => {
  it('turns a running cancellable job into failed, with a cancel reason, canStop false and endTime the cancel time', () => {
    const { clock, engine, submit, job } = setup();
    const jobId = submit('{"algorithmName":"louvain","parameters":{"convergence":0.00001,"max_iterations":100}}');
    clock.advance(5_000);
    expect(job(jobId)).toMatchObject({ status: 'running', canStop: true });
    const progress = job(jobId).progress;
    clock.advance(2_000);
    expect(engine.cancelJob(PROJECT, 'movie', jobId)).toMatchObject({
      ok: true,
      value: {},
      change: { kind: 'cancel', world: PROJECT, jobId },
    });
    const cancelled = job(jobId);
    expect(cancelled).toMatchObject({ status: 'failed', failReason: CANCELLED_REASON, canStop: false, endTime: '2024-05-23 10:00:07' });
    expect(Number(cancelled.progress)).toBeGreaterThanOrEqual(Number(progress));
    expect(jobProblems(cancelled)).toEqual([]);
    // It stays so, however long the clock runs.
    clock.advance(3_600_000);
    expect(job(jobId)).toEqual(cancelled);
    expect(unwrap(engine.getJobStatus(PROJECT, 'movie', jobId, { limit: 10, offset: 0 }))).toEqual({
      status: 'failed',
      errorMessage: CANCELLED_REASON,
      result: 'success',
    });
  });

  it('cancels a pending job, which then shows progress 0', () => {
    const { engine, submit, job } = setup();
    const jobId = submit('{"algorithmName":"pagerank"}');
    unwrap(engine.cancelJob(PROJECT, 'movie', jobId));
    expect(job(jobId)).toMatchObject({ status: 'failed', progress: '0', canStop: false });
    expect(jobProblems(job(jobId))).toEqual([]);
  });

  it('refuses a second cancel, a finished job, a non-cancellable algorithm and an unknown id', () => {
    const { clock, engine, submit } = setup();
    const cancellable = submit('{"algorithmName":"pagerank"}');
    const notCancellable = submit('{"algorithmName":"k_hop","parameters":{"k":2,"source":"46"}}');
    unwrap(engine.cancelJob(PROJECT, 'movie', cancellable));
    expect(engine.cancelJob(PROJECT, 'movie', cancellable)).toEqual({ ok: false, error: { kind: 'cannot-cancel', jobId: cancellable } });
    expect(engine.cancelJob(PROJECT, 'movie', notCancellable)).toEqual({
      ok: false,
      error: { kind: 'cannot-cancel', jobId: notCancellable },
    });
    expect(engine.cancelJob(PROJECT, 'movie', 'nope')).toEqual({ ok: false, error: { kind: 'cannot-cancel', jobId: 'nope' } });
    const finished = submit('{"algorithmName":"pagerank"}');
    clock.advance(3_600_000);
    expect(engine.cancelJob(PROJECT, 'movie', finished)).toEqual({ ok: false, error: { kind: 'cannot-cancel', jobId: finished } });
    const seededDone = listAll(engine, PROJECT, 'movie').jobs.find((j) => j.status === 'success')!.jobId;
    expect(engine.cancelJob(PROJECT, 'movie', seededDone).ok).toBe(false);
  });

  it('cancels a seeded job for one project only', () => {
    const { engine } = setup();
    const seeded = listAll(engine, PROJECT, 'movie').jobs.find((j) => j.canStop)!;
    unwrap(engine.cancelJob(PROJECT, 'movie', seeded.jobId));
    expect(listAll(engine, PROJECT, 'movie').jobs.find((j) => j.jobId === seeded.jobId)!.status).toBe('failed');
    expect(listAll(engine, 'otherProject', 'movie').jobs.find((j) => j.jobId === seeded.jobId)).toEqual(seeded);
  });

  it('answers graph-not-found for an unknown graph', () => {
    const { engine } = setup();
    expect(engine.cancelJob(PROJECT, 'nograph', 'x')).toEqual({ ok: false, error: { kind: 'graph-not-found', graph: 'nograph' } });
  });
});
