/**
 * The standalone mock under test, in its own process: startGesServer on port 0 with the engine
 * options the measure needs (`--graphs movie`, `--jobs 100000`), reporting its URL to the parent.
 */
import { parseArgs } from 'node:util';
import { startGesServer } from '../../src/server/start-ges-server.js';
import { runChild } from '../lib/child-channel.js';

runChild('ready', async () => {
  const { values } = parseArgs({ options: { graphs: { type: 'string' }, jobs: { type: 'string' } } });
  const server = await startGesServer({
    port: 0,
    host: '127.0.0.1',
    ...(values.graphs ? { graphs: values.graphs.split(',') } : {}),
    ...(values.jobs ? { jobsPerGraph: Number(values.jobs) } : {}),
  });
  return { answer: { url: server.url }, cleanup: () => server.close() };
});
