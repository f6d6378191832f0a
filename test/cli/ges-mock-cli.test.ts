import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { killGesMockProcesses, runGesMock, startGesMockProcess } from '../support/ges-mock-process.js';

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));

afterEach(killGesMockProcesses);

describe('ges-mock serve', () => {
  it('prints its URL and a curl line that works, then exits 0 on SIGTERM', async () => {
    const { child, banner: stdout } = await startGesMockProcess(['serve', '--port', '0', '--seed', '1']);
    expect(stdout).toMatch(
      /^ges-mock listening on http:\/\/127\.0\.0\.1:\d+ \(seed 1, movie 60 jobs · social_network 60 jobs · supply_chain 60 jobs\)\n/,
    );
    const [, token, url] = /try: curl -H 'X-Auth-Token: ([^']+)' '([^']+)'/.exec(stdout)!;
    const response = await fetch(url!, { headers: { 'X-Auth-Token': token! } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.jobs).toHaveLength(2);
    expect(body.jobCount).toBe(60);

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('applies --graphs, --jobs, --token and --no-control', async () => {
    const { child, banner: stdout } = await startGesMockProcess([
      'serve',
      '--port',
      '0',
      '--graphs',
      'roads,rivers',
      '--jobs',
      '5',
      '--token',
      'secret',
      '--no-control',
    ]);
    expect(stdout).toMatch(/\(seed 1, roads 5 jobs · rivers 5 jobs\)/);
    const base = /listening on (\S+)/.exec(stdout)![1]!;
    const list = `${base}/ges/v1.0/0123456789abcdef0123456789abcdef/graphs/rivers/jobs/status`;
    expect((await fetch(list, { headers: { 'X-Auth-Token': 'other' } })).status).toBe(401);
    const ok = await fetch(list, { headers: { 'X-Auth-Token': 'secret' } });
    expect((await ok.json()).jobCount).toBe(5);
    expect((await fetch(`${base}/__mock/state`)).status).toBe(404);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
  });

  it('warns that --host 0.0.0.0 exposes the mock to the network', async () => {
    const { child, stderr } = await startGesMockProcess(['serve', '--port', '0', '--host', '0.0.0.0']);
    // stderr is written right after the banner; wait for it to arrive rather than for a fixed time.
    await new Promise<void>((resolve) => {
      const check = () => (stderr().includes('\n') ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(stderr()).toMatch(/warning: --host 0\.0\.0\.0 makes the mock reachable from the network/);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it.each([[['serve', '--port', 'abc']], [['serve', '--bogus']], [['serve', '--latency', '10-5']], [['launch']]])(
    'exits 2 with a message on a usage error: %j',
    async (args) => {
      const { code, stderr } = await runGesMock(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^ges-mock: [\s\S]+\nRun ges-mock --help for the options\.\n$/);
    },
  );

  it('exits 2 with a clear message when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await runGesMock(['serve', '--port', String(port)]);
      expect(code).toBe(2);
      expect(stderr).toMatch(new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('prints help with --help and exits 0', async () => {
    const { code, stdout } = await runGesMock(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: ges-mock serve \[options\]/);
    expect(stdout).toMatch(/--control-token/);
  });
});
