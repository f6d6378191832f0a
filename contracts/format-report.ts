/**
 * The human report: one line per check, grouped; under each failure or warning the request that
 * broke it (a curl line), what was expected and what came back; then totals and the coverage line.
 */
import type { CheckResult, ContractCoverage, ContractReport, Exchange, Finding } from './contract-types.js';
import { specOperations } from '../src/spec/spec-examples.js';
import { restsOn } from './rule-inventory.js';
import { toCurl } from './to-curl.js';

const MARK: Record<CheckResult['outcome'], string> = { passed: 'PASS', failed: 'FAIL', warning: 'WARN', skipped: 'SKIP' };

/** Indents every line of a (possibly multi-line) text. */
const indent = (text: string, by: string) => text.split('\n').join(`\n${by}`);

/** Where a recorded exchange is in its HAR file: `traffic.har entry #12 GET https://… at 2026-…`. */
export function describeSource(exchange: Exchange): string | undefined {
  const { source } = exchange;
  if (!source) return undefined;
  return `${source.file} entry #${source.index} ${exchange.request.method} ${exchange.request.url} at ${source.startedDateTime}`;
}

function formatFinding(finding: Finding, n: number, token: string | undefined): string[] {
  const pad = '         ';
  const lines = [`      ${n}) ${indent(finding.message, pad)}`];
  const source = finding.exchange && describeSource(finding.exchange);
  if (source) lines.push(`${pad}entry:    ${source}`);
  if (finding.exchange) lines.push(`${pad}request:  ${toCurl(finding.exchange.request, token)}`);
  if (finding.expected !== undefined) lines.push(`${pad}expected: ${indent(finding.expected, `${pad}          `)}`);
  if (finding.actual !== undefined) lines.push(`${pad}got:      ${indent(finding.actual, `${pad}          `)}`);
  if (finding.rule !== undefined) lines.push(`${pad}rests on: ${restsOn(finding.rule)}`);
  return lines;
}

/** `listJobs 403, getJobStatus 403` → `listJobs 403 · getJobStatus 403`, statuses of one operation together. */
function groupPairs(pairs: readonly string[]): string {
  const byOperation = new Map<string, string[]>();
  for (const pair of pairs) {
    const [operation, status] = pair.split(' ') as [string, string];
    byOperation.set(operation, [...(byOperation.get(operation) ?? []), status]);
  }
  return [...byOperation].map(([operation, statuses]) => `${operation} ${statuses.join(' ')}`).join(' · ');
}

/**
 * The coverage line: documented (operation × status) pairs exercised ÷ documented; then, one line
 * each, the pairs not exercised and why (the flag that reaches them, or why no run can).
 */
export function formatCoverage(coverage: ContractCoverage): string {
  const { exercised, documented, pairs } = coverage;
  const detail = groupPairs(pairs.filter((pair) => pair.exercised).map((pair) => `${pair.operationId} ${pair.status}`));
  const percent = documented === 0 ? 0 : Math.round((exercised / documented) * 100);
  const lines = [
    `Coverage: ${exercised}/${documented} documented (operation × status) pairs exercised (${percent}%)${detail ? `: ${detail}` : ''}`,
  ];
  for (const gap of coverage.gaps ?? []) lines.push(`  not exercised, ${gap.reason}: ${groupPairs(gap.pairs)}`);
  return lines.join('\n');
}

/** One check's line and, for a failure or warning, its findings (curl, expected, got). */
export function formatCheckResult(result: CheckResult, token?: string, width = result.id.length): string {
  const level = result.level === 'should' ? ' (should)' : '';
  const note = result.note ? `  [${result.note}]` : '';
  const lines = [`  ${MARK[result.outcome]}  ${result.id.padEnd(width)}  ${result.description}${level}${note}`];
  if (result.outcome === 'failed' || result.outcome === 'warning') {
    result.findings.forEach((finding, i) => {
      lines.push(...formatFinding(finding, i + 1, token));
    });
    if (result.omittedFindings > 0) lines.push(`      … and ${result.omittedFindings} more`);
  }
  return lines.join('\n');
}

/** Renders the report as text; `token` is hidden behind $GES_TOKEN in curl lines. */
export function formatReport(report: ContractReport, token?: string): string {
  const { target, recording } = report;
  const mode = `${report.allowMutations ? 'with mutations' : 'read-only'}, ${report.strict ? 'strict' : 'lenient'}`;
  const lines = recording
    ? [
        `GES contract, recorded traffic: ${recording.files.join(', ')}  (${report.strict ? 'strict' : 'lenient'})`,
        `${recording.entries} entries: ${recording.judged} GES exchanges judged, ${recording.ignored} other entries ignored` +
          `${recording.skipped.length > 0 ? `, ${recording.skipped.length} skipped (made or answered by the browser, not a server)` : ''}`,
        ...recording.skipped.map((skip) => `  skipped: ${skip.file} entry #${skip.index} ${skip.method} ${skip.url}: ${skip.reason}`),
      ]
    : [
        `GES contract: ${target.baseUrl}  project ${target.projectId}  graph ${target.graph}  (${mode}${
          report.operations.length < specOperations.length ? `; operations: ${report.operations.join(', ')}` : ''
        })`,
      ];
  if (report.preflight !== undefined) {
    lines.push('', report.preflight.message);
    return lines.join('\n');
  }
  const width = Math.max(0, ...report.results.map((result) => result.id.length));
  let group: string | undefined;
  for (const result of report.results) {
    if (result.group !== group) {
      group = result.group;
      lines.push('', group);
    }
    lines.push(formatCheckResult(result, token, width));
  }
  const count = (outcome: CheckResult['outcome']) => report.results.filter((result) => result.outcome === outcome).length;
  lines.push(
    '',
    `${report.results.length} checks: ${count('passed')} passed, ${count('failed')} failed, ${count('warning')} warnings, ${count('skipped')} skipped` +
      (recording ? ` — ${report.requests} exchanges` : ` — ${report.requests} requests in ${(report.durationMs / 1000).toFixed(2)} s`),
    formatCoverage(report.coverage),
  );
  return lines.join('\n');
}
