import type { z } from 'zod';
import type { schemas } from '../out/openapi-zod-client/schemas';
import { expectTrue, type KeepsEveryJobField, type ResultIsTheFailedLiteral } from './job-fields';

expectTrue<KeepsEveryJobField<z.infer<typeof schemas.Job>>>();
expectTrue<KeepsEveryJobField<z.infer<typeof schemas.JobList>['jobs'][number]>>();
expectTrue<ResultIsTheFailedLiteral<z.infer<typeof schemas.GesError>>>();
