import { describe, expect, it } from 'vitest';
import { jobInvariantViolations } from '../../src/spec/job-invariants.js';
import { readJobTime } from '../../src/spec/read-job-time.js';
import { createSpecValidator } from '../../src/spec/spec-validator.js';

/** 2024-05-23 09:54:00 China time. */
const INSTANT = Date.UTC(2024, 4, 23, 1, 54, 0);

describe('the job time reader', () => {
  it('reads a zone-less yyyy-MM-dd HH:mm:ss as China time (UTC+8), with a space or a T', () => {
    expect(readJobTime('2024-05-23 09:54:00')).toBe(INSTANT);
    expect(readJobTime('2024-05-23T09:54:00')).toBe(INSTANT);
    expect(readJobTime('2024-05-23 09:54:00.250')).toBe(INSTANT + 250);
  });

  it('reads an ISO time with a zone as the instant it names', () => {
    expect(readJobTime('2024-05-23T01:54:00Z')).toBe(INSTANT);
    expect(readJobTime('2024-05-23T09:54:00+08:00')).toBe(INSTANT);
    expect(readJobTime('2024-05-22T20:54:00-05:00')).toBe(INSTANT);
    expect(readJobTime('2024-05-23T01:54:00.123456Z')).toBeCloseTo(INSTANT + 123.456, 6);
  });

  it('reads 10, 13 and 16 digit strings as seconds, milliseconds and microseconds', () => {
    expect(readJobTime(String(INSTANT / 1000))).toBe(INSTANT);
    expect(readJobTime(String(INSTANT))).toBe(INSTANT);
    expect(readJobTime(String(INSTANT * 1000 + 500))).toBe(INSTANT + 0.5);
  });

  it('reads a JSON number as a timestamp by its size (file statistics are µs integers)', () => {
    expect(readJobTime(1716428001745772)).toBe(1716428001745.772);
    expect(readJobTime(INSTANT)).toBe(INSTANT);
    expect(readJobTime(INSTANT / 1000)).toBe(INSTANT);
  });

  it('answers undefined for what names no instant', () => {
    for (const value of [
      'yesterday',
      '2024/05/23 09:54:00',
      '2024-02-31 00:00:00',
      '2024-05-23 24:00:00',
      '17164292400',
      '',
      null,
      {},
      -1,
      Number.NaN,
    ]) {
      expect(readJobTime(value), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('accepts exactly the forms the spec pattern of JobTime accepts', () => {
    const spec = createSpecValidator();
    const accepted = [
      '2024-05-23 09:54:00',
      '2024-05-23T01:54:00Z',
      '2024-05-23T09:54:00+08:00',
      '1716429240',
      '1716429240000',
      '1716429240000000',
    ];
    for (const value of accepted) {
      expect(spec.validate('#/components/schemas/JobTime', value), value).toEqual([]);
      expect(readJobTime(value), value).toBeDefined();
    }
    for (const value of ['yesterday', '17164292400', '2024-05-23'])
      expect(spec.validate('#/components/schemas/JobTime', value), value).not.toEqual([]);
  });
});

describe('times of different forms in the job invariants', () => {
  const job = { jobId: 'a', rawRequest: '', taskType: 'Algorithm', canStop: false, progress: 100, status: 'success' };

  it('does not say "ends before it starts" of a job that ended 38 s after it started', () => {
    // 09:54:00 China time is 01:54:00Z; read as UTC it would seem to end eight hours before.
    expect(jobInvariantViolations({ ...job, startTime: '2024-05-23 09:54:00', endTime: '2024-05-23T01:54:38Z' })).toEqual([]);
    expect(jobInvariantViolations({ ...job, startTime: '2024-05-23 09:54:00', endTime: String((INSTANT + 38_000) / 1000) })).toEqual([]);
    expect(jobInvariantViolations({ ...job, startTime: String(INSTANT * 1000), endTime: '2024-05-23 09:54:38' })).toEqual([]);
  });

  it('compares across forms, so a real inversion is still found', () => {
    const violations = jobInvariantViolations({ ...job, startTime: '2024-05-23 09:54:38', endTime: '2024-05-23T01:54:00Z' });
    expect(violations.map((v) => v.invariant)).toEqual(['finished_job_times']);
  });
});
