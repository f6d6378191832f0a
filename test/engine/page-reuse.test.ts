import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { unwrap } from '../support/job-checks.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const page = { limit: 3, offset: 0 };

describe('a page asked again at the same instant', () => {
  it('is the same frozen array while nothing changed, so it can be serialised once', () => {
    const engine = createEngine({ clock: createManualClock() });
    const first = unwrap(engine.listJobs(PROJECT, 'movie', page)).jobs;
    const again = unwrap(engine.listJobs(PROJECT, 'movie', page)).jobs;
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('is built anew once time moves, for another page, or after a submission or a cancel', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    const list = () => unwrap(engine.listJobs(PROJECT, 'movie', page)).jobs;
    const before = list();
    clock.advance(1);
    const later = list();
    expect(later).not.toBe(before);
    expect(unwrap(engine.listJobs(PROJECT, 'movie', { limit: 3, offset: 1 })).jobs[0]).toEqual(later[1]);

    const raw = JSON.stringify({
      algorithmName: 'pagerank',
      parameters: { alpha: 0.85, convergence: 0.00001, max_iterations: 1000, directed: true },
    });
    const { jobId } = unwrap(engine.executeAlgorithm(PROJECT, 'movie', raw, JSON.parse(raw)));
    const afterSubmit = list();
    expect(afterSubmit[0]!.jobId).toBe(jobId);
    expect(unwrap(engine.cancelJob(PROJECT, 'movie', jobId))).toEqual({});
    const afterCancel = list();
    expect(afterCancel).not.toBe(afterSubmit);
    expect(afterCancel[0]).toMatchObject({ jobId, status: 'failed' });
  });
});
