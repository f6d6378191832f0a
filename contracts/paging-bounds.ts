/**
 * The bounds of the listJobs `limit` and `offset` query parameters, read from openapi.yaml
 * (components.parameters Limit and Offset), so the checks probe exactly the spec's edges.
 */
import { openapiDocument } from '../src/generated/openapi-document.js';

interface IntegerSchema {
  minimum: number;
  maximum: number;
  default: number;
}

const schemaOf = (name: 'Limit' | 'Offset') => (openapiDocument.components.parameters?.[name] as { schema: IntegerSchema }).schema;

/** limit: 0 to 100000, default 100000; offset: 0 to 2147483647, default 0 (as the spec says today). */
export const pagingBounds = {
  limit: { minimum: schemaOf('Limit').minimum, maximum: schemaOf('Limit').maximum, default: schemaOf('Limit').default },
  offset: { minimum: schemaOf('Offset').minimum, maximum: schemaOf('Offset').maximum, default: schemaOf('Offset').default },
} as const;
