/**
 * The contract kit's public surface (`ges-jobs-kit/contracts`): exactly what docs/contracts.md
 * documents. defineContractTests is not here: it imports vitest, which a plain runner must not
 * load; it has its own entry, `ges-jobs-kit/contracts/vitest`.
 */
export { contractChecks } from './contract-checks.js';
export { runContract } from './run-contract.js';
export { formatReport, formatCoverage } from './format-report.js';
export { toJunitXml } from './to-junit-xml.js';
export { toJsonReport } from './to-json-report.js';
export { startPrismMock, type PrismMock } from './start-prism-mock.js';
export { createLiveJudge, type LiveJudgeOptions } from './live/create-live-judge.js';
export type { ContractCheck, ContractCoverage, ContractOptions, ContractReport } from './contract-types.js';
