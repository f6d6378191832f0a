/**
 * Job lifecycles (src/engine/job-lifecycle.ts): jobs in virtual time through the engine, and one
 * import's plan viewed at each instant.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { CANCELLED_REASON, viewJob, type JobPlan } from '../../src/engine/job-lifecycle.js';
import { createManualClock } from '../../src/clocks.js';
import type { Job } from '../../src/types.js';
import { jobProblems, listAll, listProblems, unwrap } from '../support/job-checks.js';

const PROJECT = 'p1';
const find = (jobs: Job[], jobId: string): Job => jobs.find((j) => j.jobId === jobId)!;

describe('job lifecycle in virtual time', () => {
  it('takes a submitted pagerank from pending through running with rising progress to success', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const body = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';
    const { jobId } = unwrap(engine.executeAlgorithm(PROJECT, 'movie', body, JSON.parse(body)));
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
    const { jobId } = unwrap(engine.executeAlgorithm(PROJECT, 'movie', body, JSON.parse(body)));
    clock.advance(6_000);
    expect(find(listAll(engine, PROJECT, 'movie').jobs, jobId)).toMatchObject({ status: 'success', progress: '100', canStop: false });
  });

  it('keeps every job of every graph valid at every step while seeded jobs finish', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 80 });
    const inFlight = (): number =>
      listAll(engine, PROJECT, 'movie').jobs.filter((j) => j.status === 'pending' || j.status === 'running').length;
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

const START = Date.UTC(2024, 4, 23, 1, 33, 21); // 09:33:21 China time
const importPlan = (): JobPlan => ({
  jobId: 'cef6ae30-f21b-4a2a-a83c-cf91bee679d9001680206',
  taskType: 'ImportGraph',
  rawRequest: '',
  cancellable: true,
  startMs: START,
  startSec: START / 1000,
  runAtMs: START + 1_000,
  endMs: START + 11_000,
  failReason: undefined,
  failProgress: 100,
  algorithm: undefined,
  parameters: undefined,
  files: [
    {
      group: 'schemaFiles',
      fileName: '/data/schema.xml',
      total: 49,
      failed: 0,
      startUs: (START + 1_000) * 1000,
      endUs: (START + 2_000) * 1000,
    },
    {
      group: 'vertexFiles',
      fileName: '/data/movies_vertex.csv',
      total: 146,
      failed: 0,
      startUs: (START + 2_000) * 1000,
      endUs: (START + 4_000) * 1000,
    },
    {
      group: 'edgeFiles',
      fileName: '/data/ranking_edge.csv',
      total: 1659,
      failed: 12,
      startUs: (START + 4_000) * 1000,
      endUs: (START + 10_000) * 1000,
    },
  ],
});

describe('an import job over time', () => {
  it('has files [] while pending', () => {
    const job = viewJob(importPlan(), START + 500);
    expect(job).toMatchObject({ status: 'pending', progress: '0', files: [], canStop: true });
    expect(jobProblems(job)).toEqual([]);
  });

  it('lists only the files it has started, the current one running with partial counts', () => {
    const job = viewJob(importPlan(), START + 7_000);
    expect(job.status).toBe('running');
    expect(job.files).toEqual([
      {
        edgeFiles: [
          {
            fileName: '/data/ranking_edge.csv',
            totalLines: 1659,
            startTime: (START + 4_000) * 1000,
            successfulLines: 823,
            status: 'running',
            failedLines: 6,
          },
        ],
      },
      { vertexFiles: [expect.objectContaining({ totalLines: 146, successfulLines: 146, failedLines: 0, status: 'success' })] },
      { schemaFiles: [expect.objectContaining({ totalLabels: 49, successfulLabels: 49, failedLabels: 0, status: 'success' })] },
    ]);
    expect(jobProblems(job)).toEqual([]);
  });

  it('shows every file done once finished, in the seed example’s key order', () => {
    const job = viewJob(importPlan(), START + 60_000);
    expect(job).toMatchObject({
      status: 'success',
      progress: '100',
      canStop: false,
      startTime: '2024-05-23 09:33:21',
      endTime: '2024-05-23 09:33:32',
    });
    expect(Object.keys(job.files![0]!.edgeFiles![0]!)).toEqual([
      'fileName',
      'totalLines',
      'startTime',
      'successfulLines',
      'endTime',
      'status',
      'failedLines',
    ]);
    expect(Object.keys(job.files![2]!.schemaFiles![0]!)).toEqual([
      'totalLabels',
      'fileName',
      'failedLabels',
      'startTime',
      'successfulLabels',
      'endTime',
      'status',
    ]);
    expect(jobProblems(job)).toEqual([]);
  });

  it('freezes file statistics at cancellation, the interrupted file failed with counts that add up', () => {
    const job = viewJob(importPlan(), START + 60_000, START + 7_000);
    expect(job).toMatchObject({ status: 'failed', failReason: CANCELLED_REASON, canStop: false, endTime: '2024-05-23 09:33:28' });
    const edge = job.files![0]!.edgeFiles![0]!;
    expect(edge.status).toBe('failed');
    expect(edge.successfulLines + edge.failedLines).toBe(edge.totalLines);
    expect(jobProblems(job)).toEqual([]);
  });
});
