/**
 * Redoc's standalone bundle (node_modules/redoc/bundles/redoc.standalone.js), served by the mock at
 * /__mock/docs/redoc.standalone.js so the docs page needs no CDN. Redoc is an optional peer
 * dependency (it brings React, styled-components, mobx and core-js, all for one page): without it
 * /__mock/docs explains how to add it. The HTTP layer is also bundled into browsers (MSW), so node:fs
 * is reached through process.getBuiltinModule at call time rather than a static import.
 */

/** The redoc versions the docs page is written for (package.json's peerDependencies.redoc). */
export const REDOC_RANGE = '^2.5.4';

/** Served in place of the bundle where it cannot be read (no redoc installed, or MSW in a browser). */
export const REDOC_UNAVAILABLE_SCRIPT = '/* Redoc is not available here: the standalone mock serves it once `redoc` is installed. */\n';

let cached: string | undefined;

/**
 * The bundle's text (read once, then cached), or undefined when it cannot be read: redoc is not
 * installed, or there is no file system (MSW in a browser).
 */
export function readRedocBundle(): string | undefined {
  if (cached !== undefined) return cached;
  const node = (globalThis as { process?: Partial<NodeJS.Process> | undefined }).process;
  if (typeof node?.getBuiltinModule !== 'function') return undefined;
  try {
    const { createRequire } = node.getBuiltinModule('node:module');
    const { readFileSync } = node.getBuiltinModule('node:fs');
    const path = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');
    cached = readFileSync(path, 'utf8');
    return cached;
  } catch {
    // Not installed (an optional peer); the docs page says how to add it. Not cached: `npm i -D redoc`
    // while the mock runs makes the next request succeed.
    return undefined;
  }
}
