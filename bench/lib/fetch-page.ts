/** One request before the load: a contender that does not answer 200 (with the jobs asked for) is not measured. */
import { BENCH_HEADERS } from '../bench-target.js';

/** GETs `url` with the bench's token; throws unless 200 and, when `jobs` is given, that many jobs came back. */
export async function fetchPage(url: string, jobs?: number): Promise<{ text: string; bytes: number }> {
  const response = await fetch(url, { headers: BENCH_HEADERS });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  if (jobs !== undefined) {
    const body = JSON.parse(text) as { jobs?: unknown[] };
    if (body.jobs?.length !== jobs) throw new Error(`${url} returned ${body.jobs?.length} jobs, expected ${jobs}`);
  }
  return { text, bytes: Buffer.byteLength(text) };
}
