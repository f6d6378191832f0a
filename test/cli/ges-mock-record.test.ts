import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killGesMockProcesses, runGesMock, startGesMockProcess, type GesMockProcess } from '../support/ges-mock-process.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const TOKEN = 'record-secret-token';
const listPath = (graph: string) => `/ges/v1.0/${PROJECT}/graphs/${graph}/jobs/status`;

/** A scripted engine on port 0: `answer` sees every request. */
async function startScripted(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server, requests };
}

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const recordArgs = (url: string, ...more: string[]) => ['record', '--base-url', url, '--project-id', PROJECT, '--token', TOKEN, ...more];

describe('ges-mock record', { timeout: 120_000 }, () => {
  let source: GesMockProcess;
  /** Real jobs as a mock lists them, for the scripted engines. */
  let realJobs: Record<string, unknown>[];

  beforeAll(async () => {
    // Speed 0: the source's jobs hold still, so a recording and a later listing can be compared.
    source = await startGesMockProcess(['serve', '--port', '0', '--speed', '0', '--jobs', '25']);
    const answer = await fetch(`${source.url}${listPath('movie')}?limit=12&offset=0`, { headers: { 'x-auth-token': 'x' } });
    realJobs = ((await answer.json()) as { jobs: Record<string, unknown>[] }).jobs;
  });
  afterAll(async () => {
    await source.stop();
    killGesMockProcesses();
  });

  it('records every job of each graph from a running mock, in list order and field for field, and never writes the token', async () => {
    const submitted = await fetch(`${source.url}/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { 'x-auth-token': 'x', 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
    });
    expect(submitted.status).toBe(200);
    const out = join(mkdtempSync(join(tmpdir(), 'ges-record-')), 'recorded.json');
    const run = await runGesMock(
      recordArgs(source.url, '--graph', 'movie', '--graph', 'social_network', '--page-size', '10', '--out', out),
    );
    expect(run.stderr).toMatch(/movie: 26 jobs recorded \(jobCount 26, 3 pages\), no violations/);
    expect(run.stderr).toMatch(/social_network: 25 jobs recorded/);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text + run.stdout + run.stderr).not.toContain(TOKEN);
    const document = JSON.parse(text) as { now: string; graphs: Record<string, { jobs: unknown[] }>; recording: Record<string, unknown> };
    for (const graph of ['movie', 'social_network']) {
      const listed = await fetch(`${source.url}${listPath(graph)}`, { headers: { 'x-auth-token': 'x' } });
      expect(document.graphs[graph]!.jobs).toEqual(((await listed.json()) as { jobs: unknown[] }).jobs);
    }
    expect(Number.isNaN(Date.parse(document.now))).toBe(false);
    expect(document.recording).toMatchObject({ source: source.url, projectId: PROJECT, violations: 0 });

    // The round trip: `serve --fixtures` of the recording (another seed, any project) lists the same jobs,
    // serves only the graphs the engine had, and its start-up line says what it serves.
    const replay = await startGesMockProcess(['serve', '--port', '0', '--seed', '9', '--fixtures', out]);
    try {
      for (const graph of ['movie', 'social_network']) {
        const served = await fetch(`${replay.url}/ges/v1.0/anotherproject/graphs/${graph}/jobs/status`, {
          headers: { 'x-auth-token': 'x' },
        });
        expect(((await served.json()) as { jobs: unknown[] }).jobs).toEqual(document.graphs[graph]!.jobs);
      }
      const never = await fetch(`${replay.url}/ges/v1.0/anotherproject/graphs/supply_chain/jobs/status`, {
        headers: { 'x-auth-token': 'x' },
      });
      expect(never.status).toBe(400);
      expect(replay.banner).toMatch(/\(seed 9, movie 26 jobs · social_network 25 jobs\)/);
      expect(replay.banner).toContain(`a recording of ${source.url} (project ${PROJECT})`);
      expect(replay.banner).toContain(`/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`);
    } finally {
      await replay.stop();
    }
  });

  it('writes the document to stdout by default', async () => {
    const run = await runGesMock(recordArgs(source.url, '--graph', 'supply_chain'));
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { graphs: Record<string, { jobs: unknown[] }> }).graphs.supply_chain!.jobs).toHaveLength(25);
  });

  it('retries 429 and 503 answers and then records', async () => {
    let calls = 0;
    const engine = await startScripted((_req, res) => {
      calls++;
      if (calls === 1) return sendJson(res, 429, { errorCode: 'APIGW.0308', errorMessage: 'throttled' }, { 'retry-after': '0' });
      if (calls === 2) return sendJson(res, 503, { errorCode: 'GES.8602', errorMessage: 'busy', result: 'failed' }, { 'retry-after': '0' });
      sendJson(res, 200, { jobs: realJobs, jobCount: realJobs.length });
    });
    try {
      const run = await runGesMock(recordArgs(engine.url, '--graph', 'movie'));
      expect(run.stderr).toMatch(/answered 429; retrying/);
      expect(run.stderr).toMatch(/answered 503; retrying/);
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as { graphs: { movie: { jobs: unknown[] } } }).graphs.movie.jobs).toEqual(realJobs);
    } finally {
      await closeServer(engine.server);
    }
  });

  it('exits 2 with a clear message, writing nothing, when the token is refused', async () => {
    const engine = await startScripted((_req, res) =>
      sendJson(res, 401, { errorCode: 'GES.8007', errorMessage: 'Invalid token.', result: 'failed' }),
    );
    const out = join(mkdtempSync(join(tmpdir(), 'ges-record-')), 'recorded.json');
    try {
      const run = await runGesMock(recordArgs(engine.url, '--graph', 'movie', '--out', out));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the token was refused listing graph movie \(401 GES\.8007 Invalid token\.\)/);
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
      expect(existsSync(out)).toBe(false);
    } finally {
      await closeServer(engine.server);
    }
  });

  it('exits 2 naming the graph when the engine does not have it', async () => {
    const run = await runGesMock(recordArgs(source.url, '--graph', 'movie', '--graph', 'no_such_graph'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/graph no_such_graph does not exist in project 0123456789abcdef0123456789abcdef/);
    expect(run.stdout).toBe('');
  });

  it('exits 2 when nothing listens at the base URL', async () => {
    const engine = await startScripted(() => undefined);
    await closeServer(engine.server);
    const run = await runGesMock(recordArgs(engine.url, '--graph', 'movie'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+\/ges\/v1\.0\/.*ECONNREFUSED/);
  });

  it('exits 2 when the base URL answers something that is not JSON', async () => {
    const engine = await startScripted((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Sign in</body></html>');
    });
    try {
      const run = await runGesMock(recordArgs(engine.url, '--graph', 'movie'));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/not JSON: "<html><body>Sign in/);
    } finally {
      await closeServer(engine.server);
    }
  });

  it('exits 1 for a job that breaks an invariant, keeps it as it came and notes it in the document', async () => {
    const broken: Record<string, unknown> = { ...realJobs.find((job) => job.status === 'success')!, progress: '40' };
    const jobs = [broken, ...realJobs.filter((job) => job.jobId !== broken.jobId)];
    const engine = await startScripted((_req, res) => sendJson(res, 200, { jobs, jobCount: jobs.length }));
    try {
      const run = await runGesMock(recordArgs(engine.url, '--graph', 'movie'));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`movie: ${jobs.length} jobs recorded .*1 violation`));
      expect(run.stderr).toMatch(/is successful at progress 40/);
      const document = JSON.parse(run.stdout) as {
        graphs: { movie: { jobs: unknown[] } };
        recording: { violations: number; graphs: { movie: { violations: { jobId: string }[] } } };
      };
      expect(document.graphs.movie.jobs).toEqual(jobs);
      expect(document.recording.violations).toBe(1);
      expect(document.recording.graphs.movie.violations[0]!.jobId).toBe(broken.jobId);
    } finally {
      await closeServer(engine.server);
    }
  });

  it("records all 25 jobs of an engine whose jobCount is the page's length, warns and exits 1", async () => {
    const listed = await fetch(`${source.url}${listPath('social_network')}?limit=100&offset=0`, { headers: { 'x-auth-token': 'x' } });
    const jobs = ((await listed.json()) as { jobs: Record<string, unknown>[] }).jobs;
    expect(jobs).toHaveLength(25);
    const engine = await startScripted((req, res) => {
      const query = new URL(req.url ?? '/', 'http://engine').searchParams;
      const offset = Number(query.get('offset'));
      const page = jobs.slice(offset, offset + Number(query.get('limit')));
      sendJson(res, 200, { jobs: page, jobCount: page.length });
    });
    try {
      const run = await runGesMock(recordArgs(engine.url, '--graph', 'movie', '--page-size', '10'));
      expect(run.stderr).toMatch(/movie: 25 jobs recorded \(jobCount 5, 3 pages\), 1 violation/);
      expect(run.stderr).toContain('ges-mock record: warning: movie: jobCount says at most 10 but 25 jobs were read');
      expect(run.code).toBe(1);
      expect(engine.requests.map((url) => new URL(url, 'http://engine').searchParams.get('offset'))).toEqual(['0', '10', '20']);
      const document = JSON.parse(run.stdout) as {
        graphs: { movie: { jobs: unknown[] } };
        recording: { violations: number; graphs: { movie: { violations: { problems: string[] }[] } } };
      };
      expect(document.graphs.movie.jobs).toEqual(jobs);
      expect(document.recording.violations).toBe(1);
      expect(document.recording.graphs.movie.violations[0]!.problems[0]).toMatch(
        /^jobCount says at most 10 but the pages held 25 distinct jobs/,
      );
    } finally {
      await closeServer(engine.server);
    }
  });

  it('reads the target from GES_BASE_URL, GES_PROJECT_ID, GES_GRAPH and GES_TOKEN', async () => {
    const engine = await startScripted((req, res) =>
      req.headers['x-auth-token'] === TOKEN
        ? sendJson(res, 200, { jobs: [], jobCount: 0 })
        : sendJson(res, 401, { errorCode: 'GES.8007', errorMessage: 'Invalid token.' }),
    );
    try {
      const { runProcess } = await import('../support/run-process.js');
      const run = await runProcess(process.execPath, ['bin/ges-mock.js', 'record'], {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        env: { ...process.env, GES_BASE_URL: engine.url, GES_PROJECT_ID: PROJECT, GES_GRAPH: 'movie,social_network', GES_TOKEN: TOKEN },
      });
      expect(run.code).toBe(0);
      expect(engine.requests.map((url) => url.split('?')[0])).toEqual([listPath('movie'), listPath('social_network')]);
    } finally {
      await closeServer(engine.server);
    }
  });

  it('exits 2 on a usage error', async () => {
    const run = await runGesMock(['record', '--base-url', 'http://127.0.0.1:4010', '--project-id', PROJECT]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--graph \(or GES_GRAPH\) is required/);
  });
});
