/**
 * The ceiling: a bare node:http server that answers every request with JSON.stringify of one object.
 * The object is the mock's own answer, fetched once at start (`--source <url>`, `--token <t>`) and
 * parsed, so both servers serialise the same data; the difference is everything else the mock does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { runChild } from '../lib/child-channel.js';

runChild('ready', async () => {
  const { values } = parseArgs({ options: { source: { type: 'string' }, token: { type: 'string' } } });
  if (!values.source) throw new Error('bare-server needs --source <url>');
  const fetched = await fetch(values.source, { headers: { 'X-Auth-Token': values.token ?? 'bench' } });
  if (fetched.status !== 200) throw new Error(`source answered ${fetched.status}`);
  const body: unknown = JSON.parse(await fetched.text());

  const server = createServer((_request, response) => {
    const text = JSON.stringify(body);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    answer: { url: `http://127.0.0.1:${port}` },
    cleanup: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
