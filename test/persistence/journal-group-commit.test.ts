/**
 * Group commit as the journal writer does it: the lines of changes arriving together share one write
 * and one fdatasync, also when their requests are read over several turns of the event loop (clients
 * answered by one flush come back together, but not within one turn); and a steady stream of lines,
 * one every turn, is still flushed within a few turns, never starved by its own arrivals.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openJournalWriter, type JournalWriter } from '../../src/persistence/journal-writer.js';

const syncs = vi.hoisted(() => ({ count: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fdatasync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    syncs.count += 1;
    fs.fdatasync(fd, callback);
  }) as typeof fs.fdatasync;
  const fdatasyncSync = ((fd: number) => {
    syncs.count += 1;
    fs.fdatasyncSync(fd);
  }) as typeof fs.fdatasyncSync;
  const patched = { ...fs, fdatasync, fdatasyncSync };
  return { ...patched, default: patched };
});

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

let writer: JournalWriter | undefined;
afterEach(async () => {
  await writer?.settled();
  writer?.close();
  writer = undefined;
});

function openWriter(): { writer: JournalWriter; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'ges-group-commit-')), 'state.journal');
  writer = openJournalWriter(path, 0);
  return { writer, path };
}

describe('the journal writer commits lines arriving together as one group', () => {
  it('writes lines appended over three turns of the event loop with one flush, all of them durable when answered', async () => {
    const { writer, path } = openWriter();
    // A first flush grows the file ahead (a sync of its own); count from a writer past it.
    await writer.append('{"warm":1}\n', () => {});
    const before = syncs.count;

    const answered: number[] = [];
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 3; i++) {
      pending.push(writer.append(`{"line":${i}}\n`, () => {}).then(() => void answered.push(i)));
      pending.push(writer.append(`{"line":${i}.5}\n`, () => {}).then(() => void answered.push(i + 0.5)));
      await turn();
    }
    await Promise.all(pending);

    expect(syncs.count - before).toBe(1);
    expect(answered.sort()).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    const lines = readFileSync(path, 'utf8').replace(/\0+$/, '').trimEnd().split('\n');
    expect(lines).toEqual(['{"warm":1}', '{"line":0}', '{"line":0.5}', '{"line":1}', '{"line":1.5}', '{"line":2}', '{"line":2.5}']);
  });

  it('flushes a steady stream (a line every turn) within a few turns, not only once the stream stops', async () => {
    const { writer } = openWriter();
    await writer.append('{"warm":1}\n', () => {});
    const before = syncs.count;

    // The turn at which the first flush reaches its fdatasync (counted when called, wherever it runs).
    let turns = 0;
    let flushedAt: number | undefined;
    const pending: Promise<void>[] = [];
    while (flushedAt === undefined && turns < 50) {
      // The next turn is asked for before the line is appended, so in every turn the test's append
      // comes before the writer's check, as a server's reads come before it: the stream never pauses.
      const next = turn();
      pending.push(writer.append(`{"turn":${turns}}\n`, () => {}));
      await next;
      turns += 1;
      if (syncs.count > before) flushedAt = turns;
    }
    await Promise.all(pending);

    expect(flushedAt).toBeDefined();
    expect(flushedAt).toBeLessThanOrEqual(5);
  });
});
