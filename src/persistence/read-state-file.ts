/**
 * Reads a version-1 `--state` file (one JSON object, state-file-format.ts) without ever changing it:
 * missing (a first start), ours and intact, or a problem worded for the person who typed the path.
 * Version 2 (snapshot-file.ts) is told apart by its first line before this is called; a version-1
 * file is then rewritten in version 2 by the first compaction. Corrupt and foreign files are left
 * exactly as they are, so nothing someone cares about is overwritten.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseStateFileText } from './state-file-format.js';

/** What is at the path. */
export type StateFileRead =
  | { kind: 'missing' }
  | { kind: 'ok'; state: Record<string, unknown>; savedAt: string }
  | { kind: 'problem'; message: string };

/** Largest state file read: far above any bounded state, far below what would exhaust memory. */
const MAX_STATE_FILE_BYTES = 1024 * 1024 * 1024;

/** Looks at `path` (read-only). */
export function readStateFile(path: string): StateFileRead {
  const untouched = 'It was left untouched: name another file with --state, or move this one away.';
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { kind: 'problem', message: `state file ${path} is not a plain file. ${untouched}` };
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { kind: 'problem', message: `cannot read state file ${path}: ${(error as Error).message}` };
    try {
      accessSync(dirname(path), constants.W_OK);
    } catch {
      return { kind: 'problem', message: `cannot create state file ${path}: its directory does not exist or is not writable` };
    }
    return { kind: 'missing' };
  }
  if (size > MAX_STATE_FILE_BYTES)
    return { kind: 'problem', message: `state file ${path} is ${size} bytes, more than a mock state can be. ${untouched}` };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
    accessSync(path, constants.W_OK);
  } catch (error) {
    return { kind: 'problem', message: `cannot use state file ${path}: ${(error as Error).message}` };
  }
  const parsed = parseStateFileText(text);
  if (parsed.ok) return { kind: 'ok', state: parsed.state, savedAt: parsed.savedAt };
  const what = parsed.problem === 'corrupt' ? 'is corrupt' : 'is not a ges-mock state file';
  return { kind: 'problem', message: `state file ${path} ${what}: ${parsed.reason}. ${untouched}` };
}
