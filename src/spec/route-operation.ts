/**
 * The one router of the kit, derived from openapi.yaml's paths: the mock answers with it, and the
 * contract kit's HAR reader and the proxy name recorded traffic with it, so a request means the same
 * operation everywhere. Matching is on raw (still percent-encoded) segments, so a malformed %-escape
 * cannot break routing; parameters are decoded later, where a bad escape is a 400.
 */
import type { OperationId } from '../types.js';
import { specOperations } from './spec-examples.js';

/** A matched operation and its raw path parameters, by the spec's names (`project_id`, `graph_name`, ...). */
export interface OperationMatch {
  readonly operationId: OperationId;
  readonly params: Readonly<Record<string, string>>;
}

interface Template {
  readonly operationId: OperationId;
  readonly method: string;
  /** Literal segments as strings; parameters as `{ name }`. */
  readonly segments: readonly (string | { name: string })[];
  /** More literal segments first: `jobs/status` wins over `jobs/{job_id}`. */
  readonly literals: number;
}

const PREFIX = '/ges/';

const templates: readonly Template[] = specOperations
  .map((operation) => {
    const segments = operation.path
      .split('/')
      .slice(1)
      .map((segment) => (segment.startsWith('{') && segment.endsWith('}') ? { name: segment.slice(1, -1) } : segment));
    return {
      operationId: operation.operationId,
      method: operation.method,
      segments,
      literals: segments.filter((s) => typeof s === 'string').length,
    };
  })
  .sort((a, b) => b.literals - a.literals);

/** Templates by segment count: a request is compared with those of its own length only. */
const byLength = new Map<number, Template[]>();
for (const template of templates) {
  const list = byLength.get(template.segments.length) ?? [];
  list.push(template);
  byLength.set(template.segments.length, list);
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

/**
 * The operation at `method path`, or undefined. The method is case-sensitive, as HTTP's is (`get` is no
 * GET). With `behindPrefix`, the path may have a prefix before `/ges/` (a gateway's, as a recording shows
 * it). Empty parameters never match.
 */
export function routeOperation(method: string, path: string, behindPrefix = false): OperationMatch | undefined {
  const at = behindPrefix ? path.indexOf(PREFIX) : path.startsWith(PREFIX) ? 0 : -1;
  if (at < 0) return undefined;
  const parts = path.slice(at + 1).split('/');
  const candidates = byLength.get(parts.length);
  if (!candidates) return undefined;
  next: for (const template of candidates) {
    if (template.method !== method) continue;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const segment = template.segments[i]!;
      const part = parts[i]!;
      if (typeof segment === 'string') {
        if (segment !== part) continue next;
      } else {
        if (part === '') continue next;
        params[segment.name] = part;
      }
    }
    return { operationId: template.operationId, params };
  }
  return undefined;
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
