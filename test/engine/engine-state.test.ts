import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { createManualClock } from '../../src/clocks.js';
import { listAll, unwrap } from '../support/job-checks.js';

describe('engine state', () => {
  it('lists each created store with its counts by status, the clock, the seed and the profile', () => {
    const clock = createManualClock(1_716_429_600_000);
    const engine = createEngine({ clock, seed: 9 });
    expect(engine.state()).toEqual({
      now: 1_716_429_600_000,
      seed: 9,
      profile: 'memory-2.2.13',
      projects: 0,
      worlds: [],
      graphNames: ['movie', 'social_network', 'supply_chain'],
      graphs: [],
      faults: {},
    });
    const { jobs } = listAll(engine, 'p1', 'movie');
    listAll(engine, 'p2', 'movie');
    unwrap(engine.executeAlgorithm('p2', 'social_network', '{"algorithmName":"pagerank"}', { algorithmName: 'pagerank' }));
    const state = engine.state();
    expect(state.projects).toBe(2);
    expect(state.worlds).toEqual(['p1', 'p2']);
    expect(state.graphs.map((g) => [g.project, g.graph, g.jobCount])).toEqual([
      ['p1', 'movie', 60],
      ['p2', 'movie', 60],
      ['p2', 'social_network', 61],
    ]);
    const expected: Record<string, number> = { pending: 0, running: 0, success: 0, failed: 0 };
    for (const job of jobs) expected[job.status]! += 1;
    expect(state.graphs[0]!.byStatus).toEqual(expected);
    expect(state.graphs[1]!.byStatus).toEqual(expected);
  });

  it('counts statuses of unread seeded jobs exactly as the list shows them once read', () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 2000, seed: 3 });
    unwrap(engine.listJobs('p1', 'supply_chain', { limit: 1, offset: 0 }));
    const counted = engine.state().graphs[0]!.byStatus;
    const expected: Record<string, number> = { pending: 0, running: 0, success: 0, failed: 0 };
    for (const job of listAll(engine, 'p1', 'supply_chain').jobs) expected[job.status]! += 1;
    expect(counted).toEqual(expected);
    expect(expected['failed']).toBeGreaterThan(100);
  });

  it('drops every store on reset', () => {
    const engine = createEngine({ clock: createManualClock() });
    listAll(engine, 'p1', 'movie');
    engine.reset();
    expect(engine.state().graphs).toEqual([]);
  });
});
