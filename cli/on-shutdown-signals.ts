/**
 * SIGTERM and SIGINT: the first starts a clean stop (whose exit code `stop` resolves to); a second one,
 * while that runs, means "now": `forced` runs and the process exits at once with 128 + the signal's
 * number, as a shell reports a process killed by it.
 */
import { constants } from 'node:os';

type StopSignal = 'SIGTERM' | 'SIGINT';

/** Installs the handlers. `stop` must not throw; `forced` must be synchronous. */
export function onShutdownSignals(stop: (signal: StopSignal) => Promise<number>, forced: (signal: StopSignal) => void): void {
  let stopping = false;
  const handle = (signal: StopSignal) => {
    if (stopping) {
      forced(signal);
      process.exit(128 + constants.signals[signal]);
    }
    stopping = true;
    void stop(signal).then((code) => process.exit(code));
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
