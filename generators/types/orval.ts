import type { z } from 'zod';
import type { GesError, Job, listJobs } from '../out/orval/client';
import type { ListJobs200Response, ListJobs400Response } from '../out/orval/zod';
import { expectTrue, type KeepsEveryJobField, type ResultIsTheFailedLiteral } from './job-fields';

type ListJobsOk = Extract<Awaited<ReturnType<typeof listJobs>>, { status: 200 }>;

expectTrue<KeepsEveryJobField<Job>>();
expectTrue<KeepsEveryJobField<ListJobsOk['data']['jobs'][number]>>();
expectTrue<ResultIsTheFailedLiteral<GesError>>();
expectTrue<KeepsEveryJobField<z.infer<typeof ListJobs200Response>['jobs'][number]>>();
expectTrue<ResultIsTheFailedLiteral<z.infer<typeof ListJobs400Response>>>();
