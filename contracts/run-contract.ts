/**
 * Runs the contract checks against one target and returns a report. No console, no argv, no exit:
 * the CLI (cli/ges-contract.ts) and defineContractTests decide what to do with the result.
 */
import { computeCoverage } from './contract-coverage.js';
import { contractChecks } from './contract-checks.js';
import { CheckAborted, CheckSkipped, createContractSession, type ContractSession } from './contract-session.js';
import type { CheckResult, ContractCheck, ContractOptions, ContractReport, PreflightFailure } from './contract-types.js';
import { preflight } from './preflight.js';

/** Runs one check in a session; never throws (a crashing check is a failed check). */
export async function runCheck(check: ContractCheck, session: ContractSession): Promise<CheckResult> {
  const started = performance.now();
  const base = { id: check.id, group: check.group, level: check.level, description: check.description };
  if (check.mutates && !session.options.allowMutations) {
    return {
      ...base,
      outcome: 'skipped',
      note: 'not exercised: read-only run (pass --allow-mutations)',
      findings: [],
      omittedFindings: 0,
      durationMs: 0,
    };
  }
  const { ctx, findings, omitted, judged, mustFound, crashed, note, reached } = session.createContext(check);
  let skipped: string | undefined;
  try {
    await check.run(ctx);
  } catch (error) {
    // Every skip reads "not exercised: …", so a skipped check is never mistaken for a pass.
    if (error instanceof CheckSkipped)
      skipped = error.message.startsWith('not exercised') ? error.message : `not exercised: ${error.message}`;
    else if (!(error instanceof CheckAborted)) {
      crashed(`the check crashed: ${(error as Error)?.stack ?? String(error)}`);
    }
  }
  const durationMs = performance.now() - started;
  // A check that judged nothing and found nothing has not passed: it says so instead.
  if (skipped === undefined && findings.length === 0 && judged() === 0) {
    skipped = `not exercised: no answer of the kind it judges came back${note() ? ` (${note()})` : ''}`;
  }
  const noteText = skipped ?? note();
  const common = { ...base, note: noteText, omittedFindings: omitted(), durationMs, reached: reached() };
  if (skipped !== undefined) return { ...common, outcome: 'skipped', findings: [] };
  if (findings.length === 0) return { ...common, outcome: 'passed', findings };
  // A finding is as strong as the rule it breaks: only a MUST finding fails a lenient run.
  const fails = mustFound() || session.options.strict;
  return { ...common, outcome: fails ? 'failed' : 'warning', findings };
}

/** Runs every check (or the given ones) against the target and reports. */
export async function runContract(options: ContractOptions, checks: readonly ContractCheck[] = contractChecks): Promise<ContractReport> {
  const startedAt = new Date();
  const started = performance.now();
  const session = createContractSession(options);
  const { baseUrl, projectId, graph, missingGraph, strict, allowMutations, operations } = session.options;
  const report = (results: CheckResult[], failure?: PreflightFailure): ContractReport => ({
    target: { baseUrl, projectId, graph, missingGraph },
    strict,
    allowMutations,
    operations,
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    preflight: failure,
    results,
    coverage: computeCoverage(session.client.exchanges, session.options),
    requests: session.client.exchanges.length,
    exitCode: failure !== undefined ? 2 : results.some((result) => result.outcome === 'failed') ? 1 : 0,
  });

  const failure = await preflight(session);
  if (failure !== undefined) return report([], failure);
  const ordered = [...checks.filter((c) => c.phase === 'probe'), ...checks.filter((c) => c.phase === 'audit')];
  const byId = new Map<string, CheckResult>();
  for (const check of ordered) byId.set(check.id, await runCheck(check, session));
  // Report in declaration order (groups stay together), whatever the run order was.
  return report(checks.map((check) => byId.get(check.id) as CheckResult));
}
