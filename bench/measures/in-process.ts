/** In-process: the MSW handlers' throughput, each round in a fresh child process. */
import { listJobsPath } from '../bench-target.js';
import type { BenchSettings, InProcessResult } from '../bench-types.js';
import { forkChild } from '../lib/fork-child.js';
import { median } from '../lib/median.js';
import { probeRounds } from '../lib/probe-rounds.js';

/** Measures getResponse(handlers) and setupGesServer + fetch, one request at a time. */
export async function measureInProcess(settings: BenchSettings, log: (line: string) => void): Promise<InProcessResult> {
  const rounds: InProcessResult['rounds'] = await probeRounds(
    settings.rounds,
    () => forkChild('in-process', ['--seconds', String(settings.inProcessSec)]),
    (answer) => ({
      getResponse: Number(answer.getResponse),
      setupServerFetch: Number(answer.setupServerFetch),
      trivialGetResponse: Number(answer.trivialGetResponse),
      trivialSetupServerFetch: Number(answer.trivialSetupServerFetch),
    }),
    (last, label) =>
      `in-process, ${label}: getResponse ${Math.round(last.getResponse)} req/s (trivial handler ${Math.round(last.trivialGetResponse)}), ` +
      `setupGesServer+fetch ${Math.round(last.setupServerFetch)} req/s (trivial handler ${Math.round(last.trivialSetupServerFetch)})`,
    log,
  );
  return {
    path: listJobsPath(3, 0),
    rounds,
    reqPerSec: { getResponse: median(rounds.map((r) => r.getResponse)), setupServerFetch: median(rounds.map((r) => r.setupServerFetch)) },
    trivialHandlerReqPerSec: {
      getResponse: median(rounds.map((r) => r.trivialGetResponse)),
      setupServerFetch: median(rounds.map((r) => r.trivialSetupServerFetch)),
    },
  };
}
