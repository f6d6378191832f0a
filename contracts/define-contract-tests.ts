/**
 * The contract as a vitest suite (vitest 3.2 and later): a preflight test, then one test per check,
 * so a team can put the kit into its own tests (against msw/node, a local server or a staging
 * engine). Probes run before audits, as in the CLI. A misconfigured target fails the preflight test
 * alone, with the paragraph the CLI prints, and every check is skipped. A SHOULD check that finds
 * something passes with a warning (an annotation, and a console warning the default reporter shows)
 * unless `strict`.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { contractChecks } from './contract-checks.js';
import { createContractSession, type ContractSession } from './contract-session.js';
import type { CheckResult, ContractCheck, ContractCoverage, ContractOptions } from './contract-types.js';
import { formatCheckResult } from './format-report.js';
import { computeCoverage } from './contract-coverage.js';
import { runCheck } from './run-contract.js';
import { preflight } from './preflight.js';
import type { PreflightFailure } from './contract-types.js';

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

/** The name of the setup test that reads the list once before the checks. */
export const PREFLIGHT_TEST_NAME = 'preflight: the target answers the job list as configured';

/** Registers the preflight test and one vitest test per contract check. Call it at the top level of a test file. */
export function defineContractTests(options: ContractTestOptions, config: DefineContractTestsConfig = {}): void {
  const selected = contractChecks.filter((check) => !config.only || config.only.includes(check.id));
  const ordered: ContractCheck[] = [...selected.filter((c) => c.phase === 'probe'), ...selected.filter((c) => c.phase === 'audit')];
  describe(config.name ?? 'GES contract', () => {
    let session: ContractSession | undefined;
    let setup: PreflightFailure | string | undefined = 'the preflight test did not run';
    const results: CheckResult[] = [];

    beforeAll(async () => {
      const resolved = typeof options === 'function' ? await options() : options;
      session = createContractSession(resolved);
    });

    afterAll(() => {
      // The caller decides where coverage goes, e.g. formatCoverage.
      if (config.onCoverage && session && setup === undefined && results.length > 0) {
        config.onCoverage(computeCoverage(session.client.exchanges, session.options));
      }
    });

    test(PREFLIGHT_TEST_NAME, async () => {
      setup = await preflight(session as ContractSession);
      // One failing test with the whole paragraph, instead of every check failing the same way.
      if (setup !== undefined) throw new Error(setup.message);
    });

    for (const check of ordered) {
      test(`${check.id}: ${check.description}`, async (context) => {
        if (setup !== undefined) return context.skip('not run: the preflight failed');
        const result = await runCheck(check, session as ContractSession);
        results.push(result);
        config.onResult?.(result);
        if (result.outcome === 'skipped') return context.skip(result.note);
        if (result.outcome === 'passed') return;
        const detail = formatCheckResult(result, session?.options.token);
        if (result.outcome === 'warning') {
          await context.annotate(`WARNING (should): ${detail}`, 'warning');
          // vitest's default reporter prints annotations only of failed tests, but shows what a test
          // writes to the console under its name: this is how a passing SHOULD finding stays visible.
          console.warn(`WARNING (should) ${check.id}:\n${detail}`);
          return;
        }
        throw new Error(`${check.id} failed:\n${detail}`);
      });
    }
  });
}
