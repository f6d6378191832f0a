/**
 * Redoc's standalone bundle (node_modules/redoc/bundles/redoc.standalone.js), served by the mock at
 * /__mock/docs/redoc.standalone.js so the docs page needs no CDN. The HTTP layer is also bundled into
 * browsers (MSW), so node:fs is reached through process.getBuiltinModule at call time rather than a
 * static import: in a browser this simply answers a stub script and the docs page shows its fallback.
 */

/** Served in place of the bundle where no file system is reachable (MSW in a browser). */
export const REDOC_UNAVAILABLE_SCRIPT =
  '/* Redoc is served by the standalone mock (ges-mock serve) only; this page was answered elsewhere. */\n';

let cached: string | undefined;

/** The bundle's text (read once, then cached), or a stub script when there is no file system. */
export function readRedocBundle(): string {
  if (cached !== undefined) return cached;
  const node = (globalThis as { process?: Partial<NodeJS.Process> }).process;
  if (typeof node?.getBuiltinModule !== 'function') return REDOC_UNAVAILABLE_SCRIPT;
  try {
    const { createRequire } = node.getBuiltinModule('node:module');
    const { readFileSync } = node.getBuiltinModule('node:fs');
    const path = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');
    cached = readFileSync(path, 'utf8');
    return cached;
  } catch {
    // redoc is a dependency, so this means a broken install; the docs page says Redoc did not load.
    return REDOC_UNAVAILABLE_SCRIPT;
  }
}
