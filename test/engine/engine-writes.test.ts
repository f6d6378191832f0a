import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Change, Engine } from '../../src/engine/engine-types.js';

const PAGE = { limit: 1000, offset: 0 };
const request = { algorithmName: 'pagerank', parameters: { alpha: 0.85 } };
const body = JSON.stringify(request);
const big = JSON.stringify({ ...request, padding: 'x'.repeat(8 * 1024) });

/** Every list of every graph of these worlds, as text. */
const listsOf = (engine: Engine, worlds: readonly string[]) =>
  JSON.stringify(worlds.map((world) => engine.state().graphNames.map((graph) => engine.listJobs(world, graph, PAGE))));

describe('engine writes', () => {
  it('answers each submission and cancellation with its change, and undoing them restores the lists and the bytes exactly', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 5, maxJobsPerGraph: 5 });
    const before = listsOf(engine, ['p']);
    const submitted = engine.executeAlgorithm('p', 'movie', body, request);
    if (!submitted.ok) throw new Error(submitted.error.kind);
    expect(submitted.change).toMatchObject({ kind: 'submit', world: 'p', graph: 'movie', evicted: [expect.any(String)] });
    expect(engine.storedBytes).toBeGreaterThan(0);
    const cancelled = engine.cancelJob('p', 'movie', submitted.value.jobId);
    if (!cancelled.ok) throw new Error(cancelled.error.kind);
    expect(cancelled.change).toMatchObject({ kind: 'cancel', jobId: submitted.value.jobId, at: clock.now() });
    cancelled.undo();
    submitted.undo();
    expect(listsOf(engine, ['p'])).toBe(before);
    expect(engine.storedBytes).toBe(0);
  });

  it('undoes a reset back to the state before it', () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 3 });
    expect(engine.executeAlgorithm('p', 'movie', body, request).ok).toBe(true);
    const before = listsOf(engine, ['p']);
    const reset = engine.reset({ seed: 9 });
    if (!reset.ok) throw new Error(reset.error.kind);
    expect(listsOf(engine, ['p'])).not.toBe(before);
    reset.undo();
    expect(listsOf(engine, ['p'])).toBe(before);
    expect(engine.state().seed).toBe(1);
  });

  it('makes another engine the same by applying its changes: the same lists, the same bytes', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 4, maxJobsPerGraph: 6 });
    const changes: Change[] = [];
    const keep = <T>(write: { ok: true; change: Change; value: T } | { ok: false }) => {
      if (write.ok) changes.push(write.change);
      return write;
    };
    const first = keep(engine.executeAlgorithm('a', 'movie', body, request));
    keep(engine.advance(60_000, 'b'));
    keep(engine.executeAlgorithm('b', 'movie', big, JSON.parse(big)));
    keep(
      engine.loadFixtures(
        { extraJobFields: ['jobName'], graphs: { movie: { jobs: [{ status: 'failed', jobName: 'nightly' }] } } },
        { world: 'c' },
      ),
    );
    keep(engine.setFaults({ nextFailures: { count: 1, status: 503 } }, 'a'));
    if (first.ok) keep(engine.cancelJob('a', 'movie', first.value.jobId));
    clock.advance(5_000);
    keep(engine.advance(1_000));
    keep(engine.reset({ world: 'b' }));

    const again = createEngine({ clock: createManualClock(), jobsPerGraph: 4, maxJobsPerGraph: 6 });
    again.restore(createEngine({ clock: createManualClock(), jobsPerGraph: 4, maxJobsPerGraph: 6 }).dump());
    for (const change of changes) expect(again.apply(change).ok).toBe(true);
    const worlds = ['a', 'b', 'c'];
    const at = (e: Engine) => worlds.map((world) => [world, e.now(world) - e.now()]);
    expect(at(again)).toEqual(at(engine));
    expect(again.storedBytes).toBe(engine.storedBytes);
    expect(again.faults('a').config()).toEqual(engine.faults('a').config());
    expect(again.snapshot('c').extraJobFields).toEqual(['jobName']);
  });

  it('refuses submissions past the memory budget of the whole engine, keeps answering reads, and takes them again after a reset', () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 3, maxStoredBytes: 64 * 1024 });
    const answers = Array.from({ length: 10 }, (_, i) => engine.executeAlgorithm(`p${i}`, 'movie', big, JSON.parse(big)));
    const accepted = answers.filter((answer) => answer.ok).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(10);
    expect(answers.at(-1)).toEqual({ ok: false, error: { kind: 'memory-budget', cap: 64 * 1024 } });
    expect(engine.listJobs('p0', 'movie', PAGE).ok).toBe(true);
    engine.reset();
    expect(engine.executeAlgorithm('p0', 'movie', big, JSON.parse(big)).ok).toBe(true);
  });

  it("gives a world's bytes back when that world is reset or given new fixtures, so a new project fits again", () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 3, maxStoredBytes: 64 * 1024 });
    while (engine.executeAlgorithm('full', 'movie', big, JSON.parse(big)).ok);
    expect(engine.executeAlgorithm('newcomer', 'movie', big, JSON.parse(big))).toMatchObject({
      ok: false,
      error: { kind: 'memory-budget' },
    });
    expect(engine.reset({ world: 'full' }).ok).toBe(true);
    expect(engine.storedBytes).toBe(0);
    expect(engine.executeAlgorithm('newcomer', 'movie', big, JSON.parse(big)).ok).toBe(true);
    while (engine.executeAlgorithm('newcomer', 'movie', big, JSON.parse(big)).ok);
    expect(engine.loadFixtures({ graphs: { movie: { jobs: [{ status: 'success' }] } } }, { world: 'newcomer' }).ok).toBe(true);
    expect(engine.executeAlgorithm('third', 'movie', big, JSON.parse(big)).ok).toBe(true);
  });
});
