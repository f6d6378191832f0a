import { describe, expect, it } from 'vitest';
import { CANCELLED_REASON, viewJob, type JobPlan } from '../../src/engine/job-lifecycle.js';
import { jobProblems } from './job-invariants.js';

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
    { group: 'schemaFiles', fileName: '/data/schema.xml', total: 49, failed: 0, startUs: (START + 1_000) * 1000, endUs: (START + 2_000) * 1000 },
    { group: 'vertexFiles', fileName: '/data/movies_vertex.csv', total: 146, failed: 0, startUs: (START + 2_000) * 1000, endUs: (START + 4_000) * 1000 },
    { group: 'edgeFiles', fileName: '/data/ranking_edge.csv', total: 1659, failed: 12, startUs: (START + 4_000) * 1000, endUs: (START + 10_000) * 1000 },
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
      { edgeFiles: [{ fileName: '/data/ranking_edge.csv', totalLines: 1659, startTime: (START + 4_000) * 1000, successfulLines: 823, status: 'running', failedLines: 6 }] },
      { vertexFiles: [expect.objectContaining({ totalLines: 146, successfulLines: 146, failedLines: 0, status: 'success' })] },
      { schemaFiles: [expect.objectContaining({ totalLabels: 49, successfulLabels: 49, failedLabels: 0, status: 'success' })] },
    ]);
    expect(jobProblems(job)).toEqual([]);
  });

  it('shows every file done once finished, in the seed example’s key order', () => {
    const job = viewJob(importPlan(), START + 60_000);
    expect(job).toMatchObject({ status: 'success', progress: '100', canStop: false, startTime: '2024-05-23 09:33:21', endTime: '2024-05-23 09:33:32' });
    expect(Object.keys(job.files![0]!.edgeFiles![0]!)).toEqual(['fileName', 'totalLines', 'startTime', 'successfulLines', 'endTime', 'status', 'failedLines']);
    expect(Object.keys(job.files![2]!.schemaFiles![0]!)).toEqual(['totalLabels', 'fileName', 'failedLabels', 'startTime', 'successfulLabels', 'endTime', 'status']);
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
