import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { createManualClock } from '../../src/clocks.js';
import { listAll, listProblems, orderProblems, unwrap } from '../support/job-checks.js';

const PROJECT = '0123456789abcdef0123456789abcdef';

describe('listing jobs', () => {
  it('serves the three default graphs with 60 seeded jobs each to any project', () => {
    const engine = createEngine({ clock: createManualClock() });
    for (const graph of ['movie', 'social_network', 'supply_chain']) {
      const { jobs, jobCount } = listAll(engine, PROJECT, graph);
      expect(jobCount).toBe(60);
      expect(jobs).toHaveLength(60);
      expect(listAll(engine, 'anotherProject42', graph).jobs).toEqual(jobs);
    }
  });

  it('answers graph-not-found for a graph that is not configured', () => {
    const engine = createEngine({ clock: createManualClock() });
    expect(engine.listJobs(PROJECT, 'movidde', { limit: 10, offset: 0 })).toEqual({
      ok: false,
      error: { kind: 'graph-not-found', graph: 'movidde' },
    });
    expect(createEngine({ clock: createManualClock(), graphs: ['only_this'] }).listJobs(PROJECT, 'movie', { limit: 1, offset: 0 }).ok).toBe(
      false,
    );
  });

  it('emits only jobs that match the spec schema and the list invariants', () => {
    const engine = createEngine({ clock: createManualClock(), seed: 7 });
    for (const graph of ['movie', 'social_network', 'supply_chain']) expect(listProblems(engine, PROJECT, graph)).toEqual([]);
  });

  it('seeds a realistic mix: mostly successful algorithms, some imports, failures with reasons, a few in flight', () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 400 });
    const { jobs } = listAll(engine, PROJECT, 'movie');
    const count = (pred: (j: (typeof jobs)[number]) => boolean): number => jobs.filter(pred).length;
    expect(count((j) => j.taskType === 'Algorithm')).toBeGreaterThan(jobs.length * 0.6);
    expect(count((j) => j.taskType === 'ImportGraph')).toBeGreaterThan(10);
    expect(count((j) => j.status === 'success')).toBeGreaterThan(jobs.length * 0.6);
    expect(count((j) => j.status === 'failed')).toBeGreaterThan(5);
    expect(count((j) => j.status === 'running')).toBeGreaterThan(0);
    expect(count((j) => j.status === 'pending')).toBeGreaterThan(0);
    expect(jobs.some((j) => /^Running algorithm \[\w+\] error: parameter \[\w+\] is invalid!$/.test(j.failReason ?? ''))).toBe(true);
    expect(jobs.some((j) => j.taskType === 'ImportGraph' && j.rawRequest === '')).toBe(true);
    const imported = jobs.find((j) => j.taskType === 'ImportGraph' && j.rawRequest !== '')!;
    expect(JSON.parse(imported.rawRequest)).toMatchObject({ graphName: 'movie', delimiter: ',', vertexsetFormat: 'csv' });
    // Every job of a graph shares the nine-digit suffix.
    expect(new Set(jobs.map((j) => j.jobId.slice(36))).size).toBe(1);
  });

  it('sends algorithm rawRequests as execute-algorithm bodies with documented names and parameters', () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 300 });
    for (const job of listAll(engine, PROJECT, 'movie').jobs.filter((j) => j.taskType === 'Algorithm')) {
      const body = JSON.parse(job.rawRequest) as { algorithmName: string; parameters: Record<string, unknown> };
      expect(Object.keys(body)).toEqual(['algorithmName', 'parameters']);
      if (body.algorithmName === 'shortest_path') expect(body.parameters).toHaveProperty('target');
      if (body.algorithmName === 'k_hop') expect(body.parameters).toHaveProperty('k');
      if (body.algorithmName === 'pagerank') expect(body.parameters).toMatchObject({ alpha: 0.85, convergence: 0.00001 });
    }
  });

  it('orders jobs newest first and breaks same-second ties by jobId ascending', () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 3000 });
    const { jobs } = listAll(engine, PROJECT, 'social_network');
    expect(orderProblems(jobs)).toEqual([]);
    const ties = jobs.filter((j, i) => jobs[i + 1]?.startTime === j.startTime);
    expect(ties.length).toBeGreaterThan(0);
  });

  it('pages concatenate to the full list without overlap, whatever the page size', () => {
    const engine = createEngine({ clock: createManualClock(), jobsPerGraph: 250 });
    const full = listAll(engine, PROJECT, 'movie').jobs.map((j) => j.jobId);
    for (const limit of [1, 7, 60, 249, 250, 1000]) {
      const ids: string[] = [];
      for (let offset = 0; offset < full.length; offset += limit) {
        const page = unwrap(engine.listJobs(PROJECT, 'movie', { limit, offset }));
        expect(page.jobCount).toBe(250);
        expect(page.jobs.length).toBeLessThanOrEqual(limit);
        ids.push(...page.jobs.map((j) => j.jobId));
      }
      expect(ids).toEqual(full);
    }
  });

  it('gives an empty page past the end and for limit 0, still with the total', () => {
    const engine = createEngine({ clock: createManualClock() });
    expect(unwrap(engine.listJobs(PROJECT, 'movie', { limit: 10, offset: 60 }))).toEqual({ jobs: [], jobCount: 60 });
    expect(unwrap(engine.listJobs(PROJECT, 'movie', { limit: 10, offset: 2_147_483_647 }))).toEqual({ jobs: [], jobCount: 60 });
    expect(unwrap(engine.listJobs(PROJECT, 'movie', { limit: 0, offset: 0 }))).toEqual({ jobs: [], jobCount: 60 });
    expect(unwrap(engine.listJobs(PROJECT, 'movie', { limit: 5, offset: 58 })).jobs).toHaveLength(2);
  });

  it('shows a finished job the same in every project and at every later instant, whatever a caller did to it', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const first = listAll(engine, PROJECT, 'movie').jobs;
    const finished = first.findIndex((j) => j.status === 'success');
    const shown = structuredClone(first[finished]);
    try {
      Object.assign(first[finished]!, { status: 'tampered' });
    } catch {
      // refused: as good as ignored
    }
    clock.advance(86_400_000);
    expect(listAll(engine, 'otherProject', 'movie').jobs[finished]).toEqual(shown);
    expect(listAll(engine, PROJECT, 'movie').jobs[finished]).toEqual(shown);
  });

  it('writes times as yyyy-MM-dd HH:mm:ss in China time', () => {
    // 2024-05-23 10:00:00 +08:00: seeded jobs started shortly before.
    const engine = createEngine({ clock: createManualClock(Date.UTC(2024, 4, 23, 2, 0, 0)) });
    const newest = listAll(engine, PROJECT, 'movie').jobs[0]!;
    expect(newest.startTime).toMatch(/^2024-05-23 09:5\d:\d\d$/);
  });
});

describe('determinism', () => {
  const snapshot = (seed: number): string => {
    const engine = createEngine({ clock: createManualClock(), seed, jobsPerGraph: 200 });
    const lists = ['movie', 'social_network', 'supply_chain'].map((g) => listAll(engine, PROJECT, g));
    return JSON.stringify({ lists, state: engine.state() });
  };

  it('gives byte-identical state for the same seed', () => {
    expect(snapshot(42)).toBe(snapshot(42));
  });

  it('gives different jobs for a different seed', () => {
    expect(snapshot(42)).not.toBe(snapshot(43));
  });

  it('gives every project the same seeded jobs, whichever graph or project is touched first', () => {
    const a = createEngine({ clock: createManualClock() });
    const b = createEngine({ clock: createManualClock() });
    listAll(b, 'zzz', 'supply_chain');
    listAll(b, 'yyy', 'social_network');
    expect(JSON.stringify(listAll(b, PROJECT, 'movie'))).toBe(JSON.stringify(listAll(a, PROJECT, 'movie')));
  });

  it('builds the same jobs whichever page or job is read first', () => {
    const a = createEngine({ clock: createManualClock(), jobsPerGraph: 500 });
    const b = createEngine({ clock: createManualClock(), jobsPerGraph: 500 });
    const full = listAll(a, PROJECT, 'movie');
    const middle = full.jobs[321]!;
    // b finds one job by id and reads a late page before anything else.
    expect(unwrap(b.getJobStatus(PROJECT, 'movie', middle.jobId, { limit: 1, offset: 0 })).status).toBe(middle.status);
    expect(unwrap(b.listJobs(PROJECT, 'movie', { limit: 7, offset: 400 })).jobs).toEqual(full.jobs.slice(400, 407));
    expect(JSON.stringify(listAll(b, PROJECT, 'movie'))).toBe(JSON.stringify(full));
  });

  it('reseeds on reset, with a new seed when given', () => {
    const engine = createEngine({ clock: createManualClock(), seed: 5 });
    const before = JSON.stringify(listAll(engine, PROJECT, 'movie'));
    unwrap(engine.executeAlgorithm(PROJECT, 'movie', '{"algorithmName":"pagerank"}', { algorithmName: 'pagerank' }));
    engine.reset();
    expect(JSON.stringify(listAll(engine, PROJECT, 'movie'))).toBe(before);
    engine.reset({ seed: 6 });
    expect(engine.state().seed).toBe(6);
    expect(JSON.stringify(listAll(engine, PROJECT, 'movie'))).not.toBe(before);
  });
});
