/**
 * The API as code uses it (api.faults, api.clock) agrees with the control routes a browser or curl
 * uses: what PUT /__mock/faults refuses, api.faults.set() refuses with the same words.
 */
import { describe, expect, test } from 'vitest';
import { createApi } from '../../src/http/create-api.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { createManualClock } from '../../src/clocks.js';

const badConfigs: unknown[] = [
  { latancy: { fixedMs: 10 } },
  { latency: { fixedMs: 60_001 } },
  { latency: { minMs: 50, maxMs: 10 } },
  { nextFailures: { count: 1, status: 418 } },
  { nextFailures: { count: 1, status: 503, errorCode: 'E1' } },
  { errorRate: { rate: 1.5, status: 500 } },
  { connectionFault: { kind: 'TIMEOUT' } },
  { errorRate: { rate: 0.5, status: 502 } },
];

describe('api.faults.set()', () => {
  test.each(badConfigs)('refuses %j with a TypeError carrying the errorMessage PUT /__mock/faults answers', async (config) => {
    const api = createApi();
    const put = await api.handle({ method: 'PUT', url: '/__mock/faults', headers: {}, body: JSON.stringify(config) });
    expect(put.status).toBe(400);
    const { errorMessage } = JSON.parse(put.body!) as { errorMessage: string };
    expect(() => api.faults.set(config as never)).toThrow(new TypeError(errorMessage));
    expect(api.faults.get()).toEqual({});
  });

  test('accepts what PUT accepts and shows the same configuration', async () => {
    const config = { latency: { minMs: 0, maxMs: 5 }, nextFailures: { count: 2, status: 503 } };
    const viaCode = createApi();
    viaCode.faults.set(config);
    const viaHttp = createApi();
    const put = await viaHttp.handle({ method: 'PUT', url: '/__mock/faults', headers: {}, body: JSON.stringify(config) });
    expect(viaCode.faults.get()).toEqual(JSON.parse(put.body!));
  });
});

describe('api.clock', () => {
  test('exists on every api: the default system clock, or the clock given', () => {
    expect(typeof createApi().clock.advance).toBe('function');
    const clock = createManualClock();
    const api = createApi({ clock });
    api.clock.advance(60_000);
    expect(clock.now()).toBe(createManualClock().now() + 60_000);
  });

  test('is required with an engine, so POST /__mock/clock can always move time', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock });
    expect(() => createApi({ engine })).toThrow(TypeError);
    expect(createApi({ engine, clock }).clock).toBe(clock);
  });
});
