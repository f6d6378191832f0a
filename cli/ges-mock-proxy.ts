/**
 * `ges-mock proxy --upstream URL`: `ges-mock serve`'s host, port and routes in front of a real GES
 * engine. Every /ges/ request is forwarded (its mocked graphs excepted), judged live by the checks of
 * `ges-contract --har`, journaled, faulted as asked and, with --record, its jobs kept as a fixture
 * document. Each violation is a log line; SIGTERM or SIGINT stops cleanly, writes the reports and
 * the recording, and exits 0, or 1 with --fail-on-violation when a MUST was broken; 2 on a usage
 * error or a port that cannot be bound; 128 + n when a second signal n cut the stop short.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ENGINE_DEFAULTS } from '../src/engine/engine-settings.js';
import { KIT_VERSION } from '../src/generated/version.js';
import { writeFileAtomically } from '../src/persistence/write-file-atomically.js';
import type { GesProxy } from '../src/proxy/create-ges-proxy.js';
import type { ListedViolation } from '../src/proxy/violation-list.js';
import { createRequestLog, type RequestLog } from '../src/server/create-request-log.js';
import { exampleProjectId } from '../src/spec/spec-facts.js';
import { envNames, type OptionValues } from './cli-option.js';
import { logOutput } from './guard-output.js';
import { isLoopback, listenError } from './listen-error.js';
import { onGracefulStop } from './on-shutdown-signals.js';
import { parseOptions } from './parse-options.js';
import { PROXY_FLAGS } from './proxy-flags.js';
import { readCommandLine } from './read-command-line.js';
import { renderFlagHelp } from './render-flag-help.js';
import { faultsOfFlags, SERVE_FLAGS } from './serve-flags.js';
import { UsageError } from './usage-error.js';
import { announceReady, removeStaleReadyFile } from './write-ready-file.js';

const USAGE = `Usage: ges-mock proxy --upstream URL [options]

Answers on the host, port and routes of ges-mock serve, in front of a real GES engine: every /ges/
request is forwarded to the upstream (kept-alive, headers and X-Auth-Token passed on, never logged)
and every answer judged live by the checks of ges-contract --har. Each violation is a log line naming
the check, the rule's evidence and a curl line; GET /__mock/violations lists them (?format=junit|json|text
for the session's report). The journal (/__mock/requests, .har), worlds and faults work as on the mock.
An upstream that cannot be reached answers 502, one too slow 504 (GES.8602, naming the upstream).

${renderFlagHelp(PROXY_FLAGS, { jobsPerGraph: ENGINE_DEFAULTS.jobsPerGraph })}
  --help                    show this help

SIGTERM or SIGINT: requests in flight answered (at most 5 s), reports and the recording written, exit 0
(1 with --fail-on-violation when a MUST was broken); a second signal exits at once.`;

type ProxyOptions = OptionValues<typeof PROXY_FLAGS> & { upstream: URL };

/** Reads the command line; undefined when it asks for help. */
function parse(argv: readonly string[], env: NodeJS.ProcessEnv): { options: ProxyOptions; warnings: string[] } | undefined {
  const line = readCommandLine(argv, PROXY_FLAGS, env, {
    warnUnknownEnv: { prefix: 'GES_MOCK_', program: 'ges-mock', known: envNames(SERVE_FLAGS) },
  });
  if (line.help) return undefined;
  if (line.positionals.length > 0) throw new UsageError(`unexpected argument "${line.positionals[0]}"`);
  const values = parseOptions(PROXY_FLAGS, line);
  if (values.upstream === undefined) throw new UsageError('--upstream (or GES_MOCK_UPSTREAM) is required: the real engine to forward to');
  return { options: { ...values, upstream: values.upstream }, warnings: line.warnings };
}

function fail(message: string): never {
  process.stderr.write(`ges-mock proxy: ${message}\n`);
  process.exit(2);
}

/** A text line may not break apart: newlines inside a field become ` / `. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' / ');

/** One violation as a text log line. */
function violationLine(violation: ListedViolation): string {
  const exchange = violation.exchange;
  const where = exchange ? ` #${exchange.seq} ${exchange.method} ${exchange.url} ${exchange.status}` : '';
  return [
    `${violation.foundAt} VIOLATION ${violation.outcome === 'failed' ? 'FAIL' : 'WARN'} (${violation.level}) ${violation.check}${where}: ${oneLine(violation.message)}`,
    ...(violation.expected !== undefined ? [`expected: ${oneLine(violation.expected)}`] : []),
    ...(violation.actual !== undefined ? [`got: ${oneLine(violation.actual)}`] : []),
    `evidence: ${oneLine(violation.evidence)}`,
    ...(violation.curl !== undefined ? [`repro: ${violation.curl}`] : []),
  ].join(' | ');
}

/** One violation as the fields of a JSON log line. */
function violationFields(violation: ListedViolation): Record<string, string | number> {
  const { exchange, foundAt: _foundAt, ...rest } = violation;
  const fields: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(rest)) if (value !== undefined) fields[name] = value;
  if (exchange) {
    fields.seq = exchange.seq;
    fields.method = exchange.method;
    fields.url = exchange.url;
    fields.status = exchange.status;
    fields.operationId = exchange.operationId;
    if (exchange.project !== undefined) fields.project = exchange.project;
    if (exchange.graph !== undefined) fields.graph = exchange.graph;
  }
  return fields;
}

function banner(proxy: GesProxy, options: ProxyOptions): string {
  const extras = [
    options.judge ? `judging${options.strict ? ' strictly' : ''}` : 'not judging',
    ...(options.mockGraphs.length > 0 ? [`mock graphs ${options.mockGraphs.flat().join(',')}`] : []),
    ...(options.record !== undefined ? [`recording to ${options.record}`] : []),
    ...(options.latency ? ['latency'] : []),
    ...(options.errorRate ? [`errors ${options.errorRate.rate} (${options.errorRate.status})`] : []),
    ...(options.nextFailures ? [`next ${options.nextFailures.count} fail (${options.nextFailures.status})`] : []),
    ...(options.connectionFault ? [`fault ${options.connectionFault.kind} ${options.connectionFault.rate}`] : []),
  ];
  return [
    `ges-mock proxy listening on ${proxy.url} (forwarding to ${proxy.upstream}; ${extras.join(', ')})`,
    `try: curl -H "X-Auth-Token: $GES_TOKEN" '${proxy.url}/ges/v1.0/${exampleProjectId}/graphs/<graph>/jobs/status?limit=2'`,
    `violations: ${proxy.url}/__mock/violations`,
  ].join('\n');
}

/** Writes a report or the recording atomically, creating its folder as ges-contract does for reports. */
function writeCreatingFolder(file: string, text: string): void {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomically(path, text);
}

/** How often the recording is written while jobs are seen. */
const RECORD_EVERY_MS = 2_000;

/** Runs `ges-mock proxy <argv>` until a signal stops it (the process then exits with its code). */
export async function runProxyCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ges-mock proxy: ${error.message}\nRun ges-mock proxy --help for the options.\n`);
    process.exit(2);
  }
  if (parsed === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { options, warnings } = parsed;
  for (const warning of warnings) process.stderr.write(`ges-mock proxy: warning: ${warning}\n`);
  const stale = options.readyFile === undefined ? undefined : removeStaleReadyFile(options.readyFile);
  if (stale !== undefined) fail(stale);
  const fixtures =
    options.fixtures === undefined ? undefined : (await import('./read-fixtures-option.js')).readFixturesOption(options.fixtures);
  if (fixtures && !fixtures.ok) fail(fixtures.message);
  const faults = faultsOfFlags(options);
  const [{ createGesProxy }, { createLiveJudge }] = await Promise.all([
    import('../src/proxy/create-ges-proxy.js'),
    import('../contracts/live/create-live-judge.js'),
  ]);
  const log: RequestLog = createRequestLog({
    format: options.logFormat ?? 'text',
    quiet: options.quiet,
    ...logOutput(process.stdout),
  });
  const port = options.port ?? 4010;
  const host = options.host ?? '127.0.0.1';
  let proxy: GesProxy;
  try {
    proxy = await createGesProxy({
      upstream: options.upstream,
      upstreamTimeoutMs: options.upstreamTimeoutMs,
      maxJudgedBytes: options.judgeMaxKb === undefined ? undefined : options.judgeMaxKb * 1024,
      mockGraphs: options.mockGraphs.flat(),
      judge: options.judge ? createLiveJudge({ strict: options.strict }) : undefined,
      violationsHeader: options.violationsHeader,
      record: options.record !== undefined,
      onViolation: (violation) => log.event('violation', violationFields(violation), violationLine(violation)),
      port,
      host,
      seed: options.seed ?? 1,
      jobsPerGraph: options.jobsPerGraph,
      speed: options.speed ?? 1,
      tokens: options.tokens,
      cors: options.cors,
      control: options.control,
      controlToken: options.controlToken,
      journalSize: options.journalSize,
      ...(faults ? { faults } : {}),
      ...(fixtures?.ok ? { fixtures: fixtures.fixtures } : {}),
      ...(options.quiet ? {} : { onRequest: log.request }),
      onError: (error) => process.stderr.write(`ges-mock proxy: internal error: ${(error as Error)?.stack ?? String(error)}\n`),
    });
  } catch (error) {
    fail(listenError(error, host, port));
  }

  /** Writes the recording when it changed; a failure is said once per cause, and the proxy goes on. */
  let lastWriteError: string | undefined;
  const writeRecording = async (): Promise<void> => {
    if (options.record === undefined || !proxy.recordingChanged) return;
    const document = await proxy.recording();
    if (document === undefined) return;
    try {
      writeCreatingFolder(options.record, `${JSON.stringify(document, null, 2)}\n`);
      lastWriteError = undefined;
    } catch (error) {
      const message = `cannot write --record ${options.record}: ${(error as Error).message}`;
      if (message !== lastWriteError) process.stderr.write(`ges-mock proxy: ${message}\n`);
      lastWriteError = message;
    }
  };
  let recording: Promise<void> = Promise.resolve();
  const recorder =
    options.record === undefined ? undefined : setInterval(() => void (recording = recording.then(writeRecording)), RECORD_EVERY_MS);

  const unannounced =
    options.readyFile === undefined ? undefined : announceReady(options.readyFile, { url: proxy.url, port: proxy.port, pid: process.pid });
  if (unannounced !== undefined) {
    await proxy.close();
    fail(unannounced);
  }
  log.event(
    'listening',
    { url: proxy.url, port: proxy.port, pid: process.pid, version: KIT_VERSION, upstream: proxy.upstream },
    banner(proxy, options),
  );
  log.flush();
  if (!isLoopback(host)) {
    process.stderr.write(
      `ges-mock proxy: warning: --host ${host} makes the proxy, and the engine behind it, reachable from the network.\n`,
    );
  }

  /** The reports, the recording and the summary line; the exit code. */
  async function finish(): Promise<number> {
    if (recorder) clearInterval(recorder);
    await recording;
    await writeRecording();
    const written: string[] = [];
    for (const [format, file] of [
      ['junit', options.junit],
      ['json', options.json],
    ] as const) {
      if (file === undefined) continue;
      const report = await proxy.report(format);
      if (report === undefined) continue;
      try {
        writeCreatingFolder(file, report);
        written.push(file);
      } catch (error) {
        process.stderr.write(`ges-mock proxy: cannot write --${format} ${file}: ${(error as Error).message}\n`);
      }
    }
    const summary = await proxy.violationReport();
    const { proxied, judged, upstreamFailures, bodiesNotJudged } = summary.exchanges;
    process.stderr.write(
      `ges-mock proxy: ${proxied} exchange${proxied === 1 ? '' : 's'} proxied (${upstreamFailures} without an upstream answer), ` +
        `${judged} judged (${bodiesNotJudged} by status and headers only): ${summary.failed} failed, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}` +
        `${written.length > 0 ? `; wrote ${written.join(', ')}` : ''}${options.record !== undefined ? `; recording in ${options.record}` : ''}\n`,
    );
    return options.failOnViolation && summary.failed > 0 ? 1 : 0;
  }

  onGracefulStop({ name: 'ges-mock proxy', log, readyFile: options.readyFile, drain: () => proxy.drain(), finish });
}
