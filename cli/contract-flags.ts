/**
 * Every `ges-contract` flag, declared once (cli-option.ts): name, argument, help line, GES_*
 * variable and parser. Help and parsing both come from this table; the checks between flags
 * (--prism against --base-url, --har against a live target) stay in ges-contract.ts.
 */
import { specOperations } from '../src/spec/spec-examples.js';
import type { OperationId } from '../src/types.js';
import { defineOptions, type GivenValue } from './cli-option.js';
import { closestFlag } from './closest-flag.js';
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

/** Every operationId of the spec, in its order: what --include-operation-id and --exclude-operation-id take. */
const OPERATION_IDS: readonly OperationId[] = specOperations.map((operation) => operation.operationId);

/** One or more operationIds, comma-separated (`listJobs,getJobStatus`), each one of the spec's. */
function parseOperationIds(given: GivenValue): OperationId[] {
  const ids = given.text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw new UsageError(`${given.label} needs an operationId (${OPERATION_IDS.join(', ')})`);
  for (const id of ids) {
    if (!(OPERATION_IDS as readonly string[]).includes(id)) {
      const near = closestFlag(id, OPERATION_IDS);
      throw new UsageError(
        `${given.label}: "${id}" is no operationId of the spec${near ? `; did you mean ${near}?` : ''} (the operations: ${OPERATION_IDS.join(', ')})`,
      );
    }
  }
  return ids as OperationId[];
}

function parseJobWait(given: GivenValue): number | undefined {
  const wait = textOrUnset(given);
  if (wait === undefined) return undefined;
  if (!/^\d+$/.test(wait) || Number(wait) > 600_000) {
    throw new UsageError(`--job-wait (or GES_JOB_WAIT) must be milliseconds from 0 to 600000, got "${wait}"`);
  }
  return Number(wait);
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
  includeOperationId: {
    name: 'include-operation-id',
    kind: 'list',
    argument: '<id>',
    env: 'GES_INCLUDE_OPERATION_ID',
    group: TARGET,
    description: `judge only these operations, e.g. listJobs for a server that offers the list alone (repeatable or comma-separated; the spec's: ${OPERATION_IDS.join(', ')}); checks that need another are skipped, saying which`,
    parse: parseOperationIds,
  },
  excludeOperationId: {
    name: 'exclude-operation-id',
    kind: 'list',
    argument: '<id>',
    env: 'GES_EXCLUDE_OPERATION_ID',
    group: TARGET,
    description: 'leave these operations out (repeatable or comma-separated)',
    parse: parseOperationIds,
  },
  strict: {
    name: 'strict',
    kind: 'switch',
    group: JUDGEMENT,
    description: 'SHOULD findings (what this project decided or inferred, not what a GES page states) fail instead of warn',
  },
  allowMutations: {
    name: 'allow-mutations',
    kind: 'switch',
    group: JUDGEMENT,
    description:
      "also submit and cancel jobs: each page's example to every API that creates jobs (deletes that select nothing, an index of the kit's own), the refusals of the writes, a cancel",
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
  jobWaitMs: {
    name: 'job-wait',
    kind: 'value',
    argument: '<ms>',
    env: 'GES_JOB_WAIT',
    group: JUDGEMENT,
    description:
      'how long a check waits for a job the kit submitted to reach the state it needs, e.g. to fail, or to succeed so that its result can be exported (default 10000; it polls and stops as soon as the job is there)',
    parse: parseJobWait,
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
