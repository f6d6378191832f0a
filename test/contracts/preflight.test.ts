/**
 * The preflight tells misconfiguration from breakage: before any check the list is read once as
 * configured, and a missing or refused token, an unknown graph, a base URL where no GES API answers,
 * a host that does not resolve, TLS, no connection, no answer in time or a --forbidden-token the
 * target accepts end the run with exit code 2 and one paragraph (what was asked, what came back, the
 * likely fix), never with failed checks. A run that leaves the list out reads a job's status instead.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runContract } from '../../contracts/run-contract.js';
import { formatReport } from '../../contracts/format-report.js';
import { toJunitXml } from '../../contracts/to-junit-xml.js';
import { findFreePort } from '../../contracts/find-free-port.js';
import type { ContractOptions, ContractReport } from '../../contracts/contract-types.js';
import type { GesServer } from '../../src/server/start-ges-server.js';
import { FORBIDDEN_TOKEN, PROJECT, TOKEN, startCorruptServer, withToken } from './support/corrupt-server.js';

let mock: GesServer;
let html: Server;
let silent: Server;
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const listen = (server: Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

beforeAll(async () => {
  mock = await startCorruptServer();
  // A web server that is no GES engine: a login page on every path.
  html = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please sign in</body></html>'));
  // A server that accepts the connection and never answers.
  silent = createServer(() => undefined);
  await Promise.all([listen(html), listen(silent)]);
});
afterAll(async () => {
  silent.closeAllConnections();
  await Promise.all([mock?.close(), new Promise((r) => html.close(r)), new Promise((r) => silent.close(r))]);
});

const run = (options: Partial<ContractOptions>) =>
  runContract({ baseUrl: mock.url, projectId: PROJECT, graph: 'movie', token: TOKEN, ...options });

/** The report's paragraph, after checking that nothing was checked and the run exits 2. */
function paragraph(report: ContractReport): string {
  expect(report.exitCode).toBe(2);
  expect(report.results).toEqual([]);
  const message = report.preflight?.message ?? '';
  expect(message).not.toMatch(/\n\s*\n/); // one paragraph
  expect(formatReport(report)).toContain(message);
  return message;
}

describe('the preflight', () => {
  test('no token: exit 2, says none was given, shows the 401 body and names --token and GES_TOKEN', async () => {
    const report = await run({ token: undefined });
    expect(report.preflight?.kind).toBe('token');
    const text = paragraph(report);
    expect(text).toContain('the engine wants an X-Auth-Token and none was given');
    expect(text).toContain(`Asked: GET ${mock.url}/ges/v1.0/${PROJECT}/graphs/movie/jobs/status without an X-Auth-Token`);
    expect(text).toContain('Got: 401 application/json, {"errorMessage":"Invalid token.","errorCode":"GES.8007","result":"failed"}');
    expect(text).toContain('--token (env GES_TOKEN, option token)');
  });

  test('a refused token: exit 2, the token masked to its first characters and its length', async () => {
    const secret = 'wrong-secret-token-0042';
    const report = await run({ token: secret });
    const text = paragraph(report);
    expect(report.preflight?.kind).toBe('token');
    expect(text).toContain('the engine refused the token');
    expect(text).toContain('with X-Auth-Token wro… (23 characters)');
    expect(text + formatReport(report) + toJunitXml(report)).not.toContain(secret);
  });

  test('a token of another project (403): exit 2, names --project-id and --token', async () => {
    const report = await run({ token: FORBIDDEN_TOKEN });
    expect(report.preflight?.kind).toBe('forbidden');
    const text = paragraph(report);
    expect(text).toContain(`the token is not allowed on project ${PROJECT}`);
    expect(text).toContain('Got: 403 application/json');
    expect(text).toContain('--project-id (env GES_PROJECT_ID, option projectId)');
  });

  test('an unknown graph: exit 2 with the engine\'s "not exist" message and --graph, GES_GRAPH', async () => {
    const report = await run({ graph: 'no_such_graph' });
    expect(report.preflight?.kind).toBe('graph');
    const text = paragraph(report);
    expect(text).toContain(`graph no_such_graph does not exist on project ${PROJECT}`);
    expect(text).toContain('not exist');
    expect(text).toContain('--graph (env GES_GRAPH, option graph)');
  });

  test('a base URL that already ends in /ges/v1.0: exit 2, the 404, and says the kit adds that path itself', async () => {
    const report = await run({ baseUrl: `${mock.url}/ges/v1.0` });
    expect(report.preflight?.kind).toBe('base-url');
    const text = paragraph(report);
    expect(text).toContain(`Asked: GET ${mock.url}/ges/v1.0/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`);
    expect(text).toContain('Got: 404');
    expect(text).toContain('the base URL already contains /ges/');
    expect(text).toContain(`--base-url ${mock.url}`);
  });

  test('a web page at the API path (not JSON): exit 2, quotes the page and points at --base-url', async () => {
    const report = await run({ baseUrl: urlOf(html) });
    expect(report.preflight?.kind).toBe('base-url');
    const text = paragraph(report);
    expect(text).toContain('with a body that is not JSON');
    expect(text).toContain('Got: 200 text/html, <html><body>Please sign in</body></html>');
    expect(text).toContain('--base-url (env GES_BASE_URL, option baseUrl)');
    expect(text).not.toContain('already contains /ges/');
  });

  test('nothing listening: exit 2, ECONNREFUSED, and how to start the mock', async () => {
    const port = await findFreePort();
    const report = await run({ baseUrl: `http://127.0.0.1:${port}` });
    expect(report.preflight?.kind).toBe('connection');
    const text = paragraph(report);
    expect(text).toContain(`nothing accepted a connection at 127.0.0.1:${port}`);
    expect(text).toContain('ECONNREFUSED');
  });

  test('a host name that does not resolve: exit 2, kind dns', async () => {
    const report = await run({ baseUrl: 'http://no-such-host.invalid' });
    expect(report.preflight?.kind).toBe('dns');
    expect(paragraph(report)).toContain('the host name no-such-host.invalid does not resolve');
  });

  test('https against a plain-HTTP server: exit 2, kind tls, suggests http:// or NODE_EXTRA_CA_CERTS', async () => {
    const report = await run({ baseUrl: mock.url.replace('http://', 'https://') });
    expect(report.preflight?.kind).toBe('tls');
    const text = paragraph(report);
    expect(text).toContain('the TLS connection');
    expect(text).toContain('NODE_EXTRA_CA_CERTS');
  });

  test('no answer in time: exit 2, kind timeout, names --timeout and GES_TIMEOUT with the time allowed', async () => {
    const report = await run({ baseUrl: urlOf(silent), timeoutMs: 300 });
    expect(report.preflight?.kind).toBe('timeout');
    const text = paragraph(report);
    expect(text).toContain('did not answer the list within 300 ms');
    expect(text).toContain('--timeout MS (env GES_TIMEOUT, option timeoutMs)');
  });

  test('a broken but configured engine is not misconfiguration: a 5xx on the list goes to the checks (exit 1)', async () => {
    const broken = await startCorruptServer(async (seen, answer) =>
      seen.operation === 'listJobs'
        ? {
            status: 503,
            headers: { 'content-type': 'application/json' },
            body: '{"errorMessage":"busy","errorCode":"GES.8602","result":"failed"}',
          }
        : answer(),
    );
    try {
      const report = await runContract({ baseUrl: broken.url, projectId: PROJECT, graph: 'movie', token: TOKEN });
      expect(report.preflight).toBeUndefined();
      expect(report.exitCode).toBe(1);
      expect(report.results.find((r) => r.id === 'not_a_server_error')?.outcome).toBe('failed');
    } finally {
      await broken.close();
    }
  });

  test('a --forbidden-token the target accepts: exit 2, says so, names the flag and how to bind tokens in ges-mock; the token is masked', async () => {
    // A target that takes the token for one of the project's own, as ges-mock serve does without --token.
    const lax = await startCorruptServer((seen, answer) =>
      answer(seen.request.headers['x-auth-token'] === 'a-token-every-project-accepts' ? withToken(seen, TOKEN) : undefined),
    );
    const report = await runContract({
      baseUrl: lax.url,
      projectId: PROJECT,
      graph: 'movie',
      token: TOKEN,
      forbiddenToken: 'a-token-every-project-accepts',
    }).finally(() => lax.close());
    expect(report.preflight?.kind).toBe('forbidden-token');
    const text = paragraph(report);
    expect(text).toContain(`the target accepted the forbidden token on project ${PROJECT}, so it is no forbidden token there`);
    expect(text).toContain(
      `Asked: GET ${lax.url}/ges/v1.0/${PROJECT}/graphs/movie/jobs/status with the forbidden token a-t… (29 characters)`,
    );
    expect(text).toContain('--forbidden-token (env GES_FORBIDDEN_TOKEN, option forbiddenToken)');
    expect(text).toContain(`ges-mock serve --token <token>:${PROJECT} --token <forbidden-token>:<another project_id>`);
    expect(text).not.toContain('a-token-every-project-accepts');
    // A forbidden token the target refuses passes the preflight.
    expect((await run({ forbiddenToken: FORBIDDEN_TOKEN })).preflight).toBeUndefined();
  });

  test('a run that leaves the list out reads the status of a job no graph holds instead', async () => {
    const report = await run({ token: undefined, includeOperations: ['getJobStatus'] });
    expect(report.preflight?.kind).toBe('token');
    expect(paragraph(report)).toMatch(
      new RegExp(`Asked: GET ${mock.url}/ges/v1\\.0/${PROJECT}/graphs/movie/jobs/ffffffff-0000-4000-8000-000000000000/status without`),
    );
    expect((await run({ includeOperations: ['getJobStatus'] })).preflight).toBeUndefined();
  });

  test('JUnit: the preflight is one error, and <testsuites> counts what its <testsuite> counts', async () => {
    const xml = toJunitXml(await run({ token: undefined }));
    expect(xml).toContain('<testsuites name="ges-contract" tests="1" failures="0" errors="1" skipped="0"');
    expect(xml).toMatch(/<testsuite name="preflight" tests="1" failures="0" errors="1" skipped="0"/);
    expect(xml).toMatch(/<error message="Misconfiguration \(token\), nothing was checked: /);
  });
});
