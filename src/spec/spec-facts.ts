/**
 * The facts the code needs from openapi.yaml, read from the generated document instead of restated:
 * the path-parameter patterns, the paging bounds and defaults, the documented example values and the
 * job status values. The HTTP layer, the contract kit and the command-line help all read them here,
 * so a change to the spec changes them everywhere (a test fails when a file restates one by hand).
 */
import { openapiDocument } from '../generated/openapi-document.js';

type Json = Record<string, unknown>;

/** A reusable parameter of `components.parameters`; throws at import for a name the spec lacks. */
function parameter(name: string): { schema: Json; example: unknown } {
  const found = openapiDocument.components.parameters?.[name] as { schema?: Json | undefined; example?: unknown } | undefined;
  if (!found?.schema) throw new Error(`openapi.yaml has no parameter ${name} with a schema`);
  return { schema: found.schema, example: found.example };
}

function patternOf(name: string): RegExp {
  const { pattern } = parameter(name).schema;
  if (typeof pattern !== 'string') throw new Error(`openapi.yaml parameter ${name} has no pattern`);
  return new RegExp(pattern);
}

function numberOf(name: string, keyword: 'minimum' | 'maximum' | 'default' | 'maxLength'): number {
  const value = parameter(name).schema[keyword];
  if (typeof value !== 'number') throw new Error(`openapi.yaml parameter ${name} has no ${keyword}`);
  return value;
}

/** The inclusive range and the default of an integer query parameter. */
export interface IntegerBounds {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

const boundsOf = (name: string): IntegerBounds => ({
  min: numberOf(name, 'minimum'),
  max: numberOf(name, 'maximum'),
  default: numberOf(name, 'default'),
});

/** What `project_id` must match (parameter ProjectId). */
export const projectIdPattern: RegExp = patternOf('ProjectId');

/** What `graph_name` must match (parameter GraphName). */
export const graphNamePattern: RegExp = patternOf('GraphName');

/** The longest `job_id` accepted (parameter JobId). */
export const jobIdMaxLength: number = numberOf('JobId', 'maxLength');

/** `limit` of the list and of a job's result: range and default (parameter Limit). */
export const limitBounds: IntegerBounds = boundsOf('Limit');

/** `offset` of the list and of a job's result: range and default (parameter Offset). */
export const offsetBounds: IntegerBounds = boundsOf('Offset');

/** The spec's example project id, for help texts and ready-made commands. */
export const exampleProjectId: string = String(parameter('ProjectId').example);

/** The spec's example graph name. */
export const exampleGraphName: string = String(parameter('GraphName').example);

const jobStatusSchema = openapiDocument.components.schemas.JobStatusValue as Json;

/** Status spellings of other engine versions (`x-ges-status-variants`): warnings, not failures. */
export const statusVariants: readonly string[] = (jobStatusSchema['x-ges-status-variants'] as string[] | undefined) ?? [];
