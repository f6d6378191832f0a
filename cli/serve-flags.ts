/**
 * Every `ges-mock serve` flag, declared once (cli-option.ts): its name (and Prism's short form where
 * Prism has one), its argument, its help line, its GES_MOCK_* variable and its parser. Parsing, the
 * environment and `--help` all come from this table, so they cannot disagree; adding a flag is one
 * entry here, and its typed value arrives in ges-mock.ts as `options.<key>`.
 */
import { DOCUMENTED_ERROR_STATUSES, MAX_LATENCY_MS, type FaultConfig } from '../src/engine/fault-config.js';
import type { LogFormat } from '../src/server/create-request-log.js';
import { graphNamePattern } from '../src/spec/spec-facts.js';
import { defineOptions, type GivenValue } from './cli-option.js';
import { integer, nonBlank, rate } from './flag-parsers.js';
import { ENGINE_PROFILES, isEngineProfileName, type EngineProfileName } from '../src/engine/engine-profiles.js';
import { UsageError } from './usage-error.js';

function parseGraphs(given: GivenValue): string[] {
  const graphs = [
    ...new Set(
      given.text
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  if (graphs.length === 0) throw new UsageError(`${given.label} needs at least one graph name`);
  const bad = graphs.find((name) => !graphNamePattern.test(name));
  if (bad) throw new UsageError(`${given.label}: "${bad}" is not a GES graph name (4-50 letters, digits, _; starts with a letter)`);
  return graphs;
}

function parseSpeed(given: GivenValue): number {
  const speed = Number(given.text);
  if (given.text.trim() === '' || !Number.isFinite(speed) || speed < 0)
    throw new UsageError(`${given.label} must be a number >= 0, got "${given.text}"`);
  return speed;
}

function parseLatency(given: GivenValue): NonNullable<FaultConfig['latency']> {
  const text = given.text;
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) {
    const minMs = integer(given, range[1]!, 0, MAX_LATENCY_MS);
    const maxMs = integer(given, range[2]!, 0, MAX_LATENCY_MS);
    if (minMs > maxMs) throw new UsageError(`${given.shown}: the minimum is above the maximum`);
    return { minMs, maxMs };
  }
  if (!/^\d+$/.test(text)) throw new UsageError(`${given.label} must be milliseconds (50) or a range (10-200), got "${text}"`);
  return { fixedMs: integer(given, text, 0, MAX_LATENCY_MS) };
}

function parseErrors(given: GivenValue): NonNullable<FaultConfig['errorRate']> {
  const [rateText = '', statusText] = given.text.split(':');
  const status = statusText === undefined ? 500 : integer(given, statusText, 500, 503);
  if (status !== 500 && status !== 503) throw new UsageError(`${given.shown}: the status must be 500 or 503`);
  return { rate: rate(given, rateText), status };
}

function parseFailNext(given: GivenValue): NonNullable<FaultConfig['nextFailures']> {
  const [countText = '', statusText] = given.text.split(':');
  const status = statusText === undefined ? 500 : integer(given, statusText, 400, 599);
  if (!DOCUMENTED_ERROR_STATUSES.includes(status)) {
    throw new UsageError(`${given.shown}: the status must be a documented error status (${DOCUMENTED_ERROR_STATUSES.join(', ')})`);
  }
  return { count: integer(given, countText, 1, 1_000_000), status };
}

const CONNECTION_FAULTS = ['CONNECTION_RESET_BY_PEER', 'EMPTY_RESPONSE'] as const;

/** The faults the fault flags ask for, as the engine takes them; undefined when none was given. */
export function faultsOfFlags(
  values: Pick<FaultConfig, 'latency' | 'errorRate' | 'nextFailures' | 'connectionFault'>,
): FaultConfig | undefined {
  const faults: FaultConfig = {
    ...(values.latency ? { latency: values.latency } : {}),
    ...(values.errorRate ? { errorRate: values.errorRate } : {}),
    ...(values.nextFailures ? { nextFailures: values.nextFailures } : {}),
    ...(values.connectionFault ? { connectionFault: values.connectionFault } : {}),
  };
  return Object.keys(faults).length > 0 ? faults : undefined;
}

function parseFault(given: GivenValue): NonNullable<FaultConfig['connectionFault']> {
  const [kind = '', rateText] = given.text.split(':');
  const known = CONNECTION_FAULTS.find((name) => name === kind.toUpperCase());
  if (!known) throw new UsageError(`${given.label} must be ${CONNECTION_FAULTS.join(' or ')}, optionally :rate, got "${given.text}"`);
  return { kind: known, rate: rateText === undefined ? 1 : rate(given, rateText) };
}

const LOG_FORMATS: readonly LogFormat[] = ['text', 'json'];

function parseLogFormat(given: GivenValue): LogFormat {
  if (!LOG_FORMATS.includes(given.text as LogFormat)) throw new UsageError(`${given.label} must be text or json, got "${given.text}"`);
  return given.text as LogFormat;
}

function parseToken(given: GivenValue): string {
  if (given.text === '' || given.text.startsWith(':')) throw new UsageError(`${given.label} needs a non-empty token`);
  return given.text;
}

function parseControlToken(given: GivenValue): string {
  if (given.text === '') throw new UsageError(`${given.label} needs a non-empty value`);
  return given.text;
}

/**
 * The flags of `ges-mock serve`, in the order `--help` lists them. `{name}` in a help line is an
 * engine default filled in when help is printed (ges-mock.ts).
 */
export const SERVE_FLAGS = defineOptions({
  port: {
    name: 'port',
    short: 'p',
    kind: 'value',
    argument: '<n>',
    env: 'GES_MOCK_PORT',
    description: 'port to listen on; 0 picks a free one (default 4010)',
    parse: (given) => integer(given, given.text, 0, 65535),
  },
  host: {
    name: 'host',
    short: 'h',
    kind: 'value',
    argument: '<addr>',
    env: 'GES_MOCK_HOST',
    description: 'interface to bind (default 127.0.0.1; 0.0.0.0 exposes the mock to the network)',
    parse: nonBlank('an address'),
  },
  seed: {
    name: 'seed',
    kind: 'value',
    argument: '<n>',
    env: 'GES_MOCK_SEED',
    description: 'seed of the generated jobs: same seed, same jobs (default 1)',
    parse: (given) => integer(given, given.text, -(2 ** 31), 2 ** 32 - 1),
  },
  jobsPerGraph: {
    name: 'jobs',
    kind: 'value',
    argument: '<n>',
    env: 'GES_MOCK_JOBS',
    description: 'jobs seeded per graph (default {jobsPerGraph})',
    parse: (given) => integer(given, given.text, 0, 100_000),
  },
  graphs: {
    name: 'graphs',
    kind: 'value',
    argument: '<a,b,...>',
    env: 'GES_MOCK_GRAPHS',
    description: 'graph names every project sees (default {graphs})',
    parse: parseGraphs,
  },
  speed: {
    name: 'speed',
    kind: 'value',
    argument: '<x>',
    env: 'GES_MOCK_SPEED',
    description: 'virtual-time factor: 60 makes a job minute pass per second (default 1)',
    parse: parseSpeed,
  },
  latency: {
    name: 'latency',
    kind: 'value',
    argument: '<ms|min-max>',
    env: 'GES_MOCK_LATENCY',
    description: 'delay every /ges/ answer, fixed or uniformly random (default none)',
    parse: parseLatency,
  },
  errorRate: {
    name: 'errors',
    kind: 'value',
    argument: '<rate[:status]>',
    env: 'GES_MOCK_ERRORS',
    description:
      'fail each /ges/ request with probability rate (0-1), answering the GES envelope with status 500 (default) or 503 (default none)',
    parse: parseErrors,
  },
  nextFailures: {
    name: 'fail-next',
    kind: 'value',
    argument: '<n[:status]>',
    env: 'GES_MOCK_FAIL_NEXT',
    description:
      'fail the next n /ges/ requests (status 500 unless given; any documented error status), then answer normally (default none)',
    parse: parseFailNext,
  },
  connectionFault: {
    name: 'fault',
    kind: 'value',
    argument: '<kind[:rate]>',
    env: 'GES_MOCK_FAULT',
    description:
      'act out a connection fault instead of answering: CONNECTION_RESET_BY_PEER or EMPTY_RESPONSE, for every /ges/ request or with probability rate (default none)',
    parse: parseFault,
  },
  maxJobsPerGraph: {
    name: 'max-jobs',
    kind: 'value',
    argument: '<n>',
    env: 'GES_MOCK_MAX_JOBS',
    description:
      'most jobs one graph of one project holds; at the cap a submission evicts the oldest finished job, or is refused (400 GES.8402) when none has finished (default {maxJobsPerGraph})',
    parse: (given) => integer(given, given.text, 1, 10_000_000),
  },
  maxProjects: {
    name: 'max-projects',
    kind: 'value',
    argument: '<n>',
    env: 'GES_MOCK_MAX_PROJECTS',
    description:
      "most projects holding submissions or cancellations; past it a new project's first submission or cancel is refused (400 GES.8402), nothing held is dropped (default {maxProjects})",
    parse: (given) => integer(given, given.text, 1, 100_000_000),
  },
  maxStoredMb: {
    name: 'max-stored-mb',
    kind: 'value',
    argument: '<MiB>',
    env: 'GES_MOCK_MAX_STORED_MB',
    description:
      "memory budget of the whole server, its RSS: 160 MiB for the server itself, then every project's jobs (2 KB each, plus their request bodies twice); past it submissions are refused (400 GES.8402), before their bodies are read, and reads go on. At most 60 % of Node's heap limit, which it defaults to where that is smaller (default {maxStoredMb}, for a 2 GB container)",
    parse: (given) => integer(given, given.text, 1, 1_048_576),
  },
  profile: {
    name: 'profile',
    kind: 'value',
    argument: '<name>',
    env: 'GES_MOCK_PROFILE',
    description:
      'serve jobs in the forms of another GES engine (integer progress, complete, UUID ids, epoch times...; docs/engine.md), or mixed to draw among them all (default memory-2.2.13)',
    parse: (given): EngineProfileName => {
      if (!isEngineProfileName(given.text))
        throw new UsageError(`${given.label} must be one of ${ENGINE_PROFILES.join(', ')}, got "${given.text}"`);
      return given.text;
    },
  },
  journalSize: {
    name: 'journal-size',
    kind: 'value',
    argument: '<n>',
    env: 'GES_MOCK_JOURNAL_SIZE',
    description: 'requests the request journal keeps (GET /__mock/requests, .har), oldest dropped first; 0 keeps none (default 1000)',
    parse: (given) => integer(given, given.text, 0, 1_000_000),
  },
  tokens: {
    name: 'token',
    kind: 'list',
    argument: '<T[:project]>',
    env: 'GES_MOCK_TOKEN',
    description:
      'accept only these X-Auth-Token values, optionally bound to one project_id; repeatable, comma-separated in the environment (default: any non-empty token)',
    parse: parseToken,
  },
  fixtures: {
    name: 'fixtures',
    kind: 'value',
    argument: '<file>',
    env: 'GES_MOCK_FIXTURES',
    description:
      'serve the jobs of this fixture document (JSON or YAML, docs/fixtures.md): the graphs it names hold exactly its jobs; a bad document exits 2 naming every problem',
    parse: (given) => given.text,
  },
  state: {
    name: 'state',
    kind: 'value',
    argument: '<file>',
    env: 'GES_MOCK_STATE',
    description:
      'keep the state in this file: loaded at start, every change saved before its answer (survives kill -9); a corrupt or foreign file exits 2, untouched',
    parse: nonBlank('a file name'),
  },
  cors: { name: 'cors', kind: 'toggle', env: 'GES_MOCK_CORS', description: 'do not answer CORS (default: echo Origin, allow credentials)' },
  control: {
    name: 'control',
    kind: 'toggle',
    env: 'GES_MOCK_CONTROL',
    description: 'no /__mock/ control routes (reset, clock, state, faults)',
  },
  controlToken: {
    name: 'control-token',
    kind: 'value',
    argument: '<T>',
    env: 'GES_MOCK_CONTROL_TOKEN',
    description: 'control routes require header X-Mock-Control-Token: T',
    parse: parseControlToken,
  },
  logFormat: {
    name: 'log-format',
    kind: 'value',
    argument: '<text|json>',
    env: 'GES_MOCK_LOG_FORMAT',
    description:
      'request log on stdout: text lines, or one JSON object per line whose first is {"event":"listening","url",...} (default text)',
    parse: parseLogFormat,
  },
  quiet: { name: 'quiet', kind: 'switch', env: 'GES_MOCK_QUIET', description: 'no request log (the start-up line and warnings stay)' },
  readyFile: {
    name: 'ready-file',
    kind: 'value',
    argument: '<file>',
    env: 'GES_MOCK_READY_FILE',
    description: 'once listening, write {"url","port","pid"} to this file atomically (removed again on a clean stop)',
    parse: nonBlank('a file name'),
  },
});
