import type { components, paths } from '../out/openapi-typescript/schema';
import { expectTrue, type KeepsEveryJobField, type ResultIsTheFailedLiteral } from './job-fields';

type ListPage = paths['/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status']['get']['responses'][200]['content']['application/json'];

expectTrue<KeepsEveryJobField<components['schemas']['Job']>>();
expectTrue<KeepsEveryJobField<ListPage['jobs'][number]>>();
expectTrue<ResultIsTheFailedLiteral<components['schemas']['GesError']>>();
