import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_LIST } from '../../src/engine/algorithms.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { createManualClock } from '../../src/clocks.js';
import { createSpecValidator } from '../../src/spec/spec-validator.js';
import { listAll, listProblems, unwrap } from '../support/job-checks.js';

const validator = createSpecValidator();
const GRAPHS = ['movie', 'social_network'] as const;
const PROJECTS = ['p1', 'p2'] as const;

const vertex = fc.oneof(fc.constantFrom('46', '38', '0000', 'user_12', '3001', '1'), fc.integer({ min: 1, max: 3000 }).map(String));
const operation = fc.oneof(
  fc.record({ op: fc.constant('advance' as const), ms: fc.oneof(fc.constantFrom(0, 1, 999, 1_000), fc.integer({ min: 0, max: 600_000 })) }),
  fc.record({
    op: fc.constant('submit' as const),
    algorithm: fc.constantFrom(...ALGORITHM_LIST.map((a) => a.name), '', 'k_core'),
    parameters: fc.record({ source: vertex, target: vertex, sources: vertex, k: fc.integer({ min: -1, max: 120 }) }, { requiredKeys: [] }),
  }),
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('status' as const),
    pick: fc.nat(),
    limit: fc.integer({ min: 0, max: 50 }),
    offset: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({ op: fc.constant('page' as const), limit: fc.integer({ min: 0, max: 30 }), offset: fc.integer({ min: 0, max: 60 }) }),
);
const step = fc.record({ project: fc.constantFrom(...PROJECTS), graph: fc.constantFrom(...GRAPHS), action: operation });

describe('engine properties', () => {
  it('keeps every emitted job schema-valid and every invariant, over seeds, clock steps and operations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 35 }),
        fc.array(step, { minLength: 1, maxLength: 25 }),
        (seed, jobsPerGraph, maxJobsPerGraph, steps) => {
          const clock = createManualClock();
          const engine = createEngine({ clock, seed, jobsPerGraph, maxJobsPerGraph });
          const cap = Math.max(jobsPerGraph, maxJobsPerGraph);
          for (const { project, graph, action } of steps) {
            const before = listAll(engine, project, graph);
            switch (action.op) {
              case 'advance':
                clock.advance(action.ms);
                break;
              case 'submit': {
                const request = { algorithmName: action.algorithm, parameters: action.parameters };
                const raw = JSON.stringify(request);
                const result = engine.executeAlgorithm(project, graph, raw, request);
                const after = listAll(engine, project, graph);
                if (result.ok) {
                  const created = after.jobs.find((j) => j.jobId === result.value.jobId)!;
                  expect(created.rawRequest).toBe(raw);
                  expect(created.startTime).toBe(after.jobs[0]!.startTime);
                  expect(after.jobCount).toBe(Math.min(before.jobCount + 1, cap));
                } else {
                  expect(['algorithm-name-empty', 'algorithm-failed-to-start', 'graph-full']).toContain(result.error.kind);
                  if (result.error.kind === 'graph-full')
                    expect(before.jobs.every((j) => j.status === 'pending' || j.status === 'running')).toBe(true);
                  expect(after.jobCount).toBe(before.jobCount);
                }
                break;
              }
              case 'cancel': {
                const target = before.jobs[action.pick % Math.max(1, before.jobs.length)];
                const result = engine.cancelJob(project, graph, target?.jobId ?? 'unknown');
                expect(result.ok).toBe(target?.canStop === true);
                if (target && result.ok) {
                  const after = listAll(engine, project, graph).jobs.find((j) => j.jobId === target.jobId)!;
                  expect(after).toMatchObject({ status: 'failed', canStop: false });
                }
                break;
              }
              case 'status': {
                const target = before.jobs[action.pick % Math.max(1, before.jobs.length)];
                if (!target) break;
                const body = unwrap(engine.getJobStatus(project, graph, target.jobId, { limit: action.limit, offset: action.offset }));
                expect(validator.validate('#/components/schemas/JobStatus', body)).toEqual([]);
                expect(body.status).toBe(target.status);
                break;
              }
              case 'page': {
                const page = unwrap(engine.listJobs(project, graph, { limit: action.limit, offset: action.offset }));
                expect(page.jobs).toEqual(before.jobs.slice(action.offset, action.offset + action.limit));
                expect(page.jobCount).toBe(before.jobCount);
                break;
              }
            }
            expect(listProblems(engine, project, graph)).toEqual([]);
            expect(listAll(engine, project, graph).jobCount).toBeLessThanOrEqual(cap);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives byte-identical lists for the same seed and the same operations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(step, { maxLength: 10 }), (seed, steps) => {
        const run = (): string => {
          const clock = createManualClock();
          const engine = createEngine({ clock, seed, jobsPerGraph: 15 });
          for (const { project, graph, action } of steps) {
            if (action.op === 'advance') clock.advance(action.ms);
            if (action.op === 'submit') {
              const request = { algorithmName: action.algorithm, parameters: action.parameters };
              engine.executeAlgorithm(project, graph, JSON.stringify(request), request);
            }
            if (action.op === 'cancel') {
              const jobs = listAll(engine, project, graph).jobs;
              engine.cancelJob(project, graph, jobs[action.pick % Math.max(1, jobs.length)]?.jobId ?? 'x');
            }
          }
          return JSON.stringify([PROJECTS.map((p) => GRAPHS.map((g) => listAll(engine, p, g))), engine.state()]);
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 15 },
    );
  });
});
