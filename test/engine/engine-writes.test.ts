import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createEngine } from '../../src/engine/create-engine.js';
import type { EngineWrite } from '../../src/engine/engine-types.js';

const PAGE = { limit: 1000, offset: 0 };
const request = { algorithmName: 'pagerank', parameters: { alpha: 0.85 } };
const body = JSON.stringify(request);

describe('engine writes', () => {
  it('tells onWrite about each submission and cancellation, and reverting them restores the list exactly', () => {
    const writes: EngineWrite[] = [];
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 5, maxJobsPerGraph: 5, onWrite: (write) => writes.push(write) });
    const before = JSON.stringify(engine.listJobs('p', 'movie', PAGE));
    const submitted = engine.executeAlgorithm('p', 'movie', body, request);
    if (!submitted.ok) throw new Error(submitted.error.kind);
    expect(writes).toEqual([expect.objectContaining({ kind: 'submit', project: 'p', graph: 'movie', evicted: [expect.any(String)] })]);
    expect(engine.cancelJob('p', 'movie', submitted.value.jobId).ok).toBe(true);
    expect(writes.at(-1)).toMatchObject({ kind: 'cancel', jobId: submitted.value.jobId, atMs: clock.now() });
    for (const write of writes.reverse()) write.revert();
    expect(JSON.stringify(engine.listJobs('p', 'movie', PAGE))).toBe(before);
  });

  it('reverts a reset to the state before it', () => {
    const writes: EngineWrite[] = [];
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 3, onWrite: (write) => writes.push(write) });
    expect(engine.executeAlgorithm('p', 'movie', body, request).ok).toBe(true);
    const before = JSON.stringify(engine.listJobs('p', 'movie', PAGE));
    engine.reset(9);
    expect(JSON.stringify(engine.listJobs('p', 'movie', PAGE))).not.toBe(before);
    writes.at(-1)!.revert();
    expect(JSON.stringify(engine.listJobs('p', 'movie', PAGE))).toBe(before);
    expect(engine.state().seed).toBe(1);
  });

  it('refuses submissions past the memory budget of the whole engine, keeps answering reads, and takes them again after a reset', () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 3, maxStoredBytes: 64 * 1024 });
    const big = JSON.stringify({ ...request, padding: 'x'.repeat(8 * 1024) });
    const answers = Array.from({ length: 10 }, (_, i) => engine.executeAlgorithm(`p${i}`, 'movie', big, JSON.parse(big)));
    const accepted = answers.filter((answer) => answer.ok).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(10);
    expect(answers.at(-1)).toEqual({ ok: false, error: { kind: 'memory-budget', cap: 64 * 1024 } });
    expect(engine.listJobs('p0', 'movie', PAGE).ok).toBe(true);
    engine.reset();
    expect(engine.executeAlgorithm('p0', 'movie', big, JSON.parse(big)).ok).toBe(true);
  });
});
