/**
 * A job's state as the pages name it. The status page names four (pending, running, success,
 * failed); the algorithm page's status table names waiting, running and complete for the same
 * endpoint, older list pages complete, and a 2025 list page adds partiallyFailed. Two answers agree
 * on a job when they name the same state, in whichever documented spelling.
 */
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

/** The algorithms whose jobs can be cancelled, by their algorithmName: the cancel page's list (2024). */
export const CANCELLABLE_ALGORITHMS: ReadonlySet<string> = new Set([
  'topicrank',
  'pagerank',
  'personalrank',
  'kcore',
  'connected_component',
  'label_propagation',
  'louvain',
]);

const RANK: Readonly<Record<string, number>> = { pending: 0, running: 1 };

/** Whether `later` is the state `earlier` names or one after it (pending → running → finished). */
export function sameOrLater(earlier: unknown, later: unknown): boolean {
  const from = stateOf(earlier);
  const to = stateOf(later);
  if (from === undefined || to === undefined) return false;
  if (phaseOf(earlier) === 'finished') return from === to;
  return phaseOf(later) === 'finished' || (RANK[to] as number) >= (RANK[from] as number);
}
