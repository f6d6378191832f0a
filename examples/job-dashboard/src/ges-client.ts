/**
 * The dashboard's typed GES client: openapi-fetch over the types generated from openapi.yaml. Paths,
 * parameters and bodies are checked by the compiler; a typo in a path or a missing `graph_name` does
 * not build. The same client talks to MSW in the browser and to the standalone mock behind Vite's proxy,
 * because both answer on the page's own origin.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../../../src/generated/openapi.js';
import type { AlgorithmRequest, Job } from '../../../src/types.js';

/** Where the dashboard points: a GES project and the token it sends. */
export interface GesTarget {
  baseUrl: string;
  projectId: string;
  token: string;
}

/** The typed operations the dashboard uses. */
export interface GesClient {
  listJobs(graph: string, page?: { limit?: number; offset?: number }): Promise<{ jobs: Job[]; jobCount: number }>;
  submitAlgorithm(graph: string, request: AlgorithmRequest): Promise<string>;
  cancelJob(graph: string, jobId: string): Promise<void>;
}

/** A GES call that answered with the error envelope. */
export class GesCallError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(`${status} ${errorCode}: ${message}`);
    this.name = 'GesCallError';
  }
}

/** Builds the dashboard's client over openapi-fetch. */
export function createGesClient(target: GesTarget): GesClient {
  const client = createClient<paths>({ baseUrl: target.baseUrl, headers: { 'X-Auth-Token': target.token } });
  const project_id = target.projectId;

  return {
    async listJobs(graph_name, page = {}) {
      const { data, error, response } = await client.GET('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status', {
        params: { path: { project_id, graph_name }, query: { limit: page.limit ?? 100, offset: page.offset ?? 0 } },
      });
      if (!data) throw toCallError(response, error);
      return { jobs: data.jobs, jobCount: data.jobCount };
    },
    async submitAlgorithm(graph_name, body) {
      const { data, error, response } = await client.POST('/ges/v1.0/{project_id}/graphs/{graph_name}/action', {
        params: { path: { project_id, graph_name }, query: { action_id: 'execute-algorithm' } },
        body,
      });
      // The URL also answers a synchronous Filtered-query with `data`; execute-algorithm answers a job.
      if (!data || !('jobId' in data)) throw toCallError(response, error);
      return data.jobId;
    },
    async cancelJob(graph_name, job_id) {
      const { data, error, response } = await client.DELETE('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}', {
        params: { path: { project_id, graph_name, job_id } },
      });
      if (!data) throw toCallError(response, error);
    },
  };
}

function toCallError(response: Response, error: unknown): GesCallError {
  const envelope = (error ?? {}) as { errorCode?: unknown; errorMessage?: unknown };
  return new GesCallError(
    response.status,
    typeof envelope.errorCode === 'string' ? envelope.errorCode : 'UNKNOWN',
    typeof envelope.errorMessage === 'string' ? envelope.errorMessage : response.statusText,
  );
}
