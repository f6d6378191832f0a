/**
 * A request target read once: its path and query, the spec operation it names, and the world and
 * graph it names (decoded). It depends on (method, url) alone, so it is remembered for the URLs seen
 * lately: clients repeat the same URLs (a list polled by every open tab, a load test), and a repeated
 * one then costs one map lookup instead of a split, a route match, two decodes and a query parse.
 */
import { decodeSegment, routeOperation, splitTarget, type OperationMatch } from '../spec/route-operation.js';
import { parseQuery, type Query } from './parse-query.js';

/** What a request's method and URL say; shared between requests, so never changed by a reader. */
export interface RequestTarget {
  /**
   * The URL as first seen: a repeated request's own copy of the text can go with the request, and
   * whoever keeps the URL (the request journal) keeps this one, shared.
   */
  readonly url: string;
  readonly path: string;
  readonly search: string;
  readonly query: Query;
  /** The spec operation, when the path is one (with its raw parameters). */
  readonly route: OperationMatch | undefined;
  /** The route's project_id and graph_name, decoded (undefined for a malformed escape or none). */
  readonly project: string | undefined;
  readonly graph: string | undefined;
}

/** URLs remembered at most; past it the memory starts again (a client walking through URLs gains nothing, loses nothing). */
const REMEMBERED = 512;
/** A longer URL is read every time: remembering it would hold its text. */
const LONGEST_REMEMBERED = 2048;

function readTarget(method: string, url: string): RequestTarget {
  const { path, search } = splitTarget(url);
  const route = routeOperation(method, path);
  return {
    url,
    path,
    search,
    query: parseQuery(search),
    route,
    project: route ? decodeSegment(route.params['project_id'] ?? '') : undefined,
    graph: route ? decodeSegment(route.params['graph_name'] ?? '') : undefined,
  };
}

/** A reader of request targets that remembers the ones seen lately. */
export function createTargetReader(): (method: string, url: string) => RequestTarget {
  // By method, then by URL: no key string is built per request.
  let seen = new Map<string, Map<string, RequestTarget>>();
  let count = 0;
  return (method, url) => {
    if (url.length > LONGEST_REMEMBERED) return readTarget(method, url);
    let ofMethod = seen.get(method);
    let target = ofMethod?.get(url);
    if (target === undefined) {
      target = readTarget(method, url);
      if (count >= REMEMBERED) {
        seen = new Map();
        ofMethod = undefined;
        count = 0;
      }
      if (ofMethod === undefined) seen.set(method, (ofMethod = new Map()));
      ofMethod.set(url, target);
      count++;
    }
    return target;
  };
}
