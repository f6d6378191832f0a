/**
 * Parsers the flag tables share. Each names the flag or variable its value came from
 * (`given.label`), so a message reads `--port ...` or `GES_MOCK_PORT ...` as the user typed it.
 */
import type { GivenValue } from './cli-option.js';
import { UsageError } from './usage-error.js';

/** An integer in [min, max], read from `text` (all of `given`, or a part of it such as `n` of `n:status`). */
export function integer(given: GivenValue, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${given.label} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

/** A probability 0..1 as typed on a command line ("0.25", "1", ".5"). */
export function rate(given: GivenValue, text: string): number {
  const value = Number(text);
  if (!/^(?:0|1|0?\.\d+|1\.0*)$/.test(text) || !(value >= 0 && value <= 1)) {
    throw new UsageError(`${given.label} needs a rate from 0 to 1, got "${text}"`);
  }
  return value;
}

/** The text as given, refused when blank: `what` says what was missing ("a file name"). */
export const nonBlank =
  (what: string) =>
  (given: GivenValue): string => {
    if (given.text.trim() === '') throw new UsageError(`${given.label} needs ${what}`);
    return given.text;
  };

/** The text as given, an empty one counting as not given (the target flags of record and contract). */
export const textOrUnset = (given: GivenValue): string | undefined => (given.text === '' ? undefined : given.text);
