/** The child side of forkChild's protocol: answer the parent once, stop when told. */

/** Sends the parent this child's one answer. */
export function tellParent(message: { kind: 'ready' | 'result'; [key: string]: unknown } | { kind: 'failed'; message: string }): void {
  process.send?.(message);
}

/**
 * Runs `main`; reports its value (or its failure) to the parent; then waits for `stop`, runs `cleanup`
 * and exits 0, so that --cpu-prof and friends get to write their files.
 */
export function runChild<T extends Record<string, unknown>>(
  kind: 'ready' | 'result',
  main: () => Promise<{ answer: T; cleanup?: () => Promise<void> }>,
): void {
  main().then(
    ({ answer, cleanup }) => {
      tellParent({ kind, ...answer });
      const stop = async () => {
        await cleanup?.();
        process.exit(0);
      };
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
