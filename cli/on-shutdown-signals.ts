/**
 * SIGTERM and SIGINT: the first starts a clean stop (whose exit code `stop` resolves to); a second one,
 * while that runs, means "now": `forced` runs and the process exits at once with 128 + the signal's
 * number, as a shell reports a process killed by it.
 */
import { constants } from 'node:os';
import type { RequestLog } from '../src/server/create-request-log.js';
import { removeReadyFile } from './write-ready-file.js';

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

/**
 * How long a stop waits for the output's reader to take the last lines. A pipe's reader that keeps up
 * (`| tee`, a CI step) takes them at once; process.exit would drop what a pipe still holds (the request
 * log under load, the stop lines), but a reader that stopped reading must not keep the process alive.
 */
const OUTPUT_WAIT_MS = 2_000;

/** Resolves once `stream` holds nothing unwritten (at once for a file or a terminal), once it is gone, or after `ms`. */
async function outputWritten(stream: NodeJS.WriteStream, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (stream.writableLength > 0 && !stream.destroyed && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** What a server command stops: its name in messages, its log, its ready file, and how it ends. */
export interface GracefulStop {
  /** `ges-mock` or `ges-mock proxy`, as the lines it writes name it. */
  name: string;
  log: RequestLog;
  readyFile: string | undefined;
  /** Stops listening; resolves once the requests in flight are answered. */
  drain(): Promise<unknown>;
  /** Work after the last answer (saving state, writing reports); resolves to the exit code. */
  finish(): Promise<number>;
}

/**
 * The server commands' stop: on the first signal stop listening, then say so (whoever reads the line
 * can rely on it), finish the requests in flight and the command's own work, remove the ready file,
 * let the output's reader take the last lines, and exit with the code; on a second signal say so and
 * exit at once.
 */
export function onGracefulStop(server: GracefulStop): void {
  const { name, log, readyFile } = server;
  onShutdownSignals(
    async (signal) => {
      const drained = server.drain();
      log.event('stopping', { signal }, `${name}: ${signal}: no new connections; finishing the requests in flight (at most 5 s)`);
      log.flush();
      let code = 0;
      try {
        await drained;
        code = await server.finish();
      } catch (error) {
        process.stderr.write(`${name}: could not stop cleanly: ${(error as Error)?.message ?? String(error)}\n`);
        code = 1;
      }
      if (readyFile !== undefined) removeReadyFile(readyFile);
      log.event('stopped', { code }, `${name}: stopped`);
      log.flush();
      await Promise.all([outputWritten(process.stdout, OUTPUT_WAIT_MS), outputWritten(process.stderr, OUTPUT_WAIT_MS)]);
      return code;
    },
    (signal) => {
      log.event('killed', { signal }, `${name}: second ${signal}: exiting now`);
      log.flush();
      if (readyFile !== undefined) removeReadyFile(readyFile);
    },
  );
}
