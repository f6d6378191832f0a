/**
 * `ges-mock` as a user runs it: a spawned process of bin/ges-mock.js. Shared by the CLI tests, the
 * hardening tests and the soak, so all of them wait for the same banner and clean up the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runProcess, type ProcessRun } from './run-process.js';

const BIN = fileURLToPath(new URL('../../bin/ges-mock.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const running = new Set<ChildProcess>();

/** A `ges-mock serve` process that is listening. */
export interface GesMockProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** What it printed until it was ready: the URL line and the example curl line (or the `listening` JSON line). */
  banner: string;
  /** Everything it has written to stdout so far (banner and request log). */
  stdout(): string;
  /** Everything it has written to stderr so far. */
  stderr(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Environment of a spawned ges-mock: this process's, without GES_MOCK_* settings, plus `env`. */
function childEnv(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GES_MOCK_')));
  return { ...base, ...env };
}

/**
 * Spawns `ges-mock <args>` (args usually start with `serve`) and resolves once it prints its banner,
 * or with `--log-format json` its `listening` line. `env` adds environment variables.
 */
export function startGesMockProcess(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<GesMockProcess> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const url =
        /listening on (http:\/\/\S+)/.exec(stdout)?.[1] ??
        /^\{"time":"[^"]+","event":"listening","url":"(http:\/\/[^"]+)".*\n/.exec(stdout)?.[1];
      if (url && (/\ntry: .*\n/.test(stdout) || stdout.startsWith('{'))) {
        const banner = stdout;
        resolve({
          child,
          url,
          port: Number(new URL(url).port),
          banner,
          stdout: () => stdout,
          stderr: () => stderr,
          stop: () => stopProcess(child),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`ges-mock exited with ${code} before listening: ${stderr}`)));
  });
}

/** Runs `ges-mock <args>` to its exit; `env` adds environment variables. */
export function runGesMock(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: childEnv(options.env),
    onSpawn: (child) => {
      running.add(child);
      child.once('exit', () => running.delete(child));
    },
  });
}

/** Kills every ges-mock process these helpers started that is still running (for afterEach). */
export function killGesMockProcesses(): void {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  running.clear();
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
