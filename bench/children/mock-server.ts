/**
 * The standalone mock under test, in its own process: startGesServer on port 0 with the engine
 * options the measure needs (`--graphs movie`, `--jobs 100000`), reporting its URL to the parent.
 * `--log text|json` turns the request log on, written to stdout as `ges-mock serve` writes it (the
 * parent reads that pipe), so the bench can price logging; `--journal N` sizes the request journal
 * (0: none), so bench/journal-cost.ts can price it.
 */
import { parseArgs } from 'node:util';
import { createRequestLog, type LogFormat } from '../../src/server/create-request-log.js';
import { startGesServer } from '../../src/server/start-ges-server.js';
import { runChild } from '../lib/child-channel.js';

runChild('ready', async () => {
  const { values } = parseArgs({
    options: { graphs: { type: 'string' }, jobs: { type: 'string' }, log: { type: 'string' }, journal: { type: 'string' } },
  });
  const log = values.log ? createRequestLog({ format: values.log as LogFormat, write: (chunk) => process.stdout.write(chunk) }) : undefined;
  const server = await startGesServer({
    ...(log ? { onRequest: log.request } : {}),
    port: 0,
    host: '127.0.0.1',
    ...(values.graphs ? { graphs: values.graphs.split(',') } : {}),
    ...(values.jobs ? { jobsPerGraph: Number(values.jobs) } : {}),
    ...(values.journal ? { journalSize: Number(values.journal) } : {}),
  });
  return { answer: { url: server.url }, cleanup: () => server.close() };
});
