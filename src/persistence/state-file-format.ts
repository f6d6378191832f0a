/**
 * Version 1 of the `ges-mock serve --state` file, still read (and upgraded), and the whole-snapshot
 * write `bench/measure-state-writes.ts` compares the journal with: one JSON object naming its format
 * and version, a SHA-256 of the state, and the state itself as a fixture document (what
 * `api.snapshot()` returns). The marker tells
 * our file from anyone else's (a fixture document, a config file) before anything is overwritten;
 * the checksum tells a damaged or hand-edited file from a good one. Files are only ever replaced
 * whole (writeFileAtomically), so a mismatch never comes from our own crash.
 */
import { createHash } from 'node:crypto';

/** The `format` marker of a state file. */
const STATE_FILE_FORMAT = 'ges-jobs-kit/mock-state';
/** The version this code writes and reads. */
const STATE_FILE_VERSION = 1;

/** What parsing a state file's text found. */
export type ParsedStateFile =
  | { ok: true; state: Record<string, unknown>; savedAt: string }
  | { ok: false; problem: 'corrupt' | 'foreign'; reason: string };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The file's text for a state (a fixture document); `savedAt` is informative only. */
export function toStateFileText(state: object, savedAtMs: number): string {
  const stateText = JSON.stringify(state);
  const head = JSON.stringify({
    format: STATE_FILE_FORMAT,
    version: STATE_FILE_VERSION,
    savedAt: new Date(savedAtMs).toISOString(),
    sha256: sha256(stateText),
  });
  return `${head.slice(0, -1)},"state":${stateText}}\n`;
}

/** Checks a state file's text: ours, a version we read, intact. Never throws. */
export function parseStateFileText(text: string): ParsedStateFile {
  if (text.trim() === '') return { ok: false, problem: 'foreign', reason: 'it is empty' };
  const looksOurs = text.slice(0, 200).includes(`"format":"${STATE_FILE_FORMAT}"`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return looksOurs
      ? {
          ok: false,
          problem: 'corrupt',
          reason: `it is not valid JSON (${(error as Error).message}); it was damaged after ges-mock wrote it`,
        }
      : { ok: false, problem: 'foreign', reason: 'it is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== STATE_FILE_FORMAT) {
    return { ok: false, problem: 'foreign', reason: `it has no "format": "${STATE_FILE_FORMAT}" (a fixture document goes to --fixtures)` };
  }
  const file = value as { version?: unknown; sha256?: unknown; savedAt?: unknown; state?: unknown };
  if (file.version !== STATE_FILE_VERSION) {
    return {
      ok: false,
      problem: 'foreign',
      reason: `it is version ${JSON.stringify(file.version)}; this ges-mock reads version ${STATE_FILE_VERSION}`,
    };
  }
  if (typeof file.state !== 'object' || file.state === null || Array.isArray(file.state)) {
    return { ok: false, problem: 'corrupt', reason: 'it has no "state" object' };
  }
  if (file.sha256 !== sha256(JSON.stringify(file.state))) {
    return {
      ok: false,
      problem: 'corrupt',
      reason: 'its checksum does not match its state: it was changed or damaged after ges-mock wrote it',
    };
  }
  return { ok: true, state: file.state as Record<string, unknown>, savedAt: typeof file.savedAt === 'string' ? file.savedAt : '' };
}
