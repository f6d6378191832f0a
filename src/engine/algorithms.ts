/**
 * The documented GES algorithms (reference §6): required parameters, which parameters name
 * vertices, whether a running job can be cancelled, how long a run plausibly takes, how its result
 * looks, and a sampler of realistic parameters for seeding.
 */
import { jobActionById } from '../spec/job-actions.js';
import { sampleVertex, type GraphProfile } from './graph-profiles.js';
import type { Random } from './random.js';

/** How a finished algorithm's result is shaped in `data.outputs`. */
type ResultShape =
  | 'vertex-scores' // [{vertexId: number}] over many vertices, paged
  | 'vertex-labels' // [{vertexId: communityOrComponentId}], paged
  | 'path' // one path of vertex ids, paged
  | 'paths' // several paths, paged by path
  | 'vertex-list' // plain vertex ids, paged
  | 'edge-scores' // [{"src,dst": number}], paged
  | 'embedding' // [{vertexId: number[]}], paged
  | 'scalar'; // one number

/** One documented algorithm. */
export interface AlgorithmSpec {
  readonly name: string;
  /** Parameters the engine refuses to start without (GES.8402). */
  readonly required: readonly string[];
  /** Parameters holding one vertex id (`source`) or comma-separated ids (`sources`). */
  readonly vertexParams: readonly string[];
  /** Whether a running job can be cancelled: the cancel page lists it (openapi.yaml, `cancellableAlgorithms`) [doc]. */
  readonly cancellable: boolean;
  /** Plausible running time, ms. */
  readonly runMs: readonly [number, number];
  readonly result: ResultShape;
  /** The key under `outputs` that holds the result, as the GES response_data tables name it. */
  readonly resultKey: string;
  /** Relative frequency among seeded jobs. */
  readonly weight: number;
  /** Realistic parameters: documented defaults and ids of the graph. */
  sample(rng: Random, graph: GraphProfile): Record<string, unknown>;
}

const RANK_DEFAULTS = { alpha: 0.85, convergence: 0.00001, max_iterations: 1000, directed: true };

const v = (rng: Random, graph: GraphProfile): string => sampleVertex(graph, rng);
const vertexSet = (rng: Random, g: GraphProfile, n: number): string => Array.from({ length: n }, () => v(rng, g)).join(',');

/** The algorithms whose running jobs the cancel page lets a caller cancel, as openapi.yaml lists them. */
const CANCELLABLE: ReadonlySet<string> = new Set(jobActionById('executeAlgorithm').cancellableAlgorithms);

const SPECS: readonly AlgorithmSpec[] = (
  [
    {
      name: 'shortest_path',
      required: ['source', 'target'],
      vertexParams: ['source', 'target'],
      runMs: [150, 3000],
      result: 'path',
      resultKey: 'path',
      weight: 14,
      // Most calls send just the two ids, as the GES example does.
      sample: (r, g) => (r.chance(0.7) ? { source: v(r, g), target: v(r, g) } : { source: v(r, g), target: v(r, g), directed: false }),
    },
    {
      name: 'pagerank',
      required: [],
      vertexParams: [],
      runMs: [20_000, 180_000],
      result: 'vertex-scores',
      resultKey: 'pagerank',
      weight: 10,
      sample: (r) => (r.chance(0.8) ? { ...RANK_DEFAULTS } : { ...RANK_DEFAULTS, max_iterations: r.pick([100, 200, 500]) }),
    },
    {
      name: 'personalrank',
      required: ['source'],
      vertexParams: ['source'],
      runMs: [10_000, 120_000],
      result: 'vertex-scores',
      resultKey: 'personalrank',
      weight: 5,
      sample: (r, g) => ({ source: v(r, g), ...RANK_DEFAULTS }),
    },
    {
      name: 'kcore',
      required: ['k'],
      vertexParams: [],
      runMs: [5_000, 60_000],
      result: 'vertex-labels',
      resultKey: 'kcore',
      weight: 4,
      sample: (r) => ({ k: r.int(2, 12) }),
    },
    {
      name: 'k_hop',
      required: ['k', 'source'],
      vertexParams: ['source'],
      runMs: [200, 8_000],
      result: 'vertex-list',
      resultKey: 'vertices',
      weight: 8,
      sample: (r, g) => ({ k: r.int(1, 4), source: v(r, g), mode: r.pick(['OUT', 'IN', 'ALL']) }),
    },
    {
      name: 'all_shortest_paths',
      required: ['source', 'target'],
      vertexParams: ['source', 'target'],
      runMs: [300, 6_000],
      result: 'paths',
      resultKey: 'paths',
      weight: 4,
      sample: (r, g) => ({ source: v(r, g), target: v(r, g), directed: false }),
    },
    {
      name: 'filtered_shortest_path',
      required: ['source', 'target'],
      vertexParams: ['source', 'target'],
      runMs: [300, 6_000],
      result: 'path',
      resultKey: 'path',
      weight: 2,
      sample: (r, g) => ({ source: v(r, g), target: v(r, g), directed: false }),
    },
    {
      name: 'sssp',
      required: ['source'],
      vertexParams: ['source'],
      runMs: [2_000, 30_000],
      result: 'vertex-scores',
      resultKey: 'distance',
      weight: 3,
      sample: (r, g) => ({ source: v(r, g), directed: true }),
    },
    {
      name: 'shortest_path_of_vertex_sets',
      required: ['sources', 'targets'],
      vertexParams: ['sources', 'targets'],
      runMs: [500, 10_000],
      result: 'path',
      resultKey: 'path',
      weight: 2,
      sample: (r, g) => ({ sources: vertexSet(r, g, r.int(2, 4)), targets: vertexSet(r, g, r.int(2, 4)), directed: false }),
    },
    {
      name: 'n_paths',
      required: ['source', 'target'],
      vertexParams: ['source', 'target'],
      runMs: [500, 10_000],
      result: 'paths',
      resultKey: 'paths',
      weight: 3,
      sample: (r, g) => ({ source: v(r, g), target: v(r, g), n: 10, k: 5 }),
    },
    {
      name: 'closeness',
      required: ['source'],
      vertexParams: ['source'],
      runMs: [1_000, 20_000],
      result: 'scalar',
      resultKey: 'closeness',
      weight: 3,
      sample: (r, g) => ({ source: v(r, g) }),
    },
    {
      name: 'label_propagation',
      required: [],
      vertexParams: [],
      runMs: [15_000, 150_000],
      result: 'vertex-labels',
      resultKey: 'community',
      weight: 4,
      sample: () => ({ convergence: 0.00001, max_iterations: 1000 }),
    },
    {
      name: 'louvain',
      required: [],
      vertexParams: [],
      runMs: [30_000, 300_000],
      result: 'vertex-labels',
      resultKey: 'community',
      weight: 6,
      sample: (r) =>
        r.chance(0.6) ? { convergence: 0.00001, max_iterations: 100 } : { convergence: 0.00001, max_iterations: 100, weight: 'weight' },
    },
    {
      name: 'link_prediction',
      required: ['source', 'target'],
      vertexParams: ['source', 'target'],
      runMs: [100, 2_000],
      result: 'scalar',
      resultKey: 'link_prediction',
      weight: 2,
      sample: (r, g) => ({ source: v(r, g), target: v(r, g) }),
    },
    {
      name: 'node2vec',
      required: [],
      vertexParams: [],
      runMs: [60_000, 600_000],
      result: 'embedding',
      resultKey: 'embedding',
      weight: 1,
      sample: () => ({ p: 1, q: 1, dim: 50, walk_length: 40, walk_count: 10, iterations: 10 }),
    },
    {
      name: 'realtime_recommendation',
      required: ['sources'],
      vertexParams: ['sources'],
      runMs: [300, 5_000],
      result: 'vertex-scores',
      resultKey: 'score',
      weight: 3,
      sample: (r, g) => ({ sources: vertexSet(r, g, r.int(1, 3)), alpha: 0.85, N: 10000, nv: 5, np: 1000, directed: true }),
    },
    {
      name: 'common_neighbors',
      required: ['source', 'target'],
      vertexParams: ['source', 'target'],
      runMs: [100, 2_000],
      result: 'scalar',
      resultKey: 'common_neighbors',
      weight: 2,
      sample: (r, g) => ({ source: v(r, g), target: v(r, g) }),
    },
    {
      name: 'connected_component',
      required: [],
      vertexParams: [],
      runMs: [10_000, 90_000],
      result: 'vertex-labels',
      resultKey: 'component',
      weight: 3,
      sample: () => ({}),
    },
    {
      name: 'degree_correlation',
      required: [],
      vertexParams: [],
      runMs: [5_000, 40_000],
      result: 'scalar',
      resultKey: 'degree_correlation',
      weight: 1,
      sample: () => ({}),
    },
    {
      name: 'triangle_count',
      required: [],
      vertexParams: [],
      runMs: [10_000, 120_000],
      result: 'scalar',
      resultKey: 'triangle_count',
      weight: 2,
      sample: () => ({}),
    },
    {
      name: 'cluster_coefficient',
      required: [],
      vertexParams: [],
      runMs: [10_000, 120_000],
      result: 'scalar',
      resultKey: 'cluster_coefficient',
      weight: 1,
      sample: () => ({}),
    },
    {
      name: 'betweenness',
      required: [],
      vertexParams: [],
      runMs: [60_000, 600_000],
      result: 'vertex-scores',
      resultKey: 'betweenness',
      weight: 1,
      sample: () => ({}),
    },
    {
      name: 'edge_betweenness',
      required: [],
      vertexParams: [],
      runMs: [60_000, 600_000],
      result: 'edge-scores',
      resultKey: 'edge_betweenness',
      weight: 1,
      sample: () => ({}),
    },
    {
      name: 'topicrank',
      required: [],
      vertexParams: [],
      runMs: [20_000, 180_000],
      result: 'vertex-scores',
      resultKey: 'topicrank',
      weight: 1,
      sample: () => ({ ...RANK_DEFAULTS }),
    },
  ] satisfies Omit<AlgorithmSpec, 'cancellable'>[]
).map((spec) => ({ ...spec, cancellable: CANCELLABLE.has(spec.name) }));

/** Every documented algorithm by name. */
export const ALGORITHMS: ReadonlyMap<string, AlgorithmSpec> = new Map(SPECS.map((s) => [s.name, s]));

/** The algorithms in a fixed order, for weighted sampling. */
export const ALGORITHM_LIST: readonly AlgorithmSpec[] = SPECS;

/** Seeding weights, aligned with ALGORITHM_LIST. */
export const ALGORITHM_WEIGHTS: readonly number[] = SPECS.map((s) => s.weight);

/** A value counts as given unless it is absent, null or an empty string. */
export function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
