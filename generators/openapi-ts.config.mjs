// @hey-api/openapi-ts: types, the SDK with its fetch client, and zod schemas (zod 4, as installed).
// GENERATORS_SPEC: another spec to run the matrix on (run-matrix.sh sets it; default openapi.yaml).
const spec = process.env.GENERATORS_SPEC ?? '../openapi.yaml';

export default {
  input: spec,
  output: 'out/hey-api',
  plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch', 'zod'],
};
