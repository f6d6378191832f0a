/**
 * A third GES job engine for the test suite, written from the GES pages alone (the list page, the
 * status, cancel and execute-algorithm pages, the common algorithm parameters, the error codes, the
 * vertex and edge filter query pages, the create and delete index pages, the export-result page),
 * importing nothing of the kit and nothing of the first independent engine. Wherever the pages allow
 * two forms, it takes the one the mock and the first independent engine do not:
 *
 * - a failed job's status is 400 GES.8301 carrying its failure text (the algorithm page's form), a
 *   successful one `complete` with its result (the same page), a pending one `waiting`;
 * - times are timestamps (13-digit milliseconds, 10-digit seconds for imports), progress an integer;
 * - `result: "success"` and empty errorCode/errorMessage on every success answer, and the cancel
 *   answer `{"result": "success"}`; older imports listed `complete` (the 2021 list page);
 * - rawRequest is the submitted JSON written again, not its bytes; no cap on a body's size (a
 *   shortest_path_of_vertex_sets body of 100,000 ids passes 1 MiB); plain UUIDs;
 * - it sits behind a gateway: a missing, unknown or foreign token is refused with the gateway's own
 *   401/403 body (APIGW codes, which the error-code page says may come), like a path that is no API;
 * - a limit above 100000 is read as 100000, an offset past the end gives an empty page;
 * - paging counters sit beside the result in `data`, or inside `outputs`, as the two pages show;
 * - of the URLs that take an `action_id` it takes the queries and execute-algorithm only: the exports
 *   and deletes of filtered data, batch deletes, Filtered-query and imports it refuses (400 GES.8000);
 * - it names the task types the pages leave open in its own words (VertexQuery, EdgeQuery, AddIndex,
 *   DeleteIndex, ExportResult), and a job that exports a result deletes the exported job once done
 *   (the 2025 export page's `erase`, default true).
 *
 * A job it starts moves on one step each time its status is read (pending → running → finished), so
 * a client that waits for a job by polling it sees it finish; the cancellable algorithms (the cancel
 * page's list) keep running until cancelled. No timers: the same requests give the same answers.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options of startIndependentEngineB. */
export interface IndependentEngineBOptions {
  /** The token accepted on every project. Default "engine-b-token". */
  token?: string;
  /** A token the gateway knows but refuses on every project: answered 403. */
  forbiddenToken?: string;
  /** Graphs it holds. Default movie and ges_demo. */
  graphs?: readonly string[];
}

/** A running engine. */
export interface IndependentEngineB {
  url: string;
  close(): Promise<void>;
}

interface Job {
  jobId: string;
  rawRequest: string;
  taskType: string;
  canStop: boolean;
  progress: number;
  startMs: number;
  endMs?: number;
  status: string;
  failReason?: string;
  files?: unknown[];
  /** Submitted through this engine: it moves on when its status is read. */
  live?: { algorithm: string; failure?: string };
  /** A job of another API than execute-algorithm, submitted through this engine: what it is. */
  other?: { kind: 'VertexQuery' | 'EdgeQuery' | 'AddIndex' | 'DeleteIndex' | 'ExportResult'; erases?: string };
  /** How many records its result holds. */
  results: number;
  /** Where its paging counters sit: beside the result in data, or inside outputs. */
  counters: 'data' | 'outputs' | 'none';
}

/** The algorithms of the common-parameters page (2021) and later pages. */
const ALGORITHMS = new Set([
  'pagerank',
  'personalrank',
  'kcore',
  'k_hop',
  'shortest_path',
  'all_shortest_paths',
  'filtered_shortest_path',
  'sssp',
  'shortest_path_of_vertex_sets',
  'n_paths',
  'closeness',
  'label_propagation',
  'louvain',
  'link_prediction',
  'node2vec',
  'realtime_recommendation',
  'common_neighbors',
  'connected_component',
  'degree_correlation',
  'triangle_count',
  'cluster_coefficient',
  'common_neighbors_of_vertex_sets',
  'all_shortest_paths_of_vertex_sets',
  'filtered_circle_detection',
  'betweenness',
  'edge_betweenness',
  'topicrank',
]);

/** The cancel page (2024): only these algorithms' jobs can be cancelled. */
const CANCELLABLE = new Set(['topicrank', 'pagerank', 'personalrank', 'kcore', 'connected_component', 'label_propagation', 'louvain']);

/** The algorithms whose result is one value, without paging counters (the common-parameters page). */
const SINGLE_VALUED = new Set([
  'shortest_path',
  'closeness',
  'link_prediction',
  'degree_correlation',
  'triangle_count',
  'cluster_coefficient',
]);

/** The vertices of every graph: ids "0" to "199". */
const isVertex = (id: unknown) => typeof id === 'string' && /^\d+$/.test(id) && Number(id) < 200;

const DAY = Date.UTC(2024, 4, 23, 1, 0, 0);
const MAX_LIMIT = 100_000n;

const importBody = (graph: string) =>
  JSON.stringify({
    graphName: graph,
    offline: false,
    edgesetPath: '/user/ges/data/ranking_edge.csv',
    vertexsetPath: '/user/ges/data/movies_vertex.csv',
    delimiter: ',',
    trimQuote: '"',
    vertexsetFormat: 'csv',
    parallelEdge: { ignoreLabel: true, action: 'allow' },
    edgesetFormat: 'csv',
  });

/** Per-file statistics of an import, times in microseconds. */
function importFiles(startMs: number, failedLines: number): unknown[] {
  const us = startMs * 1000;
  const lines = (fileName: string, total: number, failed: number, offset: number) => ({
    fileName,
    totalLines: total,
    successfulLines: total - failed,
    failedLines: failed,
    startTime: us + offset,
    endTime: us + offset + 40_000,
    status: failed > 0 ? 'failed' : 'success',
  });
  return [
    {
      schemaFiles: [
        {
          fileName: '/user/ges/data/schema.xml',
          totalLabels: 12,
          successfulLabels: 12,
          failedLabels: 0,
          startTime: us,
          endTime: us + 9000,
          status: 'success',
        },
      ],
    },
    { vertexFiles: [lines('/user/ges/data/movies_vertex.csv', 146, 0, 10_000)] },
    { edgeFiles: [lines('/user/ges/data/ranking_edge.csv', 1659, failedLines, 60_000)] },
  ];
}

function seed(graph: string): Job[] {
  const algo = (name: string, parameters: Record<string, unknown>) => JSON.stringify({ algorithmName: name, parameters });
  const at = (minutes: number) => DAY - minutes * 60_000;
  const id = (n: number) =>
    `${graph.length.toString(16).padStart(8, '0')}-0b0b-4${String(n).padStart(3, '0')}-8bbb-${String(n).padStart(12, '0')}`;
  const finished = { canStop: false, progress: 100 };
  return [
    {
      jobId: id(1),
      rawRequest: algo('pagerank', { alpha: 0.85 }),
      taskType: 'Algorithm',
      canStop: true,
      progress: 35,
      startMs: at(2),
      status: 'running',
      results: 0,
      counters: 'none',
    },
    {
      jobId: id(2),
      rawRequest: algo('k_hop', { k: 2, source: '7' }),
      taskType: 'Algorithm',
      canStop: false,
      progress: 0,
      startMs: at(3),
      status: 'pending',
      results: 0,
      counters: 'none',
    },
    {
      jobId: id(3),
      rawRequest: algo('shortest_path', { source: '46', target: '38' }),
      taskType: 'Algorithm',
      ...finished,
      startMs: at(5),
      endMs: at(5) + 800,
      status: 'success',
      results: 1,
      counters: 'none',
    },
    {
      jobId: id(4),
      rawRequest: algo('pagerank', { alpha: 0.85, max_iterations: 100 }),
      taskType: 'Algorithm',
      ...finished,
      startMs: at(9),
      endMs: at(8),
      status: 'success',
      results: 200,
      counters: 'data',
    },
    {
      jobId: id(5),
      rawRequest: algo('shortest_path', { source: '0000', target: '38' }),
      taskType: 'Algorithm',
      ...finished,
      startMs: at(12),
      endMs: at(12) + 300,
      status: 'failed',
      failReason: 'Running algorithm [shortest_path] error: parameter [source] is invalid!',
      results: 0,
      counters: 'none',
    },
    {
      jobId: id(6),
      rawRequest: algo('k_hop', { k: 3, source: '12' }),
      taskType: 'Algorithm',
      ...finished,
      startMs: at(15),
      endMs: at(14),
      status: 'success',
      results: 37,
      counters: 'outputs',
    },
    {
      jobId: id(7),
      rawRequest: importBody(graph),
      taskType: 'ImportGraph',
      ...finished,
      startMs: at(30),
      endMs: at(29),
      status: 'success',
      files: importFiles(at(30), 0),
      results: 0,
      counters: 'none',
    },
    {
      jobId: id(8),
      rawRequest: algo('k_hop', { k: 0, source: '3' }),
      taskType: 'Algorithm',
      ...finished,
      startMs: at(33),
      endMs: at(33) + 90,
      status: 'failed',
      failReason: 'Running algorithm [k_hop] error: parameter [k] is invalid!',
      results: 0,
      counters: 'none',
    },
    {
      jobId: id(9),
      rawRequest: algo('louvain', { convergence: 0.00001 }),
      taskType: 'Algorithm',
      ...finished,
      startMs: at(41),
      endMs: at(38),
      status: 'success',
      results: 120,
      counters: 'data',
    },
    {
      jobId: id(10),
      rawRequest: importBody(graph),
      taskType: 'ImportGraph',
      ...finished,
      startMs: at(55),
      endMs: at(54),
      status: 'failed',
      failReason: 'Import edge file [/user/ges/data/ranking_edge.csv] failed: 3 lines could not be parsed',
      files: importFiles(at(55), 3),
      results: 0,
      counters: 'none',
    },
    // The 2021 list page's spelling of a finished job.
    {
      jobId: id(11),
      rawRequest: '',
      taskType: 'ImportGraph',
      ...finished,
      startMs: at(90),
      endMs: at(89),
      status: 'complete',
      files: importFiles(at(90), 0),
      results: 0,
      counters: 'none',
    },
    {
      jobId: id(12),
      rawRequest: algo('connected_component', {}),
      taskType: 'Algorithm',
      ...finished,
      startMs: at(120),
      endMs: at(117),
      status: 'success',
      results: 64,
      counters: 'outputs',
    },
  ];
}

/** A job as the list shows it: times as timestamps (seconds for imports, milliseconds otherwise). */
function listed(job: Job): Record<string, unknown> {
  const time = (ms: number) => (job.taskType === 'ImportGraph' ? String(Math.floor(ms / 1000)) : String(ms));
  return {
    jobId: job.jobId,
    rawRequest: job.rawRequest,
    taskType: job.taskType,
    canStop: job.canStop,
    progress: job.progress,
    startTime: time(job.startMs),
    ...(job.endMs !== undefined ? { endTime: time(job.endMs) } : {}),
    status: job.status,
    ...(job.failReason !== undefined ? { failReason: job.failReason } : {}),
    ...(job.files !== undefined ? { files: job.files } : {}),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const gesError = (res: ServerResponse, status: number, errorCode: string, errorMessage: string) =>
  send(res, status, { errorMessage, errorCode });

/** The gateway's own refusal, in its own body. */
const gateway = (res: ServerResponse, status: number, code: string, message: string) =>
  send(res, status, { error_msg: message, error_code: code, request_id: randomUUID().replace(/-/g, '') });

const ok = (body: Record<string, unknown>) => ({ ...body, errorCode: '', errorMessage: '', result: 'success' });

/** A paging value: a non-negative integer (clamped to `max`), or why not. */
function paging(value: string | null, fallback: bigint, max?: bigint): bigint | 'format' | 'negative' {
  if (value === null) return fallback;
  if (!/^-?\d+$/.test(value)) return 'format';
  const n = BigInt(value);
  if (n < 0n) return 'negative';
  return max !== undefined && n > max ? max : n;
}

/** A page of a job's result, with its counters where the job keeps them. */
function resultData(job: Job, limit: bigint, offset: bigint): Record<string, unknown> | undefined {
  const request = job.rawRequest ? (JSON.parse(job.rawRequest) as { algorithmName?: string; parameters?: Record<string, unknown> }) : {};
  if (job.other?.kind === 'VertexQuery' || job.other?.kind === 'EdgeQuery') {
    // The vertex filter query page's result: the records and the counters inside outputs.
    const records = job.other.kind === 'VertexQuery' ? 'vertices' : 'edges';
    return {
      outputs: {
        [records]: [],
        data_return_size: 0,
        data_offset: Number(offset > 2_147_483_647n ? 2_147_483_647n : offset),
        data_total_size: 0,
      },
    };
  }
  if (job.taskType !== 'Algorithm') return undefined;
  if (SINGLE_VALUED.has(String(request.algorithmName))) {
    return { outputs: { path: [String(request.parameters?.source ?? '46'), '133', String(request.parameters?.target ?? '38')] } };
  }
  const start = offset > BigInt(job.results) ? job.results : Number(offset);
  const end = Math.min(job.results, start + Number(limit > 100_000n ? 100_000n : limit));
  const vertices = Array.from({ length: end - start }, (_, i) => ({
    id: String(start + i),
    [String(request.algorithmName)]: 1 / (start + i + 1),
  }));
  const counters = {
    data_return_size: vertices.length,
    data_offset: Number(offset > 2_147_483_647n ? 2_147_483_647n : offset),
    data_total_size: job.results,
  };
  return job.counters === 'data' ? { vertices, ...counters } : { outputs: { vertices, ...counters } };
}

/** Moves a job this engine started one step on (it is being asked about). */
function advance(job: Job, now: number, jobs: Job[]): void {
  if (job.other && (job.status === 'pending' || job.status === 'running')) {
    if (job.status === 'pending') Object.assign(job, { status: 'running', progress: 50 });
    else {
      Object.assign(job, { status: 'success', canStop: false, progress: 100, endMs: now });
      // The 2025 export page: the exported job is deleted once the export is done (erase, default true).
      const erased = jobs.findIndex((held) => held.jobId === job.other?.erases);
      if (erased >= 0) jobs.splice(erased, 1);
    }
    return;
  }
  if (!job.live || (job.status !== 'pending' && job.status !== 'running')) return;
  if (job.status === 'pending') {
    Object.assign(job, { status: 'running', progress: 50 });
    return;
  }
  if (CANCELLABLE.has(job.live.algorithm)) return; // long algorithms run until cancelled
  Object.assign(job, { canStop: false, progress: 100, endMs: now });
  if (job.live.failure !== undefined) Object.assign(job, { status: 'failed', failReason: job.live.failure });
  else Object.assign(job, { status: 'success', results: SINGLE_VALUED.has(job.live.algorithm) ? 1 : 25, counters: 'outputs' });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSON object body, or undefined. */
function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A list given and not empty (the pages' labels and filters are JSON arrays). */
const nonEmptyList = (value: unknown) => Array.isArray(value) && value.length > 0;

/** The algorithms and queries whose result the export page lists (2021 and 2025). */
const EXPORTABLE = new Set([
  'pagerank',
  'personalrank',
  'pixie',
  'louvain',
  'label_propagation',
  'connected_component',
  'kcore',
  'sssp',
  'shortest_path',
  'shortest_path_of_vertex_sets',
  'all_shortest_paths',
  'n_paths',
  'triangle_count',
  'cluster_coefficient',
  'degree_correlation',
  'closeness',
  'link_prediction',
  'betweenness',
  'edge_betweenness',
  'od_betweenness',
]);

/** Starts the engine on 127.0.0.1, port 0. */
export async function startIndependentEngineB(options: IndependentEngineBOptions = {}): Promise<IndependentEngineB> {
  const token = options.token ?? 'engine-b-token';
  const held = new Map<string, Job[]>();
  const indices = new Map<string, Set<string>>();
  const jobsOf = (project: string, graph: string): Job[] | undefined => {
    if (!(options.graphs ?? ['movie', 'ges_demo']).includes(graph)) return undefined;
    const key = `${project}-${graph}`;
    let jobs = held.get(key);
    if (!jobs) held.set(key, (jobs = seed(graph)));
    return jobs;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://engine-b');
    const match =
      /^\/ges\/v1\.0\/([A-Za-z0-9]{1,64})\/graphs\/([^/]+)\/(jobs\/status|jobs\/([^/]+)\/status|jobs\/([^/]+)\/action|jobs\/([^/]+)|action|vertices\/action|edges\/action|indices|indices\/([^/]+))$/.exec(
        url.pathname,
      );
    const given = req.headers['x-auth-token'];
    if (typeof given !== 'string' || given === '')
      return gateway(res, 401, 'APIGW.0301', 'Incorrect IAM authentication information: x-auth-token not found');
    if (given === options.forbiddenToken) return gateway(res, 403, 'APIGW.0302', 'The IAM user is not authorized to access this API.');
    if (given !== token) return gateway(res, 401, 'APIGW.0301', 'Incorrect IAM authentication information: verify aksk signature fail');
    if (!match) return gateway(res, 404, 'APIGW.0101', 'The API does not exist or has not been published in the environment.');
    const [, project, graph, rest, statusOf, exportOf, cancelOf, indexOf] = match as unknown as [
      string,
      string,
      string,
      string,
      string?,
      string?,
      string?,
      string?,
    ];
    const jobs = jobsOf(project, graph);
    // The index and export pages show their own code for a graph that does not exist.
    const graphCode =
      rest === 'indices' ? 'GES.8603' : indexOf !== undefined ? 'GES.8604' : exportOf !== undefined ? 'GES.8011' : undefined;
    if (!jobs && graphCode) return gesError(res, 400, graphCode, `graph [${graph}] is not found`);
    if (!jobs) {
      return send(res, 400, {
        errorMessage: `Graph [${project}-${graph}] does not exist, please check project_id and graph_name.`,
        errorCode: 'GES.8000',
        result: 'failed',
      });
    }

    if ((rest === 'jobs/status' || statusOf !== undefined) && req.method === 'GET') {
      const limit = paging(url.searchParams.get('limit'), MAX_LIMIT, MAX_LIMIT);
      const offset = paging(url.searchParams.get('offset'), 0n);
      if (limit === 'format' || offset === 'format') return gesError(res, 400, 'GES.8000', 'Incorrect parameter format.');
      if (limit === 'negative' || offset === 'negative') return gesError(res, 400, 'GES.8005', 'Incorrect parameter.');
      if (statusOf === undefined) {
        // Newest first; ties by jobId, highest first.
        const ordered = [...jobs].sort((a, b) => b.startMs - a.startMs || (a.jobId < b.jobId ? 1 : -1));
        const from = offset > BigInt(ordered.length) ? ordered.length : Number(offset);
        const page = ordered.slice(from, from + Number(limit)).map(listed);
        return send(res, 200, ok({ jobs: page, jobCount: jobs.length }));
      }
      const job = jobs.find((candidate) => candidate.jobId === statusOf);
      if (!job) return gesError(res, 400, 'GES.8301', `can not find job, jobId is ${statusOf}`);
      advance(job, Date.now(), jobs);
      if (job.status === 'failed') return gesError(res, 400, 'GES.8301', job.failReason ?? 'Running algorithm error!');
      if (job.status === 'pending') return send(res, 200, ok({ status: 'waiting' }));
      if (job.status === 'running') return send(res, 200, ok({ status: 'running' }));
      const data = resultData(job, limit, offset);
      return send(res, 200, ok({ status: 'complete', ...(data ? { data } : {}) }));
    }

    if (cancelOf !== undefined && req.method === 'DELETE') {
      const job = jobs.find((candidate) => candidate.jobId === cancelOf);
      if (!job || (job.status !== 'pending' && job.status !== 'running')) {
        return gesError(res, 400, 'GES.8303', `can not find job to cancel, id is ${cancelOf}`);
      }
      if (!job.canStop) return gesError(res, 400, 'GES.8303', 'Unsupported Operation');
      Object.assign(job, { status: 'failed', canStop: false, endMs: Date.now(), failReason: `Job [${job.jobId}] is canceled.` });
      return send(res, 200, { result: 'success' });
    }

    if (rest === 'action' && req.method === 'POST') {
      const body = await readBody(req);
      if (url.searchParams.get('action_id') !== 'execute-algorithm') return gesError(res, 400, 'GES.8000', 'Incorrect parameter format.');
      let request: { algorithmName?: unknown; parameters?: Record<string, unknown> };
      try {
        request = JSON.parse(body);
      } catch {
        return gesError(res, 400, 'GES.8000', 'Incorrect parameter format.');
      }
      if (!request || typeof request !== 'object' || Array.isArray(request))
        return gesError(res, 400, 'GES.8000', 'Incorrect parameter format.');
      const name = request.algorithmName;
      if (typeof name !== 'string' || name === '') return gesError(res, 400, 'GES.8401', 'The algorithm or graph name cannot be empty.');
      if (!ALGORITHMS.has(name)) return gesError(res, 400, 'GES.8402', 'Failed to run the algorithm.');
      const parameters = request.parameters ?? {};
      const badVertex = ['source', 'target'].find((key) => key in parameters && !isVertex(parameters[key]));
      const job: Job = {
        jobId: randomUUID(),
        rawRequest: JSON.stringify(request),
        taskType: 'Algorithm',
        canStop: CANCELLABLE.has(name),
        progress: 0,
        startMs: Date.now(),
        status: 'pending',
        live: {
          algorithm: name,
          ...(badVertex ? { failure: `Running algorithm [${name}] error: parameter [${badVertex}] is invalid!` } : {}),
        },
        results: 0,
        counters: 'none',
      };
      jobs.push(job);
      return send(res, 200, { errorMessage: '', errorCode: '', jobId: job.jobId, jobType: 1 });
    }

    const start = (taskType: string, rawRequest: string, other: NonNullable<Job['other']>, canStop: boolean): Job => {
      const job: Job = {
        jobId: randomUUID(),
        rawRequest,
        taskType,
        canStop,
        progress: 0,
        startMs: Date.now(),
        status: 'pending',
        other,
        results: 0,
        counters: 'none',
      };
      jobs.push(job);
      return job;
    };

    if ((rest === 'vertices/action' || rest === 'edges/action') && req.method === 'POST') {
      const body = await readBody(req);
      if (url.searchParams.get('action_id') !== 'query') return gesError(res, 400, 'GES.8000', 'Incorrect parameter format.');
      const request = jsonObject(body);
      if (!request) return gesError(res, 400, 'GES.8000', 'Incorrect parameter format.');
      const vertices = rest === 'vertices/action';
      const filters = vertices ? 'vertexFilters' : 'edgeFilters';
      if (!nonEmptyList(request.labels) && !nonEmptyList(request[filters]))
        return gesError(res, 400, vertices ? 'GES.8203' : 'GES.8103', `Bad Request, parameter labels and ${filters} cannot all be null`);
      // The cancel pages list both filter queries among the jobs that can be cancelled.
      const job = start(
        vertices ? 'VertexQuery' : 'EdgeQuery',
        JSON.stringify(request),
        { kind: vertices ? 'VertexQuery' : 'EdgeQuery' },
        true,
      );
      return send(res, 200, { jobId: job.jobId, jobType: vertices ? 1 : 0 });
    }

    const named = indices.get(`${project}-${graph}`) ?? new Set<string>();
    indices.set(`${project}-${graph}`, named);
    if (rest === 'indices' && req.method === 'POST') {
      const request = jsonObject(await readBody(req));
      const name = request?.indexName;
      if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,62}$/.test(name) || named.has(name))
        return gesError(res, 400, 'GES.8603', 'Failed to create an index.');
      if (!['GlobalCompositeVertexIndex', 'GlobalCompositeEdgeIndex', 'FullTextIndex'].includes(String(request?.indexType)))
        return gesError(res, 400, 'GES.8603', 'Failed to create an index.');
      named.add(name);
      // The cancel pages list "add index" among the jobs that can be cancelled.
      const job = start('AddIndex', JSON.stringify(request), { kind: 'AddIndex' }, true);
      return send(res, 200, { jobId: job.jobId, jobType: 8 });
    }
    if (indexOf !== undefined && req.method === 'DELETE') {
      const name = decodeURIComponent(indexOf);
      if (!named.has(name)) return gesError(res, 400, 'GES.8604', 'Failed to delete an index.');
      named.delete(name);
      const job = start('DeleteIndex', '', { kind: 'DeleteIndex' }, false);
      return send(res, 200, { jobId: job.jobId, jobType: 9 });
    }
    if (exportOf !== undefined && req.method === 'POST') {
      const request = jsonObject(await readBody(req));
      if (url.searchParams.get('action_id') !== 'export-result' || typeof request?.exportPath !== 'string')
        return gesError(res, 400, 'GES.8000', 'Incorrect parameter format.');
      const exported = jobs.find((candidate) => candidate.jobId === decodeURIComponent(exportOf));
      const algorithm =
        exported?.live?.algorithm ?? (exported?.rawRequest ? String(jsonObject(exported.rawRequest)?.algorithmName ?? '') : '');
      const exportable =
        exported?.other?.kind === 'VertexQuery' ||
        exported?.other?.kind === 'EdgeQuery' ||
        (exported?.taskType === 'Algorithm' && EXPORTABLE.has(algorithm));
      if (exported?.status !== 'success' || !exportable) return gesError(res, 400, 'GES.8011', 'Failed to export a graph.');
      const job = start(
        'ExportResult',
        JSON.stringify(request),
        { kind: 'ExportResult', ...(request.erase === false ? {} : { erases: exported.jobId }) },
        false,
      );
      return send(res, 200, { jobId: job.jobId });
    }
    return gateway(res, 404, 'APIGW.0101', 'The API does not exist or has not been published in the environment.');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => gesError(res, 400, 'GES.8000', 'Incorrect parameter format.'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
