import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { exampleProjectId, graphNamePattern, limitBounds, offsetBounds, projectIdPattern } from '../../src/spec/spec-facts.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The code that must read spec facts from src/spec/spec-facts.ts (tests and docs may quote them). */
const SCANNED = ['src', 'contracts', 'mocks', 'cli'];
const SKIPPED = new Set([join('src', 'generated'), join('src', 'spec', 'spec-facts.ts')]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (SKIPPED.has(path)) return [];
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?[jt]s$/.test(entry.name) && !/\.test\.[jt]s$/.test(entry.name) ? [path] : [];
  });
}

/** Blanks comments (keeping line numbers): a comment may explain a fact, code must not restate it. */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** 100000 and 100_000 alike. */
const spellings = (n: number) => [String(n), String(n).replace(/\B(?=(\d{3})+$)/g, '_')];

interface Fact {
  what: string;
  instead: string;
  /** Whether a line (comments removed) restates the fact. */
  restatedIn(line: string): boolean;
}

const patternBody = (pattern: RegExp) => pattern.source.replace(/^\^/, '').replace(/\$$/, '');
const pagingNumbers = [limitBounds.max, limitBounds.max + 1, limitBounds.default, offsetBounds.max].flatMap(spellings);

const facts: Fact[] = [
  {
    what: `the project_id pattern (${projectIdPattern.source})`,
    instead: 'projectIdPattern',
    restatedIn: (line) => line.includes(patternBody(projectIdPattern)),
  },
  {
    what: `the graph_name pattern (${graphNamePattern.source})`,
    instead: 'graphNamePattern',
    restatedIn: (line) => line.includes(patternBody(graphNamePattern)),
  },
  {
    what: `a limit/offset bound or default (${[...new Set(pagingNumbers)].join(', ')})`,
    instead: 'limitBounds / offsetBounds',
    restatedIn: (line) => /limit|offset/i.test(line) && pagingNumbers.some((n) => new RegExp(`(?<![\\d_])${n}(?![\\d_])`).test(line)),
  },
  {
    what: `the example project id (${exampleProjectId})`,
    instead: 'exampleProjectId',
    restatedIn: (line) => line.includes(exampleProjectId),
  },
];

describe('facts of openapi.yaml live in the spec once', () => {
  it('reads the parameter facts from the spec', () => {
    const parameters = openapiDocument.components.parameters as Record<string, { schema: Record<string, unknown>; example?: unknown }>;
    expect(projectIdPattern.source).toBe(parameters.ProjectId!.schema.pattern);
    expect(graphNamePattern.source).toBe(parameters.GraphName!.schema.pattern);
    expect(limitBounds).toEqual({
      min: parameters.Limit!.schema.minimum,
      max: parameters.Limit!.schema.maximum,
      default: parameters.Limit!.schema.default,
    });
    expect(offsetBounds).toEqual({
      min: parameters.Offset!.schema.minimum,
      max: parameters.Offset!.schema.maximum,
      default: parameters.Offset!.schema.default,
    });
    expect(exampleProjectId).toBe(parameters.ProjectId!.example);
  });

  it('is restated by hand nowhere in src/, contracts/, mocks/ or cli/ (import it from src/spec/spec-facts.ts)', () => {
    const files = SCANNED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(20);
    const restated: string[] = [];
    for (const file of files) {
      withoutComments(readFileSync(join(ROOT, file), 'utf8'))
        .split('\n')
        .forEach((line, index) => {
          for (const fact of facts) {
            if (fact.restatedIn(line)) {
              restated.push(
                `${relative(ROOT, join(ROOT, file))}:${index + 1} restates ${fact.what} of openapi.yaml; import ${fact.instead} from src/spec/spec-facts.ts instead`,
              );
            }
          }
        });
    }
    expect(restated, restated.join('\n')).toEqual([]);
  });
});
