/**
 * `ges-mock serve`: the standalone GES mock. The only module that reads argv, writes to the console
 * and calls process.exit. Flags follow Prism's (--port 4010, --host 127.0.0.1, --seed, --cors).
 * Exit codes: 0 stopped cleanly, 2 usage or connection error.
 */
import { parseArgs } from 'node:util';
import type { FaultConfig } from '../src/http/fault-injector.js';
import { DOCUMENTED_ERROR_STATUSES, MAX_LATENCY_MS } from '../src/http/fault-injector.js';
import type { MockStateFile } from '../src/persistence/open-state-file.js';
import type { GesServer, GesServerOptions } from '../src/server/start-ges-server.js';

// The engine (and faker with it) is imported only once the arguments are known to be good, so that
// usage errors answer at once.
const loadEngineDefaults = () => import('../src/engine/create-engine.js');

const usage = (DEFAULT_GRAPHS: readonly string[], DEFAULT_JOBS_PER_GRAPH: number, DEFAULT_MAX_JOBS_PER_GRAPH: number) => `Usage: ges-mock serve [options]

A seeded, stateful mock of Huawei Cloud GES "Listing Jobs" (2.2.13) and the job APIs around it.

Options:
  --port <n>             port to listen on; 0 picks a free one (default 4010)
  --host <addr>          interface to bind (default 127.0.0.1; 0.0.0.0 exposes the mock to the network)
  --seed <n>             seed of the generated jobs: same seed, same jobs (default 1)
  --jobs <n>             jobs seeded per graph (default ${DEFAULT_JOBS_PER_GRAPH})
  --graphs <a,b,...>     graph names every project sees (default ${DEFAULT_GRAPHS.join(',')})
  --speed <x>            virtual-time factor: 60 makes a job minute pass per second (default 1)
  --latency <ms|min-max> delay every /ges/ answer, fixed or uniformly random (default none)
  --errors <rate[:status]>
                         fail each /ges/ request with probability rate (0-1), answering the GES
                         envelope with status 500 (default) or 503 (default none)
  --fail-next <n[:status]>
                         fail the next n /ges/ requests (status 500 unless given; any documented
                         error status), then answer normally (default none)
  --fault <kind[:rate]>  act out a connection fault instead of answering: CONNECTION_RESET_BY_PEER or
                         EMPTY_RESPONSE, for every /ges/ request or with probability rate (default none)
  --max-jobs <n>         most jobs one graph of one project holds; at the cap a submission evicts the
                         oldest finished job, or is refused (400 GES.8402) when none has finished
                         (default ${DEFAULT_MAX_JOBS_PER_GRAPH})
  --token <T[:project]>  accept only these X-Auth-Token values, optionally bound to one project_id;
                         repeatable (default: any non-empty token)
  --no-cors              do not answer CORS (default: echo Origin, allow credentials)
  --no-control           no /__mock/ control routes (reset, clock, state, faults)
  --control-token <T>    control routes require header X-Mock-Control-Token: T
  --state <file>         keep the state in this file: loaded at start, saved on every change
                         (env GES_MOCK_STATE); see also: ges-mock record --help
  -h, --help             show this help

Control routes: POST /__mock/reset {"seed":n}, POST /__mock/clock {"advanceMs":n}, GET /__mock/state,
PUT|GET|DELETE /__mock/faults. Prism's "Prefer: code=400, example=GraphNotFound" header (or the
__code/__example query parameters) answers with a documented example.`;

class UsageError extends Error {}

const PROJECT_EXAMPLE = '0123456789abcdef0123456789abcdef';
const GRAPH_NAME = /^[A-Za-z][A-Za-z0-9_]{3,49}$/;

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

function parseLatency(text: string): FaultConfig['latency'] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) {
    const minMs = integer('latency', range[1]!, 0, MAX_LATENCY_MS);
    const maxMs = integer('latency', range[2]!, 0, MAX_LATENCY_MS);
    if (minMs > maxMs) throw new UsageError(`--latency ${text}: the minimum is above the maximum`);
    return { minMs, maxMs };
  }
  if (!/^\d+$/.test(text)) throw new UsageError(`--latency must be milliseconds (50) or a range (10-200), got "${text}"`);
  return { fixedMs: integer('latency', text, 0, MAX_LATENCY_MS) };
}

/** A probability 0..1 as typed on a command line ("0.25", "1", ".5"). */
function rate(name: string, text: string): number {
  const value = Number(text);
  if (!/^(?:0|1|0?\.\d+|1\.0*)$/.test(text) || !(value >= 0 && value <= 1)) {
    throw new UsageError(`--${name} needs a rate from 0 to 1, got "${text}"`);
  }
  return value;
}

function parseErrors(text: string): NonNullable<FaultConfig['errorRate']> {
  const [rateText = '', statusText] = text.split(':');
  const status = statusText === undefined ? 500 : integer('errors', statusText, 500, 503);
  if (status !== 500 && status !== 503) throw new UsageError(`--errors ${text}: the status must be 500 or 503`);
  return { rate: rate('errors', rateText), status };
}

function parseFailNext(text: string): NonNullable<FaultConfig['nextFailures']> {
  const [countText = '', statusText] = text.split(':');
  const status = statusText === undefined ? 500 : integer('fail-next', statusText, 400, 599);
  if (!DOCUMENTED_ERROR_STATUSES.includes(status)) {
    throw new UsageError(`--fail-next ${text}: the status must be a documented error status (${DOCUMENTED_ERROR_STATUSES.join(', ')})`);
  }
  return { count: integer('fail-next', countText, 1, 1_000_000), status };
}

const CONNECTION_FAULTS = ['CONNECTION_RESET_BY_PEER', 'EMPTY_RESPONSE'] as const;

function parseFault(text: string): NonNullable<FaultConfig['connectionFault']> {
  const [kind = '', rateText] = text.split(':');
  const known = CONNECTION_FAULTS.find((name) => name === kind.toUpperCase());
  if (!known) throw new UsageError(`--fault must be ${CONNECTION_FAULTS.join(' or ')}, optionally :rate, got "${text}"`);
  return { kind: known, rate: rateText === undefined ? 1 : rate('fault', rateText) };
}

interface ServeOptions {
  port: number;
  host: string;
  seed: number;
  jobsPerGraph: number | undefined;
  graphs: string[] | undefined;
  speed: number;
  latency: FaultConfig['latency'] | undefined;
  errorRate: FaultConfig['errorRate'] | undefined;
  nextFailures: FaultConfig['nextFailures'] | undefined;
  connectionFault: FaultConfig['connectionFault'] | undefined;
  maxJobsPerGraph: number | undefined;
  tokens: string[];
  cors: boolean;
  control: boolean;
  controlToken: string | undefined;
  state: string | undefined;
}

function parseCommandLine(argv: string[]): { help: true } | { help: false; options: ServeOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string', default: '1' },
        jobs: { type: 'string' },
        graphs: { type: 'string' },
        speed: { type: 'string', default: '1' },
        latency: { type: 'string' },
        errors: { type: 'string' },
        'fail-next': { type: 'string' },
        fault: { type: 'string' },
        'max-jobs': { type: 'string' },
        token: { type: 'string', multiple: true, default: [] },
        cors: { type: 'boolean', default: true },
        control: { type: 'boolean', default: true },
        'control-token': { type: 'string' },
        state: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { help: true };
  if (positionals.length === 0) throw new UsageError('missing command: ges-mock serve [options]');
  if (positionals[0] !== 'serve') throw new UsageError(`unknown command "${positionals[0]}"; the command is serve`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);

  const graphs = values.graphs === undefined ? undefined : [...new Set(values.graphs.split(',').map((name) => name.trim()).filter(Boolean))];
  if (graphs?.length === 0) throw new UsageError('--graphs needs at least one graph name');
  const badGraph = graphs?.find((name) => !GRAPH_NAME.test(name));
  if (badGraph) throw new UsageError(`--graphs: "${badGraph}" is not a GES graph name (4-50 letters, digits, _; starts with a letter)`);
  const speed = Number(values.speed);
  if (values.speed.trim() === '' || !Number.isFinite(speed) || speed < 0) {
    throw new UsageError(`--speed must be a number >= 0, got "${values.speed}"`);
  }
  const tokens = values.token;
  if (tokens.some((token) => token === '' || token.startsWith(':'))) throw new UsageError('--token needs a non-empty token');
  const controlToken = values['control-token'];
  if (controlToken !== undefined && controlToken === '') throw new UsageError('--control-token needs a non-empty value');
  if (values.host.trim() === '') throw new UsageError('--host needs an address');
  const state = values.state ?? (process.env.GES_MOCK_STATE || undefined);
  if (state === '') throw new UsageError('--state needs a file name');

  return {
    help: false,
    options: {
      port: integer('port', values.port, 0, 65535),
      host: values.host,
      seed: integer('seed', values.seed, -(2 ** 31), 2 ** 32 - 1),
      jobsPerGraph: values.jobs === undefined ? undefined : integer('jobs', values.jobs, 0, 100_000),
      graphs,
      speed,
      latency: values.latency === undefined ? undefined : parseLatency(values.latency),
      errorRate: values.errors === undefined ? undefined : parseErrors(values.errors),
      nextFailures: values['fail-next'] === undefined ? undefined : parseFailNext(values['fail-next']),
      connectionFault: values.fault === undefined ? undefined : parseFault(values.fault),
      maxJobsPerGraph: values['max-jobs'] === undefined ? undefined : integer('max-jobs', values['max-jobs'], 1, 10_000_000),
      tokens,
      cors: values.cors,
      control: values.control,
      controlToken,
      state,
    },
  };
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

function banner(server: GesServer, options: ServeOptions, graphs: readonly string[], jobsPerGraph: number): string {
  const extras = [
    `seed ${options.seed}`,
    `${graphs.length} graph${graphs.length === 1 ? '' : 's'} × ${jobsPerGraph} jobs`,
    ...(options.speed !== 1 ? [`speed ${options.speed}×`] : []),
    ...(options.latency ? ['fixedMs' in options.latency ? `latency ${options.latency.fixedMs} ms` : `latency ${options.latency.minMs}-${options.latency.maxMs} ms`] : []),
    ...(options.maxJobsPerGraph !== undefined ? [`at most ${options.maxJobsPerGraph} jobs per graph`] : []),
    ...(options.errorRate ? [`errors ${options.errorRate.rate} (${options.errorRate.status})`] : []),
    ...(options.nextFailures ? [`next ${options.nextFailures.count} fail (${options.nextFailures.status})`] : []),
    ...(options.connectionFault ? [`fault ${options.connectionFault.kind} ${options.connectionFault.rate}`] : []),
  ];
  const firstToken = options.tokens[0];
  const token = firstToken === undefined ? 'x' : /:[A-Za-z0-9]{1,64}$/.test(firstToken) ? firstToken.slice(0, firstToken.lastIndexOf(':')) : firstToken;
  const boundProject = firstToken !== undefined && /:([A-Za-z0-9]{1,64})$/.exec(firstToken)?.[1];
  const project = boundProject || PROJECT_EXAMPLE;
  const lines = [
    `ges-mock listening on ${server.url} (${extras.join(', ')})`,
    `try: curl -H 'X-Auth-Token: ${token}' '${server.url}/ges/v1.0/${project}/graphs/${graphs[0]}/jobs/status?limit=2&offset=0'`,
  ];
  return lines.join('\n');
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'record') {
    const { runRecordCommand } = await import('./ges-mock-record.js');
    const io = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
    process.exitCode = await runRecordCommand(argv.slice(1), process.env, io);
    return;
  }
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ges-mock: ${error.message}\nRun ges-mock --help for the options.\n`);
    process.exit(2);
  }
  const { DEFAULT_GRAPHS, DEFAULT_JOBS_PER_GRAPH, DEFAULT_MAX_JOBS_PER_GRAPH } = await loadEngineDefaults();
  if (command.help) {
    process.stdout.write(`${usage(DEFAULT_GRAPHS, DEFAULT_JOBS_PER_GRAPH, DEFAULT_MAX_JOBS_PER_GRAPH)}\n`);
    return;
  }
  const { options } = command;
  const graphs = options.graphs ?? DEFAULT_GRAPHS;
  const jobsPerGraph = options.jobsPerGraph ?? DEFAULT_JOBS_PER_GRAPH;
  if (options.maxJobsPerGraph !== undefined && options.maxJobsPerGraph < jobsPerGraph) {
    // The engine would silently raise the cap to the seeded count; say so instead.
    process.stderr.write(`ges-mock: --max-jobs ${options.maxJobsPerGraph} is below the ${jobsPerGraph} jobs seeded per graph; lower --jobs too\nRun ges-mock --help for the options.\n`);
    process.exit(2);
  }
  const faults: FaultConfig = {
    ...(options.latency ? { latency: options.latency } : {}),
    ...(options.errorRate ? { errorRate: options.errorRate } : {}),
    ...(options.nextFailures ? { nextFailures: options.nextFailures } : {}),
    ...(options.connectionFault ? { connectionFault: options.connectionFault } : {}),
  };
  // --state: FILE is read, checked and locked before listening; a corrupt or foreign FILE is left as it is.
  let stateFile: MockStateFile | undefined;
  if (options.state !== undefined) {
    const { openStateFile } = await import('../src/persistence/open-state-file.js');
    const opened = openStateFile(options.state);
    if (!opened.ok) {
      process.stderr.write(`ges-mock: ${opened.message}\n`);
      process.exit(2);
    }
    stateFile = opened.file;
  }
  const { startGesServer } = await import('../src/server/start-ges-server.js');
  let server: GesServer;
  const serverOptions: GesServerOptions = {
      port: options.port,
      host: options.host,
      seed: options.seed,
      jobsPerGraph,
      graphs,
      speed: options.speed,
      tokens: options.tokens,
      cors: options.cors,
      control: options.control,
      ...(options.controlToken !== undefined ? { controlToken: options.controlToken } : {}),
      ...(options.maxJobsPerGraph !== undefined ? { maxJobsPerGraph: options.maxJobsPerGraph } : {}),
      ...(Object.keys(faults).length > 0 ? { faults } : {}),
      onError: (error) => process.stderr.write(`ges-mock: internal error (answered 500): ${(error as Error)?.stack ?? String(error)}\n`),
  };
  if (stateFile) {
    try {
      serverOptions.api = stateFile.createApi(serverOptions);
    } catch (error) {
      process.stderr.write(`ges-mock: ${(error as Error).message}\n`);
      process.exit(2);
    }
  }
  try {
    server = await startGesServer(serverOptions);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.host}:${options.port}`;
    const message =
      code === 'EADDRINUSE'
        ? `port ${options.port} is already in use on ${options.host}; pick another with --port (--port 0 takes any free port)`
        : code === 'EACCES'
          ? `not allowed to listen on ${where}; use a port above 1023`
          : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
            ? `cannot listen on ${where}: no such local address`
            : `cannot listen on ${where}: ${(error as Error).message}`;
    process.stderr.write(`ges-mock: ${message}\n`);
    process.exit(2);
  }

  process.stdout.write(`${banner(server, options, graphs, jobsPerGraph)}\n`);
  if (!isLoopback(options.host)) {
    process.stderr.write(
      `ges-mock: warning: --host ${options.host} makes the mock reachable from the network` +
        `${options.tokens.length === 0 ? ', and it accepts any token (restrict with --token)' : ''}.\n`,
    );
  }

  const stop = () => {
    try {
      stateFile?.close();
    } catch (error) {
      process.stderr.write(`ges-mock: could not save the state at exit: ${(error as Error).message}\n`);
    }
    server.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main(process.argv.slice(2));
