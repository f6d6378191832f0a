/**
 * Schemathesis' response checks, applied to every response of the run: no 5xx, a documented status,
 * JSON content, a body valid against openapi.yaml's schema for that operation and status (ajv over
 * the spec at run time). A schema violation is judged by the rule of the inventory that holds the
 * broken keyword: a type or a field the pages show is MUST, a constraint the spec decided (the time
 * forms, non-empty ids, non-negative counts) SHOULD. Documented status spellings are left to
 * status_in_documented_set, the job invariants to the jobs checks, and 401/403 bodies to
 * auth_error_envelope, since real ones are undocumented. An API that creates jobs and that the target
 * does not offer (404 or 405 to the kit's submission) is judged by the spec's decision for a path that
 * is no API, a SHOULD: no page says what an engine without it answers.
 */
import { getResponseSchemaPointer, getSpecOperation } from '../../src/spec/spec-examples.js';
import type { SchemaViolation } from '../../src/spec/spec-validator.js';
import type { CheckContext, CheckDefinition, Exchange } from '../contract-types.js';
import { sharedSpecValidator } from '../../src/spec/spec-validator.js';
import { ruleInventory, siteMatches, type RuleId } from '../rule-inventory.js';
import { specRuleSites } from '../spec-rule-sites.js';
import { describeAnswer, isAuthStatus } from './check-helpers.js';
import { otherSpellings, phaseOf, stateOf } from './job-states.js';
import { isNotOffered } from './kind-submissions.js';
import { describeSchema, describeViolations, valueAt } from '../describe-violations.js';

/** Every answered exchange, after making sure there is at least the default list (when the run judges it). */
async function answered(ctx: CheckContext): Promise<Exchange[]> {
  if (ctx.selects('listJobs')) await ctx.defaultList();
  return ctx.exchanges().filter((exchange) => exchange.response !== undefined);
}

/** A violation that is only a documented status spelling (waiting, complete, partiallyFailed): a SHOULD matter. */
function isVariantStatus(body: unknown, violation: SchemaViolation): boolean {
  return (
    violation.keyword === 'enum' && /(^|\/)status$/.test(violation.path) && otherSpellings.includes(valueAt(body, violation.path) as string)
  );
}

/** The body of an API gateway in front of the engine: its own error code, `APIGW.` and digits (the error-code page names them). */
const isGatewayBody = (body: unknown): boolean =>
  !!body && typeof body === 'object' && /^APIGW\./.test(String((body as Record<string, unknown>).error_code));

/** A job invariant (an if/then of the Job schema): the jobs checks judge it, each by its own rule. */
const isInvariant = (violation: SchemaViolation) => violation.keyword === 'if' || /\/(then|else)(\/|$)/.test(violation.schemaPath);

const CHECK = 'response_schema_conformance';
let siteIds: readonly string[] | undefined;

/**
 * The rule a violation breaks: the inventory rule (judged by this check) that holds the spec site of
 * the broken keyword; a MUST one when several do. A keyword no rule holds (a type) breaks what the
 * pages' tables and examples show: response.types.
 */
function ruleOfViolation(violation: SchemaViolation): RuleId {
  siteIds ??= specRuleSites().map((site) => site.id);
  const path = violation.schemaPath.replace(/^#\/?/, '').replace(/^components\//, '');
  const sites = siteIds.filter((id) => id === path || id.endsWith(`/${path}`));
  const rules = ruleInventory.filter(
    (rule) => rule.checks.includes(CHECK) && sites.some((site) => rule.sites.some((pattern) => siteMatches(pattern, site))),
  );
  return (rules.find((rule) => rule.level === 'must') ?? rules[0])?.id ?? 'response.types';
}

/** The checks of the conformance group. */
export const conformanceChecks: readonly CheckDefinition[] = [
  {
    id: 'not_a_server_error',
    group: 'conformance',
    phase: 'audit',
    description: 'No request of the run is answered with a 5xx or left without an answer.',
    async run(ctx) {
      await answered(ctx);
      const exchanges = ctx.exchanges();
      ctx.judged(exchanges.length);
      for (const exchange of exchanges) {
        const status = exchange.response?.status;
        if (status === undefined || status >= 500) {
          ctx.fail({
            rule: 'errors.engine-failure',
            message: `${exchange.request.method} ${exchange.operationId} ${status === undefined ? 'got no answer' : `answered ${status}`}`,
            expected: 'a 2xx or 4xx answer',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${exchanges.length} requests`);
    },
  },
  {
    id: 'status_code_conformance',
    group: 'conformance',
    phase: 'audit',
    description: 'Every status is one the spec documents for that operation.',
    async run(ctx) {
      for (const exchange of await answered(ctx)) {
        const { statuses } = getSpecOperation(exchange.operationId);
        const status = String(exchange.response?.status);
        ctx.judged();
        if (!statuses.includes(status) && isNotOffered(ctx, exchange)) {
          // The target does not offer this API: no page says what such an engine answers.
          ctx.fail({
            rule: 'errors.no-such-api',
            message: `${exchange.operationId} answered ${status}: the target does not offer it`,
            expected: '404 GES.8000, as the spec answers a path or method that is no API',
            actual: describeAnswer(exchange),
            exchange,
          });
        } else if (!statuses.includes(status)) {
          ctx.fail({
            rule: 'errors.documented-statuses',
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
    phase: 'audit',
    description: 'Every answer with a body is application/json, as the spec documents for every status.',
    async run(ctx) {
      for (const exchange of await answered(ctx)) {
        const response = exchange.response as NonNullable<Exchange['response']>;
        if (isAuthStatus(response.status) || response.text === '') continue;
        ctx.judged();
        const type = response.contentType;
        if (type !== 'application/json' && !(type?.startsWith('application/') && type.endsWith('+json'))) {
          ctx.fail({
            rule: 'response.media-type',
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
          exchange.operationId === 'getJobStatus' && phaseOf(fields.status) !== 'unfinished' && stateOf(fields.status) !== 'success';
        for (const field of ['errorCode', 'errorMessage'] as const) {
          if (field === 'errorMessage' && failedStatus) continue;
          const value = fields[field];
          if (value !== undefined && value !== '' && value !== null) {
            ctx.fail({
              rule: 'success.error-fields-empty',
              message: `${exchange.operationId} answered 200 with ${field} ${JSON.stringify(value)}`,
              expected: `${field} empty or absent on success`,
              actual: describeAnswer(exchange),
              exchange,
            });
          }
        }
      }
      ctx.judged(judged);
      ctx.note(`${judged} success bodies`);
    },
  },
  {
    id: 'response_schema_conformance',
    group: 'conformance',
    phase: 'audit',
    description:
      "Every body validates against openapi.yaml's schema for its operation and status (what the pages show fails; what the spec decided warns).",
    async run(ctx) {
      const validator = sharedSpecValidator();
      let validated = 0;
      for (const exchange of await answered(ctx)) {
        const response = exchange.response as NonNullable<Exchange['response']>;
        if (isAuthStatus(response.status)) continue;
        const pointer = getResponseSchemaPointer(exchange.operationId, String(response.status));
        if (!pointer) continue; // undocumented status: status_code_conformance says so
        if (response.bodyNotRecorded) continue; // a recording without the body: nothing to validate
        validated++;
        // An API the target does not offer: what its 404 carries is the spec's decision, not a page's.
        const notOffered = isNotOffered(ctx, exchange);
        if (response.json === undefined) {
          ctx.fail({
            rule: notOffered ? 'errors.no-such-api' : 'response.types',
            message: `${exchange.operationId} ${response.status}: the body is not JSON${response.jsonError ? ` (${response.jsonError})` : ''}`,
            expected: `JSON valid against ${describeSchema(pointer)}`,
            actual: describeAnswer(exchange),
            exchange,
          });
          continue;
        }
        if (response.status >= 400 && isGatewayBody(response.json)) {
          ctx.fail({
            rule: 'errors.gateway-body',
            message: `${exchange.operationId} ${response.status}: the body is an API gateway's (${String((response.json as Record<string, unknown>).error_code)}), not the GES envelope`,
            expected: `a body valid against ${describeSchema(pointer)}`,
            actual: describeAnswer(exchange),
            exchange,
          });
          continue;
        }
        const violations = validator.validate(pointer, response.json).filter((v) => !isVariantStatus(response.json, v) && !isInvariant(v));
        // One finding per rule broken, so each says what it rests on.
        const byRule = new Map<RuleId, SchemaViolation[]>();
        for (const violation of violations) {
          const rule = notOffered ? 'errors.no-such-api' : ruleOfViolation(violation);
          byRule.set(rule, [...(byRule.get(rule) ?? []), violation]);
        }
        for (const [rule, broken] of byRule) {
          const described = describeViolations(response.json, broken);
          const shown = described.slice(0, 3);
          ctx.fail({
            rule,
            message: `${exchange.operationId} ${response.status}: ${shown.join('; ')}${described.length > 3 ? `; and ${described.length - 3} more` : ''}`,
            expected: `a body valid against ${describeSchema(pointer)}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.judged(validated);
      ctx.note(`${validated} bodies validated`);
    },
  },
];
