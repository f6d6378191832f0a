/**
 * `npx tsx bench/writing-projects.ts [--projects 100000] [--max-projects N] [--concurrency 32]`: one
 * submission from each of many distinct project ids against `ges-mock serve` in a child process, the
 * misbehaving client that used to grow the server without bound. Reports answers by status and error
 * code, the child's RSS (now and peak, from /proc), and whether it still answers normally afterwards
 * (a list, a submission from a project that holds jobs, the refusal of a new one). Exit 1 when RSS
 * passed 400 MB, a 5xx or network error was seen, or the server stopped answering normally.
 */
import { parseArgs } from 'node:util';
import { startGesMockProcess } from '../test/support/ges-mock-process.js';
import { createSender, memoryMb } from './lib/load-client.js';

const RSS_LIMIT_MB = 400;

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '100000' },
    'max-projects': { type: 'string' },
    concurrency: { type: 'string', default: '32' },
  },
});
const projects = Number(values.projects);
const concurrency = Number(values.concurrency);

const send = createSender(concurrency);
const submit = (port: number, project: string) =>
  send(
    port,
    'POST',
    `/ges/v1.0/${project}/graphs/movie/action?action_id=execute-algorithm`,
    '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
  );

const args = ['serve', '--port', '0', '--quiet', ...(values['max-projects'] ? ['--max-projects', values['max-projects']] : [])];
const mock = await startGesMockProcess(args);
const pid = mock.child.pid!;
const started = performance.now();
const start = memoryMb(pid);
const byAnswer: Record<string, number> = {};
let failures = 0;
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < projects) {
      const project = `w${(next++).toString(36)}`;
      try {
        const answer = await submit(mock.port, project);
        const key = answer.status === 200 ? '200' : `${answer.status} ${(JSON.parse(answer.body) as { errorCode?: string }).errorCode}`;
        byAnswer[key] = (byAnswer[key] ?? 0) + 1;
        if (answer.status >= 500) failures++;
      } catch {
        failures++;
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const after = memoryMb(pid);

// Answering normally: a list, a writer's next submission, a read by a refused project, the refusal's message.
const list = await send(mock.port, 'GET', '/ges/v1.0/w0/graphs/movie/jobs/status?limit=5');
const writerAgain = await submit(mock.port, 'w0');
const refusedRead = await send(mock.port, 'GET', `/ges/v1.0/w${(projects - 1).toString(36)}/graphs/movie/jobs/status?limit=1`);
const newcomer = await submit(mock.port, 'brandnewproject');
const normal = list.status === 200 && JSON.parse(list.body).jobCount === 61 && writerAgain.status === 200 && refusedRead.status === 200;
await mock.stop();

process.stdout.write(
  `${[
    `ges-mock ${args.slice(1).join(' ')}: ${projects.toLocaleString('en')} submissions from distinct project ids, ${concurrency} at a time, in ${seconds.toFixed(1)} s`,
    `answers: ${Object.entries(byAnswer)
      .map(([key, count]) => `${key} × ${count.toLocaleString('en')}`)
      .join(', ')}; 5xx or network errors: ${failures}`,
    `RSS: ${start.rss.toFixed(0)} MB at start, ${after.rss.toFixed(0)} MB after, peak ${after.peak.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB)`,
    `afterwards: list ${list.status}, a writer's next submission ${writerAgain.status}, a refused project's read ${refusedRead.status}, a new project's submission ${newcomer.status}: ${newcomer.body}`,
  ].join('\n')}\n`,
);
process.exitCode = after.peak < RSS_LIMIT_MB && failures === 0 && normal ? 0 : 1;
