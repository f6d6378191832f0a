/**
 * The refusals of the APIs that create jobs that the pages (or the spec, where no page shows a code)
 * document for a case a request shows: what its body alone shows (no labels and no filters, an edge
 * without source, an executionMode neither sync nor async), and a graph that does not exist. The
 * live kit sends these cases and a recording holds them; both judge the answer here, by one table.
 */
import type { JobAction } from '../../src/spec/job-actions.js';
import type { CheckContext, Exchange } from '../contract-types.js';
import type { RuleId } from '../rule-inventory.js';
import { bodyObject, describeAnswer, expectGesError } from './check-helpers.js';
import { formOf, labelOf } from './kind-judging.js';

/** A documented refusal: the case, the code it answers, and the rules that state it. */
export interface DocumentedRefusal {
  what: string;
  errorCode: string;
  /** The rule that it is refused at all; `codeRule` the rule of its status and code, when another states them. */
  rule: RuleId;
  codeRule?: RuleId | undefined;
}

const DOCUMENTED: RuleId = 'kind.documented-refusals';
const CODES: RuleId = 'kind.refusal-codes';

/** The filter queries and exports whose pages show the refusal of a body naming neither labels nor filters. */
const SELECTIONS: Readonly<Record<string, { noun: string; filters: string; errorCode: string }>> = {
  queryVertices: { noun: 'a vertex filter query', filters: 'vertexFilters', errorCode: 'GES.8203' },
  exportVertices: { noun: 'an export of filtered vertices', filters: 'vertexFilters', errorCode: 'GES.8203' },
  queryEdges: { noun: 'an edge filter query', filters: 'edgeFilters', errorCode: 'GES.8103' },
  exportEdges: { noun: 'an export of filtered edges', filters: 'edgeFilters', errorCode: 'GES.8103' },
};

/** Absent or null: what the pages' "cannot all be null" speaks of. */
const isNull = (value: unknown) => value === undefined || value === null;

/**
 * The documented refusal a body alone shows, whatever graph it is sent to: a vertex or edge filter
 * query or export naming neither labels nor filters (GES.8203, GES.8103), a batch delete with an edge
 * that has no source (GES.8000), a Filtered-query whose executionMode is neither sync nor async
 * (GES.8806). Undefined for any other body.
 */
export function refusalOfBody(action: JobAction, body: Record<string, unknown> | undefined): DocumentedRefusal | undefined {
  if (!body) return undefined;
  const selection = SELECTIONS[action.id];
  if (selection && isNull(body.labels) && isNull(body[selection.filters])) {
    return {
      what: `${selection.noun} naming neither labels nor ${selection.filters}`,
      errorCode: selection.errorCode,
      rule: DOCUMENTED,
    };
  }
  if (
    action.id === 'batchDeleteEdges' &&
    Array.isArray(body.edges) &&
    body.edges.some(
      (edge) => edge !== null && typeof edge === 'object' && !Array.isArray(edge) && isNull((edge as Record<string, unknown>).source),
    )
  ) {
    return { what: 'a batch delete whose edge has no source', errorCode: 'GES.8000', rule: DOCUMENTED };
  }
  if (action.id === 'filteredQuery' && !isNull(body.executionMode) && body.executionMode !== 'sync' && body.executionMode !== 'async') {
    return { what: 'a Filtered-query whose executionMode is neither sync nor async', errorCode: 'GES.8806', rule: DOCUMENTED };
  }
  return undefined;
}

/** A graph that does not exist, by action: the code and the rule (the filter queries' pages show none: the spec's list code). */
const MISSING_GRAPH: Readonly<Record<string, { errorCode: string; rule: RuleId }>> = {
  queryVertices: { errorCode: 'GES.8000', rule: CODES },
  queryEdges: { errorCode: 'GES.8000', rule: CODES },
  filteredQuery: { errorCode: 'GES.8806', rule: DOCUMENTED },
  importGraph: { errorCode: 'GES.8013', rule: DOCUMENTED },
  createIndex: { errorCode: 'GES.8603', rule: DOCUMENTED },
  deleteIndex: { errorCode: 'GES.8604', rule: DOCUMENTED },
  exportJobResult: { errorCode: 'GES.8011', rule: DOCUMENTED },
};

/**
 * The refusal of a valid request on a graph that does not exist, where the pages or the spec give its
 * code: GES.8603 create index, GES.8604 delete index, GES.8011 export of a result, GES.8013 import,
 * GES.8806 Filtered-query, GES.8402 an asynchronous batch delete (its page's example); the filter
 * queries' GES.8000 is the spec's. Undefined for the others.
 */
export function refusalOnMissingGraph(action: JobAction, body: Record<string, unknown> | undefined): DocumentedRefusal | undefined {
  const what = `${labelOf(action, formOf(action, body))} on a graph that does not exist`;
  if (action.id === 'batchDeleteEdges') {
    return formOf(action, body) === 'job' ? { what, errorCode: 'GES.8402', rule: DOCUMENTED } : undefined;
  }
  const known = MISSING_GRAPH[action.id];
  return known ? { what, ...known } : undefined;
}

/**
 * Judges the answer to a documented refusal's case: 400 with its code in a GES envelope, without a
 * jobId. `cleanUp` undoes a job the live kit made by mistake and says so (a recording cannot).
 */
export async function judgeDocumentedRefusal(
  ctx: CheckContext,
  refusal: DocumentedRefusal,
  exchange: Exchange,
  cleanUp?: () => Promise<string>,
): Promise<void> {
  const status = exchange.response?.status;
  const jobId = bodyObject(exchange)?.jobId;
  if (status === 200 || (typeof jobId === 'string' && jobId !== '')) {
    ctx.judged();
    ctx.fail({
      rule: status === 200 ? refusal.rule : 'kind.refusal',
      message: `${refusal.what} ${status === 200 ? 'was accepted' : 'was refused, yet the answer carries a jobId'}${cleanUp ? await cleanUp() : ''}`,
      expected: `400 GES error envelope with errorCode ${refusal.errorCode}`,
      actual: describeAnswer(exchange),
      exchange,
    });
    return;
  }
  expectGesError(
    ctx,
    exchange,
    { rule: refusal.rule, status: 400, errorCode: refusal.errorCode, codeRule: refusal.codeRule },
    refusal.what,
  );
}
