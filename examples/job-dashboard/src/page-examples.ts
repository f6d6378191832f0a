/**
 * The request bodies the dashboard's forms start from: the GES pages' own examples, as openapi.yaml
 * carries them (`ImportGraphPage`, `ExportPage` of queryVertices, `ToObsPage` of exportJobResult); the
 * browser tests check that they still are. They go to the forms' JSON fields, which the user may edit,
 * so they are plain JSON here: the mock checks a body against the spec and answers the GES envelope.
 */

/** The import-graph page's example: an edge directory, a vertex directory and a schema file. */
export const IMPORT_GRAPH_EXAMPLE = {
  edgesetPath: 'testbucket/demo_movie/edges/',
  edgesetFormat: 'csv',
  vertexsetPath: 'testbucket/demo_movie/vertices/',
  vertexsetFormat: 'csv',
  schemaPath: 'testbucket/demo_movie/incremental_data_schema.xml',
  logDir: 'testbucket/importlogdir',
  parallelEdge: { action: 'override', ignoreLabel: true },
  delimiter: ',',
  trimQuote: '"',
  offline: true,
  obsParameters: { accessKey: 'xxxxxx', secretKey: 'xxxxxx' },
};

/** The export filtered vertices page's example. */
export const EXPORT_VERTICES_EXAMPLE = {
  labels: ['movies', 'user'],
  vertexFilters: [{ propertyName: 'Age', predicate: '=', values: ['18-24'] }],
  exportPath: 'demo_movie/',
  fileName: 'export_movie_and_user.csv',
  obsParameters: { accessKey: 'XXXX', secretKey: 'XXXX' },
};

/** The export-result page's example (its file named after the algorithm whose result it writes). */
export const EXPORT_RESULT_EXAMPLE = {
  exportPath: 'demo_movie/',
  fileName: 'louvain',
  obsParameters: { accessKey: 'xxxx', secretKey: 'xxxx' },
};
