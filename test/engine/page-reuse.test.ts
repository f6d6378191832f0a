import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Job } from '../../src/types.js';
import { unwrap } from '../support/job-checks.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const page = { limit: 3, offset: 0 };

/** Tries to change what a caller was handed; whatever it manages must not reach anyone else. */
function tamper(jobs: Job[]): void {
  const attempts = [
    () => jobs.push(jobs[0]!),
    () => jobs.splice(0, 1),
    () => Object.assign(jobs[0]!, { status: 'tampered', jobId: 'tampered' }),
  ];
  for (const attempt of attempts) {
    try {
      attempt();
    } catch {
      // refused: as good as ignored
    }
  }
}

describe('a page asked again at the same instant', () => {
  it('is the same page, and nothing a caller does to one answer reaches the next', () => {
    const engine = createEngine({ clock: createManualClock() });
    const first = unwrap(engine.listJobs(PROJECT, 'movie', page)).jobs;
    const copy = structuredClone(first);
    tamper(first);
    const again = unwrap(engine.listJobs(PROJECT, 'movie', page)).jobs;
    expect(again).toEqual(copy);
    expect(unwrap(engine.listJobs('anotherProject', 'movie', page)).jobs).toEqual(copy);
  });

  it('shows the change once time moves, for another page, or after a submission or a cancel', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const list = () => unwrap(engine.listJobs(PROJECT, 'movie', page)).jobs;
    const before = structuredClone(list());
    const running = before.findIndex((job) => job.status === 'running');
    clock.advance(60_000);
    const later = list();
    if (running >= 0) expect(later[running]!.progress).not.toBe(before[running]!.progress);
    expect(unwrap(engine.listJobs(PROJECT, 'movie', { limit: 3, offset: 1 })).jobs[0]).toEqual(later[1]);

    const raw = JSON.stringify({
      algorithmName: 'pagerank',
      parameters: { alpha: 0.85, convergence: 0.00001, max_iterations: 1000, directed: true },
    });
    const { jobId } = unwrap(engine.executeAlgorithm(PROJECT, 'movie', raw, JSON.parse(raw)));
    const afterSubmit = list();
    expect(afterSubmit[0]!.jobId).toBe(jobId);
    expect(afterSubmit[0]!.status).toBe('pending');
    expect(unwrap(engine.cancelJob(PROJECT, 'movie', jobId))).toEqual({});
    expect(list()[0]).toMatchObject({ jobId, status: 'failed', canStop: false });
  });
});
