/** Starts the standalone mock in a child process (profiled when asked) and hands back its URL. */
import type { Profiler } from './profiler.js';
import { forkServer } from './fork-child.js';

/** A mock server child. */
export interface MockChild {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Forks bench/children/mock-server.ts with `args` (e.g. `--graphs movie --jobs 100000`), from checkout `root` when given. */
export async function startMock(label: string, args: readonly string[], profiler: Profiler, root?: string): Promise<MockChild> {
  const child = await forkServer('mock-server', args, { nodeFlags: profiler.nodeFlags(label), ...(root ? { root } : {}) });
  return {
    url: child.url,
    pid: child.pid,
    async stop() {
      await child.stop();
      profiler.collect(label);
    },
  };
}
