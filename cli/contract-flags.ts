/**
 * Every `ges-contract` flag, declared once (cli-option.ts): name, argument, help line, GES_*
 * variable and parser. Help and parsing both come from this table; the checks between flags
 * (--prism against --base-url, --har against a live target) stay in ges-contract.ts.
 */
import { defineOptions, type GivenValue } from './cli-option.js';
import { textOrUnset } from './flag-parsers.js';
import { UsageError } from './usage-error.js';

const TARGET = 'Target (flags win over the environment)';
const JUDGEMENT = 'Judgement';
const REPORTS = 'Reports';

function parseTimeout(given: GivenValue): number | undefined {
  const timeout = textOrUnset(given);
  if (timeout === undefined) return undefined;
  if (!/^\d+$/.test(timeout) || Number(timeout) < 1 || Number(timeout) > 600_000) {
    throw new UsageError(`--timeout (or GES_TIMEOUT) must be milliseconds from 1 to 600000, got "${timeout}"`);
  }
  return Number(timeout);
}

/** The flags of `ges-contract`, in the order `--help` lists them. */
export const CONTRACT_FLAGS = defineOptions({
  baseUrl: {
    name: 'base-url',
    kind: 'value',
    argument: '<url>',
    env: 'GES_BASE_URL',
    group: TARGET,
    description: 'engine address, e.g. http://127.0.0.1:4010',
    parse: textOrUnset,
  },
  projectId: {
    name: 'project-id',
    kind: 'value',
    argument: '<id>',
    env: 'GES_PROJECT_ID',
    group: TARGET,
    description: 'project_id of the path',
    parse: textOrUnset,
  },
  graph: {
    name: 'graph',
    kind: 'value',
    argument: '<name>',
    env: 'GES_GRAPH',
    group: TARGET,
    description: 'a graph that exists',
    parse: textOrUnset,
  },
  token: {
    name: 'token',
    kind: 'value',
    argument: '<token>',
    env: 'GES_TOKEN',
    group: TARGET,
    description: 'X-Auth-Token; never printed (curl lines say $GES_TOKEN)',
    parse: textOrUnset,
  },
  forbiddenToken: {
    name: 'forbidden-token',
    kind: 'value',
    argument: '<t>',
    env: 'GES_FORBIDDEN_TOKEN',
    group: TARGET,
    description: 'a token the engine knows but refuses on this project, to check the 403 path (without it those checks are skipped)',
    parse: textOrUnset,
  },
  missingGraph: {
    name: 'missing-graph',
    kind: 'value',
    argument: '<name>',
    group: TARGET,
    description: 'a well-formed graph name that does not exist (default: generated)',
    parse: (given) => given.text,
  },
  strict: {
    name: 'strict',
    kind: 'switch',
    group: JUDGEMENT,
    description: 'SHOULD checks (what only a documented example shows) fail instead of warn',
  },
  allowMutations: {
    name: 'allow-mutations',
    kind: 'switch',
    group: JUDGEMENT,
    description: 'also submit and cancel jobs (submitted_job_listed_first, cancelled_job_failed, cancel_again_rejected)',
  },
  timeoutMs: {
    name: 'timeout',
    kind: 'value',
    argument: '<ms>',
    env: 'GES_TIMEOUT',
    group: JUDGEMENT,
    description: 'per-request timeout (default 10000)',
    parse: parseTimeout,
  },
  har: {
    name: 'har',
    kind: 'list',
    argument: '<file>',
    group: 'Recorded traffic (offline, instead of a target)',
    description:
      'judge a HAR 1.2 file saved by devtools or a proxy; repeat for several files. Non-GES entries are counted and ignored; tokens and cookies are never printed',
    parse: (given) => given.text,
  },
  junit: { name: 'junit', kind: 'value', argument: '<file>', group: REPORTS, description: 'write JUnit XML', parse: (given) => given.text },
  json: {
    name: 'json',
    kind: 'value',
    argument: '<file>',
    group: REPORTS,
    description: 'write the report as JSON',
    parse: (given) => given.text,
  },
  prism: {
    name: 'prism',
    kind: 'switch',
    group: 'Other',
    description:
      'start `prism mock openapi.yaml` on a free port and check that instead of --base-url (project, graph and token get defaults); see docs/contracts.md',
  },
});
