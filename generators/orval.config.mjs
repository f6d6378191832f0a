// orval reads its configuration from a file: a fetch client with its model types, and zod schemas
// for every status (generateEachHttpStatus), so the error envelope gets a schema too.
// GENERATORS_SPEC: another spec to run the matrix on (run-matrix.sh sets it; default openapi.yaml).
const spec = process.env.GENERATORS_SPEC ?? '../openapi.yaml';

export default {
  fetch: {
    input: spec,
    output: { target: './out/orval/client.ts', client: 'fetch', mode: 'single' },
  },
  zod: {
    input: spec,
    output: {
      target: './out/orval/zod.ts',
      client: 'zod',
      mode: 'single',
      override: { zod: { generateEachHttpStatus: true } },
    },
  },
};
