/**
 * Replaces a file's content so that a reader (or a restart after a crash or `kill -9`) sees either
 * the old content or the new, never a mix or a truncated file: the text goes to a temporary file in
 * the same directory, is fsynced, and is renamed over the target (rename is atomic within one file
 * system); then the directory is fsynced so the rename itself survives a power loss. Synchronous on
 * purpose: callers use it to make a change durable before they answer the client that made it.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { syncDirectory } from './sync-directory.js';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** Writes `text` to `path` atomically and durably; throws the file system's error (the target is then untouched). */
export function writeFileAtomically(path: string, text: string): void {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  const fd = openSync(temporary, 'wx', 0o644);
  try {
    try {
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(directory);
}
