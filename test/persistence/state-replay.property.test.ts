/**
 * What `--state` keeps is what was accepted, by construction: any sequence of changes made through the
 * API, journaled, then replayed and compacted in any interleaving with restarts, gives the same state
 * and the same byte count as an engine that saw the same changes and never stopped, and every file
 * written on the way loads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createEngine } from '../../src/engine/create-engine.js';
import type { Change, Engine } from '../../src/engine/engine-types.js';
import type { GesApi } from '../../src/http/create-api.js';
import { openStateFile, type MockStateFile } from '../../src/persistence/open-state-file.js';

const WORLDS = ['a', 'b', 'c'] as const;
const GRAPHS = ['movie', 'social_network'] as const;
const SETTINGS = { jobsPerGraph: 4, maxJobsPerGraph: 7, seed: 3 };
const AUTH = { 'x-auth-token': 't', 'content-type': 'application/json' };
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** One step of a session: a request that may change state, time passing, a restart or a compaction. */
type Step =
  | { op: 'submit'; world: number; graph: number; algorithm: string; pad: number }
  | { op: 'import'; world: number }
  | { op: 'cancel'; world: number; graph: number; pick: number }
  | { op: 'clock'; world: number | null; ms: number }
  | { op: 'fixtures'; world: number | null; extra: boolean }
  | { op: 'reset'; world: number | null; seed: number | null }
  | { op: 'faults'; world: number | null; clear: boolean }
  | { op: 'time'; ms: number }
  | { op: 'restart' }
  | { op: 'compact' };

const world = fc.integer({ min: 0, max: WORLDS.length - 1 });
const scope = fc.option(world, { nil: null });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('submit' as const),
      world,
      graph: fc.integer({ min: 0, max: 1 }),
      algorithm: fc.constantFrom('pagerank', 'louvain', 'shortest_path', 'kcore'),
      pad: fc.integer({ min: 0, max: 3000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('import' as const), world }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('cancel' as const), world, graph: fc.integer({ min: 0, max: 1 }), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('clock' as const), world: scope, ms: fc.integer({ min: 0, max: 600_000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('fixtures' as const), world: scope, extra: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('reset' as const),
      world: scope,
      seed: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('faults' as const), world: scope, clear: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('time' as const), ms: fc.integer({ min: 0, max: 300_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'compact' as const }) },
);

/** A fixture document with a recorded extra field (what a recording of a real engine brings). */
const documentOf = (extra: boolean) => ({
  ...(extra ? { extraJobFields: ['jobName'] } : {}),
  graphs: {
    movie: {
      seedJobs: 2,
      jobs: [
        {
          status: 'running',
          taskType: 'Algorithm',
          rawRequest: '{"algorithmName":"pagerank","parameters":{}}',
          runFor: '20m',
          ...(extra ? { jobName: 'nightly' } : {}),
        },
        { status: 'success', taskType: 'ImportGraph', startedAgo: '3h' },
      ],
    },
  },
});

/** Everything the two must agree on: every world's lists, clock offsets, faults, and the bytes held. */
function stateOf(engine: Engine): string {
  const lists = WORLDS.flatMap((id) => GRAPHS.map((graph) => engine.listJobs(id, graph, { limit: 1000, offset: 0 })));
  const worlds = WORLDS.map((id) => {
    const { clockOffsetMs, ownFixtures, faults, ownFaults, now } = engine.state(id);
    return { id, clockOffsetMs, ownFixtures, faults, ownFaults, now, extras: engine.snapshot(id).extraJobFields };
  });
  return JSON.stringify({
    now: engine.now(),
    seed: engine.state().seed,
    faults: engine.state().faults,
    lists,
    worlds,
    bytes: engine.storedBytes,
  });
}

describe('--state replays exactly what was accepted', () => {
  it('gives the same state and bytes as an engine that never stopped, through restarts and compactions, and every file loads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        const dir = mkdtempSync(join(tmpdir(), 'ges-replay-'));
        dirs.push(dir);
        const path = join(dir, 'state.jsonl');
        const START = Date.UTC(2024, 4, 23, 2, 0, 0);
        let file: MockStateFile;
        let api: GesApi;
        let baseClock = createManualClock(START);
        // The engine that never stops applies each change the persisted one journals, and reads the
        // same virtual now: the persisted engine's, less the clock moves it has applied itself.
        let referenceShift = 0;
        let reference: Engine | undefined;
        const keep = (change: Change) => {
          if (!reference) throw new Error('a change before the reference exists');
          const applied = reference.apply(change);
          if (!applied.ok) throw new Error(`the reference cannot apply ${change.kind}: ${applied.problem}`);
          if (change.kind === 'clock' && change.world === undefined) referenceShift += change.advanceMs;
        };
        const open = (startMs: number) => {
          const opened = openStateFile(path, { compactAtBytes: 2048 });
          if (!opened.ok) throw new Error(opened.message);
          file = opened.file;
          baseClock = createManualClock(startMs);
          api = file.createApi({ clock: baseClock, ...SETTINGS, onChange: (change) => keep(change) });
        };
        open(START);
        // It starts from the state the persisted engine starts from.
        reference = createEngine({ clock: { now: () => api!.engine.now() - referenceShift }, ...SETTINGS });
        reference.restore(api!.engine.dump());

        const request = (method: string, url: string, body?: unknown) =>
          api.handle({ method, url, headers: AUTH, body: body === undefined ? undefined : JSON.stringify(body) });
        for (const s of steps) {
          const control = (n: number | null, route: string) => (n === null ? `/__mock/${route}` : `/__mock/projects/${WORLDS[n]}/${route}`);
          switch (s.op) {
            case 'submit':
              await request('POST', `/ges/v1.0/${WORLDS[s.world]}/graphs/${GRAPHS[s.graph]}/action?action_id=execute-algorithm`, {
                algorithmName: s.algorithm,
                parameters: s.algorithm === 'shortest_path' ? { source: '46', target: '38' } : s.algorithm === 'kcore' ? { k: 2 } : {},
                note: 'x'.repeat(s.pad),
              });
              break;
            case 'import':
              await request('POST', `/ges/v1.0/${WORLDS[s.world]}/graphs/movie/action?action_id=import-graph`, {
                edgesetPath: 'obs/edges/',
                vertexsetPath: 'obs/v.csv',
              });
              break;
            case 'cancel': {
              const listed = api!.engine.listJobs(WORLDS[s.world]!, GRAPHS[s.graph]!, { limit: 1000, offset: 0 });
              const living = listed.ok ? listed.value.jobs.filter((job) => job.canStop) : [];
              if (living.length > 0)
                await request(
                  'DELETE',
                  `/ges/v1.0/${WORLDS[s.world]}/graphs/${GRAPHS[s.graph]}/jobs/${living[s.pick % living.length]!.jobId}`,
                );
              break;
            }
            case 'clock':
              await request('POST', control(s.world, 'clock'), { advanceMs: s.ms });
              break;
            case 'fixtures':
              await request('PUT', control(s.world, 'fixtures'), documentOf(s.extra));
              break;
            case 'reset':
              await request('POST', control(s.world, 'reset'), s.world === null && s.seed !== null ? { seed: s.seed } : {});
              break;
            case 'faults':
              await request(s.clear ? 'DELETE' : 'PUT', control(s.world, 'faults'), s.clear ? undefined : { latency: { fixedMs: 5 } });
              break;
            case 'time':
              baseClock.advance(s.ms);
              break;
            case 'compact':
              await file!.compact();
              break;
            case 'restart': {
              const now = api!.clock.now();
              await file!.close();
              open(now);
              break;
            }
          }
          await file!.flush();
          expect(stateOf(api!.engine)).toBe(stateOf(reference!));
        }
        await file!.close();
        // The last files written load too, into the same state.
        const now = api!.clock.now();
        open(now);
        expect(stateOf(api!.engine)).toBe(stateOf(reference!));
        await file!.close();
      }),
      { numRuns: 25, seed: 20261206 },
    );
  }, 240_000);
});
