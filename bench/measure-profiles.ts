/**
 * What an engine profile costs a list answer: the same page of jobs (handled and serialised) under
 * memory-2.2.13 (no rewrite), a fixed variant profile and mixed, measured side by side in one run
 * (rounds interleaved), as ratios to the default.
 * Run: `npm run measure:profiles -- [jobsPerGraph] [limit]`. Prints figures; judges nothing.
 */
import { createManualClock } from '../src/clocks.js';
import type { EngineProfileName } from '../src/engine/engine-profiles.js';
import { createApi, type GesApi } from '../src/http/create-api.js';

const jobs = Number(process.argv[2] ?? 20_000);
const limit = Number(process.argv[3] ?? 1000);
const ROUNDS = 30;
const profiles: EngineProfileName[] = ['memory-2.2.13', 'integer-progress', 'epoch-millis', 'mixed'];

const request = { method: 'GET', url: `/ges/v1.0/p1/graphs/movie/jobs/status?limit=${limit}&offset=0`, headers: { 'x-auth-token': 't' } };
const apis = new Map<EngineProfileName, GesApi>(
  profiles.map((profile) => [profile, createApi({ clock: createManualClock(), jobsPerGraph: jobs, profile })]),
);
for (const api of apis.values()) await api.handle(request); // build the stores and jobs once

const totals = new Map<EngineProfileName, number>(profiles.map((profile) => [profile, 0]));
for (let round = 0; round < ROUNDS; round++) {
  for (const profile of profiles) {
    const started = performance.now();
    await apis.get(profile)!.handle(request);
    totals.set(profile, totals.get(profile)! + performance.now() - started);
  }
}
const base = totals.get('memory-2.2.13')! / ROUNDS;
console.log(`list of ${limit} of ${jobs} jobs, ${ROUNDS} interleaved rounds`);
for (const profile of profiles) {
  const ms = totals.get(profile)! / ROUNDS;
  console.log(`${profile.padEnd(16)} ${ms.toFixed(2).padStart(8)} ms per answer  ${(ms / base).toFixed(2)}× memory-2.2.13`);
}
