/**
 * `npm run measure:state-server -- [--projects 10,1000] [--seconds 10]`: the shared-team-mock table
 * measured from outside, as a user runs it: `ges-mock serve` in a child process, without and with
 * `--state`, filled with 10 submissions from each of `--projects` writing projects, then 20 clients
 * submitting back to back while one client lists. Prints submit p50/p99, writes/s, the concurrent
 * list's p50/p99, the child's RSS, the stop (SIGTERM) and the restart times. Judges nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startGesMockProcess } from '../test/support/ges-mock-process.js';
import { createSender, memoryMb } from './lib/load-client.js';
import { quantile } from './lib/median.js';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '10,1000' }, seconds: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
const send = createSender(64);
const BODY = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';
const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

console.log('projects | --state | submit p50 / p99 | writes/s (20 clients) | concurrent list p50 / p99 | RSS | stop | restart');
for (const projects of values.projects.split(',').map(Number)) {
  for (const withState of [false, true]) {
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
    const submit = (i: number) =>
      send(mock.port, 'POST', `/ges/v1.0/w${i % projects}/graphs/movie/action?action_id=execute-algorithm`, BODY);
    for (let done = 0; done < projects * 10; done += 64)
      await Promise.all(Array.from({ length: Math.min(64, projects * 10 - done) }, (_, k) => submit(done + k)));
    const submits: number[] = [];
    const lists: number[] = [];
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
    const rss = memoryMb(mock.child.pid!).rss;
    let started = performance.now();
    await mock.stop();
    const stopMs = performance.now() - started;
    let restartMs = NaN;
    if (withState) {
      started = performance.now();
      const again = await startGesMockProcess(args);
      restartMs = performance.now() - started;
      await again.stop();
    }
    rmSync(dir, { recursive: true, force: true });
    console.log(
      [
        projects.toLocaleString('en'),
        withState ? 'yes' : 'no',
        `${f(quantile(submits, 0.5))} / ${f(quantile(submits, 0.99))} ms`,
        (submits.length / seconds).toFixed(0),
        `${f(quantile(lists, 0.5))} / ${f(quantile(lists, 0.99))} ms`,
        `${rss.toFixed(0)} MB`,
        `${f(stopMs)} ms`,
        withState ? `${f(restartMs)} ms` : '-',
      ].join(' | '),
    );
  }
}
