/**
 * Runs the contract checks against one target and returns a report. No console, no argv, no exit:
 * the CLI (cli/ges-contract.ts) and defineContractTests decide what to do with the result.
 */
import { computeCoverage } from './contract-coverage.js';
import { contractChecks } from './contract-checks.js';
import { CheckAborted, CheckSkipped, createContractSession, type ContractSession } from './contract-session.js';
import type { CheckResult, ContractCheck, ContractOptions, ContractReport } from './contract-types.js';

/** Runs one check in a session; never throws (a crashing check is a failed check). */
export async function runCheck(check: ContractCheck, session: ContractSession): Promise<CheckResult> {
  const started = performance.now();
  const base = { id: check.id, group: check.group, level: check.level, description: check.description };
  if (check.mutates && !session.options.allowMutations) {
    return { ...base, outcome: 'skipped', note: 'read-only run (pass --allow-mutations)', findings: [], omittedFindings: 0, durationMs: 0 };
  }
  const { ctx, findings, omitted, note } = session.createContext();
  let skipped: string | undefined;
  try {
    await check.run(ctx);
  } catch (error) {
    if (error instanceof CheckSkipped) skipped = error.message;
    else if (!(error instanceof CheckAborted)) {
      ctx.fail({ message: `the check crashed: ${(error as Error)?.stack ?? String(error)}` });
    }
  }
  const durationMs = performance.now() - started;
  const noteText = skipped ?? note();
  const common = { ...base, note: noteText, omittedFindings: omitted(), durationMs };
  if (skipped !== undefined) return { ...common, outcome: 'skipped', findings: [] };
  if (findings.length === 0) return { ...common, outcome: 'passed', findings };
  const fails = check.level === 'must' || session.options.strict;
  return { ...common, outcome: fails ? 'failed' : 'warning', findings };
}

/**
 * Checks that the target answers at all (the default list). Returns why not, or undefined: an
 * unreachable target is a usage or connection error (exit 2), not a contract failure.
 */
export async function preflight(session: ContractSession): Promise<string | undefined> {
  const exchange = await session.client.send({ operationId: 'listJobs' });
  return exchange.response ? undefined : `${session.options.baseUrl} did not answer: ${exchange.error ?? 'unknown error'}`;
}

/** Runs every check (or the given ones) against the target and reports. */
export async function runContract(options: ContractOptions, checks: readonly ContractCheck[] = contractChecks): Promise<ContractReport> {
  const startedAt = new Date();
  const started = performance.now();
  const session = createContractSession(options);
  const { baseUrl, projectId, graph, missingGraph, strict, allowMutations } = session.options;
  const report = (results: CheckResult[], unreachable?: string): ContractReport => ({
    target: { baseUrl, projectId, graph, missingGraph },
    strict,
    allowMutations,
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    unreachable,
    results,
    coverage: computeCoverage(session.client.exchanges),
    requests: session.client.exchanges.length,
    exitCode: unreachable !== undefined ? 2 : results.some((result) => result.outcome === 'failed') ? 1 : 0,
  });

  const unreachable = await preflight(session);
  if (unreachable !== undefined) return report([], unreachable);
  const ordered = [...checks.filter((c) => c.phase === 'probe'), ...checks.filter((c) => c.phase === 'audit')];
  const byId = new Map<string, CheckResult>();
  for (const check of ordered) byId.set(check.id, await runCheck(check, session));
  // Report in declaration order (groups stay together), whatever the run order was.
  return report(checks.map((check) => byId.get(check.id) as CheckResult));
}
