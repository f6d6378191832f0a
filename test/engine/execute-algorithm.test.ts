import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { createManualClock } from '../../src/clocks.js';
import type { AlgorithmRequest } from '../../src/types.js';
import { jobProblems, listAll, unwrap } from '../support/job-checks.js';

const PROJECT = 'p1';
const submit = (engine: ReturnType<typeof createEngine>, raw: string, graph = 'movie') =>
  engine.executeAlgorithm(PROJECT, graph, raw, JSON.parse(raw) as AlgorithmRequest);

describe('executing an algorithm', () => {
  it('lists the new job first, as an Algorithm with the body byte for byte as rawRequest', () => {
    const engine = createEngine({ clock: createManualClock() });
    const raw = '{ "algorithmName" : "shortest_path",\n  "parameters": {"source":"46","target":"38"}, "extra": [1, 2.50] }';
    const created = unwrap(submit(engine, raw));
    expect(created.jobType).toBe(1);
    expect(created.jobId).toMatch(/^[0-9a-f-]{36}\d{9}$/);
    const { jobs, jobCount } = listAll(engine, PROJECT, 'movie');
    expect(jobCount).toBe(61);
    expect(jobs[0]).toMatchObject({ jobId: created.jobId, rawRequest: raw, taskType: 'Algorithm', status: 'pending', progress: '0' });
    expect(jobs[0]!.jobId.slice(36)).toBe(jobs[1]!.jobId.slice(36));
    expect(jobProblems(jobs[0]!)).toEqual([]);
  });

  it('keeps each project’s submissions to itself', () => {
    const engine = createEngine({ clock: createManualClock() });
    unwrap(submit(engine, '{"algorithmName":"pagerank"}'));
    expect(listAll(engine, 'otherProject', 'movie').jobCount).toBe(60);
    expect(listAll(engine, PROJECT, 'social_network').jobCount).toBe(60);
  });

  it('puts several submissions in the same second in jobId order, all before older jobs', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const ids = Array.from({ length: 6 }, () => unwrap(submit(engine, '{"algorithmName":"triangle_count"}')).jobId);
    const top = listAll(engine, PROJECT, 'movie')
      .jobs.slice(0, 6)
      .map((j) => j.jobId);
    expect(top).toEqual([...ids].sort());
    clock.advance(1_000);
    const next = unwrap(submit(engine, '{"algorithmName":"triangle_count"}')).jobId;
    expect(listAll(engine, PROJECT, 'movie').jobs[0]!.jobId).toBe(next);
  });

  it('accepts an unknown vertex and fails the job later with the GES reason', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const { jobId } = unwrap(submit(engine, '{"algorithmName":"shortest_path","parameters":{"source":"0000","target":"38"}}'));
    const good = unwrap(submit(engine, '{"algorithmName":"shortest_path","parameters":{"source":"46","target":"38"}}')).jobId;
    clock.advance(10_000);
    const jobs = listAll(engine, PROJECT, 'movie').jobs;
    expect(jobs.find((j) => j.jobId === jobId)).toMatchObject({
      status: 'failed',
      failReason: 'Running algorithm [shortest_path] error: parameter [source] is invalid!',
      canStop: false,
    });
    expect(jobs.find((j) => j.jobId === good)).toMatchObject({ status: 'success' });
  });

  it('names the invalid parameter: target, k out of range, a set with a missing id', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const cases: [string, string][] = [
      [
        '{"algorithmName":"shortest_path","parameters":{"source":"46","target":"99999"}}',
        'Running algorithm [shortest_path] error: parameter [target] is invalid!',
      ],
      ['{"algorithmName":"k_hop","parameters":{"k":101,"source":"46"}}', 'Running algorithm [k_hop] error: parameter [k] is invalid!'],
      [
        '{"algorithmName":"realtime_recommendation","parameters":{"sources":"1,2,user_3"}}',
        'Running algorithm [realtime_recommendation] error: parameter [sources] is invalid!',
      ],
      [
        '{"algorithmName":"personalrank","parameters":{"source":"user_12"}}',
        'Running algorithm [personalrank] error: parameter [source] is invalid!',
      ],
    ];
    const ids = cases.map(([raw]) => unwrap(submit(engine, raw)).jobId);
    clock.advance(10_000);
    cases.forEach(([, reason], i) => {
      expect(unwrap(engine.getJobStatus(PROJECT, 'movie', ids[i]!, { limit: 10, offset: 0 }))).toEqual({
        status: 'failed',
        errorMessage: reason,
        result: 'success',
      });
    });
  });

  it('ignores a parameter the algorithm does not take', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const { jobId } = unwrap(submit(engine, '{"algorithmName":"pagerank","parameters":{"k":-1,"source":"0000"}}'));
    clock.advance(3_600_000);
    expect(unwrap(engine.getJobStatus(PROJECT, 'movie', jobId, { limit: 1, offset: 0 })).status).toBe('success');
  });

  it('uses each graph’s own vertex ids', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const ok = unwrap(submit(engine, '{"algorithmName":"closeness","parameters":{"source":"user_12"}}', 'social_network')).jobId;
    const bad = unwrap(submit(engine, '{"algorithmName":"closeness","parameters":{"source":"12"}}', 'social_network')).jobId;
    clock.advance(60_000);
    const jobs = listAll(engine, PROJECT, 'social_network').jobs;
    expect(jobs.find((j) => j.jobId === ok)!.status).toBe('success');
    expect(jobs.find((j) => j.jobId === bad)!.status).toBe('failed');
  });

  it('refuses an empty or missing algorithmName', () => {
    const engine = createEngine({ clock: createManualClock() });
    for (const request of [{}, { algorithmName: '' }, { algorithmName: '   ' }, { algorithmName: null }] as unknown as AlgorithmRequest[]) {
      expect(engine.executeAlgorithm(PROJECT, 'movie', JSON.stringify(request), request)).toEqual({
        ok: false,
        error: { kind: 'algorithm-name-empty' },
      });
    }
  });

  it('refuses an unknown algorithm or a missing required parameter with a clear reason', () => {
    const engine = createEngine({ clock: createManualClock() });
    const cases: [string, string, string][] = [
      ['{"algorithmName":"k_core","parameters":{"k":3}}', 'k_core', 'unknown algorithm.'],
      ['{"algorithmName":"shortest_path","parameters":{"source":"46"}}', 'shortest_path', 'parameter [target] is required.'],
      ['{"algorithmName":"k_hop","parameters":{"source":"46"}}', 'k_hop', 'parameter [k] is required.'],
      ['{"algorithmName":"kcore"}', 'kcore', 'parameter [k] is required.'],
      ['{"algorithmName":"personalrank","parameters":{"source":""}}', 'personalrank', 'parameter [source] is required.'],
      ['{"algorithmName":"pagerank","parameters":[1]}', 'pagerank', 'parameters must be a JSON object.'],
      ['{"algorithmName":7}', '7', 'algorithmName must be a string.'],
    ];
    for (const [raw, algorithmName, reason] of cases) {
      expect(submit(engine, raw)).toEqual({ ok: false, error: { kind: 'algorithm-failed-to-start', algorithmName, reason } });
    }
    expect(listAll(engine, PROJECT, 'movie').jobCount).toBe(60);
  });

  it('answers graph-not-found before looking at the body', () => {
    const engine = createEngine({ clock: createManualClock() });
    expect(submit(engine, '{}', 'nograph')).toEqual({ ok: false, error: { kind: 'graph-not-found', graph: 'nograph' } });
  });

  it('does not keep a reference to the caller’s request object', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const request = { algorithmName: 'shortest_path', parameters: { source: '46', target: '38' } };
    const { jobId } = unwrap(engine.executeAlgorithm(PROJECT, 'movie', JSON.stringify(request), request));
    request.parameters.source = '0000';
    clock.advance(10_000);
    expect(unwrap(engine.getJobStatus(PROJECT, 'movie', jobId, { limit: 10, offset: 0 })).status).toBe('success');
  });
});
