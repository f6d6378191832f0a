/**
 * Records every job of some graphs from any GES implementation into a fixture document, read-only:
 * Listing Jobs page by page (a bounded page size, never one huge page), with retries for "busy"
 * answers. Jobs are kept exactly as they came; what breaks the spec or the job invariants is
 * reported beside them, never "fixed". Transport is an injected fetch, so the walk is tested
 * against scripted servers as well as a live mock.
 */
import { LIFECYCLE_FIELDS } from '../fixtures/compile-fixtures.js';
import type { FixtureDocument, FixtureJob } from '../fixtures/fixture-types.js';
import { validateFixtures } from '../fixtures/validate-fixtures.js';
import { openapiDocument } from '../generated/openapi-document.js';
import { jobInvariantViolations } from '../spec/job-invariants.js';
import { statusVariants } from '../spec/spec-facts.js';
import { createSpecValidator, type SpecValidator } from '../spec/spec-validator.js';
import { fetchWithRetry, type RetryPolicy } from './fetch-with-retry.js';

/** A job as the engine sent it: any JSON object. */
type RecordedJob = Record<string, unknown>;

/** What is wrong with one job (or with a page as a whole), and where it came. */
interface RecordViolation {
  /** How `serve --fixtures` treats it: a job with a violation makes it refuse the document, naming the job. */
  replay?: 'refused' | undefined;
  /** Offset of the page that carried it. */
  offset: number;
  /** The job's jobId when it has one; absent for a page-level problem. */
  jobId?: string | undefined;
  /** Every problem found, as sentences. */
  problems: string[];
}

/** What one graph's walk found. */
export interface GraphRecording {
  graph: string;
  jobs: RecordedJob[];
  /** jobCount of the last page (undefined when the engine never sent a number). */
  jobCount: number | undefined;
  pages: number;
  violations: RecordViolation[];
  /** The page offset each recorded job came at, in the order of `jobs`. */
  offsets: number[];
  /** Indexes in `jobs` of the jobs that already have a violation. */
  refused: Set<number>;
  /** Things worth knowing that are not the engine's fault (e.g. jobs submitted during the walk). */
  notes: string[];
  /** Set when jobCount is not the number of jobs the pages held (see recordGraph); also a violation. */
  countMismatch?: CountMismatch | undefined;
}

/** jobCount against the jobs the pages held: one of the graph's violations, and a warning of the CLI. */
interface CountMismatch {
  /** The largest jobCount a page said. */
  jobCount: number;
  /** Whether jobCount differed between pages. */
  changed: boolean;
  /** Distinct jobs recorded. */
  jobsRead: number;
}

/** Why nothing could be recorded: the CLI turns it into exit 2. */
interface RecordFailure {
  kind: 'unreachable' | 'refused' | 'graph-not-found' | 'not-ges';
  graph: string;
  message: string;
}

/** Options of recordJobs. */
export interface RecordOptions {
  /** Engine address, e.g. `http://127.0.0.1:4010` (a path prefix is kept). */
  baseUrl: string;
  projectId: string;
  graphs: readonly string[];
  /** X-Auth-Token. Sent as a header, never written anywhere. */
  token?: string | undefined;
  /** Jobs per page. Default 100; at most 1000, so no page is huge. */
  pageSize?: number | undefined;
  /** Default: the global fetch. */
  fetch?: typeof fetch | undefined;
  /** Retries, backoff, timeout; see RetryPolicy. */
  retry?: Partial<RetryPolicy> | undefined;
  /** Wall clock for `now` and `recordedAt`. Default Date.now. */
  now?: (() => number) | undefined;
  /** Most distinct jobs kept per graph; the walk stops there with a note. Default 1,000,000. */
  maxJobsPerGraph?: number | undefined;
}

/** The recording, ready to write. */
interface Recording {
  /** A fixture document (see docs/fixtures.md): `now`, `recording`, `extraJobFields`, `graphs`. */
  document: FixtureDocument;
  graphs: GraphRecording[];
  /** Total violations (jobs or pages with problems) over every graph. */
  violations: number;
}

/** The result of recordJobs: a recording, or why there is none. */
export type RecordResult = { ok: true; recording: Recording } | { ok: false; failure: RecordFailure };

/** Default and largest page size: big enough to be quick, small enough that no answer is huge. */
const DEFAULT_RECORD_PAGE_SIZE = 100;
const MAX_RECORD_PAGE_SIZE = 1000;

type SchemaObject = { properties?: Record<string, unknown> | undefined; allOf?: SchemaObject[] | undefined };

/**
 * The spec's Job fields (its `properties`, or those of every `allOf` member that declares some): any
 * other field a recorded job carries is listed in extraJobFields.
 */
const JOB_FIELDS: ReadonlySet<string> = (() => {
  const job = openapiDocument.components.schemas.Job as SchemaObject;
  return new Set([job, ...(job.allOf ?? [])].flatMap((schema) => Object.keys(schema.properties ?? {})));
})();

let sharedValidator: SpecValidator | undefined;

/** The base URL as it may be written down: no user:password, query or fragment. */
export function toPublicBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/$/, '');
}

function listUrl(baseUrl: string, projectId: string, graph: string, limit: number, offset: number): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/ges/v1.0/${encodeURIComponent(projectId)}/graphs/${encodeURIComponent(graph)}/jobs/status?limit=${limit}&offset=${offset}`;
}

/** The GES envelope's message and code, when the body is one. */
function envelopeText(text: string): string {
  try {
    const body = JSON.parse(text) as { errorCode?: unknown; errorMessage?: unknown };
    if (body && typeof body === 'object' && (typeof body.errorCode === 'string' || typeof body.errorMessage === 'string')) {
      return `${String(body.errorCode ?? '')} ${String(body.errorMessage ?? '')}`.trim();
    }
  } catch {
    // not JSON: describe the start of it below
  }
  const start = text.trim().slice(0, 80).replace(/\s+/g, ' ');
  return start === '' ? 'an empty body' : `"${start}${text.length > 80 ? '…' : ''}"`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Walks one graph's list; a failure ends the whole recording (the CLI exits 2). */
async function recordGraph(
  options: RecordOptions,
  graph: string,
  policy: RetryPolicy,
  validator: SpecValidator,
  extraFields: Set<string>,
  variants: Set<string>,
): Promise<{ ok: true; graph: GraphRecording } | { ok: false; failure: RecordFailure }> {
  const pageSize = options.pageSize ?? DEFAULT_RECORD_PAGE_SIZE;
  const maxJobs = options.maxJobsPerGraph ?? 1_000_000;
  const fetchImpl = options.fetch ?? fetch;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token !== undefined) headers['x-auth-token'] = options.token;

  const jobs: RecordedJob[] = [];
  const offsets: number[] = [];
  const refused = new Set<number>();
  const seen = new Set<string>();
  const violations: RecordViolation[] = [];
  const notes: string[] = [];
  let jobCount: number | undefined;
  /** The largest jobCount any page said. */
  let mostCount: number | undefined;
  /** The first change of jobCount between two pages. */
  let countChange: { from: number; to: number } | undefined;
  let pages = 0;
  let offset = 0;
  let shifted = 0;
  let endedShort = false;

  for (;;) {
    // fetch refuses URLs with credentials; GES authenticates by token anyway.
    const url = listUrl(toPublicBaseUrl(options.baseUrl), options.projectId, graph, pageSize, offset);
    const answer = await fetchWithRetry(fetchImpl, url, headers, policy);
    if (!answer.ok) {
      return { ok: false, failure: { kind: 'unreachable', graph, message: answer.message } };
    }
    pages++;
    if (answer.status !== 200) {
      const said = envelopeText(answer.text);
      if (answer.status === 400 && /not exist/i.test(said)) {
        return {
          ok: false,
          failure: {
            kind: 'graph-not-found',
            graph,
            message: `graph ${graph} does not exist in project ${options.projectId} (400 ${said})`,
          },
        };
      }
      const why =
        answer.status === 401
          ? 'the token was refused'
          : answer.status === 403
            ? 'the token has no access to this project'
            : `the engine answered ${answer.status}`;
      return { ok: false, failure: { kind: 'refused', graph, message: `${why} listing graph ${graph} (${answer.status} ${said})` } };
    }
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return {
        ok: false,
        failure: {
          kind: 'not-ges',
          graph,
          message: `listing graph ${graph} answered 200 with a body that is not JSON: ${envelopeText(answer.text)}; is --base-url a GES engine?`,
        },
      };
    }
    if (!isObject(body) || !Array.isArray(body.jobs)) {
      return {
        ok: false,
        failure: {
          kind: 'not-ges',
          graph,
          message: `listing graph ${graph} answered 200 without a jobs array; is --base-url a GES engine?`,
        },
      };
    }
    const page = body.jobs as unknown[];
    // Job-level schema problems are reported per job below; here only the page's own shape.
    for (const v of validator.validate('#/components/schemas/JobList', body)) {
      if (!/^\/jobs\/\d+/.test(v.path)) violations.push({ offset, problems: [`list answer ${v.path}: ${v.message}`] });
    }
    if (page.length > pageSize) violations.push({ offset, problems: [`a page asked for limit=${pageSize} holds ${page.length} jobs`] });
    if (typeof body.jobCount === 'number') {
      if (jobCount !== undefined && body.jobCount !== jobCount) countChange ??= { from: jobCount, to: body.jobCount };
      jobCount = body.jobCount;
      mostCount = Math.max(mostCount ?? 0, body.jobCount);
    }

    let fresh = 0;
    const onPage = new Set<string>();
    for (const [index, item] of page.entries()) {
      if (!isObject(item)) {
        violations.push({
          offset,
          problems: [`jobs[${index}] is ${item === null ? 'null' : typeof item}, not a job object; not recorded`],
        });
        fresh++;
        continue;
      }
      const jobId = typeof item.jobId === 'string' ? item.jobId : undefined;
      if (jobId !== undefined) {
        if (onPage.has(jobId)) {
          violations.push({ offset, jobId, problems: [`job ${jobId} is listed twice on one page`] });
          continue;
        }
        onPage.add(jobId);
        if (seen.has(jobId)) {
          // A job listed again on a later page: the list moved under the walk (or the engine
          // ignores offset, caught below). Recorded once.
          shifted++;
          continue;
        }
        seen.add(jobId);
      }
      fresh++;
      if (jobs.length >= maxJobs) continue;
      jobs.push(item);
      offsets.push(offset);
      for (const key of Object.keys(item)) if (!JOB_FIELDS.has(key) && !LIFECYCLE_FIELDS.includes(key)) extraFields.add(key);
      // A status variant of another engine version (x-ges-status-variants) is recorded as such: the
      // document marks it, replay serves it, and only the spec's enum (which cannot know it) objects.
      const variant = typeof item.status === 'string' && statusVariants.includes(item.status) ? item.status : undefined;
      if (variant !== undefined) variants.add(variant);
      const problems = [
        // An if/then failure is also reported by the keyword inside the "then": keep that one.
        ...validator
          .validate('#/components/schemas/Job', item)
          .filter((v) => v.keyword !== 'if' && !(variant !== undefined && v.path === '/status'))
          .map((v) => `schema ${v.path}: ${v.message}`),
        ...Object.keys(item)
          .filter((key) => LIFECYCLE_FIELDS.includes(key))
          .map((key) => `${key}: a field named like a fixture lifecycle form cannot be replayed as an extra field`),
        // The job invariants the contract kit and fixture validation judge by, from the one shared checker.
        ...jobInvariantViolations(item).map((v) => `${v.field}: ${v.reason} (expected ${v.expected}; ${v.invariant})`),
      ];
      if (problems.length > 0) {
        refused.add(jobs.length - 1);
        violations.push({
          offset,
          ...(jobId !== undefined ? { jobId } : {}),
          replay: 'refused',
          problems: jobId === undefined ? [`jobs[${index}] at offset ${offset}`, ...problems] : problems,
        });
      }
    }

    if (page.length === 0) {
      endedShort = true;
      break;
    }
    if (fresh === 0) {
      violations.push({
        offset,
        problems: [`the page at offset ${offset} repeats only jobs already recorded (offset ignored?); stopped there`],
      });
      break;
    }
    if (jobs.length >= maxJobs) {
      notes.push(`stopped after ${maxJobs} jobs (the most one graph records)`);
      break;
    }
    offset += page.length;
    // The list ends at a short page, whatever jobCount says: some engines send the page's length as
    // jobCount, and stopping at it would drop every later job without a word (compared below).
    if (page.length < pageSize) {
      endedShort = true;
      break;
    }
    // A list that keeps moving under the walk could hold it for ever: bound the pages by the most
    // jobs anything promised (the largest jobCount, or the distinct jobs read so far), so a walk that
    // brings new jobs goes on and one that only meets jobs it has seen stops.
    const bound = Math.max(mostCount ?? 0, jobs.length);
    if (pages > Math.ceil(bound / pageSize) * 2 + 10) {
      violations.push({ offset, problems: [`still listing after ${pages} pages for ${bound} jobs; stopped there`] });
      break;
    }
  }
  if (shifted > 0) notes.push(`${shifted} job(s) came again on a later page (the list moved during the walk); each is recorded once`);
  // A walk meets no job submitted after it started (newest first: they come before its offset), so
  // more jobs than any page's jobCount is the engine's count at fault, changed between pages or not
  // (an engine that sends each page's length does both). A count that changed and was not exceeded
  // is the list moving during the walk.
  const overCount = mostCount !== undefined && jobs.length > mostCount;
  if (countChange !== undefined && !overCount) {
    notes.push(
      `jobCount changed from ${countChange.from} to ${countChange.to} during the recording (jobs were submitted or evicted meanwhile)`,
    );
  }
  let countMismatch: CountMismatch | undefined;
  if (mostCount !== undefined && jobs.length < maxJobs && (overCount || (countChange === undefined && jobs.length !== mostCount))) {
    countMismatch = { jobCount: mostCount, changed: countChange !== undefined, jobsRead: jobs.length };
    violations.push({
      offset,
      problems: [
        `jobCount says ${countChange !== undefined ? 'at most ' : ''}${mostCount} but the pages held ${jobs.length} distinct job${jobs.length === 1 ? '' : 's'}` +
          (endedShort ? ` (read on to the first page shorter than ${pageSize}, whatever jobCount said)` : ''),
      ],
    });
  }
  return { ok: true, graph: { graph, jobs, jobCount, pages, violations, offsets, refused, notes, countMismatch } };
}

/** What the document says of replay, so a reader of the file knows without the docs. */
const REPLAY_NOTE =
  'serve --fixtures serves every job as recorded; while a job listed under violations (replay: refused) is in the document, ' +
  'it refuses the whole document and names that job: correct or remove such jobs to replay the rest.';

/**
 * Adds, as violations, what would keep `serve --fixtures` from replaying a job that the spec checks
 * above passed (the fixture checks are the judge of replay, so no recorded job fails only there).
 */
function replayViolations(document: FixtureDocument, graphs: GraphRecording[], now: number): void {
  const checked = validateFixtures(document, 'recording', { now });
  if (checked.ok) return;
  const added = new Map<string, RecordViolation>();
  for (const problem of checked.error.problems) {
    const graph = graphs.find((g) => g.graph === problem.graph);
    if (!graph || problem.job === undefined) continue;
    const reason = `${problem.field ?? 'job'}: ${problem.reason} (fixture check of replay)`;
    const key = `${graph.graph}\n${problem.job}`;
    const known = added.get(key);
    if (known) known.problems.push(reason);
    if (known || graph.refused.has(problem.job)) continue; // one violation per job, and none twice
    graph.refused.add(problem.job);
    const job = graph.jobs[problem.job];
    const jobId = typeof job?.['jobId'] === 'string' ? job['jobId'] : undefined;
    const violation: RecordViolation = {
      offset: graph.offsets[problem.job] ?? 0,
      ...(jobId !== undefined ? { jobId } : {}),
      replay: 'refused',
      problems: [reason],
    };
    added.set(key, violation);
    graph.violations.push(violation);
  }
}

/**
 * Reads every job of each graph (one after the other) and builds the fixture document. Fails as a
 * whole (no partial document) when a graph cannot be read at all: unreachable, refused, unknown graph,
 * or not a GES answer.
 */
export async function recordJobs(options: RecordOptions): Promise<RecordResult> {
  const pageSize = options.pageSize ?? DEFAULT_RECORD_PAGE_SIZE;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_RECORD_PAGE_SIZE) {
    throw new RangeError(`recordJobs: pageSize must be an integer from 1 to ${MAX_RECORD_PAGE_SIZE}, got ${pageSize}`);
  }
  const policy: RetryPolicy = {
    retries: 5,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    timeoutMs: 10_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ...options.retry,
  };
  const now = options.now ?? Date.now;
  const recordedAt = new Date(now()).toISOString();
  sharedValidator ??= createSpecValidator();
  const extraFields = new Set<string>();
  const variants = new Set<string>();
  const graphs: GraphRecording[] = [];
  for (const graph of options.graphs) {
    const walked = await recordGraph(options, graph, policy, sharedValidator, extraFields, variants);
    if (!walked.ok) return walked;
    graphs.push(walked.graph);
  }
  const jobsOf = (g: GraphRecording) => ({ jobs: g.jobs as FixtureJob[] });
  const head: FixtureDocument = {
    now: recordedAt,
    ...(extraFields.size > 0 ? { extraJobFields: [...extraFields].sort() } : {}),
    ...(variants.size > 0 ? { recordedStatusVariants: [...variants].sort() as FixtureDocument['recordedStatusVariants'] } : {}),
  };
  replayViolations({ ...head, graphs: Object.fromEntries(graphs.map((g) => [g.graph, jobsOf(g)])) }, graphs, now());
  const violations = graphs.reduce((sum, graph) => sum + graph.violations.length, 0);
  const document: FixtureDocument = {
    ...head,
    recording: {
      tool: 'ges-mock record',
      source: toPublicBaseUrl(options.baseUrl),
      projectId: options.projectId,
      recordedAt,
      pageSize,
      violations,
      replay: REPLAY_NOTE,
      graphs: Object.fromEntries(
        graphs.map((g) => [
          g.graph,
          { jobsRecorded: g.jobs.length, jobCount: g.jobCount ?? null, pages: g.pages, violations: g.violations, notes: g.notes },
        ]),
      ),
    },
    // As they came: a job that breaks the spec makes the document fail validation where it is loaded,
    // naming the job, which is what the violations above announced.
    graphs: Object.fromEntries(graphs.map((g) => [g.graph, jobsOf(g)])),
  };
  return { ok: true, recording: { document, graphs, violations } };
}
