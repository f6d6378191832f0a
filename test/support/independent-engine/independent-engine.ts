/**
 * A second, independent GES job engine for the test suite: a small node:http server written from
 * openapi.yaml and docs/reference/ges-jobs-api.md alone, importing nothing of the kit, so that the
 * recorder, the replay and the contract kit meet an implementation this code base did not produce.
 *
 * It behaves like a non-memory edition: plain UUID jobIds, integer progress, times as ISO 8601 with a
 * zone or as millisecond timestamps, an extra `jobType` field. With `forms: 'every'` its jobs draw
 * among every form the spec allows and the status variants of other versions (complete,
 * partiallyFailed). Its jobs never move on their own (no timers): only a submission or a cancel
 * changes the list, so a recording and a later read agree.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options of startIndependentEngine. */
export interface IndependentEngineOptions {
  /** The token accepted on every project. Default "independent-token". */
  token?: string;
  /** A token accepted on no project: answered 403. */
  forbiddenToken?: string;
  /** Graphs it holds. Default movie and social_network. */
  graphs?: readonly string[];
  /** `plain`: its own forms (default); `every`: every form the spec allows, status variants too. */
  forms?: 'plain' | 'every';
  /** Jobs per graph. Default 24. */
  jobs?: number;
}

/** A running independent engine. */
export interface IndependentEngine {
  url: string;
  close(): Promise<void>;
}

type Job = Record<string, unknown> & { jobId: string; status: string; startMs: number };

/** 2024-05-23 10:00:00 China time: the seeded jobs lie before it. */
const ANCHOR_MS = Date.UTC(2024, 4, 23, 2, 0, 0);
const CANCELLABLE = new Set(['pagerank', 'personalrank', 'kcore', 'connected_component', 'label_propagation', 'louvain', 'topicrank']);

/** A small deterministic generator (LCG): the seeded jobs are the same on every start. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `ms` in one of the time forms of the spec (JobTime). */
function timeText(ms: number, form: number): string {
  const china = new Date(ms + 8 * 3_600_000).toISOString();
  switch (form) {
    case 0:
      return new Date(ms).toISOString(); // 2024-05-23T01:54:00.000Z
    case 1:
      return String(ms); // milliseconds
    case 2:
      return `${china.slice(0, 10)} ${china.slice(11, 19)}`; // China time, no zone
    case 3:
      return String(Math.floor(ms / 1000)); // seconds
    case 4:
      return String(ms * 1000); // microseconds
    default:
      return `${china.slice(0, 19)}+08:00`;
  }
}

function seedJobs(graph: string, count: number, every: boolean): Job[] {
  const next = lcg([...graph].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7));
  const jobs: Job[] = [];
  for (let i = 0; i < count; i++) {
    const startMs = ANCHOR_MS - (i + 1) * 47_000 - Math.floor(next() * 1000);
    const timeForm = every ? i % 6 : i % 2;
    const asText = every && next() < 0.5;
    const roll = next();
    const status = i === 0 ? 'pending' : i === 1 ? 'running' : roll < 0.2 ? 'failed' : 'success';
    const importing = i % 5 === 3;
    const runMs = 1000 + Math.floor(next() * 90_000);
    const progress = status === 'pending' ? 0 : status === 'running' ? 40 : status === 'failed' ? 60 : 100;
    const job: Job = {
      jobId: uuidFrom(next),
      rawRequest: importing
        ? ''
        : JSON.stringify({
            algorithmName: i % 3 === 0 ? 'pagerank' : 'k_hop',
            parameters: i % 3 === 0 ? { alpha: 0.85 } : { k: 2, source: 'Alice' },
          }),
      taskType: importing ? 'ImportGraph' : 'Algorithm',
      // Only the algorithms the cancel page lists can be stopped, and only while they run [doc].
      canStop: (status === 'running' || status === 'pending') && (importing || i % 3 === 0),
      progress: asText ? String(progress) : progress,
      startTime: timeText(startMs, timeForm),
      status,
      jobType: importing ? 0 : 1,
      startMs,
    };
    if (importing) {
      const lines = 1000 + Math.floor(next() * 5000);
      const failedLines = status === 'failed' ? 7 : 0;
      const fileStatus = status === 'running' ? 'running' : status === 'failed' ? 'failed' : 'success';
      const done = status === 'running' ? Math.floor(lines / 2) : lines - failedLines;
      job.files = [
        {
          edgeFiles: [
            {
              fileName: '/data/edges.csv',
              totalLines: lines,
              successfulLines: done,
              failedLines,
              startTime: startMs * 1000 + 1000,
              endTime: startMs * 1000 + 900_000,
              status: fileStatus,
            },
          ],
        },
      ];
    }
    if (status === 'failed')
      job.failReason = importing
        ? 'Import edge file [/data/edges.csv] failed: 7 lines could not be parsed'
        : 'Running algorithm [k_hop] error: parameter [source] is invalid!';
    if (status === 'success' || status === 'failed') job.endTime = timeText(startMs + runMs, timeForm);
    if (every && status === 'success' && i % 4 === 0) job.status = 'complete';
    if (every && status === 'failed' && importing) {
      job.status = 'partiallyFailed';
      delete job.failReason; // the spec allows failReason on `failed` only
    }
    jobs.push(job);
  }
  return jobs;
}

/** Newest start first, ties by jobId: the order both documented examples show. */
const byNewest = (a: Job, b: Job) => b.startMs - a.startMs || (a.jobId < b.jobId ? -1 : 1);

/** The job as the list shows it: without the engine's own bookkeeping. */
function served(job: Job): Record<string, unknown> {
  const { startMs: _ignored, ...rest } = job;
  return rest;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const gesError = (res: ServerResponse, status: number, errorCode: string, errorMessage: string) =>
  send(res, status, { errorMessage, errorCode, result: 'failed' });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 1_048_576) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** A non-negative integer parameter, or why not. */
function paging(value: string | null, fallback: number, max: number): number | 'format' | 'range' {
  if (value === null) return fallback;
  if (!/^-?\d+$/.test(value)) return 'format';
  const n = Number(value);
  return n < 0 || n > max ? 'range' : n;
}

/** Starts the engine on 127.0.0.1, port 0. */
export async function startIndependentEngine(options: IndependentEngineOptions = {}): Promise<IndependentEngine> {
  const token = options.token ?? 'independent-token';
  const every = options.forms === 'every';
  const graphs = new Map<string, Map<string, Job[]>>();
  const jobsOf = (project: string, graph: string): Job[] | undefined => {
    if (!(options.graphs ?? ['movie', 'social_network']).includes(graph)) return undefined;
    let byGraph = graphs.get(project);
    if (!byGraph) graphs.set(project, (byGraph = new Map()));
    let jobs = byGraph.get(graph);
    if (!jobs) byGraph.set(graph, (jobs = seedJobs(graph, options.jobs ?? 24, every)));
    return jobs;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://engine');
    const match = /^\/ges\/v1\.0\/([A-Za-z0-9]{1,64})\/graphs\/([^/]+)\/(jobs\/status|jobs\/([^/]+)\/status|jobs\/([^/]+)|action)$/.exec(
      url.pathname,
    );
    if (!match) return gesError(res, 404, 'GES.8000', 'The requested path is not an API of this engine.');
    const given = req.headers['x-auth-token'];
    if (typeof given !== 'string' || given === '') return gesError(res, 401, 'GES.8007', 'Invalid token.');
    if (given === options.forbiddenToken) return gesError(res, 403, 'GES.8006', 'Invalid resource access.');
    if (given !== token) return gesError(res, 401, 'GES.8007', 'Invalid token.');
    const [, project, graph, rest, statusOf, cancelOf] = match as unknown as [string, string, string, string, string?, string?];
    const jobs = jobsOf(project, graph);
    if (!jobs) return gesError(res, 400, 'GES.8000', `graph : ${graph} not exist`);

    if (rest === 'jobs/status' && req.method === 'GET') {
      const limit = paging(url.searchParams.get('limit'), 100_000, 100_000);
      const offset = paging(url.searchParams.get('offset'), 0, 2_147_483_647); // openapi.yaml: offset is an int32
      if (limit === 'format' || offset === 'format') return gesError(res, 400, 'GES.8000', 'Incorrect parameter format.');
      if (limit === 'range' || offset === 'range') return gesError(res, 400, 'GES.8005', 'Parameter error!');
      const ordered = [...jobs].sort(byNewest);
      return send(res, 200, { jobs: ordered.slice(offset, offset + limit).map(served), jobCount: jobs.length });
    }
    if (statusOf !== undefined && req.method === 'GET') {
      const job = jobs.find((j) => j.jobId === statusOf);
      if (!job) return gesError(res, 400, 'GES.8301', `can not find job, jobId is ${statusOf}`);
      if (job.status === 'success' || job.status === 'complete')
        return send(res, 200, {
          status: job.status,
          data: { outputs: {}, data_return_size: 0, data_offset: 0, data_total_size: 0 },
          result: 'success',
        });
      if (job.status === 'failed')
        return send(res, 200, { status: job.status, errorMessage: String(job.failReason ?? ''), result: 'success' });
      return send(res, 200, { status: job.status, result: 'success' });
    }
    if (cancelOf !== undefined && req.method === 'DELETE') {
      const job = jobs.find((j) => j.jobId === cancelOf);
      if (job?.canStop !== true) return gesError(res, 400, 'GES.8303', `can not find job to cancel, id is ${cancelOf}`);
      Object.assign(job, { status: 'failed', canStop: false, failReason: 'The job was cancelled.', endTime: new Date().toISOString() });
      return send(res, 200, {});
    }
    if (rest === 'action' && req.method === 'POST' && url.searchParams.get('action_id') === 'execute-algorithm') {
      const body = await readBody(req);
      let request: { algorithmName?: unknown };
      try {
        request = JSON.parse(body) as { algorithmName?: unknown };
      } catch {
        return gesError(res, 400, 'GES.8000', 'Incorrect parameter format.');
      }
      if (typeof request?.algorithmName !== 'string' || request.algorithmName === '')
        return gesError(res, 400, 'GES.8401', 'The algorithm name is empty.');
      const startMs = Date.now();
      const job: Job = {
        jobId: randomUUID(),
        rawRequest: body,
        taskType: 'Algorithm',
        canStop: CANCELLABLE.has(request.algorithmName),
        progress: 0,
        startTime: new Date(startMs).toISOString(),
        status: 'running',
        jobType: 1,
        startMs,
      };
      jobs.push(job);
      return send(res, 200, { jobId: job.jobId, jobType: 1 });
    }
    return gesError(res, 404, 'GES.8000', 'The requested path is not an API of this engine.');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => gesError(res, 400, 'GES.8000', 'Incorrect parameter format.'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
