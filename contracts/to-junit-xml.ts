/**
 * JUnit XML for CI: one testsuite per group, one testcase per check. A failure carries its findings
 * as text; a warning passes with the findings in system-out; a skipped check is <skipped/>.
 */
import type { ContractReport, CheckResult } from './contract-types.js';
import { restsOn } from './rule-inventory.js';
import { toCurl } from './to-curl.js';
import { describeSource } from './format-report.js';

/** Escapes text for XML content and attributes (and drops characters XML 1.0 forbids). */
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

function findingsText(result: CheckResult, token: string | undefined): string {
  const lines = result.findings.flatMap((finding, i) => [
    `${i + 1}) ${finding.message}`,
    ...(finding.exchange?.source ? [`   entry:    ${describeSource(finding.exchange) as string}`] : []),
    ...(finding.exchange ? [`   request:  ${toCurl(finding.exchange.request, token)}`] : []),
    ...(finding.expected !== undefined ? [`   expected: ${finding.expected}`] : []),
    ...(finding.actual !== undefined ? [`   got:      ${finding.actual}`] : []),
    ...(finding.rule !== undefined ? [`   rests on: ${restsOn(finding.rule)}`] : []),
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

/** One <testsuite>'s counts; <testsuites> carries their sums, so the two never disagree. */
interface Suite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  seconds: number;
  body: string[];
}

/** The report as a JUnit XML document. */
export function toJunitXml(report: ContractReport, token?: string): string {
  const suites: Suite[] = [];
  if (report.preflight !== undefined) {
    suites.push({
      name: 'preflight',
      tests: 1,
      failures: 0,
      errors: 1,
      skipped: 0,
      seconds: report.durationMs / 1000,
      body: [
        `    <testcase classname="ges-contract.preflight" name="preflight" time="${(report.durationMs / 1000).toFixed(3)}">`,
        `      <error message="${xml(report.preflight.message)}" type="${xml(report.preflight.kind)}"/>`,
        '    </testcase>',
      ],
    });
  }
  for (const group of new Set(report.results.map((result) => result.group))) {
    const results = report.results.filter((result) => result.group === group);
    suites.push({
      name: group,
      tests: results.length,
      failures: results.filter((r) => r.outcome === 'failed').length,
      errors: 0,
      skipped: results.filter((r) => r.outcome === 'skipped').length,
      seconds: results.reduce((sum, r) => sum + r.durationMs, 0) / 1000,
      body: results.map((result) => testcase(result, token)),
    });
  }
  const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((total, suite) => total + suite[key], 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ges-contract" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" skipped="${sum('skipped')}" time="${(report.durationMs / 1000).toFixed(3)}">`,
  ];
  for (const suite of suites) {
    lines.push(
      `  <testsuite name="${xml(suite.name)}" tests="${suite.tests}" failures="${suite.failures}" errors="${suite.errors}" skipped="${suite.skipped}" time="${suite.seconds.toFixed(3)}" timestamp="${report.startedAt}">`,
      ...suite.body,
      '  </testsuite>',
    );
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
