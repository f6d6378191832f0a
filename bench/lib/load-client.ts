/**
 * What the load scripts that drive a `ges-mock` child share: a keep-alive HTTP client on 127.0.0.1
 * and the child's memory as /proc shows it.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/** VmRSS and VmHWM (peak) of a process, in MB. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** A sender over at most `concurrency` keep-alive sockets, with token `t`; a body is sent as JSON. */
export function createSender(
  concurrency: number,
): (port: number, method: string, path: string, body?: string) => Promise<{ status: number; body: string }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  return (port, method, path, body) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: { 'x-auth-token': 't', ...(body ? { 'content-type': 'application/json' } : {}) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
