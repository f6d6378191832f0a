/**
 * Ajv, loaded on first use: importing it costs about 45 ms, more than the rest of the kit's
 * msw/node path, and only fixture validation and the contract kit need it, never an ordinary
 * answer. Where Node's require is at hand it is required lazily; a browser bundle has none, so its
 * entry (mocks/browser.ts) hands Ajv over with provideAjv.
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';

type AjvClass = typeof Ajv2020;
type NodeModule = { createRequire(from: string): (id: string) => unknown };

let ajvClass: AjvClass | undefined;

/** Hands over the Ajv 2020 class, for environments without Node's require (browser bundles). */
export function provideAjv(ajv: AjvClass): void {
  ajvClass ??= ajv;
}

/** The Ajv 2020 class: the one provided, or required now. Throws where neither is possible. */
export function loadAjv(): AjvClass {
  if (ajvClass) return ajvClass;
  const runtime = (globalThis as { process?: { getBuiltinModule?: ((id: string) => unknown) | undefined } | undefined }).process;
  const nodeModule = runtime?.getBuiltinModule?.('node:module') as NodeModule | undefined;
  if (!nodeModule) {
    throw new Error(
      'ges-jobs-kit: fixture and schema validation need Ajv; outside Node use ges-jobs-kit/msw or ges-jobs-kit/msw/browser, which provide it.',
    );
  }
  ajvClass = (nodeModule.createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: AjvClass }).Ajv2020;
  return ajvClass;
}
