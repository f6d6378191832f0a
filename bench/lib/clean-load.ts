/** Load figures count only when every response was a 2xx and nothing timed out or failed. */
import { readProcessCpuMs } from './process-cpu.js';
import { runLoad, type LoadFigures, type LoadOptions } from './run-load.js';

/** Load figures plus the server's own CPU cost, when its process can be read. */
export interface ServerLoadFigures extends LoadFigures {
  /** Server CPU time (user + system) per completed request, microseconds. */
  serverCpuUsPerRequest?: number;
  /** Server CPU time over wall time of the load: near 1 means one core saturated. */
  serverCpuBusy?: number;
}

/** Runs the load against the server process `pid`; throws when any response was not a clean 2xx. */
export async function runCleanLoad(label: string, options: LoadOptions, pid?: number): Promise<ServerLoadFigures> {
  const cpuBefore = readProcessCpuMs(pid);
  const figures: ServerLoadFigures = await runLoad(options);
  const cpuAfter = readProcessCpuMs(pid);
  if (figures.non2xx || figures.errors || figures.timeouts || figures.ok === 0) {
    throw new Error(
      `${label}: ${figures.ok} ok, ${figures.non2xx} non-2xx, ${figures.errors} errors, ${figures.timeouts} timeouts; figures discarded`,
    );
  }
  if (cpuBefore !== undefined && cpuAfter !== undefined) {
    const cpuMs = cpuAfter - cpuBefore;
    figures.serverCpuUsPerRequest = (cpuMs * 1000) / figures.ok;
    figures.serverCpuBusy = cpuMs / (figures.durationSec * 1000);
  }
  return figures;
}
