/**
 * The child side of forkChild's protocol: answer the parent once, stop when told. Run by hand (no IPC
 * channel), a child prints its answer as JSON instead; a probe then exits, a server runs until Ctrl-C.
 * Every way out goes through process.exit(0), so that --cpu-prof gets to write its profile.
 */

type Answer = { kind: 'ready' | 'result'; [key: string]: unknown } | { kind: 'failed'; message: string };

/** Sends the parent this child's one answer (or prints it when there is no parent). */
function tellParent(message: Answer): void {
  if (process.send) process.send(message);
  else process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Runs `main`, reports its value (or its failure), then waits for `stop`, runs `cleanup` and exits 0. */
export function runChild<T extends Record<string, unknown>>(
  kind: 'ready' | 'result',
  main: () => Promise<{ answer: T; cleanup?: () => Promise<void> }>,
): void {
  main().then(
    ({ answer, cleanup }) => {
      tellParent({ kind, ...answer });
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await cleanup?.();
        process.exit(0);
      };
      if (!process.send) {
        if (kind === 'result') void stop();
        else process.once('SIGINT', () => void stop());
        return;
      }
      process.on('message', (message: { kind?: string }) => {
        if (message?.kind === 'stop') void stop();
      });
      // the parent died or let go: do not linger as an orphan
      process.on('disconnect', () => void stop());
    },
    (error: unknown) => {
      tellParent({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exitCode = 1;
      process.disconnect?.();
    },
  );
}
