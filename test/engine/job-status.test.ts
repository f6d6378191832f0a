import { describe, expect, it } from 'vitest';
import { ALGORITHM_LIST } from '../../src/engine/algorithms.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { createManualClock } from '../../src/clocks.js';
import { createSpecValidator } from '../../src/spec/spec-validator.js';
import { listAll, unwrap } from '../support/job-checks.js';

const PROJECT = 'p1';
const validator = createSpecValidator();

function finishedJob(raw: string) {
  const clock = createManualClock();
  const engine = createEngine({ clock });
  const { jobId } = unwrap(engine.executeAlgorithm(PROJECT, 'movie', raw, JSON.parse(raw)));
  clock.advance(3_600_000);
  return {
    engine,
    jobId,
    status: (limit: number, offset: number) => unwrap(engine.getJobStatus(PROJECT, 'movie', jobId, { limit, offset })),
  };
}

describe('single job status', () => {
  it('returns a shortest_path result with path, source and target, as the GES example does', () => {
    const { status } = finishedJob('{"algorithmName":"shortest_path","parameters":{"source":"46","target":"78"}}');
    const body = status(100, 0);
    expect(body).toMatchObject({ status: 'success', result: 'success', data: { outputs: { source: '46', target: '78', data_offset: 0 } } });
    const outputs = body.data!.outputs as unknown as { path: string[]; data_return_size: number; data_total_size: number };
    expect(outputs.path[0]).toBe('46');
    expect(outputs.path.at(-1)).toBe('78');
    expect(outputs.data_return_size).toBe(outputs.path.length);
    expect(outputs.data_total_size).toBe(outputs.path.length);
  });

  it('pages a pagerank result by limit and offset, with the counters, the same every time', () => {
    const { status } = finishedJob('{"algorithmName":"pagerank","parameters":{"alpha":0.85}}');
    const all = status(100_000, 0).data!.outputs as unknown as { pagerank: Record<string, number>[]; data_total_size: number };
    expect(all.data_total_size).toBe(3000);
    expect(all.pagerank).toHaveLength(3000);
    expect(new Set(all.pagerank.map((e) => Object.keys(e)[0])).size).toBe(3000);
    const page = status(10, 20).data!.outputs as unknown as { pagerank: unknown[]; data_return_size: number; data_offset: number };
    expect(page).toMatchObject({ data_return_size: 10, data_offset: 20, data_total_size: 3000 });
    expect(page.pagerank).toEqual(all.pagerank.slice(20, 30));
    expect(status(10, 20)).toEqual(status(10, 20));
    expect(status(10, 5000).data!.outputs).toMatchObject({ pagerank: [], data_return_size: 0, data_offset: 5000 });
    expect(status(0, 0).data!.outputs).toMatchObject({ pagerank: [], data_return_size: 0 });
  });

  it('answers with the status only while the job runs', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const { jobId } = unwrap(engine.executeAlgorithm(PROJECT, 'movie', '{"algorithmName":"louvain"}', { algorithmName: 'louvain' }));
    expect(unwrap(engine.getJobStatus(PROJECT, 'movie', jobId, { limit: 1, offset: 0 }))).toEqual({
      status: 'pending',
      result: 'success',
    });
    clock.advance(10_000);
    expect(unwrap(engine.getJobStatus(PROJECT, 'movie', jobId, { limit: 1, offset: 0 }))).toEqual({
      status: 'running',
      result: 'success',
    });
  });

  it('gives every documented algorithm a result that matches the JobStatus schema', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const ids = ALGORITHM_LIST.map((spec) => {
      const parameters: Record<string, unknown> = { source: '46', target: '38', sources: '1,2', targets: '3,4', k: 2 };
      const raw = JSON.stringify({ algorithmName: spec.name, parameters });
      return unwrap(engine.executeAlgorithm(PROJECT, 'movie', raw, JSON.parse(raw))).jobId;
    });
    clock.advance(3_600_000);
    for (const jobId of ids) {
      const body = unwrap(engine.getJobStatus(PROJECT, 'movie', jobId, { limit: 5, offset: 0 }));
      expect(body.status).toBe('success');
      expect(validator.validate('#/components/schemas/JobStatus', body)).toEqual([]);
      expect(body.data!.outputs).toHaveProperty('data_total_size');
    }
  });

  it('reports the status of every seeded job consistently with the list', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 200 });
    for (const job of listAll(engine, PROJECT, 'supply_chain').jobs) {
      const body = unwrap(engine.getJobStatus(PROJECT, 'supply_chain', job.jobId, { limit: 3, offset: 0 }));
      expect(validator.validate('#/components/schemas/JobStatus', body)).toEqual([]);
      expect(body.status).toBe(job.status);
      if (job.status === 'failed') expect(body.errorMessage).toBe(job.failReason);
      if (job.status === 'success') expect(body.data).toBeDefined();
      else expect(body.data).toBeUndefined();
    }
  });

  it('answers job-not-found for an id the graph does not hold, and graph-not-found first', () => {
    const engine = createEngine({ clock: createManualClock() });
    const id = '0ebb322076be429359b721c46fde16ff00003824890901';
    expect(engine.getJobStatus(PROJECT, 'movie', id, { limit: 1, offset: 0 })).toEqual({
      ok: false,
      error: { kind: 'job-not-found', jobId: id },
    });
    const seeded = listAll(engine, PROJECT, 'movie').jobs[0]!.jobId;
    expect(engine.getJobStatus(PROJECT, 'social_network', seeded, { limit: 1, offset: 0 }).ok).toBe(false);
    expect(engine.getJobStatus(PROJECT, 'nograph', seeded, { limit: 1, offset: 0 })).toEqual({
      ok: false,
      error: { kind: 'graph-not-found', graph: 'nograph' },
    });
  });
});
