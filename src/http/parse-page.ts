/**
 * limit/offset of the list and of a job's result. Not a plain integer: 400 GES.8000; an integer out of
 * range: 400 GES.8005 (openapi.yaml, parameters Limit and Offset).
 */
import type { Page } from '../engine/engine-types.js';
import { MALFORMED, readParam, type Query } from './parse-query.js';
import { httpErrors, type HttpError } from './to-ges-error.js';

/** Largest limit the GES page allows, and the default. */
export const MAX_LIMIT = 100_000;
/** Largest offset: a signed 32-bit integer [decision in openapi.yaml]. */
export const MAX_OFFSET = 2_147_483_647;

/** An optional sign and digits only: rejects '', '1.5', '1e3', '0x10', ' 1', '+-'. */
const PLAIN_INTEGER = /^-?[0-9]+$/;

function readInteger(
  query: Query,
  name: string,
  fallback: number,
  max: number,
): { ok: true; value: number } | { ok: false; error: HttpError } {
  const raw = readParam(query, name);
  if (raw === undefined) return { ok: true, value: fallback };
  if (raw === MALFORMED) return { ok: false, error: httpErrors.malformed(`${name} is not valid percent-encoding.`) };
  if (typeof raw === 'object') return { ok: false, error: httpErrors.malformed(`${name} must be given once.`) };
  if (!PLAIN_INTEGER.test(raw)) return { ok: false, error: httpErrors.malformed(`${name} must be an integer.`) };
  // A huge digit string becomes a huge (or infinite) number: out of range, as it should be.
  const value = Number(raw);
  if (!(value >= 0 && value <= max)) {
    return { ok: false, error: httpErrors.outOfRange(`${name} must be between 0 and ${max}.`) };
  }
  return { ok: true, value: value === 0 ? 0 : value }; // -0 becomes 0
}

/** Reads limit (default 100000) and offset (default 0). */
export function parsePage(query: Query): { ok: true; page: Page } | { ok: false; error: HttpError } {
  if (query.size === 0) return { ok: true, page: { limit: MAX_LIMIT, offset: 0 } };
  const limit = readInteger(query, 'limit', MAX_LIMIT, MAX_LIMIT);
  if (!limit.ok) return limit;
  const offset = readInteger(query, 'offset', 0, MAX_OFFSET);
  if (!offset.ok) return offset;
  return { ok: true, page: { limit: limit.value, offset: offset.value } };
}
