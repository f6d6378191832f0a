/**
 * fsync of a directory makes a rename or a newly created file in it durable (it survives a power
 * loss). Some platforms (Windows) cannot open a directory, or fsync one: skipped there, where the
 * rename is still atomic.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';

/** fsyncs `directory` where the platform can. */
export function syncDirectory(directory: string): void {
  let fd: number;
  try {
    fd = openSync(directory, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EISDIR/EPERM on platforms without directory fsync
  } finally {
    closeSync(fd);
  }
}
