/**
 * The contract kit's public surface (suggested exports entry `./contracts`). defineContractTests is
 * not here: it imports vitest, which a plain runner must not load; import it from
 * contracts/define-contract-tests.ts (suggested entry `./contracts/vitest`).
 */
export { contractChecks } from './contract-checks.js';
export { runContract, runCheck } from './run-contract.js';
export { preflight, diagnosePreflight } from './preflight.js';
export { judgeRecording, type RecordingFile, type JudgeRecordingOptions } from './har/judge-recording.js';
export { readHar, RECORDED_TOKEN } from './har/read-har.js';
export { recordedChecks } from './har/recorded-checks.js';
export { createContractSession, resolveContractOptions } from './contract-session.js';
export { computeCoverage } from './contract-coverage.js';
export { formatReport, formatCheckResult, formatCoverage } from './format-report.js';
export { toJunitXml } from './to-junit-xml.js';
export { toJsonReport } from './to-json-report.js';
export { toCurl } from './to-curl.js';
export { startPrismMock, KIT_SPEC_PATH } from './start-prism-mock.js';
export { findFreePort } from './find-free-port.js';
export type {
  CheckContext,
  CheckLevel,
  CheckOutcome,
  CheckResult,
  ContractCheck,
  ContractCoverage,
  ContractOptions,
  ContractReport,
  CoverageGap,
  Exchange,
  ExchangeSource,
  Finding,
  PreflightFailure,
  RecordingSkip,
  RecordingSummary,
} from './contract-types.js';
