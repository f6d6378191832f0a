/**
 * The job kinds judged on recorded traffic: what the live kit's job_kinds_submitted,
 * job_kinds_listed and job_kind_refusals judge of its own submissions, judged of every request to an
 * API that creates jobs that a recording (a HAR, the proxy's traffic) holds, by the same functions, at
 * the same rules. What a request asked for is read from the request itself: its API and form (an
 * executionMode async or not), a body the pages say must be refused, a graph the recording shows does
 * not exist (a list of it answered the not-found error within the window). What only the live kit
 * knows (that a graph it chose is absent, that a body it sent is its page's example) is not judged.
 */
import type { JobAction } from '../../src/spec/job-actions.js';
import { sharedSpecValidator } from '../../src/spec/spec-validator.js';
import type { CheckContext, CheckDefinition, Exchange } from '../contract-types.js';
import { bodyObject, isAuthStatus, readStatusAnswer } from '../checks/check-helpers.js';
import {
  type AnswerOutcome,
  classifyAnswer,
  failJobMade,
  failNotListed,
  failStatusUnknown,
  formOf,
  jobActionOfExchange,
  jobsMadeOf,
  judgeAnswered,
  judgeCreated,
  judgeListedJob,
  judgeRefusal,
  type KindForm,
  labelOf,
  parseBody,
} from '../checks/kind-judging.js';
import { type DocumentedRefusal, judgeDocumentedRefusal, refusalOfBody, refusalOnMissingGraph } from '../checks/kind-refusals.js';
import {
  answeredBefore,
  graphKey,
  holdsWholeList,
  inTimeOrder,
  type ListAnswer,
  listAnswers,
  pathJobId,
  timeOf,
  WINDOW_MS,
} from './recorded-traffic.js';

/** One recorded request to an API that creates jobs, read as the live kit reads its own submissions. */
interface RecordedSubmission {
  exchange: Exchange;
  action: JobAction;
  form: KindForm;
  label: string;
  /** The body as sent (when the request had one) and parsed (when it is a JSON object). */
  body: string | undefined;
  parsed: Record<string, unknown> | undefined;
  outcome: AnswerOutcome;
  jobId?: string | undefined;
  graph: string;
}

/** Every answered request to an API that creates jobs, in recorded order (an answer whose body the recording left out tells nothing). */
function submissionsOf(ctx: CheckContext): RecordedSubmission[] {
  return inTimeOrder(ctx.exchanges()).flatMap((exchange) => {
    if (!exchange.response || exchange.response.bodyNotRecorded) return [];
    const action = jobActionOfExchange(exchange);
    if (!action) return [];
    const body = exchange.request.body;
    const parsed = parseBody(body);
    const form = formOf(action, parsed);
    const { outcome, jobId } = classifyAnswer(form, exchange);
    return [{ exchange, action, form, label: labelOf(action, form), body, parsed, outcome, jobId, graph: graphKey(exchange) }];
  });
}

/** A list of the graph answered the not-found error the list page shows (400 GES.8000, "graph : movidde not exist"). */
function saysGraphAbsent(exchange: Exchange): boolean {
  const body = bodyObject(exchange);
  return (
    exchange.operationId === 'listJobs' &&
    exchange.response?.status === 400 &&
    body?.errorCode === 'GES.8000' &&
    /not (exist|found)/i.test(String(body.errorMessage))
  );
}

/** Whether a body is one the action takes (its schema accepts it; a batch delete names edges): only its graph can then be refused. */
function takesBody(action: JobAction, submission: RecordedSubmission): boolean {
  if (!action.requestSchema) return submission.body === undefined || submission.body === '';
  if (!submission.parsed || sharedSpecValidator().validate(action.requestSchema, submission.parsed).length > 0) return false;
  return action.id !== 'batchDeleteEdges' || (Array.isArray(submission.parsed.edges) && submission.parsed.edges.length > 0);
}

/**
 * The recorded requests whose answer a page (or the spec) documents from what the recording shows:
 * a body the pages say is refused, or a valid one to a graph a list answer of the recording, within
 * the window, says does not exist. A request answered 401/403 was refused for its token, not for
 * this; one answered 404/405 went to an API the target does not offer; a 5xx is not_a_server_error's.
 */
function documentedRefusals(ctx: CheckContext, submissions: readonly RecordedSubmission[]): Map<RecordedSubmission, DocumentedRefusal> {
  const absent = ctx.exchanges().filter(saysGraphAbsent);
  const graphAbsent = (submission: RecordedSubmission) =>
    absent.some((list) => graphKey(list) === submission.graph && Math.abs(timeOf(list) - timeOf(submission.exchange)) <= WINDOW_MS);
  const found = new Map<RecordedSubmission, DocumentedRefusal>();
  for (const submission of submissions) {
    const { action, exchange, outcome, parsed } = submission;
    if (outcome === 'not-offered' || outcome === 'unanswered' || isAuthStatus(exchange.response?.status)) continue;
    const refusal =
      refusalOfBody(action, parsed) ??
      (graphAbsent(submission) && takesBody(action, submission) ? refusalOnMissingGraph(action, parsed) : undefined);
    if (refusal) found.set(submission, refusal);
  }
  return found;
}

/** The 200 list answers in recorded order. */
const listsInOrder = (ctx: CheckContext): ListAnswer[] => {
  const answers = new Map(listAnswers(ctx).map((answer) => [answer.exchange, answer]));
  return inTimeOrder([...answers.keys()]).map((exchange) => answers.get(exchange) as ListAnswer);
};

/**
 * A job a refused request made: one a list of its graph answered after the refusal holds with its
 * body as rawRequest, that the whole list answered last before it (within the window) did not hold,
 * and whose id no accepted submission of the recording answered.
 */
function jobMadeBy(
  submission: RecordedSubmission,
  lists: readonly ListAnswer[],
  accepted: ReadonlySet<unknown>,
): { job: Record<string, unknown>; list: Exchange } | undefined {
  const same = lists.filter((list) => graphKey(list.exchange) === submission.graph);
  const before = same.filter((list) => holdsWholeList(list) && answeredBefore(list.exchange, submission.exchange)).at(-1);
  if (!before) return undefined;
  const held = new Set(before.jobs.map((job) => job.jobId));
  for (const after of same.filter((list) => answeredBefore(submission.exchange, list.exchange))) {
    const [job] = jobsMadeOf(submission.body, after.jobs, (jobId) => held.has(jobId) || accepted.has(jobId));
    if (job) return { job, list: after.exchange };
  }
  return undefined;
}

/** The ids of the jobs the recorded submissions created. */
const createdIds = (submissions: readonly RecordedSubmission[]) =>
  new Set<unknown>(submissions.filter((s) => s.outcome === 'created').map((s) => s.jobId));

/** How long after `first` started `then` did, for findings. */
const after = (first: Exchange, then: Exchange) => `${Math.max(0, Math.round(timeOf(then) - timeOf(first)))} ms after its answer`;

/** The recorded job kinds checks. */
export const recordedKindChecks: readonly CheckDefinition[] = [
  {
    id: 'job_kinds_submitted',
    group: 'job kinds',
    phase: 'audit',
    description:
      "Every recorded answer of an API that creates a job: 200 with a jobId and the jobType its page shows (that number, as the spec prefers), or, for a synchronous form, the answer its page shows at once (Filtered-query data, a batch delete's result success); a refusal is a 4xx GES envelope without a jobId, and no list of its graph answered after it (within 5 s of a whole list that lacked it) holds a job of its body. An API the target does not offer (404, 405) is reported.",
    async run(ctx) {
      const submissions = submissionsOf(ctx);
      if (submissions.length === 0) return ctx.skip('the recording holds no answer of an API that creates jobs');
      const documented = documentedRefusals(ctx, submissions);
      const lists = listsInOrder(ctx);
      const accepted = createdIds(submissions);
      for (const submission of submissions) {
        if (documented.has(submission)) continue; // job_kind_refusals judges it
        const { action, form, label, exchange } = submission;
        if (submission.outcome === 'created') {
          ctx.judged();
          judgeCreated(ctx, action, label, exchange);
        } else if (submission.outcome === 'answered') {
          ctx.judged();
          judgeAnswered(ctx, action, form, label, exchange);
        } else if (submission.outcome === 'refused') {
          await judgeRefusal(ctx, exchange, label);
          const made = jobMadeBy(submission, lists, accepted);
          if (made) failJobMade(ctx, label, made.job, made.list);
        }
      }
      const own = submissions.filter((s) => !documented.has(s));
      const count = (outcome: AnswerOutcome) => own.filter((s) => s.outcome === outcome).length;
      const notOffered = [...new Set(own.filter((s) => s.outcome === 'not-offered').map((s) => s.label))];
      ctx.note(
        `${own.length} answers: ${count('created')} created a job, ${count('answered')} answered at once, ${count('refused')} refused` +
          (notOffered.length > 0 ? `; not offered: ${notOffered.join(', ')}` : '') +
          (documented.size > 0 ? `; ${documented.size} refusals the pages document, judged by job_kind_refusals` : ''),
      );
    },
  },
  {
    id: 'job_kinds_listed',
    group: 'job kinds',
    phase: 'audit',
    description: `Every job a recorded answer created is held by each whole list of its graph answered after it (within ${WINDOW_MS / 1000} s, until an export of its result may delete it) and known to its status endpoint; listed with the taskType ImportGraph or Algorithm the pages show, and with the taskType the spec names for the others and its body as rawRequest (as the spec decides).`,
    async run(ctx) {
      const submissions = submissionsOf(ctx);
      const documented = documentedRefusals(ctx, submissions);
      const created = submissions.filter((s) => s.outcome === 'created' && !documented.has(s));
      if (created.length === 0) return ctx.skip('the recording holds no answer that created a job');
      const lists = listsInOrder(ctx);
      const statuses = inTimeOrder(ctx.exchanges()).filter(
        (exchange) => exchange.operationId === 'getJobStatus' && exchange.response && !exchange.response.bodyNotRecorded,
      );
      const exports = submissions.filter((s) => s.action.id === 'exportJobResult' && s.exchange.response?.status === 200);
      let judged = 0;
      for (const submission of created) {
        const jobId = submission.jobId as string;
        const job = { action: submission.action, label: submission.label, jobId, body: submission.body };
        const later = (exchange: Exchange) => graphKey(exchange) === submission.graph && answeredBefore(submission.exchange, exchange);
        // An export of its result deletes it unless erase is false (and an engine older than erase, always).
        const exported = exports.find((s) => pathJobId(s.exchange) === jobId && later(s.exchange));
        const kept = (exchange: Exchange) => !exported || timeOf(exchange) < timeOf(exported.exchange);
        let sighted: Record<string, unknown> | undefined;
        let missed = false;
        for (const list of lists) {
          if (!later(list.exchange) || !kept(list.exchange)) continue;
          const listed = list.jobs.find((held) => held.jobId === jobId);
          if (listed && !sighted) {
            judged++;
            sighted = listed;
            judgeListedJob(ctx, job, listed, list.exchange);
          } else if (!listed && !missed && holdsWholeList(list)) {
            judged++;
            missed = true;
            failNotListed(ctx, job, list.exchange, after(submission.exchange, list.exchange));
          }
        }
        for (const status of statuses) {
          if (pathJobId(status) !== jobId || !later(status) || !kept(status)) continue;
          judged++;
          if (readStatusAnswer(status).kind === 'unknown') {
            failStatusUnknown(ctx, job, status, after(submission.exchange, status), sighted);
            break;
          }
        }
      }
      ctx.judged(judged);
      ctx.note(`${created.length} jobs created, ${judged} later answers about them`);
    },
  },
  {
    id: 'job_kind_refusals',
    group: 'job kinds',
    phase: 'audit',
    description:
      "Every recorded request whose refusal a page shows for what the request itself shows answers 400 with the page's code and makes no job: no labels or filters GES.8203 / GES.8103, an edge without source GES.8000, a wrong executionMode GES.8806, and, on a graph a list answer of the recording says does not exist, GES.8603, GES.8604, GES.8011, GES.8013, GES.8806, GES.8402 (the filter queries' GES.8000 there is the spec's).",
    async run(ctx) {
      const submissions = submissionsOf(ctx);
      const documented = documentedRefusals(ctx, submissions);
      if (documented.size === 0) {
        return ctx.skip(
          'the recording holds no request whose refusal a page documents (no labels nor filters, an edge without source, an executionMode neither sync nor async, a graph the recording shows does not exist)',
        );
      }
      const lists = listsInOrder(ctx);
      const accepted = createdIds(submissions);
      for (const [submission, refusal] of documented) {
        await judgeDocumentedRefusal(ctx, refusal, submission.exchange);
        if (submission.outcome !== 'refused') continue;
        const made = jobMadeBy(submission, lists, accepted);
        if (made) failJobMade(ctx, refusal.what, made.job, made.list);
      }
      ctx.note(`${documented.size} refusals`);
    },
  },
];
