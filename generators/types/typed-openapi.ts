import type { z } from 'zod';
import type { EndpointByMethod, GesError, Job } from '../out/typed-openapi/api';
import { expectTrue, type KeepsEveryJobField, type ResultIsTheFailedLiteral } from './job-fields';

type ListJobsEndpoint = EndpointByMethod['get']['/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status'];

expectTrue<KeepsEveryJobField<Job>>();
expectTrue<KeepsEveryJobField<z.infer<ListJobsEndpoint['responses']['shape']['200']>['jobs'][number]>>();
expectTrue<ResultIsTheFailedLiteral<GesError>>();
