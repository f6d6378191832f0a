/**
 * What the request journal and the request log cost, measured in one process: two servers built as
 * `ges-mock serve` builds them (cli/ges-mock.ts), over one engine. `on` is the command as started: the
 * default journal, and the request log written to a file (as the bench's as-started mock writes its
 * stdout, like a CI step's log); `off` is
 * `--quiet --journal-size 0`: no journal, and no onRequest at all. The bench loads one, then the
 * other, in short alternating slices, and reads this process's CPU time per slice.
 *
 * Why one process: two processes started with the same flags differ here by up to 15 % in CPU per
 * request (their place in memory, their JIT's choices, the cores they land on), three times the 5 %
 * being measured, and that difference stays for the process's life, so rounds never average it out.
 * In one process both servers share the JIT's code, the heap and the collector, and slices a second
 * apart share the machine's weather: what differs is the journal and the log.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../src/http/create-api.js';
import { createRequestLog } from '../../src/server/create-request-log.js';
import { startGesServer } from '../../src/server/start-ges-server.js';
import type { PairOn } from '../bench-types.js';
import { runChild } from '../lib/child-channel.js';

runChild('ready', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ges-bench-pair-'));
  const fd = openSync(join(dir, 'mock.log'), 'w');
  const log = createRequestLog({
    format: 'text',
    // Two calls for writeSync's two overloads (text and bytes), as a file stdout writes either.
    write: (chunk) => (typeof chunk === 'string' ? writeSync(fd, chunk) : writeSync(fd, chunk)),
    // As `ges-mock serve` says of a stdout that is a file: written through, so the chunk comes back.
    released: () => true,
  });
  // What `on` has: both (the command as started), or one of the two to tell their shares apart, or
  // neither (the same as `off`: an A/A check of the method itself).
  const has = (process.argv[2] ?? 'both') as PairOn;
  const journaled = createApi(has === 'both' || has === 'journal' ? {} : { journalSize: 0 });
  const bare = createApi({ engine: journaled.engine, journalSize: 0 });
  const on = await startGesServer({ port: 0, api: journaled, ...(has === 'both' || has === 'log' ? { onRequest: log.request } : {}) });
  const off = await startGesServer({ port: 0, api: bare });
  return {
    answer: { url: on.url, on: on.url, off: off.url },
    cleanup: async () => {
      await Promise.all([on.close(), off.close()]);
      log.flush();
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
