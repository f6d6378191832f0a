import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { loadAjv } from './load-ajv.js';
import { openapiDocument } from '../generated/openapi-document.js';

const SPEC_ID = 'https://ges-jobs-kit.local/openapi.json';

/** One reason a value does not match its schema, in the words a report shows. */
export interface SchemaViolation {
  /** JSON Pointer into the value, e.g. `/jobs/0/progress`. */
  path: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
  /**
   * Where in the spec the broken keyword is, e.g. `#/components/schemas/JobTime/pattern`, or relative
   * to the schema that holds it (`#/allOf/0/properties/jobId/minLength`): lets a caller tell which rule
   * of the spec a value breaks.
   */
  schemaPath: string;
}

/** Validates values against schemas of openapi.yaml with a JSON Schema 2020-12 validator. */
export interface SpecValidator {
  /**
   * Checks `value` against the schema at `pointer`, a JSON Pointer fragment into openapi.yaml such
   * as `#/components/schemas/JobList` (see getResponseSchemaPointer).
   */
  validate(pointer: string, value: unknown): SchemaViolation[];
}

function toViolation(error: ErrorObject): SchemaViolation {
  return {
    path: error.instancePath || '/',
    message: error.message ?? 'does not match the schema',
    keyword: error.keyword,
    params: error.params as Record<string, unknown>,
    schemaPath: error.schemaPath,
  };
}

/** Builds an Ajv 2020-12 validator that holds the whole spec, so every `#/...` ref resolves. */
export function createSpecValidator(): SpecValidator {
  // strict: false because OpenAPI adds keywords JSON Schema does not know (example, x-ges-*).
  const Ajv2020 = loadAjv();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // The OpenAPI integer formats, which JSON Schema does not define (unknown ones are logged and ignored).
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema(structuredClone(openapiDocument), SPEC_ID);
  const cache = new Map<string, ValidateFunction>();

  return {
    validate(pointer, value) {
      let fn = cache.get(pointer);
      if (!fn) {
        fn = ajv.getSchema(SPEC_ID + pointer);
        if (!fn) throw new Error(`openapi.yaml has no schema at ${pointer}`);
        cache.set(pointer, fn);
      }
      return fn(value) ? [] : (fn.errors ?? []).map(toViolation);
    },
  };
}

let sharedValidator: SpecValidator | undefined;

/** One validator per process, built on first use: compiling the spec is the expensive part. */
export function sharedSpecValidator(): SpecValidator {
  sharedValidator ??= createSpecValidator();
  return sharedValidator;
}

/** The violations of a body against the GES error envelope schema ([] when it is one). */
export function envelopeViolations(body: unknown): SchemaViolation[] {
  return sharedSpecValidator().validate('#/components/schemas/GesError', body);
}
