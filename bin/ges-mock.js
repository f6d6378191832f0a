#!/usr/bin/env node
// The ges-mock command. In a checkout (src/ present) it runs the TypeScript source through tsx, so it
// never runs a stale build; the published package ships only dist/, and runs that on plain Node.
import { existsSync } from 'node:fs';

const source = new URL('../cli/ges-mock.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/ges-mock.js', import.meta.url).href);
}
