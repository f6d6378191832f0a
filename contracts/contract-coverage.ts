/**
 * Coverage: which documented (operation × status) pairs the run's answers exercised, out of all the
 * spec documents, and for the others why not: which flag would reach them, or why no run of the kit
 * can (404 is for paths that are no API; 5xx only when the engine fails). 100% is not the goal.
 */
import { specOperations } from '../src/spec/spec-examples.js';
import type { OperationId } from '../src/types.js';
import type { ContractCoverage, CoverageGap, Exchange, ResolvedContractOptions } from './contract-types.js';

/** What decides which pairs a live run can reach. */
type Reach = Pick<ResolvedContractOptions, 'token' | 'forbiddenToken' | 'allowMutations' | 'operations'>;

/** The operations that write (submit, cancel, delete): only --allow-mutations sends them. */
const MUTATING: ReadonlySet<OperationId> = new Set(
  specOperations.filter((operation) => operation.method !== 'GET').map((operation) => operation.operationId),
);

/** Why a live run with these options did not exercise (operationId, status). */
function gapReason(operationId: OperationId, status: string, reach: Reach): string {
  if (!reach.operations.includes(operationId))
    return 'not judged: the run leaves this operation out (--include-operation-id / --exclude-operation-id)';
  if (status === '404') return 'never: the kit sends only API paths (404 is for a path that is no API)';
  if (status.startsWith('5')) return 'never on purpose: only when the engine fails (the mock: fault injection)';
  const mutating = MUTATING.has(operationId);
  if (mutating && !reach.allowMutations) return 'need --allow-mutations';
  if (status === '401' && reach.token === undefined) return 'need --token (the no-token probes run only with one)';
  if (status === '403' && reach.forbiddenToken === undefined) return 'need --forbidden-token';
  return 'not seen in this run';
}

/**
 * Computes coverage from the exchanges against the spec's operations. `reach` is the live run's
 * options; without it (a recording) every gap is "not in the recording".
 */
export function computeCoverage(exchanges: readonly Exchange[], reach?: Reach): ContractCoverage {
  const seen = new Set(exchanges.filter((e) => e.response).map((e) => `${e.operationId} ${e.response?.status}`));
  const pairs = specOperations.flatMap((operation) =>
    operation.statuses.map((status) => ({
      operationId: operation.operationId,
      status,
      exercised: seen.has(`${operation.operationId} ${status}`),
    })),
  );
  const gaps = new Map<string, string[]>();
  for (const pair of pairs) {
    if (pair.exercised) continue;
    const reason = reach ? gapReason(pair.operationId, pair.status, reach) : 'not in the recording';
    gaps.set(reason, [...(gaps.get(reason) ?? []), `${pair.operationId} ${pair.status}`]);
  }
  const gapList: CoverageGap[] = [...gaps].map(([reason, list]) => ({ pairs: list, reason }));
  return { exercised: pairs.filter((pair) => pair.exercised).length, documented: pairs.length, pairs, gaps: gapList };
}
