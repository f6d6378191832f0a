/** A free TCP port for a child process that cannot listen on 0 and tell us (Prism). */
import { createServer } from 'node:net';

/** Asks the OS for a free port on `host` and releases it (a small race, acceptable for local tools). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
