/**
 * Starts `prism mock openapi.yaml` on a port the OS picks and resolves once Prism says where it
 * listens, so the kit can be run against a stateless example-serving mock (see docs/contracts.md
 * for what that proves and what not) and the benchmarks can compare against it.
 *
 * Prism is given `-p 0` and its own "listening on" line names the port: choosing a free port first
 * and passing it on would race with any other process that binds in between. Prism's output (one
 * line per request) goes to a temporary file rather than a pipe, so draining it costs the caller
 * nothing under load; its tail explains a failed start.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running Prism mock. */
export interface PrismMock {
  url: string;
  port: number;
  pid: number | undefined;
  /** The command as a reader would type it, e.g. `prism mock openapi.yaml -p 0 -h 127.0.0.1`. */
  command: string;
  /** Stops the Prism process (SIGTERM, then SIGKILL after 3 s) and removes its log. */
  close(): Promise<void>;
}

/** Options of startPrismMock. */
export interface PrismMockOptions {
  /** The spec to serve. Default: this kit's openapi.yaml. */
  specPath?: string | undefined;
  /** Give up waiting after this many ms. Default 60000 (Prism takes a few seconds to start). */
  startTimeoutMs?: number | undefined;
}

/** The kit's own openapi.yaml: one level up from contracts/, two from a built dist/contracts/. */
export const KIT_SPEC_PATH =
  [new URL('../openapi.yaml', import.meta.url), new URL('../../openapi.yaml', import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((path) => existsSync(path)) ?? fileURLToPath(new URL('../openapi.yaml', import.meta.url));

/** The Prism CLI's entry script, from the installed @stoplight/prism-cli. */
function prismEntry(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  const manifest = require(manifestPath) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : (manifest.bin.prism as string);
  return join(dirname(manifestPath), bin);
}

const LISTENING = /Prism is listening on (http:\/\/[^\s\u001b]+)/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts Prism over the spec on 127.0.0.1 and a port the OS picks; resolves once it listens. */
export async function startPrismMock(options: PrismMockOptions = {}): Promise<PrismMock> {
  const specPath = options.specPath ?? KIT_SPEC_PATH;
  const args = ['mock', specPath, '-p', '0', '-h', '127.0.0.1'];
  const dir = mkdtempSync(join(tmpdir(), 'ges-prism-'));
  const logPath = join(dir, 'prism.log');
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, [prismEntry(), ...args], { stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(force);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const output = () => readFileSync(logPath, 'utf8');

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const url = LISTENING.exec(output())?.[1];
    if (url) {
      const command = `prism ${args.join(' ').replace(specPath, specPath === KIT_SPEC_PATH ? 'openapi.yaml' : specPath)}`;
      return { url, port: Number(new URL(url).port), pid: child.pid, command, close };
    }
    if (child.exitCode !== null) {
      const tail = output().slice(-4000);
      await close();
      throw new Error(`prism exited with code ${child.exitCode}:\n${tail}`);
    }
    await sleep(100);
  }
  const tail = output().slice(-4000);
  await close();
  throw new Error(`prism did not start listening within ${timeoutMs} ms:\n${tail}`);
}
