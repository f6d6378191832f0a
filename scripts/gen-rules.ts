/**
 * Writes the rule inventory, check and page tables into docs/contracts.md between their markers,
 * or with --check fails when a table there is stale (`npm run gen:rules`, checked by `npm run gen:check`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { spliceTables } from './rule-table.js';

const path = fileURLToPath(new URL('../docs/contracts.md', import.meta.url));
const current = await readFile(path, 'utf8');
const updated = await spliceTables(current);
if (process.argv.includes('--check')) {
  if (updated !== current) {
    console.error('docs/contracts.md: a generated table (rules, checks, pages) is stale. Run `npm run gen:rules` and commit the result.');
    process.exit(1);
  }
  console.log('docs/contracts.md: the generated tables (rules, checks, pages) are up to date');
} else if (updated !== current) {
  await writeFile(path, updated);
  console.log('wrote the rule, check and page tables into docs/contracts.md');
} else {
  console.log('docs/contracts.md: the generated tables (rules, checks, pages) are up to date');
}
