/**
 * The one place jobs are made: seeding (draw-job-plans.ts), submitted algorithms and fixture
 * documents (src/fixtures/compile-fixtures.ts) all build their plans with `createJobPlan` and named
 * options, and write requests, failure sentences and import files with the shapes below, so a
 * seeded job and a fixture job of the same kind read alike. Pure: no clock, no randomness.
 */
import type { GraphProfile } from './graph-profiles.js';
import type { FilePlan, JobPlan } from './job-lifecycle.js';
import type { Job } from '../types.js';

/** What makes a job; the optional ones default to a job that succeeds (failProgress 100). */
export interface JobPlanOptions {
  jobId: string;
  taskType: string;
  rawRequest: string;
  cancellable: boolean;
  /** Submission time (the job's startTime). */
  startMs: number;
  /** Pending until runAtMs, running until endMs. */
  runAtMs: number;
  endMs: number;
  /** Set: the job ends failed with this reason. */
  failReason?: string | undefined;
  /** Progress a failed job reports (default 100, as the GES example shows for a rejected parameter). */
  failProgress?: number | undefined;
  algorithm?: string | undefined;
  parameters?: Readonly<Record<string, unknown>> | undefined;
  files?: readonly FilePlan[] | undefined;
  /** A fixture job that stays pending or running exactly as stated (see JobPlan.frozen). */
  frozen?: Job | undefined;
  /** The startTime as a fixture or recording gave it, served in that form (any the spec allows). */
  startText?: string | undefined;
  /** The job an export-result job removes from the list once it succeeds. */
  erases?: string | undefined;
}

/** A job's plan from named options. */
export function createJobPlan(options: JobPlanOptions): JobPlan {
  const plan: JobPlan = {
    jobId: options.jobId,
    taskType: options.taskType,
    rawRequest: options.rawRequest,
    cancellable: options.cancellable,
    startMs: options.startMs,
    startSec: Math.floor(options.startMs / 1000),
    runAtMs: options.runAtMs,
    endMs: options.endMs,
    failReason: options.failReason,
    failProgress: options.failProgress ?? 100,
    algorithm: options.algorithm,
    parameters: options.parameters,
    files: options.files,
  };
  const given = options.startText === undefined ? plan : { ...plan, startText: options.startText };
  const erasing = options.erases === undefined ? given : { ...given, erases: options.erases };
  return options.frozen === undefined ? erasing : { ...erasing, frozen: options.frozen };
}

/** The rawRequest of an algorithm run, as POST .../action?action_id=execute-algorithm takes it. */
export const algorithmRequest = (algorithmName: string, parameters: Readonly<Record<string, unknown>>): string =>
  JSON.stringify({ algorithmName, parameters });

/** The algorithm named by an algorithm run's rawRequest, if it names one. */
export function algorithmOf(rawRequest: string): string | undefined {
  try {
    const body: unknown = JSON.parse(rawRequest);
    const name = body && typeof body === 'object' ? (body as { algorithmName?: unknown }).algorithmName : undefined;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Where an import reads from and how it treats parallel edges. */
export interface ImportRequestFields {
  edgesetPath: string;
  vertexsetPath: string;
  /** Absent: the import keeps the graph's schema. */
  schemaPath?: string | undefined;
  parallelEdgeAction: string;
}

/** The rawRequest of an ImportGraph job, in the field order the GES example shows. */
export function importRequest(profile: GraphProfile, fields: ImportRequestFields): string {
  const body: Record<string, unknown> = {
    graphName: profile.name,
    offline: false,
    edgesetPath: fields.edgesetPath,
    vertexsetPath: fields.vertexsetPath,
    delimiter: ',',
    trimQuote: '"',
    vertexsetFormat: 'csv',
    edgesetFormat: 'csv',
    parallelEdge: { ignoreLabel: true, action: fields.parallelEdgeAction },
  };
  if (fields.schemaPath !== undefined) body['schemaPath'] = fields.schemaPath;
  return JSON.stringify(body);
}

/** The rawRequest of an ExportGraph job writing the graph's sets to `graphExportPath`. */
export const exportRequest = (profile: GraphProfile, graphExportPath: string): string =>
  JSON.stringify({
    graphExportPath,
    edgeSetName: `${profile.name}_edges`,
    vertexSetName: `${profile.name}_vertices`,
    schemaName: `${profile.name}_schema.xml`,
  });

/** The failReason of an algorithm refused for a parameter, e.g. a vertex id not in the graph. */
export const invalidParameterReason = (algorithm: string, parameter: string): string =>
  `Running algorithm [${algorithm}] error: parameter [${parameter}] is invalid!`;

/** The failReason of an algorithm that ran out of time. */
export const timedOutReason = (algorithm: string): string => `Running algorithm [${algorithm}] error: execution timed out.`;

/** The failReasons of an algorithm that broke off while running. */
export const RUNTIME_FAILURES: readonly ((algorithm: string) => string)[] = [
  (algorithm) => `Running algorithm [${algorithm}] error: the graph is being modified, please try again later.`,
  (algorithm) => `Running algorithm [${algorithm}] error: memory is insufficient to run the algorithm.`,
  timedOutReason,
];

/** The failReason of an import whose edge file had lines it could not parse. */
export const importFailReason = (file: Pick<FilePlan, 'fileName' | 'failed' | 'total'>): string =>
  `Import edge file [${file.fileName}] failed: ${file.failed} of ${file.total} lines could not be parsed`;

/** The failReason of an export that could not write; `target` is `[obs://...]` or words for it. */
export const exportFailReason = (target: string): string => `Export graph failed: no permission to write to ${target}.`;

/** One file an import reads, placed by fractions (0..1) of the job's running span. */
export interface ImportFileLayout extends Pick<FilePlan, 'group' | 'fileName' | 'total' | 'failed'> {
  from: number;
  to: number;
}

/**
 * An import's files inside its running span [runAtMs, endMs] (read one after another: schema,
 * vertices, then edges), their times in microseconds as the list shows them.
 */
export function layImportFiles(runAtMs: number, endMs: number, files: readonly ImportFileLayout[]): FilePlan[] {
  const runStartUs = runAtMs * 1000;
  const spanUs = Math.max(1, (endMs - runAtMs) * 1000);
  const at = (fraction: number): number => runStartUs + Math.floor(spanUs * fraction);
  return files.map(({ group, fileName, total, failed, from, to }) => ({
    group,
    fileName,
    total,
    failed,
    startUs: at(from),
    endUs: at(to),
  }));
}
