/**
 * Starts `prism mock openapi.yaml` on a free port and waits until it answers, so the kit can be run
 * against a stateless example-serving mock (see docs/contracts.md for what that proves and what not).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './find-free-port.js';

/** A running Prism mock. */
export interface PrismMock {
  url: string;
  port: number;
  /** Stops the Prism process (SIGTERM, then SIGKILL after 3 s). */
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
export const KIT_SPEC_PATH = [new URL('../openapi.yaml', import.meta.url), new URL('../../openapi.yaml', import.meta.url)]
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts Prism over the spec on 127.0.0.1 and a free port; resolves once it answers HTTP. */
export async function startPrismMock(options: PrismMockOptions = {}): Promise<PrismMock> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [prismEntry(), 'mock', options.specPath ?? KIT_SPEC_PATH, '-p', String(port), '-h', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000); // the tail, for an error message
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with code ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      return { url, port, close: () => stop(child) };
    } catch {
      await sleep(150);
    }
  }
  await stop(child);
  throw new Error(`prism did not answer on ${url} within ${options.startTimeoutMs ?? 60_000} ms:\n${output}`);
}
