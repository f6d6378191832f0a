/**
 * Test helper: what the spec alone says a request should get, independent of the router under test.
 * A request is matched against openapi.yaml's path templates (a `{param}` matches any one raw,
 * non-empty segment, literal segments win), so the oracle and the implementation can disagree.
 */
import { expect } from 'vitest';
import { getResponseSchemaPointer, specOperations, type SpecOperation } from '../../../src/spec/spec-examples.js';
import { createSpecValidator } from '../../../src/spec/spec-validator.js';
import type { OperationId } from '../../../src/types.js';

const validator = createSpecValidator();

/** Marks of internals that must never reach a client: stack frames, node internals, error class names, source paths. */
const INTERNAL_DETAIL = [
  /\n\s+at /,
  /\bat [\w$.<>]+ \(/,
  /node:/,
  /\b(?:Type|Reference|Syntax|Range|Internal)Error\b/,
  /Unexpected token/,
  /\/work\//,
  /\/src\//,
  /file:\/\//,
  /\.[cm]?[jt]s:\d+/,
];

/** The first internal detail found in a body, or undefined. */
export function findInternalDetail(body: string | undefined): string | undefined {
  if (!body) return undefined;
  for (const mark of INTERNAL_DETAIL) {
    const found = mark.exec(body);
    if (found) return found[0];
  }
  return undefined;
}

/** True when generated input itself contains such a mark (error messages echo the path, so such input is filtered out). */
export const looksInternal = (text: string): boolean => findInternalDetail(text) !== undefined || /at /i.test(text);

interface Template {
  operation: SpecOperation;
  segments: string[];
  literals: number;
}

const templates: Template[] = specOperations.map((operation) => {
  const segments = operation.path.split('/');
  return { operation, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
});

/** The operation the spec assigns to `method path` (path raw, without query), or undefined for no API. */
function specOperationOf(method: string, path: string): OperationId | undefined {
  const parts = path.split('/');
  let best: Template | undefined;
  for (const template of templates) {
    if (template.operation.method !== method || template.segments.length !== parts.length) continue;
    const fits = template.segments.every((segment, i) => (segment.startsWith('{') ? parts[i] !== '' : segment === parts[i]));
    if (fits && (!best || template.literals > best.literals)) best = template;
  }
  return best?.operation.operationId;
}

/** Documented statuses of an operation, as numbers. */
function documentedStatuses(operationId: OperationId): number[] {
  return specOperations.find((operation) => operation.operationId === operationId)!.statuses.map(Number);
}

/** Violations of the GES error envelope schema. */
export const envelopeViolations = (value: unknown) => validator.validate('#/components/schemas/GesError', value);

/** Violations of a schema of the spec, by pointer. */
export const schemaViolations = (pointer: string, value: unknown) => validator.validate(pointer, value);

/** One answer as seen from outside, whatever the transport. */
export interface SeenAnswer {
  status: number;
  contentType: string | undefined;
  body: string | undefined;
}

/**
 * Asserts everything docs/hardening.md promises of one answer to a completed request, with no
 * fault injected: a documented status for the operation the spec assigns (404 when none, 204 for a
 * preflight), a body that validates (error envelope or the operation's success schema), never a 5xx,
 * never an internal detail. HEAD gets the GET's status and no body. `where` labels failures.
 */
export function expectWellBehaved(method: string, rawPath: string, answer: SeenAnswer, where: string): void {
  expect(answer.status, where).toBeLessThan(500);
  expect(findInternalDetail(answer.body), where).toBeUndefined();
  if (method === 'OPTIONS') {
    expect(answer.status, where).toBe(204);
    return;
  }
  if (method === 'HEAD') {
    // HEAD answers as GET would, without a body (RFC 9110 §9.3.2).
    expect(answer.body ?? '', where).toBe('');
    const getOperation = specOperationOf('GET', rawPath);
    if (getOperation === undefined) {
      if (!rawPath.startsWith('/__mock')) expect(answer.status, where).toBe(404);
    } else expect(documentedStatuses(getOperation), where).toContain(answer.status);
    return;
  }
  const operationId = specOperationOf(method, rawPath);
  if (operationId === undefined) {
    // No API at this method and path (control routes are checked separately).
    if (!rawPath.startsWith('/__mock')) expect(answer.status, where).toBe(404);
  } else {
    expect(documentedStatuses(operationId), where).toContain(answer.status);
    expect(answer.status, where).not.toBe(404);
  }
  if (rawPath.startsWith('/__mock') && answer.status === 200) return; // pages and control JSON have no spec schema
  expect(answer.contentType, where).toMatch(/^application\/json/);
  const json = JSON.parse(answer.body ?? '');
  if (answer.status >= 400) {
    expect(envelopeViolations(json), where).toEqual([]);
  } else {
    const pointer = getResponseSchemaPointer(operationId!, String(answer.status));
    expect(pointer, where).toBeDefined();
    expect(schemaViolations(pointer!, json), where).toEqual([]);
  }
}
