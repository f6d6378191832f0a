/**
 * `npm run check:optional`: every optional property the package declares accepts `undefined`.
 *
 * Users who turn on `exactOptionalPropertyTypes` (as strict templates do) can then pass
 * `{ seed: maybeSeed }` where `maybeSeed` is `number | undefined`. The check reads every source file
 * compiled into dist/ (src/, mocks/, contracts/, cli/; the generated body types excepted: they describe
 * JSON, where a key is present or absent) with the TypeScript compiler API, and lists each optional
 * property signature (`name?: T`) whose type does not include `undefined`. `--fix` appends
 * ` | undefined` in place.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repo = fileURLToPath(new URL('..', import.meta.url));
const PUBLISHED = ['src', 'mocks', 'contracts', 'cli'];
const SKIPPED = /(^|\/)(generated|node_modules)\/|\.test\.ts$/;

/** An optional property whose type refuses undefined. */
export interface OptionalPropertyProblem {
  file: string;
  line: number;
  name: string;
  /** Where ` | undefined` goes (the end of the type annotation). */
  fixAt: number;
  /** Whether the type needs parentheses (a function type) before the union. */
  wrap: { start: number; end: number } | undefined;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (SKIPPED.test(relative(repo, path))) continue;
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) yield path;
  }
}

const includesUndefined = (type: ts.TypeNode): boolean => {
  if (type.kind === ts.SyntaxKind.UndefinedKeyword || type.kind === ts.SyntaxKind.AnyKeyword || type.kind === ts.SyntaxKind.UnknownKeyword)
    return true;
  if (ts.isUnionTypeNode(type)) return type.types.some(includesUndefined);
  if (ts.isParenthesizedTypeNode(type)) return includesUndefined(type.type);
  return false;
};

/** The problems of one file's text. */
export function findOptionalPropertyProblems(file: string, text: string): OptionalPropertyProblem[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const problems: OptionalPropertyProblem[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) &&
      node.questionToken &&
      node.type &&
      !includesUndefined(node.type)
    ) {
      const type = node.type;
      const needsParens = ts.isFunctionTypeNode(type) || ts.isConstructorTypeNode(type) || ts.isConditionalTypeNode(type);
      problems.push({
        file: relative(repo, file),
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        name: node.name.getText(source),
        fixAt: type.getEnd(),
        wrap: needsParens ? { start: type.getStart(), end: type.getEnd() } : undefined,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

/** Appends ` | undefined` to every problem of one file's text (last first, so positions hold). */
export function fixOptionalProperties(text: string, problems: readonly OptionalPropertyProblem[]): string {
  let fixed = text;
  for (const problem of [...problems].sort((a, b) => b.fixAt - a.fixAt)) {
    if (problem.wrap) {
      const { start, end } = problem.wrap;
      fixed = `${fixed.slice(0, start)}(${fixed.slice(start, end)}) | undefined${fixed.slice(end)}`;
    } else {
      fixed = `${fixed.slice(0, problem.fixAt)} | undefined${fixed.slice(problem.fixAt)}`;
    }
  }
  return fixed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fix = process.argv.includes('--fix');
  let count = 0;
  for (const dir of PUBLISHED) {
    for (const file of sourceFiles(join(repo, dir))) {
      const text = readFileSync(file, 'utf8');
      const problems = findOptionalPropertyProblems(file, text);
      if (problems.length === 0) continue;
      count += problems.length;
      if (fix) writeFileSync(file, fixOptionalProperties(text, problems));
      else
        for (const p of problems)
          console.error(`${p.file}:${p.line}: optional property "${p.name}" does not accept undefined (add "| undefined")`);
    }
  }
  if (count > 0 && !fix) {
    console.error(
      `check:optional: ${count} optional propert${count === 1 ? 'y refuses' : 'ies refuse'} undefined; \`tsx scripts/check-optional-properties.ts --fix\` adds it`,
    );
    process.exitCode = 1;
  } else {
    console.log(fix ? `check:optional: fixed ${count}` : 'check:optional: every optional property accepts undefined');
  }
}
