/**
 * Runs the kit's commands the way a user's project has them: node_modules/.bin/ges-mock and
 * node_modules/.bin/ges-contract, on whatever `node` is first on PATH.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** node_modules/.bin/<name> of this project. */
export const binPath = (name: 'ges-mock' | 'ges-contract'): string =>
  fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));

/** A running `ges-mock serve`: its base URL and a stop(). */
export interface RunningMock {
  url: string;
  stop(): Promise<void>;
}

/** Starts `ges-mock serve <args>` and resolves once it prints the URL it listens on. */
export function startMock(args: readonly string[]): Promise<RunningMock> {
  const child: ChildProcess = spawn(binPath('ges-mock'), ['serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (found) resolve({ url: found[0], stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`ges-mock serve exited ${code} before listening:\n${output}`)));
  });
}

/** Runs a bin to its end: exit code and output. */
export function runBin(
  name: 'ges-mock' | 'ges-contract',
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(binPath(name), [...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
