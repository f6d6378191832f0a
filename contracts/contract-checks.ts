/**
 * Every contract check, declared once, in run order: the probes that send their own requests, then
 * the audits that judge every response the probes saw. The CLI and defineContractTests both run this.
 * A check's level is not written in its file: it follows from the rules it judges (rule-inventory.ts).
 */
import type { CheckDefinition, ContractCheck } from './contract-types.js';
import { conformanceChecks } from './checks/conformance-checks.js';
import { consistencyChecks } from './checks/consistency-checks.js';
import { errorChecks } from './checks/error-checks.js';
import { exampleChecks } from './checks/example-checks.js';
import { jobChecks } from './checks/job-checks.js';
import { jobKindChecks } from './checks/job-kind-checks.js';
import { listChecks } from './checks/list-checks.js';
import { mutationChecks } from './checks/mutation-checks.js';
import { boundaryChecks } from './checks/boundary-checks.js';
import { refusalChecks } from './checks/refusal-checks.js';
import { levelOfCheck } from './rule-inventory.js';

/** A check with its level: `must` when a rule it judges rests on a GES page, otherwise `should`. */
export function withLevel(definition: CheckDefinition): ContractCheck {
  return { ...definition, level: levelOfCheck(definition.id) };
}

/** All checks, probes first; ids are unique. */
export const contractChecks: readonly ContractCheck[] = [
  ...listChecks,
  ...boundaryChecks,
  ...errorChecks,
  // The kit's own jobs are made first, the consistency checks come last: the jobs they wait for have
  // had the time to finish meanwhile, so the waits overlap instead of adding up.
  ...jobKindChecks,
  ...refusalChecks,
  ...mutationChecks,
  ...consistencyChecks,
  ...jobChecks,
  ...exampleChecks,
  ...conformanceChecks,
].map(withLevel);
