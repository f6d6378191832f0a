/**
 * `npm run measure:memory -- [--seconds 60] [--body-kb 1000] [--projects 50] [--graphs 3]
 * [--max-stored-mb N] [--journal-size N] [--concurrency 16] [--rss-limit-mb N]`: clients that submit as fast as they
 * can, with bodies of `--body-kb` KiB, into `--projects` projects × `--graphs` graphs of `ges-mock
 * serve` in a child process, for `--seconds`. Reports answers by status and error code, the child's RSS
 * (sampled every second, and its peak from /proc), and whether it still answers a list afterwards.
 * Exit 1 when the server died, stopped answering, answered a 5xx, or its peak RSS passed the limit
 * (by default its memory budget, --max-stored-mb or the default 768 MiB). The runs
 * docs/hardening.md quotes are 60 s each.
 */
import { parseArgs } from 'node:util';
import { ENGINE_DEFAULTS } from '../src/engine/engine-settings.js';
import { startGesMockProcess } from '../test/support/ges-mock-process.js';
import { createSender, memoryMb } from './lib/load-client.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    'body-kb': { type: 'string', default: '1000' },
    projects: { type: 'string', default: '50' },
    graphs: { type: 'string', default: '3' },
    'max-stored-mb': { type: 'string' },
    'journal-size': { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    'rss-limit-mb': { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const projects = Number(values.projects);
const graphs = ['movie', 'social_network', 'supply_chain'].slice(0, Number(values.graphs));
const concurrency = Number(values.concurrency);
// The server's RSS must stay under its memory budget (the default one when none is given).
const rssLimit = Number(values['rss-limit-mb'] ?? values['max-stored-mb'] ?? ENGINE_DEFAULTS.maxStoredBytes / 1024 / 1024);
const body = JSON.stringify({
  algorithmName: 'pagerank',
  parameters: { alpha: 0.85 },
  padding: 'x'.repeat(Math.max(0, Number(values['body-kb']) * 1024 - 60)),
});

const send = createSender(concurrency);

const args = [
  'serve',
  '--port',
  '0',
  '--quiet',
  ...(values['max-stored-mb'] ? ['--max-stored-mb', values['max-stored-mb']] : []),
  ...(values['journal-size'] ? ['--journal-size', values['journal-size']] : []),
];
const mock = await startGesMockProcess(args);
const pid = mock.child.pid!;
const byAnswer: Record<string, number> = {};
let failures = 0;
let next = 0;
let refusal = '';
const samples: number[] = [];
const sampler = setInterval(() => {
  if (mock.child.exitCode === null) samples.push(memoryMb(pid).rss);
}, 1000);
const until = performance.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < until && mock.child.exitCode === null) {
      const i = next++;
      const path = `/ges/v1.0/r${(i % projects).toString(36)}/graphs/${graphs[Math.floor(i / projects) % graphs.length]}/action?action_id=execute-algorithm`;
      try {
        const answer = await send(mock.port, 'POST', path, body);
        const key = answer.status === 200 ? '200' : `${answer.status} ${(JSON.parse(answer.body) as { errorCode?: string }).errorCode}`;
        if (answer.status !== 200 && !refusal) refusal = answer.body;
        byAnswer[key] = (byAnswer[key] ?? 0) + 1;
        if (answer.status >= 500) failures++;
      } catch {
        failures++;
      }
    }
  }),
);
clearInterval(sampler);
const alive = mock.child.exitCode === null;
const after = alive ? memoryMb(pid) : { rss: NaN, peak: NaN };
const list = alive
  ? await send(mock.port, 'GET', '/ges/v1.0/r0/graphs/movie/jobs/status?limit=1').catch(() => ({ status: 0, body: '' }))
  : { status: 0, body: '' };
await mock.stop();

process.stdout.write(
  `${[
    `ges-mock ${args.slice(1).join(' ')}: ${concurrency} clients, ${values['body-kb']} KiB bodies, ${projects} projects × ${graphs.length} graphs, ${seconds} s`,
    `answers: ${Object.entries(byAnswer)
      .map(([key, count]) => `${key} × ${count.toLocaleString('en')}`)
      .join(', ')}; 5xx or network errors: ${failures}`,
    `first refusal: ${refusal || 'none'}`,
    `RSS: max sampled ${Math.max(...samples).toFixed(0)} MB, peak ${after.peak.toFixed(0)} MB (limit ${rssLimit} MB); alive ${alive}; a list afterwards: ${list.status}`,
  ].join('\n')}\n`,
);
process.exitCode = alive && list.status === 200 && failures === 0 && after.peak < rssLimit ? 0 : 1;
