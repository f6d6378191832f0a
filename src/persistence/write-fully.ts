/** A write may take fewer bytes than asked: this one writes them all. */
import { writeSync } from 'node:fs';

/** Writes all of `bytes` at `position`, or at the file's current position when it is undefined. */
export function writeFully(fd: number, bytes: Uint8Array, position?: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
}
