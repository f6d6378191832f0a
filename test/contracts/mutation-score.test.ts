/**
 * Proof that the kit catches what matters: every deliberately broken implementation (the mock with
 * one corruption, over node:http on port 0) must make the kit report the RIGHT check, as a failure
 * when the broken rule rests on a GES page, or as a warning that --strict turns into a failure when
 * it rests on a decision. Valid variations must pass. Every finding names a rule of the inventory
 * that names its check. The mutation-score table is printed with the test output.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { runContract } from '../../contracts/run-contract.js';
import type { ContractReport } from '../../contracts/contract-types.js';
import { ruleById } from '../../contracts/rule-inventory.js';
import { FORBIDDEN_TOKEN, PROJECT, TOKEN, startCorruptServer, type Corruption } from './support/corrupt-server.js';
import { mutants, variations } from './support/mutants.js';

async function runAgainst(corruption: Corruption | undefined, strict: boolean): Promise<ContractReport> {
  const server = await startCorruptServer(corruption);
  try {
    return await runContract({
      baseUrl: server.url,
      projectId: PROJECT,
      graph: 'movie',
      token: TOKEN,
      forbiddenToken: FORBIDDEN_TOKEN,
      allowMutations: true,
      strict,
      // The mock runs on a manual clock: its jobs never move on, so waiting for one is pointless.
      jobWaitMs: 0,
    });
  } finally {
    await server.close();
  }
}

const outcomeOf = (report: ContractReport, id: string) => report.results.find((result) => result.id === id)?.outcome;
const failedIds = (report: ContractReport) => report.results.filter((r) => r.outcome === 'failed').map((r) => r.id);
const warnedIds = (report: ContractReport) => report.results.filter((r) => r.outcome === 'warning').map((r) => r.id);

/** Every finding cites a rule that names its check, at that rule's level. */
function expectFindingsCiteTheirRules(report: ContractReport): void {
  for (const result of report.results) {
    for (const finding of result.findings) {
      expect(finding.rule, `${result.id}: ${finding.message}`).toBeDefined();
      const rule = ruleById(finding.rule as string);
      expect(rule.checks, `${result.id} cites ${rule.id}`).toContain(result.id);
      expect(finding.level).toBe(rule.level);
    }
  }
}

interface Row {
  mutant: string;
  check: string;
  lenient: string;
  strict: string;
  killed: boolean;
  /** Other checks that failed too (a corruption often breaks more than one rule). */
  others: string;
}
const rows: Row[] = [];

afterAll(() => {
  if (rows.length === 0) return;
  const killed = rows.filter((row) => row.killed).length;
  const width = (key: keyof Row) => Math.max(key.length, ...rows.map((row) => String(row[key]).length));
  const cols: (keyof Row)[] = ['mutant', 'check', 'lenient', 'strict', 'killed', 'others'];
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(width(cols[i] as keyof Row))).join(' | ')} |`;
  const table = [
    line(cols),
    `|${cols.map((col) => '-'.repeat(width(col) + 2)).join('|')}|`,
    ...rows.map((row) => line([row.mutant, row.check, row.lenient, row.strict, row.killed ? 'yes' : 'NO', row.others])),
  ];
  process.stdout.write(`\nMutation score: ${killed}/${rows.length} (${Math.round((killed / rows.length) * 100)}%)\n${table.join('\n')}\n`);
});

describe('the contract kit against deliberately broken implementations', () => {
  test('the unbroken mock behind the same harness passes every check, strict and with mutations', async () => {
    const report = await runAgainst(undefined, true);
    expect(failedIds(report)).toEqual([]);
    expect(warnedIds(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  test(`has at least 15 kinds of breakage, each naming a check the kit declares`, async () => {
    const { contractChecks } = await import('../../contracts/contract-checks.js');
    const ids = new Set(contractChecks.map((check) => check.id));
    expect(mutants.filter((m) => m.kind === 'failure').length).toBeGreaterThanOrEqual(40);
    for (const mutant of mutants) expect(ids, mutant.name).toContain(mutant.check);
  });

  // Each mutant is a server of its own on port 0, with a fresh engine on a manual clock.
  test.each(mutants.map((mutant) => [mutant.name, mutant] as const))('catches: %s', async (_name, mutant) => {
    const lenient = await runAgainst(mutant.corrupt, false);
    const strict = mutant.kind === 'warning' ? await runAgainst(mutant.corrupt, true) : lenient;
    expectFindingsCiteTheirRules(lenient);
    const lenientOutcome = outcomeOf(lenient, mutant.check);
    const strictOutcome = outcomeOf(strict, mutant.check);
    const killed =
      mutant.kind === 'failure'
        ? lenientOutcome === 'failed' && lenient.exitCode === 1
        : lenientOutcome === 'warning' && lenient.exitCode === 0 && strictOutcome === 'failed' && strict.exitCode === 1;
    rows.push({
      mutant: mutant.name,
      check: mutant.check,
      lenient: `${lenientOutcome} (exit ${lenient.exitCode})`,
      strict: mutant.kind === 'warning' ? `${strictOutcome} (exit ${strict.exitCode})` : '—',
      killed,
      others: failedIds(lenient)
        .filter((id) => id !== mutant.check)
        .join(' '),
    });
    expect({ check: mutant.check, lenient: lenientOutcome, strict: strictOutcome, exit: lenient.exitCode }).toEqual({
      check: mutant.check,
      lenient: mutant.kind === 'failure' ? 'failed' : 'warning',
      strict: 'failed',
      exit: mutant.kind === 'failure' ? 1 : 0,
    });
    if (mutant.kind === 'warning') {
      // A SHOULD deviation alone must not fail a lenient run.
      expect(failedIds(lenient)).toEqual([]);
      expect(strict.exitCode).toBe(1);
    }
  });
});

describe('the contract kit accepts valid variations of a real engine', () => {
  test.each(variations.map((variation) => [variation.name, variation] as const))('passes: %s', async (_name, variation) => {
    const report = await runAgainst(variation.corrupt, false);
    expect(failedIds(report)).toEqual([]);
    expect(warnedIds(report).sort()).toEqual([...variation.warnings].sort());
    expect(report.exitCode).toBe(0);
  });
});
