/**
 * Starts the mock as users run it: the `ges-mock serve` command (bin/ges-mock.js), in its own
 * process, on a free port, profiled when asked. Its request log goes to a file, as a CI step's log
 * does (a pipe read by this busy process would make the mock's writes wait on the bench); `--quiet`
 * turns it off. The URL comes from the command's own `--ready-file`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profiler } from './profiler.js';

/** A mock server child. */
export interface MockChild {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

const KIT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/**
 * Runs `ges-mock serve --port 0 --host 127.0.0.1 ...args` (e.g. `--quiet`, `--graphs movie --jobs
 * 100000`, `--journal-size 0`) from checkout `root` when given (the bench's `--baseline`).
 */
export async function startMock(label: string, args: readonly string[], profiler: Profiler, root = KIT_ROOT): Promise<MockChild> {
  const dir = mkdtempSync(join(tmpdir(), 'ges-bench-mock-'));
  const ready = join(dir, 'ready.json');
  const log = openSync(join(dir, 'mock.log'), 'w');
  const child = spawn(
    process.execPath,
    [
      ...profiler.nodeFlags(label),
      join(root, 'bin', 'ges-mock.js'),
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--ready-file',
      ready,
      ...args,
    ],
    { cwd: root, stdio: ['ignore', log, 'pipe'] },
  );
  closeSync(log);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let code: number | null | undefined;
  void exited.then((c) => {
    code = c;
  });
  const started = Date.now();
  while (!existsSync(ready)) {
    if (code !== undefined || Date.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${label}: ges-mock serve ${code === undefined ? 'did not start in time' : `exited with ${code}`}\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { url } = JSON.parse(readFileSync(ready, 'utf8')) as { url: string };
  return {
    url,
    pid: child.pid,
    async stop() {
      if (code === undefined) {
        child.kill('SIGTERM'); // a graceful stop: the command exits, and --cpu-prof writes its profile
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
      profiler.collect(label);
    },
  };
}
