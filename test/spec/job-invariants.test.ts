import { describe, expect, it } from 'vitest';
import { jobInvariantViolations } from '../../src/spec/job-invariants.js';
import { getResponseExamples } from '../../src/spec/spec-examples.js';

type Job = Record<string, unknown>;

/** Every job of every documented list example: real shapes to break one field at a time. */
const exampleJobs = getResponseExamples('listJobs', '200').flatMap(({ value }) => (value as { jobs: Job[] }).jobs);
const first = (predicate: (job: Job) => boolean): Job => structuredClone(exampleJobs.find(predicate)!);

describe('the shared job-invariant checker', () => {
  it('finds nothing wrong with the documented example jobs', () => {
    expect(exampleJobs.length).toBeGreaterThan(0);
    for (const job of exampleJobs) expect(jobInvariantViolations(job), String(job.jobId)).toEqual([]);
  });

  it('reports a failReason on a successful job, naming the field and saying why in words', () => {
    const job = { ...first((j) => j.status === 'success'), failReason: 'oops' };
    expect(jobInvariantViolations(job)).toEqual([
      {
        invariant: 'fail_reason_iff_failed',
        field: 'failReason',
        reason: 'carries failReason "oops"',
        expected: 'failReason only when status is failed',
      },
    ]);
  });

  it('reports a finished job that can still be stopped and ends before it starts', () => {
    const job = {
      ...first((j) => j.status === 'success'),
      canStop: true,
      startTime: '2024-05-23 09:54:00',
      endTime: '2024-05-23 09:00:00',
    };
    expect(jobInvariantViolations(job).map((v) => [v.invariant, v.field])).toEqual([
      ['finished_job_times', 'endTime'],
      ['finished_job_not_stoppable', 'canStop'],
    ]);
  });

  it('reports files on a job that is not an import, and a pending job past progress 0', () => {
    const job: Job = { ...first((j) => j.taskType !== 'ImportGraph'), status: 'pending', progress: '5', files: [] };
    delete job.endTime;
    delete job.failReason;
    expect(jobInvariantViolations(job).map((v) => v.invariant)).toEqual(['files_iff_import_graph', 'progress_matches_status']);
  });

  it('reports the finished import file whose counts do not add up, by its place in files', () => {
    const job = first((j) => j.taskType === 'ImportGraph' && Array.isArray(j.files) && j.files.length > 0);
    const group = (job.files as Record<string, Record<string, unknown>[]>[])[0]!;
    const [kind, files] = Object.entries(group)[0]!;
    Object.assign(files[0]!, { status: 'success', totalLines: 10, successfulLines: 3, failedLines: 3, totalLabels: undefined });
    const violations = jobInvariantViolations(job);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ invariant: 'import_file_counts_add_up', field: `files[0].${kind}[0]` });
    expect(violations[0]!.reason).toContain('3 + failedLines 3 ≠ totalLines 10');
  });

  it('leaves a value that is not an object to the schema', () => {
    for (const value of [null, 'job', 42, []]) expect(jobInvariantViolations(value)).toEqual([]);
  });
});
