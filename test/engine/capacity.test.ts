import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { submittedJobBytes } from '../../src/engine/job-store.js';
import { createManualClock } from '../../src/clocks.js';
import { listAll, listProblems, unwrap } from '../support/job-checks.js';

const PROJECT = 'p1';
const PAGERANK = '{"algorithmName":"pagerank"}';

describe('graph capacity', () => {
  it('evicts the oldest finished job when a submission reaches the cap', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 20, maxJobsPerGraph: 20 });
    const before = listAll(engine, PROJECT, 'movie').jobs;
    const { jobId } = unwrap(engine.executeAlgorithm(PROJECT, 'movie', PAGERANK, { algorithmName: 'pagerank' }));
    const after = listAll(engine, PROJECT, 'movie');
    expect(after.jobCount).toBe(20);
    expect(after.jobs[0]!.jobId).toBe(jobId);
    const oldestFinished = [...before].reverse().find((j) => j.status === 'success' || j.status === 'failed')!;
    expect(after.jobs.map((j) => j.jobId)).not.toContain(oldestFinished.jobId);
    expect(engine.getJobStatus(PROJECT, 'movie', oldestFinished.jobId, { limit: 1, offset: 0 })).toEqual({
      ok: false,
      error: { kind: 'job-not-found', jobId: oldestFinished.jobId },
    });
    expect(listProblems(engine, PROJECT, 'movie')).toEqual([]);
  });

  it('refuses with graph-full when every job is still pending or running', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 0, maxJobsPerGraph: 3 });
    for (let i = 0; i < 3; i++) unwrap(engine.executeAlgorithm(PROJECT, 'movie', PAGERANK, { algorithmName: 'pagerank' }));
    expect(engine.executeAlgorithm(PROJECT, 'movie', PAGERANK, { algorithmName: 'pagerank' })).toEqual({
      ok: false,
      error: { kind: 'graph-full', graph: 'movie', cap: 3 },
    });
    clock.advance(3_600_000);
    unwrap(engine.executeAlgorithm(PROJECT, 'movie', PAGERANK, { algorithmName: 'pagerank' }));
    expect(listAll(engine, PROJECT, 'movie').jobCount).toBe(3);
  });

  it('never lets the cap fall below jobsPerGraph', () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 30, maxJobsPerGraph: 5 });
    expect(listAll(engine, PROJECT, 'movie').jobCount).toBe(30);
    unwrap(engine.executeAlgorithm(PROJECT, 'movie', PAGERANK, { algorithmName: 'pagerank' }));
    expect(listAll(engine, PROJECT, 'movie').jobCount).toBe(30);
  });

  it('treats a cancelled job as finished, so it can be evicted', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 0, maxJobsPerGraph: 2 });
    const first = unwrap(engine.executeAlgorithm(PROJECT, 'movie', PAGERANK, { algorithmName: 'pagerank' })).jobId;
    unwrap(engine.executeAlgorithm(PROJECT, 'movie', PAGERANK, { algorithmName: 'pagerank' }));
    unwrap(engine.cancelJob(PROJECT, 'movie', first));
    unwrap(engine.executeAlgorithm(PROJECT, 'movie', PAGERANK, { algorithmName: 'pagerank' }));
    expect(listAll(engine, PROJECT, 'movie').jobs.map((j) => j.jobId)).not.toContain(first);
  });

  it('counts what it holds once, in bytes: a submission adds its bytes, an eviction gives them back, past the budget it is refused', () => {
    const clock = createManualClock();
    const body = JSON.stringify({ algorithmName: 'pagerank', parameters: { note: 'x'.repeat(1000) } });
    const one = submittedJobBytes(Buffer.byteLength(body));
    const engine = createEngine({ clock, jobsPerGraph: 0, maxJobsPerGraph: 2, maxStoredBytes: 2 * one });
    const submit = (graph: string) => engine.executeAlgorithm(PROJECT, graph, body, { algorithmName: 'pagerank' });
    expect(engine.storedBytes).toBe(0);
    const first = unwrap(submit('movie')).jobId;
    expect(engine.storedBytes).toBe(one);
    clock.advance(1_000);
    unwrap(submit('movie'));
    expect(engine.storedBytes).toBe(2 * one);
    clock.advance(3_600_000); // both finish: the next one evicts the oldest, and takes its bytes
    unwrap(submit('movie'));
    expect(engine.storedBytes).toBe(2 * one);
    expect(listAll(engine, PROJECT, 'movie').jobs.map((j) => j.jobId)).not.toContain(first);
    // Another graph has nothing to evict: the budget refuses, and reads go on.
    expect(submit('social_network')).toEqual({ ok: false, error: { kind: 'memory-budget', cap: 2 * one } });
    expect(engine.listJobs(PROJECT, 'social_network', { limit: 10, offset: 0 }).ok).toBe(true);
    expect(listProblems(engine, PROJECT, 'movie')).toEqual([]);
  });

  it('rejects nonsensical options as a programming error', () => {
    expect(() => createEngine({ clock: createManualClock(), jobsPerGraph: -1 })).toThrow(RangeError);
    expect(() => createEngine({ clock: createManualClock(), maxJobsPerGraph: 1.5 })).toThrow(RangeError);
  });
});
