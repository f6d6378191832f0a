/**
 * The ges-contract CLI as users meet it: a spawned process against servers on port 0. Exit codes
 * 0 (every check holds), 1 (a check fails), 2 (usage error, unreachable target); report files written;
 * the token never printed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findFreePort } from '../../contracts/find-free-port.js';
import type { GesServer } from '../../src/server/start-ges-server.js';
import { PROJECT, startCorruptServer } from './support/corrupt-server.js';
import { mutants } from './support/mutants.js';
import { runProcess, type ProcessRun } from '../support/run-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'secret-token-4711';

function cli(args: string[], env: Record<string, string> = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, ['bin/ges-contract.js', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
}

let good: GesServer;
let broken: GesServer;
let dir: string;

beforeAll(async () => {
  const unknownGraph200 = mutants.find((m) => m.check === 'unknown_graph_rejected');
  [good, broken, dir] = await Promise.all([
    startCorruptServer(),
    startCorruptServer(unknownGraph200?.corrupt),
    mkdtemp(join(tmpdir(), 'ges-contract-')),
  ]);
});
afterAll(async () => {
  await Promise.all([good?.close(), broken?.close(), rm(dir, { recursive: true, force: true })]);
});

describe('ges-contract', () => {
  test('exits 0 against the mock, with mutations, taking the target from GES_* env, and writes the JUnit and JSON reports', async () => {
    const junit = join(dir, 'reports', 'contract.xml');
    const json = join(dir, 'reports', 'contract.json');
    const run = await cli(['--allow-mutations', '--junit', junit, '--json', json], {
      GES_BASE_URL: good.url,
      GES_PROJECT_ID: PROJECT,
      GES_GRAPH: 'social_network',
      GES_TOKEN: SECRET,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`GES contract: ${good.url}  project ${PROJECT}  graph social_network  (with mutations, lenient)`);
    expect(run.stdout).toMatch(/^list$/m);
    expect(run.stdout).toMatch(/PASS {2}response_schema_conformance/);
    expect(run.stdout).toMatch(/Coverage: 9\/28 documented \(operation × status\) pairs exercised/);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report).toMatchObject({ tool: 'ges-contract', exitCode: 0, allowMutations: true, summary: { failed: 0, skipped: 0 } });
    expect(report.checks.length).toBe(report.summary.checks);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ges-contract" tests="\d+" failures="0"/);
    expect(xml.match(/<testcase /g)?.length).toBe(report.summary.checks);
    expect(run.stdout + xml + JSON.stringify(report)).not.toContain(SECRET);
  });

  test('exits 1 when a check fails, naming it with the curl line, expectation and answer; the token stays hidden', async () => {
    const json = join(dir, 'broken.json');
    const junit = join(dir, 'broken.xml');
    // Flags win over env: the env points nowhere.
    const run = await cli(['--base-url', broken.url, '--project-id', PROJECT, '--graph', 'movie', '--missing-graph', 'no_such_graph', '--token', SECRET, '--json', json, '--junit', junit], {
      GES_BASE_URL: 'http://127.0.0.1:9',
      GES_GRAPH: 'nowhere',
    });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/FAIL {2}unknown_graph_rejected/);
    expect(run.stdout).toContain(`request:  curl -sS -i '${broken.url}/ges/v1.0/${PROJECT}/graphs/no_such_graph/jobs/status' -H "X-Auth-Token: $GES_TOKEN"`);
    expect(run.stdout).toContain('expected: 400 GES error envelope with errorCode GES.8000');
    expect(run.stdout).toMatch(/got: {6}200 application\/json \{"jobs":\[\],"jobCount":0\}/);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report.checks.filter((c: { outcome: string }) => c.outcome === 'failed').map((c: { id: string }) => c.id)).toEqual(['unknown_graph_rejected']);
    expect(await readFile(junit, 'utf8')).toMatch(/<testcase classname="ges-contract.errors" name="unknown_graph_rejected" time="[\d.]+">\n {6}<failure /);
    expect(run.stdout + JSON.stringify(report)).not.toContain(SECRET);
  });

  test('exits 2 with the usage on a usage error', async () => {
    const [missing, unknown, badProject] = await Promise.all([
      cli(['--project-id', PROJECT, '--graph', 'movie']),
      cli(['--base-url', good.url, '--project-id', PROJECT, '--graph', 'movie', '--frobnicate']),
      cli(['--base-url', good.url, '--project-id', 'not/a/project', '--graph', 'movie']),
    ]);
    expect([missing.code, unknown.code, badProject.code]).toEqual([2, 2, 2]);
    expect(missing.stderr).toContain('--base-url (or GES_BASE_URL) is required');
    expect(unknown.stderr).toContain("Unknown option '--frobnicate'");
    expect(badProject.stderr).toContain('--project-id must be 1-64 letters or digits');
    expect(missing.stderr).toContain('Usage: ges-contract');
  });

  test('exits 2 when nothing answers at the base URL, and says so', async () => {
    const port = await findFreePort();
    const run = await cli(['--base-url', `http://127.0.0.1:${port}`, '--project-id', PROJECT, '--graph', 'movie', '--token', SECRET]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`Target unreachable: http://127.0.0.1:${port} did not answer`);
    expect(run.stdout).toContain('ECONNREFUSED');
  });
});
