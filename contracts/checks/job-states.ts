/**
 * A job's state as the pages name it. The status page names four (pending, running, success,
 * failed); the algorithm page's status table names waiting, running and complete for the same
 * endpoint, older list pages complete, and a 2025 list page adds partiallyFailed. Two answers agree
 * on a job when they name the same state, in whichever documented spelling. Also which jobs the
 * cancel pages let a caller stop, where they agree and where they do not.
 */
import { jobActionById } from '../../src/spec/job-actions.js';
import { statusVariants } from '../../src/spec/spec-facts.js';

/** Every documented spelling, mapped to the state it names. */
const STATE_OF: Readonly<Record<string, string>> = {
  pending: 'pending',
  waiting: 'pending',
  running: 'running',
  success: 'success',
  complete: 'success',
  failed: 'failed',
  partiallyFailed: 'partiallyFailed',
};

/** The spellings beyond the four of the status page: accepted, and a SHOULD warning (status_in_documented_set). */
export const otherSpellings: readonly string[] = [...new Set(['waiting', ...statusVariants])];

/** The state a status value names; undefined for a value no page documents. */
export function stateOf(status: unknown): string | undefined {
  return typeof status === 'string' && Object.hasOwn(STATE_OF, status) ? STATE_OF[status] : undefined;
}

/** `unfinished` (pending, running), `finished` (success, failed, partiallyFailed), or undefined. */
export function phaseOf(status: unknown): 'finished' | 'unfinished' | undefined {
  const state = stateOf(status);
  if (state === undefined) return undefined;
  return state === 'pending' || state === 'running' ? 'unfinished' : 'finished';
}

/** Whether two status values name the same state. */
export function sameState(a: unknown, b: unknown): boolean {
  return stateOf(a) !== undefined && stateOf(a) === stateOf(b);
}

/**
 * The algorithms every cancel page lists as cancellable: the 2024 page's seven. The 2025 page
 * (ges_03_0038, 2025-11-28) adds node2vec, and openapi.yaml follows it (x-ges-actions'
 * cancellableAlgorithms): a node2vec job may say either, since the pages disagree.
 */
const CANCELLABLE_ON_EVERY_PAGE: ReadonlySet<string> = new Set([
  'topicrank',
  'pagerank',
  'personalrank',
  'kcore',
  'connected_component',
  'label_propagation',
  'louvain',
]);

/** The algorithms the newest cancel page, and the spec with it, lists as cancellable. */
const CANCELLABLE_ON_NEWEST_PAGE: ReadonlySet<string> = new Set(jobActionById('executeAlgorithm').cancellableAlgorithms);

/** The algorithms the cancel pages list, for a check's description: the seven, and node2vec on the 2025 page. */
export const CANCELLABLE_ALGORITHMS_TEXT = `${[...CANCELLABLE_ON_EVERY_PAGE].join(', ')}; ${[...CANCELLABLE_ON_NEWEST_PAGE]
  .filter((name) => !CANCELLABLE_ON_EVERY_PAGE.has(name))
  .join(', ')} on the 2025 page only`;

/**
 * Kinds of job (by their action's id, src/spec/job-actions.ts) that every cancel page names
 * cancellable (2021: vertex and edge filter queries, execute algorithm, add index) and that none does
 * (2021: "other kinds report Unsupported Operation"; 2025: "only the jobs of export graph, import
 * graph, vertex and edge filter queries, Filtered-query V2, execute algorithm and add index").
 * Imports (2021 no, 2024 and 2025 yes) and Filtered-query 2.2.13 (the later pages name Filtered-query
 * V2, a different API) are in neither: there the pages disagree or say nothing clear.
 */
const KINDS_CANCELLABLE_ON_EVERY_PAGE: ReadonlySet<string> = new Set(['queryVertices', 'queryEdges', 'createIndex']);
const KINDS_CANCELLABLE_ON_NO_PAGE: ReadonlySet<string> = new Set([
  'exportVertices',
  'deleteVertices',
  'exportEdges',
  'deleteEdges',
  'batchDeleteEdges',
  'deleteIndex',
  'exportJobResult',
]);

/**
 * What the pages say of stopping a pending or running job of this kind (an action's id) and, for an
 * algorithm run, this algorithm: `true` or `false` where every page agrees, undefined where they
 * disagree; and what the spec, which follows the newest page, says (`newest`).
 */
export function cancellability(kind: string, algorithm?: string): { agreed: boolean | undefined; newest: boolean } {
  if (kind === 'executeAlgorithm') {
    const name = algorithm ?? '';
    const agreed = CANCELLABLE_ON_EVERY_PAGE.has(name) ? true : CANCELLABLE_ON_NEWEST_PAGE.has(name) ? undefined : false;
    return { agreed, newest: CANCELLABLE_ON_NEWEST_PAGE.has(name) };
  }
  const agreed = KINDS_CANCELLABLE_ON_EVERY_PAGE.has(kind) ? true : KINDS_CANCELLABLE_ON_NO_PAGE.has(kind) ? false : undefined;
  return { agreed, newest: jobActionById(kind).cancellable };
}

const RANK: Readonly<Record<string, number>> = { pending: 0, running: 1 };

/** Whether `later` is the state `earlier` names or one after it (pending → running → finished). */
export function sameOrLater(earlier: unknown, later: unknown): boolean {
  const from = stateOf(earlier);
  const to = stateOf(later);
  if (from === undefined || to === undefined) return false;
  if (phaseOf(earlier) === 'finished') return from === to;
  return phaseOf(later) === 'finished' || (RANK[to] as number) >= (RANK[from] as number);
}
