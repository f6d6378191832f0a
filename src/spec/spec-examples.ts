import { openapiDocument } from '../generated/openapi-document.js';
import type { OperationId } from '../types.js';

/** One operation of openapi.yaml, located by its operationId. */
export interface SpecOperation {
  operationId: OperationId;
  method: string;
  /** The path template, e.g. `/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status`. */
  path: string;
  /** The documented statuses, as strings ("200", "400", ...). */
  statuses: string[];
}

type Json = Record<string, unknown>;

/** Follows a local `$ref` ("#/components/...") to the object it names; other values pass through. */
export function resolveRef<T = Json>(value: unknown): T {
  let current = value as Json;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    const pointer = (current.$ref as string).replace(/^#\//, '').split('/');
    let target: unknown = openapiDocument;
    for (const key of pointer) target = (target as Json)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')];
    current = target as Json;
  }
  return current as T;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Every operation of the spec, in document order. */
export const specOperations: readonly SpecOperation[] = Object.entries(openapiDocument.paths).flatMap(([path, item]) =>
  HTTP_METHODS.filter((method) => item[method]).map((method) => {
    const operation = item[method] as Json;
    return {
      operationId: operation.operationId as OperationId,
      method: method.toUpperCase(),
      path,
      statuses: Object.keys(operation.responses as Json),
    };
  }),
);

/** The operation with this operationId; throws for an id the spec does not have (a programming error). */
export function getSpecOperation(operationId: OperationId): SpecOperation {
  const found = specOperations.find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`openapi.yaml has no operation ${operationId}`);
  return found;
}

/** Escapes one JSON Pointer segment. */
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON Pointer of one documented response object, following a $ref to components. */
function responsePointer(operationId: OperationId, status: string): { pointer: string; response: Json | undefined } {
  const { method, path } = getSpecOperation(operationId);
  const operation = (openapiDocument.paths[path] as Json)[method.toLowerCase()] as Json;
  const raw = (operation.responses as Json)[status] as Json | undefined;
  const pointer = typeof raw?.$ref === 'string' ? raw.$ref : `#/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${status}`;
  return { pointer, response: resolveRef<Json | undefined>(raw) };
}

/** The JSON media type object of one documented response, with $refs resolved. */
function jsonMedia(operationId: OperationId, status: string): Json | undefined {
  const { response } = responsePointer(operationId, status);
  return (response?.content as Json | undefined)?.['application/json'] as Json | undefined;
}

/**
 * The JSON Pointer (into openapi.yaml) of one documented response body's schema, for
 * SpecValidator.validate; undefined when the spec documents no JSON body for that status.
 */
export function getResponseSchemaPointer(operationId: OperationId, status: string): string | undefined {
  if (!jsonMedia(operationId, status)?.schema) return undefined;
  return `${responsePointer(operationId, status).pointer}/content/application~1json/schema`;
}

/** The named examples of one documented response, in document order, values resolved. */
export function getResponseExamples(operationId: OperationId, status: string): { name: string; value: unknown }[] {
  const examples = (jsonMedia(operationId, status)?.examples ?? {}) as Json;
  return Object.entries(examples).map(([name, example]) => ({
    name,
    value: resolveRef<Json>(example).value,
  }));
}

/** A named request-body example of an operation, e.g. ('executeAlgorithm', 'PageRank'). */
export function getRequestExample(operationId: OperationId, name: string): unknown {
  const { path, method } = getSpecOperation(operationId);
  const operation = (openapiDocument.paths[path] as Json)[method.toLowerCase()] as Json;
  const body = resolveRef<Json>(operation.requestBody);
  const media = (body.content as Json)['application/json'] as Json;
  const example = (media.examples as Json)[name];
  if (example === undefined) throw new Error(`openapi.yaml has no ${operationId} request example ${name}`);
  return resolveRef<Json>(example).value;
}
