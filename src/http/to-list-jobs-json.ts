/**
 * The list-jobs body as JSON text, serialised once per page the engine builds rather than once per
 * request: the job store hands back the very same frozen jobs array for the same page at the same
 * instant with nothing changed (JobStore.list), so its text is kept beside it, weakly, and dies with it.
 * The whole body is kept too when it is `{jobs, jobCount}` (the common answer): every request for that
 * page then answers the one string, already flat, instead of building its own.
 */

const textOfJobs = new WeakMap<object, { jobs: string; jobCount: number; body: string | undefined }>();

/**
 * `JSON.stringify(list)`, byte for byte, for the engine's list-jobs answer: `{ jobs, jobCount }`, plus
 * whatever fields an engine profile adds (`result`, `errorCode`, …), each in the order the engine wrote it.
 */
export function toListJobsJson(list: { jobs: readonly unknown[]; jobCount: number }): string {
  const { jobs } = list;
  let known = textOfJobs.get(jobs);
  if (known === undefined) {
    known = { jobs: JSON.stringify(jobs), jobCount: Number.NaN, body: undefined };
    // only a frozen page is the store's own, shared one; any other array may still change
    if (Object.isFrozen(jobs)) textOfJobs.set(jobs, known);
  }
  const keys = Object.keys(list);
  const plain = keys.length === 2 && keys[0] === 'jobs' && keys[1] === 'jobCount';
  if (plain && known.body !== undefined && known.jobCount === list.jobCount) return known.body;
  let body = '';
  for (const key of keys) {
    const value = key === 'jobs' ? known.jobs : JSON.stringify((list as unknown as Record<string, unknown>)[key]);
    if (value !== undefined) body += `${body === '' ? '' : ','}${JSON.stringify(key)}:${value}`;
  }
  body = `{${body}}`;
  if (plain) {
    known.jobCount = list.jobCount;
    known.body = body;
  }
  return body;
}
