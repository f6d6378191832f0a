/**
 * Reads a file line by line in fixed-size chunks, synchronously: a state of any size is read without
 * ever holding the whole file as one string (V8 strings stop at about 512 MiB). Only one line (one
 * graph of a snapshot, one change of a journal) is a string at a time.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const CHUNK = 1024 * 1024;

/**
 * Calls `onLine(text, endOffset)` for each complete line (without its newline; endOffset is the byte
 * offset just past the newline). Returns the byte length of the complete lines and whether bytes
 * followed the last newline (a torn tail).
 */
export function readLines(path: string, onLine: (line: string, endOffset: number) => void): { completeBytes: number; tornTail: boolean } {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const decoder = new StringDecoder('utf8');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let offset = 0;
  let completeBytes = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, offset);
      if (read === 0) break;
      let start = 0;
      for (let newline = buffer.indexOf(10, start); newline >= 0 && newline < read; newline = buffer.indexOf(10, start)) {
        const piece = buffer.subarray(start, newline);
        const bytes = pendingBytes > 0 ? Buffer.concat([...pending, piece]) : piece;
        completeBytes = offset + newline + 1;
        pending = [];
        pendingBytes = 0;
        onLine(decoder.write(bytes) + decoder.end(), completeBytes);
        start = newline + 1;
      }
      if (start < read) {
        pending.push(Buffer.from(buffer.subarray(start, read)));
        pendingBytes += read - start;
      }
      offset += read;
    }
  } finally {
    closeSync(fd);
  }
  return { completeBytes, tornTail: pendingBytes > 0 };
}
