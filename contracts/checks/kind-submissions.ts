/**
 * The kit's submissions to every API that creates a job, once per run under --allow-mutations and
 * shared by the checks of the job kinds: a vertex and an edge filter query, Filtered-query (as a job
 * and at once), the exports and deletes of filtered vertices and edges, a batch delete (at once and
 * as a job), an import, an index built and deleted, and the export of a result; the kit's own
 * shortest_path stands for execute-algorithm. Each body is its page's own example, taken from
 * openapi.yaml, changed only where running it as printed would change the target's data or stop the
 * run: deletes select nothing, the import runs online, the index has a name of its own, and the
 * export exports a job of the kit's own. Every answer is classified: a job created, an answer given at
 * once, a refusal, or an API the target does not offer (404 or 405: an engine of an older version, a
 * gateway that does not publish it). Right after the submissions the list and the status endpoint are
 * read once for the jobs they created; the export comes last, once a job of the kit's own succeeded.
 */
import { randomBytes } from 'node:crypto';
import { jobActionById, type JobAction } from '../../src/spec/job-actions.js';
import { getRequestExample } from '../../src/spec/spec-examples.js';
import type { OperationId } from '../../src/types.js';
import type { CheckContext, Exchange, SendOptions } from '../contract-types.js';
import { describeAnswer, readStatusAnswer } from './check-helpers.js';
import { type AnswerOutcome, classifyAnswer, jobActionOfExchange, type KindForm, labelOf } from './kind-judging.js';
import { stateOf } from './job-states.js';
import { findListed, once, shortestPathSubmitted, type ListedJob, unknownVertexOnce } from './own-jobs.js';

/** A value no property of any graph holds: the kit's deletes select nothing with it. */
const NOTHING = 'ges-contract-kit: no such value';
/** A vertex id no graph holds. */
export const noSuchVertex = (n: number) => `ges-contract-kit-no-such-vertex-${n}`;

/** One request to an API that creates jobs, built from its page's example. */
interface KindProbe {
  /** Stable key: the action's id, with `Sync` for the form that answers at once. */
  key: string;
  /** How the report names it: `queryVertices action_id=export`. */
  label: string;
  action: JobAction;
  /** `job`: it answers a jobId; `sync`: it answers at once (Filtered-query, batch delete without executionMode async). */
  form: KindForm;
  /** The openapi.yaml request example it is built from. */
  example: string;
  /** How its body differs from the example, and why; undefined when it is sent unchanged. */
  adapted?: string | undefined;
}

/**
 * What became of one submission: what its answer made of it (kind-judging.ts), or `not-selected` (the
 * run leaves its operation out), `not-sent` (what it needs is missing).
 */
type KindOutcome = AnswerOutcome | 'not-selected' | 'not-sent';

/** One submission and what the kit saw of it. */
export interface KindSubmission {
  probe: KindProbe;
  outcome: KindOutcome;
  /** Why it was not sent. */
  reason?: string | undefined;
  /** The body sent, when the request has one. */
  body?: string | undefined;
  exchange?: Exchange | undefined;
  /** The new job's id, when one was created. */
  jobId?: string | undefined;
  /** The list read right after the submissions (created jobs only, when the run judges listJobs). */
  listed?: ListedJob | undefined;
  /** The status endpoint read right after (created jobs only, when the run judges getJobStatus). */
  status?: Exchange | undefined;
}

/** Every submission of the run, and the list as it stood before and after them. */
export interface KindRun {
  submissions: KindSubmission[];
  /** The jobIds the list held before the first submission (when the run judges listJobs). */
  before?: ReadonlySet<unknown> | undefined;
  /** The list read right after the submissions (the export's after the export). */
  after?: ListedJob | undefined;
  /** The index the kit built (and then deleted): a name of its own. */
  indexName: string;
  /** The job whose result the kit exported, when the export made a job. */
  exported?: string | undefined;
}

type Body = Record<string, unknown>;
const example = (operationId: OperationId, name: string): Body => structuredClone(getRequestExample(operationId, name)) as Body;

/** A probe of an action: its label and form. */
function probe(key: string, actionId: string, form: KindForm, exampleName: string, adapted?: string): KindProbe {
  const action = jobActionById(actionId);
  return { key, label: labelOf(action, form), action, form, example: exampleName, adapted };
}

/** How one probe's request is made: its body and path parameters, or why it cannot be sent. */
type Build = (run: KindRun) => { body?: Body | undefined; indexName?: string | undefined; jobId?: string | undefined } | string;

/** The submissions, in the order they are sent (the export of a result comes last, once a job of the kit's own has finished). */
const PLAN: readonly { probe: KindProbe; build: Build }[] = [
  { probe: probe('queryVertices', 'queryVertices', 'job', 'QueryPage'), build: () => ({ body: example('queryVertices', 'QueryPage') }) },
  { probe: probe('queryEdges', 'queryEdges', 'job', 'QueryPage'), build: () => ({ body: example('queryEdges', 'QueryPage') }) },
  {
    probe: probe('filteredQuery', 'filteredQuery', 'job', 'FilteredQueryAsyncPage'),
    build: () => ({ body: example('executeAlgorithm', 'FilteredQueryAsyncPage') }),
  },
  {
    probe: probe('filteredQuerySync', 'filteredQuery', 'sync', 'FilteredQuerySyncPage'),
    build: () => ({ body: example('executeAlgorithm', 'FilteredQuerySyncPage') }),
  },
  {
    probe: probe('exportVertices', 'exportVertices', 'job', 'ExportPage'),
    build: () => ({ body: example('queryVertices', 'ExportPage') }),
  },
  { probe: probe('exportEdges', 'exportEdges', 'job', 'ExportPage'), build: () => ({ body: example('queryEdges', 'ExportPage') }) },
  {
    probe: probe(
      'deleteVertices',
      'deleteVertices',
      'job',
      'DeletePage',
      "its condition selects no vertex (Age = a value none has): the page's deletes the 18-24-year-olds",
    ),
    build: () => ({
      body: { ...example('queryVertices', 'DeletePage'), vertexFilters: [{ propertyName: 'Age', predicate: '=', values: [NOTHING] }] },
    }),
  },
  {
    probe: probe(
      'deleteEdges',
      'deleteEdges',
      'job',
      'DeletePage',
      "its condition selects no edge (Score = a value none has): the page's deletes the ratings of 2 and more",
    ),
    build: () => ({
      body: { ...example('queryEdges', 'DeletePage'), edgeFilters: [{ propertyName: 'Score', predicate: '=', values: [NOTHING] }] },
    }),
  },
  {
    probe: probe(
      'batchDeleteEdgesSync',
      'batchDeleteEdges',
      'sync',
      'BatchDeletePage',
      'its edges join vertices no graph holds, so it deletes nothing',
    ),
    build: () => ({ body: { ...example('queryEdges', 'BatchDeletePage'), edges: [{ source: noSuchVertex(1), target: noSuchVertex(2) }] } }),
  },
  {
    probe: probe(
      'batchDeleteEdges',
      'batchDeleteEdges',
      'job',
      'BatchDeleteAsync',
      'its edge joins vertices no graph holds, so it deletes nothing',
    ),
    build: () => ({
      body: { ...example('queryEdges', 'BatchDeleteAsync'), edges: [{ source: noSuchVertex(1), target: noSuchVertex(2) }] },
    }),
  },
  {
    probe: probe(
      'importGraph',
      'importGraph',
      'job',
      'ImportGraphPage',
      'it imports online (offline: false): an offline import locks the graph the run reads',
    ),
    build: () => ({ body: { ...example('executeAlgorithm', 'ImportGraphPage'), offline: false } }),
  },
  {
    probe: probe(
      'createIndex',
      'createIndex',
      'job',
      'CompositePage',
      'the index has a name of its own, so that it neither meets nor deletes one the graph has',
    ),
    build: (run) => ({ body: { ...example('createIndex', 'CompositePage'), indexName: run.indexName } }),
  },
  {
    probe: probe(
      'deleteIndex',
      'deleteIndex',
      'job',
      'ageIndex (the page names the index in its path)',
      'it deletes the index the kit built',
    ),
    build: (run) => ({ indexName: run.indexName }),
  },
];

const EXPORT: { probe: KindProbe; body: () => Body } = {
  probe: probe(
    'exportJobResult',
    'exportJobResult',
    'job',
    'ToObsPage',
    "it exports a job of the kit's own that succeeded, with erase false (the 2025 page's field): by default an export deletes the job it exports, which the run still reads",
  ),
  body: () => ({ ...example('exportJobResult', 'ToObsPage'), erase: false }),
};

/** The key under which the exchanges of APIs the target does not offer are kept for the audits. */
const NOT_OFFERED = 'notOffered';

/**
 * Whether this answer says the target does not offer the API that creates jobs it was sent to (404 or
 * 405): one of the kit's submissions it classified so, or a recorded request (a HAR's, the proxy's) to
 * such an API that got 404 or 405, which the kit would classify so.
 */
export function isNotOffered(ctx: Pick<CheckContext, 'shared'>, exchange: Exchange): boolean {
  if (exchange.source !== undefined) {
    const action = jobActionOfExchange(exchange);
    return action !== undefined && classifyAnswer('job', exchange).outcome === 'not-offered';
  }
  return (ctx.shared.get(NOT_OFFERED) as Set<Exchange> | undefined)?.has(exchange) === true;
}

/** The request of one probe. */
function sendOptions(probe: KindProbe, built: Exclude<ReturnType<Build>, string>): SendOptions {
  const { action } = probe;
  return {
    operationId: action.operationId,
    ...(action.actionParam ? { query: { action_id: action.actionParam } } : {}),
    ...(built.body ? { body: JSON.stringify(built.body) } : {}),
    ...(built.indexName ? { indexName: built.indexName } : {}),
    ...(built.jobId ? { jobId: built.jobId } : {}),
  };
}

/** Sends one probe (unless its operation is left out) and classifies the answer. */
async function submitProbe(ctx: CheckContext, probe: KindProbe, built: ReturnType<Build>): Promise<KindSubmission> {
  if (!ctx.selects(probe.action.operationId)) {
    return { probe, outcome: 'not-selected', reason: `the run leaves ${probe.action.operationId} out` };
  }
  if (typeof built === 'string') return { probe, outcome: 'not-sent', reason: built };
  const send = sendOptions(probe, built);
  const exchange = await ctx.send(send);
  const { outcome, jobId } = classifyAnswer(probe.form, exchange);
  if (outcome === 'not-offered') {
    const notOffered = (ctx.shared.get(NOT_OFFERED) as Set<Exchange> | undefined) ?? new Set<Exchange>();
    notOffered.add(exchange);
    ctx.shared.set(NOT_OFFERED, notOffered);
  }
  return { probe, outcome, body: send.body, exchange, jobId };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The first of these jobs to succeed, reading their statuses (an engine may move a job on when asked)
 * and the list: at least three times, and for up to --job-wait ms; undefined when none does.
 */
async function firstSucceeded(ctx: CheckContext, jobIds: readonly string[]): Promise<string | undefined> {
  if (jobIds.length === 0) return undefined;
  const deadline = performance.now() + ctx.options.jobWaitMs;
  for (let attempt = 0; ; attempt++) {
    if (ctx.selects('getJobStatus')) {
      for (const jobId of jobIds) {
        const answer = readStatusAnswer(await ctx.send({ operationId: 'getJobStatus', jobId, fresh: true }));
        if (answer.kind === 'state' && stateOf(answer.status) === 'success') return jobId;
      }
    } else if (ctx.selects('listJobs')) {
      const { jobs } = await findListed(ctx, '');
      const done = jobs.find((job) => jobIds.includes(job.jobId as string) && stateOf(job.status) === 'success');
      if (done) return done.jobId as string;
    } else return undefined;
    if (attempt >= 2 && performance.now() >= deadline) return undefined;
    await pause(Math.min(1000, 50 * 2 ** attempt));
  }
}

/** The list and the status endpoint, read right after, for each created job of `submissions`. */
async function observe(ctx: CheckContext, submissions: readonly KindSubmission[]): Promise<ListedJob | undefined> {
  const created = submissions.filter((submission) => submission.outcome === 'created');
  const after = ctx.selects('listJobs') ? await findListed(ctx, '') : undefined;
  for (const submission of created) {
    const jobId = submission.jobId as string;
    if (after) {
      const index = after.jobs.findIndex((job) => job.jobId === jobId);
      submission.listed = { ...after, index, ...(index >= 0 ? { job: after.jobs[index] } : {}) };
    }
    if (ctx.selects('getJobStatus')) submission.status = await ctx.send({ operationId: 'getJobStatus', jobId, fresh: true });
  }
  return after;
}

/** The kit's shortest_path, submitted for the other checks, as the execute-algorithm submission. */
async function executeAlgorithmSubmission(ctx: CheckContext): Promise<KindSubmission> {
  const executeAlgorithm = probe(
    'executeAlgorithm',
    'executeAlgorithm',
    'job',
    'ShortestPath',
    'spaced unusually, so that a body written again shows',
  );
  if (!ctx.selects('executeAlgorithm'))
    return { probe: executeAlgorithm, outcome: 'not-selected', reason: 'the run leaves executeAlgorithm out' };
  const submitted = await shortestPathSubmitted(ctx);
  const exchange = 'refused' in submitted ? submitted.refused : submitted.submit;
  const { outcome, jobId } = classifyAnswer(executeAlgorithm.form, exchange);
  return { probe: executeAlgorithm, outcome, body: submitted.body, exchange, jobId };
}

/**
 * Every submission of the run, once: first to every API but the export of a result, observing the jobs
 * they made; then the export of a job of the kit's own that succeeded (its vertex or edge filter query,
 * or its shortest_path), the first to within --job-wait. When none has, it exports one of them all the
 * same, which the spec refuses (400 GES.8011), so that the API is still exercised. Never another's
 * job: an export may delete the job it exports.
 */
export function kindRun(ctx: CheckContext): Promise<KindRun> {
  return once(ctx, 'kindRun', async () => {
    const run: KindRun = { submissions: [], indexName: `gesContractKit_${randomBytes(4).toString('hex')}` };
    run.before = ctx.selects('listJobs') ? new Set((await findListed(ctx, '')).jobs.map((job) => job.jobId)) : undefined;
    run.submissions.push(await executeAlgorithmSubmission(ctx));
    for (const { probe: next, build } of PLAN) run.submissions.push(await submitProbe(ctx, next, build(run)));
    run.after = await observe(ctx, run.submissions);
    const exportable = run.submissions
      .filter((s) => s.outcome === 'created' && ['queryVertices', 'queryEdges', 'executeAlgorithm'].includes(s.probe.key))
      .map((s) => s.jobId as string);
    const selected = ctx.selects(EXPORT.probe.action.operationId);
    // The kit's other job that takes time (a shortest_path that fails later) runs while it waits.
    if (selected && ctx.selects('executeAlgorithm')) await unknownVertexOnce(ctx);
    const finished = selected ? await firstSucceeded(ctx, exportable) : undefined;
    const jobId = finished ?? exportable[0];
    const probe =
      finished === undefined && jobId !== undefined
        ? {
            ...EXPORT.probe,
            adapted: `it exports a job of the kit's own that had not finished within --job-wait (${ctx.options.jobWaitMs} ms), with erase false`,
          }
        : EXPORT.probe;
    const exported = await submitProbe(
      ctx,
      probe,
      jobId !== undefined ? { body: EXPORT.body(), jobId } : "no job of the kit's own was created whose result it could export",
    );
    run.submissions.push(exported);
    if (exported.outcome === 'created') {
      run.exported = jobId;
      run.after = (await observe(ctx, [exported])) ?? run.after;
    }
    return run;
  });
}

/**
 * The jobs whose result the kit exported this run: an engine that does not know erase (older than the
 * 2025 page) may delete them once the export is done, so a later read may not find them.
 */
export async function jobsExported(ctx: Pick<CheckContext, 'shared'>): Promise<ReadonlySet<unknown>> {
  const run = await (ctx.shared.get('kindRun') as Promise<KindRun> | undefined)?.catch(() => undefined);
  return new Set(run?.exported !== undefined ? [run.exported] : []);
}

/** The kind (an action's id) of every job the kit's submissions made this run, by jobId; it submits nothing itself. */
export async function kindsMade(ctx: Pick<CheckContext, 'shared'>): Promise<ReadonlyMap<unknown, string>> {
  const pending = ctx.shared.get('kindRun') as Promise<KindRun> | undefined;
  const run = await pending?.catch(() => undefined);
  return new Map((run?.submissions ?? []).flatMap((s) => (s.jobId !== undefined ? [[s.jobId, s.probe.action.id] as const] : [])));
}

/** The operations the target offers: those it answered a submission to with a job, a result or a refusal (not 404 or 405). */
export function offeredOperations(run: KindRun): Set<OperationId> {
  return new Set(
    run.submissions
      .filter((s) => s.outcome === 'created' || s.outcome === 'answered' || s.outcome === 'refused')
      .map((s) => s.probe.action.operationId),
  );
}

/** The submission of the probe with this key when the target accepted it (a job created, or an answer at once). */
export function acceptedProbe(run: KindRun, key: string): KindSubmission | undefined {
  return run.submissions.find((s) => s.probe.key === key && (s.outcome === 'created' || s.outcome === 'answered'));
}

/** A submission in a line, for notes and findings: `queryVertices action_id=query answered 404 …`. */
export function describeSubmission(submission: KindSubmission): string {
  return submission.exchange
    ? `${submission.probe.label} answered ${describeAnswer(submission.exchange)}`
    : `${submission.probe.label}: ${submission.reason}`;
}
