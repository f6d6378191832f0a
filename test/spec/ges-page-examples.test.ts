/**
 * The request examples the GES pages print (test/spec/support/ges-page-examples.json, bytes as
 * printed) against openapi.yaml: each names an operation and an action the spec has, its body is valid
 * for that action, and the spec carries it among the operation's request examples; the reference
 * page quotes each body byte for byte. Also the per-action facts of `x-ges-actions` / `x-ges-job`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { resolveRef } from '../../src/spec/spec-examples.js';
import { createSpecValidator } from '../../src/spec/spec-validator.js';

type Json = Record<string, any>;

interface PageRequest {
  id: string;
  operationId: string;
  action: string;
  method: string;
  path: string;
  query: string | null;
  requestLine: string | null;
  body: string | null;
  pathValues?: Record<string, string>;
  source: { kind: 'repository' | 'web'; file?: string; url?: string; line?: number };
}

interface PageFragment {
  id: string;
  field: string;
  operationId: string;
  action: string;
  text: string;
}

interface ActionFacts {
  actionId: string;
  since: string;
  requestSchema?: string;
  createsJob: 'always' | 'async';
  jobType?: number;
  taskType: string;
  taskTypeFrom: 'ex' | 'decision';
  cancellable: boolean;
  cancellableAlgorithms?: string[];
  pages: string[];
}

const data = JSON.parse(readFileSync(new URL('support/ges-page-examples.json', import.meta.url), 'utf8')) as {
  requests: PageRequest[];
  fragments: PageFragment[];
};
const reference = readFileSync(new URL('../../docs/reference/ges-async-apis.md', import.meta.url), 'utf8');
const validator = createSpecValidator();
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

interface Operation {
  operationId: string;
  method: string;
  path: string;
  operation: Json;
}

const operations: Operation[] = Object.entries<Json>(openapiDocument.paths).flatMap(([path, item]) =>
  Object.entries<Json>(item).map(([method, operation]) => ({
    operationId: operation.operationId,
    method: method.toUpperCase(),
    path,
    operation,
  })),
);
const operationById = new Map(operations.map((o) => [o.operationId, o]));

const actionParameter = (operation: Json): Json | undefined =>
  (operation.parameters as Json[]).map((p) => resolveRef<Json>(p)).find((p) => p.in === 'query' && p.name === 'action_id');

/** Every action of an operation: by action_id for x-ges-actions, under '' for x-ges-job. */
function actionsOf(operation: Json): Map<string, ActionFacts> {
  if (operation['x-ges-actions']) return new Map(Object.entries(operation['x-ges-actions'] as Record<string, ActionFacts>));
  if (operation['x-ges-job']) return new Map([['', operation['x-ges-job'] as ActionFacts]]);
  return new Map();
}

const requestSchemaPointer = (o: Operation) =>
  `#/paths/${escapePointer(o.path)}/${o.method.toLowerCase()}/requestBody/content/application~1json/schema`;

/** The operation's documented request examples, values resolved. */
const requestExamples = (o: Operation): unknown[] =>
  Object.values<Json>(o.operation.requestBody?.content?.['application/json']?.examples ?? {}).map((e) => resolveRef<Json>(e).value);

/** The action a page request names: its `action` must be the operation itself or one of its actions. */
function factsFor(request: { operationId: string; action: string; query?: string | null }): ActionFacts | undefined {
  const o = operationById.get(request.operationId)!;
  const actions = actionsOf(o.operation);
  const actionId = new URLSearchParams(request.query ?? '').get('action_id')?.trim() ?? '';
  return actions.get(actionParameter(o.operation) ? actionId : '');
}

/** The page bodies that are fragments: wrapped into the request body they belong to. */
const wrap = (fragment: PageFragment) =>
  fragment.text.trimStart().startsWith('[') ? `{"${fragment.field}": ${fragment.text}}` : `{${fragment.text}}`;

describe('the request examples the GES pages print', () => {
  it('cover every asynchronous operation and action of the spec', () => {
    const named = new Set(data.requests.map((r) => r.action));
    for (const o of operations) {
      for (const facts of actionsOf(o.operation).values()) expect(named, `${facts.actionId} has a page example`).toContain(facts.actionId);
    }
    expect(new Set(data.requests.map((r) => r.id)).size).toBe(data.requests.length);
  });

  it.each(data.requests.map((r) => [r.id, r] as const))('%s names an operation, path and action of the spec', (_id, request) => {
    const o = operationById.get(request.operationId);
    expect(o, request.operationId).toBeDefined();
    expect([o!.method, o!.path]).toEqual([request.method, request.path]);
    const declared = (o!.operation.parameters as Json[]).map((p) => resolveRef<Json>(p));
    for (const name of new URLSearchParams(request.query ?? '').keys()) {
      expect(
        declared.filter((p) => p.in === 'query').map((p) => p.name),
        `${request.id}: ${name}`,
      ).toContain(name);
    }
    for (const name of Object.keys(request.pathValues ?? {})) {
      expect(
        declared.filter((p) => p.in === 'path').map((p) => p.name),
        `${request.id}: ${name}`,
      ).toContain(name);
    }
    const facts = factsFor(request);
    if (facts) expect(facts.actionId).toBe(request.action);
    else expect(request.action).toBe(request.operationId);
    const action = actionParameter(o!.operation);
    if (action) expect(action.schema.enum).toContain(new URLSearchParams(request.query ?? '').get('action_id')?.trim());
  });

  const withBody = data.requests.filter((r) => r.body !== null);
  it.each(withBody.map((r) => [r.id, r] as const))('%s is valid for its action and carried by the spec unchanged', (_id, request) => {
    const body = JSON.parse(request.body!) as unknown;
    const o = operationById.get(request.operationId)!;
    expect(validator.validate(requestSchemaPointer(o), body)).toEqual([]);
    const facts = factsFor(request);
    if (facts?.requestSchema) expect(validator.validate(facts.requestSchema, body)).toEqual([]);
    expect(requestExamples(o)).toContainEqual(body);
  });

  it.each(data.fragments.map((f) => [f.id, f] as const))(
    'fragment %s, as a request body, is valid and carried by the spec',
    (_id, fragment) => {
      const body = JSON.parse(wrap(fragment)) as unknown;
      const o = operationById.get(fragment.operationId)!;
      const facts = factsFor({ ...fragment, query: 'action_id=query' });
      expect(facts?.actionId).toBe(fragment.action);
      expect(validator.validate(facts!.requestSchema!, body)).toEqual([]);
      expect(requestExamples(o)).toContainEqual(body);
    },
  );

  it('keep the pages’ quirks: string numbers and flags, the misspelt visulized, a blank in action_id', () => {
    const body = (id: string) => JSON.parse(data.requests.find((r) => r.id === id)!.body!) as Json;
    expect(body('edge-query')).toMatchObject({ offset: '0', limit: '20' });
    expect(body('index-create-composite')).toMatchObject({ hasLabel: 'true' });
    expect(body('filtered-query-sync')).toMatchObject({ visulized: 'false' });
    expect(data.requests.find((r) => r.id === 'import-graph')!.query).toBe('action_id= import-graph');
    expect(data.requests.find((r) => r.id === 'vertex-query')!.body!.endsWith('} ')).toBe(true);
  });

  it('are quoted byte for byte by docs/reference/ges-async-apis.md', () => {
    const missing = [...data.requests.map((r) => [r.id, r.body] as const), ...data.fragments.map((f) => [f.id, f.text] as const)]
      .filter(([, text]) => text !== null && !reference.includes(text))
      .map(([id]) => id);
    expect(missing).toEqual([]);
    for (const r of data.requests) if (r.requestLine !== null) expect(reference, r.id).toContain(r.requestLine);
  });
});

describe('the actions of the spec (x-ges-actions, x-ges-job)', () => {
  const all = operations.flatMap((o) => [...actionsOf(o.operation)].map(([key, facts]) => ({ o, key, facts })));

  it('name exactly the action_id values of an operation that has the parameter', () => {
    for (const o of operations) {
      const action = actionParameter(o.operation);
      if (action) expect(Object.keys(o.operation['x-ges-actions'] ?? {}).sort(), o.operationId).toEqual([...action.schema.enum].sort());
      else expect(o.operation['x-ges-actions'], o.operationId).toBeUndefined();
    }
  });

  it('give each action its own id; an operation is named after one of its actions', () => {
    const ids = all.map(({ facts }) => facts.actionId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of operations.filter((x) => actionsOf(x.operation).size > 0)) {
      expect([...actionsOf(o.operation).values()].map((f) => f.actionId)).toContain(o.operationId);
    }
    const others = operations.filter((o) => actionsOf(o.operation).size === 0).map((o) => o.operationId);
    expect(others.sort()).toEqual(['cancelJob', 'getJobStatus', 'listJobs']);
    for (const { o, facts } of all) if (operationById.has(facts.actionId)) expect(operationById.get(facts.actionId)).toBe(o);
  });

  it('give each kind of job its own taskType; Algorithm and ImportGraph as the list example shows them', () => {
    const taskTypes = all.map(({ facts }) => facts.taskType);
    expect(new Set(taskTypes).size).toBe(taskTypes.length);
    for (const { facts } of all) expect(facts.taskType).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(
      all
        .filter(({ facts }) => facts.taskTypeFrom === 'ex')
        .map(({ facts }) => facts.taskType)
        .sort(),
    ).toEqual(['Algorithm', 'ImportGraph']);
    const taskType = (openapiDocument.components.schemas as Json).Job.allOf[0].properties.taskType;
    expect(taskType).toMatchObject({ type: 'string' });
    expect(taskType.enum).toBeUndefined();
  });

  it("agree with the jobType of the operation's documented answers", () => {
    for (const o of operations.filter((x) => actionsOf(x.operation).size > 0)) {
      const declared = new Set([...actionsOf(o.operation).values()].map((f) => f.jobType));
      for (const example of Object.values<Json>(o.operation.responses['200'].content['application/json'].examples)) {
        const value = resolveRef<Json>(example).value as Json;
        if ('jobId' in value) expect(declared, `${o.operationId} jobType ${value.jobType}`).toContain(value.jobType);
      }
    }
  });

  it('name request schemas that exist, and say whether each kind of job can be cancelled', () => {
    for (const { o, facts } of all) {
      if (facts.requestSchema) expect(resolveRef({ $ref: facts.requestSchema }), facts.actionId).toBeDefined();
      else expect(o.operation.requestBody, facts.actionId).toBeUndefined();
      expect(typeof facts.cancellable).toBe('boolean');
      expect(['always', 'async']).toContain(facts.createsJob);
      expect(facts.pages.length).toBeGreaterThan(0);
    }
    const cancellable = all.filter(({ facts }) => facts.cancellable).map(({ facts }) => facts.actionId);
    expect(cancellable.sort()).toEqual(['createIndex', 'executeAlgorithm', 'importGraph', 'queryEdges', 'queryVertices']);
  });
});
