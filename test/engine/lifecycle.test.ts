import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { createManualClock } from '../../src/clocks.js';
import type { Job } from '../../src/types.js';
import { jobProblems, listAll, listProblems, valueOf } from './job-invariants.js';

const PROJECT = 'p1';
const find = (jobs: Job[], jobId: string): Job => jobs.find((j) => j.jobId === jobId)!;

describe('job lifecycle in virtual time', () => {
  it('takes a submitted pagerank from pending through running with rising progress to success', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const body = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';
    const { jobId } = valueOf(engine.executeAlgorithm(PROJECT, 'movie', body, JSON.parse(body)));
    const seen: Job[] = [];
    const statuses = new Set<string>();
    for (let step = 0; step < 800; step++) {
      const job = find(listAll(engine, PROJECT, 'movie').jobs, jobId);
      expect(jobProblems(job)).toEqual([]);
      seen.push(job);
      statuses.add(job.status);
      if (job.status === 'success') break;
      clock.advance(1_000);
    }
    expect([...statuses]).toEqual(['pending', 'running', 'success']);
    const progress = seen.map((j) => Number(j.progress));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen[0]).toMatchObject({ status: 'pending', progress: '0', canStop: true });
    expect(seen.at(-1)).toMatchObject({ status: 'success', progress: '100', canStop: false });
    // Durations of tens of seconds to minutes, as pagerank runs.
    expect(seen.length).toBeGreaterThan(15);
  });

  it('finishes a shortest_path within seconds', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const body = '{"algorithmName":"shortest_path","parameters":{"source":"46","target":"38"}}';
    const { jobId } = valueOf(engine.executeAlgorithm(PROJECT, 'movie', body, JSON.parse(body)));
    clock.advance(6_000);
    expect(find(listAll(engine, PROJECT, 'movie').jobs, jobId)).toMatchObject({ status: 'success', progress: '100', canStop: false });
  });

  it('keeps every job of every graph valid at every step while seeded jobs finish', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 80 });
    const inFlight = (): number => listAll(engine, PROJECT, 'movie').jobs.filter((j) => j.status === 'pending' || j.status === 'running').length;
    expect(inFlight()).toBeGreaterThan(0);
    for (const step of [0, 500, 5_000, 30_000, 120_000, 600_000, 3_600_000]) {
      clock.advance(step);
      for (const graph of ['movie', 'social_network', 'supply_chain']) expect(listProblems(engine, PROJECT, graph)).toEqual([]);
    }
    expect(inFlight()).toBe(0);
  });

  it('keeps the file statistics of every seeded import consistent: [] while pending, counts adding up', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 2000 });
    const imports = ['movie', 'social_network', 'supply_chain']
      .flatMap((g) => listAll(engine, PROJECT, g).jobs)
      .filter((j) => j.taskType === 'ImportGraph');
    expect(imports.length).toBeGreaterThan(100);
    for (const job of imports) {
      if (job.status === 'pending') expect(job.files).toEqual([]);
      else expect(job.files!.length).toBeGreaterThan(0);
      expect(jobProblems(job)).toEqual([]);
    }
  });

  it('derives status from the clock on every read, without timers', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const before = JSON.stringify(listAll(engine, PROJECT, 'movie'));
    expect(JSON.stringify(listAll(engine, PROJECT, 'movie'))).toBe(before);
    clock.advance(3_600_000);
    expect(JSON.stringify(listAll(engine, PROJECT, 'movie'))).not.toBe(before);
  });
});
