/** What `ges-mock serve` and `ges-mock proxy` say when they cannot listen, and whether an address is this machine's own. */

/** The reason a server could not listen on `host:port`, in the user's terms (the flag that fixes it). */
export function listenError(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = `${host}:${port}`;
  return code === 'EADDRINUSE'
    ? `port ${port} is already in use on ${host}; pick another with --port (--port 0 takes any free port)`
    : code === 'EACCES'
      ? `not allowed to listen on ${where}; use a port above 1023`
      : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
        ? `cannot listen on ${where}: no such local address`
        : `cannot listen on ${where}: ${(error as Error).message}`;
}

/** Whether `host` is reachable from this machine only. */
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host.startsWith('127.');
