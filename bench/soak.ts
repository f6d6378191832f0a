/**
 * `npm run soak [-- --seconds 60]`: mixed load against the standalone mock in a child process (lists,
 * submissions, cancels, status reads, bad requests, reads of ever-new project ids, CORS preflights,
 * control reads), to show that a shared dev mock keeps working under garbage and bursts: its RSS at
 * start, peak and end, requests tried, 5xx seen (none are injected, so any is a bug), answers that
 * broke the contract, and jobs lost (an accepted jobId that is neither listed at the end nor
 * accounted for by the documented cap rule). Writes its figures into bench/RESULTS.md between the
 * hardening markers, leaving the rest of the file (the benchmark's sections) alone.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { replaceMarkedSection } from './lib/replace-marked-section.js';
import { createRandom } from '../src/engine/random.js';
import { createSpecValidator } from '../src/spec/spec-validator.js';
import { startGesMockProcess } from '../test/support/ges-mock-process.js';

/** Options of runSoak; every one has a default. */
export interface SoakOptions {
  /** How long the mixed load runs. Default 60. */
  seconds?: number;
  /** Requests in flight at once. Default 32. */
  concurrency?: number;
  /** The mock's --max-jobs: small, so eviction is exercised and memory stays bounded. Default 300. */
  maxJobs?: number;
  /** The mock's --speed, so submitted jobs finish (and become evictable) within the run. Default 120. */
  speed?: number;
  /** Seed of the load's own choices (and of the mock). Default 1. */
  seed?: number;
  /** Called with a one-line progress report every few seconds. Default: nothing. */
  onProgress?: (line: string) => void;
}

/** What a soak run measured. */
export interface SoakReport {
  seconds: number;
  concurrency: number;
  maxJobs: number;
  requestsTried: number;
  /** Answers by status (network failures under "error"). */
  byStatus: Record<string, number>;
  fiveXxSeen: number;
  networkErrors: number;
  /** Answers that broke the contract: a wrong status for the request, a body that is no envelope, an invalid page. */
  contractViolations: number;
  /** The first few violations, for a reader. */
  violationSamples: string[];
  submissionsAccepted: number;
  cancelsAccepted: number;
  /** Accepted jobs no longer held at the end because their graph reached the cap (the documented eviction). */
  jobsEvictedByCap: number;
  /** Accepted jobs neither listed at the end nor accounted for by the cap rule; must be 0. */
  jobsLost: number;
  /** Listed jobs that were never seeded nor accepted, or listed twice; must be 0. */
  phantomOrDuplicateJobs: number;
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  /** Jobs the mock held at the end, over every project and graph. */
  jobsHeldAtEnd: number;
  /** Distinct never-seen project ids read during the run (each must not cost memory forever). */
  freshProjectsRead: number;
  node: string;
  cores: number;
}

const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const START_MARK = '<!-- hardening:start -->';
const END_MARK = '<!-- hardening:end -->';

const PROJECTS = ['0123456789abcdef0123456789abcdef', 'aaaabbbbccccddddeeeeffff00001111', 'soak1', 'soak2'];
const GRAPHS = ['movie', 'social_network', 'supply_chain'];
const SEEDED = 60;
const SUBMIT_BODIES = [
  '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
  '{"algorithmName":"louvain","parameters":{"max_iterations":100}}',
  '{"algorithmName":"kcore","parameters":{"k":3}}',
  '{"algorithmName":"shortest_path","parameters":{"source":"1","target":"2"}}',
  '{"algorithmName":"connected_component"}',
  '{"__proto__":{"polluted":true},"algorithmName":"label_propagation"}',
];

/** Resident set size of a process in MiB, from /proc (Linux); NaN where there is no /proc. */
function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    if (Number.isFinite(kb)) return kb / 1024;
  } catch {
    // no /proc: reported as n/a
  }
  return Number.NaN;
}

interface Answer {
  status: number;
  text: string;
}

function createClient(concurrency: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const call = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(init.body);
    });
  return { call, close: () => agent.destroy() };
}

interface Job {
  jobId: string;
  status: string;
  startTime: string;
  endTime?: string;
  failReason?: string;
  canStop: boolean;
}

/** Runs the soak and returns its figures; never throws for what the mock answers, only for setup. */
export async function runSoak(options: SoakOptions = {}): Promise<SoakReport> {
  const seconds = options.seconds ?? 60;
  const concurrency = options.concurrency ?? 32;
  const maxJobs = options.maxJobs ?? 300;
  const speed = options.speed ?? 120;
  const seed = options.seed ?? 1;
  const random = createRandom(String(seed)).float;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const validator = createSpecValidator();

  const mock = await startGesMockProcess([
    'serve',
    '--port',
    '0',
    '--seed',
    String(seed),
    '--jobs',
    String(SEEDED),
    '--max-jobs',
    String(maxJobs),
    '--speed',
    String(speed),
  ]);
  const { url } = mock;
  const pid = mock.child.pid!;
  const client = createClient(concurrency);
  const byStatus: Record<string, number> = {};
  const violations: string[] = [];
  let contractViolations = 0;
  let requestsTried = 0;
  let networkErrors = 0;
  let cancelsAccepted = 0;
  let freshProjects = 0;
  const accepted = new Map<string, string[]>(); // "project graph" -> jobIds, in acceptance order
  const seeded = new Map<string, Set<string>>();
  const auth = { 'x-auth-token': 'soak' };
  const violation = (text: string) => {
    contractViolations++;
    if (violations.length < 10) violations.push(text);
  };
  const isEnvelope = (answer: Answer) => {
    try {
      return validator.validate('#/components/schemas/GesError', JSON.parse(answer.text)).length === 0;
    } catch {
      return false;
    }
  };
  const count = (answer: Answer) => {
    byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
    return answer;
  };

  try {
    const rssStartMb = rssMb(pid);
    let rssPeakMb = rssStartMb;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(pid))), 250);

    // What every graph holds before the load: its seeded jobs.
    for (const project of PROJECTS) {
      for (const graph of GRAPHS) {
        const answer = await client.call(`${url}/ges/v1.0/${project}/graphs/${graph}/jobs/status`, { headers: auth });
        seeded.set(`${project} ${graph}`, new Set((JSON.parse(answer.text).jobs as Job[]).map((job) => job.jobId)));
        accepted.set(`${project} ${graph}`, []);
      }
    }

    const base = () => {
      const project = pick(PROJECTS);
      const graph = pick(GRAPHS);
      return { key: `${project} ${graph}`, path: `${url}/ges/v1.0/${project}/graphs/${graph}` };
    };
    const someJob = (key: string) => {
      const ids = accepted.get(key)!;
      return ids.length > 0 ? ids[Math.floor(random() * ids.length)]! : 'nosuchjob';
    };

    const bad: { name: string; send: () => Promise<Answer>; expect: number }[] = [
      {
        name: 'broken JSON',
        expect: 400,
        send: () =>
          client.call(`${base().path}/action?action_id=execute-algorithm`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: '{"algorithmName":',
          }),
      },
      { name: 'non-integer limit', expect: 400, send: () => client.call(`${base().path}/jobs/status?limit=1e3`, { headers: auth }) },
      { name: 'repeated limit', expect: 400, send: () => client.call(`${base().path}/jobs/status?limit=1&limit=2`, { headers: auth }) },
      {
        name: 'huge offset',
        expect: 400,
        send: () => client.call(`${base().path}/jobs/status?offset=99999999999999999999`, { headers: auth }),
      },
      { name: 'unknown route', expect: 404, send: () => client.call(`${base().path}/jobz`, { headers: auth }) },
      { name: 'no token', expect: 401, send: () => client.call(`${base().path}/jobs/status?limit=1`) },
      {
        name: 'unknown graph',
        expect: 400,
        send: () => client.call(`${url}/ges/v1.0/${PROJECTS[0]}/graphs/movidde/jobs/status`, { headers: auth }),
      },
      {
        name: 'odd project',
        expect: 400,
        send: () => client.call(`${url}/ges/v1.0/__proto__/graphs/movie/jobs/status`, { headers: auth }),
      },
      {
        name: 'malformed escape',
        expect: 400,
        send: () => client.call(`${url}/ges/v1.0/${PROJECTS[0]}/graphs/mo%ZZvie/jobs/status`, { headers: auth }),
      },
      {
        name: 'cancel unknown job',
        expect: 400,
        send: () => client.call(`${base().path}/jobs/nosuchjob`, { method: 'DELETE', headers: auth }),
      },
      {
        name: 'wrong content type',
        expect: 400,
        send: () =>
          client.call(`${base().path}/action?action_id=execute-algorithm`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'text/plain' },
            body: '{"algorithmName":"pagerank"}',
          }),
      },
      {
        name: 'unknown algorithm',
        expect: 400,
        send: () =>
          client.call(`${base().path}/action?action_id=execute-algorithm`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: '{"algorithmName":"nope"}',
          }),
      },
    ];
    const oversized = `{"algorithmName":"pagerank","pad":"${'x'.repeat(1024 * 1024)}"}`;

    async function oneRequest(): Promise<void> {
      const roll = random();
      if (roll < 0.3) {
        const { key, path } = base();
        const limit = pick([1, 2, 10, 100, 100_000]);
        const offset = Math.floor(random() * 80);
        const answer = count(await client.call(`${path}/jobs/status?limit=${limit}&offset=${offset}`, { headers: auth }));
        if (answer.status !== 200) return violation(`list ${key} -> ${answer.status} ${answer.text.slice(0, 200)}`);
        const body = JSON.parse(answer.text) as { jobs: Job[]; jobCount: number };
        // Schema-checking every big page would make the load generator the bottleneck; every 10th.
        if (random() < 0.1) {
          const problems = validator.validate('#/components/schemas/JobList', body);
          if (problems.length > 0) violation(`list ${key}: ${JSON.stringify(problems[0])}`);
        }
        if (body.jobCount > maxJobs) violation(`list ${key}: jobCount ${body.jobCount} above the cap ${maxJobs}`);
        if (body.jobs.length !== Math.max(0, Math.min(limit, body.jobCount - offset)))
          violation(`list ${key}: ${body.jobs.length} jobs for limit ${limit} offset ${offset} of ${body.jobCount}`);
      } else if (roll < 0.55) {
        const { key, path } = base();
        const answer = count(
          await client.call(`${path}/action?action_id=execute-algorithm`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: pick(SUBMIT_BODIES),
          }),
        );
        if (answer.status === 200) accepted.get(key)!.push(JSON.parse(answer.text).jobId);
        // At the cap with every job unfinished, a refusal is the documented answer.
        else if (!(answer.status === 400 && /too many jobs/.test(answer.text) && isEnvelope(answer)))
          violation(`submit ${key} -> ${answer.status} ${answer.text.slice(0, 200)}`);
      } else if (roll < 0.65) {
        const { key, path } = base();
        const answer = count(await client.call(`${path}/jobs/${someJob(key)}`, { method: 'DELETE', headers: auth }));
        if (answer.status === 200) cancelsAccepted++;
        else if (!(answer.status === 400 && isEnvelope(answer))) violation(`cancel ${key} -> ${answer.status}`);
      } else if (roll < 0.75) {
        const { key, path } = base();
        const answer = count(await client.call(`${path}/jobs/${someJob(key)}/status?limit=5`, { headers: auth }));
        // 400 GES.8301 once a job was evicted by the cap (or before any job was accepted).
        if (!(answer.status === 200 || (answer.status === 400 && isEnvelope(answer)))) violation(`status ${key} -> ${answer.status}`);
      } else if (roll < 0.9) {
        const probe = random() < 0.01 ? undefined : pick(bad);
        const answer = count(
          probe
            ? await probe.send()
            : await client.call(`${base().path}/action?action_id=execute-algorithm`, {
                method: 'POST',
                headers: { ...auth, 'content-type': 'application/json' },
                body: oversized,
              }),
        );
        const expected = probe?.expect ?? 400;
        if (answer.status !== expected || !isEnvelope(answer))
          violation(`${probe?.name ?? 'oversized body'} -> ${answer.status} ${answer.text.slice(0, 200)}`);
      } else if (roll < 0.93) {
        // A client walking through project ids (a fuzzer, a misconfigured app): memory must stay bounded.
        const answer = count(
          await client.call(`${url}/ges/v1.0/walker${freshProjects++}/graphs/${pick(GRAPHS)}/jobs/status?limit=1`, { headers: auth }),
        );
        if (answer.status !== 200) violation(`fresh project list -> ${answer.status}`);
      } else if (roll < 0.98) {
        const answer = count(
          await client.call(`${base().path}/jobs/status`, {
            method: 'OPTIONS',
            headers: {
              origin: 'http://localhost:5173',
              'access-control-request-method': 'GET',
              'access-control-request-headers': 'x-auth-token',
            },
          }),
        );
        if (answer.status !== 204) violation(`preflight -> ${answer.status}`);
      } else {
        const answer = count(await client.call(`${url}/__mock/state`));
        if (answer.status !== 200) violation(`state -> ${answer.status}`);
      }
    }

    const deadline = Date.now() + seconds * 1000;
    let lastReport = Date.now();
    async function worker(): Promise<void> {
      while (Date.now() < deadline) {
        requestsTried++;
        try {
          await oneRequest();
        } catch (error) {
          networkErrors++;
          byStatus.error = (byStatus.error ?? 0) + 1;
          if (violations.length < 10) violations.push(`network: ${(error as Error).message}`);
        }
        if (options.onProgress && Date.now() - lastReport >= 5_000) {
          lastReport = Date.now();
          options.onProgress(
            `${Math.round((deadline - Date.now()) / 1000)} s left: ${requestsTried} requests, RSS ${rssMb(pid).toFixed(1)} MiB`,
          );
        }
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker));

    // The end state: every accepted job is listed, or its graph reached the cap and evicted it.
    let jobsEvictedByCap = 0;
    let jobsLost = 0;
    let phantomOrDuplicateJobs = 0;
    for (const [key, ids] of accepted) {
      const [project, graph] = key.split(' ');
      const answer = await client.call(`${url}/ges/v1.0/${project}/graphs/${graph}/jobs/status`, { headers: auth });
      const { jobs, jobCount } = JSON.parse(answer.text) as { jobs: Job[]; jobCount: number };
      const listed = new Set(jobs.map((job) => job.jobId));
      const known = new Set([...seeded.get(key)!, ...ids]);
      phantomOrDuplicateJobs += jobs.length - listed.size + jobs.filter((job) => !known.has(job.jobId)).length;
      if (jobCount !== jobs.length) violation(`final list ${key}: jobCount ${jobCount} but ${jobs.length} jobs`);
      const missing = ids.filter((jobId) => !listed.has(jobId)).length;
      const missingSeeded = [...seeded.get(key)!].filter((jobId) => !listed.has(jobId)).length;
      // Evictions happen only at the cap, one per accepted submission: so a graph that lost jobs must
      // be at the cap, and what it holds plus what it evicted is what it was given.
      const evictions = seeded.get(key)!.size + ids.length - jobCount;
      if (missing === 0) continue;
      if (jobCount === maxJobs && missing + missingSeeded === evictions) jobsEvictedByCap += missing;
      else jobsLost += missing;
    }
    const state = JSON.parse((await client.call(`${url}/__mock/state`)).text) as { graphs: { jobCount: number }[] };
    const jobsHeldAtEnd = state.graphs.reduce((sum, graph) => sum + graph.jobCount, 0);

    clearInterval(sampler);
    const rssEndMb = rssMb(pid);
    rssPeakMb = Math.max(rssPeakMb, rssEndMb);
    const submissionsAccepted = [...accepted.values()].reduce((sum, ids) => sum + ids.length, 0);
    return {
      seconds,
      concurrency,
      maxJobs,
      requestsTried,
      byStatus,
      fiveXxSeen: Object.entries(byStatus).reduce((sum, [status, n]) => sum + (Number(status) >= 500 ? n : 0), 0),
      networkErrors,
      contractViolations,
      violationSamples: violations,
      submissionsAccepted,
      cancelsAccepted,
      jobsEvictedByCap,
      jobsLost,
      phantomOrDuplicateJobs,
      rssStartMb,
      rssPeakMb,
      rssEndMb,
      jobsHeldAtEnd,
      freshProjectsRead: freshProjects,
      node: process.version,
      cores: cpus().length,
    };
  } finally {
    client.close();
    await mock.stop();
  }
}

const mb = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} MiB` : 'n/a');

/** The "Hardening" section of bench/RESULTS.md for one report, markers included. */
export function renderSoakSection(report: SoakReport, command: string): string {
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  return [
    START_MARK,
    '## Hardening',
    '',
    `Soak: \`${command}\` — ${report.seconds} s of mixed load (lists, submissions, cancels, status reads, bad`,
    `requests, lists of never-seen project ids, CORS preflights, control reads) from ${report.concurrency} concurrent clients against \`ges-mock serve\` in a`,
    `child process with \`--max-jobs ${report.maxJobs}\`, on Node ${report.node}, ${report.cores} cores (shared machine).`,
    'No fault is injected, so every 5xx would be a bug. See docs/hardening.md.',
    '',
    '| figure | value |',
    '|---|---|',
    `| requests tried | ${report.requestsTried} |`,
    `| answers by status | ${statuses} |`,
    `| 5xx seen | ${report.fiveXxSeen} |`,
    `| network errors | ${report.networkErrors} |`,
    `| contract violations | ${report.contractViolations} |`,
    `| submissions accepted | ${report.submissionsAccepted} |`,
    `| cancels accepted | ${report.cancelsAccepted} |`,
    `| accepted jobs evicted by the cap (documented) | ${report.jobsEvictedByCap} |`,
    `| **jobs lost** | **${report.jobsLost}** |`,
    `| phantom or duplicate jobs listed | ${report.phantomOrDuplicateJobs} |`,
    `| jobs held at the end (every project and graph, seeded included) | ${report.jobsHeldAtEnd} |`,
    `| distinct fresh project ids read | ${report.freshProjectsRead} |`,
    `| mock RSS at start | ${mb(report.rssStartMb)} |`,
    `| mock RSS peak | ${mb(report.rssPeakMb)} |`,
    `| mock RSS at end | ${mb(report.rssEndMb)} |`,
    ...(report.violationSamples.length > 0
      ? ['', 'First violations:', '', ...report.violationSamples.map((text) => `- \`${text.replace(/`/g, "'")}\``)]
      : []),
    END_MARK,
  ].join('\n');
}

/** Replaces (or appends) the hardening section of a RESULTS.md text, leaving everything else as it was. */
export function replaceSoakSection(text: string, section: string): string {
  return replaceMarkedSection(text, 'hardening', section);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      concurrency: { type: 'string', default: '32' },
      'max-jobs': { type: 'string', default: '300' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const maxJobs = Number(values['max-jobs']);
  if (!(seconds > 0) || !Number.isInteger(concurrency) || concurrency < 1 || !Number.isInteger(maxJobs) || maxJobs < SEEDED) {
    process.stderr.write(`soak: --seconds > 0, --concurrency >= 1 and --max-jobs >= ${SEEDED} please\n`);
    process.exit(2);
  }
  process.stdout.write(`soak: ${seconds} s, ${concurrency} clients, --max-jobs ${maxJobs}\n`);
  const report = await runSoak({ seconds, concurrency, maxJobs, onProgress: (line) => process.stdout.write(`soak: ${line}\n`) });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!values['no-write']) {
    const command = `npm run soak${seconds === 60 ? '' : ` -- --seconds ${seconds}`}`;
    // Re-read right before writing: a bench run may have rewritten its part of the file meanwhile.
    const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
    writeFileSync(RESULTS, replaceSoakSection(current, renderSoakSection(report, command)));
    process.stdout.write(`soak: wrote the Hardening section of ${RESULTS}\n`);
  }
  const healthy =
    report.fiveXxSeen === 0 &&
    report.jobsLost === 0 &&
    report.contractViolations === 0 &&
    report.phantomOrDuplicateJobs === 0 &&
    report.networkErrors === 0;
  process.exit(healthy ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
