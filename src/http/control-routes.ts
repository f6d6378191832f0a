/**
 * The mock's own routes under /__mock/: reset, virtual clock, state, faults, and the HTML pages of
 * control-pages.ts. They answer JSON; bad bodies are 400 GES envelopes like the API's.
 */
import type { AdjustableClock, EngineState } from '../engine/engine-types.js';
import type { FixtureError } from '../fixtures/fixture-error.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { controlPages } from './control-pages.js';
import { parseFaultConfig, type FaultConfig, type FaultInjector } from './fault-injector.js';
import type { RouteResult } from './http-types.js';
import { isBodyTooLarge, bodyTooLargeError } from './parse-algorithm-body.js';
import { httpErrors } from './to-ges-error.js';

/** GET /__mock/state: the engine's state and the faults now in force. */
export type MockState = EngineState & { faults: FaultConfig };

/** What the control routes act on. */
export interface ControlContext {
  clock: AdjustableClock | undefined;
  faults: FaultInjector;
  state(): MockState;
  reset(seed?: number): void;
  /** Replaces the state with a fixture document; the error (state unchanged) when it is invalid. */
  loadFixtures(doc: unknown, source: string): FixtureError | undefined;
  snapshot(): FixtureDocument;
}

const json = (value: unknown, status = 200): RouteResult => ({ kind: 'json', status, value });
const bad = (message: string): RouteResult => ({ kind: 'error', error: httpErrors.malformed(message) });
const dropProtoKeys = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);

/** An optional JSON object body; an empty body is `{}`. Any Content-Type is read, so `curl -d` works. */
function readBody(
  body: string | undefined,
  tooLarge: boolean,
): { ok: true; value: Record<string, unknown> } | { ok: false; result: RouteResult } {
  if (tooLarge) return { ok: false, result: { kind: 'error', error: bodyTooLargeError() } };
  if (body === undefined || body.trim() === '') return { ok: true, value: {} };
  if (isBodyTooLarge(body)) return { ok: false, result: { kind: 'error', error: bodyTooLargeError() } };
  let value: unknown;
  try {
    value = JSON.parse(body, dropProtoKeys);
  } catch {
    return { ok: false, result: bad('the request body is not valid JSON.') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, result: bad('the request body must be a JSON object.') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Answers one control request; undefined when there is no such control route (a 404). */
export function handleControlRoute(
  context: ControlContext,
  method: string,
  path: string,
  body: string | undefined,
  bodyTooLarge = false,
): RouteResult | undefined {
  switch (path) {
    case '/__mock/reset': {
      if (method !== 'POST') return undefined;
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const { seed, ...rest } = read.value;
      if (Object.keys(rest).length > 0) return bad(`reset takes only "seed"; got ${Object.keys(rest).join(', ')}.`);
      if (seed !== undefined && !Number.isSafeInteger(seed)) return bad('seed must be an integer.');
      context.reset(seed as number | undefined);
      return json(context.state());
    }
    case '/__mock/clock': {
      if (method !== 'POST') return undefined;
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const { advanceMs, ...rest } = read.value;
      if (Object.keys(rest).length > 0) return bad(`clock takes only "advanceMs"; got ${Object.keys(rest).join(', ')}.`);
      if (!Number.isSafeInteger(advanceMs) || (advanceMs as number) < 0) {
        return bad('advanceMs must be an integer >= 0 (milliseconds of virtual time).');
      }
      if (!context.clock) return bad('this mock was given an engine without an adjustable clock; its time cannot be advanced.');
      context.clock.advance(advanceMs as number);
      return json({ now: context.clock.now(), advancedMs: advanceMs });
    }
    case '/__mock/state':
      return method === 'GET' ? json(context.state()) : undefined;
    case '/__mock/fixtures': {
      if (method !== 'PUT') return undefined;
      if (body === undefined || body.trim() === '') return bad('PUT /__mock/fixtures takes a fixture document as JSON (docs/fixtures.md).');
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const error = context.loadFixtures(read.value, 'PUT /__mock/fixtures');
      if (error) return { kind: 'error', error: httpErrors.invalidFixtures(error.message) };
      return json(context.state());
    }
    case '/__mock/snapshot':
      return method === 'GET' ? json(context.snapshot()) : undefined;
    case '/__mock/faults': {
      if (method === 'GET') return json(context.faults.get());
      if (method === 'DELETE') {
        context.faults.clear();
        return json(context.faults.get());
      }
      if (method !== 'PUT') return undefined;
      const read = readBody(body, bodyTooLarge);
      if (!read.ok) return read.result;
      const parsed = parseFaultConfig(read.value);
      if (!parsed.ok) return bad(parsed.message);
      context.faults.set(parsed.config);
      return json(context.faults.get());
    }
    default: {
      const page = method === 'GET' ? controlPages[path] : undefined;
      if (!page || !Object.hasOwn(controlPages, path)) return undefined;
      const rendered = page();
      return typeof rendered === 'string'
        ? { kind: 'page', contentType: 'text/html; charset=utf-8', body: rendered }
        : { kind: 'page', contentType: rendered.contentType, body: rendered.body };
    }
  }
}
