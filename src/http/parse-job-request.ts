/**
 * The body of a job-creating request other than execute-algorithm: at most 1 MiB, JSON (Content-Type
 * absent or application/json), an object that its action's schema in openapi.yaml accepts (checked by
 * ajv over the spec, never a copy of it), plus the rules the pages state beside their tables. Each
 * refusal carries the code its page's error table gives the case (vertex filters GES.820x, edge
 * filters GES.810x, Filtered-query GES.8806, indices GES.8603, import GES.8013, ...); what no table
 * names is GES.8000.
 */
import type { JobBody } from '../engine/job-kinds.js';
import type { JobAction } from '../spec/job-actions.js';
import { sharedSpecValidator, type SchemaViolation } from '../spec/spec-validator.js';
import { GesErrorCode } from './ges-error-codes.js';
import { readJsonObjectBody } from './parse-algorithm-body.js';
import { httpErrors, type HttpError } from './to-ges-error.js';

const error = (errorCode: string, errorMessage: string): HttpError => ({ status: 400, errorCode, errorMessage });

/** Where a filter query's body goes wrong, by the first segment of the violation's path. */
interface FilterCodes {
  readonly empty: HttpError;
  readonly labels: [string, string];
  readonly filters: [string, string];
  readonly sorts: [string, string];
}

const VERTEX_CODES: FilterCodes = {
  // The pages' own failure example, word for word [ex].
  empty: error(GesErrorCode.VERTEX_FILTER_EMPTY, 'Bad Request, parameter labels and vertexFilters cannot all be null'),
  labels: [GesErrorCode.VERTEX_LABEL_INVALID, 'Invalid label for vertex filtering queries'],
  filters: [GesErrorCode.VERTEX_FILTER_INVALID, 'Invalid filter criteria for vertex queries'],
  sorts: [GesErrorCode.VERTEX_SORT_INVALID, 'Invalid vertex filtering query sequence'],
};

const EDGE_CODES: FilterCodes = {
  empty: error(GesErrorCode.EDGE_FILTER_EMPTY, 'Bad Request, parameter labels and edgeFilters cannot all be null'),
  labels: [GesErrorCode.EDGE_LABEL_INVALID, 'Invalid label for edge filtering queries'],
  filters: [GesErrorCode.EDGE_FILTER_INVALID, 'Invalid filter criteria for edge queries'],
  sorts: [GesErrorCode.EDGE_SORT_INVALID, 'Invalid edge filtering query sequence'],
};

/** The first violation in words: where it is and what is wrong. */
const describe = (violation: SchemaViolation): string =>
  `${violation.path === '/' ? 'the body' : violation.path.slice(1).replaceAll('/', '.')} ${violation.message}.`;

/** The filter query a body belongs to (vertices or edges), by its action. */
function filterCodesOf(action: JobAction): FilterCodes | undefined {
  if (action.operationId === 'queryVertices') return VERTEX_CODES;
  if (action.operationId === 'queryEdges' && action.id !== 'batchDeleteEdges') return EDGE_CODES;
  return undefined;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/** The refusal of a body its schema does not accept, with the code the action's page gives the case. */
function refusalOf(action: JobAction, body: Record<string, unknown>, violations: readonly SchemaViolation[]): HttpError {
  const first = violations[0]!;
  const top = first.path.split('/')[1] ?? '';
  const codes = filterCodesOf(action);
  if (codes) {
    const [code, words] =
      top === 'labels'
        ? codes.labels
        : top === 'vertexFilters' || top === 'edgeFilters'
          ? codes.filters
          : top === 'sorts'
            ? codes.sorts
            : ['', ''];
    if (code) return error(code, `${words}: ${describe(first)}`);
  }
  switch (action.id) {
    case 'filteredQuery':
      return error(GesErrorCode.FILTERED_QUERY_FAILED, `K-Hop query with filter criteria failed: ${describe(first)}`);
    case 'createIndex':
      return error(GesErrorCode.CREATE_INDEX_FAILED, `Failed to create an index: ${describe(first)}`);
    case 'batchDeleteEdges': {
      const missing = first.keyword === 'required' ? String(first.params['missingProperty'] ?? '') : '';
      // The batch delete page's own example: an edge without source [ex].
      if (top === 'edges' && missing) return error(GesErrorCode.MALFORMED_PARAMETER, `parameter does not contain '${missing}'`);
      if (missing === 'edges' || (top === 'edges' && isEmpty(body['edges'])))
        return error(GesErrorCode.EDGES_BLANK, 'Parameter edges cannot be left blank.');
      return httpErrors.malformed(describe(first));
    }
    default:
      return httpErrors.malformed(describe(first));
  }
}

/** The rules the pages state beside their schemas; the refusal, or undefined. */
function pageRuleRefusal(action: JobAction, body: Record<string, unknown>): HttpError | undefined {
  const codes = filterCodesOf(action);
  if (codes && action.id !== 'batchDeleteEdges') {
    const filters = action.operationId === 'queryVertices' ? body['vertexFilters'] : body['edgeFilters'];
    if (isEmpty(body['labels']) && isEmpty(filters)) return codes.empty;
  }
  switch (action.id) {
    case 'batchDeleteEdges':
      return isEmpty(body['edges']) ? error(GesErrorCode.EDGES_BLANK, 'Parameter edges cannot be left blank.') : undefined;
    case 'importGraph':
      // An English copy of the page requires one of them [doc].
      return ['edgesetPath', 'vertexsetPath', 'schemaPath'].some((key) => typeof body[key] === 'string' && body[key] !== '')
        ? undefined
        : error(
            GesErrorCode.IMPORT_FAILED,
            'Failed to incrementally import data to the graph: give edgesetPath, vertexsetPath or schemaPath.',
          );
    case 'createIndex': {
      const hasLabel = body['hasLabel'] === true || body['hasLabel'] === 'true';
      // indexProperty is required when hasLabel is false or absent [doc].
      return !hasLabel && isEmpty(body['indexProperty'])
        ? error(GesErrorCode.CREATE_INDEX_FAILED, 'Failed to create an index: indexProperty is required unless hasLabel is true.')
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Filtered-query's executionMode refusal, in the page's own words [ex]. */
const EXECUTION_MODE_INVALID = error(GesErrorCode.FILTERED_QUERY_FAILED, 'executionMode is not correct, it should be sync or async');

/** Checks and parses a job-creating body for `action`; `rawBody` is the text exactly as received. */
export function parseJobRequest(
  action: JobAction,
  body: string | undefined,
  contentType: string | undefined,
  bodyTooLarge = false,
): { ok: true; rawBody: string; body: JobBody } | { ok: false; error: HttpError } {
  const read = readJsonObjectBody(body, contentType, bodyTooLarge);
  if (!read.ok) return read;
  const { rawBody, value } = read;
  if (
    action.id === 'filteredQuery' &&
    value['executionMode'] !== undefined &&
    value['executionMode'] !== 'sync' &&
    value['executionMode'] !== 'async'
  )
    return { ok: false, error: EXECUTION_MODE_INVALID };
  if (action.requestSchema) {
    const violations = sharedSpecValidator().validate(action.requestSchema, value);
    if (violations.length > 0) return { ok: false, error: refusalOf(action, value, violations) };
  }
  const refusal = pageRuleRefusal(action, value);
  return refusal ? { ok: false, error: refusal } : { ok: true, rawBody, body: value };
}
