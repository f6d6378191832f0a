/**
 * Every action that creates a job, as openapi.yaml declares it (`x-ges-actions` keyed by `action_id`,
 * `x-ges-job` on an operation without one): its operation, the `action_id` value that selects it, its
 * request schema, whether it always creates a job or only asynchronously, the `jobType` its answer
 * carries, the `taskType` its job shows in the list and whether it can be cancelled. The engine, the
 * HTTP layer and the contract kit read them here, so a kind of job is declared once, in the spec.
 */
import { openapiDocument } from '../generated/openapi-document.js';
import type { OperationId } from '../types.js';
import { specOperations } from './spec-examples.js';

/** One action that creates a job. */
export interface JobAction {
  /** The action's own id: `executeAlgorithm`, `queryVertices`, `exportVertices`, `createIndex`, ... */
  readonly id: string;
  /** The operation whose URL it is sent to. */
  readonly operationId: OperationId;
  /** The `action_id` query value that selects it; undefined for an operation without `action_id`. */
  readonly actionParam: string | undefined;
  /** JSON Pointer of its request body's schema; undefined for an action without a body. */
  readonly requestSchema: string | undefined;
  /** `always`, or `async` when only `executionMode: async` creates a job (the sync form answers at once). */
  readonly createsJob: 'always' | 'async';
  /** The `jobType` its answer carries; undefined where the page's example shows none. */
  readonly jobType: number | undefined;
  /** The `taskType` its job shows in the list. */
  readonly taskType: string;
  /** Where that taskType comes from: `ex`, a page's example shows it; `decision`, the spec names it. */
  readonly taskTypeFrom: 'ex' | 'decision';
  /** Whether its job can be cancelled while it runs. */
  readonly cancellable: boolean;
  /** For execute-algorithm: the algorithms whose jobs can be cancelled (the cancel page's list). */
  readonly cancellableAlgorithms: readonly string[];
  /** For export-result: the algorithms and the task types whose results it exports (the page's lists). */
  readonly exportableAlgorithms: readonly string[];
  readonly exportableTaskTypes: readonly string[];
}

type Json = Record<string, unknown>;
const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function toAction(operationId: OperationId, actionParam: string | undefined, raw: Json): JobAction {
  return {
    id: String(raw['actionId']),
    operationId,
    actionParam,
    requestSchema: typeof raw['requestSchema'] === 'string' ? raw['requestSchema'] : undefined,
    createsJob: raw['createsJob'] === 'async' ? 'async' : 'always',
    jobType: typeof raw['jobType'] === 'number' ? raw['jobType'] : undefined,
    taskType: String(raw['taskType']),
    taskTypeFrom: raw['taskTypeFrom'] === 'ex' ? 'ex' : 'decision',
    cancellable: raw['cancellable'] === true,
    cancellableAlgorithms: stringsOf(raw['cancellableAlgorithms']),
    exportableAlgorithms: stringsOf(raw['exportableAlgorithms']),
    exportableTaskTypes: stringsOf(raw['exportableTaskTypes']),
  };
}

/** Every job-creating action of the spec, in document order. */
export const jobActions: readonly JobAction[] = specOperations.flatMap((operation) => {
  const raw = (openapiDocument.paths[operation.path] as Json)[operation.method.toLowerCase()] as Json;
  const byParam = raw['x-ges-actions'] as Record<string, Json> | undefined;
  if (byParam) return Object.entries(byParam).map(([param, action]) => toAction(operation.operationId, param, action));
  const single = raw['x-ges-job'] as Json | undefined;
  return single ? [toAction(operation.operationId, undefined, single)] : [];
});

/** The actions of one operation, by their `action_id` value ('' for an operation without one). */
const byOperation = new Map<OperationId, Map<string, JobAction>>();
for (const action of jobActions) {
  let actions = byOperation.get(action.operationId);
  if (!actions) byOperation.set(action.operationId, (actions = new Map()));
  actions.set(action.actionParam ?? '', action);
}

/** The action an operation's `action_id` selects (none for an operation without `action_id`). */
export function jobActionOf(operationId: OperationId, actionParam: string | undefined): JobAction | undefined {
  return byOperation.get(operationId)?.get(actionParam ?? '');
}

/** The `action_id` values an operation takes, in the spec's order (empty for one without `action_id`). */
export function actionParamsOf(operationId: OperationId): string[] {
  return [...(byOperation.get(operationId)?.keys() ?? [])].filter((param) => param !== '');
}

/** The action with this id; throws for one the spec does not have (a programming error). */
export function jobActionById(id: string): JobAction {
  const found = jobActions.find((action) => action.id === id);
  if (!found) throw new Error(`openapi.yaml declares no job action ${id}`);
  return found;
}
