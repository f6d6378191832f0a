/**
 * JUnit XML for CI: one testsuite per group, one testcase per check. A failure carries its findings
 * as text; a warning passes with the findings in system-out; a skipped check is <skipped/>.
 */
import type { ContractReport, CheckResult } from './contract-types.js';
import { toCurl } from './to-curl.js';

/** Escapes text for XML content and attributes (and drops characters XML 1.0 forbids). */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function findingsText(result: CheckResult, token: string | undefined): string {
  const lines = result.findings.flatMap((finding, i) => [
    `${i + 1}) ${finding.message}`,
    ...(finding.exchange ? [`   request:  ${toCurl(finding.exchange.request, token)}`] : []),
    ...(finding.expected !== undefined ? [`   expected: ${finding.expected}`] : []),
    ...(finding.actual !== undefined ? [`   got:      ${finding.actual}`] : []),
  ]);
  if (result.omittedFindings > 0) lines.push(`… and ${result.omittedFindings} more`);
  return lines.join('\n');
}

function testcase(result: CheckResult, token: string | undefined): string {
  const open = `    <testcase classname="ges-contract.${xml(result.group)}" name="${xml(result.id)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
  switch (result.outcome) {
    case 'passed':
      return `${open}/>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${xml(result.note ?? '')}"/>\n    </testcase>`;
    case 'warning':
      return `${open}>\n      <system-out>${xml(`WARNING (${result.level}): ${result.description}\n${findingsText(result, token)}`)}</system-out>\n    </testcase>`;
    case 'failed':
      return `${open}>\n      <failure message="${xml(result.findings[0]?.message ?? result.description)}" type="${result.level}">${xml(findingsText(result, token))}</failure>\n    </testcase>`;
  }
}

/** The report as a JUnit XML document. */
export function toJunitXml(report: ContractReport, token?: string): string {
  const groups = [...new Set(report.results.map((result) => result.group))];
  const seconds = (report.durationMs / 1000).toFixed(3);
  const failures = report.results.filter((r) => r.outcome === 'failed').length;
  const skipped = report.results.filter((r) => r.outcome === 'skipped').length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ges-contract" tests="${report.results.length}" failures="${failures}" errors="${report.unreachable ? 1 : 0}" skipped="${skipped}" time="${seconds}">`,
  ];
  if (report.unreachable !== undefined) {
    lines.push(
      `  <testsuite name="ges-contract" tests="1" failures="0" errors="1" skipped="0" timestamp="${report.startedAt}">`,
      `    <testcase classname="ges-contract" name="target_reachable"><error message="${xml(report.unreachable)}"/></testcase>`,
      '  </testsuite>',
    );
  }
  for (const group of groups) {
    const results = report.results.filter((result) => result.group === group);
    const time = results.reduce((sum, r) => sum + r.durationMs, 0) / 1000;
    lines.push(
      `  <testsuite name="${xml(group)}" tests="${results.length}" failures="${results.filter((r) => r.outcome === 'failed').length}" errors="0" skipped="${results.filter((r) => r.outcome === 'skipped').length}" time="${time.toFixed(3)}" timestamp="${report.startedAt}">`,
      ...results.map((result) => testcase(result, token)),
      '  </testsuite>',
    );
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
