/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and ranks functions by self time, so a shortfall
 * can be pinned to a file and function instead of a guess.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One function's share of the profile. */
export interface ProfileHotspot {
  /** `functionName (file:line)`, file relative to the repository when it is ours. */
  where: string;
  /** Milliseconds (self or inclusive, by the list it is in). */
  ms: number;
  /** Self time as a share of all sampled time, 0..1. */
  share: number;
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const sources = new Map<string, string[]>();

/**
 * tsx runs our TypeScript as esbuild output, so a profile's line numbers point into generated code
 * that no reader has. For our own .ts files, find the function's declaration in the source instead.
 */
function sourceLine(file: string, name: string): number | undefined {
  if (!name || name === '(anonymous)' || !/\.[cm]?ts$/.test(file) || !existsSync(file)) return undefined;
  let lines = sources.get(file);
  if (!lines) sources.set(file, (lines = readFileSync(file, 'utf8').split('\n')));
  const escaped = name.replace(/[$]/g, '\\$');
  const declaration = new RegExp(
    `(\\bfunction\\*?\\s+${escaped}\\b)|(\\b(const|let|var)\\s+${escaped}\\s*[:=])|(^\\s*(async\\s+|get\\s+|set\\s+|static\\s+|private\\s+)*${escaped}\\s*[(<])|(^\\s*${escaped}\\s*:\\s*(async\\s*)?(function|\\())`,
  );
  const index = lines.findIndex((line) => declaration.test(line));
  return index >= 0 ? index + 1 : undefined;
}

function describe(frame: CpuProfileNode['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  const ours = file.startsWith(ROOT) && !file.includes('/node_modules/');
  const shown = file.startsWith(ROOT) ? relative(ROOT, file) : file;
  const line = ours && /\.[cm]?ts$/.test(file) ? sourceLine(file, name) : frame.lineNumber + 1;
  return `${name} (${shown}${line === undefined ? '' : `:${line}`})`;
}

/** A profile ranked two ways. */
export interface ProfileRanking {
  /** Every function by self time (time spent in its own code). */
  self: ProfileHotspot[];
  /** Our own functions (repository files outside node_modules) by inclusive time (their callees too). */
  oursInclusive: ProfileHotspot[];
}

/** Ranks the profile's functions; `top` rows of each list. Idle and GC are kept: they are part of the story. */
export function summarizeProfile(path: string, top = 15): ProfileRanking {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keys = new Map<number, string>();
  const keyOf = (node: CpuProfileNode) => {
    let key = keys.get(node.id);
    if (key === undefined) keys.set(node.id, (key = describe(node.callFrame)));
    return key;
  };
  const isOurs = (node: CpuProfileNode) =>
    node.callFrame.url.startsWith('file://') &&
    fileURLToPath(node.callFrame.url).startsWith(ROOT) &&
    !node.callFrame.url.includes('/node_modules/');

  const selfUs = new Map<string, number>();
  const inclusiveUs = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node || delta < 0) return;
    const key = keyOf(node);
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
    totalUs += delta;
    // each of our functions on the stack once, however deep it recurses
    const seen = new Set<string>();
    for (let at: CpuProfileNode | undefined = node; at; at = byId.get(parent.get(at.id) ?? -1)) {
      if (!isOurs(at)) continue;
      const atKey = keyOf(at);
      if (seen.has(atKey)) continue;
      seen.add(atKey);
      inclusiveUs.set(atKey, (inclusiveUs.get(atKey) ?? 0) + delta);
    }
  });
  const rank = (times: Map<string, number>) =>
    [...times.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, ms: Math.round(us / 100) / 10, share: totalUs ? us / totalUs : 0 }));
  return { self: rank(selfUs), oursInclusive: rank(inclusiveUs) };
}
