/**
 * `npm run measure:state-server -- [--projects 10,1000] [--seconds 10] [--rounds 3]`: the
 * shared-team-mock table measured from outside, as a user runs it: `ges-mock serve` in a child process,
 * without and with `--state`, filled with 10 submissions from each of `--projects` writing projects,
 * then 20 clients submitting back to back while one client lists. Prints submit p50/p99, writes/s,
 * the server's CPU per write (from /proc, so independent of the load generator), the concurrent list's
 * p50/p99, the child's RSS, the stop (SIGTERM) and the restart times.
 *
 * The two servers run back to back in each of `--rounds` rounds, in alternating order, and the ratio
 * with `--state` to without is taken per round: on a shared 2-core machine two runs minutes apart
 * differ more than the two servers do, while two runs seconds apart mostly share the machine's state.
 * The summary gives the median of the per-round ratios. Judges nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startGesMockProcess } from '../test/support/ges-mock-process.js';
import { createSender, memoryMb } from './lib/load-client.js';
import { median, quantile } from './lib/median.js';
import { readProcessCpuMs } from './lib/process-cpu.js';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '10,1000' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const send = createSender(64);
const BODY = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';
const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** One server's run under the load. */
interface Run {
  writesPerSecond: number;
  cpuUsPerWrite: number;
  submitP99: number;
  restartMs: number;
}

async function measure(projects: number, withState: boolean, round: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'ges-state-server-'));
  // A budget above the ~300k jobs that 10,000 projects reach here: what is measured is the writes, not the refusals.
  const args = [
    'serve',
    '--port',
    '0',
    '--quiet',
    '--speed',
    '0',
    '--max-stored-mb',
    '2048',
    ...(withState ? ['--state', join(dir, 'state.json')] : []),
  ];
  const mock = await startGesMockProcess(args);
  const pid = mock.child.pid;
  const submit = (i: number) => send(mock.port, 'POST', `/ges/v1.0/w${i % projects}/graphs/movie/action?action_id=execute-algorithm`, BODY);
  for (let done = 0; done < projects * 10; done += 64)
    await Promise.all(Array.from({ length: Math.min(64, projects * 10 - done) }, (_, k) => submit(done + k)));
  const submits: number[] = [];
  const lists: number[] = [];
  const cpuBefore = readProcessCpuMs(pid) ?? Number.NaN;
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all([
    ...Array.from({ length: 20 }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const answer = await submit(next++);
        if (answer.status !== 200) throw new Error(`submission answered ${answer.status}: ${answer.body}`);
        submits.push(performance.now() - started);
      }
    }),
    (async () => {
      while (performance.now() < until) {
        const started = performance.now();
        await send(mock.port, 'GET', `/ges/v1.0/w${next % projects}/graphs/movie/jobs/status?limit=10`);
        lists.push(performance.now() - started);
      }
    })(),
  ]);
  const cpuMs = (readProcessCpuMs(pid) ?? Number.NaN) - cpuBefore;
  const rss = memoryMb(pid!).rss;
  let started = performance.now();
  await mock.stop();
  const stopMs = performance.now() - started;
  let restartMs = Number.NaN;
  if (withState) {
    started = performance.now();
    const again = await startGesMockProcess(args);
    restartMs = performance.now() - started;
    await again.stop();
  }
  rmSync(dir, { recursive: true, force: true });
  // The list client's requests are a few percent of the server's work: counted with the writes.
  const cpuUsPerWrite = (cpuMs * 1000) / (submits.length + lists.length);
  const run = { writesPerSecond: submits.length / seconds, cpuUsPerWrite, submitP99: quantile(submits, 0.99), restartMs };
  console.log(
    [
      round + 1,
      projects.toLocaleString('en'),
      withState ? 'yes' : 'no',
      `${f(quantile(submits, 0.5))} / ${f(run.submitP99)} ms`,
      run.writesPerSecond.toFixed(0),
      cpuUsPerWrite.toFixed(1),
      `${f(quantile(lists, 0.5))} / ${f(quantile(lists, 0.99))} ms`,
      `${rss.toFixed(0)} MB`,
      `${f(stopMs)} ms`,
      withState ? `${f(restartMs)} ms` : '-',
    ].join(' | '),
  );
  return run;
}

const counts = values.projects.split(',').map(Number);
const runs = new Map<number, { memory: Run[]; state: Run[] }>(counts.map((projects) => [projects, { memory: [], state: [] }]));
console.log(
  'round | projects | --state | submit p50 / p99 | writes/s (20 clients) | server CPU µs/write | concurrent list p50 / p99 | RSS | stop | restart',
);
for (let round = 0; round < rounds; round++) {
  for (const projects of counts) {
    const of = runs.get(projects)!;
    // Alternating order: whichever runs second in a round gets the warmer (or the busier) machine.
    for (const withState of round % 2 === 0 ? [false, true] : [true, false])
      (withState ? of.state : of.memory).push(await measure(projects, withState, round));
  }
}

console.log(
  '\nprojects | writes/s with --state / without, per round | median | server CPU per write without / with, per round | median | submit p99 with --state, worst | restart, median',
);
for (const [projects, { memory, state }] of runs) {
  const writes = state.map((run, i) => run.writesPerSecond / memory[i]!.writesPerSecond);
  const cpu = state.map((run, i) => memory[i]!.cpuUsPerWrite / run.cpuUsPerWrite);
  const list = (ratios: number[]) => ratios.map((ratio) => ratio.toFixed(2)).join(', ');
  console.log(
    [
      projects.toLocaleString('en'),
      list(writes),
      median(writes).toFixed(2),
      list(cpu),
      median(cpu).toFixed(2),
      `${f(Math.max(...state.map((run) => run.submitP99)))} ms`,
      `${f(median(state.map((run) => run.restartMs)))} ms`,
    ].join(' | '),
  );
}
