/**
 * Every `ges-mock record` flag, declared once (cli-option.ts): name, argument, help line, the GES_*
 * variable it shares with ges-contract, and its parser. Help and parsing both come from this table.
 */
import { graphNamePattern, projectIdPattern } from '../src/spec/spec-facts.js';
import { defineOptions, type GivenValue } from './cli-option.js';
import { integer, nonBlank, textOrUnset } from './flag-parsers.js';
import { UsageError } from './usage-error.js';

const TARGET = 'Target (flags win over the environment)';

function parseBaseUrl(given: GivenValue): string | undefined {
  const baseUrl = textOrUnset(given);
  if (baseUrl === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError('--base-url must be an http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--base-url must be an http(s) URL, got a ${url.protocol} URL`);
  if (url.search || url.hash) throw new UsageError('--base-url must not carry a query or fragment');
  if (url.username || url.password) throw new UsageError('--base-url must not carry a user or password; the token goes in --token');
  return baseUrl;
}

function parseProjectId(given: GivenValue): string | undefined {
  const projectId = textOrUnset(given);
  if (projectId !== undefined && !projectIdPattern.test(projectId))
    throw new UsageError(`--project-id must be 1-64 letters or digits, got "${projectId}"`);
  return projectId;
}

function parseGraph(given: GivenValue): string {
  if (!graphNamePattern.test(given.text))
    throw new UsageError(`--graph must be 4-50 letters, digits or underscores starting with a letter, got "${given.text}"`);
  return given.text;
}

/** The flags of `ges-mock record`, in the order `--help` lists them. */
export const RECORD_FLAGS = defineOptions({
  baseUrl: {
    name: 'base-url',
    kind: 'value',
    argument: '<url>',
    env: 'GES_BASE_URL',
    group: TARGET,
    description: 'engine address, e.g. https://ges.example.com',
    parse: parseBaseUrl,
  },
  projectId: {
    name: 'project-id',
    kind: 'value',
    argument: '<id>',
    env: 'GES_PROJECT_ID',
    group: TARGET,
    description: 'project_id of the path',
    parse: parseProjectId,
  },
  graphs: {
    name: 'graph',
    kind: 'list',
    argument: '<name>',
    env: 'GES_GRAPH',
    group: TARGET,
    description: 'a graph to record; repeatable, comma-separated in the environment',
    parse: parseGraph,
  },
  token: {
    name: 'token',
    kind: 'value',
    argument: '<token>',
    env: 'GES_TOKEN',
    group: TARGET,
    description: 'X-Auth-Token; never printed or written',
    parse: textOrUnset,
  },
  out: {
    name: 'out',
    kind: 'value',
    argument: '<file>',
    group: 'Output',
    description: 'write the document there (atomically) instead of stdout',
    parse: nonBlank('a file name'),
  },
  pageSize: {
    name: 'page-size',
    kind: 'value',
    argument: '<n>',
    group: 'Reading',
    description: 'jobs per page, 1-1000 (default 100)',
    parse: (given) => integer(given, given.text, 1, 1000),
  },
  timeoutMs: {
    name: 'timeout',
    kind: 'value',
    argument: '<ms>',
    group: 'Reading',
    description: 'per-request timeout (default 10000)',
    parse: (given) => integer(given, given.text, 1, 600_000),
  },
  retries: {
    name: 'retries',
    kind: 'value',
    argument: '<n>',
    group: 'Reading',
    description: 'retries of a 429/502/503/504 answer or a timeout, with backoff (default 5)',
    parse: (given) => integer(given, given.text, 0, 20),
  },
});
