import type { z } from 'zod';
import type { listJobs } from '../out/hey-api/sdk.gen';
import type { GesError, Job, ListJobsResponses } from '../out/hey-api/types.gen';
import type { zGesError, zJob, zListJobsResponse } from '../out/hey-api/zod.gen';
import { expectTrue, type KeepsEveryJobField, type ResultIsTheFailedLiteral } from './job-fields';

expectTrue<KeepsEveryJobField<Job>>();
expectTrue<KeepsEveryJobField<ListJobsResponses[200]['jobs'][number]>>();
expectTrue<KeepsEveryJobField<Awaited<ReturnType<typeof listJobs<true>>>['data']['jobs'][number]>>();
expectTrue<ResultIsTheFailedLiteral<GesError>>();
expectTrue<KeepsEveryJobField<z.infer<typeof zJob>>>();
expectTrue<KeepsEveryJobField<z.infer<typeof zListJobsResponse>['jobs'][number]>>();
expectTrue<ResultIsTheFailedLiteral<z.infer<typeof zGesError>>>();
