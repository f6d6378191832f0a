/**
 * Across endpoints: a finished job's status in the list is the status the single-job endpoint
 * reports (openapi.yaml, getJobStatus: "For finished jobs the status here equals the one in the list").
 */
import type { ContractCheck, SeenJob } from '../contract-types.js';
import { describeJob, statusPhase } from '../../src/spec/job-facts.js';
import { bodyObject, describeAnswer } from './check-helpers.js';

/** How many finished jobs to look up: enough to cover every finished status, few requests. */
const SAMPLE_SIZE = 10;

/** Up to `size` jobs, taken round-robin over their statuses so that rare ones (failed) are included. */
function sampleByStatus(jobs: SeenJob[], size: number): SeenJob[] {
  const byStatus = new Map<string, SeenJob[]>();
  for (const job of jobs) {
    const key = String(job.status);
    byStatus.set(key, [...(byStatus.get(key) ?? []), job]);
  }
  const queues = [...byStatus.values()];
  const sample: SeenJob[] = [];
  while (sample.length < size && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && sample.length < size) sample.push(next);
    }
  }
  return sample;
}

/** The checks of the consistency group. */
export const consistencyChecks: readonly ContractCheck[] = [
  {
    id: 'list_status_matches_job_status',
    group: 'consistency',
    level: 'must',
    phase: 'probe',
    description: `For finished jobs of the list (up to ${SAMPLE_SIZE}), the single-job status endpoint reports the same status.`,
    async run(ctx) {
      const base = ctx.requireList(await ctx.defaultList(), 'the default list');
      const finished = base.jobs.filter((job) => statusPhase(job.status) === 'finished' && typeof job.jobId === 'string');
      if (finished.length === 0) return ctx.skip('the list holds no finished job');
      const sample = sampleByStatus(finished, SAMPLE_SIZE);
      const answers = await Promise.all(sample.map((job) => ctx.send({ operationId: 'getJobStatus', jobId: job.jobId as string })));
      for (const [i, exchange] of answers.entries()) {
        const job = sample[i] as SeenJob;
        const status = bodyObject(exchange)?.status;
        if (exchange.response?.status !== 200 || status !== job.status) {
          ctx.fail({
            message: `${describeJob(job)} is ${String(job.status)} in the list, but its status endpoint answers ${exchange.response?.status === 200 ? `status ${JSON.stringify(status)}` : describeAnswer(exchange)}`,
            expected: `200 with status "${String(job.status)}"`,
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${sample.length} finished jobs looked up`);
    },
  },
];
