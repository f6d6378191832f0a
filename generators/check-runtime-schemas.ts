/**
 * The zod schemas that the generators emit, against live bodies of the mock: each must accept a list
 * page and an error envelope exactly as the mock sends them, keep every field while parsing, and
 * reject a broken job or envelope. Run by run-matrix.sh (`node --import tsx --test`) after the
 * generators have written out/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock } from '../src/clocks.js';
import { openapiDocument } from '../src/generated/openapi-document.js';
import { startGesServer, type GesServer } from '../src/server/index.js';
import { zGesError, zListJobsResponse } from './out/hey-api/zod.gen';
import { schemas } from './out/openapi-zod-client/schemas';
import { ListJobs200Response, ListJobs400Response } from './out/orval/zod';
import { EndpointByMethod } from './out/typed-openapi/api';

/** The part of a zod schema these checks use, the same in every generator's output. */
interface Parser {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

const LIST_PATH = '/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status';
const typedOpenapiList = EndpointByMethod.get[LIST_PATH].responses.shape;

/**
 * Each generator's schema for the list page (200) and for the error envelope (400).
 * `unionConstraints`: whether the generator keeps minimum/maximum/pattern on the members of a
 * `oneOf` (progress is an integer 0-100 or a digit string); openapi-zod-client and typed-openapi
 * emit a bare z.union([z.number(), z.string()]), so they cannot reject progress "abc".
 */
const generators: Record<string, { listPage: Parser; error: Parser; unionConstraints: boolean }> = {
  '@hey-api/openapi-ts (zod plugin)': { listPage: zListJobsResponse, error: zGesError, unionConstraints: true },
  'orval (zod client)': { listPage: ListJobs200Response, error: ListJobs400Response, unionConstraints: true },
  'openapi-zod-client': { listPage: schemas.JobList, error: schemas.GesError, unionConstraints: false },
  'typed-openapi (zod runtime, from the endpoint declaration)': {
    listPage: typedOpenapiList['200'],
    error: typedOpenapiList['400'],
    unionConstraints: false,
  },
};

const projectParameter = openapiDocument.components?.parameters?.['ProjectId'] as { example: string };
const project = projectParameter.example;

let server: GesServer;
let listPage: { jobs: Array<Record<string, unknown>>; jobCount: number };
let errorEnvelope: Record<string, unknown>;

async function getJson(path: string, status: number): Promise<any> {
  const response = await fetch(`${server.url}/ges/v1.0/${project}/graphs/${path}`, { headers: { 'x-auth-token': 'generator-matrix' } });
  assert.equal(response.status, status, `GET ${path}`);
  return response.json();
}

before(async () => {
  server = await startGesServer({ port: 0, clock: createManualClock() });
  listPage = await getJson('movie/jobs/status', 200);
  errorEnvelope = await getJson('no_such_graph/jobs/status', 400);
  assert.ok(
    listPage.jobs.some((job) => Array.isArray(job['files']) && job['files'].length > 0),
    'the live page holds an import job with its files',
  );
  assert.ok(
    listPage.jobs.some((job) => job['status'] === 'failed'),
    'the live page holds a failed job',
  );
});
after(() => server.close());

/** A copy of the first job of the live page, changed by `edit`, as a one-job page. */
function pageWithBrokenJob(edit: (job: Record<string, unknown>) => void): unknown {
  const job = structuredClone(listPage.jobs[0]!);
  edit(job);
  return { jobs: [job], jobCount: 1 };
}

for (const [name, { listPage: listSchema, error: errorSchema, unionConstraints }] of Object.entries(generators)) {
  describe(name, () => {
    it('parses a live list page of the mock and keeps every field of every job', () => {
      const result = listSchema.safeParse(listPage);
      assert.ok(result.success, JSON.stringify(result));
      assert.deepEqual(result.data, listPage);
    });

    it('parses a live error envelope of the mock, result "failed" included', () => {
      const result = errorSchema.safeParse(errorEnvelope);
      assert.ok(result.success, JSON.stringify(result));
      assert.deepEqual(result.data, errorEnvelope);
    });

    it('rejects a job without jobId', () => {
      assert.equal(listSchema.safeParse(pageWithBrokenJob((job) => delete job['jobId'])).success, false);
    });

    it('rejects a job whose progress is neither a number nor a string', () => {
      assert.equal(listSchema.safeParse(pageWithBrokenJob((job) => (job['progress'] = true))).success, false);
    });

    if (unionConstraints) {
      it('rejects a job whose progress is "abc" or "101"', () => {
        assert.equal(listSchema.safeParse(pageWithBrokenJob((job) => (job['progress'] = 'abc'))).success, false);
        assert.equal(listSchema.safeParse(pageWithBrokenJob((job) => (job['progress'] = '101'))).success, false);
      });
    }

    it('rejects a job whose status is not one of the four', () => {
      assert.equal(listSchema.safeParse(pageWithBrokenJob((job) => (job['status'] = 'done'))).success, false);
    });

    it('rejects an error envelope whose result is not "failed"', () => {
      assert.equal(errorSchema.safeParse({ ...errorEnvelope, result: 'success' }).success, false);
    });
  });
}
