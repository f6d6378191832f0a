/**
 * `ges-mock serve --fixtures FILE` as a user runs it: a spawned process, a YAML or JSON file, the
 * environment variable, a bad file (exit 2 with the validation message), and a snapshot of one
 * server served by another at the same virtual time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killGesMockProcesses, runGesMock, startGesMockProcess } from '../support/ges-mock-process.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'ges-fixtures-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const TEAM_YAML = `# jobs of the team's test graph
graphs:
  team_graph:
    jobs:
      - status: failed
        failReason: "Running algorithm [louvain] error: my own reason"
        startedAgo: 10m
      - taskType: ImportGraph
        status: running
        startedAgo: 2m
        runFor: 10m
`;

async function listOf(url: string, graph: string, project = PROJECT): Promise<any> {
  const response = await fetch(`${url}/ges/v1.0/${project}/graphs/${graph}/jobs/status`, { headers: { 'x-auth-token': 't' } });
  return response.json();
}

afterEach(() => killGesMockProcesses());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ges-mock serve --fixtures', () => {
  it('serves the jobs of a YAML fixture file', async () => {
    const team = file('team.yaml', TEAM_YAML);
    const mock = await startGesMockProcess(['serve', '--port', '0', '--quiet', '--fixtures', team]);
    const { jobs, jobCount } = await listOf(mock.url, 'team_graph');
    expect(jobCount).toBe(2);
    expect(jobs.map((j: any) => [j.taskType, j.status])).toEqual([
      ['ImportGraph', 'running'],
      ['Algorithm', 'failed'],
    ]);
    expect(jobs[1].failReason).toBe('Running algorithm [louvain] error: my own reason');
    expect(mock.banner).toContain('team_graph 2 jobs');
    expect(mock.banner).toContain(`fixtures: ${team}`);
    await mock.stop();
  });

  it('reads the file named by GES_MOCK_FIXTURES', async () => {
    const path = file('env.json', JSON.stringify({ graphs: { env_graph: { jobs: [{ status: 'success' }] } } }));
    const mock = await startGesMockProcess(['serve', '--port', '0', '--quiet'], { env: { GES_MOCK_FIXTURES: path } });
    expect((await listOf(mock.url, 'env_graph')).jobCount).toBe(1);
    await mock.stop();
  });

  it('exits 2 naming the file, graph, job, field and reason of every problem in a bad file', async () => {
    const path = file(
      'bad.yaml',
      'graphs:\n  movie:\n    jobs:\n      - status: success\n        progress: 40\n      - taskType: Algorithm\n        files: []\n',
    );
    const run = await runGesMock(['serve', '--port', '0', '--fixtures', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`ges-mock: ${path}: 2 problems; nothing was loaded:`);
    expect(run.stderr).toContain(
      'graph movie (every project), job 0, field "progress": the job is successful at progress 40; expected progress 100.',
    );
    expect(run.stderr).toContain(
      'graph movie (every project), job 1, field "files": the job carries files; expected files only when taskType is ImportGraph.',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([
    ['a file that does not exist', join(dir, 'missing.yaml'), 'no such file'],
    ['a file that is not YAML', 'broken.yaml', 'not valid YAML'],
    ['a JSON file that is not JSON', 'broken.json', 'not valid JSON'],
  ])('exits 2 for %s', async (_what, name, reason) => {
    const path = name.startsWith('/') ? name : file(name, 'graphs: {movie: [\n');
    const run = await runGesMock(['serve', '--port', '0', '--fixtures', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path}: ${reason}`);
  });

  it('serves a snapshot of another server: the same jobs, field for field, at the same virtual time', async () => {
    // --speed 0 stops virtual time, so both servers are asked at the very instant of the snapshot.
    const first = await startGesMockProcess([
      'serve',
      '--port',
      '0',
      '--quiet',
      '--speed',
      '0',
      '--fixtures',
      file('team2.yaml', TEAM_YAML),
    ]);
    await fetch(`${first.url}/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank"}',
    });
    const snapshot = await (await fetch(`${first.url}/__mock/snapshot`)).text();
    const second = await startGesMockProcess([
      'serve',
      '--port',
      '0',
      '--quiet',
      '--speed',
      '0',
      '--fixtures',
      file('snapshot.json', snapshot),
    ]);
    for (const project of [PROJECT, 'another1']) {
      for (const graph of ['movie', 'social_network', 'supply_chain', 'team_graph']) {
        expect(await listOf(second.url, graph, project), `${project}/${graph}`).toEqual(await listOf(first.url, graph, project));
      }
    }
    await Promise.all([first.stop(), second.stop()]);
  }, 120_000);
});
