/**
 * The dashboard's typed GES client: openapi-fetch over the types generated from openapi.yaml. Paths,
 * parameters and bodies are checked by the compiler; a typo in a path or a missing `graph_name` does
 * not build. The same client talks to MSW in the browser and to the standalone mock behind Vite's proxy,
 * because both answer on the page's own origin.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../../src/generated/openapi.js';
import type { AlgorithmRequest, Job, JobStatus } from '../../../src/types.js';

type Schemas = components['schemas'];
/** The import-graph body (`action_id=import-graph`). */
export type ImportGraphRequest = Schemas['ImportGraphRequest'];
/** The export filtered vertices body (`vertices/action?action_id=export`). */
export type VertexExportRequest = Schemas['VertexExportRequest'];
/** The export-result body (`jobs/{job_id}/action?action_id=export-result`). */
type ExportJobResultRequest = Schemas['ExportJobResultRequest'];

/** Where the dashboard points: a GES project and the token it sends. */
export interface GesTarget {
  baseUrl: string;
  projectId: string;
  token: string;
}

/** The typed operations the dashboard uses; every submission answers the new job's id. */
export interface GesClient {
  listJobs(graph: string, page?: { limit?: number; offset?: number }): Promise<{ jobs: Job[]; jobCount: number }>;
  /** One job's status and, once it has finished, a page of its result. */
  getJobStatus(graph: string, jobId: string, page?: { limit?: number; offset?: number }): Promise<JobStatus>;
  submitAlgorithm(graph: string, request: AlgorithmRequest): Promise<string>;
  submitImport(graph: string, request: ImportGraphRequest): Promise<string>;
  exportVertices(graph: string, request: VertexExportRequest): Promise<string>;
  /** Exports the result of the finished job `jobId` (which, by default, then leaves the list). */
  exportJobResult(graph: string, jobId: string, request: ExportJobResultRequest): Promise<string>;
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

  /** One of the `/action` URL's actions. Its answer is a job, or a synchronous Filtered-query's `data`. */
  async function graphAction(
    graph_name: string,
    action_id: 'execute-algorithm' | 'import-graph',
    body: AlgorithmRequest | ImportGraphRequest,
  ): Promise<string> {
    const { data, error, response } = await client.POST('/ges/v1.0/{project_id}/graphs/{graph_name}/action', {
      params: { path: { project_id, graph_name }, query: { action_id } },
      body,
    });
    // Neither action answers `data` (only filtered-query does, when synchronous): narrow on jobId.
    if (!data || !('jobId' in data)) throw toCallError(response, error);
    return data.jobId;
  }

  return {
    async listJobs(graph_name, page = {}) {
      const { data, error, response } = await client.GET('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status', {
        params: { path: { project_id, graph_name }, query: { limit: page.limit ?? 100, offset: page.offset ?? 0 } },
      });
      if (!data) throw toCallError(response, error);
      return { jobs: data.jobs, jobCount: data.jobCount };
    },
    async getJobStatus(graph_name, job_id, page = {}) {
      const { data, error, response } = await client.GET('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}/status', {
        params: { path: { project_id, graph_name, job_id }, query: { limit: page.limit ?? 10, offset: page.offset ?? 0 } },
      });
      if (!data) throw toCallError(response, error);
      return data;
    },
    submitAlgorithm: (graph_name, body) => graphAction(graph_name, 'execute-algorithm', body),
    submitImport: (graph_name, body) => graphAction(graph_name, 'import-graph', body),
    async exportVertices(graph_name, body) {
      const { data, error, response } = await client.POST('/ges/v1.0/{project_id}/graphs/{graph_name}/vertices/action', {
        params: { path: { project_id, graph_name }, query: { action_id: 'export' } },
        body,
      });
      if (!data) throw toCallError(response, error);
      return data.jobId;
    },
    async exportJobResult(graph_name, job_id, body) {
      const { data, error, response } = await client.POST('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}/action', {
        params: { path: { project_id, graph_name, job_id }, query: { action_id: 'export-result' } },
        body,
      });
      if (!data) throw toCallError(response, error);
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
