/**
 * A process that writes to a `--state` FILE as fast as it can, compacting every few KiB, and prints
 * the id of each submission it got a 200 for, one per line: the kill -9 during compaction test
 * kills it at a random moment and checks every printed id after a restart.
 * Run: `node --import tsx test/support/state-writer-child.ts FILE`.
 */
import { createManualClock } from '../../src/clocks.js';
import { openStateFile } from '../../src/persistence/open-state-file.js';

const opened = openStateFile(process.argv[2]!, { compactAtBytes: 8 * 1024 });
if (!opened.ok) throw new Error(opened.message);
const api = opened.file.createApi({ clock: createManualClock(), jobsPerGraph: 3 });
const body = JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 }, padding: 'x'.repeat(2048) });
let next = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (;;) {
      const answer = await api.handle({
        method: 'POST',
        url: `/ges/v1.0/p${next++ % 20}/graphs/movie/action?action_id=execute-algorithm`,
        headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
        body,
      });
      if (answer.status === 200) process.stdout.write(`${(JSON.parse(answer.body!) as { jobId: string }).jobId}\n`);
    }
  }),
);
