/**
 * Reads a file line by line in fixed-size chunks, synchronously: a state of any size is read without
 * ever holding the whole file as one string (V8 strings stop at about 512 MiB). Only one line (one
 * graph of a snapshot, one change of a journal) is a string at a time.
 */
import { createHash } from 'node:crypto';
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

/**
 * Reads a snapshot's JSON lines: each line before the last is handed to `onValue` (with its number,
 * from 1), which answers a problem or nothing; the last line must count those lines and carry their
 * SHA-256, so a truncated or edited snapshot is told from a good one. The first problem is answered;
 * nothing throws for bad content.
 */
export function readSnapshotLines(
  path: string,
  onValue: (value: Record<string, unknown>, line: number) => string | undefined,
): string | undefined {
  let problem: string | undefined;
  let end: { lines: number; sha256: string } | undefined;
  const hash = createHash('sha256');
  let lines = 0;
  const { tornTail } = readLines(path, (line) => {
    if (problem !== undefined) return;
    if (end) {
      problem = 'it has lines after its end';
      return;
    }
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      problem = `line ${lines + 1} is not valid JSON (${(error as Error).message})`;
      return;
    }
    if (value.end === true) {
      end = { lines: Number(value.lines), sha256: String(value.sha256) };
      return;
    }
    hash.update(`${line}\n`);
    lines++;
    problem = onValue(value, lines);
  });
  if (problem) return problem;
  if (lines === 0) return 'it has no header';
  if (!end || tornTail) return 'it ends before its last line (truncated)';
  if (end.lines !== lines || end.sha256 !== hash.digest('hex'))
    return 'its checksum does not match its lines: it was changed or damaged after ges-mock wrote it';
  return undefined;
}
