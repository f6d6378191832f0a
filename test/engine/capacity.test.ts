import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
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
      error: { kind: 'graph-full', graph: 'movie', limit: 'jobs', cap: 3 },
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

  it('bounds the request bodies it keeps: past the budget the oldest finished submission goes, never a seeded job', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 10, maxRequestCharsPerGraph: 250 });
    const body = (pad: number) => JSON.stringify({ algorithmName: 'pagerank', parameters: { note: 'x'.repeat(pad) } });
    const seeded = listAll(engine, PROJECT, 'movie').jobs.map((j) => j.jobId);
    const first = unwrap(engine.executeAlgorithm(PROJECT, 'movie', body(60), { algorithmName: 'pagerank' })).jobId;
    unwrap(engine.executeAlgorithm(PROJECT, 'movie', body(60), { algorithmName: 'pagerank' }));
    // Two ~105-character bodies are held, both unfinished: a third would pass 250 and nothing can go.
    expect(engine.executeAlgorithm(PROJECT, 'movie', body(60), { algorithmName: 'pagerank' })).toMatchObject({
      ok: false,
      error: { kind: 'graph-full', limit: 'request-chars', cap: 250 },
    });
    clock.advance(3_600_000); // both finish
    const third = unwrap(engine.executeAlgorithm(PROJECT, 'movie', body(60), { algorithmName: 'pagerank' })).jobId;
    const ids = listAll(engine, PROJECT, 'movie').jobs.map((j) => j.jobId);
    expect(ids).not.toContain(first);
    expect(ids).toContain(third);
    expect(seeded.every((id) => ids.includes(id))).toBe(true);
    // A single body larger than the whole budget is refused outright, and nothing is evicted for it.
    expect(engine.executeAlgorithm(PROJECT, 'movie', body(300), { algorithmName: 'pagerank' })).toMatchObject({
      ok: false,
      error: { kind: 'graph-full', limit: 'request-chars' },
    });
    expect(listAll(engine, PROJECT, 'movie').jobs.map((j) => j.jobId)).toEqual(ids);
    expect(listProblems(engine, PROJECT, 'movie')).toEqual([]);
  });

  it('rejects nonsensical options as a programming error', () => {
    expect(() => createEngine({ clock: createManualClock(), jobsPerGraph: -1 })).toThrow(RangeError);
    expect(() => createEngine({ clock: createManualClock(), maxJobsPerGraph: 1.5 })).toThrow(RangeError);
  });
});
