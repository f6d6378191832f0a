/**
 * How an answer of an API that creates a job is judged, once for the live kit (its own submissions)
 * and for recorded traffic (anyone's submissions, read from a HAR or a proxy): which API and form a
 * request is, what its answer makes of it (a job, an answer at once, a refusal, an API not offered),
 * and what the pages state of each: the jobId and jobType of a job's answer, the result of a
 * synchronous form, a refusal's envelope without a jobId and without a job made of its body, the
 * taskType and rawRequest of the job as the list shows it, the status endpoint knowing it.
 */
import { jobActionOf, type JobAction } from '../../src/spec/job-actions.js';
import { describeJob, showValue } from '../../src/spec/job-facts.js';
import type { CheckContext, Exchange, SeenJob } from '../contract-types.js';
import type { RuleId } from '../rule-inventory.js';
import { bodyObject, canonicalJson, describeAnswer, expectGesError, isAuthStatus } from './check-helpers.js';

/** `job`: the request asks for a job (a jobId); `sync`: it asks for the answer at once (Filtered-query, batch delete without executionMode async). */
export type KindForm = 'job' | 'sync';

/** What an answer makes of a submission: a job `created`, `answered` at once (or 200 without the jobId a job form owes), `refused` with a 4xx, `not-offered` (404, 405), `unanswered` (no answer, a 5xx). */
export type AnswerOutcome = 'created' | 'answered' | 'refused' | 'not-offered' | 'unanswered';

/** The request body as a JSON object, or undefined. */
export function parseBody(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The API that creates jobs a request was sent to (its operation and action_id, blanks aside as the import page prints it); undefined for any other. */
export function jobActionOfExchange(exchange: Exchange): JobAction | undefined {
  const actionParam = new URL(exchange.request.url).searchParams.get('action_id');
  return jobActionOf(exchange.operationId, actionParam === null ? undefined : actionParam.trim());
}

/** The form a body asks for: an action that makes a job only asynchronously answers at once unless executionMode is async (the pages' default is sync). */
export function formOf(action: JobAction, body: Record<string, unknown> | undefined): KindForm {
  return action.createsJob === 'async' && body?.executionMode !== 'async' ? 'sync' : 'job';
}

/** How a report names a request to an API: `queryVertices action_id=export`, `executeAlgorithm action_id=filtered-query (at once)`. */
export function labelOf(action: JobAction, form: KindForm): string {
  const param = action.actionParam ? ` action_id=${action.actionParam}` : '';
  const mode = action.createsJob === 'async' ? (form === 'sync' ? ' (at once)' : ' (executionMode async)') : '';
  return `${action.operationId}${param}${mode}`;
}

/** What an answer makes of a submission of this form (404 and 405: the target does not offer the API). */
export function classifyAnswer(form: KindForm, exchange: Exchange): { outcome: AnswerOutcome; jobId?: string | undefined } {
  const status = exchange.response?.status;
  if (status === undefined || status >= 500) return { outcome: 'unanswered' };
  if (status === 404 || status === 405) return { outcome: 'not-offered' };
  if (status >= 400) return { outcome: 'refused' };
  const jobId = bodyObject(exchange)?.jobId;
  if (form === 'job' && status === 200 && typeof jobId === 'string' && jobId !== '') return { outcome: 'created', jobId };
  return { outcome: 'answered' };
}

/** A jobType as the pages send it: a number, or the string of digits the index tables' String allows. */
const isJobType = (value: unknown) =>
  (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value));

/** Judges a job form's answer that carries its jobId: the jobType where the page shows one. */
export function judgeCreated(ctx: CheckContext, action: JobAction, label: string, exchange: Exchange): void {
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
export function judgeAnswered(ctx: CheckContext, action: JobAction, form: KindForm, label: string, exchange: Exchange): void {
  const status = exchange.response?.status;
  const body = bodyObject(exchange);
  if (form === 'job') {
    ctx.fail({
      rule: 'kind.answer',
      message: `${label} answered ${status} without a jobId`,
      expected: `200 {"jobId": …${action.jobType !== undefined ? `, "jobType": ${action.jobType}` : ''}}`,
      actual: describeAnswer(exchange),
      exchange,
    });
    return;
  }
  const problem =
    status !== 200
      ? `answered ${status}`
      : action.id === 'filteredQuery'
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
      message: `${label} ${problem}`,
      expected: action.id === 'filteredQuery' ? '200 {"data": {…}} (the result, at once)' : '200 {"result": "success"}',
      actual: describeAnswer(exchange),
      exchange,
    });
  }
}

/**
 * Judges a refusal's answer: a GES envelope (a gateway's 401/403 body is its own) without a jobId.
 * `cleanUp` undoes a job the live kit made by mistake and says so (a recording cannot).
 */
export async function judgeRefusal(ctx: CheckContext, exchange: Exchange, what: string, cleanUp?: () => Promise<string>): Promise<void> {
  if (isAuthStatus(exchange.response?.status)) ctx.judged();
  else expectGesError(ctx, exchange, { rule: 'kind.refusal' }, what);
  const jobId = bodyObject(exchange)?.jobId;
  if (typeof jobId === 'string' && jobId !== '') {
    ctx.fail({
      rule: 'kind.refusal',
      message: `${what} was refused, yet the answer carries jobId ${jobId}${cleanUp ? await cleanUp() : ''}`,
      expected: 'no jobId in a refusal (the tables: the id is empty when the request fails)',
      actual: describeAnswer(exchange),
      exchange,
    });
  }
}

/** The jobs of a list that `isOld` does not know, whose rawRequest is `body` (the same JSON). */
export function jobsMadeOf(body: string | undefined, jobs: readonly SeenJob[], isOld: (jobId: unknown) => boolean): SeenJob[] {
  const wanted = canonicalJson(body);
  if (wanted === undefined) return [];
  return jobs.filter((job) => !isOld(job.jobId) && canonicalJson(job.rawRequest) === wanted);
}

/** A refused request whose body a job in a later list has as rawRequest: the refusal made a job. */
export function failJobMade(ctx: CheckContext, what: string, job: SeenJob, list: Exchange): void {
  ctx.fail({
    rule: 'kind.refusal',
    message: `${what} was refused, yet the list now holds ${describeJob(job)} with its body as rawRequest`,
    expected: 'no job made of a refused request',
    actual: JSON.stringify(job).slice(0, 400),
    exchange: list,
  });
}

/** What the live kit and a recording know of a job an API created, to judge it as the list shows it. */
interface CreatedJob {
  action: JobAction;
  label: string;
  jobId: string;
  /** The body it was submitted with, when the request had one. */
  body: string | undefined;
}

/** Judges a job as a list shows it: the taskType the pages (or the spec) give its kind, and its body as rawRequest. */
export function judgeListedJob(ctx: CheckContext, created: CreatedJob, job: SeenJob, list: Exchange): void {
  const { action, label, jobId, body } = created;
  const taskRule: RuleId = action.taskTypeFrom === 'ex' ? 'kind.task-type' : 'kind.task-type-decided';
  if (job.taskType !== action.taskType) {
    ctx.fail({
      rule: taskRule,
      message: `the job ${jobId} made by ${label} is listed with taskType ${showValue(job.taskType)}`,
      expected: `taskType ${action.taskType}${taskRule === 'kind.task-type-decided' ? ' (the name the spec gives it)' : ''}`,
      actual: JSON.stringify(job).slice(0, 400),
      exchange: list,
    });
  }
  // An algorithm job's rawRequest has a rule of its own (job.raw-request); a delete of an index has no body.
  if (action.id === 'executeAlgorithm' || body === undefined) return;
  const credentials = ['obsParameters'];
  if (canonicalJson(job.rawRequest, credentials) !== canonicalJson(body, credentials)) {
    ctx.fail({
      rule: 'kind.raw-request',
      message: `the job ${jobId} made by ${label} has rawRequest ${showValue(typeof job.rawRequest === 'string' ? job.rawRequest.slice(0, 200) : job.rawRequest)}`,
      expected: body.slice(0, 300),
      exchange: list,
    });
  }
}

/** A created job a list read after its answer does not hold. */
export function failNotListed(ctx: CheckContext, created: CreatedJob, list: Exchange, when: string): void {
  ctx.fail({
    rule: 'kind.listed',
    message: `the list read ${when} does not hold job ${created.jobId}, made by ${created.label}`,
    expected: `a job ${created.jobId}: the list holds every asynchronous task the engine holds`,
    exchange: list,
  });
}

/** A created job its status endpoint does not know after its answer. */
export function failStatusUnknown(ctx: CheckContext, created: CreatedJob, status: Exchange, when: string, listed?: SeenJob): void {
  ctx.fail({
    rule: 'kind.listed',
    message: `the status endpoint does not know job ${created.jobId}, made by ${created.label}, ${when}`,
    expected: `200 with the job's status${listed ? ` (${showValue(listed.status)} or later)` : ''}`,
    actual: describeAnswer(status),
    exchange: status,
  });
}
