/**
 * The proxy judges live exactly as `ges-contract --har` judges a recording: the whole contract run
 * (with mutations, both tokens) is sent through a proxy in front of each broken server of the
 * mutation test, of each valid variation and of the independent engine. What the proxy found live
 * is what `ges-contract --har` finds in the proxy's own HAR; every defect the recorded checks can
 * see in traffic shows up live; a valid engine gets no violation at all.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { createLiveJudge } from '../../contracts/live/create-live-judge.js';
import { judgeRecording } from '../../contracts/har/judge-recording.js';
import { recordedChecks } from '../../contracts/har/recorded-checks.js';
import { runContract } from '../../contracts/run-contract.js';
import { createGesProxy, type GesProxy } from '../../src/proxy/create-ges-proxy.js';
import { FORBIDDEN_TOKEN, PROJECT, TOKEN, startCorruptServer, type Corruption } from '../contracts/support/corrupt-server.js';
import { mutants, variations } from '../contracts/support/mutants.js';
import { startIndependentEngine } from '../support/independent-engine/independent-engine.js';

/**
 * Broken servers whose defect only a probe shows: the answer is valid on its own and beside the
 * others, and only what the kit meant by its request makes it wrong (a graph it knows to be absent,
 * a job it cancelled, a limit it chose). Neither a recording nor the proxy can see these; each is
 * still judged, and must agree with `ges-contract --har`.
 */
const PROBE_ONLY = new Set([
  'unknown graph answers 200',
  'unknown job answers GES.9999',
  'unknown job answers GES.8000',
  'negative offset accepted as 0',
  'auth ignored (200 without a token)',
  'rawRequest re-serialised',
  'cancel answers 200 but does nothing',
  'second cancel answers 200',
  'limit=0 refused with 400 GES.8005',
  "a forbidden token is accepted on a job's status (200)",
  'out-of-range limit/offset answers 400 GES.8000',
  'offset beyond 32 bits accepted (an empty page)',
  "missing token answers 400 GES.8007 (the GES table's mapping)",
  'missing token answers 403 GES.8006',
  'forbidden token answers 401 GES.8007',
  'list ordered oldest first',
  'a submitted job listed last',
  'the last job is lost (offset=total-1 answers nothing)',
  'the largest offset (2147483647) refused as out of range',
  'a malformed limit answers GES.8005 instead of GES.8000',
  'the status endpoint clamps limit=100001 instead of refusing it',
  'a two-character graph name answers an empty list',
  "a failed job's status answer drops its errorMessage",
  'the cancel answers {"cancelled": true}',
  'a running job already sends result data',
  'vertex ids checked on submit (an unknown source refused)',
  'an empty algorithmName runs pagerank',
  'an unknown algorithm answers GES.8401',
  'cancelling a job the engine does not hold answers 200',
  'cancelling a successful job answers 200',
  'a cancel through an unknown graph cancels the job of another',
  'a submit without a token is accepted',
  'a submit with a JSON array body starts a job',
  'an unknown algorithm accepted as a job',
  'a submit with the forbidden token is accepted',
  'writes without a token answer 400 GES.8007',
  'a malformed offset (xyz) read as 0',
  "a submitted job's rawRequest loses its parameters",
  'cancelling an unfinished shortest_path answers 200',
  'paged reads answer from the list as it stood at the first paged read',
  'the status endpoint ignores limit on a result page',
]);

const RECORDED_IDS = new Set(recordedChecks.map((check) => check.id));

interface Judged {
  live: string[];
  offline: string[];
  failed: number;
  warned: string[];
}

const checksOf = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** The contract run through a proxy in front of `upstreamUrl`; the checks found live and offline. */
async function judgeThroughProxy(
  upstreamUrl: string,
  target: { projectId: string; token: string; forbiddenToken: string },
  strict: boolean,
): Promise<Judged> {
  const proxy: GesProxy = await createGesProxy({ upstream: upstreamUrl, port: 0, judge: createLiveJudge({ strict }) });
  try {
    // The upstreams' jobs never move on by themselves: the kit judges its own failed job as it finds it.
    await runContract({ baseUrl: proxy.url, graph: 'movie', allowMutations: true, strict, jobWaitMs: 0, ...target });
    const report = await proxy.violationReport();
    const har = await (await fetch(`${proxy.url}/__mock/requests.har`)).text();
    const offline = await judgeRecording([{ file: 'proxy.har', text: har }], { strict });
    return {
      live: checksOf(report.violations.map((violation) => violation.check)),
      offline: checksOf(offline.results.filter((r) => r.outcome === 'failed' || r.outcome === 'warning').map((r) => r.id)),
      failed: report.failed,
      warned: checksOf(report.violations.filter((violation) => violation.outcome === 'warning').map((violation) => violation.check)),
    };
  } finally {
    await proxy.close();
  }
}

async function againstCorrupt(corruption: Corruption | undefined, strict: boolean): Promise<Judged> {
  const upstream = await startCorruptServer(corruption);
  try {
    return await judgeThroughProxy(upstream.url, { projectId: PROJECT, token: TOKEN, forbiddenToken: FORBIDDEN_TOKEN }, strict);
  } finally {
    await upstream.close();
  }
}

const rows: string[] = [];
afterAll(() => {
  if (rows.length === 0) return;
  const caught = rows.filter((row) => !row.includes('| —')).length;
  process.stdout.write(`\nCaught live through the proxy: ${caught}/${rows.length}\n${rows.join('\n')}\n`);
});

describe('a valid engine behind the proxy', () => {
  test('the unbroken mock gets no violation, strict, over the whole contract run', async () => {
    const judged = await againstCorrupt(undefined, true);
    expect(judged.live).toEqual([]);
    expect(judged.offline).toEqual([]);
  });

  test.each(['plain', 'every'] as const)(
    'the independent engine in %s forms breaks no MUST rule live, and warns only of what the examples alone show',
    async (forms) => {
      const engine = await startIndependentEngine({ forms, forbiddenToken: 'other-project-token' });
      try {
        const judged = await judgeThroughProxy(
          engine.url,
          { projectId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', token: 'independent-token', forbiddenToken: 'other-project-token' },
          false,
        );
        expect(judged.failed).toBe(0);
        const examplesOnly = ['documented_example_shape', 'progress_as_string', ...(forms === 'every' ? ['status_in_documented_set'] : [])];
        expect(judged.warned).toEqual(examplesOnly.sort());
        expect(judged.live).toEqual(judged.offline);
      } finally {
        await engine.close();
      }
    },
  );

  test.each(variations.map((variation) => [variation.name, variation] as const))(
    'a valid variation (%s) fails nothing live',
    async (_name, variation) => {
      const judged = await againstCorrupt(variation.corrupt, false);
      expect(judged.failed).toBe(0);
      for (const check of judged.warned) expect(variation.warnings).toContain(check);
      expect(judged.live).toEqual(judged.offline);
    },
  );
});

describe('each broken server behind the proxy', () => {
  test('every mutant is either caught live or named as one only a probe shows', () => {
    for (const name of PROBE_ONLY) expect(mutants.map((mutant) => mutant.name)).toContain(name);
  });

  test.each(mutants.map((mutant) => [mutant.name, mutant] as const))('%s', async (name, mutant) => {
    const judged = await againstCorrupt(mutant.corrupt, true);
    rows.push(`| ${name} | ${judged.live.join(' ') || '—'} |`);
    // One rule set: what the proxy found live is what ges-contract --har finds in its recording.
    expect(judged.live).toEqual(judged.offline);
    if (PROBE_ONLY.has(name)) return;
    expect(judged.live.length, 'the defect shows up live').toBeGreaterThan(0);
    // A defect the kit attributes to a check that judges recordings is found by that very check.
    if (RECORDED_IDS.has(mutant.check)) expect(judged.live).toContain(mutant.check);
  });
});
