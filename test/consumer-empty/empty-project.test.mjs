/**
 * ges-jobs-kit in a project that has nothing else installed: `npm install <tarball>` into an empty
 * package.json, no msw, vitest, vite, yaml or TypeScript. Run there by `npm run test:consumer` with
 * Node's own test runner (`node --test`), since the project has no other.
 *
 * Every export that needs no optional peer imports; every export that needs one fails with a message
 * naming it; every command path of both bins runs: serve, serve --fixtures (JSON, YAML, a recording), proxy,
 * --state, record, ges-contract live and --har, --prism without Prism.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest = require('ges-jobs-kit/package.json');
const bin = (name) => join(process.cwd(), 'node_modules/.bin', name);
const PROJECT = '0123456789abcdef0123456789abcdef';
const AUTH = { 'x-auth-token': 'x' };
const work = mkdtempSync(join(tmpdir(), 'ges-empty-'));
const running = new Set();
after(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Runs a bin to its end. */
function run(name, args, env = {}) {
  return new Promise((resolve) => {
    execFile(bin(name), args, { env: { ...process.env, ...env }, cwd: work, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Starts `ges-mock <command> <args>` (serve or proxy) and resolves with its URL once the ready file appears. */
function serve(args, command = 'serve') {
  const ready = join(work, `ready-${Math.random().toString(36).slice(2)}.json`);
  const child = spawn(bin('ges-mock'), [command, '--port', '0', '--quiet', '--ready-file', ready, ...args], {
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`ges-mock ${command} ${args.join(' ')} exited ${code}:\n${output}`)));
    const poll = setInterval(() => {
      if (!existsSync(ready)) return;
      clearInterval(poll);
      const { url } = JSON.parse(readFileSync(ready, 'utf8'));
      resolve({
        url,
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          const code = await exited;
          running.delete(child);
          return code;
        },
      });
    }, 50);
    child.once('exit', () => clearInterval(poll));
  });
}

const list = async (url, graph = 'movie', project = PROJECT) => {
  const response = await fetch(`${url}/ges/v1.0/${project}/graphs/${graph}/jobs/status`, { headers: AUTH });
  assert.equal(response.status, 200);
  return response.json();
};

describe('nothing but ges-jobs-kit is installed', () => {
  test('msw, vitest, vite, yaml and typescript are absent from node_modules', () => {
    for (const name of ['msw', 'vitest', 'vite', 'typescript', '@playwright/test']) {
      assert.throws(() => require.resolve(`${name}/package.json`), undefined, `${name} should not be installed`);
    }
    // yaml is the kit's own dependency: present, and declared so.
    assert.equal(typeof manifest.dependencies.yaml, 'string');
  });
});

describe('the exports that need no optional peer', () => {
  test('ges-jobs-kit: an API answers the list operation in code', async () => {
    const kit = await import('ges-jobs-kit');
    const api = kit.createApi({ clock: kit.createManualClock(), seed: 3 });
    const answer = await api.handle({ method: 'GET', url: `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=2`, headers: AUTH });
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body).jobs.length, 2);
    assert.equal(typeof kit.defineFixtures, 'function');
    assert.equal(typeof kit.openapiDocument.openapi, 'string');
  });

  test('ges-jobs-kit/server: starts a server and reads JSON and YAML fixture files', async () => {
    const server = await import('ges-jobs-kit/server');
    const yamlFile = join(work, 'jobs.yaml');
    writeFileSync(yamlFile, 'graphs:\n  movie:\n    jobs:\n      - status: success\n');
    const read = server.readFixtureFile(yamlFile);
    assert.equal(read.ok, true, read.ok ? '' : read.error.message);
    const started = await server.startGesServer({ port: 0, fixtures: read.document });
    try {
      assert.equal((await list(started.url)).jobCount, 1);
    } finally {
      await started.close();
    }
  });

  test('ges-jobs-kit/contracts: the checks and the report formats load', async () => {
    const contracts = await import('ges-jobs-kit/contracts');
    assert.equal(typeof contracts.runContract, 'function');
    assert.ok(contracts.contractChecks.length > 10);
  });

  test('ges-jobs-kit/playwright loads without @playwright/test: it extends the test object the user passes', async () => {
    const { withGes } = await import('ges-jobs-kit/playwright');
    assert.equal(typeof withGes, 'function');
  });

  test('the shipped files resolve: openapi.yaml and fixtures.schema.json', () => {
    assert.match(readFileSync(require.resolve('ges-jobs-kit/openapi.yaml'), 'utf8'), /^openapi: /m);
    assert.equal(JSON.parse(readFileSync(require.resolve('ges-jobs-kit/fixtures.schema.json'), 'utf8')).type, 'object');
  });
});

describe('the exports that need an optional peer say which, when it is missing', () => {
  const needs = Object.entries({
    'ges-jobs-kit/msw': 'msw',
    'ges-jobs-kit/msw/node': 'msw',
    'ges-jobs-kit/msw/browser': 'msw',
    'ges-jobs-kit/contracts/vitest': 'vitest',
  });
  for (const [specifier, peer] of needs) {
    test(`${specifier} names ${peer}`, async () => {
      await assert.rejects(import(specifier), (error) => {
        assert.match(String(error.message), new RegExp(peer.replace('/', '\\/')));
        return true;
      });
    });
  }
});

describe('ges-mock and ges-contract, every command path', { concurrency: false }, () => {
  let mock;
  before(async () => {
    mock = await serve(['--seed', '5', '--jobs', '8']);
  });
  after(async () => assert.equal(await mock.stop(), 0));

  test('serve answers seeded jobs, and --help and --version work', async () => {
    assert.equal((await list(mock.url)).jobCount, 8);
    assert.equal((await run('ges-mock', ['--version'])).stdout.trim(), manifest.version);
    assert.match((await run('ges-mock', ['--help'])).stdout, /--fixtures/);
  });

  test('serve --fixtures with a JSON and a YAML document', async () => {
    const json = join(work, 'jobs.json');
    writeFileSync(
      json,
      JSON.stringify({ graphs: { movie: { jobs: [{ status: 'failed', failReason: 'Running algorithm [pagerank] error: mine' }] } } }),
    );
    const yaml = join(work, 'jobs-2.yaml');
    writeFileSync(yaml, 'graphs:\n  movie:\n    jobs:\n      - status: success\n      - status: running\n');
    for (const [file, count] of [
      [json, 1],
      [yaml, 2],
    ]) {
      const served = await serve(['--fixtures', file]);
      assert.equal((await list(served.url)).jobCount, count);
      assert.equal(await served.stop(), 0);
    }
  });

  test('record writes a recording that serve --fixtures serves back, job for job', async () => {
    const recording = join(work, 'recording.json');
    const recorded = await run('ges-mock', [
      'record',
      '--base-url',
      mock.url,
      '--project-id',
      PROJECT,
      '--graph',
      'movie',
      '--token',
      'x',
      '--out',
      recording,
    ]);
    assert.equal(recorded.code, 0, recorded.stderr);
    const replay = await serve(['--fixtures', recording, '--speed', '0']);
    const original = await list(mock.url);
    const replayed = await list(replay.url);
    assert.deepEqual(
      replayed.jobs.map((job) => job.jobId),
      original.jobs.map((job) => job.jobId),
    );
    assert.equal(await replay.stop(), 0);
  });

  test('proxy forwards to the installed mock, judges its answers and records them for serve --fixtures', async () => {
    const recording = join(work, 'proxied.json');
    const proxy = await serve(['--upstream', mock.url, '--record', recording, '--fail-on-violation'], 'proxy');
    const proxied = await list(proxy.url);
    assert.equal(proxied.jobCount, 8);
    const report = await (await fetch(`${proxy.url}/__mock/violations`)).json();
    assert.equal(report.judging, true);
    assert.equal(report.exchanges.judged, 1);
    assert.deepEqual(report.violations, []);
    assert.equal(await proxy.stop(), 0);
    const replay = await serve(['--fixtures', recording, '--speed', '0']);
    assert.deepEqual(
      (await list(replay.url)).jobs.map((job) => job.jobId),
      proxied.jobs.map((job) => job.jobId),
    );
    assert.equal(await replay.stop(), 0);
  });

  test('serve --state keeps a submitted job across a restart', async () => {
    const state = join(work, 'state.json');
    const first = await serve(['--state', state]);
    const submit = await fetch(`${first.url}/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{}}',
    });
    assert.equal(submit.status, 200);
    const { jobId } = await submit.json();
    assert.equal(await first.stop(), 0);
    const second = await serve(['--state', state]);
    assert.ok((await list(second.url)).jobs.some((job) => job.jobId === jobId));
    assert.equal(await second.stop(), 0);
  });

  test('ges-contract passes against the installed mock', async () => {
    const result = await run('ges-contract', ['--base-url', mock.url, '--project-id', PROJECT, '--graph', 'movie', '--token', 'x']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });

  test('ges-contract --har judges recorded traffic', async () => {
    const url = `${mock.url}/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=2&offset=0`;
    const response = await fetch(url, { headers: AUTH });
    const text = await response.text();
    const entry = {
      startedDateTime: new Date().toISOString(),
      time: 1,
      request: {
        method: 'GET',
        url,
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'X-Auth-Token', value: 'x' }],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: response.status,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [...response.headers].map(([name, value]) => ({ name, value })),
        cookies: [],
        content: { size: text.length, mimeType: response.headers.get('content-type'), text },
        redirectURL: '',
        headersSize: -1,
        bodySize: text.length,
      },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    };
    const har = join(work, 'traffic.har');
    writeFileSync(har, JSON.stringify({ log: { version: '1.2', creator: { name: 'empty-project', version: '1' }, entries: [entry] } }));
    const result = await run('ges-contract', ['--har', har]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });

  test('ges-contract --prism without Prism exits 2 with the install command', async () => {
    const result = await run('ges-contract', ['--prism']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /npm install --save-dev @stoplight\/prism-cli/);
  });
});
