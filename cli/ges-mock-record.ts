/**
 * `ges-mock record`: reads every job of some graphs from a GES engine (read-only) and writes them as
 * a fixture document, for `ges-mock serve --fixtures`. cli/ges-mock.ts hands it the arguments after
 * `record` and exits with the code it returns: 0 recorded cleanly, 1 recorded but the engine broke
 * the spec or a job invariant (reported, and kept in the document), 2 usage error, unreachable or
 * refused. The token is sent as a header and never printed or written.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { graphNamePattern, projectIdPattern } from '../src/spec/spec-facts.js';
import type { GraphRecording } from '../src/record/record-jobs.js';

/** Where the command writes: process streams in the CLI, buffers in tests. */
export interface RecordIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage: ges-mock record --base-url URL --project-id ID --graph NAME [--graph NAME...] [options]

Reads every job of each graph from a GES engine (or any implementation of it), read-only, page by
page, and writes them as a fixture document that \`ges-mock serve --fixtures FILE\` serves back.

Target (flags win over the environment):
  --base-url <url>       engine address, e.g. https://ges.example.com        (env GES_BASE_URL)
  --project-id <id>      project_id of the path                              (env GES_PROJECT_ID)
  --graph <name>         a graph to record; repeatable                       (env GES_GRAPH, a,b,...)
  --token <token>        X-Auth-Token; never printed or written              (env GES_TOKEN)

Output:
  --out <file>           write the document there (atomically) instead of stdout

Reading:
  --page-size <n>        jobs per page, 1-1000 (default 100)
  --timeout <ms>         per-request timeout (default 10000)
  --retries <n>          retries of a 429/502/503/504 answer or a timeout, with backoff (default 5)
  -h, --help             show this help

A summary per graph goes to stderr. Every job recorded without a violation replays with --fixtures.
Jobs that break openapi.yaml, a job invariant or what replay accepts are recorded as they came,
listed in the summary and in the document's "recording" (replay refuses the document until they are
fixed or removed). Status variants (complete, partiallyFailed) are kept, marked as recorded.
Exit codes: 0 recorded, 1 recorded with violations, 2 usage error, unreachable or refused.`;

class UsageError extends Error {}

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

function integer(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

function parse(argv: readonly string[], env: NodeJS.ProcessEnv): RecordPlan | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'base-url': { type: 'string' },
        'project-id': { type: 'string' },
        graph: { type: 'string', multiple: true },
        token: { type: 'string' },
        out: { type: 'string' },
        'page-size': { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const pick = (flag: string | undefined, name: string) => {
    const value = flag ?? env[name];
    return value === '' ? undefined : value;
  };
  const baseUrl = pick(values['base-url'], 'GES_BASE_URL');
  if (baseUrl === undefined) throw new UsageError('--base-url (or GES_BASE_URL) is required');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError('--base-url must be an http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be an http(s) URL, got a ${url.protocol} URL`);
  if (url.search || url.hash) throw new UsageError('--base-url must not carry a query or fragment');
  if (url.username || url.password) throw new UsageError('--base-url must not carry a user or password; the token goes in --token');
  const projectId = pick(values['project-id'], 'GES_PROJECT_ID');
  if (projectId === undefined) throw new UsageError('--project-id (or GES_PROJECT_ID) is required');
  if (!projectIdPattern.test(projectId)) throw new UsageError(`--project-id must be 1-64 letters or digits, got "${projectId}"`);
  const graphs = values.graph ?? pick(undefined, 'GES_GRAPH')?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
  if (graphs.length === 0) throw new UsageError('--graph (or GES_GRAPH) is required: at least one graph to record');
  const bad = graphs.find((name) => !graphNamePattern.test(name));
  if (bad !== undefined) throw new UsageError(`--graph must be 4-50 letters, digits or underscores starting with a letter, got "${bad}"`);
  if (values.out === '') throw new UsageError('--out needs a file name');
  return {
    baseUrl,
    projectId,
    graphs: [...new Set(graphs)],
    token: pick(values.token, 'GES_TOKEN'),
    out: values.out,
    pageSize: values['page-size'] === undefined ? 100 : integer('page-size', values['page-size'], 1, 1000),
    timeoutMs: values.timeout === undefined ? 10_000 : integer('timeout', values.timeout, 1, 600_000),
    retries: values.retries === undefined ? 5 : integer('retries', values.retries, 0, 20),
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
    ...(graph.violations.length > MAX_LISTED ? [`    … and ${graph.violations.length - MAX_LISTED} more in the document's "recording"`] : []),
    ...graph.notes.map((note) => `    note: ${note}`),
  ];
  return lines.join('\n');
}

/** Runs `ges-mock record <argv>`; resolves to the exit code. Never throws for bad input or a bad engine. */
export async function runRecordCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: RecordIo): Promise<number> {
  let plan;
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
    [
      `ges-mock record: ${source}, project ${plan.projectId}`,
      ...recording.graphs.map(summary),
      `${recording.violations === 0 ? 'no violations' : `${recording.violations} violation${recording.violations === 1 ? '' : 's'} seen (kept as they came)`}` +
        `${plan.out !== undefined ? `; wrote ${plan.out}` : ''}`,
    ].join('\n') + '\n',
  );
  return recording.violations > 0 ? 1 : 0;
}
