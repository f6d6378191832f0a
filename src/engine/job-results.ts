/**
 * The result a finished job reports through the single-job status API: deterministic per jobId,
 * shaped like the GES response_data tables (`pagerank: [{vertexId: rankValue}]`, a shortest_path's
 * `path`/`source`/`target`), paged by limit/offset with the counters inside `outputs` as in the
 * GES job-status example.
 */
import type { Job, JobResultData, LineFileStat } from '../types.js';
import { ALGORITHMS, type AlgorithmSpec } from './algorithms.js';
import { vertexAt, type GraphProfile } from './graph-profiles.js';
import { createRandom, hashSeed, type Random } from './random.js';
import type { Page } from './engine-types.js';

type Entry = unknown;

/** A result list of known length whose i-th entry is computed on demand (pages of 100k stay cheap). */
interface LazyList {
  total: number;
  at(i: number): Entry;
}

const PRIMES = [7919, 104_729, 1_299_709, 15_485_863, 32_452_843];

/** A cheap bijection of 0..n-1 so results visit vertices in a job-specific order. */
function permutation(n: number, rng: Random): (i: number) => number {
  const candidates = PRIMES.filter((p) => n % p !== 0);
  const a = rng.pick(candidates.length > 0 ? candidates : [1]);
  const b = rng.int(0, Math.max(0, n - 1));
  return (i) => ((((a % n) * (i % n)) % n) + b) % n;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function readRequest(rawRequest: string): { algorithmName?: unknown; parameters?: unknown } {
  try {
    const body: unknown = JSON.parse(rawRequest);
    return body && typeof body === 'object' ? (body as { algorithmName?: unknown; parameters?: unknown }) : {};
  } catch {
    return {};
  }
}

function asParameters(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

/**
 * A parameter as text, never throwing: String() calls a JSON object's own "toString"/"valueOf"
 * keys, so {"toString": 1} would throw on every status read of a finished job.
 */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object') return String(value);
  if (!Array.isArray(value)) return '';
  return value.map((item) => (item !== null && typeof item === 'object' ? '' : String(item ?? ''))).join(',');
}

function firstId(value: unknown): string {
  return textOf(value).split(',')[0]!.trim();
}

function pathBetween(source: string, target: string, rng: Random, profile: GraphProfile): string[] {
  const hops = rng.int(1, 5);
  const path = [source];
  for (let i = 0; i < hops; i++) path.push(vertexAt(profile, rng.int(0, profile.vertexCount - 1)));
  path.push(target);
  return source === target ? [source] : path;
}

function resultList(
  spec: AlgorithmSpec,
  params: Record<string, unknown>,
  rng: Random,
  profile: GraphProfile,
): { list: LazyList; extra: Record<string, unknown> } {
  const n = profile.vertexCount;
  const perm = permutation(n, rng);
  const id = (i: number): string => vertexAt(profile, perm(i));
  const extra: Record<string, unknown> = {};
  if ('source' in params) extra['source'] = firstId(params['source']);
  if ('target' in params) extra['target'] = firstId(params['target']);
  if ('sources' in params)
    extra['sources'] = textOf(params['sources'])
      .split(',')
      .map((s) => s.trim());
  const top = 0.002 + rng.float() * 0.01;

  switch (spec.result) {
    case 'vertex-scores': {
      const total =
        spec.name === 'realtime_recommendation'
          ? rng.int(10, Math.min(1000, n))
          : spec.name === 'sssp'
            ? Math.floor(n * (0.6 + rng.float() * 0.4))
            : n;
      if (spec.name === 'sssp') {
        return { list: { total, at: (i) => ({ [id(i)]: i === 0 ? 0 : 1 + Math.floor(Math.log(i) / Math.log(4)) }) }, extra };
      }
      return { list: { total, at: (i) => ({ [id(i)]: round(top / (i + 1) ** 0.7, 8) }) }, extra };
    }
    case 'vertex-labels': {
      const groups = Math.max(1, Math.floor(n / rng.int(20, 200)));
      const k = typeof params['k'] === 'number' ? params['k'] : 0;
      const total = spec.name === 'kcore' ? Math.floor(n * (0.1 + rng.float() * 0.5)) : n;
      const label = (i: number): unknown => (spec.name === 'kcore' ? k + (((i * 2654435761) >>> 0) % 4) : id(((i * 40503) >>> 0) % groups));
      if (spec.name === 'louvain') extra['modularity'] = round(0.3 + rng.float() * 0.5, 6);
      return { list: { total, at: (i) => ({ [id(i)]: label(i) }) }, extra };
    }
    case 'vertex-list': {
      const k = typeof params['k'] === 'number' ? params['k'] : 1;
      const total = Math.min(n - 1, Math.floor(rng.int(3, 12) ** Math.min(k, 6)));
      return { list: { total, at: (i) => id(i + 1) }, extra };
    }
    case 'path': {
      const path = pathBetween(
        String(extra['source'] ?? firstId(params['sources'])),
        String(extra['target'] ?? firstId(params['targets'])),
        rng,
        profile,
      );
      if (!('source' in extra)) {
        extra['source'] = path[0];
        extra['target'] = path[path.length - 1];
      }
      return { list: { total: path.length, at: (i) => path[i] }, extra };
    }
    case 'paths': {
      const count =
        spec.name === 'n_paths' ? rng.int(1, typeof params['n'] === 'number' ? Math.max(1, Math.min(params['n'], 50)) : 10) : rng.int(1, 6);
      const source = String(extra['source']);
      const target = String(extra['target']);
      return { list: { total: count, at: (i) => pathBetween(source, target, createRandom(`${source}>${target}#${i}`), profile) }, extra };
    }
    case 'edge-scores': {
      const total = Math.min(n * 3, 30_000);
      return { list: { total, at: (i) => ({ [`${id(i)},${id(i + 1 + (i % 7))}`]: round((top * 10) / (i + 1) ** 0.5, 8) }) }, extra };
    }
    case 'embedding': {
      // Capped: a 100k-record page of 512-wide vectors would be a 100 MB body.
      const dim = typeof params['dim'] === 'number' && params['dim'] >= 1 ? Math.min(128, Math.floor(params['dim'])) : 50;
      return {
        list: {
          total: n,
          at: (i) => {
            const r = createRandom(`${id(i)}:embedding`);
            return { [id(i)]: Array.from({ length: dim }, () => round(r.float() * 2 - 1, 6)) };
          },
        },
        extra,
      };
    }
    case 'scalar': {
      const value =
        spec.name === 'triangle_count' ? rng.int(n, n * 40) : spec.name === 'common_neighbors' ? rng.int(0, 40) : round(rng.float(), 6);
      extra[spec.resultKey] = value;
      return { list: { total: 1, at: () => value }, extra };
    }
  }
}

function page(
  list: LazyList,
  { limit, offset }: Page,
): { items: Entry[]; counters: { data_return_size: number; data_offset: number; data_total_size: number } } {
  const start = Math.min(offset, list.total);
  const end = Math.min(list.total, start + limit);
  const items: Entry[] = [];
  for (let i = start; i < end; i++) items.push(list.at(i));
  return { items, counters: { data_return_size: items.length, data_offset: offset, data_total_size: list.total } };
}

// openapi-typescript types a free-form `outputs: {type: object}` as Record<string, never>.
type Outputs = NonNullable<JobResultData['outputs']>;
const asOutputs = (value: Record<string, unknown>): Outputs => value as unknown as Outputs;

/** What the result of a job is computed from: its finished view, and the parameters when known. */
export interface ResultSource {
  readonly job: Job;
  /** The algorithm and parameters as submitted; read back from rawRequest when absent. */
  readonly algorithm?: string | undefined;
  readonly parameters?: Readonly<Record<string, unknown>> | undefined;
}

/** A page of a finished successful job's result, the same for the same job and page every time. */
export function resultData({ job, algorithm, parameters }: ResultSource, profile: GraphProfile, paging: Page): JobResultData {
  const request = algorithm === undefined || parameters === undefined ? readRequest(job.rawRequest) : {};
  const name = algorithm ?? (typeof request.algorithmName === 'string' ? request.algorithmName : undefined);
  const spec = job.taskType === 'Algorithm' && name !== undefined ? ALGORITHMS.get(name) : undefined;
  if (!spec) {
    // Imports and exports report what they moved.
    let total = 0;
    let failed = 0;
    for (const group of job.files ?? []) {
      for (const file of [...(group.edgeFiles ?? []), ...(group.vertexFiles ?? [])] as LineFileStat[]) {
        total += file.totalLines;
        failed += file.failedLines;
      }
    }
    return {
      outputs: asOutputs({
        totalLines: total,
        successfulLines: total - failed,
        failedLines: failed,
        data_return_size: 0,
        data_offset: paging.offset,
        data_total_size: 0,
      }),
    };
  }
  const rng = createRandom(`${job.jobId}:${hashSeed(job.rawRequest)[0]}:result`);
  const params = parameters ? { ...parameters } : asParameters(request.parameters);
  const { list, extra } = resultList(spec, params, rng, profile);
  const { items, counters } = page(list, paging);
  if (spec.result === 'scalar') return { outputs: asOutputs({ ...extra, ...counters }) };
  return { outputs: asOutputs({ [spec.resultKey]: items, ...extra, ...counters }) };
}
