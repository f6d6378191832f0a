/**
 * Engine profiles: the forms other GES engines send, applied where the engine turns a job into its
 * served form. The store keeps one canonical job (the memory edition 2.2.13's form); a profile only
 * rewrites what is served (and reads a served jobId back), so lifecycles, ordering, paging and every
 * invariant stay those of the one engine. Pure: the seeded draws of `mixed` hash (seed, jobId).
 *
 * Each profile deviates from `memory-2.2.13` in exactly the fields docs/engine.md lists. A field in a
 * form the mock did not write (a fixture's integer progress, a plain UUID, an ISO time) is left as
 * given: profiles rewrite the mock's own forms only.
 */
import type { Job, JobList, JobStatus } from '../types.js';
import { hashSeed } from './random.js';

/** The profile names, `memory-2.2.13` (the default) first. */
export const ENGINE_PROFILES = [
  'memory-2.2.13',
  'integer-progress',
  'complete-status',
  'partially-failed',
  'uuid-job-ids',
  'result-fields',
  'iso-times',
  'epoch-seconds',
  'epoch-millis',
  'epoch-micros',
  'mixed',
] as const;

/** One engine profile's name. */
export type EngineProfileName = (typeof ENGINE_PROFILES)[number];

/** The default profile: today's memory-edition forms. */
export const DEFAULT_ENGINE_PROFILE: EngineProfileName = 'memory-2.2.13';

/** What the engine asks of a profile. */
export interface EngineProfile {
  readonly name: EngineProfileName;
  /** The list body as served. */
  list(body: JobList, graph: string): JobList;
  /** A job status body as served, for the job `jobId` (its canonical id). */
  status(body: JobStatus, job: Job): JobStatus;
  /** A canonical jobId as served. */
  servedId(jobId: string): string;
  /** The canonical ids a served jobId may stand for, most likely first (`suffix`: the graph's nine digits). */
  canonicalIds(served: string, suffix: string): string[];
}

type TimeForm = 'china' | 'iso' | 'seconds' | 'millis' | 'micros';

/** The forms one job is served in. */
interface JobForms {
  integerProgress: boolean;
  complete: boolean;
  partiallyFailed: boolean;
  uuid: boolean;
  time: TimeForm;
}

const MEMORY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})[0-9]{9}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CHINA_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const TIME_FORMS: readonly TimeForm[] = ['china', 'iso', 'seconds', 'millis', 'micros'];

/** Epoch ms of the mock's own `yyyy-MM-dd HH:mm:ss` (China time); undefined for any other form. */
function chinaMs(text: string): number | undefined {
  const m = CHINA_TIME.exec(text);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) - CHINA_OFFSET_MS;
}

/** Converted times by form: the same few strings recur on every page (jobs share their seconds). */
const converted = new Map<TimeForm, Map<string, string>>(TIME_FORMS.map((form) => [form, new Map()]));
const MAX_CACHED = 50_000;

/** A time the mock wrote, in `form`; any other value as given. */
function toForm(value: string | undefined, form: TimeForm): string | undefined {
  if (value === undefined || form === 'china') return value;
  const cache = converted.get(form)!;
  let out = cache.get(value);
  if (out === undefined) {
    out = convert(value, form);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(value, out);
  }
  return out;
}

function convert(value: string, form: TimeForm): string {
  const ms = chinaMs(value);
  if (ms === undefined) return value;
  if (form === 'seconds') return String(ms / 1000);
  if (form === 'millis') return String(ms);
  if (form === 'micros') return String(ms * 1000);
  // The same wall-clock time, its zone stated: the ISO 8601 form of a China-time engine.
  return `${value.replace(' ', 'T')}+08:00`;
}

/** Whether a failed import read some lines well: what a 2025 page calls partiallyFailed. */
function isPartialImport(job: Job): boolean {
  if (job.status !== 'failed' || job.taskType !== 'ImportGraph' || !job.files) return false;
  return job.files.some((group) =>
    Object.values(group).some(
      (stats) =>
        Array.isArray(stats) &&
        stats.some((stat: Record<string, unknown>) => Number(stat['successfulLines'] ?? stat['successfulLabels'] ?? 0) > 0),
    ),
  );
}

function rewriteJob(job: Job, forms: JobForms): Job {
  const out: Record<string, unknown> = { ...job };
  if (forms.uuid) out['jobId'] = MEMORY_ID.exec(job.jobId)?.[1] ?? job.jobId;
  if (forms.integerProgress && typeof job.progress === 'string') out['progress'] = Number(job.progress);
  if (job.startTime !== undefined) out['startTime'] = toForm(job.startTime, forms.time);
  if (job.endTime !== undefined) out['endTime'] = toForm(job.endTime, forms.time);
  if (forms.complete && job.status === 'success') out['status'] = 'complete';
  if (forms.partiallyFailed && isPartialImport(job)) {
    out['status'] = 'partiallyFailed';
    // The spec allows failReason only on `failed` (its if/else); the file counts say what failed.
    delete out['failReason'];
  }
  return out as unknown as Job;
}

const NONE: JobForms = { integerProgress: false, complete: false, partiallyFailed: false, uuid: false, time: 'china' };

/** The fixed forms of every profile but `mixed`. */
const FIXED: Record<Exclude<EngineProfileName, 'mixed'>, JobForms> = {
  'memory-2.2.13': NONE,
  'integer-progress': { ...NONE, integerProgress: true },
  'complete-status': { ...NONE, complete: true },
  'partially-failed': { ...NONE, partiallyFailed: true },
  'uuid-job-ids': { ...NONE, uuid: true },
  'result-fields': NONE,
  'iso-times': { ...NONE, time: 'iso' },
  'epoch-seconds': { ...NONE, time: 'seconds' },
  'epoch-millis': { ...NONE, time: 'millis' },
  'epoch-micros': { ...NONE, time: 'micros' },
};

/** Whether `name` is a profile. */
export function isEngineProfileName(name: unknown): name is EngineProfileName {
  return typeof name === 'string' && (ENGINE_PROFILES as readonly string[]).includes(name);
}

/**
 * The profile `name`; `seed` drives `mixed`, whose every job draws its forms from (seed, jobId), so
 * a job is served alike on every page and in every answer.
 */
export function createEngineProfile(name: EngineProfileName, seed: number): EngineProfile {
  const mixed = name === 'mixed';
  const drawn = new Map<string, JobForms>();
  const formsOf = (jobId: string): JobForms => {
    if (!mixed) return FIXED[name as Exclude<EngineProfileName, 'mixed'>];
    let forms = drawn.get(jobId);
    if (forms === undefined) {
      forms = draw(jobId);
      if (drawn.size >= MAX_CACHED) drawn.clear();
      drawn.set(jobId, forms);
    }
    return forms;
  };
  const draw = (jobId: string): JobForms => {
    const [a, b] = hashSeed(`${seed}:${jobId}:profile`);
    return {
      integerProgress: (a & 1) === 1,
      complete: (a & 2) === 2,
      partiallyFailed: (a & 4) === 4,
      uuid: (a & 8) === 8,
      time: TIME_FORMS[b % TIME_FORMS.length]!,
    };
  };
  const identity = name === 'memory-2.2.13' || name === 'result-fields';
  const resultFields = (graph: string) => name === 'result-fields' || (mixed && (hashSeed(`${seed}:${graph}:result`)[0] & 1) === 1);
  return {
    name,
    list(body, graph) {
      const jobs = identity ? body.jobs : body.jobs.map((job) => rewriteJob(job, formsOf(job.jobId)));
      // Some engines send the table's result fields on success; the documented example has none.
      return resultFields(graph)
        ? { jobs, jobCount: body.jobCount, result: 'success', errorCode: '', errorMessage: '' }
        : identity
          ? body
          : { jobs, jobCount: body.jobCount };
    },
    status(body, job) {
      if (identity) return body;
      const served = rewriteJob(job, formsOf(job.jobId)).status as string;
      return served === body.status ? body : ({ ...body, status: served } as JobStatus);
    },
    servedId(jobId) {
      return formsOf(jobId).uuid ? (MEMORY_ID.exec(jobId)?.[1] ?? jobId) : jobId;
    },
    canonicalIds(served, suffix) {
      // A plain UUID may be a memory id served without its nine digits.
      return !identity && UUID.test(served) ? [served, `${served}${suffix}`] : [served];
    },
  };
}
