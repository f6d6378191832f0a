/**
 * Starts `prism mock openapi.yaml` once per bench run, on a port the OS picks (`-p 0`), and waits
 * until it listens and answers. Its per-request log goes to a temporary file, not through a pipe,
 * so draining Prism's output costs the load generator nothing.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running Prism. */
export interface RunningPrism {
  url: string;
  pid: number | undefined;
  /** The command as a reader would type it. */
  command: string;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LISTENING = /Prism is listening on (http:\/\/[^\s\u001b]+)/;

/** Spawns Prism over the repository's openapi.yaml and resolves once it listens (or rejects after `timeoutSec`). */
export async function startPrism(timeoutSec = 90): Promise<RunningPrism> {
  const dir = mkdtempSync(join(tmpdir(), 'ges-bench-prism-'));
  const logPath = join(dir, 'prism.log');
  const log = openSync(logPath, 'w');
  const args = ['mock', 'openapi.yaml', '-p', '0', '-h', '127.0.0.1'];
  const child = spawn(join(ROOT, 'node_modules/.bin/prism'), args, { cwd: ROOT, stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanup = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutSec * 1000;
  while (Date.now() < deadline) {
    const text = readFileSync(logPath, 'utf8');
    const url = LISTENING.exec(text)?.[1];
    if (url) return { url, pid: child.pid, command: `prism mock openapi.yaml -p 0 -h 127.0.0.1`, stop: cleanup };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const tail = readFileSync(logPath, 'utf8').slice(-2000);
  await cleanup();
  throw new Error(`Prism did not start within ${timeoutSec} s:\n${tail}`);
}
