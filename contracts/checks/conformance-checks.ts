/**
 * Schemathesis' response checks, applied to every response of the run: no 5xx, a documented status,
 * JSON content, a body valid against openapi.yaml's schema for that operation and status (ajv over
 * the spec at run time). Known status variants are left to status_in_documented_set (SHOULD), and
 * 401/403 bodies to auth_error_envelope, since the reference calls real ones unknown.
 */
import { getResponseSchemaPointer, getSpecOperation } from '../../src/spec/spec-examples.js';
import type { SchemaViolation } from '../../src/spec/spec-validator.js';
import type { CheckContext, ContractCheck, Exchange } from '../contract-types.js';
import { statusVariants } from '../../src/spec/spec-facts.js';
import { sharedSpecValidator } from '../../src/spec/spec-validator.js';
import { describeAnswer, isAuthStatus } from './check-helpers.js';
import { describeSchema, describeViolations, valueAt } from '../describe-violations.js';

/** Every answered exchange, after making sure there is at least the default list. */
async function answered(ctx: CheckContext): Promise<Exchange[]> {
  await ctx.defaultList();
  return ctx.exchanges().filter((exchange) => exchange.response !== undefined);
}

/** A violation that is only a known status variant (complete, partiallyFailed): a SHOULD matter. */
function isVariantStatus(body: unknown, violation: SchemaViolation): boolean {
  return (
    violation.keyword === 'enum' && /(^|\/)status$/.test(violation.path) && statusVariants.includes(valueAt(body, violation.path) as string)
  );
}

/** The checks of the conformance group. */
export const conformanceChecks: readonly ContractCheck[] = [
  {
    id: 'not_a_server_error',
    group: 'conformance',
    level: 'must',
    phase: 'audit',
    description: 'No request of the run is answered with a 5xx or left without an answer.',
    async run(ctx) {
      await ctx.defaultList();
      for (const exchange of ctx.exchanges()) {
        const status = exchange.response?.status;
        if (status === undefined || status >= 500) {
          ctx.fail({
            message: `${exchange.request.method} ${exchange.operationId} ${status === undefined ? 'got no answer' : `answered ${status}`}`,
            expected: 'a 2xx or 4xx answer',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${ctx.exchanges().length} requests`);
    },
  },
  {
    id: 'status_code_conformance',
    group: 'conformance',
    level: 'must',
    phase: 'audit',
    description: 'Every status is one the spec documents for that operation.',
    async run(ctx) {
      for (const exchange of await answered(ctx)) {
        const { statuses } = getSpecOperation(exchange.operationId);
        const status = String(exchange.response?.status);
        if (!statuses.includes(status)) {
          ctx.fail({
            message: `${exchange.operationId} answered ${status}, which it does not document`,
            expected: statuses.join(', '),
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
    },
  },
  {
    id: 'content_type_conformance',
    group: 'conformance',
    level: 'must',
    phase: 'audit',
    description: 'Every answer with a body is application/json, as the spec documents for every status.',
    async run(ctx) {
      for (const exchange of await answered(ctx)) {
        const response = exchange.response as NonNullable<Exchange['response']>;
        if (isAuthStatus(response.status) || response.text === '') continue;
        const type = response.contentType;
        if (type !== 'application/json' && !(type?.startsWith('application/') && type.endsWith('+json'))) {
          ctx.fail({
            message: `${exchange.operationId} answered ${response.status} as ${type ?? '(no content-type)'}`,
            expected: 'application/json',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
    },
  },
  {
    id: 'success_without_error_fields',
    group: 'conformance',
    level: 'must',
    phase: 'audit',
    description:
      "A 200 body sends errorCode and errorMessage empty or not at all (a failed job's status carries its failReason as errorMessage).",
    async run(ctx) {
      let judged = 0;
      for (const exchange of await answered(ctx)) {
        if (exchange.response?.status !== 200) continue;
        const body = exchange.response.json;
        if (!body || typeof body !== 'object' || Array.isArray(body)) continue;
        judged++;
        const fields = body as Record<string, unknown>;
        const failedStatus =
          exchange.operationId === 'getJobStatus' &&
          fields.status !== 'success' &&
          fields.status !== 'running' &&
          fields.status !== 'pending';
        for (const field of ['errorCode', 'errorMessage'] as const) {
          if (field === 'errorMessage' && failedStatus) continue;
          const value = fields[field];
          if (value !== undefined && value !== '' && value !== null) {
            ctx.fail({
              message: `${exchange.operationId} answered 200 with ${field} ${JSON.stringify(value)}`,
              expected: `${field} empty or absent on success`,
              actual: describeAnswer(exchange),
              exchange,
            });
          }
        }
      }
      ctx.note(`${judged} success bodies`);
    },
  },
  {
    id: 'response_schema_conformance',
    group: 'conformance',
    level: 'must',
    phase: 'audit',
    description: "Every body validates against openapi.yaml's schema for its operation and status.",
    async run(ctx) {
      const validator = sharedSpecValidator();
      let validated = 0;
      for (const exchange of await answered(ctx)) {
        const response = exchange.response as NonNullable<Exchange['response']>;
        if (isAuthStatus(response.status)) continue;
        const pointer = getResponseSchemaPointer(exchange.operationId, String(response.status));
        if (!pointer) continue; // undocumented status: status_code_conformance says so
        if (response.bodyNotRecorded) continue; // a recording without the body: nothing to validate
        if (response.json === undefined) {
          ctx.fail({
            message: `${exchange.operationId} ${response.status}: the body is not JSON${response.jsonError ? ` (${response.jsonError})` : ''}`,
            expected: `JSON valid against ${describeSchema(pointer)}`,
            actual: describeAnswer(exchange),
            exchange,
          });
          continue;
        }
        validated++;
        const violations = validator
          .validate(pointer, response.json)
          .filter((v) => !isVariantStatus(response.json, v) && v.keyword !== 'if');
        if (violations.length > 0) {
          const described = describeViolations(response.json, violations);
          const shown = described.slice(0, 3);
          ctx.fail({
            message: `${exchange.operationId} ${response.status}: ${shown.join('; ')}${described.length > 3 ? `; and ${described.length - 3} more` : ''}`,
            expected: `a body valid against ${describeSchema(pointer)}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${validated} bodies validated`);
    },
  },
];
