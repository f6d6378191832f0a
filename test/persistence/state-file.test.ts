import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { openStateFile } from '../../src/persistence/open-state-file.js';
import { readStateFile } from '../../src/persistence/read-state-file.js';
import { toStateFileText } from '../../src/persistence/state-file-format.js';
import { writeFileAtomically } from '../../src/persistence/write-file-atomically.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'ges-state-'));
const STATE = {
  now: '2024-05-23T02:00:00.000Z',
  seed: 3,
  projects: { abc: { graphs: { movie: { jobs: [{ jobId: 'j1', status: 'running' }] } } } },
};

/** Reads `path` as a user would find it afterwards, with the verdict, and checks the bytes did not move. */
function verdictLeavingFileAlone(path: string) {
  const before = readFileSync(path);
  const verdict = readStateFile(path);
  expect(readFileSync(path).equals(before)).toBe(true);
  return verdict;
}

describe('writeFileAtomically', () => {
  it('replaces the content whole and leaves no temporary file behind', () => {
    const dir = freshDir();
    const path = join(dir, 'state.json');
    writeFileAtomically(path, 'first');
    writeFileAtomically(path, 'second, longer than the first');
    expect(readFileSync(path, 'utf8')).toBe('second, longer than the first');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('throws and leaves nothing when the directory does not exist', () => {
    const dir = freshDir();
    expect(() => writeFileAtomically(join(dir, 'missing', 'state.json'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('readStateFile', () => {
  it('reads back the state a state file was written with', () => {
    const path = join(freshDir(), 'state.json');
    writeFileAtomically(path, toStateFileText(STATE, Date.UTC(2026, 0, 1)));
    expect(readStateFile(path)).toEqual({ kind: 'ok', state: STATE, savedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('says a missing file is missing (a first start) when its directory is writable', () => {
    const dir = freshDir();
    expect(readStateFile(join(dir, 'state.json'))).toEqual({ kind: 'missing' });
    expect(readStateFile(join(dir, 'nowhere', 'state.json'))).toMatchObject({
      kind: 'problem',
      message: expect.stringMatching(/directory does not exist/),
    });
  });

  it('calls a truncated state file corrupt and leaves it byte for byte', () => {
    const path = join(freshDir(), 'state.json');
    const text = toStateFileText(STATE, 0);
    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
    const verdict = verdictLeavingFileAlone(path);
    expect(verdict).toMatchObject({
      kind: 'problem',
      message: expect.stringMatching(/state\.json is corrupt: it is not valid JSON .*left untouched/),
    });
  });

  it('calls a state file whose content was changed corrupt (checksum)', () => {
    const path = join(freshDir(), 'state.json');
    writeFileSync(path, toStateFileText(STATE, 0).replace('"running"', '"success"'));
    expect(verdictLeavingFileAlone(path)).toMatchObject({
      kind: 'problem',
      message: expect.stringMatching(/is corrupt: its checksum does not match/),
    });
  });

  it.each([
    ['a fixture document', JSON.stringify({ graphs: { movie: { jobs: [] } } }), /not a ges-mock state file: it has no "format"/],
    ['a YAML file', 'graphs:\n  movie:\n    jobs: []\n', /not a ges-mock state file: it is not JSON/],
    ['binary bytes', '\u0000\u0001\u00ff\u00fe', /not a ges-mock state file: it is not JSON/],
    ['an empty file', '', /not a ges-mock state file: it is empty/],
    [
      'a later version',
      JSON.stringify({ format: 'ges-jobs-kit/mock-state', version: 2, state: {} }),
      /version 2; this ges-mock reads version 1/,
    ],
  ])('refuses %s as foreign and leaves it byte for byte', (_what, content, message) => {
    const path = join(freshDir(), 'state.json');
    writeFileSync(path, content);
    expect(verdictLeavingFileAlone(path)).toMatchObject({ kind: 'problem', message: expect.stringMatching(message) });
  });

  it('refuses a directory: state files are plain files', () => {
    const path = join(freshDir(), 'state.json');
    mkdirSync(path);
    expect(readStateFile(path)).toMatchObject({ kind: 'problem', message: expect.stringMatching(/is not a plain file/) });
  });
});

describe('openStateFile', () => {
  it('refuses a well-formed state file whose state does not load, leaving it byte for byte and unlocked', () => {
    const dir = freshDir();
    const path = join(dir, 'state.json');
    const broken = { graphs: { movie: { jobs: [{ status: 'success', progress: 40 }] } } };
    writeFileSync(path, toStateFileText(broken, 0));
    const before = readFileSync(path);
    expect(openStateFile(path)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/state\.json is corrupt: its state does not load: .*progress/),
    });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('saves each change as it happens and restores it into a new API', async () => {
    const dir = freshDir();
    const path = join(dir, 'state.json');
    const opened = openStateFile(path);
    if (!opened.ok) throw new Error(opened.message);
    const api = opened.file.createApi({ clock: createManualClock(), jobsPerGraph: 3 });
    const submitted = await api.handle({
      method: 'POST',
      url: '/ges/v1.0/abc/graphs/movie/action?action_id=execute-algorithm',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
    });
    const { jobId } = JSON.parse(submitted.body!) as { jobId: string };
    expect(readFileSync(`${path}.0.journal`, 'utf8')).toContain(jobId);
    expect(openStateFile(path)).toMatchObject({ ok: false, message: expect.stringMatching(/in use by another ges-mock/) });
    await opened.file.close();

    const again = openStateFile(path);
    if (!again.ok) throw new Error(again.message);
    const restored = again.file.createApi({ clock: createManualClock(), jobsPerGraph: 3 });
    const listed = await restored.handle({
      method: 'GET',
      url: '/ges/v1.0/abc/graphs/movie/jobs/status',
      headers: { 'x-auth-token': 't' },
    });
    expect(listed.body).toContain(jobId);
    await again.file.close();
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.0.journal']);
  });

  it("journals a restored server's requests at the virtual time its resumed clock shows", async () => {
    const path = join(freshDir(), 'state.json');
    const opened = openStateFile(path);
    if (!opened.ok) throw new Error(opened.message);
    // The system clock, started at the document's now (2024): it resumes there after the restart,
    // while the new server's own clock would start at the real time, years later.
    const api = opened.file.createApi({ fixtures: { now: STATE.now }, jobsPerGraph: 3 });
    await api.handle({
      method: 'POST',
      url: '/ges/v1.0/abc/graphs/movie/action?action_id=execute-algorithm',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
    });
    await opened.file.close();

    const again = openStateFile(path);
    if (!again.ok) throw new Error(again.message);
    const restored = again.file.createApi({ jobsPerGraph: 3 });
    const before = restored.clock.now();
    await restored.handle({ method: 'GET', url: '/ges/v1.0/abc/graphs/movie/jobs/status', headers: { 'x-auth-token': 't' } });
    const after = restored.clock.now();
    await again.file.close();
    const virtual = Date.parse(restored.requests().at(-1)!.virtualTime);
    expect(before).toBeLessThan(Date.parse('2025-01-01T00:00:00Z'));
    expect(virtual).toBeGreaterThanOrEqual(before);
    expect(virtual).toBeLessThanOrEqual(after + 2);
  });

  it('takes over a lock left by a server that is gone (killed, or an earlier run that had our pid)', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    for (const holder of [gone, process.pid]) {
      const path = join(freshDir(), 'state.json');
      writeFileSync(`${path}.lock`, `${holder}\n`);
      const opened = openStateFile(path);
      if (!opened.ok) throw new Error(opened.message);
      expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${process.pid}\n`);
      await opened.file.close();
    }
  });
});
