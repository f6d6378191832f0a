/**
 * Writes everything in src/generated/ from openapi.yaml, or with --check fails when it is stale.
 *
 * - openapi.ts: TypeScript types, by openapi-typescript.
 * - openapi-document.ts: the spec itself as a JSON module, so the HTTP layer (Prefer examples) and
 *   the contract kit (ajv) read the one source of truth in Node and in the browser without fs or a
 *   YAML parser at run time.
 * - inspector-script.ts: the inspector page's browser script, from src/inspector/inspector-model.ts,
 *   inspector-view.ts and inspector-script.ts (scripts/build-inspector-script.ts).
 * - version.ts: the package's version, from package.json, for code that runs where no package.json
 *   can be read (a browser bundle, the HAR creator, the CLI's --version).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { renderInspectorScript } from './build-inspector-script.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const specPath = `${root}openapi.yaml`;
const outDir = `${root}src/generated/`;
const check = process.argv.includes('--check');

const HEADER =
  '/**\n * This file was auto-generated from openapi.yaml by `npm run gen`.\n * Do not make direct changes to the file.\n */\n';

async function render(): Promise<Record<string, string>> {
  const text = await readFile(specPath, 'utf8');
  const document = parse(text);
  const ast = await openapiTS(document, { alphabetize: false, defaultNonNullable: false });
  return {
    'openapi.ts': HEADER + astToString(ast),
    'openapi-document.ts':
      HEADER +
      "import type { OpenAPIV3_1Document } from '../spec/openapi-document-type.js';\n\n" +
      '/** openapi.yaml as data: read by the HTTP layer (examples) and the contract kit (schemas). */\n' +
      `export const openapiDocument: OpenAPIV3_1Document = ${JSON.stringify(document, null, 2)};\n`,
    'inspector-script.ts': await renderInspectorScript(),
    'version.ts': `${HEADER.replace('openapi.yaml', 'package.json')}\n/** The version of ges-jobs-kit, as package.json says. */\nexport const KIT_VERSION = ${JSON.stringify(JSON.parse(await readFile(`${root}package.json`, 'utf8')).version)};\n`,
  };
}

const files = await render();
if (check) {
  const stale: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const current = await readFile(outDir + name, 'utf8').catch(() => undefined);
    if (current !== content) stale.push(`src/generated/${name}`);
  }
  if (stale.length > 0) {
    console.error(`Generated files are stale or edited by hand: ${stale.join(', ')}\nRun \`npm run gen\` and commit the result.`);
    process.exit(1);
  }
  console.log('src/generated/ is up to date with openapi.yaml, the inspector modules of src/inspector/ and package.json');
} else {
  await mkdir(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(outDir + name, content);
  console.log(
    `wrote ${Object.keys(files)
      .map((n) => `src/generated/${n}`)
      .join(', ')}`,
  );
}
