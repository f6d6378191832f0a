/**
 * limit/offset of the list and of a job's result. Not a plain integer: 400 GES.8000; an integer out of
 * range: 400 GES.8005. Ranges and defaults are openapi.yaml's parameters Limit and Offset.
 */
import type { Page } from '../engine/engine-types.js';
import { limitBounds, offsetBounds, type IntegerBounds } from '../spec/spec-facts.js';
import { MALFORMED, readParam, type Query } from './parse-query.js';
import { httpErrors, type HttpError } from './to-ges-error.js';

/** An optional sign and digits only: rejects '', '1.5', '1e3', '0x10', ' 1', '+-'. */
const PLAIN_INTEGER = /^-?[0-9]+$/;

function readInteger(
  query: Query,
  name: string,
  { min, max, default: fallback }: IntegerBounds,
): { ok: true; value: number } | { ok: false; error: HttpError } {
  const raw = readParam(query, name);
  if (raw === undefined) return { ok: true, value: fallback };
  if (raw === MALFORMED) return { ok: false, error: httpErrors.malformed(`${name} is not valid percent-encoding.`) };
  if (typeof raw === 'object') return { ok: false, error: httpErrors.malformed(`${name} must be given once.`) };
  if (!PLAIN_INTEGER.test(raw)) return { ok: false, error: httpErrors.malformed(`${name} must be an integer.`) };
  // A huge digit string becomes a huge (or infinite) number: out of range, as it should be.
  const value = Number(raw);
  if (!(value >= min && value <= max)) {
    return { ok: false, error: httpErrors.outOfRange(`${name} must be between ${min} and ${max}.`) };
  }
  return { ok: true, value: value === 0 ? 0 : value }; // -0 becomes 0
}

type PageRead = { ok: true; page: Page } | { ok: false; error: HttpError };

/** A query read once is read again for every request of the same URL (read-target.ts shares it). */
const readPages = new WeakMap<Query, PageRead>();

/** Reads limit and offset, each defaulting to the spec's default. The answer is shared: never changed. */
export function parsePage(query: Query): PageRead {
  let read = readPages.get(query);
  if (read === undefined) {
    read = readPage(query);
    readPages.set(query, read);
  }
  return read;
}

function readPage(query: Query): PageRead {
  if (query.size === 0) return { ok: true, page: Object.freeze({ limit: limitBounds.default, offset: offsetBounds.default }) };
  const limit = readInteger(query, 'limit', limitBounds);
  if (!limit.ok) return limit;
  const offset = readInteger(query, 'offset', offsetBounds);
  if (!offset.ok) return offset;
  return { ok: true, page: Object.freeze({ limit: limit.value, offset: offset.value }) };
}
