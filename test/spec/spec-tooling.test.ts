import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../support/run-process.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** A throwaway copy of the parts of the project the spec tooling reads, sharing node_modules. */
async function copyProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ges-spec-'));
  for (const entry of [
    'package.json',
    'openapi.yaml',
    'fixtures.schema.json',
    '.spectral.yaml',
    'redocly.yaml',
    'scripts',
    'src',
    'contracts',
    'docs',
  ]) {
    await cp(join(root, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function npmRun(dir: string, script: string): Promise<{ code: number | null; output: string }> {
  const { code, stdout, stderr } = await runProcess('npm', ['run', '--silent', script], { cwd: dir });
  return { code, output: stdout + stderr };
}

describe('npm run gen:check', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copyProject();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes on the committed generated files', async () => {
    expect(await npmRun(dir, 'gen:check')).toMatchObject({ code: 0 });
  });

  it('fails once a generated file is edited by hand, naming the file', async () => {
    const file = join(dir, 'src/generated/openapi.ts');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('jobCount: number;', 'jobCount: string;'));
    const result = await npmRun(dir, 'gen:check');
    await writeFile(file, original);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('src/generated/openapi.ts');
  });

  it('fails once openapi.yaml changes without regenerating', async () => {
    const file = join(dir, 'openapi.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('jobCount:\n          type: integer', 'jobCount:\n          type: string'));
    const result = await npmRun(dir, 'gen:check');
    await writeFile(file, original);
    expect(result.code).not.toBe(0);
  });
});

// Each Spectral run is a separate Node process (~2 s alone, far more on a loaded 2-core CI machine).
describe('the house Spectral rules', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copyProject();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Lints a copy of openapi.yaml changed by `edit`, returning Spectral's findings. */
  async function lintEdited(name: string, edit: (spec: string) => string): Promise<string> {
    const spec = await readFile(join(root, 'openapi.yaml'), 'utf8');
    const edited = edit(spec);
    expect(edited, 'the edit must change the spec').not.toBe(spec);
    await writeFile(join(dir, `${name}.yaml`), edited);
    try {
      const { stdout } = await run('npx', ['spectral', 'lint', `${name}.yaml`, '--fail-severity=warn', '-f', 'text'], { cwd: dir });
      return stdout;
    } catch (error) {
      return (error as { stdout: string }).stdout;
    }
  }

  it('accept the spec as it is', async () => {
    expect(await lintEdited('unchanged', (s) => `${s}\n`)).not.toMatch(/error|warning/);
  });

  it('catch a regression: a missing error status, an example-less response, a bad errorCode, a missing operationId, a non-envelope error body', async () => {
    const findings = await Promise.all([
      lintEdited('no-503', (s) =>
        s.replace(
          / {8}'503':\n {10}\$ref: '#\/components\/responses\/ServiceUnavailable'\n\n {2}\/ges\/v1.0\/\{project_id\}\/graphs\/\{graph_name\}\/jobs\/\{job_id\}\/status/,
          '\n  /ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}/status',
        ),
      ),
      lintEdited('no-example', (s) => s.replace(/ {14}examples:\n {16}Cancelled:\n {18}summary: Cancelled\n {18}value: \{\}\n/, '')),
      lintEdited('bad-code', (s) => s.replace('errorCode: GES.8303', 'errorCode: GES-8303')),
      lintEdited('no-operation-id', (s) => s.replace('      operationId: cancelJob\n', '')),
      lintEdited('bad-envelope', (s) =>
        s.replace(
          /( {8}'500':\n {10}description: The engine is unavailable \(GES.8602\).\n {10}content:\n {12}application\/json:\n {14}schema:\n) {16}\$ref: '#\/components\/schemas\/GesError'/,
          '$1                type: object\n                properties: {message: {type: string}}',
        ),
      ),
    ]);
    expect(findings[0]).toContain('ges-six-error-statuses');
    expect(findings[1]).toContain('ges-response-example');
    expect(findings[2]).toContain('ges-error-code-format');
    expect(findings[3]).toContain('ges-operation-id');
    expect(findings[4]).toContain('ges-error-envelope');
  });

  it('catch a regression that costs code generators a field or a type: an undescribed property, a const property, properties beside allOf, an integer parameter without format', async () => {
    const findings = await Promise.all([
      lintEdited('no-description', (s) =>
        s.replace('          description: Statistics of the edge files, one entry a file, counted in lines.\n', ''),
      ),
      lintEdited('const-result', (s) =>
        s.replace(
          '          enum: [failed]\n          description: Always `failed`.',
          '          const: failed\n          description: Always `failed`.',
        ),
      ),
      lintEdited('properties-beside-allof', (s) =>
        s.replace(
          '    Job:\n      description:',
          '    Job:\n      properties: {jobId: {type: string, description: The id.}}\n      description:',
        ),
      ),
      lintEdited('no-format', (s) => s.replace(/( {4}Offset:\n(?:.*\n)*? {8}type: integer\n) {8}format: int32\n/, '$1')),
    ]);
    expect(findings[0]).toContain('ges-property-description');
    expect(findings[1]).toContain('ges-property-enum-not-const');
    expect(findings[2]).toContain('ges-allof-object-first');
    expect(findings[3]).toContain('ges-integer-parameter-format');
  });
});
