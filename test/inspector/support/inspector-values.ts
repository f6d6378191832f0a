/**
 * Values the inspector's unit tests share: a job as the list serves it, and the paging bounds the
 * page hands its script.
 */
import { limitBounds, offsetBounds } from '../../../src/spec/spec-facts.js';
import type { Job } from '../../../src/types.js';

/** A finished algorithm job, with `fields` over it. */
export const job = (fields: Partial<Job> & Record<string, unknown>): Job => ({
  jobId: 'j1',
  rawRequest: '',
  taskType: 'Algorithm',
  canStop: false,
  progress: '100',
  startTime: '2024-05-23 09:54:00',
  endTime: '2024-05-23 09:55:00',
  status: 'success',
  ...fields,
});

/** The spec's paging bounds, as the page hands them to its script. */
export const LIMITS = { maxLimit: limitBounds.max, maxOffset: offsetBounds.max };
