/**
 * Facts the kit reads from openapi.yaml instead of restating them: here, the job status values and
 * the spellings other engine versions use.
 */
import { openapiDocument } from '../generated/openapi-document.js';

type Json = Record<string, unknown>;

const jobStatusSchema = openapiDocument.components.schemas.JobStatusValue as Json;

/** The job status values the spec's enum allows (pending, running, success, failed). */
export const documentedStatuses: readonly string[] = (jobStatusSchema.enum as string[] | undefined) ?? [];

/** Status spellings of other engine versions (`x-ges-status-variants`): warnings, not failures. */
export const statusVariants: readonly string[] = (jobStatusSchema['x-ges-status-variants'] as string[] | undefined) ?? [];
