import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { toListJobsJson } from '../../src/http/to-list-jobs-json.js';
import { unwrap } from '../support/job-checks.js';

const PROJECT = '0123456789abcdef0123456789abcdef';

describe('toListJobsJson', () => {
  it('writes exactly what JSON.stringify writes for the engine answer, of any page and instant', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, jobsPerGraph: 200 });
    for (const [limit, offset] of [
      [3, 0],
      [1, 0],
      [50, 10],
      [500, 0],
      [3, 500],
    ] as const) {
      for (let step = 0; step < 3; step++) {
        const list = unwrap(engine.listJobs(PROJECT, 'movie', { limit, offset }));
        expect(toListJobsJson(list)).toBe(JSON.stringify(list));
        // the second time from the kept text
        expect(toListJobsJson(unwrap(engine.listJobs(PROJECT, 'movie', { limit, offset })))).toBe(JSON.stringify(list));
        clock.advance(37_000);
      }
    }
  });

  it('never keeps the text of an array that is not frozen (one that may still change)', () => {
    const jobs: unknown[] = [{ jobId: 'a' }];
    expect(toListJobsJson({ jobs, jobCount: 1 })).toBe('{"jobs":[{"jobId":"a"}],"jobCount":1}');
    jobs.push({ jobId: 'b' });
    expect(toListJobsJson({ jobs, jobCount: 2 })).toBe('{"jobs":[{"jobId":"a"},{"jobId":"b"}],"jobCount":2}');
  });
});
