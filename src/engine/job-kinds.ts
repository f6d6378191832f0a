/**
 * The jobs the GES APIs create besides algorithm runs: vertex and edge filter queries, Filtered-query,
 * exports and deletes of filtered data, batch deletes of edges, index builds and deletions, exports of
 * a job's result and graph imports. For each kind: how long it plausibly runs, a realistic request
 * for a seeded job, why one fails, and the result the job status API reports for it once it has
 * succeeded. Kinds are named by their action's id; the `taskType` and `jobType` they carry come from
 * openapi.yaml (src/spec/job-actions.ts). Pure: every value comes from the planner's random stream or
 * the job's own id.
 */
import { jobActionById } from '../spec/job-actions.js';
import type { JobResultData } from '../types.js';
import { vertexAt, type GraphProfile, type LabelProfile } from './graph-profiles.js';
import { layImportFiles, type ImportFileLayout } from './job-factory.js';
import type { FilePlan } from './job-lifecycle.js';
import { createRandom, hashSeed, type Random } from './random.js';

/** Paging of a job's result (the job status API's offset and limit). */
type Page = { readonly limit: number; readonly offset: number };

/** The ids of the kinds of job planned here (algorithm runs are planned by draw-job-plans.ts). */
const JOB_KINDS = [
  'queryVertices',
  'queryEdges',
  'filteredQuery',
  'exportVertices',
  'deleteVertices',
  'exportEdges',
  'deleteEdges',
  'batchDeleteEdges',
  'createIndex',
  'deleteIndex',
  'exportJobResult',
  'importGraph',
] as const;

/** One kind of job. */
export type JobKind = (typeof JOB_KINDS)[number];

/** A request body, as the engine reads it (already checked against its schema by the HTTP layer). */
export type JobBody = Readonly<Record<string, unknown>>;

/** The task type of each kind, as the spec decides it. */
export const TASK_TYPES: Readonly<Record<JobKind, string>> = Object.fromEntries(
  JOB_KINDS.map((kind) => [kind, jobActionById(kind).taskType]),
) as Record<JobKind, string>;

/** The kind whose jobs show this task type, if any (`Algorithm` and foreign types have none). */
export function kindOfTaskType(taskType: string): JobKind | undefined {
  return JOB_KINDS.find((kind) => TASK_TYPES[kind] === taskType);
}

/** Whether a job of this kind can be cancelled while it runs (the cancel page, as the spec reads it). */
export const isCancellableKind = (kind: JobKind): boolean => jobActionById(kind).cancellable;

/** Plausible running time of each kind, ms (log-uniform between the two). */
export const RUN_MS: Readonly<Record<JobKind, readonly [number, number]>> = {
  queryVertices: [80, 8_000],
  queryEdges: [80, 12_000],
  filteredQuery: [200, 30_000],
  exportVertices: [5_000, 300_000],
  deleteVertices: [2_000, 120_000],
  exportEdges: [5_000, 600_000],
  deleteEdges: [2_000, 180_000],
  batchDeleteEdges: [50, 5_000],
  createIndex: [3_000, 600_000],
  deleteIndex: [500, 20_000],
  exportJobResult: [1_000, 120_000],
  importGraph: [30_000, 900_000],
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
/** A count the pages send as a number or a string of digits (LooseInteger). */
function looseInteger(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]{1,10}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : fallback;
}
/** A flag the pages send as a boolean or as "true"/"false" (LooseBoolean). */
export const looseBoolean = (value: unknown, fallback: boolean): boolean =>
  value === true || value === 'true' ? true : value === false || value === 'false' ? false : fallback;

/** The labels a filter names that the graph has, or all of them. */
function labelsOf(chosen: unknown, known: readonly LabelProfile[]): LabelProfile[] {
  const names = asList(chosen).filter((name): name is string => typeof name === 'string');
  const found = known.filter((label) => names.includes(label.label));
  // A label the graph does not know still selects something: a label of that name with no properties.
  const unknown = names.filter((name) => !known.some((label) => label.label === name)).map((label) => ({ label, properties: {} }));
  const all = [...found, ...unknown];
  return all.length > 0 ? all : [...known];
}

/** A test of one property's value, from one condition of a filter. */
type Condition = (value: string) => boolean;

/** Compares as numbers when both are numbers, else as text. */
function compare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) ? x - y : a < b ? -1 : a > b ? 1 : 0;
}

/** What a filter's comparisons ask of each property, so that returned records match them. */
function conditionsOf(filters: unknown): Map<string, Condition[]> & { equals: Map<string, string> } {
  const out = Object.assign(new Map<string, Condition[]>(), { equals: new Map<string, string>() });
  for (const condition of asList(filters)) {
    const { propertyName, predicate, values } = (condition ?? {}) as Record<string, unknown>;
    const wanted = asList(values).filter((value): value is string => typeof value === 'string');
    if (typeof propertyName !== 'string' || wanted.length === 0) continue;
    const [first, second] = wanted as [string, string | undefined];
    let test: Condition | undefined;
    if (predicate === '=') {
      test = (v) => v === first;
      out.equals.set(propertyName, first);
    } else if (predicate === '<') test = (v) => compare(v, first) < 0;
    else if (predicate === '>') test = (v) => compare(v, first) > 0;
    else if (predicate === '<=') test = (v) => compare(v, first) <= 0;
    else if (predicate === '>=') test = (v) => compare(v, first) >= 0;
    else if (predicate === 'range' && second !== undefined) test = (v) => compare(v, first) >= 0 && compare(v, second) <= 0;
    if (!test) continue;
    out.set(propertyName, [...(out.get(propertyName) ?? []), test]);
  }
  return out;
}

type Conditions = ReturnType<typeof conditionsOf>;

/**
 * One record's properties: each of the label's, drawn for the record, matching the filter's
 * comparisons; a property a condition pins with `=` is shown with that value even where the graph's
 * label does not list it.
 */
function propertiesOf(label: LabelProfile, rng: Random, conditions: Conditions): Record<string, string[]> {
  const properties: Record<string, string[]> = {};
  const matching = (name: string, values: readonly string[]) =>
    values.filter((value) => (conditions.get(name) ?? []).every((test) => test(value)));
  for (const [name, values] of Object.entries(label.properties)) {
    const fit = matching(name, values);
    properties[name] = [rng.pick(fit.length > 0 ? fit : values)];
  }
  for (const [name, value] of conditions.equals) properties[name] ??= [value];
  return properties;
}

/** The labels a filter can match: those that have every property its conditions name, if any do. */
function labelsMatching(labels: readonly LabelProfile[], conditions: Conditions): readonly LabelProfile[] {
  const fitting = labels.filter((label) => [...conditions.keys()].every((name) => name in label.properties));
  return fitting.length > 0 ? fitting : labels;
}

/** A vertex of a filter's result, the same for the same job and index every time. */
function vertexRecord(seed: string, i: number, labels: readonly LabelProfile[], profile: GraphProfile, conditions: Conditions) {
  const rng = createRandom(`${seed}#v${i}`);
  const label = rng.pick(labels);
  return {
    id: vertexAt(profile, rng.int(0, profile.vertexCount - 1)),
    label: label.label,
    properties: propertiesOf(label, rng, conditions),
  };
}

/** An edge of a filter's result (source, target, label, properties), the same for the same job and index. */
function edgeRecord(seed: string, i: number, labels: readonly LabelProfile[], profile: GraphProfile, conditions: Conditions) {
  const rng = createRandom(`${seed}#e${i}`);
  const label = rng.pick(labels);
  const source = vertexAt(profile, rng.int(0, profile.vertexCount - 1));
  const target = vertexAt(profile, rng.int(0, profile.vertexCount - 1));
  return { source, target, label: label.label, properties: propertiesOf(label, rng, conditions) };
}

// openapi-typescript types a free-form `outputs: {type: object}` as Record<string, never>.
type Outputs = NonNullable<JobResultData['outputs']>;
const asOutputs = (value: Record<string, unknown>): Outputs => value as unknown as Outputs;

/** A page of `total` records, the i-th made by `at`, with the counters inside `outputs` [ex]. */
function pagedOutputs(
  key: string,
  total: number,
  at: (i: number) => unknown,
  { limit, offset }: Page,
  extra: Record<string, unknown> = {},
): JobResultData {
  const start = Math.min(offset, total);
  const end = Math.min(total, start + limit);
  const items: unknown[] = [];
  for (let i = start; i < end; i++) items.push(at(i));
  return { outputs: asOutputs({ ...extra, data_return_size: items.length, [key]: items, data_offset: offset, data_total_size: total }) };
}

/** How many records a filter matches: a job-specific number, fewer for more conditions. */
function matchCount(seed: string, conditions: number, most: number): number {
  const rng = createRandom(`${seed}:matches`);
  const ceiling = Math.max(1, Math.floor(most / (1 + conditions * 3)));
  return rng.int(0, ceiling);
}

/** Whether Filtered-query's last hop selects vertices (else edges). */
function selectsVertices(body: JobBody): boolean {
  const last = asList(body['filters']).at(-1) as { operator?: unknown } | undefined;
  return ['inV', 'outV', 'bothV', 'vertex'].includes(String(last?.operator ?? 'outV'));
}

/** Filtered-query's result: the vertices or edges of its last hop, `total` of them. */
export function filteredQueryRecords(
  seed: string,
  body: JobBody,
  profile: GraphProfile,
): { key: 'vertices' | 'edges'; total: number; at(i: number): unknown } {
  const hops = asList(body['filters']).length;
  const total = matchCount(seed, hops, Math.min(200_000, profile.vertexCount * 4));
  if (selectsVertices(body))
    return { key: 'vertices', total, at: (i) => vertexRecord(seed, i, profile.vertexLabels, profile, conditionsOf([])) };
  return {
    key: 'edges',
    total,
    at: (i) => ({ index: String(i + 1), ...edgeRecord(seed, i, profile.edgeLabels, profile, conditionsOf([])) }),
  };
}

/** The body a job's rawRequest holds, or an empty one. */
export function bodyOf(rawRequest: string): JobBody {
  try {
    const body: unknown = JSON.parse(rawRequest);
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as JobBody) : {};
  } catch {
    return {};
  }
}

/**
 * The result a succeeded job of this kind reports through the job status API, page by page. Filter
 * queries and Filtered-query return records; exports name the file they wrote; deletes, batch deletes
 * and index jobs what they touched; an import the lines it read [decision: no page shows these].
 */
export function kindResult(
  kind: JobKind,
  job: { jobId: string; rawRequest: string },
  profile: GraphProfile,
  page: Page,
  parameters: JobBody | undefined,
): JobResultData {
  const body = parameters ?? bodyOf(job.rawRequest);
  const seed = `${job.jobId}:${hashSeed(job.rawRequest)[0]}`;
  switch (kind) {
    case 'queryVertices':
    case 'queryEdges': {
      const vertices = kind === 'queryVertices';
      const filters = body[vertices ? 'vertexFilters' : 'edgeFilters'];
      const conditions = conditionsOf(filters);
      const labels = labelsMatching(labelsOf(body['labels'], vertices ? profile.vertexLabels : profile.edgeLabels), conditions);
      const total = matchCount(seed, asList(filters).length, vertices ? profile.vertexCount : profile.vertexCount * 3);
      // The query's own offset and limit choose which matches the job keeps; the status API pages them.
      const from = looseInteger(body['offset'], 0);
      const kept = Math.max(0, Math.min(total - from, looseInteger(body['limit'], 10)));
      const at = (i: number) =>
        vertices ? vertexRecord(seed, from + i, labels, profile, conditions) : edgeRecord(seed, from + i, labels, profile, conditions);
      const result = pagedOutputs(vertices ? 'vertices' : 'edges', kept, at, page);
      return { outputs: asOutputs({ ...result.outputs, data_total_size: total }) };
    }
    case 'filteredQuery': {
      const records = filteredQueryRecords(seed, body, profile);
      // Unpaged when `visualized` (the examples spell it `visulized`) was asked for [doc].
      const visualized = looseBoolean(body['visualized'] ?? body['visulized'], false);
      return pagedOutputs(records.key, records.total, records.at, visualized ? { offset: 0, limit: records.total } : page);
    }
    case 'exportVertices':
    case 'exportEdges': {
      const rows = matchCount(seed, 0, profile.vertexCount * (kind === 'exportEdges' ? 3 : 1));
      const fileName = asText(body['fileName']) || `${profile.name}_${kind === 'exportEdges' ? 'edges' : 'vertices'}.csv`;
      return {
        outputs: asOutputs({
          exportPath: asText(body['exportPath']),
          fileName,
          data_return_size: 0,
          data_offset: page.offset,
          data_total_size: rows,
        }),
      };
    }
    case 'deleteVertices':
    case 'deleteEdges':
    case 'batchDeleteEdges': {
      const deleted = kind === 'batchDeleteEdges' ? asList(body['edges']).length : matchCount(seed, 0, profile.vertexCount);
      return { outputs: asOutputs({ deleted, data_return_size: 0, data_offset: page.offset, data_total_size: deleted }) };
    }
    case 'createIndex':
    case 'deleteIndex':
      return {
        outputs: asOutputs({ indexName: asText(body['indexName']), data_return_size: 0, data_offset: page.offset, data_total_size: 0 }),
      };
    case 'exportJobResult': {
      const fileName = asText(body['fileName']) || 'result';
      return {
        outputs: asOutputs({
          exportPath: asText(body['exportPath']),
          fileName,
          data_return_size: 0,
          data_offset: page.offset,
          data_total_size: 0,
        }),
      };
    }
    case 'importGraph':
      // Imports report what they read through their files; this only says so.
      return { outputs: asOutputs({ data_return_size: 0, data_offset: page.offset, data_total_size: 0 }) };
  }
}

/** The failReason of a job of this kind that failed while running. */
export function kindFailReason(kind: JobKind, body: JobBody, rng: Random): string {
  switch (kind) {
    case 'queryVertices':
    case 'queryEdges':
      return rng.pick([
        'Query failed: the graph is being modified, please try again later.',
        'Query failed: memory is insufficient for the result.',
      ]);
    case 'filteredQuery':
      return 'K-Hop query with filter criteria failed: the result exceeds 100000 vertices.';
    case 'exportVertices':
    case 'exportEdges':
    case 'exportJobResult':
      return `Export failed: no permission to write to [${asText(body['exportPath']) || 'the export path'}].`;
    case 'deleteVertices':
    case 'deleteEdges':
    case 'batchDeleteEdges':
      return 'Delete failed: the graph is being modified, please try again later.';
    case 'createIndex':
      return `Failed to create index [${asText(body['indexName'])}]: property [${asText(asList(body['indexProperty'])[0]) || 'label'}] does not exist.`;
    case 'deleteIndex':
      return `Failed to delete index [${asText(body['indexName'])}].`;
    case 'importGraph':
      return 'Import graph failed.';
  }
}

/** The files an import of `body` reads within [runAtMs, endMs], lines counted as they are read. */
export function importFiles(body: JobBody, profile: GraphProfile, rng: Random, runAtMs: number, endMs: number, fails: boolean): FilePlan[] {
  const layout: ImportFileLayout[] = [];
  /** A path as the files it names: a directory (ending in /) holds two or three of the graph's files. */
  const filesAt = (path: string, names: readonly string[]): string[] =>
    path.endsWith('/') ? names.slice(0, Math.max(1, Math.min(names.length, rng.int(2, 3)))).map((name) => `${path}${name}`) : [path];
  const schema = asText(body['schemaPath']);
  const vertices = asText(body['vertexsetPath']);
  const edges = asText(body['edgesetPath']);
  const groups: { group: FilePlan['group']; files: string[]; total: () => number }[] = [];
  if (schema) groups.push({ group: 'schemaFiles', files: [schema], total: () => rng.int(5, 60) });
  if (vertices)
    groups.push({
      group: 'vertexFiles',
      files: filesAt(vertices, profile.vertexFiles),
      total: () => Math.round(100 * 20_000 ** rng.float()),
    });
  if (edges)
    groups.push({ group: 'edgeFiles', files: filesAt(edges, profile.edgeFiles), total: () => Math.round(1_000 * 10_000 ** rng.float()) });
  const count = groups.reduce((n, group) => n + group.files.length, 0);
  let cursor = rng.float() * 0.01;
  const share = 0.97 / Math.max(1, count);
  for (const { group, files, total } of groups) {
    for (const fileName of files) {
      const lines = total();
      const failed = fails && group === 'edgeFiles' ? rng.int(1, Math.max(1, Math.min(500, Math.floor(lines / 50)))) : 0;
      layout.push({ group, fileName, total: lines, failed, from: cursor, to: cursor + share * (0.7 + rng.float() * 0.3) });
      cursor += share;
    }
  }
  return layImportFiles(runAtMs, endMs, layout);
}
