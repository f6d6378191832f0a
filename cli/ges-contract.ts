/**
 * `ges-contract`: runs the GES job contract against a base URL and prints the report. The only
 * module of the kit that reads argv and env, writes to the console and sets the exit code.
 * Exit codes: 0 every check holds, 1 some check fails, 2 usage error or misconfiguration (nothing checked).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exampleGraphName, exampleProjectId, graphNamePattern, projectIdPattern } from '../src/spec/spec-facts.js';
import type { ContractOptions, ContractReport } from '../contracts/contract-types.js';
import type { PrismMock } from '../contracts/start-prism-mock.js';
import { guardOutput } from './guard-output.js';

// The kit (ajv, the checks) loads only once the arguments are known to be good, so usage errors
// answer at once.
const loadKit = async () => {
  const [{ runContract }, { formatReport }, { toJsonReport }, { toJunitXml }, { startPrismMock }, { judgeRecording }, { RECORDED_TOKEN }] = await Promise.all([
    import('../contracts/run-contract.js'),
    import('../contracts/format-report.js'),
    import('../contracts/to-json-report.js'),
    import('../contracts/to-junit-xml.js'),
    import('../contracts/start-prism-mock.js'),
    import('../contracts/har/judge-recording.js'),
    import('../contracts/har/read-har.js'),
  ]);
  return { runContract, formatReport, toJsonReport, toJunitXml, startPrismMock, judgeRecording, RECORDED_TOKEN };
};

/** Whether starting Prism failed because @stoplight/prism-cli is not installed. */
function isPrismMissing(error: unknown): boolean {
  const err = error as { code?: string; message?: string };
  return err?.code === 'MODULE_NOT_FOUND' || err?.code === 'ERR_MODULE_NOT_FOUND' ? /@stoplight\/prism-cli/.test(err.message ?? '') : false;
}

const PRISM_MISSING = `--prism needs @stoplight/prism-cli, which is not installed here. Install it next to ges-jobs-kit:
  npm install --save-dev @stoplight/prism-cli
then run ges-contract --prism again (or check a running mock with --base-url instead).`;

const USAGE = `Usage: ges-contract --base-url URL --project-id ID --graph NAME [options]
       ges-contract --har FILE [--har FILE ...] [--strict] [--junit FILE] [--json FILE]

Checks that a GES engine (or a mock of it) keeps the contract of openapi.yaml: Listing Jobs (2.2.13)
and the job APIs around it. Read-only unless --allow-mutations.

Target (flags win over the environment):
  --base-url <url>       engine address, e.g. http://127.0.0.1:4010       (env GES_BASE_URL)
  --project-id <id>      project_id of the path                          (env GES_PROJECT_ID)
  --graph <name>         a graph that exists                             (env GES_GRAPH)
  --token <token>        X-Auth-Token; never printed (curl lines say $GES_TOKEN)  (env GES_TOKEN)
  --forbidden-token <t>  a token the engine knows but refuses on this project, to check the 403 path
                         (env GES_FORBIDDEN_TOKEN; without it those checks are skipped)
  --missing-graph <name> a well-formed graph name that does not exist (default: generated)

Judgement:
  --strict               SHOULD checks (what only a documented example shows) fail instead of warn
  --allow-mutations      also submit and cancel jobs (submitted_job_listed_first, cancelled_job_failed,
                         cancel_again_rejected)
  --timeout <ms>         per-request timeout (default 10000)                 (env GES_TIMEOUT)

Recorded traffic (offline, instead of a target):
  --har <file>           judge a HAR 1.2 file saved by devtools or a proxy; repeat for several files.
                         Non-GES entries are counted and ignored; tokens and cookies are never printed

Reports:
  --junit <file>         write JUnit XML
  --json <file>          write the report as JSON

Other:
  --prism                start \`prism mock openapi.yaml\` on a free port and check that instead of
                         --base-url (project, graph and token get defaults); see docs/contracts.md
  -h, --help             show this help

Exit codes: 0 every check holds (warnings allowed), 1 a check fails, 2 usage error or misconfiguration
(the preflight read the list once and found no token, a refused token, an unknown graph, no API at the
base URL, no connection or no answer in time: nothing was checked; see docs/contracts.md).`;

class UsageError extends Error {}

// Prism answers any well-formed path, so the spec's own examples serve as the target.
const PRISM_DEFAULTS = { projectId: exampleProjectId, graph: exampleGraphName, token: 'contract-token' };

interface CliPlan {
  options: Omit<ContractOptions, 'baseUrl'> & { baseUrl?: string };
  prism: boolean;
  har: string[];
  junit?: string;
  json?: string;
}

function parse(argv: string[], env: NodeJS.ProcessEnv): CliPlan | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'base-url': { type: 'string' },
        'project-id': { type: 'string' },
        graph: { type: 'string' },
        token: { type: 'string' },
        'forbidden-token': { type: 'string' },
        'missing-graph': { type: 'string' },
        har: { type: 'string', multiple: true },
        strict: { type: 'boolean' },
        'allow-mutations': { type: 'boolean' },
        timeout: { type: 'string' },
        junit: { type: 'string' },
        json: { type: 'string' },
        prism: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const har = values.har ?? [];
  if (har.length > 0) {
    const live = ['base-url', 'prism', 'allow-mutations', 'project-id', 'graph', 'token', 'forbidden-token', 'missing-graph', 'timeout'] as const;
    const clash = live.find((flag) => values[flag] !== undefined);
    if (clash) throw new UsageError(`--har judges a recording offline and excludes --${clash}`);
    if (har.some((file) => file === '')) throw new UsageError('--har needs a file name');
    return {
      prism: false,
      har,
      junit: values.junit,
      json: values.json,
      options: { projectId: '', graph: '', strict: values.strict === true },
    };
  }
  const prism = values.prism === true;
  const pick = (flag: string | undefined, name: string, fallback?: string) => {
    const value = flag ?? env[name] ?? fallback;
    return value === '' ? fallback : value;
  };
  const baseUrl = prism ? undefined : pick(values['base-url'], 'GES_BASE_URL');
  const projectId = pick(values['project-id'], 'GES_PROJECT_ID', prism ? PRISM_DEFAULTS.projectId : undefined);
  const graph = pick(values.graph, 'GES_GRAPH', prism ? PRISM_DEFAULTS.graph : undefined);
  const token = pick(values.token, 'GES_TOKEN', prism ? PRISM_DEFAULTS.token : undefined);
  const forbiddenToken = pick(values['forbidden-token'], 'GES_FORBIDDEN_TOKEN');
  if (forbiddenToken !== undefined && forbiddenToken === token) throw new UsageError('--forbidden-token must differ from --token');

  if (prism && values['base-url'] !== undefined) throw new UsageError('--prism and --base-url exclude each other');
  if (!prism) {
    if (baseUrl === undefined) throw new UsageError('--base-url (or GES_BASE_URL) is required');
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
    if (url.search || url.hash) throw new UsageError('--base-url must not carry a query or fragment');
  }
  if (projectId === undefined) throw new UsageError('--project-id (or GES_PROJECT_ID) is required');
  if (!projectIdPattern.test(projectId)) throw new UsageError(`--project-id must be 1-64 letters or digits, got "${projectId}"`);
  if (graph === undefined) throw new UsageError('--graph (or GES_GRAPH) is required');
  if (!graphNamePattern.test(graph)) throw new UsageError(`--graph must be 4-50 letters, digits or underscores starting with a letter, got "${graph}"`);
  const missingGraph = values['missing-graph'];
  if (missingGraph !== undefined) {
    if (!graphNamePattern.test(missingGraph)) throw new UsageError(`--missing-graph must be a well-formed graph name, got "${missingGraph}"`);
    if (missingGraph === graph) throw new UsageError('--missing-graph must differ from --graph');
  }
  let timeoutMs: number | undefined;
  const timeout = pick(values.timeout, 'GES_TIMEOUT');
  if (timeout !== undefined) {
    if (!/^\d+$/.test(timeout) || Number(timeout) < 1 || Number(timeout) > 600_000) {
      throw new UsageError(`--timeout (or GES_TIMEOUT) must be milliseconds from 1 to 600000, got "${timeout}"`);
    }
    timeoutMs = Number(timeout);
  }
  return {
    prism,
    har: [],
    junit: values.junit,
    json: values.json,
    options: {
      baseUrl,
      projectId,
      graph,
      token,
      forbiddenToken,
      missingGraph,
      strict: values.strict === true,
      allowMutations: values['allow-mutations'] === true,
      timeoutMs,
    },
  };
}

async function writeReportFile(path: string, text: string): Promise<void> {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
}

type Kit = Awaited<ReturnType<typeof loadKit>>;

/** Prints the text report and writes the report files; returns the exit code. */
async function writeReports(
  report: ContractReport,
  token: string | undefined,
  plan: CliPlan,
  kit: Pick<Kit, 'formatReport' | 'toJsonReport' | 'toJunitXml'>,
): Promise<number> {
  process.stdout.write(`${kit.formatReport(report, token)}\n`);
  try {
    if (plan.junit) await writeReportFile(plan.junit, kit.toJunitXml(report, token));
    if (plan.json) await writeReportFile(plan.json, `${JSON.stringify(kit.toJsonReport(report, token), null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`ges-contract: could not write a report file: ${(error as Error).message}\n`);
    return 2;
  }
  return report.exitCode;
}

/** Runs the CLI; returns the exit code. */
async function main(argv: string[]): Promise<number> {
  // `ges-contract … | head` closes the pipe early: the rest of the report is dropped, not a crash.
  guardOutput(process.stdout);
  guardOutput(process.stderr);
  let plan: CliPlan | 'help';
  try {
    plan = parse(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ges-contract: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (plan === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const { runContract, formatReport, toJsonReport, toJunitXml, startPrismMock, judgeRecording, RECORDED_TOKEN } = await loadKit();
  if (plan.har.length > 0) {
    const files = [];
    for (const file of plan.har) {
      try {
        files.push({ file, text: await readFile(file, 'utf8') });
      } catch (error) {
        process.stderr.write(`ges-contract: cannot read --har ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
        return 2;
      }
    }
    const report = await judgeRecording(files, { strict: plan.options.strict ?? false });
    return writeReports(report, RECORDED_TOKEN, plan, { formatReport, toJsonReport, toJunitXml });
  }
  let prism: PrismMock | undefined;
  const stopPrism = () => {
    void prism?.close().finally(() => process.exit(130));
  };
  try {
    if (plan.prism) {
      process.stderr.write('ges-contract: starting prism mock openapi.yaml …\n');
      try {
        prism = await startPrismMock();
      } catch (error) {
        process.stderr.write(`ges-contract: ${isPrismMissing(error) ? PRISM_MISSING : `could not start prism: ${(error as Error).message}`}\n`);
        return 2;
      }
      process.once('SIGINT', stopPrism);
      process.once('SIGTERM', stopPrism);
      process.stderr.write(`ges-contract: prism answers on ${prism.url}\n`);
    }
    const baseUrl = prism?.url ?? (plan.options.baseUrl as string);
    const report = await runContract({ ...plan.options, baseUrl });
    return await writeReports(report, plan.options.token, plan, { formatReport, toJsonReport, toJunitXml });
  } finally {
    process.off('SIGINT', stopPrism);
    process.off('SIGTERM', stopPrism);
    await prism?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ges-contract: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
