/**
 * The GES operations that make or cancel a job, as proposals: each checks a request against the
 * engine's state and answers either the refusal or the Change that carries it out (with the answer
 * the caller gets once it is applied). Nothing here changes state; the engine applies the change.
 */
import type { AlgorithmRequest, Job, JobCreated } from '../types.js';
import { jobActionById, type JobAction } from '../spec/job-actions.js';
import { readJobTime } from '../spec/read-job-time.js';
import { ALGORITHMS, isGiven } from './algorithms.js';
import { planSubmittedAlgorithm, planSubmittedJob, type PlannerContext } from './draw-job-plans.js';
import type { EngineState } from './engine-state.js';
import type { Change, EngineError, JobSubmission } from './engine-types.js';
import { algorithmOf } from './job-factory.js';
import { bodyOf, looseBoolean, TASK_TYPES } from './job-kinds.js';
import { isView, type JobPlan } from './job-lifecycle.js';
import { jobBytes, type JobStore } from './job-store.js';
import { findServed, hasGraph } from './world.js';

/** A change the engine may apply, with the answer it gives; or why the request is refused. */
export type Proposal<T> = { ok: true; value: T; change: Change } | { ok: false; error: EngineError };

/** A refusal. */
export const refuse = (error: EngineError): { ok: false; error: EngineError } => ({ ok: false, error });

/**
 * The indices a graph has at `now`, by name: those its index jobs built or are building, less those
 * deleted by then, in the order the jobs were submitted (the jobs it still holds are its record).
 */
function indexNamesOf(store: JobStore, now: number): Set<string> {
  const events: { startMs: number; name: string; create: boolean; counts: boolean }[] = [];
  const createType = TASK_TYPES.createIndex;
  const deleteType = TASK_TYPES.deleteIndex;
  for (const { view } of store.entries(now)) {
    if (view.taskType !== createType && view.taskType !== deleteType) continue;
    const create = view.taskType === createType;
    // A deletion's name is kept beside its (empty) rawRequest while the engine holds its plan.
    const entry = store.find(view.jobId);
    const parameters = entry && !isView(entry) ? entry.parameters : undefined;
    const name = String((parameters ?? bodyOf(view.rawRequest))['indexName'] ?? '');
    // A build counts while it runs and once it succeeded; a deletion once it succeeded.
    const counts = create ? view.status !== 'failed' : view.status === 'success';
    events.push({ startMs: readJobTime(view.startTime) ?? 0, name, create, counts });
  }
  events.sort((a, b) => a.startMs - b.startMs);
  const names = new Set<string>();
  for (const event of events) {
    if (!event.counts || event.name === '') continue;
    if (event.create) names.add(event.name);
    else names.delete(event.name);
  }
  return names;
}

/** Why a job's result cannot be exported, or undefined when it can (the export-result page's list). */
function exportRefusal(job: Job, action: JobAction): string | undefined {
  if (job.status !== 'success') return `job ${job.jobId} has not succeeded (it is ${job.status}).`;
  if (job.taskType === 'Algorithm') {
    const algorithm = algorithmOf(job.rawRequest);
    return algorithm !== undefined && action.exportableAlgorithms.includes(algorithm)
      ? undefined
      : `the result of algorithm [${algorithm ?? 'unknown'}] cannot be exported.`;
  }
  return action.exportableTaskTypes.includes(job.taskType) ? undefined : `a ${job.taskType} job has no result to export.`;
}

/** Where a submission goes: the world's store of the graph, at the world's now; or the refusal. */
function target(state: EngineState, id: string, graph: string) {
  // Refused before a store is made: a flood of new projects past the cap then costs no memory.
  if (!state.admits(id) && hasGraph(state.base, state.peek(id), graph))
    return refuse({ kind: 'too-many-projects', cap: state.settings.maxProjects });
  const found = state.storeIn(id, graph);
  if (!found) return refuse({ kind: 'graph-not-found', graph });
  return { ok: true as const, store: found.store, at: state.worldNow(found.world) };
}

/** Plans a job with the store's next stream, evicts to make room and checks the budget. */
function submission(
  state: EngineState,
  id: string,
  graph: string,
  store: JobStore,
  at: number,
  plan: (planner: PlannerContext) => JobPlan,
  jobType: number | undefined,
): Proposal<JobCreated> {
  const planner = store.nextPlanner();
  let planned = plan(planner);
  // A UUID collision is astronomically unlikely; draw again rather than shadow a job.
  while (store.find(planned.jobId)) planned = plan(planner);
  const { maxJobsPerGraph, maxStoredBytes } = state.settings;
  const evicted = store.evictionsFor(at, maxJobsPerGraph);
  if (!evicted) return refuse({ kind: 'graph-full', graph, cap: maxJobsPerGraph });
  if (state.storedBytes() - store.submittedBytesOf(evicted) + jobBytes(planned) > maxStoredBytes)
    return refuse({ kind: 'memory-budget', cap: maxStoredBytes });
  const jobId = state.base.profile.servedId(planned.jobId);
  const value: JobCreated = jobType === undefined ? { jobId } : { jobId, jobType };
  return { ok: true, value, change: { kind: 'submit', world: id, graph, plan: planned, evicted, t: state.now() } };
}

/** An algorithm run: `rawBody` becomes the job's rawRequest byte for byte, `request` is its parsed form. */
export function proposeAlgorithm(
  state: EngineState,
  id: string,
  graph: string,
  rawBody: string,
  request: AlgorithmRequest,
): Proposal<JobCreated> {
  const found = target(state, id, graph);
  if (!found.ok) return found;
  const name: unknown = (request as { algorithmName?: unknown } | null | undefined)?.algorithmName;
  if (!isGiven(name) || (typeof name === 'string' && name.trim() === '')) return refuse({ kind: 'algorithm-name-empty' });
  if (typeof name !== 'string') {
    // String(name) would throw for {"toString": 1}: JSON objects are named by kind, never converted.
    const shown = typeof name === 'object' ? (Array.isArray(name) ? 'array' : 'object') : String(name);
    return refuse({ kind: 'algorithm-failed-to-start', algorithmName: shown, reason: 'algorithmName must be a string.' });
  }
  const spec = ALGORITHMS.get(name);
  if (!spec) return refuse({ kind: 'algorithm-failed-to-start', algorithmName: name, reason: 'unknown algorithm.' });
  const rawParams: unknown = (request as { parameters?: unknown }).parameters;
  if (rawParams !== undefined && rawParams !== null && (typeof rawParams !== 'object' || Array.isArray(rawParams))) {
    return refuse({ kind: 'algorithm-failed-to-start', algorithmName: name, reason: 'parameters must be a JSON object.' });
  }
  const parameters = (rawParams ?? {}) as Record<string, unknown>;
  const missing = spec.required.find((p) => !isGiven(parameters[p]));
  if (missing) return refuse({ kind: 'algorithm-failed-to-start', algorithmName: name, reason: `parameter [${missing}] is required.` });
  const { store, at } = found;
  const plan = (planner: PlannerContext) => planSubmittedAlgorithm(planner, spec, rawBody, structuredClone(parameters), at);
  return submission(state, id, graph, store, at, plan, 1);
}

/** A job of another kind than an algorithm run (a filter query, an export, an index, an import…). */
export function proposeSubmission(state: EngineState, id: string, graph: string, submitted: JobSubmission): Proposal<JobCreated> {
  const found = target(state, id, graph);
  if (!found.ok) return found;
  const { store, at } = found;
  const action = jobActionById(submitted.kind);
  switch (submitted.kind) {
    case 'deleteIndex': {
      const { indexName } = submitted;
      if (!indexNamesOf(store, at).has(indexName)) return refuse({ kind: 'index-not-found', indexName });
      // The request has no body: its rawRequest is empty, and the index name is kept beside it.
      const parameters = { indexName };
      const plan = (planner: PlannerContext) => planSubmittedJob(planner, 'deleteIndex', '', parameters, at, { parameters });
      return submission(state, id, graph, store, at, plan, action.jobType);
    }
    case 'exportJobResult': {
      const exported = findServed(state.base, store, submitted.jobId);
      if (!exported || store.isErased(exported.jobId, at)) return refuse({ kind: 'job-not-found', jobId: submitted.jobId });
      const reason = exportRefusal(store.view(exported, at), action);
      if (reason) return refuse({ kind: 'cannot-export', jobId: submitted.jobId, reason });
      const erases = looseBoolean(submitted.body['erase'], true) ? exported.jobId : undefined;
      const { rawBody, body } = submitted;
      const plan = (planner: PlannerContext) => planSubmittedJob(planner, 'exportJobResult', rawBody, body, at, { erases });
      return submission(state, id, graph, store, at, plan, action.jobType);
    }
    default: {
      const { kind, rawBody, body } = submitted;
      if (kind === 'createIndex' && indexNamesOf(store, at).has(String(body['indexName'])))
        return refuse({ kind: 'index-exists', indexName: String(body['indexName']) });
      const plan = (planner: PlannerContext) => planSubmittedJob(planner, kind, rawBody, body, at);
      return submission(state, id, graph, store, at, plan, action.jobType);
    }
  }
}

/** A cancellation of a running or pending cancellable job. */
export function proposeCancel(state: EngineState, id: string, graph: string, jobId: string): Proposal<Record<string, never>> {
  const found = state.storeIn(id, graph);
  if (!found) return refuse({ kind: 'graph-not-found', graph });
  const { world, store } = found;
  const entry = findServed(state.base, store, jobId);
  const at = state.worldNow(world);
  if (!entry || isView(entry) || !entry.cancellable || store.isFinished(entry, at) || store.isErased(entry.jobId, at))
    return refuse({ kind: 'cannot-cancel', jobId });
  if (!state.admits(id)) return refuse({ kind: 'too-many-projects', cap: state.settings.maxProjects });
  return { ok: true, value: {}, change: { kind: 'cancel', world: id, graph, jobId: entry.jobId, at, t: state.now() } };
}
