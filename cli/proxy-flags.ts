/**
 * Every `ges-mock proxy` flag, declared once (cli-option.ts). The flags it shares with `ges-mock serve`
 * (where to listen, faults, the mocked graphs' engine, control routes, the log) are serve's own
 * entries, with the same GES_MOCK_* variables; the proxy's own follow. Help and parsing both come
 * from this table.
 */
import { graphNamePattern, projectIdPattern } from '../src/spec/spec-facts.js';
import { defineOptions, type GivenValue } from './cli-option.js';
import { integer, nonBlank } from './flag-parsers.js';
import { SERVE_FLAGS } from './serve-flags.js';
import { UsageError } from './usage-error.js';

const UPSTREAM = 'Upstream';
const JUDGING = 'Judging (the checks of ges-contract --har, on every proxied answer)';
const MOCKED = 'Mocked graphs (answered by the mock instead of the upstream)';
const FAULTS = 'Faults (on proxied and mocked answers alike; per project under /__mock/projects/{id}/faults)';
const SERVER = 'Server (as ges-mock serve)';

function parseUpstream(given: GivenValue): URL {
  let url: URL;
  try {
    url = new URL(given.text);
  } catch {
    throw new UsageError(`${given.label} must be the engine's http(s) URL, e.g. http://ges.example.com, got "${given.text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${given.label} must be an http(s) URL, got a ${url.protocol} URL`);
  if (url.search || url.hash) throw new UsageError(`${given.label} must not carry a query or fragment`);
  if (url.username || url.password)
    throw new UsageError(`${given.label} must not carry a user or password: clients send their X-Auth-Token, which the proxy passes on`);
  return url;
}

/** `graph` or `project_id/graph`, comma-separated. */
function parseMockGraphs(given: GivenValue): string[] {
  const items = given.text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`${given.label} needs a graph name, or project_id/graph_name`);
  for (const item of items) {
    const slash = item.indexOf('/');
    const graph = item.slice(slash + 1);
    if (!graphNamePattern.test(graph) || (slash !== -1 && !projectIdPattern.test(item.slice(0, slash)))) {
      throw new UsageError(
        `${given.label}: "${item}" is neither a GES graph name (4-50 letters, digits, _; starts with a letter) nor project_id/graph_name`,
      );
    }
  }
  return items;
}

const { port, host, seed, jobsPerGraph, speed, fixtures, latency, errorRate, nextFailures, connectionFault } = SERVE_FLAGS;
const { journalSize, tokens, cors, control, controlToken, logFormat, quiet, readyFile } = SERVE_FLAGS;

/** The flags of `ges-mock proxy`, in the order `--help` lists them. */
export const PROXY_FLAGS = defineOptions({
  upstream: {
    name: 'upstream',
    kind: 'value',
    argument: '<url>',
    env: 'GES_MOCK_UPSTREAM',
    group: UPSTREAM,
    description: "the real engine's address, e.g. http://ges.example.com (required); every /ges/ request is forwarded there",
    parse: parseUpstream,
  },
  upstreamTimeoutMs: {
    name: 'upstream-timeout',
    kind: 'value',
    argument: '<ms>',
    env: 'GES_MOCK_UPSTREAM_TIMEOUT',
    group: UPSTREAM,
    description:
      'how long the upstream may take to start answering, and between two parts of an answer; past it: 504 GES.8602 (default 30000)',
    parse: (given) => integer(given, given.text, 1, 600_000),
  },
  judge: {
    name: 'judge',
    kind: 'toggle',
    env: 'GES_MOCK_JUDGE',
    group: JUDGING,
    description: 'judge nothing: forward, journal, fault and record only',
  },
  strict: {
    name: 'strict',
    kind: 'switch',
    env: 'GES_MOCK_STRICT',
    group: JUDGING,
    description: 'SHOULD checks fail instead of warn, as ges-contract --strict',
  },
  violationsHeader: {
    name: 'violations-header',
    kind: 'switch',
    env: 'GES_MOCK_VIOLATIONS_HEADER',
    group: JUDGING,
    description: 'mark each answer that broke a rule with an X-Ges-Violations header (JSON; the answer waits for its judging)',
  },
  judgeMaxKb: {
    name: 'judge-max-kb',
    kind: 'value',
    argument: '<KiB>',
    env: 'GES_MOCK_JUDGE_MAX_KB',
    group: JUDGING,
    description:
      'most of an answer read to judge, journal and record it; a longer one passes through unchanged as it arrives, judged by its status and headers (default 8192)',
    parse: (given) => integer(given, given.text, 1, 1_048_576),
  },
  junit: {
    name: 'junit',
    kind: 'value',
    argument: '<file>',
    env: 'GES_MOCK_JUNIT',
    group: JUDGING,
    description: "on stop, write the session's report as JUnit XML there",
    parse: nonBlank('a file name'),
  },
  json: {
    name: 'json',
    kind: 'value',
    argument: '<file>',
    env: 'GES_MOCK_JSON',
    group: JUDGING,
    description: "on stop, write the session's report as JSON there (ges-contract's --json form)",
    parse: nonBlank('a file name'),
  },
  failOnViolation: {
    name: 'fail-on-violation',
    kind: 'switch',
    env: 'GES_MOCK_FAIL_ON_VIOLATION',
    group: JUDGING,
    description: 'exit 1 on stop when a MUST rule was broken (any rule with --strict), for CI',
  },
  record: {
    name: 'record',
    kind: 'value',
    argument: '<file>',
    env: 'GES_MOCK_RECORD',
    group: 'Recording',
    description:
      'keep every job the list answers show in this fixture document (as ges-mock record writes it; rewritten as jobs are seen, and on stop), for serve --fixtures',
    parse: nonBlank('a file name'),
  },
  mockGraphs: {
    name: 'mock-graphs',
    kind: 'list',
    argument: '<g,p/g>',
    env: 'GES_MOCK_MOCK_GRAPHS',
    group: MOCKED,
    description:
      'answer these graphs from the mock engine, not the upstream: a graph name for every project, project_id/graph for one; repeatable',
    parse: parseMockGraphs,
  },
  seed: { ...seed, group: MOCKED },
  jobsPerGraph: { ...jobsPerGraph, group: MOCKED },
  speed: { ...speed, group: MOCKED },
  fixtures: { ...fixtures, group: MOCKED },
  tokens: { ...tokens, group: MOCKED },
  latency: { ...latency, group: FAULTS },
  errorRate: { ...errorRate, group: FAULTS },
  nextFailures: { ...nextFailures, group: FAULTS },
  connectionFault: { ...connectionFault, group: FAULTS },
  port: { ...port, group: SERVER },
  host: { ...host, group: SERVER },
  journalSize: { ...journalSize, group: SERVER },
  cors: { ...cors, group: SERVER },
  control: { ...control, group: SERVER },
  controlToken: { ...controlToken, group: SERVER },
  logFormat: { ...logFormat, group: SERVER },
  quiet: { ...quiet, group: SERVER },
  readyFile: { ...readyFile, group: SERVER },
});
