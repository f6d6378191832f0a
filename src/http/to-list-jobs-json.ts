/**
 * The list-jobs body as JSON text, serialised once per page the engine builds rather than once per
 * request: the job store hands back the very same frozen jobs array for the same page at the same
 * instant with nothing changed (JobStore.list), so its text is kept beside it, weakly, and dies with it.
 */

const textOfJobs = new WeakMap<object, string>();

/** `JSON.stringify(list)`, byte for byte, for the engine's list-jobs answer `{ jobs, jobCount }`. */
export function toListJobsJson(list: { jobs: readonly unknown[]; jobCount: number }): string {
  const { jobs } = list;
  let text = textOfJobs.get(jobs);
  if (text === undefined) {
    text = JSON.stringify(jobs);
    // only a frozen page is the store's own, shared one; any other array may still change
    if (Object.isFrozen(jobs)) textOfJobs.set(jobs, text);
  }
  // the keys as the engine writes them, in its order (pinned by test/http/to-list-jobs-json.test.ts)
  return `{"jobs":${text},"jobCount":${list.jobCount}}`;
}
