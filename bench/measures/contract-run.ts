/**
 * Contract run: the `ges-contract` CLI, as a user runs it, against a fresh standalone mock
 * per round; wall time of the whole process, start-up included.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BENCH_PROJECT, BENCH_TOKEN } from '../bench-target.js';
import type { BenchSettings, ContractRunResult } from '../bench-types.js';
import { median } from '../lib/median.js';
import type { Profiler } from '../lib/profiler.js';
import { startMock } from '../lib/start-mock.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = 'bin/ges-contract.js';

/** The whole suite, mutations included: against a mock nothing stops a team from running all of it. */
function contractArgs(baseUrl: string): string[] {
  return [BIN, '--base-url', baseUrl, '--project-id', BENCH_PROJECT, '--graph', 'movie', '--token', BENCH_TOKEN, '--allow-mutations'];
}

/** Runs the CLI once; resolves with its wall time, exit code and output tail. */
function runOnce(args: string[]): Promise<{ ms: number; exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve({ ms: performance.now() - started, exitCode, output }));
  });
}

/** Measures the contract suite's wall time against the mock. */
export async function measureContractRun(
  settings: BenchSettings,
  profiler: Profiler,
  log: (line: string) => void,
): Promise<ContractRunResult> {
  if (!existsSync(new URL(`../../${BIN}`, import.meta.url))) throw new Error(`${BIN} does not exist yet`);
  const rounds: ContractRunResult['rounds'] = [];
  let command = '';
  for (let round = 0; round < settings.rounds; round++) {
    const mock = await startMock(`contract-mock-${round + 1}`, ['--quiet'], profiler);
    try {
      const args = contractArgs(mock.url);
      command = `node ${args.join(' ').replace(mock.url, '<mock url>')}`;
      const run = await runOnce(args);
      if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`${command} exited ${run.exitCode}:\n${run.output}`);
      rounds.push({ ms: run.ms, exitCode: run.exitCode });
      log(
        `contract run, round ${round + 1}/${settings.rounds}: ${(run.ms / 1000).toFixed(2)} s, exit ${run.exitCode}${run.exitCode ? `\n${run.output}` : ''}`,
      );
    } finally {
      await mock.stop();
    }
  }
  return { command, rounds, ms: median(rounds.map((r) => r.ms)), passed: rounds.every((r) => r.exitCode === 0) };
}
