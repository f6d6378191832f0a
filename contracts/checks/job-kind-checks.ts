/**
 * Every API that creates a job, under --allow-mutations: what its page shows of its answer (a jobId,
 * the jobType its example shows, or the answer a synchronous form gives at once), that the job is then
 * known to the list and the status endpoint, and the refusals its page shows. A refusal of a page's
 * own example is reported, not failed: a real graph may lack the labels or properties the pages' demo
 * graph has, and no page says its example must be accepted on every graph. An API the target does not
 * offer (404, 405) is reported as not offered. What the spec decided (the jobType numbers, the task
 * types beyond Algorithm and ImportGraph, the codes no page shows) is SHOULD.
 */
import { describeJob, showValue } from '../../src/spec/job-facts.js';
import type { CheckContext, CheckDefinition, Exchange, SendOptions, SeenJob } from '../contract-types.js';
import type { RuleId } from '../rule-inventory.js';
import {
  bodyObject,
  canonicalJson,
  describeAnswer,
  expectGesError,
  isAuthStatus,
  readStatusAnswer,
  unknownJobId,
} from './check-helpers.js';
import { sameOrLater } from './job-states.js';
import { acceptedProbe, describeSubmission, type KindRun, type KindSubmission, kindRun, noSuchVertex } from './kind-submissions.js';
import { cleanUp, findListed } from './own-jobs.js';

/** The jobs the list read after `run`'s submissions holds that it did not hold before, whose rawRequest is `body`. */
function jobsMadeOf(run: KindRun, body: string | undefined, except: ReadonlySet<unknown>): SeenJob[] {
  const wanted = canonicalJson(body);
  if (!run.after || !run.before || wanted === undefined) return [];
  return run.after.jobs.filter((job) => !run.before?.has(job.jobId) && !except.has(job.jobId) && canonicalJson(job.rawRequest) === wanted);
}

/** A jobType as the pages send it: a number, or the string of digits the index tables' String allows. */
const isJobType = (value: unknown) =>
  (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value));

/** Judges a job form's answer: its jobId (classified already), and its jobType where the page shows one. */
function judgeCreated(ctx: CheckContext, submission: KindSubmission, exchange: Exchange): void {
  const { action, label } = submission.probe;
  if (action.jobType === undefined) return;
  const jobType = bodyObject(exchange)?.jobType;
  if (!isJobType(jobType)) {
    ctx.fail({
      rule: 'kind.answer',
      message: `${label} answered ${jobType === undefined ? 'no jobType' : `jobType ${showValue(jobType)}`}`,
      expected: `{"jobId": …, "jobType": ${action.jobType}}, as the page's example shows`,
      actual: describeAnswer(exchange),
      exchange,
    });
  } else if (Number(jobType) !== action.jobType) {
    ctx.fail({
      rule: 'kind.job-type-value',
      message: `${label} answered jobType ${showValue(jobType)}`,
      expected: `jobType ${action.jobType}, the number the page's example shows`,
      actual: describeAnswer(exchange),
      exchange,
    });
  }
}

/** Judges a 200 (or other 2xx/3xx) that created no job: a job form owes a jobId; a synchronous form its result. */
function judgeAnswered(ctx: CheckContext, submission: KindSubmission, exchange: Exchange): void {
  const { probe } = submission;
  const status = exchange.response?.status;
  const body = bodyObject(exchange);
  if (probe.form === 'job') {
    ctx.fail({
      rule: 'kind.answer',
      message: `${probe.label} answered ${status} without a jobId`,
      expected: `200 {"jobId": …${probe.action.jobType !== undefined ? `, "jobType": ${probe.action.jobType}` : ''}}`,
      actual: describeAnswer(exchange),
      exchange,
    });
    return;
  }
  const problem =
    status !== 200
      ? `answered ${status}`
      : probe.action.id === 'filteredQuery'
        ? !body?.data || typeof body.data !== 'object' || Array.isArray(body.data)
          ? 'answered no data object'
          : Array.isArray((body.data as Record<string, unknown>).vertices) &&
              ((body.data as Record<string, unknown>).vertices as unknown[]).length > 100_000
            ? 'answered more than 100,000 vertices'
            : undefined
        : body?.result !== 'success'
          ? `answered result ${showValue(body?.result)}`
          : undefined;
  if (problem) {
    ctx.fail({
      rule: 'kind.sync-answer',
      message: `${probe.label} ${problem}`,
      expected: probe.action.id === 'filteredQuery' ? '200 {"data": {…}} (the result, at once)' : '200 {"result": "success"}',
      actual: describeAnswer(exchange),
      exchange,
    });
  }
}

/** Judges a refusal: a GES envelope (a gateway's 401/403 body is its own), no jobId, no job made of the body. */
async function judgeRefused(ctx: CheckContext, run: KindRun, submission: KindSubmission, exchange: Exchange, what: string): Promise<void> {
  if (isAuthStatus(exchange.response?.status)) ctx.judged();
  else expectGesError(ctx, exchange, { rule: 'kind.refusal' }, what);
  const jobId = bodyObject(exchange)?.jobId;
  if (typeof jobId === 'string' && jobId !== '') {
    ctx.fail({
      rule: 'kind.refusal',
      message: `${what} was refused, yet the answer carries jobId ${jobId}${await cleanUp(ctx, exchange)}`,
      expected: 'no jobId in a refusal (the tables: the id is empty when the request fails)',
      actual: describeAnswer(exchange),
      exchange,
    });
  }
  const created = new Set(run.submissions.map((s) => s.jobId).filter(Boolean));
  const made = jobsMadeOf(run, submission.body, created);
  if (made.length > 0 && run.after) {
    ctx.fail({
      rule: 'kind.refusal',
      message: `${what} was refused, yet the list now holds ${describeJob(made[0] as SeenJob)} with its body as rawRequest`,
      expected: 'no job made of a refused request',
      actual: JSON.stringify(made[0]).slice(0, 400),
      exchange: run.after.exchange,
    });
  }
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

/** One refusal the kit provokes: what it sends, and the answer the page (or the spec) gives it. */
interface KindRefusal {
  /** The probe whose acceptance makes this worth sending (a target that refused the valid body tells nothing by refusing this). */
  after: string;
  what: string;
  send: (ctx: CheckContext, run: KindRun) => Promise<SendOptions | undefined>;
  errorCode: string;
  /** The rule that it is refused at all; `codeRule` the rule of its status and code. */
  rule: RuleId;
  codeRule?: RuleId | undefined;
  /** Sent to the graph under test (its body must then make no job there). */
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

const DOCUMENTED: RuleId = 'kind.documented-refusals';
const CODES: RuleId = 'kind.refusal-codes';

const REFUSALS: readonly KindRefusal[] = [
  {
    after: 'queryVertices',
    what: 'a vertex filter query naming neither labels nor vertexFilters',
    send: async () => withAction('queryVertices', 'query', { offset: 0, limit: 2 }),
    errorCode: 'GES.8203',
    rule: DOCUMENTED,
    local: true,
  },
  {
    after: 'exportVertices',
    what: 'an export of filtered vertices naming neither labels nor vertexFilters',
    send: async (_ctx, run) => {
      const { labels: _labels, vertexFilters: _filters, ...rest } = sentBody(run, 'exportVertices');
      return withAction('queryVertices', 'export', rest);
    },
    errorCode: 'GES.8203',
    rule: DOCUMENTED,
    local: true,
  },
  {
    after: 'queryEdges',
    what: 'an edge filter query naming neither labels nor edgeFilters',
    send: async () => withAction('queryEdges', 'query', { offset: '0', limit: '20' }),
    errorCode: 'GES.8103',
    rule: DOCUMENTED,
    local: true,
  },
  {
    after: 'exportEdges',
    what: 'an export of filtered edges naming neither labels nor edgeFilters',
    send: async (_ctx, run) => {
      const { labels: _labels, edgeFilters: _filters, ...rest } = sentBody(run, 'exportEdges');
      return withAction('queryEdges', 'export', rest);
    },
    errorCode: 'GES.8103',
    rule: DOCUMENTED,
    local: true,
  },
  {
    after: 'batchDeleteEdgesSync',
    what: 'a batch delete whose edge has no source',
    send: async () => withAction('queryEdges', 'batch-delete', { edges: [{ target: noSuchVertex(2) }] }),
    errorCode: 'GES.8000',
    rule: DOCUMENTED,
    local: true,
  },
  {
    after: 'filteredQuery',
    what: 'a Filtered-query whose executionMode is neither sync nor async',
    send: async (_ctx, run) =>
      withAction('executeAlgorithm', 'filtered-query', { ...sentBody(run, 'filteredQuery'), executionMode: 'stream' }),
    errorCode: 'GES.8806',
    rule: DOCUMENTED,
    local: true,
  },
  // A graph that does not exist: the pages show the code of most.
  ...(
    [
      ['queryVertices', 'queryVertices', 'query', 'GES.8000', CODES],
      ['queryEdges', 'queryEdges', 'query', 'GES.8000', CODES],
      ['filteredQuery', 'executeAlgorithm', 'filtered-query', 'GES.8806', DOCUMENTED],
      ['batchDeleteEdges', 'queryEdges', 'batch-delete', 'GES.8402', DOCUMENTED],
      ['importGraph', 'executeAlgorithm', 'import-graph', 'GES.8013', DOCUMENTED],
      ['createIndex', 'createIndex', undefined, 'GES.8603', DOCUMENTED],
    ] as const
  ).map(
    ([key, operationId, actionParam, errorCode, rule]): KindRefusal => ({
      after: key,
      what: `${operationId}${actionParam ? ` action_id=${actionParam}` : ''} on a graph that does not exist`,
      send: async (ctx, run) => withAction(operationId, actionParam, sentBody(run, key), { graph: ctx.options.missingGraph }),
      errorCode,
      rule,
      local: false,
    }),
  ),
  {
    after: 'deleteIndex',
    what: 'deleteIndex on a graph that does not exist',
    send: async (ctx, run) => ({ operationId: 'deleteIndex', graph: ctx.options.missingGraph, indexName: run.indexName }),
    errorCode: 'GES.8604',
    rule: DOCUMENTED,
    local: false,
  },
  {
    after: 'exportJobResult',
    what: 'exportJobResult on a graph that does not exist',
    send: async (ctx, run) =>
      withAction('exportJobResult', 'export-result', sentBody(run, 'exportJobResult'), {
        graph: ctx.options.missingGraph,
        jobId: await unknownJobId(ctx),
      }),
    errorCode: 'GES.8011',
    rule: DOCUMENTED,
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
        if (submission.outcome === 'created') {
          ctx.judged();
          judgeCreated(ctx, submission, exchange);
        } else if (submission.outcome === 'answered') {
          ctx.judged();
          judgeAnswered(ctx, submission, exchange);
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
        if (listed) {
          ctx.uses(listed.exchange);
          ctx.judged();
          const { job } = listed;
          if (!job) {
            ctx.fail({
              rule: 'kind.listed',
              message: `the list read right after the submissions does not hold job ${jobId}, made by ${probe.label}`,
              expected: `a job ${jobId}: the list holds every asynchronous task the engine holds`,
              exchange: listed.exchange,
            });
          } else {
            const taskRule: RuleId = probe.action.taskTypeFrom === 'ex' ? 'kind.task-type' : 'kind.task-type-decided';
            if (job.taskType !== probe.action.taskType) {
              ctx.fail({
                rule: taskRule,
                message: `the job ${jobId} made by ${probe.label} is listed with taskType ${showValue(job.taskType)}`,
                expected: `taskType ${probe.action.taskType}${taskRule === 'kind.task-type-decided' ? ' (the name the spec gives it)' : ''}`,
                actual: JSON.stringify(job).slice(0, 400),
                exchange: listed.exchange,
              });
            }
            // The kit's shortest_path is judged by submitted_job_listed; a delete of an index has no body.
            if (probe.key !== 'executeAlgorithm' && submission.body !== undefined) {
              const credentials = ['obsParameters'];
              if (canonicalJson(job.rawRequest, credentials) !== canonicalJson(submission.body, credentials)) {
                ctx.fail({
                  rule: 'kind.raw-request',
                  message: `the job ${jobId} made by ${probe.label} has rawRequest ${showValue(typeof job.rawRequest === 'string' ? job.rawRequest.slice(0, 200) : job.rawRequest)}`,
                  expected: submission.body.slice(0, 300),
                  exchange: listed.exchange,
                });
              }
            }
          }
        }
        if (status) {
          ctx.uses(status);
          ctx.judged();
          const answer = readStatusAnswer(status);
          if (answer.kind === 'unknown' || answer.kind === 'other') {
            ctx.fail({
              rule: 'kind.listed',
              message: `the status endpoint does not know job ${jobId}, made by ${probe.label}, right after`,
              expected: `200 with the job's status${listed?.job ? ` (${showValue(listed.job.status)} or later)` : ''}`,
              actual: describeAnswer(status),
              exchange: status,
            });
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
      const sent: [KindRefusal, Exchange][] = [];
      for (const refusal of local) {
        const options = await refusal.send(ctx, run);
        if (!options) continue;
        const exchange = await ctx.send(options);
        sent.push([refusal, exchange]);
        const jobId = bodyObject(exchange)?.jobId;
        if (exchange.response?.status === 200 || (typeof jobId === 'string' && jobId !== '')) {
          ctx.judged();
          ctx.fail({
            rule: exchange.response?.status === 200 ? refusal.rule : 'kind.refusal',
            message: `${refusal.what} ${exchange.response?.status === 200 ? 'was accepted' : 'was refused, yet the answer carries a jobId'}${await cleanUp(ctx, exchange)}`,
            expected: `400 GES error envelope with errorCode ${refusal.errorCode}`,
            actual: describeAnswer(exchange),
            exchange,
          });
          continue;
        }
        expectGesError(
          ctx,
          exchange,
          { rule: refusal.rule, status: 400, errorCode: refusal.errorCode, codeRule: refusal.codeRule },
          refusal.what,
        );
      }
      if (before) {
        const after = await findListed(ctx, '');
        for (const [refusal, exchange] of sent) {
          if (!refusal.local) continue;
          const wanted = canonicalJson(exchange.request.body);
          const made = after.jobs.find((job) => !before.has(job.jobId) && wanted !== undefined && canonicalJson(job.rawRequest) === wanted);
          if (made) {
            ctx.fail({
              rule: 'kind.refusal',
              message: `${refusal.what} was refused, yet the list now holds ${describeJob(made)} with its body as rawRequest`,
              expected: 'no job made of a refused request',
              actual: JSON.stringify(made).slice(0, 400),
              exchange: after.exchange,
            });
          }
        }
      }
      ctx.note(`${sent.length} refusals`);
    },
  },
];
