/**
 * Coverage: which documented (operation × status) pairs the run's answers exercised, out of all the
 * spec documents. 500/503 are only reachable by fault injection, so 100% is not the goal.
 */
import { specOperations } from '../src/spec/spec-examples.js';
import type { ContractCoverage, Exchange } from './contract-types.js';

/** Computes coverage from the run's exchanges against the spec's operations. */
export function computeCoverage(exchanges: readonly Exchange[]): ContractCoverage {
  const seen = new Set(exchanges.filter((e) => e.response).map((e) => `${e.operationId} ${e.response?.status}`));
  const pairs = specOperations.flatMap((operation) =>
    operation.statuses.map((status) => ({
      operationId: operation.operationId,
      status,
      exercised: seen.has(`${operation.operationId} ${status}`),
    })),
  );
  return { exercised: pairs.filter((pair) => pair.exercised).length, documented: pairs.length, pairs };
}
