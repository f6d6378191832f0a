/**
 * Test helper: calls the transport-free API the way an adapter would and parses the answer. Not a
 * test file (no `.test.`), shared by test/http/*.
 */
import { expect } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createApi, type ApiOptions, type GesApi } from '../../src/http/create-api.js';
import type { ApiResponse } from '../../src/http/http-types.js';

/** The project every test uses: real ones are 32 lowercase hex digits. */
export const PROJECT = '0123456789abcdef0123456789abcdef';
/** Base of the movie graph's routes. */
export const MOVIE = `/ges/v1.0/${PROJECT}/graphs/movie`;
/** A token the default (no --token) policy accepts. */
export const AUTH = { 'x-auth-token': 'test-token' };

/** A parsed answer. */
export interface Answer extends ApiResponse {
  json: any;
}

/** An API over a manual clock (tests move time with `api.clock.advance`). */
export function createTestApi(options: ApiOptions = {}): GesApi {
  return createApi(options.engine === undefined ? { clock: createManualClock(), ...options } : options);
}

/** Sends one request; headers default to a valid token. */
export async function call(
  api: GesApi,
  method: string,
  url: string,
  init: { headers?: Record<string, string | undefined> | undefined; body?: string | undefined; bodyTooLarge?: boolean | undefined } = {},
): Promise<Answer> {
  const response = await api.handle({
    method,
    url,
    headers: init.headers ?? AUTH,
    body: init.body,
    ...(init.bodyTooLarge ? { bodyTooLarge: true } : {}),
  });
  let json: unknown;
  if (response.body !== undefined && response.headers['content-type'] === 'application/json') json = JSON.parse(response.body);
  return { ...response, json };
}

/** A GES error envelope with this status and code (message checked separately when it matters). */
export function envelope(errorCode: string) {
  return { errorCode, result: 'failed', errorMessage: expect.stringMatching(/./) };
}
