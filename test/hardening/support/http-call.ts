/**
 * Test helper: a minimal HTTP client over node:http with its own agent, so a test decides how many
 * sockets run at once (global fetch shares one pool and offers no knob without undici installed).
 */
import { Agent, request } from 'node:http';

/** One answer: status, headers, raw body text. */
interface CallAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON (throws when it is not JSON). */
  json(): any;
}

/** A client bound to one agent. */
export interface HttpCaller {
  call(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<CallAnswer>;
  close(): void;
}

/** Creates a caller that keeps up to `sockets` connections open at once. */
export function createHttpCaller(sockets: number): HttpCaller {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return {
    call(url, init = {}) {
      return new Promise((resolve, reject) => {
        const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
          });
        });
        req.on('error', reject);
        req.end(init.body);
      });
    },
    close: () => agent.destroy(),
  };
}
