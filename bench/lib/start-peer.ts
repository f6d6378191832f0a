/**
 * The other mocks a user might pick instead of ges-mock, each started as its users start it, on
 * 127.0.0.1, answering the bench's small-page request. Each one's output goes to a temporary file
 * (like Prism's), so draining its default request logging costs the bench nothing under load.
 * What each serves:
 * - Mockoon CLI and its default OpenAPI import: examples or schema-generated data, from openapi.yaml;
 * - WireMock standalone: one stub mapping (path + query) whose body is the mock's own answer;
 * - json-server: a `jobs` collection (the mock's first 20 jobs), paged with `_start`/`_limit` behind
 *   a route that maps the GES path and its `limit`/`offset` onto them (it answers a bare array);
 * - MSW's @mswjs/http-middleware: one handler answering the mock's own body.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_PROJECT } from '../bench-target.js';
import { KIT_SPEC_PATH } from '../../contracts/start-prism-mock.js';
import { fetchPage } from './fetch-page.js';
import { forkServer } from './fork-child.js';
import { installedPeerVersion, PEERS_DIR } from './install-peers.js';

/** The peers, in the order the bench reports them. */
export const PEER_IDS = ['mockoon', 'wiremock', 'jsonServer', 'msw'] as const;
/** One peer. */
export type PeerId = (typeof PEER_IDS)[number];

/** A running peer. */
export interface PeerServer {
  url: string;
  pid: number | undefined;
  /** Its package and version, e.g. `@mockoon/cli 9.9.0`. */
  version: string;
  /** The command as a reader would type it. */
  command: string;
  stop(): Promise<void>;
}

/** What a peer is given: the small page's path, the mock's answer to it, and a page of 20 jobs. */
export interface PeerInput {
  path: string;
  pageText: string;
  jobs: unknown[];
}

/** Labels for charts and tables. */
export const PEER_LABELS: Record<PeerId, string> = {
  mockoon: 'Mockoon CLI',
  wiremock: 'WireMock',
  jsonServer: 'json-server',
  msw: 'MSW http-middleware',
};

const START_TIMEOUT_MS = 90_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bin = (pkg: string, file: string) => join(PEERS_DIR, 'node_modules', pkg, file);

/** A port free right now (for the two peers that cannot be given port 0); the tiny race is the bench's to bear. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Spawns `command args` with its output to `dir/out.log`, then polls until `urlOf(output)` names a
 * URL that answers the small page with 200; throws with the output's tail when it exits or times out.
 */
async function spawnUntilServing(
  dir: string,
  command: string,
  args: string[],
  path: string,
  urlOf: (output: string) => string | undefined,
): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const logPath = join(dir, 'out.log');
  const fd = openSync(logPath, 'w');
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(force);
    }
  };
  const output = () => readFileSync(logPath, 'utf8');
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError = 'no URL yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited (${child.exitCode ?? child.signalCode}) before serving:\n${output().slice(-2000)}`);
    }
    const url = urlOf(output());
    if (url) {
      try {
        await fetchPage(url + path);
        return { url, pid: child.pid, stop };
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`not serving within ${START_TIMEOUT_MS / 1000} s (${lastError}):\n${output().slice(-2000)}`);
}

type Started = Omit<PeerServer, 'version' | 'stop'> & { stop: () => Promise<void> };

const STARTERS: Record<PeerId, { pkg: string; start: (dir: string, input: PeerInput) => Promise<Started> }> = {
  mockoon: {
    pkg: '@mockoon/cli',
    async start(dir, input) {
      const port = await freePort();
      const args = ['start', '--data', KIT_SPEC_PATH, '--port', String(port), '--hostname', '127.0.0.1'];
      const server = await spawnUntilServing(
        dir,
        process.execPath,
        [bin('@mockoon/cli', 'bin/run.js'), ...args],
        input.path,
        () => `http://127.0.0.1:${port}`,
      );
      return { ...server, command: `mockoon-cli start --data openapi.yaml --port ${port} --hostname 127.0.0.1` };
    },
  },
  wiremock: {
    pkg: 'wiremock',
    async start(dir, input) {
      const version = installedPeerVersion('wiremock');
      const jar = bin('wiremock', `build/wiremock-standalone-${version}.jar`);
      const [pathname, query] = input.path.split('?') as [string, string];
      const queryParameters = Object.fromEntries([...new URLSearchParams(query)].map(([key, value]) => [key, { equalTo: value }]));
      const mapping = {
        request: { method: 'GET', urlPath: pathname, queryParameters },
        response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: input.pageText },
      };
      const root = join(dir, 'wiremock');
      rmSync(root, { recursive: true, force: true });
      mkdirSync(join(root, 'mappings'), { recursive: true });
      writeFileSync(join(root, 'mappings', 'small-page.json'), JSON.stringify(mapping));
      // the request journal keeps every request in memory: off, as WireMock's docs advise under load
      const args = ['-jar', jar, '--port', '0', '--bind-address', '127.0.0.1', '--root-dir', root, '--no-request-journal'];
      const server = await spawnUntilServing(dir, 'java', args, input.path, (output) => {
        const port = /^port:\s+(\d+)/m.exec(output)?.[1];
        return port ? `http://127.0.0.1:${port}` : undefined;
      });
      return {
        ...server,
        command: `java -jar wiremock-standalone-${version}.jar --port 0 --bind-address 127.0.0.1 --root-dir <dir with one mapping> --no-request-journal`,
      };
    },
  },
  jsonServer: {
    pkg: 'json-server',
    async start(dir, input) {
      const port = await freePort();
      writeFileSync(
        join(dir, 'db.json'),
        JSON.stringify({ jobs: input.jobs.map((job, index) => ({ id: index + 1, ...(job as object) })) }),
      );
      writeFileSync(
        join(dir, 'routes.json'),
        JSON.stringify({
          [`/ges/v1.0/${BENCH_PROJECT}/graphs/movie/jobs/status\\?limit=:limit&offset=:offset`]: '/jobs?_start=:offset&_limit=:limit',
        }),
      );
      const args = ['db.json', '--routes', 'routes.json', '--port', String(port), '--host', '127.0.0.1', '--read-only'];
      const server = await spawnUntilServing(
        dir,
        process.execPath,
        [bin('json-server', 'lib/cli/bin.js'), ...args],
        input.path,
        () => `http://127.0.0.1:${port}`,
      );
      return { ...server, command: `json-server db.json --routes routes.json --port ${port} --host 127.0.0.1 --read-only` };
    },
  },
  msw: {
    pkg: '@mswjs/http-middleware',
    async start(dir, input) {
      const bodyFile = join(dir, 'body.json');
      writeFileSync(bodyFile, input.pageText);
      const child = await forkServer('msw-middleware-server', ['--body-file', bodyFile]);
      return {
        ...child,
        command: `createServer(http.get('/ges/v1.0/:projectId/graphs/:graphName/jobs/status', () => new HttpResponse(body))).listen(0) (msw ${installedPeerVersion('msw')})`,
      };
    },
  },
};

/** Starts peer `id` in a temporary folder of its own; throws with the reason when it cannot serve. */
export async function startPeer(id: PeerId, input: PeerInput): Promise<PeerServer> {
  const { pkg, start } = STARTERS[id];
  const version = installedPeerVersion(pkg);
  if (!version) throw new Error(`${pkg} is not installed in bench/peers`);
  const dir = mkdtempSync(join(tmpdir(), `ges-peer-${id}-`));
  try {
    const started = await start(dir, input);
    return {
      ...started,
      version: `${pkg} ${version}`,
      async stop() {
        await started.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
