/**
 * `ges-mock serve --fixtures FILE`: reads and validates the fixture document before the server
 * starts, so that a bad file ends the command with its message (exit 2) instead of a stack trace.
 */
import type { FixtureDocument } from '../src/fixtures/fixture-types.js';
import { readFixtureFile } from '../src/fixtures/read-fixture-file.js';

/**
 * The document of `path`, validated against the instant the server's clock will start at (the
 * document's own `now`, else the real time); or the message naming every problem.
 */
export function readFixturesOption(path: string): { ok: true; fixtures: FixtureDocument } | { ok: false; message: string } {
  const read = readFixtureFile(path, { now: Date.now() });
  return read.ok ? { ok: true, fixtures: read.document } : { ok: false, message: read.error.message };
}
