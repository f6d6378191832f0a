/**
 * Compiled (never run) under `tsc --init` defaults: strict and exactOptionalPropertyTypes. What a
 * strict user writes must compile: optional options given `undefined` (as `process.env.X` is),
 * api.clock without a `!`.
 */
import { createApi, type createEngine, createManualClock, type createSystemClock } from 'ges-jobs-kit';
import type { createGesHandlers } from 'ges-jobs-kit/msw';
import { setupGesServer } from 'ges-jobs-kit/msw/node';
import type { startGesServer } from 'ges-jobs-kit/server';
import type { runContract, startPrismMock } from 'ges-jobs-kit/contracts';
import { defineContractTests } from 'ges-jobs-kit/contracts/vitest';

/** The keys of T a caller may leave out. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how a type tells an optional key from a required one.
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
/** Every optional key of T given `undefined`: assignable to T only if each one accepts undefined. */
type EveryOptionUndefined<T> = { [K in OptionalKeys<T>]: undefined };
/** Fails to compile unless every optional property of T accepts `undefined`. */
type AcceptsUndefined<T> = EveryOptionUndefined<T> extends Pick<T, OptionalKeys<T>> ? true : never;
const check = <T extends true>(value: T): T => value;
type Options<F extends (...args: never[]) => unknown, I extends number = 0> = Exclude<
  NonNullable<Parameters<F>[I]>,
  (...args: never[]) => unknown
>;

export const everyOptionAcceptsUndefined = [
  check<AcceptsUndefined<Options<typeof createApi>>>(true),
  check<AcceptsUndefined<Options<typeof createEngine>>>(true),
  check<AcceptsUndefined<Options<typeof createSystemClock>>>(true),
  check<AcceptsUndefined<Options<typeof createGesHandlers>>>(true),
  check<AcceptsUndefined<Options<typeof setupGesServer>>>(true),
  check<AcceptsUndefined<Options<typeof startGesServer>>>(true),
  check<AcceptsUndefined<Options<typeof runContract>>>(true),
  check<AcceptsUndefined<Options<typeof startPrismMock>>>(true),
  check<AcceptsUndefined<Options<typeof defineContractTests>>>(true),
  check<AcceptsUndefined<Options<typeof defineContractTests, 1>>>(true),
  check<AcceptsUndefined<NonNullable<Options<typeof createApi>['faults']>>>(true),
];

// The README's snippets, as a strict user writes them.
export function strictSnippets(): void {
  defineContractTests({
    baseUrl: process.env.GES_BASE_URL ?? 'http://127.0.0.1:4010',
    projectId: 'p',
    graph: 'movie',
    token: process.env.GES_TOKEN,
  });
  const api = createApi({
    clock: createManualClock(),
    seed: Number(process.env.SEED) || undefined,
    controlToken: process.env.CONTROL_TOKEN,
  });
  api.clock.advance(60_000);
  const { api: mswApi } = setupGesServer({ seed: 7 });
  mswApi.clock.advance(1_000);
  mswApi.faults.set({ nextFailures: { count: 1, status: 503 } });
}
