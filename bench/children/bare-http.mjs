// The ceiling the mock is judged against: a bare node:http server, plain JavaScript on plain Node (no
// loader, no IPC channel), answering every request with JSON.stringify of one object, as the simplest
// server that serves that body would. The object is read from the file named by the first argument;
// the server prints its URL on stdout, and stops on SIGTERM.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const server = createServer((_request, response) => {
  const text = JSON.stringify(body);
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
