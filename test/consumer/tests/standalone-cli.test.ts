/**
 * The standalone mock and the contract CLI as a user's project runs them: node_modules/.bin, no
 * sources, only what `npm install ges-jobs-kit` brought (no redoc: it is an optional peer).
 */
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openapiDocument } from 'ges-jobs-kit';
import { runBin, startMock, type RunningMock } from './support/installed-bin.js';

const project = '0123456789abcdef0123456789abcdef';

describe('ges-mock serve from node_modules/.bin', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock(['--port', '0', '--seed', '7']);
  });
  afterAll(() => mock.stop());

  test('answers the list operation with GES jobs', async () => {
    const response = await fetch(`${mock.url}/ges/v1.0/${project}/graphs/movie/jobs/status?limit=2&offset=0`, {
      headers: { 'X-Auth-Token': 'x' },
    });
    const body = (await response.json()) as { jobs: unknown[]; jobCount: number };
    expect(response.status).toBe(200);
    expect(body.jobs).toHaveLength(2);
    expect(body.jobCount).toBeGreaterThanOrEqual(2);
  });

  test('without the optional redoc, /__mock/docs says how to add it and links the spec', async () => {
    expect(() => createRequire(import.meta.url).resolve('redoc')).toThrow();
    const manifest = createRequire(import.meta.url)('ges-jobs-kit/package.json') as { peerDependencies: Record<string, string> };
    const response = await fetch(`${mock.url}/__mock/docs`);
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain(`npm i -D redoc@${manifest.peerDependencies.redoc}`);
    expect(page).toContain('href="/__mock/openapi.yaml"');
  });

  test('GET /__mock/openapi.yaml serves the spec the package ships', async () => {
    const response = await fetch(`${mock.url}/__mock/openapi.yaml`);
    const shipped = await readFile(createRequire(import.meta.url).resolve('ges-jobs-kit/openapi.yaml'), 'utf8');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/yaml/);
    expect(await response.text()).toBe(shipped);
    expect(shipped).toContain(openapiDocument.info.title);
  });

  test('ges-contract passes against it, mutations included, and writes its JSON report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ges-consumer-'));
    try {
      const report = join(dir, 'contract.json');
      const run = await runBin(
        'ges-contract',
        ['--base-url', mock.url, '--project-id', project, '--graph', 'movie', '--allow-mutations', '--json', report],
        {
          GES_TOKEN: 'contract-token',
        },
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(JSON.parse(await readFile(report, 'utf8'))).toMatchObject({ exitCode: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the installed commands on bad input', () => {
  test('ges-mock exits 2 with a message on a bad flag value', async () => {
    const run = await runBin('ges-mock', ['serve', '--port', 'not-a-port']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/port/i);
  });

  test('ges-contract exits 2 when the target is unreachable', async () => {
    const run = await runBin('ges-contract', ['--base-url', 'http://127.0.0.1:9', '--project-id', project, '--graph', 'movie']);
    expect(run.code).toBe(2);
  });
});
