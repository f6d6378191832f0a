/**
 * The GES operations under /ges/v1.0/: list jobs, one job's status, cancel, execute-algorithm. Each
 * request is checked in the documented order (token → path parameters → query and body) and handed to
 * the engine with its world; the answer is a value, turned into an HTTP response by create-api.ts, as
 * the control routes' answers are.
 */
import type { Engine, EngineResult, EngineWrite } from '../engine/engine-types.js';
import type { JobBody, JobKind } from '../engine/job-kinds.js';
import { actionParamsOf, jobActionOf, type JobAction } from '../spec/job-actions.js';
import type { JobCreated, OperationId } from '../types.js';
import type { OperationMatch } from '../spec/route-operation.js';
import { decodeSegment } from '../spec/route-operation.js';
import { graphNamePattern, jobIdMaxLength, projectIdPattern } from '../spec/spec-facts.js';
import type { TokenPolicy } from './check-token.js';
import { commitChange, type Answer, type OnChange } from './commit-change.js';
import type { ApiRequest, RouteResult } from './http-types.js';
import { parseAlgorithmBody } from './parse-algorithm-body.js';
import { parseJobRequest } from './parse-job-request.js';
import { parsePage } from './parse-page.js';
import { MALFORMED, readParam, type Query } from './parse-query.js';
import { httpErrors, toGesError, type HttpError } from './to-ges-error.js';
import { toListJobsJson } from './to-list-jobs-json.js';

/** What the operations act on. */
export interface OperationContext {
  readonly engine: Engine;
  readonly checkToken: TokenPolicy;
  readonly onChange: OnChange | undefined;
  readonly onError: ((error: unknown) => void) | undefined;
}

type Params = { project: string; graph: string; jobId: string };

const failure = (error: HttpError): RouteResult => ({ kind: 'error', error });
const fromEngine = <T>(result: EngineResult<T>): RouteResult =>
  result.ok ? { kind: 'json', status: 200, value: result.value } : failure(toGesError(result.error));
const created = (value: unknown): RouteResult => ({ kind: 'json', status: 200, value });

type ParamsRead = { ok: true; params: Params } | { ok: false; error: HttpError };

/** A route read once is read again for every request of the same URL (read-target.ts shares it). */
const readRoutes = new WeakMap<OperationMatch, ParamsRead>();

/** Decodes and checks path parameters; the answer is shared, never changed. */
function readParams(route: OperationMatch): ParamsRead {
  let read = readRoutes.get(route);
  if (read === undefined) {
    read = checkParams(route);
    readRoutes.set(route, read);
  }
  return read;
}

function checkParams(route: OperationMatch): ParamsRead {
  const project = decodeSegment(route.params['project_id'] ?? '');
  const graph = decodeSegment(route.params['graph_name'] ?? '');
  const rawJobId = route.params['job_id'];
  const jobId = rawJobId === undefined ? '' : decodeSegment(rawJobId);
  if (project === undefined || graph === undefined || jobId === undefined) {
    return { ok: false, error: httpErrors.malformed('the path has a malformed percent-escape.') };
  }
  if (!projectIdPattern.test(project)) {
    return { ok: false, error: httpErrors.malformed('project_id must be 1-64 letters or digits.') };
  }
  if (!graphNamePattern.test(graph)) {
    return {
      ok: false,
      error: httpErrors.malformed('graph_name must be 4-50 letters, digits or underscores, starting with a letter.'),
    };
  }
  if (rawJobId !== undefined && (jobId.length === 0 || jobId.length > jobIdMaxLength)) {
    return { ok: false, error: httpErrors.malformed(`job_id must be 1-${jobIdMaxLength} characters.`) };
  }
  return { ok: true, params: { project, graph, jobId } };
}

/**
 * The job action an operation's `action_id` names, or the 400 GES.8000 naming the values it takes.
 * Blanks around the value are ignored: the import-graph page prints `action_id= import-graph` [ex].
 */
function readAction(operationId: OperationId, query: Query): { ok: true; action: JobAction } | { ok: false; error: HttpError } {
  const params = actionParamsOf(operationId);
  if (params.length === 0) return { ok: true, action: jobActionOf(operationId, undefined)! };
  const named = params.join(', ');
  const given = readParam(query, 'action_id');
  if (given === undefined) return { ok: false, error: httpErrors.malformed(`action_id is required; the actions here are ${named}.`) };
  if (given === MALFORMED || typeof given === 'object')
    return { ok: false, error: httpErrors.malformed(`action_id must be given once, as one of ${named}.`) };
  const action = jobActionOf(operationId, given.trim());
  return action ? { ok: true, action } : { ok: false, error: httpErrors.malformed(`action_id must be one of ${named}.`) };
}

/** Whether the request asks for the synchronous form of an action that has one (no job is made). */
const isSync = (action: JobAction, body: JobBody) => action.createsJob === 'async' && body['executionMode'] !== 'async';

/** Answers one routed /ges/ request (after faults and Prefer): auth, parameters, engine. */
export function answerGesOperation(context: OperationContext, request: ApiRequest, route: OperationMatch, query: Query): Answer {
  const rawProject = route.params['project_id'] ?? '';
  const verdict = context.checkToken(request.headers['x-auth-token'], decodeSegment(rawProject) ?? rawProject);
  if (verdict !== 'ok') return failure(verdict === 'invalid' ? httpErrors.invalidToken() : httpErrors.invalidResourceAccess());
  const read = readParams(route);
  if (!read.ok) return failure(read.error);
  const { project, graph, jobId } = read.params;
  const { engine, onChange, onError } = context;
  switch (route.operationId) {
    case 'listJobs': {
      const page = parsePage(query);
      if (!page.ok) return failure(page.error);
      const listed = engine.listJobs(project, graph, page.page);
      return listed.ok ? { kind: 'json', status: 200, value: listed.value, text: toListJobsJson(listed.value) } : fromEngine(listed);
    }
    case 'getJobStatus': {
      const page = parsePage(query);
      return page.ok ? fromEngine(engine.getJobStatus(project, graph, jobId, page.page)) : failure(page.error);
    }
    case 'cancelJob':
      return commitChange(engine.cancelJob(project, graph, jobId), onChange, onError, created);
    case 'executeAlgorithm':
    case 'queryVertices':
    case 'queryEdges':
    case 'createIndex':
    case 'deleteIndex':
    case 'exportJobResult': {
      const read = readAction(route.operationId, query);
      if (!read.ok) return failure(read.error);
      const { action } = read;
      const refused = (result: EngineWrite<unknown> | EngineResult<unknown>) => !result.ok && failure(toGesError(result.error, action.id));
      const submitted = (write: EngineWrite<JobCreated>) => refused(write) || commitChange(write, onChange, onError, created);
      if (route.operationId === 'deleteIndex') {
        const indexName = decodeSegment(route.params['indexName'] ?? '');
        if (!indexName) return failure(httpErrors.malformed('the path has a malformed percent-escape.'));
        return submitted(engine.submitJob(project, graph, { kind: 'deleteIndex', indexName }));
      }
      if (request.bodyUnread !== undefined) {
        // Refused as it arrived; should room have been made since, it is still refused: its body is gone.
        const refusal = engine.refusesBody(project, graph, request.bodyUnread);
        return failure(toGesError(refusal ?? { kind: 'memory-budget', cap: engine.settings.maxStoredBytes }, action.id));
      }
      if (action.id === 'executeAlgorithm') {
        const body = parseAlgorithmBody(request.body, request.headers['content-type'], request.bodyTooLarge);
        if (!body.ok) return failure(body.error);
        return commitChange(engine.executeAlgorithm(project, graph, body.rawBody, body.request), onChange, onError, created);
      }
      const body = parseJobRequest(action, request.body, request.headers['content-type'], request.bodyTooLarge);
      if (!body.ok) return failure(body.error);
      if (isSync(action, body.body)) {
        if (action.id === 'filteredQuery') {
          const answered = engine.filteredQuery(project, graph, body.body);
          return refused(answered) || created((answered as { value: unknown }).value);
        }
        // A synchronous batch delete deletes at once [doc]: the mock keeps no edges to delete.
        return engine.hasGraph(project, graph)
          ? created({ result: 'success' })
          : failure(toGesError({ kind: 'graph-not-found', graph }, action.id));
      }
      const kind = action.id as Exclude<JobKind, 'deleteIndex' | 'exportJobResult'>;
      return submitted(
        action.id === 'exportJobResult'
          ? engine.submitJob(project, graph, { kind: 'exportJobResult', rawBody: body.rawBody, body: body.body, jobId })
          : engine.submitJob(project, graph, { kind, rawBody: body.rawBody, body: body.body }),
      );
    }
    default: {
      const unreachable: never = route.operationId;
      throw new Error(`no handler for ${String(unreachable)}`);
    }
  }
}
