/**
 * The bench's smoke mode, as CI runs it (`npm run bench:smoke`): every measure must produce its
 * figures. Nothing here judges speed: figures are checked for presence and shape only.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURES, type BenchResults } from '../../bench/bench-types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_MD = join(ROOT, 'bench/RESULTS.md');

const positive = expect.any(Number);
const isPositive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;

describe('npm run bench:smoke', () => {
  let dir: string;
  let exitCode: number | null;
  let output = '';
  let results: BenchResults;
  let resultsMdBefore: string | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ges-bench-smoke-'));
    resultsMdBefore = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : undefined;
    const out = join(dir, 'results.json');
    // the command of the npm script, plus --out so the test can read what it measured
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bench.ts', '--smoke', '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exitCode = await new Promise((resolve) => child.once('exit', resolve));
    results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and produces every measure without an error', () => {
    expect(exitCode, output).toBe(0);
    expect(results.mode).toBe('smoke');
    for (const id of MEASURES) {
      expect(results.measures[id], id).toBeDefined();
      expect(results.measures[id], `${id}: ${JSON.stringify(results.measures[id])}`).not.toHaveProperty('error');
    }
  });

  it('measures the small page against ges-mock serve (quiet, as started, without journal or log), Prism and the bare server', () => {
    const small = results.measures.smallPage as Extract<BenchResults['measures']['smallPage'], { rounds: unknown }>;
    expect(small.rounds).toHaveLength(1);
    for (const who of ['mock', 'mockLogged', 'mockSilent', 'prism', 'bare'] as const) {
      expect(isPositive(small.reqPerSec[who]), who).toBe(true);
      expect(small.rounds[0]![who]).toMatchObject({ ok: positive, non2xx: 0, errors: 0, timeouts: 0 });
    }
    expect(isPositive(small.mockOverPrism) && isPositive(small.mockOverBare)).toBe(true);
    expect(Number.isFinite(small.journalAndLog)).toBe(true);
  });

  it('reports every peer mock: measured beside the others, or with the reason it was not (e.g. not installed)', () => {
    const small = results.measures.smallPage as Extract<BenchResults['measures']['smallPage'], { rounds: unknown }>;
    expect(small.peers?.map((peer) => peer.id)).toEqual(['mockoon', 'wiremock', 'jsonServer', 'msw']);
    for (const peer of small.peers ?? []) {
      if (peer.error !== undefined) expect(peer.error, peer.id).toMatch(/\S/);
      else {
        expect(isPositive(peer.reqPerSec), peer.id).toBe(true);
        expect(peer.version, peer.id).toMatch(/\d+\.\d+/);
        expect(small.rounds[0]!.peers?.[peer.id]).toMatchObject({ ok: positive, non2xx: 0, errors: 0, timeouts: 0 });
      }
    }
  });

  it('measures the largest page with the smoke job count', () => {
    const largest = results.measures.largestPage as Extract<BenchResults['measures']['largestPage'], { rounds: unknown }>;
    expect(largest.jobs).toBe(1000);
    expect(largest.path).toContain('limit=1000');
    expect(largest.latencyP50Ms).toEqual({ mock: expect.any(Number), bare: expect.any(Number) });
    expect(isPositive(largest.mockOverBare)).toBe(true);
  });

  it('measures seeding time and heap', () => {
    const seeding = results.measures.seeding as Extract<BenchResults['measures']['seeding'], { rounds: unknown }>;
    expect(seeding.jobs).toBe(1000);
    expect(isPositive(seeding.seedMs)).toBe(true);
    expect(typeof seeding.heapMB).toBe('number');
    expect(isPositive(seeding.firstTouchMs)).toBe(true);
  });

  it('measures the MSW handlers in process, with and without fetch', () => {
    const inProcess = results.measures.inProcess as Extract<BenchResults['measures']['inProcess'], { rounds: unknown }>;
    expect(isPositive(inProcess.reqPerSec.getResponse)).toBe(true);
    expect(isPositive(inProcess.reqPerSec.setupServerFetch)).toBe(true);
  });

  it('times a contract run against the mock', () => {
    const contract = results.measures.contractRun as Extract<BenchResults['measures']['contractRun'], { rounds: unknown }>;
    expect(isPositive(contract.ms)).toBe(true);
    expect(contract.rounds[0]?.exitCode).toEqual(expect.any(Number));
  });

  it('lists a verdict row per target without judging it, records the machine, and leaves RESULTS.md alone', () => {
    expect(results.checks.length).toBeGreaterThanOrEqual(8);
    for (const check of results.checks) expect(check.pass, check.label).toBeNull();
    expect(results.machine).toMatchObject({ cpus: positive, node: process.version });
    expect(existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : undefined).toBe(resultsMdBefore);
    expect(output).toContain('req/s');
  });
});
