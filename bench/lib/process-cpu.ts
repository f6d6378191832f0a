/**
 * CPU time a process has used, read from /proc (Linux). On a small machine the load generator, not
 * the server, often sets the req/s ceiling; CPU time per request is the server's own cost either way.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100; // the Linux default
    }
  }
  return ticksPerSecond;
}

const ticksToMs = (ticks: number) => (ticks * 1000) / clockTicks();

/** utime and stime, in clock ticks, of a /proc `stat` line (fields 14 and 15). */
function userAndSystemTicks(stat: string): [number, number] {
  // the command name may hold spaces and parentheses: count fields from the last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(fields[11]), Number(fields[12])];
}

/** User + system CPU milliseconds of `pid`, or undefined where /proc is not available. */
export function readProcessCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const [user, system] = userAndSystemTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const ticks = user + system;
    return Number.isFinite(ticks) ? ticksToMs(ticks) : undefined;
  } catch {
    return undefined;
  }
}

/** A process's CPU milliseconds by thread: its main thread's user and system time, and all its other threads'. */
export interface ThreadCpuMs {
  mainUser: number;
  mainSystem: number;
  /** V8's helper threads (the collector's parallel and concurrent work), libuv's pool, the inspector. */
  otherThreads: number;
}

/**
 * `pid`'s CPU time split by thread (Linux /proc/PID/task), or undefined where it cannot be read. The
 * split tells the JavaScript (main thread, user) from the system calls it makes (main thread, system)
 * and from the garbage collector's helpers (other threads).
 */
export function readThreadCpuMs(pid: number | undefined): ThreadCpuMs | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const split: ThreadCpuMs = { mainUser: 0, mainSystem: 0, otherThreads: 0 };
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      } catch {
        continue; // a thread that ended between the listing and the read
      }
      const [user, system] = userAndSystemTicks(stat);
      if (task === String(pid)) {
        split.mainUser += ticksToMs(user);
        split.mainSystem += ticksToMs(system);
      } else split.otherThreads += ticksToMs(user + system);
    }
    return Number.isFinite(split.mainUser + split.mainSystem + split.otherThreads) ? split : undefined;
  } catch {
    return undefined;
  }
}
