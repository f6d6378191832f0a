/**
 * The actions the inspector's submit form offers, read on the server from openapi.yaml (every
 * job-creating action of `x-ges-actions` / `x-ges-job`, src/spec/job-actions.ts) and handed to the
 * page in its configuration, since the browser script imports nothing. Each starts from a request
 * example of its operation: the GES pages' own, as the spec carries them.
 */
import { openapiDocument } from '../generated/openapi-document.js';
import { jobActions, type JobAction } from '../spec/job-actions.js';
import { getSpecOperation, resolveRef } from '../spec/spec-examples.js';
import type { ActionChoice } from './inspector-model.js';

type Json = Record<string, unknown>;

/** Path parameters every GES URL has, which the page fills in from the world and graph shown. */
const SHOWN = ['project_id', 'graph_name'];

function operationOf(action: JobAction): Json {
  const { path, method } = getSpecOperation(action.operationId);
  return (openapiDocument.paths[path] as Json)[method.toLowerCase()] as Json;
}

/** The other path parameters of an action's URL, each with the spec's example value. */
function pathParams(action: JobAction): { name: string; example: string }[] {
  const { path } = getSpecOperation(action.operationId);
  const declared = ((operationOf(action).parameters ?? []) as unknown[]).map((p) => resolveRef<Json>(p));
  return [...path.matchAll(/\{([^}]+)\}/g)]
    .map((match) => match[1]!)
    .filter((name) => !SHOWN.includes(name))
    .map((name) => {
      const parameter = declared.find((p) => p['name'] === name && p['in'] === 'path');
      const example = parameter?.['example'] ?? (parameter?.['schema'] as Json | undefined)?.['example'];
      return { name, example: typeof example === 'string' ? example : '' };
    });
}

/** The request examples of an action's operation, in document order. */
function requestExamples(action: JobAction): unknown[] {
  const body = resolveRef<Json | undefined>(operationOf(action).requestBody);
  const examples = ((body?.['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['examples'] as Json | undefined;
  return Object.values(examples ?? {}).map((example) => resolveRef<Json>(example)['value']);
}

/**
 * The example an action's form starts from. One URL serves several actions and its examples are
 * theirs together, so the fitting one is ranked first: one that creates a job (an action that makes
 * one only when asked, through a property that offers `async`, starts from an example that asks),
 * then the fewest keys its schema does not declare, then the most it does, then document order.
 */
function templateOf(action: JobAction, schema: Json | undefined): unknown {
  if (!schema) return undefined;
  const properties = (schema['properties'] ?? {}) as Json;
  const declared = Object.keys(properties);
  const asyncKey = declared.find((name) => ((resolveRef<Json>(properties[name])['enum'] ?? []) as unknown[]).includes('async'));
  const ranked = requestExamples(action)
    .filter((value): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value))
    .map((value, order) => {
      const keys = Object.keys(value);
      const asksForJob = action.createsJob === 'always' || (asyncKey !== undefined && value[asyncKey] === 'async');
      const rank = [
        asksForJob ? 0 : 1,
        keys.filter((k) => !declared.includes(k)).length,
        -keys.filter((k) => declared.includes(k)).length,
        order,
      ];
      return { value, rank };
    })
    .sort((a, b) => byRank(a.rank, b.rank));
  return ranked[0]?.value ?? {};
}

/** Orders two ranks as numbers compared one position after another. */
function byRank(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** A property of the body that says whether the exported job is erased, with its default (export-result's `erase`). */
function eraseOf(schema: Json | undefined): ActionChoice['erase'] {
  const erase = resolveRef<Json | undefined>((schema?.['properties'] as Json | undefined)?.['erase']);
  return erase && typeof erase['default'] === 'boolean' ? { field: 'erase', default: erase['default'] } : undefined;
}

/** Every job-creating action of the spec, as the submit form offers it. */
export function actionChoices(): ActionChoice[] {
  return jobActions.map((action) => {
    const { path, method } = getSpecOperation(action.operationId);
    const schema = action.requestSchema ? resolveRef<Json>({ $ref: action.requestSchema }) : undefined;
    const form = action.id === 'executeAlgorithm' ? 'algorithm' : schema ? 'body' : 'none';
    const exportable = action.exportableTaskTypes.length + action.exportableAlgorithms.length > 0;
    return {
      id: action.id,
      operationId: action.operationId,
      taskType: action.taskType,
      method,
      path,
      actionParam: action.actionParam,
      form,
      params: pathParams(action),
      body: form === 'body' ? templateOf(action, schema) : undefined,
      cancellable: action.cancellable,
      erase: eraseOf(schema),
      exports: exportable ? { taskTypes: [...action.exportableTaskTypes], algorithms: [...action.exportableAlgorithms] } : undefined,
    };
  });
}
