/**
 * Documented examples: a job has the field set of the spec's list examples for the same taskType and
 * status. The examples are read from openapi.yaml (getResponseExamples), never copied. Only an
 * example shows these shapes, so the check is SHOULD.
 */
import { getResponseExamples } from '../../src/spec/spec-examples.js';
import type { CheckDefinition } from '../contract-types.js';
import { describeJob } from '../../src/spec/job-facts.js';

/** `taskType/status` → the sorted field names of the first example job of that kind. */
function exampleShapes(): Map<string, { fields: string[]; example: string }> {
  const shapes = new Map<string, { fields: string[]; example: string }>();
  for (const { name, value } of getResponseExamples('listJobs', '200')) {
    const jobs = (value as { jobs?: unknown }).jobs;
    if (!Array.isArray(jobs)) continue;
    for (const job of jobs as Record<string, unknown>[]) {
      const key = `${String(job.taskType)}/${String(job.status)}`;
      if (!shapes.has(key)) shapes.set(key, { fields: Object.keys(job).sort(), example: name });
    }
  }
  return shapes;
}

/** The checks of the examples group. */
export const exampleChecks: readonly CheckDefinition[] = [
  {
    id: 'documented_example_shape',
    group: 'examples',
    phase: 'audit',
    description: "Jobs have the field set of the spec's listJobs examples for the same taskType and status.",
    async run(ctx) {
      const shapes = exampleShapes();
      if (ctx.selects('listJobs')) await ctx.defaultList();
      const reported = new Set<string>();
      let compared = 0;
      for (const { job, exchange } of ctx.jobsSeen()) {
        const key = `${String(job.taskType)}/${String(job.status)}`;
        const shape = shapes.get(key);
        if (!shape) continue; // no example of this kind: nothing documented to compare with
        compared++;
        const fields = Object.keys(job)
          .filter((field) => job[field] !== undefined)
          .sort();
        const missing = shape.fields.filter((field) => !fields.includes(field));
        const extra = fields.filter((field) => !shape.fields.includes(field));
        const signature = `${key} -${missing.join(',')} +${extra.join(',')}`;
        if ((missing.length || extra.length) && !reported.has(signature)) {
          reported.add(signature);
          ctx.fail({
            rule: 'job.example-shape',
            message: `${describeJob(job)}${missing.length ? ` lacks ${missing.join(', ')}` : ''}${missing.length && extra.length ? ' and' : ''}${extra.length ? ` adds ${extra.join(', ')}` : ''} compared with example ${shape.example}`,
            expected: shape.fields.join(', '),
            actual: fields.join(', '),
            exchange,
          });
        }
      }
      ctx.judged(compared);
      ctx.note(`${compared} jobs compared with ${shapes.size} documented kinds`);
    },
  },
];
