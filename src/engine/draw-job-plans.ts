/**
 * Plans realistic jobs for one graph: algorithm runs with documented parameters, imports whose file
 * statistics add up, exports; durations plausible per kind; a mix of outcomes with the failure
 * reasons the GES pages show. Used both to seed a graph and to plan a submitted algorithm.
 */
import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { ALGORITHMS, ALGORITHM_LIST, ALGORITHM_WEIGHTS, type AlgorithmSpec } from './algorithms.js';
import { isVertex, sampleMissingVertex, sampleVertex, type GraphProfile, type LabelProfile } from './graph-profiles.js';
import {
  algorithmRequest,
  createJobPlan,
  exportFailReason,
  exportRequest,
  importFailReason,
  importRequest,
  invalidParameterReason,
  layImportFiles,
  RUNTIME_FAILURES,
  type ImportFileLayout,
} from './job-factory.js';
import { importFiles, isCancellableKind, kindFailReason, RUN_MS, TASK_TYPES, type JobBody, type JobKind } from './job-kinds.js';
import { CANCELLED_REASON, type JobPlan } from './job-lifecycle.js';
import { hashSeed, type Random } from './random.js';

// Faker's main entry loads all of its ~70 locales (about 0.2 s on every start); the English entry loads
// English and base only. Its shared instance is never used for data: it gives the class and the
// definitions for one seeded instance per graph (the same as `new Faker({ locale: [en, base] })`).
const EnglishFaker = englishFaker.constructor as typeof Faker;
const ENGLISH = englishFaker.rawDefinitions;

/** Per-graph vocabulary drawn once from a seeded Faker: where its files live. */
export interface GraphVocabulary {
  /** The nine digits every jobId of the graph ends with, e.g. `001680206`. */
  readonly jobIdSuffix: string;
  /** Directories (local and OBS) that imports read from. */
  readonly importDirs: readonly string[];
  /** OBS directories that exports write to. */
  readonly exportDirs: readonly string[];
}

/** Draws a graph's vocabulary from its own Faker instance, seeded from (engine seed, graph). */
export function createGraphVocabulary(seed: number, graph: string): GraphVocabulary {
  const faker = new EnglishFaker({ locale: ENGLISH, seed: hashSeed(`${seed}:${graph}:vocabulary`)[0] });
  const slug = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'data';
  const bucket = `${slug(faker.company.buzzNoun())}-${slug(faker.word.noun())}-${faker.string.alphanumeric({ length: 4, casing: 'lower' })}`;
  const release = (): string =>
    faker.date.between({ from: '2024-01-01T00:00:00Z', to: '2024-05-20T00:00:00Z' }).toISOString().slice(0, 10).replaceAll('-', '');
  return {
    jobIdSuffix: `00${faker.string.numeric({ length: 7, allowLeadingZeros: true })}`,
    importDirs: [
      '/data',
      `/data/${graph}`,
      '/root/ges-install/auDatas',
      `obs://${bucket}/${graph}/${release()}`,
      `obs://${bucket}/${graph}/${release()}`,
    ],
    exportDirs: [`obs://${bucket}/export/${graph}`, `obs://${bucket}/backup/${graph}_${release()}`],
  };
}

/** Everything a planner needs about its graph. */
export interface PlannerContext {
  readonly profile: GraphProfile;
  readonly vocabulary: GraphVocabulary;
  readonly rng: Random;
  /**
   * Strings shared between seeded jobs: requests without vertex ids (pagerank with its defaults,
   * triangle_count, ...), file names and failure reasons come in a few dozen variants each, so 100k
   * jobs need not hold 100k copies (nor ropes that JSON.stringify would flatten on first use).
   */
  readonly sharedStrings?: Map<string, string> | undefined;
}

/** Where a planned job should stand at the anchor instant of seeding. */
export type SeedPhase = 'pending' | 'running' | 'finished';

/** The one shared copy of a string that many seeded jobs repeat (see PlannerContext.sharedStrings). */
function share(ctx: PlannerContext, text: string): string {
  const strings = ctx.sharedStrings;
  if (!strings) return text;
  const known = strings.get(text);
  if (known !== undefined) return known;
  strings.set(text, text);
  return text;
}

/** A log-uniform duration: short runs are common, long ones rare. */
function duration(rng: Random, range: readonly [number, number]): number {
  const [min, max] = range;
  return Math.round(min * (max / min) ** rng.float());
}

function logInt(rng: Random, min: number, max: number): number {
  return Math.round(min * (max / min) ** rng.float());
}

interface Timing {
  startMs: number;
  runAtMs: number;
  endMs: number;
}

/**
 * Times a job submitted at startMs so that it stands in `phase` at `anchor`, with a running time
 * near `runMs` (shortened when it must already have finished).
 */
function timeFor(rng: Random, startMs: number, runMs: number, phase: SeedPhase, anchor: number): Timing {
  if (phase === 'pending') {
    // Queued behind running jobs: starts running some seconds after the anchor.
    const runAtMs = Math.max(anchor + rng.int(5_000, 90_000), startMs + 1);
    return { startMs, runAtMs, endMs: runAtMs + runMs };
  }
  const waited = Math.min(rng.int(30, 1_500), Math.max(0, Math.floor((anchor - startMs) / 2)));
  const runAtMs = startMs + waited;
  if (phase === 'running') {
    const elapsed = anchor - runAtMs;
    const endMs = runAtMs + Math.max(runMs, elapsed + rng.int(5_000, 180_000));
    return { startMs, runAtMs, endMs };
  }
  const latestEnd = anchor - 1;
  const endMs = Math.max(runAtMs, Math.min(runAtMs + runMs, latestEnd));
  return { startMs, runAtMs, endMs };
}

// Documented ranges of `k` (k_hop: 1–100 [doc]); other algorithms ignore a stray `k`.
const K_RANGES: Readonly<Record<string, readonly [number, number]>> = { k_hop: [1, 100], kcore: [1, 1_000_000], n_paths: [1, 10] };

/**
 * Why a submitted algorithm will fail while running, or undefined: a vertex id not in the graph,
 * or a k out of its documented range (reference §6: k_hop k is 1–100).
 */
function runtimeFailureOf(spec: AlgorithmSpec, parameters: Readonly<Record<string, unknown>>, profile: GraphProfile): string | undefined {
  for (const name of spec.vertexParams) {
    const value = parameters[name];
    if (value === undefined) continue;
    const ids = name.endsWith('s') && typeof value === 'string' ? value.split(',').map((s) => s.trim()) : [value];
    if (ids.length === 0 || !ids.every((id) => isVertex(profile, id))) return invalidParameterReason(spec.name, name);
  }
  const range = K_RANGES[spec.name];
  if (range && 'k' in parameters) {
    const k = parameters['k'];
    if (typeof k !== 'number' || !Number.isInteger(k) || k < range[0] || k > range[1]) return invalidParameterReason(spec.name, 'k');
  }
  return undefined;
}

function planAlgorithm(ctx: PlannerContext, jobId: string, startMs: number, phase: SeedPhase, anchor: number, fails: boolean): JobPlan {
  const { rng, profile } = ctx;
  // In-flight jobs are mostly the long, cancellable analytics that keep an engine busy.
  let spec = ALGORITHM_LIST[rng.weighted(ALGORITHM_WEIGHTS)]!;
  if (phase !== 'finished' && rng.chance(0.7))
    spec = ALGORITHMS.get(rng.pick(['pagerank', 'louvain', 'label_propagation', 'connected_component', 'personalrank']))!;
  const parameters = spec.sample(rng, profile);
  let failReason: string | undefined;
  let failProgress = 100;
  let runMs = duration(rng, spec.runMs);
  let cancelled = false;
  if (fails) {
    const roll = rng.float();
    if (spec.vertexParams.length > 0 && roll < 0.7) {
      const param = rng.pick(spec.vertexParams);
      parameters[param] = sampleMissingVertex(profile, rng);
      failReason = invalidParameterReason(spec.name, param);
      runMs = rng.int(5, 400); // rejected as soon as it reads its parameters
    } else if (spec.cancellable && roll < 0.85) {
      cancelled = true;
      failReason = CANCELLED_REASON;
    } else {
      failReason = rng.pick(RUNTIME_FAILURES)(spec.name);
      failProgress = rng.int(1, 95);
      runMs = Math.max(1, Math.round((runMs * failProgress) / 100));
    }
  }
  let rawRequest = algorithmRequest(spec.name, parameters);
  if (spec.vertexParams.length === 0) rawRequest = share(ctx, rawRequest);
  if (failReason !== undefined) failReason = share(ctx, failReason);
  const timing = timeFor(rng, startMs, runMs, phase, anchor);
  if (cancelled) {
    // Cancelled part-way: progress is where it stopped.
    const cut = rng.float();
    timing.endMs = Math.max(timing.runAtMs, Math.round(timing.runAtMs + (timing.endMs - timing.runAtMs) * cut));
    failProgress = Math.min(99, Math.floor(cut * 100));
  }
  // Parameters are not kept: results re-read them from rawRequest, which keeps 100k seeded jobs small.
  return createJobPlan({
    jobId,
    taskType: 'Algorithm',
    rawRequest,
    cancellable: spec.cancellable,
    ...timing,
    failReason,
    failProgress,
    algorithm: spec.name,
  });
}

function planImport(ctx: PlannerContext, jobId: string, startMs: number, phase: SeedPhase, anchor: number, fails: boolean): JobPlan {
  const { rng, profile, vocabulary } = ctx;
  const quiet = rng.chance(0.3); // the engine records some imports with an empty rawRequest [ex]
  const dir = quiet ? '/root/ges-install/auDatas' : rng.pick(vocabulary.importDirs);
  const edgeName = share(ctx, `${dir}/${rng.pick(profile.edgeFiles)}`);
  const vertexName = share(ctx, `${dir}/${rng.pick(profile.vertexFiles)}`);
  const withSchema = quiet || rng.chance(0.4);
  const schemaName = share(ctx, `${dir}/${profile.schemaFile}${quiet ? '.bak' : ''}`);
  let rawRequest = '';
  if (!quiet) {
    rawRequest = importRequest(profile, {
      edgesetPath: edgeName,
      vertexsetPath: vertexName,
      schemaPath: withSchema ? schemaName : undefined,
      parallelEdgeAction: rng.pick(['allow', 'allow', 'ignore', 'override']),
    });
  }

  const timing = timeFor(rng, startMs, duration(rng, [30_000, 900_000]), phase, anchor);
  const vertexLines = logInt(rng, 100, 2_000_000);
  const edgeLines = logInt(rng, 1_000, 10_000_000);
  const failedEdges = fails ? rng.int(1, Math.max(1, Math.min(500, Math.floor(edgeLines / 50)))) : 0;

  // Each file's share of the running span, drawn in reading order: schema, vertices, then edges.
  const layout: ImportFileLayout[] = [];
  let cursor = rng.float() * 0.01;
  if (withSchema) {
    const end = cursor + 0.01 + rng.float() * 0.03;
    layout.push({ group: 'schemaFiles', fileName: schemaName, total: rng.int(5, 60), failed: 0, from: cursor, to: end });
    cursor = end + rng.float() * 0.005;
  }
  const vertexEnd = cursor + 0.1 + rng.float() * 0.25;
  layout.push({ group: 'vertexFiles', fileName: vertexName, total: vertexLines, failed: 0, from: cursor, to: vertexEnd });
  cursor = vertexEnd + rng.float() * 0.01;
  const edgeEnd = Math.min(0.99, cursor + 0.3 + rng.float() * 0.4);
  const edgeFile = { group: 'edgeFiles', fileName: edgeName, total: edgeLines, failed: failedEdges, from: cursor, to: edgeEnd } as const;
  layout.push(edgeFile);
  const files = layImportFiles(timing.runAtMs, timing.endMs, layout);

  const failReason = fails ? importFailReason(edgeFile) : undefined;
  return createJobPlan({ jobId, taskType: 'ImportGraph', rawRequest, cancellable: true, ...timing, failReason, files });
}

function planExport(ctx: PlannerContext, jobId: string, startMs: number, phase: SeedPhase, anchor: number, fails: boolean): JobPlan {
  const { rng, profile, vocabulary } = ctx;
  const dir = rng.pick(vocabulary.exportDirs);
  const rawRequest = exportRequest(profile, dir);
  const timing = timeFor(rng, startMs, duration(rng, [20_000, 300_000]), phase, anchor);
  const failReason = fails ? share(ctx, exportFailReason(`[${dir}]`)) : undefined;
  return createJobPlan({
    jobId,
    taskType: 'ExportGraph',
    rawRequest,
    cancellable: true,
    ...timing,
    failReason,
    failProgress: fails ? 0 : 100,
  });
}

/** A new job id: a random UUID followed by the graph's nine digits. */
export function newJobId(ctx: PlannerContext): string {
  return ctx.rng.uuid(ctx.vocabulary.jobIdSuffix);
}

/** Share of seeded jobs, among those finished at seeding, that failed. */
const SEED_FAILURE_RATE = 0.13;

/**
 * Whether a finished seeded job failed: the first draw after its id, so the seed can count
 * statuses (state(), eviction) without building 100k jobs.
 */
export function drawSeedFailure(rng: Random): boolean {
  return rng.float() < SEED_FAILURE_RATE;
}

/**
 * Plans one seeded job of the graph, submitted at startMs and standing in `phase` at `anchor`.
 * The caller has just drawn the job id from `ctx.rng`; the failure draw comes next.
 */
export function planSeedJob(ctx: PlannerContext, jobId: string, startMs: number, phase: SeedPhase, anchor: number): JobPlan {
  const fails = drawSeedFailure(ctx.rng) && phase === 'finished';
  const roll = ctx.rng.float();
  if (roll < ALGORITHM_SHARE) return planAlgorithm(ctx, jobId, startMs, phase, anchor, fails);
  if (roll < ALGORITHM_SHARE + IMPORT_SHARE) return planImport(ctx, jobId, startMs, phase, anchor, fails);
  if (roll < ALGORITHM_SHARE + IMPORT_SHARE + EXPORT_GRAPH_SHARE) return planExport(ctx, jobId, startMs, phase, anchor, fails);
  const kind = SEEDED_KINDS[ctx.rng.weighted(SEEDED_KIND_WEIGHTS)]!;
  return planSeededKind(ctx, kind, jobId, startMs, phase, anchor, fails);
}

/**
 * The seeded mix: most jobs an engine holds are algorithm runs, then imports; filter queries, index
 * builds, exports and deletes come in the proportions below (a realistic working graph, not a
 * documented figure).
 */
const ALGORITHM_SHARE = 0.63;
const IMPORT_SHARE = 0.1;
/** Graph exports of the management plane, which the engine's list shows too. */
const EXPORT_GRAPH_SHARE = 0.03;
const SEEDED_KINDS: readonly Exclude<JobKind, 'importGraph'>[] = [
  'queryVertices',
  'queryEdges',
  'filteredQuery',
  'exportVertices',
  'exportEdges',
  'deleteVertices',
  'deleteEdges',
  'batchDeleteEdges',
  'createIndex',
  'deleteIndex',
  'exportJobResult',
];
const SEEDED_KIND_WEIGHTS: readonly number[] = [28, 20, 12, 8, 6, 4, 4, 4, 8, 3, 6];

/** A label name of the graph's vertices or edges. */
const labelName = (rng: Random, labels: readonly LabelProfile[]) => rng.pick(labels).label;

/** A `vertexFilters`/`edgeFilters` condition on one of the label's properties (or none when it has none). */
function condition(rng: Random, labels: readonly LabelProfile[]): Record<string, unknown>[] {
  const withProperties = labels.filter((label) => Object.keys(label.properties).length > 0);
  if (withProperties.length === 0) return [];
  const label = rng.pick(withProperties);
  const name = rng.pick(Object.keys(label.properties));
  return [{ propertyName: name, predicate: '=', values: [rng.pick(label.properties[name]!)] }];
}

/**
 * A realistic request body of a job of this kind, as its page's examples write them (a delete-index
 * request has no body: its index name alone).
 */
export function sampleKindBody(ctx: PlannerContext, kind: Exclude<JobKind, 'importGraph'>): Record<string, unknown> {
  const { rng, profile, vocabulary } = ctx;
  const obsParameters = { accessKey: 'xxxx', secretKey: 'xxxx' };
  const export_ = (edges: boolean) => ({
    labels: [labelName(rng, edges ? profile.edgeLabels : profile.vertexLabels)],
    [edges ? 'edgeFilters' : 'vertexFilters']: condition(rng, edges ? profile.edgeLabels : profile.vertexLabels),
    exportPath: `${rng.pick(vocabulary.exportDirs).replace(/^obs:\/\//, '')}/`,
    fileName: `export_${profile.name}_${edges ? 'edges' : 'vertices'}.csv`,
    obsParameters,
  });
  switch (kind) {
    case 'queryVertices':
      return {
        offset: 0,
        limit: rng.pick([2, 10, 10, 50, 100]),
        labels: [labelName(rng, profile.vertexLabels)],
        vertexFilters: condition(rng, profile.vertexLabels),
      };
    case 'queryEdges':
      // As the edge filter query page's example sends them: offset and limit as strings.
      return {
        offset: '0',
        limit: String(rng.pick([20, 50, 100])),
        labels: [labelName(rng, profile.edgeLabels)],
        edgeFilters: condition(rng, profile.edgeLabels),
      };
    case 'filteredQuery':
      return {
        executionMode: 'async',
        filters: [
          { operator: 'outV' },
          {
            operator: 'out',
            edge_filter: {
              property_filter: {
                leftvalue: { label_name: 'labelName' },
                predicate: '=',
                rightvalue: { value: labelName(rng, profile.edgeLabels) },
              },
            },
          },
        ],
        full_path: false,
        vertices: [sampleVertex(profile, rng)],
      };
    case 'exportVertices':
      return export_(false);
    case 'exportEdges':
      return export_(true);
    case 'deleteVertices':
      return { labels: [labelName(rng, profile.vertexLabels)], vertexFilters: condition(rng, profile.vertexLabels) };
    case 'deleteEdges':
      return { labels: [labelName(rng, profile.edgeLabels)], edgeFilters: condition(rng, profile.edgeLabels) };
    case 'batchDeleteEdges':
      return {
        executionMode: 'async',
        edges: Array.from({ length: rng.int(1, 4) }, () => ({
          source: sampleVertex(profile, rng),
          target: sampleVertex(profile, rng),
          label: labelName(rng, profile.edgeLabels),
        })),
      };
    case 'createIndex':
    case 'deleteIndex': {
      const label = rng.pick(profile.vertexLabels);
      const property = Object.keys(label.properties)[0] ?? 'name';
      const indexName = `${property.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}Index`;
      return kind === 'deleteIndex'
        ? { indexName }
        : { indexName, indexType: 'GlobalCompositeVertexIndex', hasLabel: 'true', indexProperty: [property] };
    }
    case 'exportJobResult':
      return {
        exportPath: `${rng.pick(vocabulary.exportDirs).replace(/^obs:\/\//, '')}/`,
        fileName: rng.pick(['louvain', 'pagerank', 'result']),
        obsParameters,
      };
  }
}

/** A seeded job of a kind other than algorithm runs and imports, standing in `phase` at `anchor`. */
function planSeededKind(
  ctx: PlannerContext,
  kind: Exclude<JobKind, 'importGraph'>,
  jobId: string,
  startMs: number,
  phase: SeedPhase,
  anchor: number,
  fails: boolean,
): JobPlan {
  const { rng } = ctx;
  const body = sampleKindBody(ctx, kind);
  // A delete-index request has no body: its job's rawRequest is empty, and the index name kept aside.
  const rawRequest = kind === 'deleteIndex' ? '' : JSON.stringify(body);
  const timing = timeFor(rng, startMs, duration(rng, RUN_MS[kind]), phase, anchor);
  return createJobPlan({
    jobId,
    taskType: TASK_TYPES[kind],
    rawRequest,
    cancellable: isCancellableKind(kind),
    ...timing,
    failReason: fails ? share(ctx, kindFailReason(kind, body, rng)) : undefined,
    failProgress: fails ? rng.int(0, 95) : 100,
    parameters: kind === 'deleteIndex' ? body : undefined,
  });
}

/** What a submitted job of a kind other than algorithm runs needs beyond its body. */
export interface SubmittedJobOptions {
  /** The job an export-result job removes from the list once it succeeds (`erase`). */
  readonly erases?: string | undefined;
  /** Values the job keeps beside its rawRequest (a delete-index job's index name). */
  readonly parameters?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Plans a submitted job of a kind other than algorithm runs: pending for a moment, then running for a
 * time that fits its kind; an import reads its files one after another, lines counted as they go.
 */
export function planSubmittedJob(
  ctx: PlannerContext,
  kind: JobKind,
  rawBody: string,
  body: JobBody,
  nowMs: number,
  options: SubmittedJobOptions = {},
): JobPlan {
  const { rng } = ctx;
  const jobId = newJobId(ctx);
  const runAtMs = nowMs + rng.int(300, 2_000);
  const endMs = runAtMs + duration(rng, RUN_MS[kind]);
  return createJobPlan({
    jobId,
    taskType: TASK_TYPES[kind],
    rawRequest: rawBody,
    cancellable: isCancellableKind(kind),
    startMs: nowMs,
    runAtMs,
    endMs,
    files: kind === 'importGraph' ? importFiles(body, ctx.profile, rng, runAtMs, endMs, false) : undefined,
    erases: options.erases,
    parameters: options.parameters,
  });
}

/**
 * Plans a submitted algorithm: pending for a moment, then running for a plausible time; it fails
 * at the end of a short run when a vertex id is not in the graph (the submit itself succeeds).
 */
export function planSubmittedAlgorithm(
  ctx: PlannerContext,
  spec: AlgorithmSpec,
  rawBody: string,
  parameters: Readonly<Record<string, unknown>>,
  nowMs: number,
): JobPlan {
  const { rng } = ctx;
  const failReason = runtimeFailureOf(spec, parameters, ctx.profile);
  const runAtMs = nowMs + rng.int(300, 2_000);
  const runMs = failReason ? rng.int(5, 400) : duration(rng, spec.runMs);
  return createJobPlan({
    jobId: newJobId(ctx),
    taskType: 'Algorithm',
    rawRequest: rawBody,
    cancellable: spec.cancellable,
    startMs: nowMs,
    runAtMs,
    endMs: runAtMs + runMs,
    failReason,
    algorithm: spec.name,
    parameters,
  });
}
