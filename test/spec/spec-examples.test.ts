import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../src/generated/openapi-document.js';
import { getResponseExamples, resolveRef, specOperations } from '../../src/spec/spec-examples.js';
import { createSpecValidator } from '../../src/spec/spec-validator.js';

type Json = Record<string, any>;
const validator = createSpecValidator();
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every (schema pointer, example value, where) the document holds: media examples, parameter examples, schema examples. */
function collectExamples(): { where: string; pointer: string; value: unknown }[] {
  const found: { where: string; pointer: string; value: unknown }[] = [];
  const media = (mediaObject: Json, pointer: string, where: string) => {
    if (!mediaObject?.schema) return;
    if ('example' in mediaObject) found.push({ where, pointer: `${pointer}/schema`, value: mediaObject.example });
    for (const [name, example] of Object.entries<Json>(mediaObject.examples ?? {})) {
      found.push({ where: `${where} example ${name}`, pointer: `${pointer}/schema`, value: resolveRef<Json>(example).value });
    }
  };
  const walkResponses = (responses: Json, base: string, where: string) => {
    for (const [status, raw] of Object.entries<Json>(responses)) {
      const pointer = typeof raw.$ref === 'string' ? raw.$ref : `${base}/${status}`;
      const response = resolveRef<Json>(raw);
      for (const [type, mediaObject] of Object.entries<Json>(response.content ?? {})) {
        media(mediaObject, `${pointer}/content/${escapePointer(type)}`, `${where} ${status}`);
      }
    }
  };
  for (const [path, item] of Object.entries<Json>(openapiDocument.paths)) {
    for (const [method, operation] of Object.entries<Json>(item)) {
      const base = `#/paths/${escapePointer(path)}/${method}`;
      walkResponses(operation.responses, `${base}/responses`, operation.operationId);
      for (const [type, mediaObject] of Object.entries<Json>(operation.requestBody?.content ?? {})) {
        media(mediaObject, `${base}/requestBody/content/${escapePointer(type)}`, `${operation.operationId} request`);
      }
    }
  }
  for (const [name, parameter] of Object.entries(openapiDocument.components.parameters ?? {}) as [string, Json][]) {
    if ('example' in parameter)
      found.push({ where: `parameter ${name}`, pointer: `#/components/parameters/${name}/schema`, value: parameter.example });
  }
  // `examples` arrays inside schemas (JSON Schema 2020-12 annotations) must match their own schema too.
  const walkSchema = (schema: unknown, pointer: string) => {
    if (!schema || typeof schema !== 'object') return;
    const node = schema as Json;
    if (Array.isArray(node.examples) && (node.type || node.$ref || node.enum)) {
      node.examples.forEach((value: unknown, i: number) => found.push({ where: `${pointer} examples[${i}]`, pointer, value }));
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'examples') walkSchema(child, `${pointer}/${escapePointer(key)}`);
    }
  };
  walkSchema(openapiDocument.components.schemas, '#/components/schemas');
  return found;
}

/** The two JSON bodies the GES page shows (200 and 400), parsed from the page's text as published. */
function seedExamplesFromThePage(): { ok: unknown; graphNotFound: unknown } {
  const page = readFileSync(new URL('../../docs/reference/listing-jobs-2.2.13.txt', import.meta.url), 'utf8');
  const okText = page.slice(page.indexOf('成功响应示例') + '成功响应示例'.length, page.indexOf('状态码: 400'));
  const errorText = page.slice(page.indexOf('Http Status Code: 400') + 'Http Status Code: 400'.length, page.indexOf('状态码\n'));
  return { ok: JSON.parse(okText), graphNotFound: JSON.parse(errorText) };
}

describe('openapi.yaml examples', () => {
  const examples = collectExamples();

  it('holds examples for every documented response of every operation', () => {
    for (const operation of specOperations) {
      for (const status of operation.statuses) {
        expect(getResponseExamples(operation.operationId, status).length, `${operation.operationId} ${status}`).toBeGreaterThan(0);
      }
    }
    expect(examples.length).toBeGreaterThan(40);
  });

  it.each(examples.map((e) => [e.where, e] as const))('%s validates against its own schema', (_where, example) => {
    expect(validator.validate(example.pointer, example.value)).toEqual([]);
  });

  it("includes the GES page's 200 and 400 examples unchanged", () => {
    const seed = seedExamplesFromThePage();
    const listOk = getResponseExamples('listJobs', '200').find((e) => e.name === 'SeedExample');
    const listBad = getResponseExamples('listJobs', '400').find((e) => e.name === 'GraphNotFound');
    expect(listOk?.value).toStrictEqual(seed.ok);
    expect(listBad?.value).toStrictEqual(seed.graphNotFound);
    // Key order too: "unchanged" means what a reader of the page sees.
    expect(JSON.stringify(listOk?.value)).toBe(JSON.stringify(seed.ok));
  });

  it('rejects bodies that break the Job invariants the schema encodes', () => {
    const pointer = '#/components/schemas/Job';
    const base = {
      jobId: 'j1',
      rawRequest: '',
      taskType: 'Algorithm',
      canStop: false,
      progress: '100',
      startTime: '2024-05-23 09:54:00',
      endTime: '2024-05-23 09:54:01',
      status: 'success',
    };
    expect(validator.validate(pointer, base)).toEqual([]);
    expect(validator.validate(pointer, { ...base, status: 'failed' })).not.toEqual([]); // failed without failReason
    expect(validator.validate(pointer, { ...base, failReason: 'x' })).not.toEqual([]); // failReason on success
    expect(validator.validate(pointer, { ...base, files: [] })).not.toEqual([]); // files on an Algorithm job
    expect(validator.validate(pointer, { ...base, progress: '99' })).not.toEqual([]); // success below 100
    expect(validator.validate(pointer, { ...base, canStop: true })).not.toEqual([]); // finished yet stoppable
    const { endTime: _omit, ...unfinished } = base;
    expect(validator.validate(pointer, { ...unfinished, status: 'pending', progress: 0, canStop: true })).toEqual([]);
    expect(validator.validate(pointer, { ...unfinished, status: 'pending', progress: '5', canStop: true })).not.toEqual([]);
    expect(validator.validate(pointer, { ...base, status: 'running', progress: '50', canStop: true })).not.toEqual([]); // running with endTime
    expect(validator.validate(pointer, { ...base, progress: 100, taskType: 'ExportGraph' })).toEqual([]); // integer progress, open taskType
    expect(validator.validate(pointer, { ...base, progress: '101' })).not.toEqual([]);
  });
});

describe('the Listing Jobs operation', () => {
  it('has exactly project_id and graph_name in the path and limit and offset in the query', () => {
    const operation = openapiDocument.paths['/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status']?.get as Json;
    const parameters = (operation.parameters as Json[]).map((p) => resolveRef<Json>(p)).map((p) => `${p.in}:${p.name}`);
    expect(parameters.sort()).toEqual(['path:graph_name', 'path:project_id', 'query:limit', 'query:offset']);
  });

  it('documents limit and offset with the bounds and defaults the GES page gives', () => {
    const limit = resolveRef<Json>({ $ref: '#/components/parameters/Limit' }).schema;
    const offset = resolveRef<Json>({ $ref: '#/components/parameters/Offset' }).schema;
    expect(limit).toMatchObject({ type: 'integer', minimum: 0, maximum: 100000, default: 100000 });
    expect(offset).toMatchObject({ type: 'integer', minimum: 0, default: 0 });
  });

  it('documents all six error statuses the page lists, each with the GES envelope', () => {
    for (const operation of specOperations) {
      for (const status of ['400', '401', '403', '404', '500', '503']) {
        expect(operation.statuses, operation.operationId).toContain(status);
        for (const { value } of getResponseExamples(operation.operationId, status)) {
          expect(validator.validate('#/components/schemas/GesError', value)).toEqual([]);
        }
      }
    }
  });
});
