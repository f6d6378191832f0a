import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GesErrorCode } from '../../src/http/ges-error-codes.js';
import { killGesMockProcesses, runGesMock, startGesMockProcess } from '../support/ges-mock-process.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const GRAPH_NOT_FOUND = GesErrorCode.GRAPH_NOT_FOUND;
const JSON_HEADERS = { 'x-auth-token': 't', 'content-type': 'application/json' };
const SUBMIT = `/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`;

/** A body of about `kb` KiB that the engine accepts. */
const bodyOf = (kb: number) => JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 }, padding: 'x'.repeat(kb * 1024) });

/** Resolves with everything the socket has received once `done` says it is complete. */
function readUntil(socket: Socket, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (done(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('close', () => reject(new Error(`closed after: ${text}`)));
  });
}

/** One whole HTTP/1.1 response with a content-length. */
function isWholeResponse(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end === -1) return false;
  const length = Number(/content-length: (\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
  return text.length >= end + 4 + length;
}

afterEach(() => killGesMockProcesses());

describe('ges-mock serve --max-stored-mb', { timeout: 60_000 }, () => {
  it('refuses a submission the budget cannot hold before reading its body, keeps the connection, and goes on answering reads', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0', '--quiet', '--max-stored-mb', '2']);
    // 300 KiB counts 600 KiB (text and parsed form) plus 2 KB: the first fits in the 1 MiB left of 2 MiB once the server's own half is reserved, the second not.
    const first = await fetch(`${mock.url}${SUBMIT}`, { method: 'POST', headers: JSON_HEADERS, body: bodyOf(300) });
    expect(first.status).toBe(200);
    const { jobId } = (await first.json()) as { jobId: string };

    const body = bodyOf(300);
    const socket = connect(mock.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const refusal = readUntil(socket, isWholeResponse);
    // Headers and the first bytes only: the answer comes without the rest of the body.
    socket.write(
      `POST ${SUBMIT} HTTP/1.1\r\nhost: 127.0.0.1\r\nx-auth-token: t\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 100)}`,
    );
    const answer = await refusal;
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const envelope = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { errorCode: string; errorMessage: string };
    expect(envelope.errorCode).toBe('GES.8402');
    expect(envelope.errorMessage).toContain('--max-stored-mb 2');
    expect(answer).not.toMatch(/connection: close/i);

    // The rest of the body is drained; the same connection then answers a list holding the first job only.
    const list = readUntil(socket, isWholeResponse);
    socket.write(body.slice(100));
    socket.write(`GET /ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=2 HTTP/1.1\r\nhost: 127.0.0.1\r\nx-auth-token: t\r\n\r\n`);
    const listed = await list;
    socket.destroy();
    expect(listed).toMatch(/^HTTP\/1\.1 200 /);
    const page = JSON.parse(listed.slice(listed.indexOf('\r\n\r\n') + 4)) as { jobs: { jobId: string }[] };
    expect(page.jobs[0]?.jobId).toBe(jobId);

    // A graph the project does not have is still answered as one (its body is read), and a small job still fits.
    const unknown = await fetch(`${mock.url}/ges/v1.0/${PROJECT}/graphs/nope/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body,
    });
    expect(await unknown.json()).toMatchObject({ errorCode: GRAPH_NOT_FOUND, errorMessage: 'graph : nope not exist' });
    const small = await fetch(`${mock.url}${SUBMIT}`, { method: 'POST', headers: JSON_HEADERS, body: bodyOf(1) });
    expect(small.status).toBe(200);
  });

  it('exits 2 with a message, no stack trace, when the budget is more than the heap of this Node can hold', async () => {
    const run = await runGesMock(['serve', '--port', '0', '--max-stored-mb', '1000'], {
      env: { NODE_OPTIONS: '--max-old-space-size=256' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--max-stored-mb 1000 is more than this Node's heap can hold: its limit is \d+ MiB, so at most \d+ here/);
    expect(run.stderr).toContain('NODE_OPTIONS=--max-old-space-size=');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('lowers the default budget to what a small heap can hold, and says so in the banner', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0'], { env: { NODE_OPTIONS: '--max-old-space-size=256' } });
    const budget = Number(/memory budget (\d+) MiB, what this Node's heap can hold/.exec(mock.banner)?.[1]);
    expect(budget).toBeGreaterThan(100);
    expect(budget).toBeLessThan(256);
    await mock.stop();
  });
});
