/**
 * Writes fixtures.schema.json (the JSON Schema of fixture documents, for editors) from openapi.yaml's
 * Job schema, or with --check fails when it is stale. The Job fields and the schemas they use are
 * taken from the spec, never restated; only the fixture forms around them are written here.
 * Strict validation (unknown fields, invariants) is validateFixtures' job: a document's
 * extraJobFields cannot be said in a static schema, so jobs stay open to other keys here.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openapiDocument } from '../src/generated/openapi-document.js';
import { statusVariants } from '../src/spec/spec-facts.js';

type Json = Record<string, unknown>;

const schemas = openapiDocument.components.schemas as Record<string, Json>;
const parameters = openapiDocument.components.parameters as Record<string, { schema: Json }>;

/** Rewrites `#/components/schemas/X` refs to `#/$defs/X` and collects the schemas they name. */
function withLocalRefs(value: unknown, used: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withLocalRefs(item, used));
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value as Json)) {
    if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) {
      const name = inner.slice('#/components/schemas/'.length);
      used.add(name);
      out[key] = `#/$defs/${name}`;
    } else if (key !== 'example' && key !== 'examples' && !key.startsWith('x-')) {
      out[key] = withLocalRefs(inner, used);
    }
  }
  return out;
}

const duration = (description: string): Json => ({ type: 'string', pattern: '^\\d{1,9}(ms|s|m|h|d)$', description });
const instant = (description: string): Json => ({ type: 'string', format: 'date-time', description });

/** The schema, as an object. */
export function buildFixtureSchema(): Json {
  const used = new Set<string>();
  // The Job's fields: its properties, or those of the allOf member that declares them.
  const job = schemas['Job']!;
  const declared = job['properties'] ?? (job['allOf'] as Json[] | undefined)?.find((member) => member['properties'])?.['properties'];
  if (!declared) throw new Error('openapi.yaml declares no Job properties');
  const jobProperties = withLocalRefs(declared, used) as Json;
  // A recorded job may carry a status variant of another engine version (x-ges-status-variants),
  // when its document lists the variant in recordedStatusVariants (validateFixtures checks that).
  jobProperties['status'] = {
    anyOf: [
      jobProperties['status'],
      {
        enum: [...statusVariants],
        description: 'A status variant of another engine version, as recorded: only when the document lists it in recordedStatusVariants.',
      },
    ],
  };
  const defs: Json = {};
  // Follow refs until every schema the Job fields use is copied.
  for (let pending = [...used]; pending.length > 0; ) {
    const name = pending.pop()!;
    if (defs[name]) continue;
    const before = new Set(used);
    defs[name] = withLocalRefs(schemas[name], used);
    pending.push(...[...used].filter((n) => !before.has(n)));
  }
  const graphs: Json = {
    type: 'object',
    description: 'Graphs by name: each named graph holds exactly its listed jobs, plus seedJobs generated ones.',
    propertyNames: { pattern: parameters['GraphName']!.schema['pattern'] },
    additionalProperties: { $ref: '#/$defs/FixtureGraph' },
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://ges-jobs-kit.local/fixtures.schema.json',
    title: 'ges-jobs-kit fixture document',
    description:
      'The jobs a GES mock serves (docs/fixtures.md). Generated from openapi.yaml by scripts/gen-fixtures-schema.ts. ' +
      'validateFixtures checks more: unknown job fields (unless listed in extraJobFields) and the job invariants.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      now: instant(
        'The instant the document describes: relative forms count from it; a server started with the document starts its clock there.',
      ),
      seed: { type: 'integer', description: 'Engine seed for generated jobs and filled-in fields.' },
      extraJobFields: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Fields a real engine sends that the spec does not name; jobs may carry exactly these.',
      },
      recordedStatusVariants: {
        type: 'array',
        uniqueItems: true,
        items: { enum: [...statusVariants] },
        description:
          "Status variants of other engine versions (openapi.yaml x-ges-status-variants) that this document's jobs carry as recorded; served as given.",
      },
      recording: { type: 'object', description: 'Free-form notes of a recording.' },
      graphs: { ...graphs, description: `Graphs of every project. ${graphs['description'] as string}` },
      projects: {
        type: 'object',
        description: 'Graphs of one project; a graph named here replaces the same graph of `graphs` for that project.',
        propertyNames: { pattern: parameters['ProjectId']!.schema['pattern'] },
        additionalProperties: {
          type: 'object',
          required: ['graphs'],
          additionalProperties: false,
          properties: {
            now: instant("The project's own clock: its relative forms count from it, and it runs that far from the document's now."),
            graphs,
          },
        },
      },
    },
    $defs: {
      FixtureGraph: {
        type: 'object',
        additionalProperties: false,
        properties: {
          jobs: { type: 'array', items: { $ref: '#/$defs/FixtureJob' } },
          seedJobs: { type: 'integer', minimum: 0, maximum: 100_000, description: 'Realistic generated jobs added to the listed ones.' },
        },
      },
      FixtureJob: {
        type: 'object',
        description: "Any of the spec's Job fields (what is left out is filled consistently), plus relative and lifecycle forms.",
        properties: {
          ...jobProperties,
          startedAgo: duration('Submitted this long before now, e.g. "5m" (instead of startTime).'),
          endedAgo: duration('A finished job ended this long before now (instead of endTime).'),
          runFor: duration(
            'Makes a pending or running job live: pending, how long it runs once started; running, how much longer it runs.',
          ),
          pendingFor: duration('A living pending job starts running this long after now (default 30s).'),
          runsAt: instant('When a living job starts (pending) or started (running) running.'),
          endsAt: instant('When a living job finishes (instead of runFor).'),
          outcome: {
            enum: ['success', 'failed'],
            description: 'How a living job ends (default success; failed when failReason is given).',
          },
        },
      },
      ...defs,
    },
  };
}

const path = fileURLToPath(new URL('../fixtures.schema.json', import.meta.url));
const render = () => `${JSON.stringify(buildFixtureSchema(), null, 2)}\n`;

/** Whether the committed file is what the spec gives now. */
export async function isFixtureSchemaCurrent(): Promise<boolean> {
  return (await readFile(path, 'utf8').catch(() => '')) === render();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--check')) {
    if (!(await isFixtureSchemaCurrent())) {
      process.stderr.write('fixtures.schema.json is stale: run npx tsx scripts/gen-fixtures-schema.ts\n');
      process.exit(1);
    }
  } else {
    await writeFile(path, render());
  }
}
