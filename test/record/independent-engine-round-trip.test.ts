/**
 * Record → replay against an engine this code base did not produce (test/support/independent-engine):
 * `ges-mock record` takes its jobs without a violation, and `ges-mock serve --fixtures` of the
 * recording lists the same jobs, job for job and field for field, in its own forms and in every form
 * the spec allows (status variants included).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killGesMockProcesses, runGesMock, startGesMockProcess } from '../support/ges-mock-process.js';
import { startIndependentEngine, type IndependentEngine } from '../support/independent-engine/independent-engine.js';

const PROJECT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const TOKEN = 'independent-token';
const GRAPHS = ['movie', 'social_network'];
const listPath = (graph: string) => `/ges/v1.0/${PROJECT}/graphs/${graph}/jobs/status`;

async function listOf(base: string, graph: string): Promise<Record<string, unknown>[]> {
  const answer = await fetch(`${base}${listPath(graph)}`, { headers: { 'x-auth-token': TOKEN } });
  return ((await answer.json()) as { jobs: Record<string, unknown>[] }).jobs;
}

describe.each([['plain'], ['every']] as const)('the independent engine in %s forms', { timeout: 120_000 }, (forms) => {
  let engine: IndependentEngine | undefined;
  afterAll(async () => {
    await engine?.close();
    killGesMockProcesses();
  });

  it('is recorded without a violation and replayed by serve --fixtures field for field', async () => {
    engine = await startIndependentEngine({ forms, token: TOKEN });
    // A submission too: a job of this engine's own making, in its own id and time forms.
    const submitted = await fetch(`${engine.url}/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
    });
    expect(submitted.status).toBe(200);
    const out = join(mkdtempSync(join(tmpdir(), 'ges-independent-')), 'recorded.json');
    const args = ['record', '--base-url', engine.url, '--project-id', PROJECT, '--token', TOKEN, '--page-size', '7', '--out', out];
    const run = await runGesMock([...args, ...GRAPHS.flatMap((graph) => ['--graph', graph])]);
    expect(run.stderr).toMatch(/no violations\n/);
    expect(run.code).toBe(0);
    const document = JSON.parse(readFileSync(out, 'utf8')) as {
      graphs: Record<string, { jobs: unknown[] }>;
      recordedStatusVariants?: string[];
    };
    if (forms === 'every') expect(document.recordedStatusVariants).toEqual(['complete', 'partiallyFailed']);

    const replay = await startGesMockProcess(['serve', '--port', '0', '--fixtures', out]);
    try {
      for (const graph of GRAPHS) {
        const original = await listOf(engine.url, graph);
        expect(original.length).toBeGreaterThan(20);
        expect(await listOf(replay.url, graph)).toEqual(original);
      }
    } finally {
      await replay.stop();
    }
  });
});
