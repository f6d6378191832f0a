/**
 * Writes the rule inventory table into docs/contracts.md between its markers, or with --check fails
 * when the table there is stale (`npm run gen:rules`, checked by `npm run gen:check`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderRuleTable, spliceRuleTable } from './rule-table.js';

const path = fileURLToPath(new URL('../docs/contracts.md', import.meta.url));
const current = await readFile(path, 'utf8');
const updated = spliceRuleTable(current, await renderRuleTable());
if (process.argv.includes('--check')) {
  if (updated !== current) {
    console.error('docs/contracts.md: the rule inventory table is stale. Run `npm run gen:rules` and commit the result.');
    process.exit(1);
  }
  console.log('docs/contracts.md: the rule inventory table is up to date');
} else if (updated !== current) {
  await writeFile(path, updated);
  console.log('wrote the rule inventory table into docs/contracts.md');
} else {
  console.log('docs/contracts.md: the rule inventory table is up to date');
}
