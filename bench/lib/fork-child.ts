/**
 * Runs one piece of the bench in its own Node process (a server under test, the seeding probe, the
 * in-process probe), so the load generator never shares an event loop or a heap with what it measures.
 * Protocol over the IPC channel: the child sends one `{ kind: 'ready' | 'result', ... }` or
 * `{ kind: 'failed', message }`; the parent sends `{ kind: 'stop' }` and the child exits cleanly (which
 * is also what lets `--cpu-prof` write its profile).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A message a bench child sends its parent. */
type ChildMessage = ({ kind: 'ready' | 'result' } & Record<string, unknown>) | { kind: 'failed'; message: string };

/** A running child and its first answer. */
export interface ForkedChild {
  readonly pid: number | undefined;
  /** The child's first `ready`/`result` message; rejects on `failed` or an early exit. */
  readonly first: Promise<Record<string, unknown>>;
  /** Asks the child to stop, waits for it (killing this one child after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Options of forkChild. */
export interface ForkOptions {
  /** Extra Node flags before tsx, e.g. `--expose-gc`, `--cpu-prof`. */
  nodeFlags?: readonly string[];
  /** Seconds to wait for the first message. Default 120. */
  timeoutSec?: number;
  /** Another checkout of the kit whose bench/children/<name>.ts to run (the bench's `--baseline`). */
  root?: string;
}

const TAIL = 4000;

/** Starts `bench/children/<name>.ts` under tsx with `args` and returns a handle on it. */
export function forkChild(name: string, args: readonly string[], options: ForkOptions = {}): ForkedChild {
  const script = options.root
    ? join(options.root, 'bench', 'children', `${name}.ts`)
    : fileURLToPath(new URL(`../children/${name}.ts`, import.meta.url));
  const child: ChildProcess = fork(script, [...args], {
    execArgv: [...(options.nodeFlags ?? []), '--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // keep only the tail of what the child prints: enough to explain a failure, never a memory sink
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const first = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name}: no answer within ${options.timeoutSec ?? 120} s\n${output}`)),
      (options.timeoutSec ?? 120) * 1000,
    );
    child.once('message', (message: ChildMessage) => {
      clearTimeout(timer);
      if (message.kind === 'failed') reject(new Error(`${name}: ${message.message}\n${output}`));
      else resolve(message);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited with code ${code} before answering\n${output}`));
    });
  });
  // a rejection nobody awaits yet must not take the orchestrator down
  first.catch(() => {});

  return {
    pid: child.pid,
    first,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ kind: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A server child once it listens. */
export interface ServerChild {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Forks a server child (one that answers `{ kind: 'ready', url }`) and waits for its URL; stops it when it fails to start. */
export async function forkServer(name: string, args: readonly string[], options: ForkOptions = {}): Promise<ServerChild> {
  const child = forkChild(name, args, options);
  const ready = await child.first.catch(async (error: unknown) => {
    await child.stop();
    throw error;
  });
  return { url: String(ready.url), pid: child.pid, stop: () => child.stop() };
}
