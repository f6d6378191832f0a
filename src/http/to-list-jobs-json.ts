/**
 * The list-jobs body as JSON text, serialised once per page the engine builds rather than once per
 * request: the job store hands back the very same frozen jobs array for the same page at the same
 * instant with nothing changed (JobStore.list), so its text is kept beside it, weakly, and dies with it.
 */

const textOfJobs = new WeakMap<object, string>();

/**
 * `JSON.stringify(list)`, byte for byte, for the engine's list-jobs answer: `{ jobs, jobCount }`, plus
 * whatever fields an engine profile adds (`result`, `errorCode`, …), each in the order the engine wrote it.
 */
export function toListJobsJson(list: { jobs: readonly unknown[]; jobCount: number }): string {
  const { jobs } = list;
  let text = textOfJobs.get(jobs);
  if (text === undefined) {
    text = JSON.stringify(jobs);
    // only a frozen page is the store's own, shared one; any other array may still change
    if (Object.isFrozen(jobs)) textOfJobs.set(jobs, text);
  }
  let body = '';
  for (const key of Object.keys(list)) {
    const value = key === 'jobs' ? text : JSON.stringify((list as unknown as Record<string, unknown>)[key]);
    if (value !== undefined) body += `${body === '' ? '' : ','}${JSON.stringify(key)}:${value}`;
  }
  return `{${body}}`;
}
