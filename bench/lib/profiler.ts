/**
 * Optional CPU profiling of the servers under test: each gets `--cpu-prof` into one temporary folder,
 * and once it has exited its profile is ranked by self time. Profiling slows what it watches, so a
 * profiled run's figures are for finding causes, not for RESULTS.md.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfileSummary } from '../bench-types.js';
import { summarizeProfile } from './summarize-profile.js';

/** Hands out profiling flags and collects the summaries. */
export interface Profiler {
  /** Node flags for a child labelled `label` (none when profiling is off). */
  nodeFlags(label: string): string[];
  /** After that child exited: rank its profile. */
  collect(label: string): void;
  readonly summaries: ProfileSummary[];
  /** Whether children are profiled. */
  readonly enabled: boolean;
}

const folderName = (label: string) => label.replace(/[^a-z0-9-]+/gi, '-');

/** A profiler that profiles when `enabled`, and otherwise does nothing. */
export function createProfiler(enabled: boolean): Profiler {
  const summaries: ProfileSummary[] = [];
  let dir: string | undefined;
  return {
    summaries,
    enabled,
    nodeFlags(label) {
      if (!enabled) return [];
      dir ??= mkdtempSync(join(tmpdir(), 'ges-bench-profiles-'));
      // one folder per child: tsx's loader thread writes a profile of its own beside the main thread's
      const folder = join(dir, folderName(label));
      mkdirSync(folder, { recursive: true });
      return ['--cpu-prof', `--cpu-prof-dir=${folder}`];
    },
    collect(label) {
      if (!enabled || !dir) return;
      const folder = join(dir, folderName(label));
      // the main thread, which serves the requests, has by far the most samples
      const file = readdirSync(folder)
        .filter((name) => name.endsWith('.cpuprofile'))
        .map((name) => join(folder, name))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0];
      if (file) summaries.push({ label, file, ...summarizeProfile(file) });
    },
  };
}
