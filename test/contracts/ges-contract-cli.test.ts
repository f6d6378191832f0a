/**
 * The ges-contract CLI as users meet it: a spawned process against servers on port 0. Exit codes
 * 0 (every check holds), 1 (a check fails), 2 (usage error, misconfiguration); report files written,
 * each finding with the rule and the GES page it rests on; the token never printed; the operations
 * a run judges chosen with --include-operation-id / --exclude-operation-id; a --forbidden-token the
 * target accepts named as a misconfiguration; --prism without Prism installed says how to install it.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findFreePort } from '../../contracts/find-free-port.js';
import { FORBIDDEN_TOKEN, PROJECT, TOKEN, startCorruptServer, type Corruption } from './support/corrupt-server.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { mutants } from './support/mutants.js';
import { runProcess, type ProcessRun } from '../support/run-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The corrupt servers' token: it must never appear in what the CLI prints or writes. */
const SECRET = TOKEN;

function cli(args: string[], env: Record<string, string> = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, ['bin/ges-contract.js', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
}

let good: GesServer;
let broken: GesServer;
let listOnly: GesServer;
let anyToken: GesServer;
let dir: string;

/** A server of an engine that offers Listing Jobs alone: every other operation is no API there (404). */
const onlyTheList: Corruption = async (seen, answer) =>
  seen.operation === 'listJobs'
    ? answer()
    : {
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          errorMessage: `No such API: ${seen.request.method} ${seen.url.pathname}`,
          errorCode: 'GES.8000',
          result: 'failed',
        }),
      };

beforeAll(async () => {
  const unknownGraph200 = mutants.find((m) => m.check === 'unknown_graph_rejected');
  [good, broken, listOnly, anyToken, dir] = await Promise.all([
    startCorruptServer(),
    startCorruptServer(unknownGraph200?.corrupt),
    startCorruptServer(onlyTheList),
    // The mock as `ges-mock serve` starts it without --token: any token is accepted, on any project.
    startGesServer({ port: 0 }),
    mkdtemp(join(tmpdir(), 'ges-contract-')),
  ]);
});
afterAll(async () => {
  await Promise.all([good?.close(), broken?.close(), listOnly?.close(), anyToken?.close(), rm(dir, { recursive: true, force: true })]);
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
      GES_FORBIDDEN_TOKEN: FORBIDDEN_TOKEN,
      GES_JOB_WAIT: '0', // the mock runs on a manual clock: its jobs never move on by themselves
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`GES contract: ${good.url}  project ${PROJECT}  graph social_network  (with mutations, lenient)`);
    expect(run.stdout).toMatch(/^list$/m);
    expect(run.stdout).toMatch(/PASS {2}response_schema_conformance/);
    // The manual clock keeps the kit's own jobs unfinished: the export of one is refused (exportJobResult 400, no 200).
    expect(run.stdout).toMatch(/Coverage: 35\/63 documented \(operation × status\) pairs exercised/);
    expect(run.stdout).toContain('exportJobResult 400 401 403');
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
    const run = await cli(
      [
        '--base-url',
        broken.url,
        '--project-id',
        PROJECT,
        '--graph',
        'movie',
        '--missing-graph',
        'no_such_graph',
        '--token',
        SECRET,
        '--json',
        json,
        '--junit',
        junit,
      ],
      {
        GES_BASE_URL: 'http://127.0.0.1:9',
        GES_GRAPH: 'nowhere',
      },
    );
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/FAIL {2}unknown_graph_rejected/);
    expect(run.stdout).toContain(
      `request:  curl -sS -i '${broken.url}/ges/v1.0/${PROJECT}/graphs/no_such_graph/jobs/status' -H "X-Auth-Token: $GES_TOKEN"`,
    );
    expect(run.stdout).toContain('expected: 400 GES error envelope with errorCode GES.8000');
    expect(run.stdout).toMatch(/got: {6}200 application\/json \{"jobs":\[\],"jobCount":0\}/);
    // What the failure rests on: the rule, its level and the GES page's example.
    expect(run.stdout).toContain(
      'rests on: errors.unknown-graph (must): the example of 查询job列表(2.2.13) (Listing Jobs) shows Http Status Code: 400 {"errorMessage": "graph : movidde not exist"',
    );
    const report = JSON.parse(await readFile(json, 'utf8'));
    const failedChecks = report.checks.filter((c: { outcome: string }) => c.outcome === 'failed');
    expect(failedChecks.map((c: { id: string }) => c.id)).toEqual(['unknown_graph_rejected']);
    expect(failedChecks[0].findings[0]).toMatchObject({
      rule: 'errors.unknown-graph',
      level: 'must',
      evidence: [expect.stringContaining('查询job列表(2.2.13)')],
    });
    expect(await readFile(junit, 'utf8')).toContain('rests on: errors.unknown-graph (must)');
    expect(await readFile(junit, 'utf8')).toMatch(
      /<testcase classname="ges-contract.errors" name="unknown_graph_rejected" time="[\d.]+">\n {6}<failure /,
    );
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
    expect(unknown.stderr).toContain('unknown option --frobnicate');
    expect(badProject.stderr).toContain('--project-id must be 1-64 letters or digits');
    expect(missing.stderr).toContain('Usage: ges-contract');
  });

  test('exits 2 when nothing answers at the base URL, and says so', async () => {
    const port = await findFreePort();
    const run = await cli(['--base-url', `http://127.0.0.1:${port}`, '--project-id', PROJECT, '--graph', 'movie', '--token', SECRET]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`Misconfiguration (connection), nothing was checked: nothing accepted a connection at 127.0.0.1:${port}.`);
    expect(run.stdout).toContain('ECONNREFUSED');
  });

  test('exits 2 with one paragraph, not a wall of failures, when the token is refused; the JUnit file says the same', async () => {
    const junit = join(dir, 'refused.xml');
    const run = await cli(['--base-url', good.url, '--project-id', PROJECT, '--graph', 'movie', '--junit', junit], {
      GES_TOKEN: 'a-stale-token-from-last-week',
    });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).not.toMatch(/FAIL|PASS/);
    const paragraph = run.stdout.split('\n\n')[1]?.trim() ?? '';
    expect(paragraph).toMatch(
      /^Misconfiguration \(token\), nothing was checked: the engine refused the token\. Asked: GET \S+ with X-Auth-Token a-s… \(28 characters\)\. Got: 401 application\/json, \{"errorMessage":"Invalid token\.","errorCode":"GES\.8007","result":"failed"\}\. Likely fix: .*--token \(env GES_TOKEN, option token\)\.$/,
    );
    expect(run.stdout + (await readFile(junit, 'utf8'))).not.toContain('a-stale-token-from-last-week');
    expect(await readFile(junit, 'utf8')).toContain('<testsuites name="ges-contract" tests="1" failures="0" errors="1" skipped="0"');
  });

  test('--forbidden-token (or GES_FORBIDDEN_TOKEN) runs the 403 checks; --timeout is also read from GES_TIMEOUT', async () => {
    const json = join(dir, 'forbidden.json');
    const run = await cli(['--base-url', good.url, '--project-id', PROJECT, '--graph', 'movie', '--token', SECRET, '--json', json], {
      GES_FORBIDDEN_TOKEN: FORBIDDEN_TOKEN,
      GES_TIMEOUT: '20000',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/PASS {2}forbidden_token_rejected/);
    expect(run.stdout).toMatch(/PASS {2}forbidden_token_code/);
    expect(run.stdout).toContain('listJobs 200 400 401 403');
    expect(run.stdout + (await readFile(json, 'utf8'))).not.toContain(FORBIDDEN_TOKEN);
    const [badTimeout, sameTokens] = await Promise.all([
      cli(['--base-url', good.url, '--project-id', PROJECT, '--graph', 'movie'], { GES_TIMEOUT: 'soon' }),
      cli(['--base-url', good.url, '--project-id', PROJECT, '--graph', 'movie', '--token', 'x', '--forbidden-token', 'x']),
    ]);
    expect(badTimeout.code).toBe(2);
    expect(badTimeout.stderr).toContain('--timeout (or GES_TIMEOUT) must be milliseconds from 1 to 600000, got "soon"');
    expect(sameTokens.stderr).toContain('--forbidden-token must differ from --token');
  });

  test('--include-operation-id listJobs judges a server that offers the list alone: exit 0, and the checks that need another operation say so', async () => {
    const target = ['--base-url', listOnly.url, '--project-id', PROJECT, '--graph', 'movie', '--token', SECRET, '--allow-mutations'];
    const json = join(dir, 'list-only.json');
    const [everything, listJobs, excluded] = await Promise.all([
      cli([...target, '--job-wait', '0']),
      cli([...target, '--include-operation-id', 'listJobs', '--json', json], { GES_FORBIDDEN_TOKEN: FORBIDDEN_TOKEN }),
      // The same selection by leaving the others out, repeatable and comma-separated.
      cli([
        ...target,
        '--exclude-operation-id',
        'getJobStatus,cancelJob',
        '--exclude-operation-id',
        'executeAlgorithm',
        '--exclude-operation-id',
        'queryVertices,queryEdges,createIndex,deleteIndex,exportJobResult',
      ]),
    ]);
    // And from the environment (a flag on the command line would win over it).
    const fromEnv = await cli(target, { GES_INCLUDE_OPERATION_ID: 'listJobs' });
    // Judged on every operation, the server fails where it has no API.
    expect(everything.code, everything.stdout + everything.stderr).toBe(1);
    expect(listJobs.code, listJobs.stdout + listJobs.stderr).toBe(0);
    expect(listJobs.stdout).toContain(`graph movie  (with mutations, lenient; operations: listJobs)`);
    expect(listJobs.stdout).toMatch(
      /SKIP {2}list_status_matches_job_status +.*\[not exercised: it needs getJobStatus, which this run leaves out/,
    );
    expect(listJobs.stdout).toMatch(/PASS {2}pages_reproduce_full_list/);
    expect(listJobs.stdout).toMatch(/PASS {2}forbidden_token_rejected/);
    expect(listJobs.stdout).toContain(
      'not exercised, not judged: the run leaves this operation out (--include-operation-id / --exclude-operation-id): getJobStatus',
    );
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report.operations).toEqual(['listJobs']);
    expect(report.summary.failed).toBe(0);
    for (const run of [excluded, fromEnv]) {
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('operations: listJobs)');
    }
  });

  test('an operationId the spec lacks, or a selection that leaves nothing, exits 2 naming the operations', async () => {
    const target = ['--base-url', good.url, '--project-id', PROJECT, '--graph', 'movie'];
    const [typo, nothing, badWait] = await Promise.all([
      cli([...target, '--include-operation-id', 'listjobs']),
      cli([...target, '--include-operation-id', 'listJobs'], { GES_EXCLUDE_OPERATION_ID: 'listJobs' }),
      cli([...target, '--job-wait', 'soon']),
    ]);
    expect([typo.code, nothing.code, badWait.code]).toEqual([2, 2, 2]);
    expect(typo.stderr).toContain(
      '--include-operation-id: "listjobs" is no operationId of the spec; did you mean listJobs? (the operations: listJobs, getJobStatus, cancelJob, executeAlgorithm, queryVertices, queryEdges, createIndex, deleteIndex, exportJobResult)',
    );
    expect(nothing.stderr).toContain('--include-operation-id and --exclude-operation-id leave no operation to judge');
    expect(badWait.stderr).toContain('--job-wait (or GES_JOB_WAIT) must be milliseconds from 0 to 600000, got "soon"');
  });

  test('a --forbidden-token the target accepts exits 2 saying so, and how to start the mock so that it refuses it', async () => {
    const run = await cli([
      '--base-url',
      anyToken.url,
      '--project-id',
      PROJECT,
      '--graph',
      'movie',
      '--token',
      SECRET,
      '--forbidden-token',
      'a-token-of-another-project',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).not.toMatch(/FAIL|PASS/);
    expect(run.stdout).toContain(
      `Misconfiguration (forbidden-token), nothing was checked: the target accepted the forbidden token on project ${PROJECT}`,
    );
    expect(run.stdout).toContain(
      `ges-mock serve --token <token>:${PROJECT} --token <forbidden-token>:<another project_id> (a token bound to another project gets 403 GES.8006)`,
    );
    expect(run.stdout).not.toContain('a-token-of-another-project');
  });

  test('--prism without @stoplight/prism-cli installed exits 2 saying how to install it', async () => {
    // A copy of the kit whose node_modules lacks Prism (every other package is linked).
    const kit = join(dir, 'kit-without-prism');
    await mkdir(join(kit, 'node_modules', '@stoplight'), { recursive: true });
    await Promise.all(
      ['bin', 'cli', 'contracts', 'src', 'openapi.yaml', 'package.json'].map((entry) =>
        cp(join(ROOT, entry), join(kit, entry), { recursive: true }),
      ),
    );
    for (const entry of await readdir(join(ROOT, 'node_modules'))) {
      if (entry !== '@stoplight') await symlink(join(ROOT, 'node_modules', entry), join(kit, 'node_modules', entry));
    }
    for (const entry of await readdir(join(ROOT, 'node_modules', '@stoplight'))) {
      if (entry !== 'prism-cli')
        await symlink(join(ROOT, 'node_modules', '@stoplight', entry), join(kit, 'node_modules', '@stoplight', entry));
    }
    const run = await runProcess(process.execPath, [join(kit, 'bin/ges-contract.js'), '--prism'], {
      cwd: kit,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain('--prism needs @stoplight/prism-cli, which is not installed here');
    expect(run.stderr).toContain('npm install --save-dev @stoplight/prism-cli');
    expect(run.stderr).not.toContain('Cannot find module');
  });
});
