import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureDocument } from '../../src/fixtures/fixture-types.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { AUTH, call, createTestApi, envelope } from '../support/api-client.js';

const A = 'aaaa0000aaaa0000aaaa0000aaaa0000';
const B = 'bbbb0000bbbb0000bbbb0000bbbb0000';
const list = (project: string) => `/ges/v1.0/${project}/graphs/movie/jobs/status?limit=100`;
const control = { 'content-type': 'application/json' };

/** One failed job naming its world, and one running job that ends in ten minutes. */
const docOf = (reason: string): FixtureDocument => ({
  graphs: {
    movie: {
      jobs: [
        { status: 'failed', failReason: reason, taskType: 'Algorithm', rawRequest: '{"algorithmName":"pagerank"}' },
        { status: 'running', runFor: '10m', taskType: 'ImportGraph' },
      ],
    },
  },
});

type Job = { jobId: string; status: string; failReason?: string };
const jobsOf = async (api: ReturnType<typeof createTestApi>, project: string): Promise<Job[]> =>
  (await call(api, 'GET', list(project))).json.jobs;

describe('isolated worlds, in process', () => {
  it('gives each world its own fixtures, and leaves other projects on the shared seeds', async () => {
    const api = createTestApi();
    await Promise.all([
      call(api, 'PUT', `/__mock/projects/${A}/fixtures`, { headers: control, body: JSON.stringify(docOf('A broke')) }),
      call(api, 'PUT', `/__mock/projects/${B}/fixtures`, { headers: control, body: JSON.stringify(docOf('B broke')) }),
    ]);
    const [a, b, other] = await Promise.all([jobsOf(api, A), jobsOf(api, B), jobsOf(api, '0123456789abcdef0123456789abcdef')]);
    expect(a.map((j) => j.failReason).filter(Boolean)).toEqual(['A broke']);
    expect(b.map((j) => j.failReason).filter(Boolean)).toEqual(['B broke']);
    expect(a).toHaveLength(2);
    expect(other).toHaveLength(60);
  });

  it("resets one world without undoing another's cancel", async () => {
    const api = createTestApi();
    api.world(A).loadFixtures(docOf('A'));
    api.world(B).loadFixtures(docOf('B'));
    const runningB = (await jobsOf(api, B)).find((j) => j.status === 'running')!;
    expect((await call(api, 'DELETE', `/ges/v1.0/${B}/graphs/movie/jobs/${runningB.jobId}`)).status).toBe(200);
    const runningA = (await jobsOf(api, A)).find((j) => j.status === 'running')!;
    await call(api, 'DELETE', `/ges/v1.0/${A}/graphs/movie/jobs/${runningA.jobId}`);
    expect((await call(api, 'POST', `/__mock/projects/${A}/reset`, { headers: control })).status).toBe(200);
    // A is back to its start (the shared seeds); B keeps its fixtures and its cancel.
    expect(await jobsOf(api, A)).toHaveLength(60);
    const b = await jobsOf(api, B);
    expect(b.find((j) => j.jobId === runningB.jobId)).toMatchObject({ status: 'failed', failReason: 'Job was cancelled by the user.' });
  });

  it("moves one world's clock alone", async () => {
    const api = createTestApi();
    api.world(A).loadFixtures(docOf('A'));
    api.world(B).loadFixtures(docOf('B'));
    const before = api.world(B).clock.now();
    const moved = await call(api, 'POST', `/__mock/projects/${A}/clock`, { headers: control, body: '{"advanceMs": 3600000}' });
    expect(moved.json).toEqual({ now: before + 3_600_000, advancedMs: 3_600_000 });
    expect((await jobsOf(api, A)).map((j) => j.status).sort()).toEqual(['failed', 'success']);
    expect((await jobsOf(api, B)).map((j) => j.status).sort()).toEqual(['failed', 'running']);
    expect(api.world(B).clock.now()).toBe(before);
    expect(api.clock.now()).toBe(before);

    const to = new Date(before + 7_200_000).toISOString();
    expect((await call(api, 'POST', `/__mock/projects/${B}/clock`, { headers: control, body: JSON.stringify({ to }) })).json.now).toBe(
      before + 7_200_000,
    );
    expect((await jobsOf(api, B)).map((j) => j.status).sort()).toEqual(['failed', 'success']);
    const back = await call(api, 'POST', `/__mock/projects/${B}/clock`, {
      headers: control,
      body: JSON.stringify({ to: new Date(before).toISOString() }),
    });
    expect(back.status).toBe(400);
    expect(back.json).toEqual(envelope('GES.8000'));
  });

  it("injects one world's faults into its requests only", async () => {
    const api = createTestApi();
    const put = await call(api, 'PUT', `/__mock/projects/${A}/faults`, {
      headers: control,
      body: '{"nextFailures": {"count": 5, "status": 503}}',
    });
    expect(put.json).toEqual({ nextFailures: { count: 5, status: 503 } });
    const [a, b] = await Promise.all([call(api, 'GET', list(A)), call(api, 'GET', list(B))]);
    expect(a.status).toBe(503);
    expect(b.status).toBe(200);
    expect((await call(api, 'GET', '/__mock/faults', { headers: {} })).json).toEqual({});
    expect((await call(api, 'GET', `/__mock/projects/${A}/state`, { headers: {} })).json).toMatchObject({
      project: A,
      ownFaults: true,
      faults: { nextFailures: { count: 4 } },
    });
    await call(api, 'DELETE', `/__mock/projects/${A}/faults`, { headers: {} });
    expect((await call(api, 'GET', list(A))).status).toBe(200);
  });

  it('keeps the global routes acting on every world', async () => {
    const api = createTestApi();
    api.world(A).loadFixtures(docOf('A'));
    api.world(B).faults.set({ nextFailures: { count: 1, status: 500 } });
    await call(api, 'PUT', '/__mock/faults', { headers: control, body: '{"nextFailures": {"count": 2, "status": 503}}' });
    expect((await call(api, 'GET', list(A))).status).toBe(503);
    expect((await call(api, 'GET', list(B))).status).toBe(503); // the world's own faults gave way to the global ones
    const start = api.clock.now();
    await call(api, 'POST', '/__mock/clock', { headers: control, body: '{"advanceMs": 1000}' });
    expect(api.world(A).clock.now()).toBe(start + 1000);
    expect(api.world(B).clock.now()).toBe(start + 1000);
    await call(api, 'POST', '/__mock/reset', { headers: control });
    expect(await jobsOf(api, A)).toHaveLength(60);
    expect(api.world(A).state().ownFixtures).toBe(false);
  });

  it('keeps every world, its fixtures and its clock, in the whole snapshot', async () => {
    const api = createTestApi();
    api.world(A).loadFixtures(docOf('A kept'));
    api.world(A).clock.advance(5 * 60_000);
    api.world(B).clock.advance(60 * 60_000);
    const snapshot = api.snapshot();
    expect(snapshot.projects?.[A]?.now).toBe(new Date(api.world(A).clock.now()).toISOString());
    const restored = createTestApi({ fixtures: snapshot });
    expect(restored.world(A).clock.now()).toBe(api.world(A).clock.now());
    expect(restored.world(B).clock.now()).toBe(api.world(B).clock.now());
    expect(await jobsOf(restored, A)).toEqual(await jobsOf(api, A));
    expect(await jobsOf(restored, B)).toEqual(await jobsOf(api, B));
    // A world's own snapshot is a document for that world alone.
    const own = api.world(A).snapshot();
    expect(own.projects).toBeUndefined();
    expect(own.graphs?.['movie']?.jobs).toHaveLength(2);
  });

  it('tells onChange which world changed', () => {
    const changes: unknown[] = [];
    const api = createTestApi({ onChange: (change) => changes.push(change) });
    api.world(A).loadFixtures(docOf('A'));
    api.world(A).clock.advance(1);
    api.world(A).reset();
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'fixtures', world: A }),
      expect.objectContaining({ kind: 'clock', world: A, advanceMs: 1 }),
      expect.objectContaining({ kind: 'reset', world: A }),
    ]);
  });

  it('bounds worlds by the project cap', async () => {
    const api = createTestApi({ maxProjects: 1 });
    api.world(A).loadFixtures(docOf('A'));
    const refused = await call(api, 'PUT', `/__mock/projects/${B}/fixtures`, { headers: control, body: JSON.stringify(docOf('B')) });
    expect(refused.status).toBe(400);
    expect(refused.json.errorMessage).toMatch(/Too many projects/);
    expect(() => api.world(B).clock.advance(1)).toThrow(RangeError);
    api.world(A).reset(); // a reset world holds nothing: its place is free again
    expect(() => api.world(B).clock.advance(1)).not.toThrow();
  });

  it('refuses a bad project id, and a document naming another project', async () => {
    const api = createTestApi();
    expect((await call(api, 'GET', '/__mock/projects/not-a-project!/state', { headers: {} })).json).toEqual(envelope('GES.8000'));
    const other = await call(api, 'PUT', `/__mock/projects/${A}/fixtures`, {
      headers: control,
      body: JSON.stringify({ projects: { [B]: { graphs: {} } } }),
    });
    expect(other.status).toBe(400);
    expect(other.json.errorMessage).toMatch(/only its own project/);
    expect((await call(api, 'POST', `/__mock/projects/${A}/reset`, { headers: control, body: '{"seed": 2}' })).status).toBe(400);
    expect((await call(api, 'GET', `/__mock/projects/${A}/nothing`, { headers: {} })).status).toBe(404);
    expect(() => api.world('no way')).toThrow(TypeError);
  });
});

describe('isolated worlds, through a real socket', () => {
  let server: GesServer;
  beforeAll(async () => {
    server = await startGesServer({ port: 0 });
  });
  afterAll(() => server.close());

  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...AUTH, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as any };
  };

  it('serves concurrent worlds with no cross-talk', async () => {
    const worlds = Array.from({ length: 6 }, (_, i) => `${i}`.repeat(32));
    await Promise.all(worlds.map((p) => send('PUT', `/__mock/projects/${p}/fixtures`, docOf(`reason ${p}`))));
    await Promise.all(
      worlds.filter((_, i) => i % 2 === 0).map((p) => send('POST', `/__mock/projects/${p}/clock`, { advanceMs: 3_600_000 })),
    );
    const answers = await Promise.all(worlds.map((p) => send('GET', list(p))));
    answers.forEach(({ json }, i) => {
      const jobs = json.jobs as Job[];
      expect(jobs.find((j) => j.status === 'failed')!.failReason).toBe(`reason ${worlds[i]}`);
      expect(jobs.some((j) => j.status === 'running')).toBe(i % 2 === 1);
    });
    const state = await send('GET', `/__mock/projects/${worlds[0]}/state`);
    expect(state.json).toMatchObject({ project: worlds[0], clockOffsetMs: 3_600_000, ownFixtures: true });
    const snapshot = await send('GET', `/__mock/projects/${worlds[1]}/snapshot`);
    expect(snapshot.json.graphs.movie.jobs).toHaveLength(2);
    await send('POST', '/__mock/reset');
    expect((await send('GET', list(worlds[0]!))).json.jobs).toHaveLength(60);
  });
});
