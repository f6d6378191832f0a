/**
 * Every profile's forms survive record → replay: a recording of the mock serving profile X, replayed
 * by a mock of the default profile, lists the same jobs field for field (the replay serves what it
 * was given, in the recorded forms, not its own).
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { ENGINE_PROFILES } from '../../src/engine/engine-profiles.js';
import { createApi, type GesApi } from '../../src/http/create-api.js';
import { recordJobs } from '../../src/record/record-jobs.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const GRAPHS = ['movie', 'social_network'];

/** A fetch answered by an in-process API. */
const fetchFrom = (api: GesApi) =>
  (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const answer = await api.handle({
      method: 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
    });
    return new Response(answer.body ?? '', { status: answer.status });
  }) as typeof fetch;

async function list(api: GesApi, project: string, graph: string): Promise<unknown[]> {
  const answer = await api.handle({
    method: 'GET',
    url: `/ges/v1.0/${project}/graphs/${graph}/jobs/status`,
    headers: { 'x-auth-token': 't' },
  });
  return (JSON.parse(answer.body!) as { jobs: unknown[] }).jobs;
}

describe('record → replay of every profile', () => {
  it.each(ENGINE_PROFILES.map((name) => [name]))('%s: recorded without a violation, replayed field for field', async (profile) => {
    const clock = createManualClock();
    const source = createApi({ clock, profile, jobsPerGraph: 80 });
    const result = await recordJobs({
      baseUrl: 'http://engine.test',
      projectId: PROJECT,
      graphs: GRAPHS,
      token: 't',
      fetch: fetchFrom(source),
      pageSize: 33,
      now: () => clock.now(),
    });
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.recording.graphs.flatMap((g) => g.violations)).toEqual([]);
    const replay = createApi({ clock: createManualClock(Date.UTC(2030, 0, 1)), fixtures: result.recording.document });
    for (const graph of GRAPHS) expect(await list(replay, 'anyproject', graph)).toEqual(await list(source, PROJECT, graph));
  });
});
