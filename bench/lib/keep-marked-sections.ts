/**
 * bench/RESULTS.md is shared: other tools (npm run soak) own sections of it between
 * `<!-- name:start -->` and `<!-- name:end -->` markers. The bench rewrites its own part and carries
 * every marked section of the previous file over, unchanged, after it.
 */

const MARKED = /<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g;

/** `ours`, followed by every marked section found in `previous` (in their order). */
export function keepMarkedSections(previous: string | undefined, ours: string): string {
  const sections = previous?.match(MARKED) ?? [];
  if (sections.length === 0) return ours;
  return `${ours.replace(/\n*$/, '')}\n\n${sections.join('\n\n')}\n`;
}
