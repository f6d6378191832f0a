/**
 * `ges-jobs-kit/contracts` exports exactly the values docs/contracts.md documents in its table of
 * exports: nothing undocumented leaks out, nothing documented is missing.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as contracts from '../../contracts/index.js';

it('exports exactly the values of the documented table', () => {
  const doc = readFileSync(new URL('../../docs/contracts.md', import.meta.url), 'utf8');
  const table = doc.split('Everything `ges-jobs-kit/contracts` exports:')[1]!.split('\n\n')[1]!;
  const documented = [...table.matchAll(/^\| `(\w+)[(:`]/gm), ...table.matchAll(/, `(\w+)\(/g)].map((match) => match[1]!);
  expect(Object.keys(contracts).sort()).toEqual([...new Set(documented)].sort());
});
