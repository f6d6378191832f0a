/**
 * Every API that creates a job, under --allow-mutations: what its page shows of its answer (a jobId,
 * the jobType its example shows, or the answer a synchronous form gives at once), that the job is then
 * known to the list and the status endpoint, and the refusals its page shows. A refusal of a page's
 * own example is reported, not failed: a real graph may lack the labels or properties the pages' demo
 * graph has, and no page says its example must be accepted on every graph. An API the target does not
 * offer (404, 405) is reported as not offered. What the spec decided (the jobType numbers, the task
 * types beyond Algorithm and ImportGraph, the codes no page shows) is SHOULD.
 */
import { jobActionOf } from '../../src/spec/job-actions.js';
import { showValue } from '../../src/spec/job-facts.js';
import type { CheckContext, CheckDefinition, Exchange, SendOptions } from '../contract-types.js';
import { describeAnswer, readStatusAnswer, unknownJobId } from './check-helpers.js';
import { sameOrLater } from './job-states.js';
import {
  failJobMade,
  failNotListed,
  failStatusUnknown,
  judgeAnswered,
  judgeCreated,
  judgeListedJob,
  judgeRefusal,
  jobsMadeOf,
  parseBody,
} from './kind-judging.js';
import { type DocumentedRefusal, judgeDocumentedRefusal, refusalOfBody, refusalOnMissingGraph } from './kind-refusals.js';
import { acceptedProbe, describeSubmission, type KindRun, type KindSubmission, kindRun, noSuchVertex } from './kind-submissions.js';
import { cleanUp, findListed } from './own-jobs.js';

/** Judges a refusal of the kit's own submission: its answer, and no job made of its body in the list read after. */
async function judgeRefused(ctx: CheckContext, run: KindRun, submission: KindSubmission, exchange: Exchange, what: string): Promise<void> {
  await judgeRefusal(ctx, exchange, what, () => cleanUp(ctx, exchange));
  if (!run.after || !run.before) return;
  const before = run.before;
  const created = new Set<unknown>(run.submissions.map((s) => s.jobId).filter(Boolean));
  const [made] = jobsMadeOf(submission.body, run.after.jobs, (jobId) => before.has(jobId) || created.has(jobId));
  if (made) failJobMade(ctx, what, made, run.after.exchange);
}

/** `13 submissions: 10 created a job, 2 answered at once, 1 refused …; not offered: …`. */
function summary(run: KindRun): string {
  const count = (outcome: string) => run.submissions.filter((s) => s.outcome === outcome).length;
  const parts = [
    `${run.submissions.length} APIs: ${count('created')} created a job, ${count('answered')} answered at once, ${count('refused')} refused`,
  ];
  const listed = (outcome: string, title: string) => {
    const found = run.submissions.filter((s) => s.outcome === outcome);
    if (found.length > 0) {
      parts.push(
        `${title}: ${found.map((s) => (s.exchange ? `${s.probe.label} ${s.exchange.response?.status ?? s.exchange.error}` : `${s.probe.label} (${s.reason})`)).join(', ')}`,
      );
    }
  };
  listed('refused', 'refused');
  listed('not-offered', 'not offered');
  listed('unanswered', 'no answer');
  listed('not-selected', 'left out');
  listed('not-sent', 'not sent');
  return parts.join('; ');
}

/**
 * One refusal the kit provokes: what it sends. The answer it must get is the one kind-refusals.ts
 * documents for what the request shows (so a recording of it is judged by the same table).
 */
interface ProvokedRefusal {
  /** The probe whose acceptance makes this worth sending (a target that refused the valid body tells nothing by refusing this). */
  after: string;
  send: (ctx: CheckContext, run: KindRun) => Promise<SendOptions | undefined>;
  /** Sent to the graph under test (its body must then make no job there); otherwise to a graph that does not exist. */
  local: boolean;
}

const withAction = (
  operationId: SendOptions['operationId'],
  actionParam: string | undefined,
  body: unknown,
  extra: Partial<SendOptions> = {},
): SendOptions => ({
  operationId,
  ...(actionParam ? { query: { action_id: actionParam } } : {}),
  ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  ...extra,
});

/** The body the kit sent for a probe, parsed. */
const sentBody = (run: KindRun, key: string): Record<string, unknown> => {
  const body = run.submissions.find((s) => s.probe.key === key)?.body;
  return body ? (JSON.parse(body) as Record<string, unknown>) : {};
};

/** The documented answer to a request the kit provokes a refusal with; throws when the table does not know the case (a defect of the kit). */
function expectedRefusal(refusal: ProvokedRefusal, options: SendOptions): DocumentedRefusal {
  const action = jobActionOf(options.operationId, options.query?.action_id);
  const body = parseBody(options.body);
  const expected = action && (refusal.local ? refusalOfBody(action, body) : refusalOnMissingGraph(action, body));
  if (!expected) throw new Error(`kind-refusals.ts documents no refusal of ${options.operationId} ${options.body ?? ''}`);
  return expected;
}

const REFUSALS: readonly ProvokedRefusal[] = [
  { after: 'queryVertices', send: async () => withAction('queryVertices', 'query', { offset: 0, limit: 2 }), local: true },
  {
    after: 'exportVertices',
    send: async (_ctx, run) => {
      const { labels: _labels, vertexFilters: _filters, ...rest } = sentBody(run, 'exportVertices');
      return withAction('queryVertices', 'export', rest);
    },
    local: true,
  },
  { after: 'queryEdges', send: async () => withAction('queryEdges', 'query', { offset: '0', limit: '20' }), local: true },
  {
    after: 'exportEdges',
    send: async (_ctx, run) => {
      const { labels: _labels, edgeFilters: _filters, ...rest } = sentBody(run, 'exportEdges');
      return withAction('queryEdges', 'export', rest);
    },
    local: true,
  },
  {
    after: 'batchDeleteEdgesSync',
    send: async () => withAction('queryEdges', 'batch-delete', { edges: [{ target: noSuchVertex(2) }] }),
    local: true,
  },
  {
    after: 'filteredQuery',
    send: async (_ctx, run) =>
      withAction('executeAlgorithm', 'filtered-query', { ...sentBody(run, 'filteredQuery'), executionMode: 'stream' }),
    local: true,
  },
  // A graph that does not exist: the pages show the code of most.
  ...(
    [
      ['queryVertices', 'queryVertices', 'query'],
      ['queryEdges', 'queryEdges', 'query'],
      ['filteredQuery', 'executeAlgorithm', 'filtered-query'],
      ['batchDeleteEdges', 'queryEdges', 'batch-delete'],
      ['importGraph', 'executeAlgorithm', 'import-graph'],
      ['createIndex', 'createIndex', undefined],
    ] as const
  ).map(
    ([key, operationId, actionParam]): ProvokedRefusal => ({
      after: key,
      send: async (ctx, run) => withAction(operationId, actionParam, sentBody(run, key), { graph: ctx.options.missingGraph }),
      local: false,
    }),
  ),
  {
    after: 'deleteIndex',
    send: async (ctx, run) => ({ operationId: 'deleteIndex', graph: ctx.options.missingGraph, indexName: run.indexName }),
    local: false,
  },
  {
    after: 'exportJobResult',
    send: async (ctx, run) =>
      withAction('exportJobResult', 'export-result', sentBody(run, 'exportJobResult'), {
        graph: ctx.options.missingGraph,
        jobId: await unknownJobId(ctx),
      }),
    local: false,
  },
];

/** The checks of the job kinds group. */
export const jobKindChecks: readonly CheckDefinition[] = [
  {
    id: 'job_kinds_submitted',
    group: 'job kinds',
    phase: 'probe',
    mutates: true,
    description:
      "Every API that creates a job, sent its page's example (deletes adapted to select nothing), answers 200 with a jobId and the jobType its page shows (that number, as the spec prefers), or at once as its page shows (Filtered-query data, a batch delete's result success); a refusal is a 4xx GES envelope without a jobId and makes no job; an API the target does not offer (404, 405) is reported.",
    async run(ctx) {
      const run = await kindRun(ctx);
      for (const submission of run.submissions) {
        const { exchange } = submission;
        if (!exchange) continue;
        ctx.uses(exchange);
        const { action, form, label } = submission.probe;
        if (submission.outcome === 'created') {
          ctx.judged();
          judgeCreated(ctx, action, label, exchange);
        } else if (submission.outcome === 'answered') {
          ctx.judged();
          judgeAnswered(ctx, action, form, label, exchange);
        } else if (submission.outcome === 'refused') {
          await judgeRefused(
            ctx,
            run,
            submission,
            exchange,
            `${submission.probe.label} (the page's example${submission.probe.adapted ? ', adapted' : ''})`,
          );
        }
      }
      if (run.after) ctx.uses(run.after.exchange);
      ctx.note(summary(run));
    },
  },
  {
    id: 'job_kinds_listed',
    group: 'job kinds',
    phase: 'probe',
    mutates: true,
    description:
      'Every job those submissions created is in the list read right after and known to its status endpoint, in the same or a later state; listed with the taskType ImportGraph or Algorithm the pages show, and with the taskType the spec names for the others and its body as rawRequest (as the spec decides).',
    async run(ctx) {
      const run = await kindRun(ctx);
      const created = run.submissions.filter((s) => s.outcome === 'created');
      if (created.length === 0) return ctx.skip(`not exercised: no submission created a job (${summary(run)})`);
      if (!ctx.selects('listJobs') && !ctx.selects('getJobStatus'))
        return ctx.skip('not exercised: it needs listJobs or getJobStatus, which this run leaves out');
      for (const submission of created) {
        const { probe, jobId, listed, status } = submission as KindSubmission & { jobId: string };
        const job = { action: probe.action, label: probe.label, jobId, body: submission.body };
        if (listed) {
          ctx.uses(listed.exchange);
          ctx.judged();
          if (!listed.job) failNotListed(ctx, job, listed.exchange, 'right after the submissions');
          // The rawRequest of the kit's shortest_path is submitted_job_listed's to judge.
          else judgeListedJob(ctx, job, listed.job, listed.exchange);
        }
        if (status) {
          ctx.uses(status);
          ctx.judged();
          const answer = readStatusAnswer(status);
          if (answer.kind === 'unknown' || answer.kind === 'other') {
            failStatusUnknown(ctx, job, status, 'right after', listed?.job);
          } else if (answer.kind === 'state' && listed?.job && !sameOrLater(listed.job.status, answer.status)) {
            ctx.fail({
              rule: 'status.same-as-list',
              message: `job ${jobId} (${probe.label}) is ${showValue(listed.job.status)} in the list, then ${showValue(answer.status)} on its status endpoint`,
              expected: `status ${showValue(listed.job.status)} or a later one`,
              actual: describeAnswer(status),
              exchange: status,
            });
          }
        }
      }
      ctx.note(`${created.length} jobs: ${created.map((s) => s.probe.label).join(', ')}`);
    },
  },
  {
    id: 'job_kind_refusals',
    group: 'job kinds',
    phase: 'probe',
    mutates: true,
    description:
      "The refusals the pages show, sent to the APIs the target accepted the pages' examples on, answer 400 with the page's code (no labels or filters GES.8203 / GES.8103, an edge without source GES.8000, a wrong executionMode GES.8806, a graph that does not exist GES.8603, GES.8604, GES.8011, GES.8013, GES.8806, GES.8402; the filter queries' GES.8000 there is the spec's) and make no job.",
    async run(ctx) {
      const run = await kindRun(ctx);
      const due = REFUSALS.filter((refusal) => acceptedProbe(run, refusal.after) !== undefined);
      const local = due.filter((refusal) => refusal.local || ctx.options.missingGraph !== ctx.options.graph);
      if (local.length === 0) {
        const accepted = run.submissions.filter((s) => s.outcome === 'created' || s.outcome === 'answered').map((s) => s.probe.label);
        return ctx.skip(
          `not exercised: the target accepted none of the pages' examples these refusals follow (${accepted.length > 0 ? `it accepted ${accepted.join(', ')}` : run.submissions.map(describeSubmission).join('; ').slice(0, 400)})`,
        );
      }
      const before = ctx.selects('listJobs') ? new Set((await findListed(ctx, '')).jobs.map((job) => job.jobId)) : undefined;
      const sent: { refusal: ProvokedRefusal; expected: DocumentedRefusal; exchange: Exchange }[] = [];
      let missingGraphRead = false;
      for (const refusal of local) {
        const options = await refusal.send(ctx, run);
        if (!options) continue;
        if (!refusal.local && !missingGraphRead && ctx.selects('listJobs')) {
          // Read beside these refusals, so that their traffic (the proxy's judging, a HAR of the run)
          // shows the graph does not exist: what the recorded checks need to judge their codes.
          missingGraphRead = true;
          await ctx.send({ operationId: 'listJobs', graph: ctx.options.missingGraph, fresh: true });
        }
        const expected = expectedRefusal(refusal, options);
        const exchange = await ctx.send(options);
        sent.push({ refusal, expected, exchange });
        await judgeDocumentedRefusal(ctx, expected, exchange, () => cleanUp(ctx, exchange));
      }
      if (before) {
        const after = await findListed(ctx, '');
        for (const { refusal, expected, exchange } of sent) {
          if (!refusal.local) continue;
          const [made] = jobsMadeOf(exchange.request.body, after.jobs, (jobId) => before.has(jobId));
          if (made) failJobMade(ctx, expected.what, made, after.exchange);
        }
      }
      ctx.note(`${sent.length} refusals`);
    },
  },
];
