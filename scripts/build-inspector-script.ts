/**
 * Turns the inspector's browser modules (checked TypeScript under src/inspector/) into the plain
 * script the page inlines: inspector-model.ts (logic), inspector-view.ts (HTML) and
 * inspector-script.ts (the page's wiring), in that order, each with its types stripped by the
 * TypeScript compiler, its imports of the others and its `export`s dropped, all in one function that
 * ends by calling `startInspector()`. scripts/gen.ts writes the result to
 * src/generated/inspector-script.ts and `--check` fails when it is stale, so the page never serves
 * a script other than the one typecheck and the unit tests read.
 */
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** The modules of the script, each after those it imports. */
const MODULES = ['inspector-model.ts', 'inspector-view.ts', 'inspector-script.ts'] as const;

const sourceOf = (name: string) => new URL(`../src/inspector/${name}`, import.meta.url);

/** A module's JavaScript without its imports of the other modules and its export keywords. */
function compile(name: string, source: string, declared: Map<string, string>): string {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, removeComments: true, verbatimModuleSyntax: false },
    fileName: name,
  });
  const file = ts.createSourceFile(name, outputText, ts.ScriptTarget.ES2020, true);
  const siblings = new Set(MODULES.map((m) => `./${m.replace(/\.ts$/, '.js')}`));
  const cut: [number, number][] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (!siblings.has(from))
        throw new Error(`${name} imports ${from} at run time: the inspector script may import only ${[...siblings].join(', ')}`);
      cut.push([statement.getFullStart(), statement.getEnd()]);
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && !ts.isNamedExports(statement.exportClause)) throw new Error(`${name}: no re-exports`);
      if (statement.moduleSpecifier || (statement.exportClause as ts.NamedExports | undefined)?.elements.length)
        throw new Error(`${name}: export only declarations`);
      cut.push([statement.getFullStart(), statement.getEnd()]);
      continue;
    }
    // One scope for every module: a name declared twice would be a SyntaxError (or shadow silently).
    const names =
      ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)
        ? [statement.name?.text]
        : ts.isVariableStatement(statement)
          ? statement.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) ? d.name.text : undefined))
          : [];
    for (const declaredName of names) {
      if (declaredName === undefined) continue;
      const other = declared.get(declaredName);
      if (other) throw new Error(`${declaredName} is declared by both ${other} and ${name}: the inspector script has one scope`);
      declared.set(declaredName, name);
    }
  }
  let text = outputText;
  for (const [start, end] of cut.reverse()) text = text.slice(0, start) + text.slice(end);
  return text.replace(/^export (function|const|let|class|async function) /gm, '$1 ').trim();
}

/** The generated module's text: `INSPECTOR_SCRIPT`, the browser script, one string line per line. */
export async function renderInspectorScript(): Promise<string> {
  const declared = new Map<string, string>();
  const parts: string[] = [];
  for (const name of MODULES) parts.push(`// ${name}\n${compile(name, await readFile(sourceOf(name), 'utf8'), declared)}`);
  const body = parts.join('\n');
  if (/^\s*(import|export)\b/m.test(body))
    throw new Error('the inspector modules must import nothing at run time and export only declarations');
  // The script is inlined in a <script> element: a closing tag inside it would end the element.
  if (/<\/script/i.test(body)) throw new Error('the inspector modules must not contain "</script"');
  const script = `(function () {\n'use strict';\n${body}\nstartInspector();\n})();\n`;
  const lines = script.split('\n').map((line) => `  ${JSON.stringify(line)},`);
  return (
    '/**\n * This file was generated from src/inspector/inspector-{model,view,script}.ts by `npm run gen`.\n * Do not make direct changes to the file.\n */\n\n' +
    "/** The inspector page's browser script as plain JavaScript, inlined by inspector-page.ts. */\n" +
    `export const INSPECTOR_SCRIPT: string = [\n${lines.join('\n')}\n].join('\\n');\n`
  );
}
