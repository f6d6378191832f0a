/**
 * What the checks read from openapi.yaml at run time instead of restating it: the error envelope
 * schema and the documented request examples.
 */
import { openapiDocument } from '../src/generated/openapi-document.js';
import { getSpecOperation, resolveRef } from '../src/spec/spec-examples.js';
import { createSpecValidator, type SchemaViolation, type SpecValidator } from '../src/spec/spec-validator.js';

type Json = Record<string, unknown>;

/** JSON Pointer of the GES error envelope schema. */
export const GES_ERROR_POINTER = '#/components/schemas/GesError';

let sharedValidator: SpecValidator | undefined;

/** One validator per process: compiling the spec is the expensive part, validating is cheap. */
export function specValidator(): SpecValidator {
  sharedValidator ??= createSpecValidator();
  return sharedValidator;
}

/** The envelope violations of a body ([] when it is a GES error envelope). */
export function envelopeViolations(body: unknown): SchemaViolation[] {
  return specValidator().validate(GES_ERROR_POINTER, body);
}

/** A named request-body example of an operation, e.g. ('executeAlgorithm', 'PageRank'). */
export function getRequestExample(operationId: 'executeAlgorithm', name: string): unknown {
  const { path, method } = getSpecOperation(operationId);
  const operation = (openapiDocument.paths[path] as Json)[method.toLowerCase()] as Json;
  const body = resolveRef<Json>(operation.requestBody);
  const media = (body.content as Json)['application/json'] as Json;
  const example = (media.examples as Json)[name];
  if (example === undefined) throw new Error(`openapi.yaml has no ${operationId} request example ${name}`);
  return resolveRef<Json>(example).value;
}
