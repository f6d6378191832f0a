/**
 * `ges-mock serve`: the standalone GES mock. The only module that reads argv and the environment,
 * writes to the console and calls process.exit. Flags follow Prism's (--port/-p 4010,
 * --host/-h 127.0.0.1, --seed, --cors); each has a GES_MOCK_* environment equivalent (serve-flags.ts).
 * Exit codes: 0 stopped cleanly, 2 usage or connection error, 128 + n when a second signal n cut the stop short.
 */
import { getHeapStatistics } from 'node:v8';
import { ENGINE_DEFAULTS } from '../src/engine/engine-settings.js';
import { KIT_VERSION } from '../src/generated/version.js';
import { parseTokenEntry } from '../src/http/check-token.js';
import type { FixtureDocument } from '../src/fixtures/fixture-types.js';
import type { ApiOptions, GesApi } from '../src/http/create-api.js';
import type { LogFormat, RequestLog } from '../src/server/create-request-log.js';
import type { MockStateFile } from '../src/persistence/open-state-file.js';
import type { GesServer } from '../src/server/start-ges-server.js';
import { exampleProjectId } from '../src/spec/spec-facts.js';
import { envNames, type GivenValue, type OptionValues } from './cli-option.js';
import { guardOutput, logOutput } from './guard-output.js';
import { isLoopback, listenError } from './listen-error.js';
import { onGracefulStop } from './on-shutdown-signals.js';
import { parseOptions } from './parse-options.js';
import { readCommandLine } from './read-command-line.js';
import { renderFlagHelp } from './render-flag-help.js';
import { PROXY_FLAGS } from './proxy-flags.js';
import { faultsOfFlags, SERVE_FLAGS } from './serve-flags.js';
import { UsageError } from './usage-error.js';
import { announceReady, removeStaleReadyFile } from './write-ready-file.js';

const usage = (defaults: Readonly<Record<string, string | number>>) => `Usage: ges-mock serve [options]
       ges-mock record --base-url URL --project-id ID --graph NAME [...]   (ges-mock record --help)
       ges-mock proxy --upstream URL [...]   (ges-mock proxy --help)
       ges-mock --help | --version

A seeded, stateful mock of Huawei Cloud GES "Listing Jobs" (2.2.13) and the job APIs around it.

Options (each also read from the environment variable shown; a flag on the command line wins):
${renderFlagHelp(SERVE_FLAGS, defaults)}
  --help                    show this help (also -h alone; -h <addr> is the host, as in Prism)
  -v, --version             print the version

Control routes: POST /__mock/reset {"seed":n}, POST /__mock/clock {"advanceMs":n} or {"to":instant},
GET /__mock/state, PUT|GET|DELETE /__mock/faults, PUT /__mock/fixtures (a fixture document),
GET /__mock/snapshot, GET|DELETE /__mock/requests (the journal; .har for HAR 1.2), GET /__mock/openapi.yaml.
Each project is an isolated world with the same routes under /__mock/projects/{project_id}/ (reset, clock,
fixtures, faults, state, snapshot, requests); the global routes act on every world. Prism's "Prefer: code=400, example=GraphNotFound" header (or the
__code/__example query parameters) answers with a documented example. HEAD works on every GET route.
SIGTERM or SIGINT stops cleanly: no new connections, requests in flight answered (at most 5 s), exit 0;
a second signal exits at once. Started through npx, the server is a child of npx: killing npx's pid
leaves it running (holding the port and the --state lock). Signal the server's own pid: the "pid" of
--ready-file, or the "pid" of the --log-format json "listening" line.`;

/** What `ges-mock serve` runs with: the table's typed values, defaults filled in. */
type ServeOptions = OptionValues<typeof SERVE_FLAGS> & {
  port: number;
  host: string;
  seed: number;
  speed: number;
  logFormat: LogFormat;
  /** The --max-jobs value as given, for its message against --jobs. */
  maxJobsGiven: GivenValue | undefined;
};

type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'serve'; options: ServeOptions; warnings: string[] };

function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): Command {
  const line = readCommandLine(argv, SERVE_FLAGS, env, {
    version: true,
    warnUnknownEnv: { prefix: 'GES_MOCK_', program: 'ges-mock', known: envNames(PROXY_FLAGS) },
  });
  const { positionals } = line;
  if (line.help || positionals[0] === 'help') return { kind: 'help' };
  if (line.version || positionals[0] === 'version') return { kind: 'version' };
  if (positionals.length === 0) throw new UsageError('missing command: ges-mock serve [options]');
  if (positionals[0] !== 'serve') throw new UsageError(`unknown command "${positionals[0]}"; the commands are serve, record and proxy`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const values = parseOptions(SERVE_FLAGS, line);
  return {
    kind: 'serve',
    warnings: line.warnings,
    options: {
      ...values,
      port: values.port ?? 4010,
      host: values.host ?? '127.0.0.1',
      seed: values.seed ?? 1,
      speed: values.speed ?? 1,
      logFormat: values.logFormat ?? 'text',
      maxJobsGiven: line.given.get('maxJobsPerGraph')?.at(-1),
    },
  };
}

/** The graphs a project is served, each with its jobs, as the engine answers them now. */
function servedGraphs(api: GesApi, project: string): string {
  const names = api.engine.state(project).graphNames;
  const counts = names.map((graph) => {
    const listed = api.engine.listJobs(project, graph, { limit: 0, offset: 0 });
    return `${graph} ${listed.ok ? listed.value.jobCount : 0} jobs`;
  });
  if (counts.length === 0) return 'no graph';
  return counts.length <= 4 ? counts.join(' · ') : `${counts.slice(0, 3).join(' · ')} · ${counts.length - 3} more graphs`;
}

/** The project the ready-made curl line uses: a token's own, a recording's, or the spec's example. */
function exampleProject(options: ServeOptions, recordedProject: string | undefined): { token: string; project: string } {
  // A token `T:project_id` is bound to that project: the ready-made command uses both parts.
  const first = options.tokens[0] === undefined ? undefined : parseTokenEntry(options.tokens[0]);
  return { token: first?.token ?? 'x', project: first?.project ?? recordedProject ?? exampleProjectId };
}

function banner(
  server: GesServer,
  options: ServeOptions,
  example: { token: string; project: string },
  budget: { bytes: number; lowered: boolean },
  notes: readonly string[],
): string {
  const extras = [
    `seed ${options.seed}`,
    servedGraphs(server.api, example.project),
    ...(options.speed !== 1 ? [`speed ${options.speed}×`] : []),
    ...(options.latency
      ? [
          'fixedMs' in options.latency
            ? `latency ${options.latency.fixedMs} ms`
            : `latency ${options.latency.minMs}-${options.latency.maxMs} ms`,
        ]
      : []),
    ...(options.maxJobsPerGraph !== undefined ? [`at most ${options.maxJobsPerGraph} jobs per graph`] : []),
    ...(options.maxProjects !== undefined ? [`at most ${options.maxProjects} writing projects`] : []),
    ...(options.maxStoredMb !== undefined ? [`memory budget ${options.maxStoredMb} MiB`] : []),
    ...(budget.lowered ? [`memory budget ${Math.floor(budget.bytes / MiB)} MiB, what this Node's heap can hold`] : []),
    ...(options.errorRate ? [`errors ${options.errorRate.rate} (${options.errorRate.status})`] : []),
    ...(options.nextFailures ? [`next ${options.nextFailures.count} fail (${options.nextFailures.status})`] : []),
    ...(options.connectionFault ? [`fault ${options.connectionFault.kind} ${options.connectionFault.rate}`] : []),
    ...(options.profile !== undefined ? [`profile ${options.profile}`] : []),
  ];
  const graph = server.api.engine.state(example.project).graphNames[0] ?? 'movie';
  return [
    `ges-mock listening on ${server.url} (${extras.join(', ')})`,
    ...notes,
    `try: curl -H 'X-Auth-Token: ${example.token}' '${server.url}/ges/v1.0/${example.project}/graphs/${graph}/jobs/status?limit=2&offset=0'`,
  ].join('\n');
}

/** What the start-up says of --fixtures and --state, beside the banner's first line. */
function startNotes(options: ServeOptions, fixtures: FixtureDocument | undefined, stateFile: MockStateFile | undefined): string[] {
  const notes: string[] = [];
  const recording = fixtures?.recording as { source?: unknown; projectId?: unknown } | undefined;
  if (fixtures !== undefined) {
    const what = recording
      ? `a recording of ${String(recording.source)} (project ${String(recording.projectId)}), its graphs served to every project id`
      : "its graphs served to every project id, each project's own where it names one";
    notes.push(`fixtures: ${options.fixtures} (${what})`);
  }
  if (stateFile) {
    const restored = stateFile.restored();
    notes.push(
      restored
        ? `state: restored ${stateFile.path} (format ${restored.version}): ${restored.worlds} project${restored.worlds === 1 ? '' : 's'} with state of their own, ${restored.submittedJobs} submitted job${restored.submittedJobs === 1 ? '' : 's'}, ${restored.replayedChanges} journaled change${restored.replayedChanges === 1 ? '' : 's'} replayed in ${restored.tookMs} ms`
        : `state: new ${stateFile.path} (changes are kept in it and in ${stateFile.path}.<n>.journal beside it)`,
    );
    if (stateFile.tookOverLockOf !== undefined)
      notes.push(`state: took over the stale lock of pid ${stateFile.tookOverLockOf}, which had stopped without releasing it`);
  }
  return notes;
}

function fail(message: string): never {
  process.stderr.write(`ges-mock: ${message}\n`);
  process.exit(2);
}

/** Share of V8's heap limit the held jobs may take: the rest is the server's own, and room for collecting. */
const HEAP_SHARE = 0.6;
const MiB = 1024 * 1024;
/**
 * What the server needs for itself, counted in the memory budget before any job (half the budget at
 * most): an idle server's RSS is about 110 MB, and under load its peak is about 130 MB plus 2 KB per
 * held job (`npm run measure:memory`), so RSS stays under the budget, not only the jobs.
 */
const SERVER_RESERVE_BYTES = 160 * MiB;

/**
 * The memory budget in bytes: the one given, or the default where this Node's heap can hold it (a
 * 2 GB container gives V8 about 512 MiB of heap, so the default there is 336 MiB). A budget
 * the heap cannot hold would let the process die of memory before refusing anything: exit 2.
 */
function storedBudget(givenMb: number | undefined, defaultBytes: number): number {
  const heapLimit = getHeapStatistics().heap_size_limit;
  const room = Math.floor(HEAP_SHARE * heapLimit);
  if (givenMb === undefined) return Math.min(defaultBytes, room);
  if (givenMb * MiB <= room) return givenMb * MiB;
  fail(
    `--max-stored-mb ${givenMb} is more than this Node's heap can hold: its limit is ${Math.round(heapLimit / MiB)} MiB, so at most ${Math.floor(room / MiB)} here. ` +
      `Lower it, or give Node a larger heap (NODE_OPTIONS=--max-old-space-size=${Math.ceil((givenMb * MiB) / HEAP_SHARE / MiB)}).`,
  );
}

async function serve(options: ServeOptions, warnings: readonly string[]): Promise<void> {
  const maxStoredBytes = storedBudget(options.maxStoredMb, ENGINE_DEFAULTS.maxStoredBytes);
  const jobsPerGraph = options.jobsPerGraph ?? ENGINE_DEFAULTS.jobsPerGraph;
  if (options.maxJobsPerGraph !== undefined && options.maxJobsPerGraph < jobsPerGraph) {
    // The engine would silently raise the cap to the seeded count; say so instead.
    process.stderr.write(
      `ges-mock: ${options.maxJobsGiven!.label} ${options.maxJobsPerGraph} is below the ${jobsPerGraph} jobs seeded per graph; lower --jobs too\nRun ges-mock --help for the options.\n`,
    );
    process.exit(2);
  }
  for (const warning of warnings) process.stderr.write(`ges-mock: warning: ${warning}\n`);
  const faults = faultsOfFlags(options);
  // A ready file left by an earlier run must not announce this one before it listens.
  const stale = options.readyFile === undefined ? undefined : removeStaleReadyFile(options.readyFile);
  if (stale !== undefined) fail(stale);

  const fixtures =
    options.fixtures === undefined ? undefined : (await import('./read-fixtures-option.js')).readFixturesOption(options.fixtures);
  if (fixtures && !fixtures.ok) fail(fixtures.message);
  // A recording serves the graphs the engine had, and only those, unless --graphs says otherwise.
  const recorded = fixtures?.ok && fixtures.fixtures.recording !== undefined;
  const graphs = options.graphs ?? (recorded ? [] : ENGINE_DEFAULTS.graphs);
  // --state: FILE is read, checked and locked before listening; a corrupt or foreign FILE is left as it is.
  let stateFile: MockStateFile | undefined;
  if (options.state !== undefined) {
    const opened = (await import('../src/persistence/open-state-file.js')).openStateFile(options.state);
    if (!opened.ok) fail(opened.message);
    stateFile = opened.file;
  }
  const [{ startGesServer }, { createRequestLog }, { createApi }] = await Promise.all([
    import('../src/server/start-ges-server.js'),
    import('../src/server/create-request-log.js'),
    import('../src/http/create-api.js'),
  ]);
  const log: RequestLog = createRequestLog({
    format: options.logFormat,
    quiet: options.quiet,
    ...logOutput(process.stdout),
  });
  const apiOptions: ApiOptions = {
    seed: options.seed,
    jobsPerGraph,
    graphs,
    speed: options.speed,
    tokens: options.tokens,
    cors: options.cors,
    control: options.control,
    controlToken: options.controlToken,
    maxJobsPerGraph: options.maxJobsPerGraph,
    maxProjects: options.maxProjects,
    maxStoredBytes,
    reservedBytes: Math.min(SERVER_RESERVE_BYTES, Math.floor(maxStoredBytes / 2)),
    profile: options.profile,
    journalSize: options.journalSize,
    ...(faults ? { faults } : {}),
    ...(fixtures?.ok ? { fixtures: fixtures.fixtures } : {}),
    onError: (error) => process.stderr.write(`ges-mock: internal error (answered 500): ${(error as Error)?.stack ?? String(error)}\n`),
  };
  const api = stateFile ? createStateApi(stateFile, apiOptions) : createApi(apiOptions);
  let server: GesServer;
  try {
    server = await startGesServer({ port: options.port, host: options.host, api, ...(options.quiet ? {} : { onRequest: log.request }) });
  } catch (error) {
    fail(listenError(error, options.host, options.port));
  }

  // The ready file first: whoever sees the banner can read it too.
  const unannounced =
    options.readyFile === undefined
      ? undefined
      : announceReady(options.readyFile, { url: server.url, port: server.port, pid: process.pid });
  if (unannounced !== undefined) {
    await server.close();
    fail(unannounced);
  }
  log.event(
    'listening',
    {
      url: server.url,
      port: server.port,
      pid: process.pid,
      version: KIT_VERSION,
      ...(stateFile?.restored() ? { restored: stateFile.restored() } : {}),
    },
    banner(
      server,
      options,
      exampleProject(
        options,
        recorded ? String((fixtures.fixtures.recording as { projectId?: unknown }).projectId ?? '') || undefined : undefined,
      ),
      { bytes: maxStoredBytes, lowered: maxStoredBytes < ENGINE_DEFAULTS.maxStoredBytes && options.maxStoredMb === undefined },
      startNotes(options, fixtures?.ok ? fixtures.fixtures : undefined, stateFile),
    ),
  );
  log.flush();
  if (!isLoopback(options.host)) {
    process.stderr.write(
      `ges-mock: warning: --host ${options.host} makes the mock reachable from the network` +
        `${options.tokens.length === 0 ? ', and it accepts any token (restrict with --token)' : ''}.\n`,
    );
  }

  onGracefulStop({
    name: 'ges-mock',
    log,
    readyFile: options.readyFile,
    drain: () => server.drain(),
    // After the last request is answered: the saved state made durable and closed.
    finish: async () => {
      if (stateFile) {
        await stateFile.close();
        const { count, last } = stateFile.refusals();
        // Every acknowledged change is saved; say what was refused, so nobody looks for it later.
        if (count > 0 && last) {
          process.stderr.write(
            `ges-mock: ${count} change${count === 1 ? ' was' : 's were'} not saved and not applied (answered 503): the last one because of ${last.code} on ${last.file}. Every change answered 2xx is in ${stateFile.path}.\n`,
          );
        }
      }
      return 0;
    },
  });
}

/** The API over --state FILE; a stored state that does not load exits 2 (FILE untouched). */
function createStateApi(stateFile: MockStateFile, options: ApiOptions): GesApi {
  try {
    return stateFile.createApi(options);
  } catch (error) {
    fail((error as Error).message);
  }
}

async function main(argv: string[]): Promise<void> {
  // A closed pipe (`ges-mock serve | tee log` torn down) must not crash the server or skip its save.
  guardOutput(process.stdout);
  guardOutput(process.stderr);
  if (argv[0] === 'record') {
    const { runRecordCommand } = await import('./ges-mock-record.js');
    const io = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
    process.exitCode = await runRecordCommand(argv.slice(1), process.env, io);
    return;
  }
  if (argv[0] === 'proxy') {
    const { runProxyCommand } = await import('./ges-mock-proxy.js');
    await runProxyCommand(argv.slice(1), process.env);
    return;
  }
  let command: Command;
  try {
    command = parseCommandLine(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`ges-mock: ${error.message}\nRun ges-mock --help for the options.\n`);
    process.exit(2);
  }
  if (command.kind === 'version') {
    process.stdout.write(`${KIT_VERSION}\n`);
    return;
  }
  if (command.kind === 'help') {
    const defaults = {
      graphs: ENGINE_DEFAULTS.graphs.join(','),
      jobsPerGraph: ENGINE_DEFAULTS.jobsPerGraph,
      maxJobsPerGraph: ENGINE_DEFAULTS.maxJobsPerGraph,
      maxProjects: ENGINE_DEFAULTS.maxProjects,
      maxStoredMb: ENGINE_DEFAULTS.maxStoredBytes / 1024 / 1024,
    };
    process.stdout.write(`${usage(defaults)}\n`);
    return;
  }
  await serve(command.options, command.warnings);
}

await main(process.argv.slice(2));
