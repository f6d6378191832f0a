/**
 * `npm run measure:import [-- --runs 15]`: what a test file pays to import the kit and answer one
 * request, beside one that imports msw alone with a trivial handler. Each run is a fresh Node
 * process (a test file under vitest's default isolation starts as cold), the two kinds alternate so
 * machine noise hits both alike, and the report is the median of each and their ratio. It measures
 * the built package (dist/, built first), as users load it.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);

const timed = (body: string) => `const t0 = performance.now();\n${body}\nconsole.log(performance.now() - t0);`;

const KIT = timed(`
const { setupGesServer } = await import(${JSON.stringify(`${ROOT}dist/mocks/node.js`)});
const { server } = setupGesServer();
server.listen();
await (await fetch('http://ges.test/ges/v1.0/p1/graphs/movie/jobs/status?limit=1', { headers: { 'x-auth-token': 't' } })).text();
server.close();`);

const MSW = timed(`
const { setupServer } = await import('msw/node');
const { http, HttpResponse } = await import('msw');
const server = setupServer(http.get('*/ges/*', () => HttpResponse.json({ jobs: [], jobCount: 0 })));
server.listen();
await (await fetch('http://ges.test/ges/v1.0/p1/graphs/movie/jobs/status?limit=1')).text();
server.close();`);

const runOnce = (code: string) =>
  Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' }).trim());
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

execFileSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
const kit: number[] = [];
const msw: number[] = [];
runOnce(KIT); // warm the file system cache for both
runOnce(MSW);
for (let i = 0; i < runs; i++) {
  kit.push(runOnce(KIT));
  msw.push(runOnce(MSW));
}
const result = {
  runs,
  kitMs: Math.round(median(kit)),
  mswMs: Math.round(median(msw)),
  ratio: Number((median(kit) / median(msw)).toFixed(2)),
};
console.log(JSON.stringify(result));
