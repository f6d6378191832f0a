/**
 * Turns the inspector's browser script (src/inspector/inspector-script.ts, checked TypeScript) into
 * the plain script the page inlines: types stripped by the TypeScript compiler, `export`s dropped,
 * wrapped in one function that ends by calling `startInspector()`. scripts/gen.ts writes the result
 * to src/generated/inspector-script.ts and `--check` fails when it is stale, so the page never
 * serves a script other than the one typecheck and the unit tests read.
 */
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

const SOURCE = new URL('../src/inspector/inspector-script.ts', import.meta.url);

/** The generated module's text: `INSPECTOR_SCRIPT`, the browser script, one string line per line. */
export async function renderInspectorScript(): Promise<string> {
  const source = await readFile(SOURCE, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, removeComments: false, verbatimModuleSyntax: false },
  });
  const body = outputText
    .replace(/^export \{\};\s*$/m, '')
    .replace(/^export (function|const|let|class) /gm, '$1 ')
    .trimEnd();
  if (/^\s*(import|export)\b/m.test(body))
    throw new Error('inspector-script.ts must import nothing at run time and export only declarations');
  // The script is inlined in a <script> element: a closing tag inside it would end the element.
  if (/<\/script/i.test(body)) throw new Error('inspector-script.ts must not contain "</script"');
  const script = `(function () {\n'use strict';\n${body}\nstartInspector();\n})();\n`;
  const lines = script.split('\n').map((line) => `  ${JSON.stringify(line)},`);
  return (
    '/**\n * This file was generated from src/inspector/inspector-script.ts by `npm run gen`.\n * Do not make direct changes to the file.\n */\n\n' +
    "/** The inspector page's browser script as plain JavaScript, inlined by inspector-page.ts. */\n" +
    `export const INSPECTOR_SCRIPT: string = [\n${lines.join('\n')}\n].join('\\n');\n`
  );
}
