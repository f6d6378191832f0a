/**
 * GET /__mock/openapi.yaml: the spec the mock implements, always served (the docs page needs the
 * optional Redoc; this needs nothing). In Node it is the package's own openapi.yaml, comments and
 * all; where there is no file system (MSW in a browser) it is the same document as JSON, which is
 * valid YAML 1.2.
 */
import { openapiDocument } from '../generated/openapi-document.js';

/** Where the spec is served. */
export const SPEC_PATH = '/__mock/openapi.yaml';

// openapi.yaml sits at the package root: two levels above src/inspector/ in a checkout, three above
// dist/src/inspector/ when installed. Variables, not literals, so bundlers do not treat them as assets.
const CANDIDATES = ['../../openapi.yaml', '../../../openapi.yaml'];

let cached: string | undefined;

/** The spec as YAML text (read once, then cached). */
export function readSpecYaml(): string {
  if (cached !== undefined) return cached;
  const node = (globalThis as { process?: Partial<NodeJS.Process> | undefined }).process;
  if (typeof node?.getBuiltinModule === 'function') {
    const { readFileSync } = node.getBuiltinModule('node:fs');
    for (const candidate of CANDIDATES) {
      try {
        const text = readFileSync(new URL(candidate, import.meta.url), 'utf8');
        if (/^openapi:\s*3/m.test(text)) return (cached = text);
      } catch {
        // not at this level; try the next
      }
    }
  }
  cached = `${JSON.stringify(openapiDocument, null, 2)}\n`;
  return cached;
}
