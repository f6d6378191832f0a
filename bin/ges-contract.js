#!/usr/bin/env node
// The ges-contract command: the compiled CLI when the package was built, else the TypeScript source via tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/ges-contract.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/ges-contract.ts');
}
