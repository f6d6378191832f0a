/**
 * One run's shared state: resolved options, the recording client, the cached default list and page
 * walk, and the context each check runs in. The CLI runner and the vitest adapter both build on it.
 */
import { randomBytes } from 'node:crypto';
import { specOperations } from '../src/spec/spec-examples.js';
import type { OperationId } from '../src/types.js';
import { createContractClient, type ContractClient } from './contract-client.js';
import type {
  CheckContext,
  ContractCheck,
  ContractOptions,
  Exchange,
  Finding,
  JobSighting,
  PageWalk,
  ResolvedContractOptions,
  SeenJob,
} from './contract-types.js';
import { ruleById, ruleInventory } from './rule-inventory.js';

/** Most findings a check keeps; the rest are counted. */
const MAX_FINDINGS = 5;
/** Most pages the walk reads: a long list is compared on its first pages only. */
const MAX_WALK_PAGES = 20;
/** Page size of the walk: small enough that even a short list takes several pages. */
const MAX_WALK_PAGE_SIZE = 7;

/** Thrown by ctx.abort(): the check ends with its findings. */
export class CheckAborted extends Error {}
/** Thrown by ctx.skip(): the check ends as skipped. */
export class CheckSkipped extends Error {}

/** A generated graph name that is well formed (starts with a letter, 4–50 chars) and surely absent. */
function generateMissingGraph(): string {
  return `nosuchgraph_${randomBytes(6).toString('hex')}`;
}

/** The spec's operations the options select, in the spec's order. */
export function selectOperations(include: readonly OperationId[] | undefined, exclude: readonly OperationId[] | undefined): OperationId[] {
  const all = specOperations.map((operation) => operation.operationId);
  return all.filter((id) => (include === undefined || include.includes(id)) && !(exclude ?? []).includes(id));
}

/** Fills in the defaults of ContractOptions. */
function resolveContractOptions(options: ContractOptions): ResolvedContractOptions {
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    projectId: options.projectId,
    graph: options.graph,
    token: options.token === '' ? undefined : options.token,
    missingGraph: options.missingGraph ?? generateMissingGraph(),
    forbiddenToken: options.forbiddenToken === '' ? undefined : options.forbiddenToken,
    strict: options.strict ?? false,
    allowMutations: options.allowMutations ?? false,
    operations: selectOperations(options.includeOperations, options.excludeOperations),
    jobWaitMs: options.jobWaitMs ?? 10_000,
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch,
  };
}

/** The state of one run. */
export interface ContractSession {
  readonly options: ResolvedContractOptions;
  readonly client: ContractClient;
  readonly shared: Map<string, unknown>;
  /** A fresh context for one check, collecting its findings, the answers it judged and its note. */
  createContext(check: Pick<ContractCheck, 'id'>): {
    ctx: CheckContext;
    findings: Finding[];
    omitted: () => number;
    judged: () => number;
    /** Whether some finding (kept or omitted) is at level must. */
    mustFound: () => boolean;
    /** Records that the check crashed: a defect of the check or the kit, a failure whatever the level. */
    crashed: (message: string) => void;
    note: () => string | undefined;
    reached: () => string[];
  };
}

/** Reads a list body out of an exchange, or says why there is none. */
export function readList(exchange: Exchange): { jobs: SeenJob[]; jobCount: unknown } | string {
  if (!exchange.response) return `no answer (${exchange.error ?? 'unknown error'})`;
  if (exchange.response.status !== 200) return `answered ${exchange.response.status}`;
  const body = exchange.response.json as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || !Array.isArray(body.jobs)) return 'answered 200 without a jobs array';
  const jobs = body.jobs.filter((job): job is SeenJob => typeof job === 'object' && job !== null && !Array.isArray(job));
  return { jobs, jobCount: body.jobCount };
}

/**
 * Starts a run's session over the target. `client` replaces the HTTP client (a recording's client
 * answers from the recorded exchanges instead of sending).
 */
export function createContractSession(options: ContractOptions, recordedClient?: ContractClient): ContractSession {
  const resolved = resolveContractOptions(options);
  const client = recordedClient ?? createContractClient(resolved);
  const shared = new Map<string, unknown>();
  let cachedWalk: Promise<PageWalk> | undefined;

  const defaultList = (fresh = false) => client.send({ operationId: 'listJobs', fresh });

  async function walk(fresh: boolean): Promise<PageWalk> {
    const base = await defaultList(fresh);
    const list = readList(base);
    const total = typeof list === 'string' ? 0 : list.jobs.length;
    // Several pages even for a small graph: a third of the list, at most 7 a page.
    const pageSize = Math.max(1, Math.min(MAX_WALK_PAGE_SIZE, Math.floor(total / 3)));
    const covered = Math.min(total, pageSize * MAX_WALK_PAGES);
    const pages: Exchange[] = [];
    for (let offset = 0; offset < covered; offset += pageSize) {
      const page = await client.send({
        operationId: 'listJobs',
        query: { limit: String(pageSize), offset: String(offset) },
        fresh,
      });
      pages.push(page);
      const read = readList(page);
      if (typeof read === 'string' || read.jobs.length === 0) break; // the check reports the gap
    }
    return { base, pageSize, covered, pages };
  }

  return {
    options: resolved,
    client,
    shared,
    createContext(check) {
      const findings: Finding[] = [];
      let omitted = 0;
      let judged = 0;
      let mustFound = false;
      let noteText: string | undefined;
      // The answers this check sent for or judged: what its (operation × status) reach is made of.
      const touched = new Set<Exchange>();
      const touch = <T extends Exchange>(exchange: T): T => {
        touched.add(exchange);
        return exchange;
      };
      // A check of the kit reports only against rules that name it; a caller's own check may cite any.
      const kitCheck = ruleInventory.some((rule) => rule.checks.includes(check.id));
      const fail = (finding: Parameters<CheckContext['fail']>[0]) => {
        // A finding's level is its rule's, so what it rests on is the rule's evidence.
        const rule = ruleById(finding.rule);
        if (kitCheck && !rule.checks.includes(check.id)) {
          throw new Error(`the check ${check.id} reports against the rule ${rule.id}, which does not name it`);
        }
        judged++;
        if (rule.level === 'must') mustFound = true;
        const recorded: Finding = { ...finding, level: rule.level };
        if (findings.length < MAX_FINDINGS) findings.push(recorded);
        else omitted++;
      };
      const crashed = (message: string) => {
        mustFound = true;
        findings.push({ level: 'must', message });
      };
      // An operation the run leaves out is never sent: the check that needs it ends as not exercised.
      // The guard throws at the call, before any promise exists, so no refused promise goes unheeded.
      const guard = (operationId: OperationId) => {
        if (!resolved.operations.includes(operationId)) {
          throw new CheckSkipped(
            `not exercised: it needs ${operationId}, which this run leaves out (--include-operation-id / --exclude-operation-id)`,
          );
        }
      };
      const ctx: CheckContext = {
        options: resolved,
        shared,
        send: (send) => {
          guard(send.operationId);
          return client.send(send).then(touch);
        },
        defaultList: () => {
          guard('listJobs');
          return defaultList().then(touch);
        },
        requireList(exchange, what, rule) {
          touch(exchange);
          const read = readList(exchange);
          if (typeof read === 'string') {
            ctx.abort({ rule, message: `${what} ${read}`, expected: '200 with a job list', exchange });
          }
          return read;
        },
        walkPages(fresh = false) {
          guard('listJobs');
          if (!fresh) cachedWalk ??= walk(false);
          return (fresh ? walk(true) : (cachedWalk as Promise<PageWalk>)).then((walked) => {
            [walked.base, ...walked.pages].forEach(touch);
            return walked;
          });
        },
        exchanges: () => {
          client.exchanges.forEach(touch);
          return client.exchanges;
        },
        uses(exchange) {
          touch(exchange);
        },
        jobsSeen() {
          const seen = new Set<string>();
          const sightings: JobSighting[] = [];
          for (const exchange of client.exchanges) {
            if (exchange.operationId !== 'listJobs' || !exchange.response) continue;
            const read = readList(exchange);
            if (typeof read === 'string') continue;
            for (const job of read.jobs) {
              const key = JSON.stringify(job);
              if (seen.has(key)) continue;
              seen.add(key);
              touch(exchange);
              sightings.push({ job, exchange });
            }
          }
          return sightings;
        },
        fail,
        abort(finding) {
          fail(finding);
          throw new CheckAborted(finding.message);
        },
        skip(reason) {
          throw new CheckSkipped(reason);
        },
        judged(count = 1) {
          judged += count;
        },
        selects: (operationId) => resolved.operations.includes(operationId),
        note(text) {
          noteText = text;
        },
      };
      const reached = () =>
        [...new Set([...touched].filter((e) => e.response).map((e) => `${e.operationId} ${e.response?.status}`))].sort();
      return {
        ctx,
        findings,
        omitted: () => omitted,
        judged: () => judged,
        mustFound: () => mustFound,
        crashed,
        note: () => noteText,
        reached,
      };
    },
  };
}
