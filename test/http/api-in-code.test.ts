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
  test("is the engine's virtual clock: moving it moves every world, and the clock given still runs under it", () => {
    expect(typeof createApi().clock.advance).toBe('function');
    const clock = createManualClock();
    const api = createApi({ clock });
    const start = api.clock.now();
    expect(start).toBe(clock.now());
    api.clock.advance(60_000);
    expect(api.clock.now()).toBe(start + 60_000);
    expect(api.world('p1').clock.now()).toBe(start + 60_000);
    clock.advance(1_000);
    expect(api.clock.now()).toBe(start + 61_000);
  });

  test("comes with an engine made elsewhere: POST /__mock/clock moves that engine's time", async () => {
    const engine = createEngine({ clock: createManualClock() });
    const api = createApi({ engine });
    const before = engine.now();
    const moved = await api.handle({ method: 'POST', url: '/__mock/clock', headers: {}, body: '{"advanceMs":5000}' });
    expect(moved.status).toBe(200);
    expect(engine.now()).toBe(before + 5000);
    expect(api.clock.now()).toBe(engine.now());
  });
});
