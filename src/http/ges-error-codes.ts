/**
 * GES error codes this kit answers with, named by meaning. Several meanings share GES.8000, the
 * generic "bad request" of the GES error-code page (ges_03_0110); the names say which case is meant.
 */
export const GesErrorCode = {
  /** Unknown graph: the seed's own example answers GES.8000 (not a 404). */
  GRAPH_NOT_FOUND: 'GES.8000',
  /** A parameter or body that does not have the documented form. */
  MALFORMED_PARAMETER: 'GES.8000',
  /** A path or method that is no API (no GES page documents a 404 body). */
  NO_SUCH_API: 'GES.8000',
  /** A well-formed integer outside its range (database edition's `Parameter error!`). */
  PARAMETER_OUT_OF_RANGE: 'GES.8005',
  /** A token that is valid but not for this project. */
  INVALID_RESOURCE_ACCESS: 'GES.8006',
  /** Missing or rejected X-Auth-Token. */
  INVALID_TOKEN: 'GES.8007',
  /** The engine holds no job with that id. */
  JOB_NOT_FOUND: 'GES.8301',
  /** No cancellable job with that id. */
  CANNOT_CANCEL: 'GES.8303',
  /** algorithmName (or graphName) missing or empty. */
  ALGORITHM_NAME_EMPTY: 'GES.8401',
  /** Unknown algorithm, missing required parameter, or no room for another job. */
  ALGORITHM_FAILED_TO_START: 'GES.8402',
  /** Export-result (and the graph of an export) failed: GES.8011, "Failed to export a graph". */
  EXPORT_FAILED: 'GES.8011',
  /** Import-graph failed to start, or its graph does not exist: GES.8013. */
  IMPORT_FAILED: 'GES.8013',
  /** Edge filter queries: invalid criteria, label, both empty, sort (GES.8101-8104). */
  EDGE_FILTER_INVALID: 'GES.8101',
  EDGE_LABEL_INVALID: 'GES.8102',
  EDGE_FILTER_EMPTY: 'GES.8103',
  EDGE_SORT_INVALID: 'GES.8104',
  /** Batch delete edges without edges: "Parameter edges cannot be left blank." */
  EDGES_BLANK: 'GES.8110',
  /** Vertex filter queries: invalid label, criteria, both empty, sort (GES.8201-8203, 8205). */
  VERTEX_LABEL_INVALID: 'GES.8201',
  VERTEX_FILTER_INVALID: 'GES.8202',
  VERTEX_FILTER_EMPTY: 'GES.8203',
  VERTEX_SORT_INVALID: 'GES.8205',
  /** Create or delete an index failed (GES.8603, GES.8604). */
  CREATE_INDEX_FAILED: 'GES.8603',
  DELETE_INDEX_FAILED: 'GES.8604',
  /** Filtered-query (a k-hop query with filter criteria) failed: GES.8806. */
  FILTERED_QUERY_FAILED: 'GES.8806',
  /** The engine cannot answer: injected faults, and any unexpected error of the mock itself. */
  ENGINE_UNAVAILABLE: 'GES.8602',
} as const;
