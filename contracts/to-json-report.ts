/**
 * The JSON report file: the run as data, each finding with its request (method, URL, curl line)
 * and response (status, content type, body cut at 4 KiB). Tokens never appear in it.
 */
import type { ContractReport, Exchange, Finding } from './contract-types.js';
import { describeEvidence } from './ges-pages.js';
import { ruleById } from './rule-inventory.js';
import { toCurl } from './to-curl.js';

const MAX_BODY = 4096;

function toJsonExchange(exchange: Exchange, token: string | undefined) {
  const { request, response } = exchange;
  return {
    entry: exchange.source,
    request: { method: request.method, url: request.url, body: request.body, curl: toCurl(request, token) },
    ...(response
      ? { response: { status: response.status, contentType: response.contentType ?? null, body: response.text.slice(0, MAX_BODY) } }
      : { error: exchange.error }),
  };
}

function toJsonFinding(finding: Finding, token: string | undefined) {
  const rule = finding.rule === undefined ? undefined : ruleById(finding.rule);
  return {
    rule: finding.rule,
    level: finding.level,
    evidence: rule?.evidence.map(describeEvidence),
    message: finding.message,
    expected: finding.expected,
    actual: finding.actual,
    ...(finding.exchange ? toJsonExchange(finding.exchange, token) : {}),
  };
}

/** The report as a JSON-ready object (see docs/contracts.md for the fields). */
export function toJsonReport(report: ContractReport, token?: string): Record<string, unknown> {
  const count = (outcome: string) => report.results.filter((result) => result.outcome === outcome).length;
  return {
    tool: 'ges-contract',
    target: report.target,
    strict: report.strict,
    allowMutations: report.allowMutations,
    operations: report.operations,
    startedAt: report.startedAt,
    durationMs: Math.round(report.durationMs),
    preflight: report.preflight,
    recording: report.recording,
    exitCode: report.exitCode,
    summary: {
      checks: report.results.length,
      passed: count('passed'),
      failed: count('failed'),
      warnings: count('warning'),
      skipped: count('skipped'),
      requests: report.requests,
    },
    coverage: report.coverage,
    checks: report.results.map((result) => ({
      id: result.id,
      group: result.group,
      level: result.level,
      description: result.description,
      outcome: result.outcome,
      note: result.note,
      durationMs: Math.round(result.durationMs),
      findings: result.findings.map((finding) => toJsonFinding(finding, token)),
      omittedFindings: result.omittedFindings,
    })),
  };
}
