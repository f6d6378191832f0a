/**
 * Starts the bare node:http server (bench/children/bare-http.mjs) serving the body a URL answers now:
 * the mock's own answer, fetched once and parsed, so both serialise the same data.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_HEADERS } from '../bench-target.js';
import type { Profiler } from './profiler.js';
import type { MockChild } from './start-mock.js';

const BARE = fileURLToPath(new URL('../children/bare-http.mjs', import.meta.url));

/** The bare server answering what `sourceUrl` answers now. */
export async function startBare(label: string, sourceUrl: string, profiler: Profiler): Promise<MockChild> {
  const fetched = await fetch(sourceUrl, { headers: BENCH_HEADERS });
  if (fetched.status !== 200) throw new Error(`${label}: the source answered ${fetched.status}`);
  const dir = mkdtempSync(join(tmpdir(), 'ges-bench-bare-'));
  const bodyFile = join(dir, 'body.json');
  writeFileSync(bodyFile, await fetched.text());
  const child = spawn(process.execPath, [...profiler.nodeFlags(label), BARE, bodyFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve(out.trim());
    });
    void exited.then((code) => reject(new Error(`${label}: the bare server exited with ${code}\n${stderr}`)));
  });
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
      profiler.collect(label);
    },
  };
}
