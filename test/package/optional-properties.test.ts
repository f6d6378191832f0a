/**
 * scripts/check-optional-properties.ts: the check behind "every optional option accepts undefined"
 * (`npm run check:optional`) finds what strict users would trip on, and its fix compiles.
 */
import { describe, expect, test } from 'vitest';
import { findOptionalPropertyProblems, fixOptionalProperties } from '../../scripts/check-optional-properties.js';

const source = [
  'export interface Options {',
  '  seed?: number;',
  '  name?: string | undefined;',
  '  onChange?: (kind: string) => void;',
  '  anything?: unknown;',
  '  required: string;',
  '}',
  'export type Finding = { exchange?: { url: string } };',
  'export class Report { note?: string; }',
].join('\n');

describe('the optional-property check', () => {
  test('lists each optional property whose type refuses undefined, in interfaces, type literals and classes', () => {
    const problems = findOptionalPropertyProblems('options.ts', source);
    expect(problems.map((p) => `${p.line}:${p.name}`)).toEqual(['2:seed', '4:onChange', '8:exchange', '9:note']);
  });

  test('its fix adds `| undefined`, wrapping function types, after which nothing is left to fix', () => {
    const fixed = fixOptionalProperties(source, findOptionalPropertyProblems('options.ts', source));
    expect(fixed).toContain('seed?: number | undefined;');
    expect(fixed).toContain('onChange?: ((kind: string) => void) | undefined;');
    expect(fixed).toContain('exchange?: { url: string } | undefined');
    expect(findOptionalPropertyProblems('options.ts', fixed)).toEqual([]);
  });
});
