/**
 * Every `ges-mock serve` flag, declared once: its name (and Prism's short form where Prism has one),
 * its argument, and its help line. The environment variable is derived from the name
 * (`--max-jobs` -> `GES_MOCK_MAX_JOBS`), so parsing, the environment and `--help` cannot disagree.
 * Adding a flag is one entry here plus reading its value in ges-mock.ts.
 */

/** Engine defaults a help line may quote; loaded only when help is printed. */
export interface HelpDefaults {
  graphs: readonly string[];
  jobsPerGraph: number;
  maxJobsPerGraph: number;
  maxProjects: number;
}

/**
 * `value`: takes an argument; `list`: takes one, repeatable (comma-separated in the environment);
 * `switch`: on when given; `toggle`: on by default, off with `--no-<name>` (or `<ENV>=false`).
 */
export type FlagKind = 'value' | 'list' | 'switch' | 'toggle';

/** One flag of `ges-mock serve`. */
export interface FlagSpec {
  name: string;
  kind: FlagKind;
  /** Prism's one-letter form, e.g. `p` for `--port`. */
  short?: string;
  /** How the argument is shown in help, e.g. `<n>`. */
  arg?: string;
  help: string | ((defaults: HelpDefaults) => string);
}

/** The environment variable of a flag: `GES_MOCK_` and the name in upper snake case. */
export const envNameOf = (flag: Pick<FlagSpec, 'name'>): string => `GES_MOCK_${flag.name.toUpperCase().replace(/-/g, '_')}`;

/** The flags of `ges-mock serve`, in the order `--help` lists them. */
export const SERVE_FLAGS: readonly FlagSpec[] = [
  { name: 'port', short: 'p', kind: 'value', arg: '<n>', help: 'port to listen on; 0 picks a free one (default 4010)' },
  { name: 'host', short: 'h', kind: 'value', arg: '<addr>', help: 'interface to bind (default 127.0.0.1; 0.0.0.0 exposes the mock to the network)' },
  { name: 'seed', kind: 'value', arg: '<n>', help: 'seed of the generated jobs: same seed, same jobs (default 1)' },
  { name: 'jobs', kind: 'value', arg: '<n>', help: (d) => `jobs seeded per graph (default ${d.jobsPerGraph})` },
  { name: 'graphs', kind: 'value', arg: '<a,b,...>', help: (d) => `graph names every project sees (default ${d.graphs.join(',')})` },
  { name: 'speed', kind: 'value', arg: '<x>', help: 'virtual-time factor: 60 makes a job minute pass per second (default 1)' },
  { name: 'latency', kind: 'value', arg: '<ms|min-max>', help: 'delay every /ges/ answer, fixed or uniformly random (default none)' },
  {
    name: 'errors',
    kind: 'value',
    arg: '<rate[:status]>',
    help: 'fail each /ges/ request with probability rate (0-1), answering the GES envelope with status 500 (default) or 503 (default none)',
  },
  {
    name: 'fail-next',
    kind: 'value',
    arg: '<n[:status]>',
    help: 'fail the next n /ges/ requests (status 500 unless given; any documented error status), then answer normally (default none)',
  },
  {
    name: 'fault',
    kind: 'value',
    arg: '<kind[:rate]>',
    help: 'act out a connection fault instead of answering: CONNECTION_RESET_BY_PEER or EMPTY_RESPONSE, for every /ges/ request or with probability rate (default none)',
  },
  {
    name: 'max-jobs',
    kind: 'value',
    arg: '<n>',
    help: (d) =>
      `most jobs one graph of one project holds; at the cap a submission evicts the oldest finished job, or is refused (400 GES.8402) when none has finished (default ${d.maxJobsPerGraph})`,
  },
  {
    name: 'max-projects',
    kind: 'value',
    arg: '<n>',
    help: (d) =>
      `most projects holding submissions or cancellations; past it a new project's first submission or cancel is refused (400 GES.8402), nothing held is dropped (default ${d.maxProjects})`,
  },
  {
    name: 'profile',
    kind: 'value',
    arg: '<name>',
    help: 'serve jobs in the forms of another GES engine (integer progress, complete, UUID ids, epoch times...; docs/engine.md), or mixed to draw among them all (default memory-2.2.13)',
  },
  {
    name: 'token',
    kind: 'list',
    arg: '<T[:project]>',
    help: 'accept only these X-Auth-Token values, optionally bound to one project_id; repeatable, comma-separated in the environment (default: any non-empty token)',
  },
  {
    name: 'fixtures',
    kind: 'value',
    arg: '<file>',
    help: 'serve the jobs of this fixture document (JSON or YAML, docs/fixtures.md): the graphs it names hold exactly its jobs; a bad document exits 2 naming every problem',
  },
  {
    name: 'state',
    kind: 'value',
    arg: '<file>',
    help: 'keep the state in this file: loaded at start, every change saved before its answer (survives kill -9); a corrupt or foreign file exits 2, untouched',
  },
  { name: 'cors', kind: 'toggle', help: 'do not answer CORS (default: echo Origin, allow credentials)' },
  { name: 'control', kind: 'toggle', help: 'no /__mock/ control routes (reset, clock, state, faults)' },
  { name: 'control-token', kind: 'value', arg: '<T>', help: 'control routes require header X-Mock-Control-Token: T' },
  {
    name: 'log-format',
    kind: 'value',
    arg: '<text|json>',
    help: 'request log on stdout: text lines, or one JSON object per line whose first is {"event":"listening","url",...} (default text)',
  },
  { name: 'quiet', kind: 'switch', help: 'no request log (the start-up line and warnings stay)' },
  {
    name: 'ready-file',
    kind: 'value',
    arg: '<file>',
    help: 'once listening, write {"url","port","pid"} to this file atomically (removed again on a clean stop)',
  },
];
