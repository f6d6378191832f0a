/**
 * The contract as a vitest suite: one test per check, so a team can put the kit into its own tests
 * (against msw/node, a local server or a staging engine). Probes run before audits, as in the CLI.
 * A SHOULD check that finds something passes with an annotation (a warning) unless `strict`.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { contractChecks } from './contract-checks.js';
import { createContractSession, type ContractSession } from './contract-session.js';
import type { CheckResult, ContractCheck, ContractCoverage, ContractOptions } from './contract-types.js';
import { formatCheckResult } from './format-report.js';
import { computeCoverage } from './contract-coverage.js';
import { preflight, runCheck } from './run-contract.js';

/** Options, or a function giving them once the target is up (e.g. after a server started in beforeAll). */
export type ContractTestOptions = ContractOptions | (() => ContractOptions | Promise<ContractOptions>);

/** Extra settings of the registered suite. */
export interface DefineContractTestsConfig {
  /** The describe() name. Default "GES contract". */
  name?: string | undefined;
  /** Only these checks (ids). Default: all. */
  only?: readonly string[] | undefined;
  /** Told each result (e.g. to collect a report). */
  onResult?: ((result: CheckResult) => void) | undefined;
  /** Told the run's coverage after the last check (render it with formatCoverage). */
  onCoverage?: ((coverage: ContractCoverage) => void) | undefined;
}

/** Registers one vitest test per contract check against the target. Call it at the top level of a test file. */
export function defineContractTests(options: ContractTestOptions, config: DefineContractTestsConfig = {}): void {
  const selected = contractChecks.filter((check) => !config.only || config.only.includes(check.id));
  const ordered: ContractCheck[] = [...selected.filter((c) => c.phase === 'probe'), ...selected.filter((c) => c.phase === 'audit')];
  describe(config.name ?? 'GES contract', () => {
    let session: ContractSession | undefined;
    let setupError: string | undefined;
    const results: CheckResult[] = [];

    beforeAll(async () => {
      const resolved = typeof options === 'function' ? await options() : options;
      session = createContractSession(resolved);
      setupError = await preflight(session);
    });

    afterAll(() => {
      // No console here (only cli/ prints): the caller decides where coverage goes, e.g. formatCoverage.
      if (config.onCoverage && session && setupError === undefined && results.length > 0) {
        config.onCoverage(computeCoverage(session.client.exchanges));
      }
    });

    for (const check of ordered) {
      test(`${check.id}: ${check.description}`, async (context) => {
        if (setupError !== undefined) throw new Error(`target unreachable: ${setupError}`);
        const result = await runCheck(check, session as ContractSession);
        results.push(result);
        config.onResult?.(result);
        if (result.outcome === 'skipped') return context.skip(result.note);
        if (result.outcome === 'passed') return;
        const detail = formatCheckResult(result, session?.options.token);
        if (result.outcome === 'warning') {
          await context.annotate(`WARNING (should): ${detail}`, 'warning');
          return;
        }
        throw new Error(`${check.id} failed:\n${detail}`);
      });
    }
  });
}
