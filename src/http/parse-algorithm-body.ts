/**
 * The execute-algorithm body: at most 1 MiB, JSON (Content-Type absent or application/json), an
 * object. Everything else is 400 GES.8000 (openapi.yaml, executeAlgorithm). The empty/unknown
 * algorithm cases are the engine's (GES.8401 / GES.8402).
 */
import type { AlgorithmRequest } from '../types.js';
import { utf8Length } from '../engine/utf8-length.js';
import { parseJson } from '../parse-json.js';
import { httpErrors, type HttpError } from './to-ges-error.js';

/** Largest accepted request body, in bytes. The adapters stop reading past it. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** True when a body of this many characters may exceed the limit; cheap pre-check before counting bytes. */
export function isBodyTooLarge(body: string): boolean {
  if (body.length <= MAX_BODY_BYTES / 3) return false;
  return body.length > MAX_BODY_BYTES || utf8Length(body) > MAX_BODY_BYTES;
}

/** The 400 for a body over the limit; adapters that stop reading early answer with it too. */
export const bodyTooLargeError = (): HttpError => httpErrors.malformed(`the request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB).`);

/** `application/json`, optionally with parameters (`; charset=utf-8`), in any case. */
function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined || value.trim() === '') return true;
  const type = value.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * The checks every job-creating body shares: at most 1 MiB, a JSON content type, a JSON object.
 * `rawBody` is the text exactly as received.
 */
export function readJsonObjectBody(
  body: string | undefined,
  contentType: string | undefined,
  bodyTooLarge = false,
): { ok: true; rawBody: string; value: Record<string, unknown> } | { ok: false; error: HttpError } {
  const rawBody = body ?? '';
  if (bodyTooLarge || isBodyTooLarge(rawBody)) return { ok: false, error: bodyTooLargeError() };
  if (!isJsonContentType(contentType)) {
    return { ok: false, error: httpErrors.malformed('Content-Type must be application/json.') };
  }
  let parsed: unknown;
  try {
    // Without `__proto__` keys; rawBody keeps them: rawRequest is the body byte for byte.
    parsed = parseJson(rawBody);
  } catch {
    return { ok: false, error: httpErrors.malformed('the request body is not a JSON object.') };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: httpErrors.malformed('the request body is not a JSON object.') };
  }
  return { ok: true, rawBody, value: parsed as Record<string, unknown> };
}

/** Checks and parses the body; `rawBody` is the text exactly as received. */
export function parseAlgorithmBody(
  body: string | undefined,
  contentType: string | undefined,
  bodyTooLarge = false,
): { ok: true; rawBody: string; request: AlgorithmRequest } | { ok: false; error: HttpError } {
  const read = readJsonObjectBody(body, contentType, bodyTooLarge);
  if (!read.ok) return read;
  // algorithmName and parameters are the engine's to judge (GES.8401 / GES.8402).
  return { ok: true, rawBody: read.rawBody, request: read.value as unknown as AlgorithmRequest };
}
