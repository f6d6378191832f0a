/**
 * MSW's own standalone server as a user sets it up: `createServer(...handlers)` from
 * @mswjs/http-middleware with one handler that answers the small page with a fixed body
 * (`--body-file <path>`, the mock's own answer). Both packages load from bench/peers/, where the
 * bench installs its peers; msw must be the copy @mswjs/http-middleware itself resolves.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { PEERS_DIR } from '../lib/install-peers.js';
import { runChild } from '../lib/child-channel.js';

/** The few members of msw and @mswjs/http-middleware this child calls. */
interface Msw {
  http: { get(path: string, resolver: () => unknown): unknown };
  HttpResponse: new (body: string, init: { status: number; headers: Record<string, string> }) => unknown;
}
interface HttpMiddleware {
  createServer(...handlers: unknown[]): { listen(port: number, host: string, ready: () => void): Server };
}

runChild('ready', async () => {
  const { values } = parseArgs({ options: { 'body-file': { type: 'string' } } });
  if (!values['body-file']) throw new Error('msw-middleware-server needs --body-file <path>');
  const body = readFileSync(values['body-file'], 'utf8');
  const peers = createRequire(`${PEERS_DIR}package.json`);
  const middleware = peers('@mswjs/http-middleware') as HttpMiddleware;
  const msw = createRequire(peers.resolve('@mswjs/http-middleware'))('msw') as Msw;
  const handler = msw.http.get(
    '/ges/v1.0/:projectId/graphs/:graphName/jobs/status',
    () => new msw.HttpResponse(body, { status: 200, headers: { 'content-type': 'application/json' } }),
  );
  const server = await new Promise<Server>((resolve) => {
    const listening: Server = middleware.createServer(handler).listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    answer: { url: `http://127.0.0.1:${port}` },
    cleanup: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
