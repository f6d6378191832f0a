/**
 * `npm run measure:journal-log [-- --pairs 30 --on neither,journal,log,both]`: the journal-and-log
 * pair of the bench (bench/measures/journal-and-log.ts, one process, ABBA pairs of one-second
 * slices) run once per kind of `on` server, to tell the two parts apart: the journal alone, the log
 * alone, both, and neither (an A/A check: two identical servers, whose interval should hold 0 and
 * whose width says how finely the machine lets the others be read). Prints, per kind, the median of
 * the pairs' CPU ratios, their quartiles and the median's 95 % interval, and where the difference
 * goes by thread: the main thread's user and system time, and the other threads' (Linux).
 */
import { parseArgs } from 'node:util';
import type { PairOn } from './bench-types.js';
import { measureJournalAndLog } from './measures/journal-and-log.js';

const KINDS: readonly PairOn[] = ['neither', 'journal', 'log', 'both'];

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '30' },
    on: { type: 'string', default: KINDS.join(',') },
    connections: { type: 'string', default: '20' },
  },
});
const pairs = Number(values.pairs);
const connections = Number(values.connections);
const kinds = values.on.split(',').map((kind) => kind.trim());
const unknown = kinds.filter((kind) => !KINDS.includes(kind as PairOn));
if (!Number.isInteger(pairs) || pairs < 1 || !Number.isInteger(connections) || connections < 1 || unknown.length > 0) {
  process.stderr.write(
    `usage: npm run measure:journal-log -- [--pairs N>=1] [--connections N>=1] [--on ${KINDS.join(',')}]${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}\n`,
  );
  process.exit(2);
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const rows: string[] = [];
for (const on of kinds as PairOn[]) {
  const r = await measureJournalAndLog({ connections, pairs, on }, (line) => process.stderr.write(`${on}: ${line}\n`));
  const interval = r.medianInterval ? `${pct(r.medianInterval[0])} to ${pct(r.medianInterval[1])}` : 'too few pairs';
  rows.push(
    `| ${on} | ${pct(r.share)} | ${pct(r.quartiles[0])} to ${pct(r.quartiles[1])} | ${interval} | ${r.usPerRequest.on.toFixed(1)} / ${r.usPerRequest.off.toFixed(1)} | ${
      r.threads ? [r.threads.mainUser, r.threads.mainSystem, r.threads.otherThreads].map((us) => us.toFixed(2)).join(' / ') : '-'
    } |`,
  );
}
process.stdout.write(
  `${[
    `CPU per request of the \`on\` server over \`--quiet --journal-size 0\`, in one process, ${pairs} ABBA pairs each:`,
    '',
    '| on has | median | quartiles | 95 % interval of the median | µs per request, on / off | µs per request on less off: main thread user / system, other threads |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')}\n`,
);
