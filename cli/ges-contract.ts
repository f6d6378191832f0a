/**
 * `ges-contract`: runs the GES job contract against a base URL and prints the report. The only
 * module of the kit that reads argv and env, writes to the console and sets the exit code.
 * Exit codes: 0 every check holds, 1 some check fails, 2 usage error or misconfiguration (nothing checked).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { exampleGraphName, exampleProjectId, graphNamePattern, projectIdPattern } from '../src/spec/spec-facts.js';
import { specOperations } from '../src/spec/spec-examples.js';
import type { ContractOptions, ContractReport } from '../contracts/contract-types.js';
import type { PrismMock } from '../contracts/start-prism-mock.js';
import { CONTRACT_FLAGS } from './contract-flags.js';
import { parseOptions } from './parse-options.js';
import { readCommandLine } from './read-command-line.js';
import { renderFlagHelp } from './render-flag-help.js';
import { UsageError } from './usage-error.js';
import { guardOutput } from './guard-output.js';

// The kit (ajv, the checks) loads only once the arguments are known to be good, so usage errors
// answer at once.
const loadKit = async () => {
  const [{ runContract }, { formatReport }, { toJsonReport }, { toJunitXml }, { startPrismMock }, { judgeRecording }, { RECORDED_TOKEN }] =
    await Promise.all([
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
  const err = error as { code?: string | undefined; message?: string | undefined };
  return err?.code === 'MODULE_NOT_FOUND' || err?.code === 'ERR_MODULE_NOT_FOUND' ? /@stoplight\/prism-cli/.test(err.message ?? '') : false;
}

const PRISM_MISSING = `--prism needs @stoplight/prism-cli, which is not installed here. Install it next to ges-jobs-kit:
  npm install --save-dev @stoplight/prism-cli
then run ges-contract --prism again (or check a running mock with --base-url instead).`;

const USAGE = `Usage: ges-contract --base-url URL --project-id ID --graph NAME [options]
       ges-contract --har FILE [--har FILE ...] [--strict] [--junit FILE] [--json FILE]

Checks that a GES engine (or a mock of it) keeps the contract of openapi.yaml: Listing Jobs (2.2.13)
and the job APIs around it. Read-only unless --allow-mutations.

${renderFlagHelp(CONTRACT_FLAGS)}
  -h, --help                show this help

Exit codes: 0 every check holds (warnings allowed), 1 a check fails, 2 usage error or misconfiguration
(the preflight read the list once and found no token, a refused token, an unknown graph, no API at the
base URL, no connection or no answer in time: nothing was checked; see docs/contracts.md).`;

// Prism answers any well-formed path, so the spec's own examples serve as the target.
const PRISM_DEFAULTS = { projectId: exampleProjectId, graph: exampleGraphName, token: 'contract-token' };

interface CliPlan {
  options: Omit<ContractOptions, 'baseUrl'> & { baseUrl?: string | undefined };
  prism: boolean;
  har: string[];
  junit?: string | undefined;
  json?: string | undefined;
}

function parse(argv: string[], env: NodeJS.ProcessEnv): CliPlan | 'help' {
  const line = readCommandLine(argv, CONTRACT_FLAGS, env);
  if (line.help) return 'help';
  if (line.positionals.length > 0) throw new UsageError(`unexpected argument "${line.positionals[0]}"`);
  const onCommandLine = (key: keyof typeof CONTRACT_FLAGS) => line.given.get(key)?.some((given) => given.source === 'argv') ?? false;
  if (onCommandLine('har')) {
    // Only the command line clashes: a CI job's GES_* variables must not stop a recording being judged.
    const live = [
      'baseUrl',
      'prism',
      'allowMutations',
      'projectId',
      'graph',
      'token',
      'forbiddenToken',
      'missingGraph',
      'timeoutMs',
      'jobWaitMs',
    ] as const;
    const clash = live.find(onCommandLine);
    if (clash) throw new UsageError(`--har judges a recording offline and excludes --${CONTRACT_FLAGS[clash].name}`);
  }
  const values = parseOptions(CONTRACT_FLAGS, line);
  const includeOperations = values.includeOperationId.length > 0 ? values.includeOperationId.flat() : undefined;
  const excludeOperations = values.excludeOperationId.flat();
  const selected = specOperations.filter(
    ({ operationId }) => (includeOperations ?? [operationId]).includes(operationId) && !excludeOperations.includes(operationId),
  );
  if (selected.length === 0) throw new UsageError('--include-operation-id and --exclude-operation-id leave no operation to judge');
  const operations = { includeOperations, excludeOperations };
  if (values.har.length > 0) {
    if (values.har.some((file) => file === '')) throw new UsageError('--har needs a file name');
    return {
      prism: false,
      har: values.har,
      junit: values.junit,
      json: values.json,
      options: { projectId: '', graph: '', strict: values.strict, ...operations },
    };
  }
  const prism = values.prism;
  const baseUrl = prism ? undefined : values.baseUrl;
  const projectId = values.projectId ?? (prism ? PRISM_DEFAULTS.projectId : undefined);
  const graph = values.graph ?? (prism ? PRISM_DEFAULTS.graph : undefined);
  const token = values.token ?? (prism ? PRISM_DEFAULTS.token : undefined);
  const forbiddenToken = values.forbiddenToken;
  if (forbiddenToken !== undefined && forbiddenToken === token) throw new UsageError('--forbidden-token must differ from --token');

  if (prism && onCommandLine('baseUrl')) throw new UsageError('--prism and --base-url exclude each other');
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
  if (!graphNamePattern.test(graph))
    throw new UsageError(`--graph must be 4-50 letters, digits or underscores starting with a letter, got "${graph}"`);
  const missingGraph = values.missingGraph;
  if (missingGraph !== undefined) {
    if (!graphNamePattern.test(missingGraph))
      throw new UsageError(`--missing-graph must be a well-formed graph name, got "${missingGraph}"`);
    if (missingGraph === graph) throw new UsageError('--missing-graph must differ from --graph');
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
      strict: values.strict,
      allowMutations: values.allowMutations,
      timeoutMs: values.timeoutMs,
      jobWaitMs: values.jobWaitMs,
      ...operations,
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
        process.stderr.write(
          `ges-contract: cannot read --har ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
        );
        return 2;
      }
    }
    const { strict, includeOperations, excludeOperations } = plan.options;
    const report = await judgeRecording(files, { strict: strict ?? false, includeOperations, excludeOperations });
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
        process.stderr.write(
          `ges-contract: ${isPrismMissing(error) ? PRISM_MISSING : `could not start prism: ${(error as Error).message}`}\n`,
        );
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
