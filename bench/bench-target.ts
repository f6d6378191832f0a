/** What every measure asks for: a small page (limit 3) of one graph of one well-formed project. */

/** A 32-hex project id, as real ones are. */
export const BENCH_PROJECT = '0123456789abcdef0123456789abcdef';

/** Any non-empty token passes the mock's default policy; Prism only checks the header is there. */
export const BENCH_TOKEN = 'bench-token';

/** The header every request carries. */
export const BENCH_HEADERS: Readonly<Record<string, string>> = { 'X-Auth-Token': BENCH_TOKEN };

/** Path and query of a page of the movie graph's jobs. */
export function listJobsPath(limit: number, offset = 0): string {
  return `/ges/v1.0/${BENCH_PROJECT}/graphs/movie/jobs/status?limit=${limit}&offset=${offset}`;
}
