/**
 * `--ready-file`: tells a CI script the mock is listening and where. Written atomically (a temporary
 * file in the same directory, then a rename), so a reader polling for the file never sees half of it.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** What the ready file holds. */
export interface ReadyInfo {
  url: string;
  port: number;
  pid: number;
}

/** Writes `{"url","port","pid"}` to `file` atomically; throws what the file system says. */
export function writeReadyFile(file: string, info: ReadyInfo): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify({ url: info.url, port: info.port, pid: info.pid })}\n`);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes the ready file of a server now listening: undefined, or why it cannot be written. */
export function announceReady(file: string, info: ReadyInfo): string | undefined {
  try {
    writeReadyFile(file, info);
    return undefined;
  } catch (error) {
    return `cannot write --ready-file ${file}: ${(error as Error).message}`;
  }
}

/** Removes a ready file an earlier run left, before listening: undefined, or why it cannot be removed. */
export function removeStaleReadyFile(file: string): string | undefined {
  try {
    removeReadyFile(file);
    return undefined;
  } catch (error) {
    return `cannot use --ready-file ${file}: ${(error as Error).message}`;
  }
}

/** Removes a ready file (a stale one before starting, ours on a clean stop); a missing file is fine. */
export function removeReadyFile(file: string): void {
  rmSync(file, { force: true });
}
