/**
 * Routing of the four GES operations. Matching is on raw (still percent-encoded) segments, so a
 * malformed %-escape cannot break routing; parameters are decoded later, where a bad escape is a 400.
 */
import type { OperationId } from '../types.js';

/** A matched operation and its raw path parameters. */
export interface RouteMatch {
  /** One of the operations routed here; the spec's other operations are not served yet (a 404). */
  operationId: Extract<OperationId, 'listJobs' | 'getJobStatus' | 'cancelJob' | 'executeAlgorithm'>;
  /** project_id, graph_name and (for job routes) job_id, still percent-encoded. */
  project: string;
  graph: string;
  jobId?: string | undefined;
}

/** Splits a request target into path and query; accepts absolute-form targets (`http://host/p?q`). */
export function splitTarget(url: string): { path: string; search: string } {
  let target = url;
  if (target.charCodeAt(0) !== 47 /* '/' */) {
    const scheme = target.indexOf('://');
    if (scheme !== -1) {
      const slash = target.indexOf('/', scheme + 3);
      target = slash === -1 ? '/' : target.slice(slash);
    }
  }
  const q = target.indexOf('?');
  return q === -1 ? { path: target, search: '' } : { path: target.slice(0, q), search: target.slice(q + 1) };
}

const PREFIX = '/ges/v1.0/';

/**
 * The operation at `method path`, or undefined (a 404). Paths are
 * `/ges/v1.0/{project_id}/graphs/{graph_name}/` followed by `jobs/status`, `jobs/{job_id}/status`,
 * `jobs/{job_id}` or `action`.
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  if (!path.startsWith(PREFIX)) return undefined;
  // ['<project>', 'graphs', '<graph>', ...rest]
  const parts = path.slice(PREFIX.length).split('/');
  if (parts.length < 4 || parts[1] !== 'graphs') return undefined;
  const project = parts[0]!;
  const graph = parts[2]!;
  if (project === '' || graph === '') return undefined;
  const a = parts[3];
  switch (parts.length) {
    case 4:
      return a === 'action' && method === 'POST' ? { operationId: 'executeAlgorithm', project, graph } : undefined;
    case 5: {
      const b = parts[4]!;
      if (a !== 'jobs' || b === '') return undefined;
      if (method === 'GET' && b === 'status') return { operationId: 'listJobs', project, graph };
      if (method === 'DELETE') return { operationId: 'cancelJob', project, graph, jobId: b };
      return undefined;
    }
    case 6: {
      const jobId = parts[4]!;
      if (method === 'GET' && a === 'jobs' && jobId !== '' && parts[5] === 'status') {
        return { operationId: 'getJobStatus', project, graph, jobId };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Percent-decodes one path segment; undefined when the escape is malformed. */
export function decodeSegment(segment: string): string | undefined {
  if (segment.indexOf('%') === -1) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
