/**
 * Judges recorded traffic (HAR files) offline with the checks that make sense without sending a
 * request, and reports it like a live run: same report, same exit codes (2 when a file is no HAR or
 * holds no GES exchange: nothing was judged). No file system here: the caller reads the files.
 */
import { computeCoverage } from '../contract-coverage.js';
import type { ContractClient } from '../contract-client.js';
import { createContractSession, selectOperations } from '../contract-session.js';
import type { OperationId } from '../../src/types.js';
import type { CheckResult, ContractCheck, ContractReport, Exchange, PreflightFailure, RecordingSummary } from '../contract-types.js';
import { runCheck } from '../run-contract.js';
import { readHar } from './read-har.js';
import { recordedChecks } from './recorded-checks.js';

/** One HAR file: its name as given, and its text. */
export interface RecordingFile {
  file: string;
  text: string;
}

/** Options of judgeRecording. */
export interface JudgeRecordingOptions {
  /** SHOULD findings fail instead of warn. */
  strict?: boolean | undefined;
  /** Judge only the recorded exchanges of these operations. */
  includeOperations?: readonly OperationId[] | undefined;
  /** Leave the recorded exchanges of these operations out. */
  excludeOperations?: readonly OperationId[] | undefined;
}

/**
 * A client that sends nothing: it answers from the recording. The audits ask for "the default list"
 * only to make sure one was read; here that is the first recorded list answer.
 */
function createRecordedClient(exchanges: readonly Exchange[]): ContractClient {
  return {
    exchanges,
    async send(send) {
      const recorded = exchanges.find((exchange) => exchange.operationId === send.operationId) ?? exchanges[0];
      if (!recorded) throw new Error('the recording holds no GES exchange');
      return recorded;
    },
  };
}

/** Judges the HAR files and reports. */
export async function judgeRecording(
  files: readonly RecordingFile[],
  options: JudgeRecordingOptions = {},
  checks: readonly ContractCheck[] = recordedChecks,
): Promise<ContractReport> {
  const startedAt = new Date();
  const started = performance.now();
  const exchanges: Exchange[] = [];
  const recording: RecordingSummary = { files: files.map((f) => f.file), entries: 0, judged: 0, ignored: 0, unanswered: 0, skipped: [] };
  let failure: PreflightFailure | undefined;
  for (const { file, text } of files) {
    const read = readHar(text, file, exchanges.length + 1);
    if ('error' in read) {
      failure = {
        kind: 'recording',
        message: `Nothing was judged: ${read.error}. Pass HAR 1.2 files (devtools: Network → "Save all as HAR with content") with --har FILE.`,
      };
      break;
    }
    const selected = selectOperations(options.includeOperations, options.excludeOperations);
    exchanges.push(...read.exchanges.filter((exchange) => selected.includes(exchange.operationId)));
    recording.entries += read.entries;
    recording.ignored += read.ignored;
    recording.unanswered += read.unanswered;
    recording.skipped.push(...read.skipped);
  }
  recording.judged = exchanges.length;
  if (!failure && exchanges.length === 0) {
    failure = {
      kind: 'recording',
      message:
        `Nothing was judged: the ${recording.entries} entries of ${recording.files.join(', ')} hold no answered GES request ` +
        `(a path ending like /ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status)${recording.skipped.length > 0 ? `; ${recording.skipped.length} GES entries were made or answered by the browser itself (${recording.unanswered} without a response)` : ''}. ` +
        'Record the traffic of a page that calls the GES job APIs, and save it with its content.',
    };
  }
  const strict = options.strict ?? false;
  const report = (results: CheckResult[]): ContractReport => ({
    target: { baseUrl: '(recorded)', projectId: '', graph: '', missingGraph: '' },
    strict,
    allowMutations: false,
    operations: [...new Set(exchanges.map((exchange) => exchange.operationId))],
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    preflight: failure,
    recording,
    results,
    coverage: computeCoverage(exchanges),
    requests: exchanges.length,
    exitCode: failure ? 2 : results.some((result) => result.outcome === 'failed') ? 1 : 0,
  });
  if (failure) return report([]);
  const session = createContractSession(
    {
      baseUrl: 'http://recorded.invalid',
      projectId: 'recorded',
      graph: 'recorded',
      strict,
      includeOperations: options.includeOperations,
      excludeOperations: options.excludeOperations,
    },
    createRecordedClient(exchanges),
  );
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await runCheck(check, session));
  return report(results);
}
