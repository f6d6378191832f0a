/**
 * `ges-contract`: runs the GES job contract against a base URL and prints the report. The only
 * module of the kit that reads argv and env, writes to the console and sets the exit code.
 * Exit codes: 0 every check holds, 1 some check fails, 2 usage error or unreachable target.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exampleGraphName, exampleProjectId, graphNamePattern, projectIdPattern } from '../src/spec/spec-facts.js';
import type { ContractOptions } from '../contracts/contract-types.js';
import type { PrismMock } from '../contracts/start-prism-mock.js';

// The kit (ajv, the checks) loads only once the arguments are known to be good, so usage errors
// answer at once.
const loadKit = async () => {
  const [{ runContract }, { formatReport }, { toJsonReport }, { toJunitXml }, { startPrismMock }] = await Promise.all([
    import('../contracts/run-contract.js'),
    import('../contracts/format-report.js'),
    import('../contracts/to-json-report.js'),
    import('../contracts/to-junit-xml.js'),
    import('../contracts/start-prism-mock.js'),
  ]);
  return { runContract, formatReport, toJsonReport, toJunitXml, startPrismMock };
};

const USAGE = `Usage: ges-contract --base-url URL --project-id ID --graph NAME [options]

Checks that a GES engine (or a mock of it) keeps the contract of openapi.yaml: Listing Jobs (2.2.13)
and the job APIs around it. Read-only unless --allow-mutations.

Target (flags win over the environment):
  --base-url <url>       engine address, e.g. http://127.0.0.1:4010       (env GES_BASE_URL)
  --project-id <id>      project_id of the path                          (env GES_PROJECT_ID)
  --graph <name>         a graph that exists                             (env GES_GRAPH)
  --token <token>        X-Auth-Token; never printed (curl lines say $GES_TOKEN)  (env GES_TOKEN)
  --missing-graph <name> a well-formed graph name that does not exist (default: generated)

Judgement:
  --strict               SHOULD checks (what only a documented example shows) fail instead of warn
  --allow-mutations      also submit and cancel jobs (submitted_job_listed_first, cancelled_job_failed,
                         cancel_again_rejected)
  --timeout <ms>         per-request timeout (default 10000)

Reports:
  --junit <file>         write JUnit XML
  --json <file>          write the report as JSON

Other:
  --prism                start \`prism mock openapi.yaml\` on a free port and check that instead of
                         --base-url (project, graph and token get defaults); see docs/contracts.md
  -h, --help             show this help

Exit codes: 0 every check holds (warnings allowed), 1 a check fails, 2 usage error or unreachable target.`;

class UsageError extends Error {}

// Prism answers any well-formed path, so the spec's own examples serve as the target.
const PRISM_DEFAULTS = { projectId: exampleProjectId, graph: exampleGraphName, token: 'contract-token' };

interface CliPlan {
  options: Omit<ContractOptions, 'baseUrl'> & { baseUrl?: string };
  prism: boolean;
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
        'missing-graph': { type: 'string' },
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
  const prism = values.prism === true;
  const pick = (flag: string | undefined, name: string, fallback?: string) => {
    const value = flag ?? env[name] ?? fallback;
    return value === '' ? fallback : value;
  };
  const baseUrl = prism ? undefined : pick(values['base-url'], 'GES_BASE_URL');
  const projectId = pick(values['project-id'], 'GES_PROJECT_ID', prism ? PRISM_DEFAULTS.projectId : undefined);
  const graph = pick(values.graph, 'GES_GRAPH', prism ? PRISM_DEFAULTS.graph : undefined);
  const token = pick(values.token, 'GES_TOKEN', prism ? PRISM_DEFAULTS.token : undefined);

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
  if (values.timeout !== undefined) {
    if (!/^\d+$/.test(values.timeout) || Number(values.timeout) < 1 || Number(values.timeout) > 600_000) {
      throw new UsageError(`--timeout must be milliseconds from 1 to 600000, got "${values.timeout}"`);
    }
    timeoutMs = Number(values.timeout);
  }
  return {
    prism,
    junit: values.junit,
    json: values.json,
    options: {
      baseUrl,
      projectId,
      graph,
      token,
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

/** Runs the CLI; returns the exit code. */
async function main(argv: string[]): Promise<number> {
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

  const { runContract, formatReport, toJsonReport, toJunitXml, startPrismMock } = await loadKit();
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
        process.stderr.write(`ges-contract: could not start prism: ${(error as Error).message}\n`);
        return 2;
      }
      process.once('SIGINT', stopPrism);
      process.once('SIGTERM', stopPrism);
      process.stderr.write(`ges-contract: prism answers on ${prism.url}\n`);
    }
    const baseUrl = prism?.url ?? (plan.options.baseUrl as string);
    const report = await runContract({ ...plan.options, baseUrl });
    const token = plan.options.token;
    process.stdout.write(`${formatReport(report, token)}\n`);
    try {
      if (plan.junit) await writeReportFile(plan.junit, toJunitXml(report, token));
      if (plan.json) await writeReportFile(plan.json, `${JSON.stringify(toJsonReport(report, token), null, 2)}\n`);
    } catch (error) {
      process.stderr.write(`ges-contract: could not write a report file: ${(error as Error).message}\n`);
      return 2;
    }
    return report.exitCode;
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
