/**
 * `ges-mock record`: reads every job of some graphs from a GES engine (read-only) and writes them as
 * a fixture document, for `ges-mock serve --fixtures`. cli/ges-mock.ts hands it the arguments after
 * `record` and exits with the code it returns: 0 recorded cleanly, 1 recorded but the engine broke
 * the spec or a job invariant (reported, and kept in the document), 2 usage error, unreachable or
 * refused. The token is sent as a header and never printed or written.
 */
import { resolve } from 'node:path';
import type { GraphRecording } from '../src/record/record-jobs.js';
import { parseOptions } from './parse-options.js';
import { readCommandLine } from './read-command-line.js';
import { RECORD_FLAGS } from './record-flags.js';
import { renderFlagHelp } from './render-flag-help.js';
import { UsageError } from './usage-error.js';

/** Where the command writes: process streams in the CLI, buffers in tests. */
export interface RecordIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage: ges-mock record --base-url URL --project-id ID --graph NAME [--graph NAME...] [options]

Reads every job of each graph from a GES engine (or any implementation of it), read-only, page by
page, and writes them as a fixture document that \`ges-mock serve --fixtures FILE\` serves back.
Pages are read until one holds fewer jobs than --page-size, whatever jobCount says; a jobCount that
is not the number of jobs read is a violation, with a warning line.

${renderFlagHelp(RECORD_FLAGS)}
  -h, --help                show this help

A summary per graph goes to stderr. Every job recorded without a violation replays with --fixtures.
Jobs that break openapi.yaml, a job invariant or what replay accepts are recorded as they came,
listed in the summary and in the document's "recording" (replay refuses the document until they are
fixed or removed). Status variants (complete, partiallyFailed) are kept, marked as recorded.
Exit codes: 0 recorded, 1 recorded with violations, 2 usage error, unreachable or refused.`;

interface RecordPlan {
  baseUrl: string;
  projectId: string;
  graphs: string[];
  token: string | undefined;
  out: string | undefined;
  pageSize: number;
  timeoutMs: number;
  retries: number;
}

function parse(argv: readonly string[], env: NodeJS.ProcessEnv): RecordPlan | 'help' {
  const line = readCommandLine(argv, RECORD_FLAGS, env);
  if (line.help) return 'help';
  if (line.positionals.length > 0) throw new UsageError(`unexpected argument "${line.positionals[0]}"`);
  const values = parseOptions(RECORD_FLAGS, line);
  if (values.baseUrl === undefined) throw new UsageError('--base-url (or GES_BASE_URL) is required');
  if (values.projectId === undefined) throw new UsageError('--project-id (or GES_PROJECT_ID) is required');
  if (values.graphs.length === 0) throw new UsageError('--graph (or GES_GRAPH) is required: at least one graph to record');
  return {
    baseUrl: values.baseUrl,
    projectId: values.projectId,
    graphs: [...new Set(values.graphs)],
    token: values.token,
    out: values.out,
    pageSize: values.pageSize ?? 100,
    timeoutMs: values.timeoutMs ?? 10_000,
    retries: values.retries ?? 5,
  };
}

const MAX_LISTED = 10;

function summary(graph: GraphRecording): string {
  const pages = `${graph.pages} page${graph.pages === 1 ? '' : 's'}`;
  const count = graph.jobCount === undefined ? 'no jobCount' : `jobCount ${graph.jobCount}`;
  const lines = [
    `  ${graph.graph}: ${graph.jobs.length} job${graph.jobs.length === 1 ? '' : 's'} recorded (${count}, ${pages}), ` +
      `${graph.violations.length === 0 ? 'no violations' : `${graph.violations.length} violation${graph.violations.length === 1 ? '' : 's'}`}`,
    ...graph.violations.slice(0, MAX_LISTED).map((v) => `    - ${v.jobId !== undefined ? `job ${v.jobId}: ` : ''}${v.problems.join('; ')}`),
    ...(graph.violations.length > MAX_LISTED
      ? [`    … and ${graph.violations.length - MAX_LISTED} more in the document's "recording"`]
      : []),
    ...graph.notes.map((note) => `    note: ${note}`),
  ];
  return lines.join('\n');
}

/** The warning line of a graph whose jobCount is not the number of jobs its pages held. */
function countWarning(graph: GraphRecording): string[] {
  const mismatch = graph.countMismatch;
  if (mismatch === undefined) return [];
  return [
    `ges-mock record: warning: ${graph.graph}: jobCount says ${mismatch.changed ? 'at most ' : ''}${mismatch.jobCount} but ${mismatch.jobsRead} ` +
      `job${mismatch.jobsRead === 1 ? ' was' : 's were'} read; every job read is recorded`,
  ];
}

/** Runs `ges-mock record <argv>`; resolves to the exit code. Never throws for bad input or a bad engine. */
export async function runRecordCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: RecordIo): Promise<number> {
  let plan: ReturnType<typeof parse>;
  try {
    plan = parse(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`ges-mock record: ${error.message}\nRun ges-mock record --help for the options.\n`);
    return 2;
  }
  if (plan === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const [{ recordJobs, toPublicBaseUrl }, { writeFileAtomically }] = await Promise.all([
    import('../src/record/record-jobs.js'),
    import('../src/persistence/write-file-atomically.js'),
  ]);
  const source = toPublicBaseUrl(plan.baseUrl);
  const result = await recordJobs({
    baseUrl: plan.baseUrl,
    projectId: plan.projectId,
    graphs: plan.graphs,
    ...(plan.token !== undefined ? { token: plan.token } : {}),
    pageSize: plan.pageSize,
    retry: {
      retries: plan.retries,
      timeoutMs: plan.timeoutMs,
      onRetry: (reason, delayMs) => io.stderr(`ges-mock record: ${reason}; retrying in ${delayMs} ms\n`),
    },
  });
  if (!result.ok) {
    io.stderr(`ges-mock record: ${result.failure.message}\nNothing was written.\n`);
    return 2;
  }
  const { recording } = result;
  const text = `${JSON.stringify(recording.document, null, 2)}\n`;
  if (plan.out !== undefined) {
    try {
      writeFileAtomically(resolve(plan.out), text);
    } catch (error) {
      io.stderr(`ges-mock record: cannot write ${plan.out}: ${(error as Error).message}\n`);
      return 2;
    }
  } else {
    io.stdout(text);
  }
  io.stderr(
    `${[
      `ges-mock record: ${source}, project ${plan.projectId}`,
      ...recording.graphs.map(summary),
      ...recording.graphs.flatMap(countWarning),
      `${recording.violations === 0 ? 'no violations' : `${recording.violations} violation${recording.violations === 1 ? '' : 's'} seen (kept as they came)`}` +
        `${plan.out !== undefined ? `; wrote ${plan.out}` : ''}`,
    ].join('\n')}\n`,
  );
  return recording.violations > 0 ? 1 : 0;
}
