/**
 * The judge of `ges-mock proxy`: every proxied exchange judged as `ges-contract --har` judges a
 * recording, by the same recorded checks at the same levels (one rule set, not a copy). Each
 * exchange becomes a one-entry HAR, named after its place in the session (`exchange #12`), and
 * judgeRecording judges it alone, or with recent ones for what only a comparison shows; so a finding
 * names the same exchanges in every pass and is listed once. The session's report (JUnit, JSON,
 * text) is every check's worst outcome over the passes, with its findings, and the coverage of one
 * exchange of each (operation × status) seen.
 */
import type { ProxyExchange, ProxyJudge, ProxyViolation, ReportFormat } from '../../src/proxy/proxy-types.js';
import type { CheckResult, ContractReport, Exchange, Finding } from '../contract-types.js';
import { formatReport } from '../format-report.js';
import { judgeRecording, type RecordingFile } from '../har/judge-recording.js';
import { toCurl } from '../to-curl.js';
import { toJsonReport } from '../to-json-report.js';
import { toJunitXml } from '../to-junit-xml.js';

/** Options of createLiveJudge. */
export interface LiveJudgeOptions {
  /** SHOULD checks fail instead of warn, as `ges-contract --strict`. */
  strict?: boolean | undefined;
}

/** Most findings the session's report keeps per check; the rest are counted. */
const REPORT_FINDINGS = 20;

const RANK: Record<CheckResult['outcome'], number> = { skipped: 0, passed: 1, warning: 2, failed: 3 };

const fileOf = (seq: number) => `exchange #${seq}`;
const seqOf = (finding: Finding): number | undefined => {
  const match = /^exchange #(\d+)$/.exec(finding.exchange?.source?.file ?? '');
  return match ? Number(match[1]) : undefined;
};

const pairs = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => ({ name, value }));

/** One exchange as a HAR 1.2 document of one entry (what a browser's devtools would have saved). */
function toHarText(exchange: ProxyExchange): string {
  const { request, response } = exchange;
  const content: Record<string, unknown> = { size: response.size ?? -1, mimeType: response.headers['content-type'] ?? '' };
  if (response.text !== undefined) content.text = response.text;
  const entry = {
    startedDateTime: exchange.startedAt,
    time: exchange.durationMs,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(request.headers),
      queryString: [],
      headersSize: -1,
      bodySize: request.body?.length ?? 0,
      ...(request.body !== undefined
        ? { postData: { mimeType: request.headers['content-type'] ?? 'application/json', text: request.body } }
        : {}),
    },
    response: {
      status: response.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(response.headers),
      content,
      redirectURL: '',
      headersSize: -1,
      bodySize: response.size ?? -1,
    },
    cache: {},
    timings: { send: 0, wait: exchange.durationMs, receive: 0 },
  };
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'ges-mock proxy', version: '1' }, entries: [entry] } });
}

/**
 * What a rule rests on: the evidence the check states, when it states one; otherwise what its level
 * means (docs/contracts.md): a MUST states a GES table or the spec's decision, a SHOULD what only a
 * documented example shows.
 */
function evidenceOf(result: CheckResult): string {
  if ('evidence' in result && typeof result.evidence === 'string') return result.evidence;
  return result.level === 'must'
    ? `MUST (a GES page's table or a decision of openapi.yaml): ${result.description}`
    : `SHOULD (only a documented example shows it): ${result.description}`;
}

/** The token the recording's requests carry, to write `$GES_TOKEN` in curl lines. */
const tokenOf = (exchange: Exchange | undefined) =>
  exchange === undefined
    ? undefined
    : Object.entries(exchange.request.headers).find(([name]) => name.toLowerCase() === 'x-auth-token')?.[1];

/** A check's outcomes over a session: its worst outcome and the findings of every pass, each once. */
interface MergedCheck {
  result: CheckResult;
  findings: Map<string, Finding>;
  omitted: number;
  /** Exchanges judged alone, and passes across recent ones, where the check applied (was not skipped). */
  judgedOn: number;
  acrossOn: number;
  skipNote: string | undefined;
}

/** A judge for createGesProxy. */
export function createLiveJudge(options: LiveJudgeOptions = {}): ProxyJudge {
  const strict = options.strict ?? false;
  const startedAt = new Date();
  const merged = new Map<string, MergedCheck>();
  /** One exchange of each (operation × status), for the coverage of the session. */
  const samples = new Map<string, ProxyExchange>();
  let judged = 0;
  let token: string | undefined;
  let upstream = '';

  const keyOf = (result: CheckResult, finding: Finding) => `${result.id}|${seqOf(finding) ?? ''}|${finding.message}`;

  function merge(result: CheckResult, counting: boolean): void {
    let entry = merged.get(result.id);
    if (!entry) {
      entry = { result, findings: new Map(), omitted: 0, judgedOn: 0, acrossOn: 0, skipNote: undefined };
      merged.set(result.id, entry);
    }
    if (RANK[result.outcome] > RANK[entry.result.outcome]) entry.result = { ...result, outcome: result.outcome };
    if (result.outcome === 'skipped') entry.skipNote = result.note;
    else if (counting) entry.judgedOn++;
    else entry.acrossOn++;
    for (const finding of result.findings) {
      const key = keyOf(result, finding);
      if (entry.findings.has(key)) continue;
      if (entry.findings.size < REPORT_FINDINGS) entry.findings.set(key, finding);
      else entry.omitted++;
    }
    if (counting) entry.omitted += result.omittedFindings;
  }

  /** Judges the exchanges together; the violations of the failed and warned checks. */
  async function judgeAll(exchanges: readonly ProxyExchange[], alone: boolean): Promise<ProxyViolation[]> {
    const files: RecordingFile[] = exchanges.map((exchange) => ({ file: fileOf(exchange.seq), text: toHarText(exchange) }));
    const report = await judgeRecording(files, { strict });
    if (report.exitCode === 2) return []; // nothing a GES operation answered: nothing to judge
    const found: ProxyViolation[] = [];
    for (const result of report.results) {
      merge(result, alone);
      if (result.outcome !== 'failed' && result.outcome !== 'warning') continue;
      const outcome = result.outcome;
      for (const finding of result.findings) {
        token ??= tokenOf(finding.exchange);
        found.push({
          key: keyOf(result, finding),
          check: result.id,
          group: result.group,
          level: result.level,
          outcome,
          evidence: evidenceOf(result),
          message: finding.message,
          ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
          ...(finding.actual !== undefined ? { actual: finding.actual } : {}),
          ...(finding.exchange ? { curl: toCurl(finding.exchange.request, tokenOf(finding.exchange)) } : {}),
          exchangeSeq: seqOf(finding) ?? (alone ? exchanges[0]?.seq : undefined),
        });
      }
      const [only] = exchanges;
      if (alone && only && result.omittedFindings > 0) {
        found.push({
          key: `${result.id}|${only.seq}|more`,
          check: result.id,
          group: result.group,
          level: result.level,
          outcome,
          evidence: evidenceOf(result),
          message: `and ${result.omittedFindings} more finding(s) of ${result.id} on this answer (a check lists its first ones)`,
          exchangeSeq: only.seq,
        });
      }
    }
    return found;
  }

  async function report(format: ReportFormat): Promise<string> {
    const sampled = [...samples.values()];
    const skeleton: ContractReport = await judgeRecording(
      sampled.map((exchange) => ({ file: fileOf(exchange.seq), text: toHarText(exchange) })),
      {
        strict,
      },
    );
    const results = skeleton.results.map((sample): CheckResult => {
      const entry = merged.get(sample.id);
      if (!entry) return sample;
      const { result } = entry;
      const note =
        result.outcome === 'skipped'
          ? entry.skipNote
          : entry.judgedOn > 0
            ? `${entry.judgedOn} exchange${entry.judgedOn === 1 ? '' : 's'} judged live`
            : `judged across recent exchanges ${entry.acrossOn} time${entry.acrossOn === 1 ? '' : 's'}`;
      return { ...result, note, findings: [...entry.findings.values()], omittedFindings: entry.omitted };
    });
    const failed = results.some((result) => result.outcome === 'failed');
    const session: ContractReport = {
      ...skeleton,
      target: { ...skeleton.target, baseUrl: upstream || skeleton.target.baseUrl },
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      results,
      requests: judged,
      ...(skeleton.recording
        ? {
            recording: {
              ...skeleton.recording,
              files: [`traffic proxied to ${upstream || '(no exchange yet)'}`],
              entries: judged,
              judged,
            },
          }
        : {}),
      exitCode: skeleton.exitCode === 2 ? 2 : failed ? 1 : 0,
      ...(sampled.length === 0
        ? {
            preflight: { kind: 'recording', message: 'Nothing was judged: no answer of a GES operation has passed through the proxy yet.' },
          }
        : {}),
    };
    if (format === 'junit') return toJunitXml(session, token);
    if (format === 'json') return `${JSON.stringify(toJsonReport(session, token), null, 2)}\n`;
    return `${formatReport(session, token)}\n`;
  }

  return {
    judgeOne(exchange) {
      judged++;
      upstream ||= new URL(exchange.request.url).origin;
      const sample = `${exchange.operationId} ${exchange.response.status}`;
      if (!samples.has(sample)) samples.set(sample, exchange);
      return judgeAll([exchange], true);
    },
    judgeAcross: (exchanges) => judgeAll(exchanges, false),
    report,
  };
}
