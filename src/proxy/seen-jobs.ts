/**
 * `ges-mock proxy --record FILE`: every job the upstream's list answers showed, each as last seen,
 * written as the fixture document `ges-mock record` writes. The document is made by the recorder
 * itself (recordJobs), reading these jobs back page by page as if they were an engine: the same
 * checks of each job against the spec and the invariants, the same violations and notes, the same
 * `now` and time forms, so the session replays offline with `serve --fixtures` as a recording does.
 */
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { recordJobs } from '../record/record-jobs.js';

/** Most jobs kept per graph of a project; more are counted, not kept. */
const MAX_JOBS_PER_GRAPH = 100_000;

/** Page size of the read-back: as large as a recording reads. */
const READ_BACK_PAGE_SIZE = 1000;

/** What the recording kept of a session. */
export interface SeenJobs {
  /** Takes the jobs of one 200 list answer of a project's graph, read at `atMs` (epoch ms). */
  see(project: string, graph: string, body: unknown, atMs: number): void;
  /** Counts a list answer whose body could not be read (too long, not JSON text): its jobs are missing. */
  missed(): void;
  /** Whether a job was seen (or changed) since the last document. */
  readonly changed: boolean;
  /** The document of every job seen; undefined before the first list answer. */
  document(): Promise<FixtureDocument | undefined>;
}

type Job = Record<string, unknown>;

const isObject = (value: unknown): value is Job => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keeps the jobs seen; `source` is the upstream as it may be written down. */
export function createSeenJobs(source: string): SeenJobs {
  /** project → graph → jobId → the job as last seen. */
  const projects = new Map<string, Map<string, Map<string, Job>>>();
  let lastSeenMs: number | undefined;
  let listAnswers = 0;
  let missedAnswers = 0;
  let dropped = 0;
  let withoutId = 0;
  let changed = false;

  function see(project: string, graph: string, body: unknown, atMs: number): void {
    if (!isObject(body) || !Array.isArray(body.jobs)) return;
    let graphs = projects.get(project);
    if (!graphs) projects.set(project, (graphs = new Map()));
    let jobs = graphs.get(graph);
    if (!jobs) graphs.set(graph, (jobs = new Map()));
    for (const job of body.jobs) {
      if (!isObject(job) || typeof job.jobId !== 'string') {
        withoutId++;
        continue;
      }
      if (!jobs.has(job.jobId) && jobs.size >= MAX_JOBS_PER_GRAPH) {
        dropped++;
        continue;
      }
      jobs.set(job.jobId, job);
    }
    listAnswers++;
    lastSeenMs = Math.max(lastSeenMs ?? atMs, atMs);
    changed = true;
  }

  /** One project's jobs read back by the recorder, as from an engine that holds exactly them. */
  async function recordProject(project: string, graphs: Map<string, Map<string, Job>>, now: number) {
    const fetchSeen = async (input: string | URL | Request): Promise<Response> => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const graph = decodeURIComponent(/\/graphs\/([^/]+)\/jobs\/status$/.exec(url.pathname)?.[1] ?? '');
      const jobs = [...(graphs.get(graph)?.values() ?? [])];
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? READ_BACK_PAGE_SIZE);
      const page = { jobs: jobs.slice(offset, offset + limit), jobCount: jobs.length };
      return new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const result = await recordJobs({
      baseUrl: source,
      projectId: project,
      graphs: [...graphs.keys()],
      pageSize: READ_BACK_PAGE_SIZE,
      fetch: fetchSeen,
      now: () => now,
      retry: { retries: 0 },
    });
    // The read-back cannot fail: every graph it asks for answers a page.
    if (!result.ok) throw new Error(`reading the seen jobs back failed: ${result.failure.message}`);
    return result.recording.document;
  }

  /** What the document says of the session: the tool, what was seen, what is missing. */
  function session(): Record<string, unknown> {
    const notes = [
      ...(missedAnswers > 0
        ? [`${missedAnswers} list answer(s) could not be read (longer than the proxy reads, or not JSON text): their jobs are missing`]
        : []),
      ...(dropped > 0 ? [`${dropped} job(s) beyond ${MAX_JOBS_PER_GRAPH} per graph were not kept`] : []),
      ...(withoutId > 0 ? [`${withoutId} listed item(s) without a string jobId were not kept`] : []),
    ];
    return {
      tool: 'ges-mock proxy',
      seen: `every job of ${listAnswers} list answer(s) that passed through the proxy, each as last seen`,
      ...(notes.length > 0 ? { notes } : {}),
    };
  }

  /** A project's recording notes without the read-back's page size, page counts and jobCount, which are not the engine's. */
  function ownNotes(recording: Record<string, unknown> | undefined): Record<string, unknown> {
    const { pageSize: _pageSize, tool: _tool, graphs, ...rest } = recording ?? {};
    if (!isObject(graphs)) return rest;
    const summaries = Object.entries(graphs).map(([graph, summary]) => {
      const { pages: _pages, jobCount: _jobCount, ...kept } = isObject(summary) ? summary : {};
      return [graph, kept];
    });
    return { ...rest, graphs: Object.fromEntries(summaries) };
  }

  async function document(): Promise<FixtureDocument | undefined> {
    if (lastSeenMs === undefined) return undefined;
    changed = false;
    const now = lastSeenMs;
    const documents = await Promise.all(
      [...projects].map(async ([project, graphs]) => [project, await recordProject(project, graphs, now)] as const),
    );
    const [only] = documents;
    if (documents.length === 1 && only) {
      const [, doc] = only;
      return { ...doc, recording: { ...session(), ...ownNotes(doc.recording) } };
    }
    // Several projects: each under `projects`, the document's time and field lists shared.
    const union = (pick: (doc: FixtureDocument) => readonly string[] | undefined) =>
      [...new Set(documents.flatMap(([, doc]) => pick(doc) ?? []))].sort();
    const extraJobFields = union((doc) => doc.extraJobFields);
    const variants = union((doc) => doc.recordedStatusVariants) as NonNullable<FixtureDocument['recordedStatusVariants']>;
    const perProject = documents.map(([project, doc]) => {
      const { source: _source, projectId: _projectId, recordedAt: _recordedAt, replay, ...notes } = ownNotes(doc.recording);
      return { project, notes, replay };
    });
    return {
      now: new Date(now).toISOString(),
      ...(extraJobFields.length > 0 ? { extraJobFields } : {}),
      ...(variants.length > 0 ? { recordedStatusVariants: variants } : {}),
      recording: {
        ...session(),
        source,
        recordedAt: new Date(now).toISOString(),
        violations: perProject.reduce((sum, { notes }) => sum + Number(notes['violations'] ?? 0), 0),
        replay: perProject[0]?.replay,
        projects: Object.fromEntries(perProject.map(({ project, notes }) => [project, notes])),
      },
      projects: Object.fromEntries(documents.map(([project, doc]) => [project, { graphs: doc.graphs ?? {} }])),
    };
  }

  return {
    see,
    missed: () => {
      missedAnswers++;
      changed = true;
    },
    get changed() {
      return changed;
    },
    document,
  };
}
