/**
 * This file was auto-generated from openapi.yaml by `npm run gen`.
 * Do not make direct changes to the file.
 */
export interface paths {
    "/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the jobs the engine holds (Listing Jobs, 2.2.13)
         * @description Returns the asynchronous jobs the graph engine still holds, newest `startTime` first, with
         *     `jobCount`, the total number of jobs of the graph, so a client can page through them.
         *
         *     **Where the GES page is wrong, and what this spec does** [decision]:
         *     * The page's parameter table lists a *required* `job_id` that the URL has no place for, and
         *       omits `graph_name`, which the URL has. Here `project_id` and `graph_name` are path
         *       parameters, `limit` and `offset` query parameters; there is no `job_id`.
         *     * The table types `jobs` as Object; every example sends an array. It is an array.
         *     * `jobCount` appears only in the example. It is required and is the total number of jobs of the
         *       graph, independent of `limit` and `offset` (the database edition documents its `totalCount`
         *       so), because pagination needs it.
         *     * The example asks for `limit=2` and shows three jobs. That is a defect of the example:
         *       `jobs.length` never exceeds `limit`.
         *     * The table lists `result`, `errorCode`, `errorMessage` for the success body; the example has
         *       none of them. They are optional here; the mock sends the example's shape.
         *
         *     Order: newest `startTime` first, as both documented examples are ordered, ties broken by
         *     `jobId` so that pages never overlap or skip a job [ex → decision; SHOULD].
         *
         *     Unknown graph is **400** GES.8000 (seed example), not 404. Non-integer `limit`/`offset` is 400
         *     GES.8000; an integer out of range is 400 GES.8005 [decision; how a real engine answers is not
         *     documented, so the contract kit only requires a 4xx error envelope there].
         */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query one job's status and result
         * @description Returns one job's status and, once it has finished, a page of its result (`limit`/`offset` page
         *     through the result data, not through jobs). For finished jobs the status here equals the one
         *     in the job list.
         *
         *     The GES pages disagree on the status values: the table names four (`pending`, `running`,
         *     `success`, `failed`), an older example sends `complete`, a 2025 page adds `partiallyFailed`.
         *     The spec's enum is the four; the other two are listed in `x-ges-status-variants` and are
         *     warnings in the contract kit. A job the engine does not hold is 400 GES.8301 [ex].
         *
         *     Used after every asynchronous API: algorithms, vertex and edge filter queries, Filtered-query,
         *     exports, deletes, index jobs, imports [doc]. A vertex filter query's result is in
         *     `data.outputs`: `vertices` and the paging counters `data_return_size`, `data_offset` and
         *     `data_total_size` beside them [ex]. No page shows an edge filter query's result; the mock puts
         *     `edges` there [decision]. An asynchronous Filtered-query is paged unless `visualized` was true
         *     [doc].
         */
        get: operations["getJobStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Cancel a job
         * @description Stops a job that can still be stopped (`canStop` true in the list). Cancellable task kinds
         *     [doc]: filter queries, import and export of graphs, adding an index, and the algorithms
         *     topicrank, pagerank, personalrank, kcore, connected_component, label_propagation, louvain and
         *     node2vec. The 2025 page lists the jobs of: export graph, import graph, vertex filter query,
         *     edge filter query, Filtered-query V2, execute algorithm and add index; the 2021 page only
         *     vertex and edge filter queries, execute algorithm and add index, other kinds answering
         *     "Unsupported Operation" [doc]. Per kind, `x-ges-actions` and `x-ges-job` say `cancellable`:
         *     `VertexFilterQuery`, `EdgeFilterQuery`, `CreateIndex`, `ImportGraph` and the listed algorithms
         *     are; exports and deletes of filtered data, batch deletes, `DeleteIndex` and `ExportJobResult`
         *     are not. **[decision]** Filtered-query (2.2.13) is not: the page names Filtered-query V2, a
         *     different API. `canStop` is true exactly for an unfinished job of a cancellable kind.
         *
         *     What a cancelled job looks like afterwards is not documented. **[decision]** It becomes
         *     `failed`, with a `failReason` that says it was cancelled, `canStop` false and `endTime` the
         *     moment of cancellation. Cancelling a job that is unknown, finished or not cancellable is 400
         *     GES.8303 [ex], and so is cancelling it a second time.
         */
        delete: operations["cancelJob"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ges/v1.0/{project_id}/graphs/{graph_name}/action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an algorithm, a Filtered-query or an import (action_id)
         * @description One URL, three actions, chosen by `action_id` (see "One operation per URL" above; each action's
         *     own id, job type and task type are in `x-ges-actions`).
         *
         *     **`execute-algorithm`** submits an algorithm run. The answer carries the new job's id; the job
         *     then appears first in the job list with `taskType` `Algorithm` and the request body, byte for
         *     byte, as `rawRequest`.
         *
         *     Vertex ids are not checked on submit: a job whose `source` or `target` is not in the graph is
         *     accepted, and fails later with a reason such as
         *     `Running algorithm [shortest_path] error: parameter [source] is invalid!` [ex].
         *
         *     **[decision]** An empty `algorithmName` is 400 GES.8401 [doc]; an unknown algorithm, or one
         *     missing a required parameter, is 400 GES.8402 (failed to start) [doc]; a body that is not
         *     a JSON object is 400 GES.8000. A body over 1 MiB is refused with 400 GES.8000: the GES pages
         *     list no 413, and a client that handles the six documented statuses handles this too.
         *
         *     **`filtered-query`** (2.2.13) filters a k-hop walk hop by hop and lists the vertices or edges
         *     of the last hop [doc]. With `executionMode` `sync`, the default, the answer is the result
         *     (`data`), and no job is created; with `async` it is `{"jobId", "jobType": 1}` and the job's
         *     result is read through the job status operation [doc, ex]. A synchronous result holds at most
         *     100,000 vertices [doc]. An `executionMode` other than `sync` or `async` is 400 GES.8806 with the
         *     page's message `executionMode is not correct, it should be sync or async` [ex]; an unknown graph
         *     is 400 GES.8806 `graph [name] is not found` [ex].
         *
         *     **`import-graph`** (2.1.14) adds edge, vertex and schema files to the graph as a job [doc]; the
         *     answer is `{"jobId"}` only, as the page shows it [ex]. The Chinese page prints the URL as
         *     `action_id= import-graph`, with a blank [ex]. **[decision]** Blanks around the `action_id` value
         *     are ignored, so that example is accepted as printed. An unknown graph is 400 GES.8013 [ex].
         *     **[decision]** An import naming none of `edgesetPath`, `vertexsetPath` and `schemaPath` is 400
         *     GES.8013: an English copy of the page requires one of them [doc].
         *
         *     **[decision]** An `action_id` that is none of the three is 400 GES.8000: no page documents one.
         */
        post: operations["executeAlgorithm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ges/v1.0/{project_id}/graphs/{graph_name}/vertices/action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Query, export or delete the vertices a filter selects, as a job (action_id)
         * @description One URL, three actions, chosen by `action_id` (see "One operation per URL" above): `query`
         *     (vertex filter query, 1.0.0), `export` (export filtered vertices to OBS, 2.2.7) and `delete`
         *     (delete filtered vertices, 2.2.7). Each creates a job and answers `{"jobId", "jobType": 1}`
         *     [ex]; export and delete exist only asynchronously [doc]. A query job's result is read through
         *     the job status operation, in `data.outputs` [ex].
         *
         *     `labels` or `vertexFilters` must be given: without both the answer is 400 GES.8203 with the
         *     page's message `Bad Request, parameter labels and vertexFilters cannot all be null` [ex]. With a
         *     `full_text_*` predicate `vertexFilters` holds one condition, `labels` is absent, and a full-text
         *     index must exist [doc].
         *
         *     **[decision]** A filter condition that is malformed is 400 GES.8202, a `sorts` entry with an
         *     `orderValue` other than `incr`/`decr` 400 GES.8205, a label that is not a list of strings 400
         *     GES.8201 (the codes the error table gives these cases). An export without `exportPath` or
         *     `obsParameters` is 400 GES.8000. An `action_id` other than the three is 400 GES.8000. Vertices
         *     and properties are not checked on submit: a job that selects nothing succeeds with an empty
         *     result.
         */
        post: operations["queryVertices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ges/v1.0/{project_id}/graphs/{graph_name}/edges/action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Query, export or delete the edges a filter selects, or delete edges in a batch (action_id)
         * @description One URL, four actions, chosen by `action_id` (see "One operation per URL" above): `query`
         *     (edge filter query, 1.0.0), `export` (export filtered edges to OBS, 2.2.7), `delete` (delete
         *     filtered edges, 2.2.7) and `batch-delete` (batch delete edges, 2.1.9). The first three create a
         *     job and answer `{"jobId", "jobType": 0}` [ex]. `batch-delete` deletes at once and answers
         *     `{"result": "success"}` unless `executionMode` is `async` (2.2.14), when it creates a job and
         *     answers `{"jobId", "jobType": 3}` [doc, ex].
         *
         *     `labels` or `edgeFilters` must be given to the first three: without both the answer is 400
         *     GES.8103 [ex]. The export page's failure example names `vertexFilters` in its message; the
         *     query and delete pages name `edgeFilters` [ex]. A batch delete whose edge lacks `source` or
         *     `target` is 400 GES.8000 `parameter does not contain 'source'` [ex].
         *
         *     **[decision]** The edge filter query page gives `limit` no default: it is 10, as for vertices. A
         *     malformed condition is 400 GES.8101, a malformed label 400 GES.8102, a malformed sort 400
         *     GES.8104; a batch delete with no edges is 400 GES.8110 (the codes the error table gives these
         *     cases). An `action_id` other than the four is 400 GES.8000.
         */
        post: operations["queryEdges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ges/v1.0/{project_id}/graphs/{graph_name}/indices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an index, as a job
         * @description Creates a composite index (`GlobalCompositeVertexIndex`, `GlobalCompositeEdgeIndex`) or a
         *     full-text index (`FullTextIndex`) (1.1.6) [doc]. The answer is `{"jobId", "jobType": 8}` [ex]; the
         *     index exists once the job succeeds. A full-text index may serve stale data for about a second
         *     after an update [doc].
         *
         *     **[decision]** An `indexName` with other characters than letters, digits, `-` and `_` or longer
         *     than 63, an unknown `indexType`, or a composite index with neither `hasLabel` true nor
         *     `indexProperty` is 400 GES.8603 (the code the error table gives a failed index creation). An
         *     index name the graph already has is 400 GES.8603 too.
         */
        post: operations["createIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ges/v1.0/{project_id}/graphs/{graph_name}/indices/{indexName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an index, as a job
         * @description Deletes the index of that name (1.1.6) [doc]. The answer is `{"jobId", "jobType": 9}` [ex].
         *
         *     **[decision]** An index the graph does not have is 400 GES.8604 (the code the error table gives
         *     a failed index deletion), answered at once rather than as a failing job.
         */
        delete: operations["deleteIndex"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}/action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export a job's result to a file in OBS, as a job
         * @description Writes the result of a finished job to OBS (2.2.1) [doc]. The answer is `{"jobId"}` of a new
         *     export job, with no jobType [ex]. Supported: the algorithms pagerank, personalrank, pixie,
         *     louvain, label_propagation, connected_component (the page writes `connect_component`), kcore,
         *     sssp, shortest_path, shortest_path_of_vertex_sets, all_shortest_paths, n_paths, triangle_count
         *     (the page writes `traingle_count`), cluster_coefficient, degree_correlation, closeness,
         *     link_prediction, betweenness, edge_betweenness, od_betweenness; and, on the 2025 page, the
         *     Cypher, vertex filter and edge filter queries [doc]. By default (`erase` true) the exported job
         *     is deleted once the export is done [doc].
         *
         *     **[decision]** A job the engine does not hold is 400 GES.8301; a job that has not succeeded, or
         *     whose kind cannot be exported, is 400 GES.8011 (failed to export). With `erase` true the
         *     exported job leaves the job list when the export job succeeds.
         */
        post: operations["exportJobResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The success body of Listing Jobs. `jobs` and `jobCount` are required; `result`, `errorCode` and
         *     `errorMessage` may be sent (the table lists them) but the documented example has none.
         */
        JobList: {
            /**
             * @description One page of jobs, newest `startTime` first. The GES table types it as Object; every example
             *     sends an array. Never longer than `limit`.
             */
            jobs: components["schemas"]["Job"][];
            /**
             * @description Total number of jobs the graph holds, the same on every page, independent of `limit` and
             *     `offset` [ex → decision].
             */
            jobCount: number;
            /**
             * @description Sent by some engines on success; absent from the documented example.
             * @enum {string}
             */
            result?: "success";
            /** @description Empty or absent on success [doc]. */
            errorCode?: string;
            /** @description Empty or absent on success [doc]. */
            errorMessage?: string;
        };
        /**
         * @description One job as the engine holds it. The first `allOf` member declares every field; the members after
         *     it encode the invariants that JSON Schema expresses (`if`/`then`), so code generators, which
         *     skip conditionals, still see every field. The rest the contract kit checks and the mock keeps:
         *     * `failReason` if and only if `status` is `failed`;
         *     * `files` if and only if `taskType` is `ImportGraph` (the schema encodes "only if"; an import
         *       that has not read its files yet sends an empty array);
         *     * `success` ⇒ `progress` 100; `pending` ⇒ `progress` 0;
         *     * a finished job (`success`, `failed`) has an `endTime` not before its `startTime` and
         *       `canStop` false; an unfinished one (`pending`, `running`) has no `endTime`.
         */
        Job: {
            /**
             * @description The job's id. Memory engine: a UUID followed by nine digits, the same nine for every job of
             *     a graph [ex]. Other formats are accepted.
             * @example b236a002-6acb-40cd-acca-bc3eb96b807d001680206
             */
            jobId: string;
            /**
             * @description The original request body, as a JSON **string**; may be empty (`""`) [ex]. For an algorithm
             *     job it is the execute-algorithm body byte for byte.
             */
            rawRequest: string;
            /**
             * @description The kind of job. An open set: `Algorithm` and `ImportGraph` are the only documented values
             *     [ex]; others (exports, filter queries, index builds) exist and are valid. The mock names
             *     the other kinds as `x-ges-actions` and `x-ges-job` decide (`VertexFilterQuery`,
             *     `CreateIndex`, ...) [decision].
             * @example Algorithm
             * @example ImportGraph
             */
            taskType: string;
            /** @description Whether the job can still be cancelled; always false once it has finished. */
            canStop: boolean;
            /** @description Percentage done, 0–100, as an integer or a digit string. */
            progress: components["schemas"]["Progress"];
            /** @description When the job started, in one of the forms of `JobTime`. */
            startTime: components["schemas"]["JobTime"];
            /** @description When the job finished, in one of the forms of `JobTime`. Absent while the job runs. */
            endTime?: components["schemas"]["JobTime"];
            /** @description The job's state. */
            status: components["schemas"]["JobStatusValue"];
            /** @description Why the job failed; present only when `status` is `failed` [doc]. */
            failReason?: string;
            /** @description Per-file import statistics; present only when `taskType` is `ImportGraph` [doc]. */
            files?: components["schemas"]["ImportFileGroup"][];
        } & unknown & unknown & unknown & unknown & unknown & unknown;
        /**
         * @description The job's state. The 2024 page names four: `pending`, `running`, `success`, `failed` [doc].
         *     Older pages say `complete` where this says `success`, and a 2025 page adds `partiallyFailed`;
         *     those are listed in `x-ges-status-variants` and reported as warnings by the contract kit
         *     unless it runs strict.
         * @enum {string}
         */
        JobStatusValue: "pending" | "running" | "success" | "failed";
        /**
         * @description A job's start or end: "a date string or timestamp" [doc]; the table types it String. The
         *     examples use `yyyy-MM-dd HH:mm:ss` in China time (UTC+8) [ex], as the mock does by default.
         *     [decision] The forms accepted, and read alike by the mock and the contract kit:
         *     * `yyyy-MM-dd HH:mm:ss`, `T` allowed for the space, an optional fraction of up to 9 digits,
         *       no zone: China time (UTC+8), as every GES example;
         *     * the same with a zone, `Z` or `±HH:MM` (ISO 8601): that instant;
         *     * a timestamp as a string of 10, 13 or 16 digits: seconds, milliseconds or microseconds since
         *       the epoch (the unit GES file statistics use is µs).
         *     A JSON number is not a `startTime`: the table types it String (file statistics, typed Integer,
         *     are numbers). Any other string names no instant the list could be ordered by, and is refused.
         *     Two times of different forms compare by the instant they name.
         * @example 2024-05-23 09:54:00
         * @example 2024-05-23T01:54:00Z
         * @example 1716429240
         * @example 1716429240000
         * @example 1716429240000000
         */
        JobTime: string;
        /**
         * @description Percentage done, 0–100. The table types it Integer; the example sends the string `"100"`
         *     [doc vs ex]. Both are accepted; the mock sends strings, as the engine's example does.
         */
        Progress: number | string;
        /**
         * @description One group of import files, an object with a single key [ex]: `edgeFiles`, `vertexFiles` or
         *     `schemaFiles`. Other keys are tolerated (no `additionalProperties` here: generators such as
         *     openapi-zod-client turn an object with it into a record and drop the three named fields).
         */
        ImportFileGroup: {
            /** @description Statistics of the edge files, one entry a file, counted in lines. */
            edgeFiles?: components["schemas"]["LineFileStat"][];
            /** @description Statistics of the vertex files, one entry a file, counted in lines. */
            vertexFiles?: components["schemas"]["LineFileStat"][];
            /** @description Statistics of the schema files, one entry a file, counted in labels. */
            schemaFiles?: components["schemas"]["SchemaFileStat"][];
        };
        /**
         * @description Statistics of one edge or vertex file. Times are integers in **microseconds** since the epoch
         *     (1716428001745772 is 2024-05-23 09:33:21 +08:00). `successfulLines + failedLines = totalLines`
         *     once the file is done.
         */
        LineFileStat: {
            /** @description Path of the file on the engine or in OBS. */
            fileName: string;
            /** @description Lines in the file. */
            totalLines: number;
            /** @description Lines imported. */
            successfulLines: number;
            /** @description Lines rejected. */
            failedLines: number;
            /** @description Start of this file's import, µs since the epoch. */
            startTime?: number;
            /** @description End of this file's import, µs since the epoch. */
            endTime?: number;
            /** @description State of this file: success, failed, running (open set). */
            status: string;
        };
        /** @description Statistics of one schema file, counted in labels; times in microseconds. */
        SchemaFileStat: {
            /** @description Path of the schema file. */
            fileName: string;
            /** @description Labels in the file. */
            totalLabels: number;
            /** @description Labels created. */
            successfulLabels: number;
            /** @description Labels rejected. */
            failedLabels: number;
            /** @description Start, µs since the epoch. */
            startTime?: number;
            /** @description End, µs since the epoch. */
            endTime?: number;
            /** @description State of this file: success, failed, running (open set). */
            status: string;
        };
        /**
         * @description One job's status and result. `data` holds a page of the result once the job has finished
         *     [doc]; a failed job carries its failReason as `errorMessage` [decision].
         */
        JobStatus: {
            /** @description The job's state; for a finished job the same as in the job list. */
            status: components["schemas"]["JobStatusValue"];
            /** @description A page of the result, once the job has finished. */
            data?: components["schemas"]["JobResultData"];
            /**
             * @description Sent by the documented example on success.
             * @enum {string}
             */
            result?: "success";
            /** @description Empty or absent on success. */
            errorCode?: string;
            /** @description The failReason of a failed job; otherwise empty or absent. */
            errorMessage?: string;
        };
        /**
         * @description A page of the job's result [doc]. Algorithm-specific values live in `outputs`; the paging
         *     counters appear beside them or inside `outputs` depending on the engine version [ex].
         */
        JobResultData: {
            /** @description Algorithm results attached to vertices. */
            vertices?: {
                [key: string]: unknown;
            }[];
            /** @description Algorithm results attached to edges. */
            edges?: {
                [key: string]: unknown;
            }[];
            /** @description Other outputs of the algorithm (open: each algorithm has its own keys). */
            outputs?: {
                [key: string]: unknown;
            };
            /** @description Records in this page. */
            data_return_size?: number;
            /** @description Offset of this page. */
            data_offset?: number;
            /** @description Records the job produced in all. */
            data_total_size?: number;
        };
        /** @description The cancel answer; an empty object on success [doc]. */
        CancelResult: {
            /** @description Empty or absent on success. */
            errorCode?: string;
            /** @description Empty or absent on success. */
            errorMessage?: string;
            /**
             * @description Sent by some engines on success.
             * @enum {string}
             */
            result?: "success";
        };
        /**
         * @description The execute-algorithm body [doc]. `algorithmName` is one of the documented algorithms
         *     (pagerank, personalrank, kcore, k_hop, shortest_path, all_shortest_paths, filtered_shortest_path,
         *     sssp, shortest_path_of_vertex_sets, n_paths, closeness, label_propagation, louvain,
         *     link_prediction, node2vec, realtime_recommendation, common_neighbors, connected_component,
         *     degree_correlation, triangle_count, cluster_coefficient, betweenness, edge_betweenness,
         *     topicrank); it is a plain string here because the set grows between engine versions.
         */
        AlgorithmRequest: {
            /**
             * @description The algorithm to run.
             * @example shortest_path
             */
            algorithmName: string;
            /** @description Algorithm parameters, e.g. `source` and `target` for shortest_path. */
            parameters?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description A new job's id, and the `jobType` the page's example shows [ex]: 1 for an algorithm, a vertex
         *     filter query, Filtered-query and the export and delete of filtered vertices; 0 for an edge filter
         *     query and the export and delete of filtered edges; 3 for an asynchronous batch delete of edges;
         *     8 for create index; 9 for delete index. The export-result and import-graph examples have no
         *     `jobType`, and no page gives the numbers a meaning. The tables name the field `job_id`; every
         *     example sends `jobId` [doc vs ex].
         */
        JobCreated: {
            /** @description The new job's id. */
            jobId: string;
            /** @description The kind of job, as a number (see the operation; the index pages' tables type it String, their examples send numbers). */
            jobType?: number;
            /** @description Empty or absent on success. */
            errorCode?: string;
            /** @description Empty or absent on success. */
            errorMessage?: string;
        };
        /**
         * @description The GES error envelope [ex]: `{"errorMessage", "errorCode", "result": "failed"}`. Every error
         *     status of every operation answers with it. Codes are `GES.` and four digits.
         */
        GesError: {
            /** @description Human-readable message. */
            errorMessage: string;
            /** @description GES error code, e.g. GES.8000. */
            errorCode: string;
            /**
             * @description Always `failed`.
             * @enum {string}
             */
            result?: "failed";
        };
        /**
         * @description A count the GES tables type Integer. The edge filter query example sends it as a string of
         *     digits (`"offset":"0"`, `"limit":"20"`) [ex]; both forms are accepted and read alike.
         */
        LooseInteger: number | string;
        /**
         * @description A flag. The create-index example sends `"hasLabel": "true"` and the Filtered-query examples
         *     `"visulized": "false"`, strings where the tables say Boolean [ex]; `true`, `false`, `"true"` and
         *     `"false"` are accepted and read alike.
         */
        LooseBoolean: boolean | ("true" | "false");
        /** @description Labels to filter by. The tables type it String; every example sends an array of strings [ex]. */
        LabelList: string[];
        /** @description One condition of `vertexFilters` or `edgeFilters`, fields as the filter query pages' tables give them [doc]. */
        FilterCondition: {
            /**
             * @description The property to test. With `full_text_combination` it is the literal `propertyName` and the
             *     properties are named in `values`.
             */
            propertyName: string;
            /**
             * @description The comparison.
             * @enum {string}
             */
            predicate: "=" | "<" | ">" | "<=" | ">=" | "range" | "has" | "hasNot" | "full_text_match" | "full_text_prefix" | "full_text_wildcard" | "full_text_regexp" | "full_text_fuzzy" | "full_text_combination";
            /**
             * @description The values to compare with: strings, or, with `full_text_combination`, objects of
             *     `propertyName` and `value`. `range` takes two values [ex].
             */
            values?: (string | {
                /** @description A property of the full-text index. */
                propertyName: string;
                /** @description The text to look for in it. */
                value: string;
            })[];
            /**
             * @description How this condition joins the one before it, default `and`.
             * @default and
             * @enum {string}
             */
            type?: "and" | "or";
        };
        /**
         * @description Conditions on properties. The tables call it a "JsonArray format string" and type it Json or
         *     String; every example sends an array [ex].
         */
        FilterConditionList: components["schemas"]["FilterCondition"][];
        /** @description One sort key of `sorts`, fields as the filter query pages' tables give them; `key` or `propertyName` is given [doc]. */
        SortKey: {
            /**
             * @description Sort by `id`, `label` or `property` (vertices); `label` or `property` (edges).
             * @enum {string}
             */
            key?: "id" | "label" | "property";
            /** @description The property to sort by. */
            propertyName?: string;
            /**
             * @description `incr` (ascending, the default) or `decr`.
             * @default incr
             * @enum {string}
             */
            orderValue?: "incr" | "decr";
        };
        /**
         * @description OBS credentials for reading or writing files [doc]. The tables type it String; every example
         *     sends an object [ex].
         */
        ObsParameters: {
            /** @description The access key (AK). */
            accessKey: string;
            /** @description The secret key (SK). */
            secretKey: string;
        };
        /**
         * @description The vertex filter query body (`action_id=query`, 1.0.0), fields as the page's table gives them [doc]. `labels` or `vertexFilters` is
         *     given [doc]; with a `full_text_*` predicate `vertexFilters` holds one condition and `labels` is
         *     absent [doc].
         */
        VertexQueryRequest: {
            /** @description Vertex labels to select. */
            labels?: components["schemas"]["LabelList"];
            /** @description Conditions on vertex properties. */
            vertexFilters?: components["schemas"]["FilterConditionList"];
            /** @description Where the result starts. */
            offset?: components["schemas"]["LooseInteger"];
            /** @description The most vertices a page of the result holds, default 10. */
            limit?: components["schemas"]["LooseInteger"];
            /** @description Sort keys of the result. */
            sorts?: components["schemas"]["SortKey"][];
        };
        /**
         * @description The edge filter query body (`action_id=query`, 1.0.0), fields as the page's table gives them [doc]. `labels` or `edgeFilters` is
         *     given [doc].
         */
        EdgeQueryRequest: {
            /** @description Edge labels to select. */
            labels?: components["schemas"]["LabelList"];
            /** @description Conditions on edge properties. */
            edgeFilters?: components["schemas"]["FilterConditionList"];
            /** @description Where the result starts. */
            offset?: components["schemas"]["LooseInteger"];
            /** @description How many edges the query should return; the page states no default. */
            limit?: components["schemas"]["LooseInteger"];
            /** @description Sort keys of the result. */
            sorts?: components["schemas"]["SortKey"][];
        };
        /**
         * @description The body of exporting filtered vertices to OBS (`action_id=export`, 2.2.7, asynchronous only),
         *     fields as the page's table gives them [doc]. `labels` or `vertexFilters` is given [doc].
         */
        VertexExportRequest: {
            /** @description Vertex labels to select. */
            labels?: components["schemas"]["LabelList"];
            /** @description Conditions on vertex properties. */
            vertexFilters?: components["schemas"]["FilterConditionList"];
            /** @description The OBS directory to write to. */
            exportPath: string;
            /** @description The name of the file written. */
            fileName?: string;
            /** @description OBS credentials. */
            obsParameters: components["schemas"]["ObsParameters"];
        };
        /**
         * @description The body of exporting filtered edges to OBS (`action_id=export`, 2.2.7, asynchronous only),
         *     fields as the page's table gives them [doc]. `labels` or `edgeFilters` is given [doc].
         */
        EdgeExportRequest: {
            /** @description Edge labels to select. */
            labels?: components["schemas"]["LabelList"];
            /** @description Conditions on edge properties. */
            edgeFilters?: components["schemas"]["FilterConditionList"];
            /** @description The OBS directory to write to. */
            exportPath: string;
            /** @description The name of the file written. */
            fileName?: string;
            /** @description OBS credentials. */
            obsParameters: components["schemas"]["ObsParameters"];
        };
        /**
         * @description The body of deleting filtered vertices (`action_id=delete`, 2.2.7, asynchronous only), fields as
         *     the page's table gives them [doc].
         *     `labels` or `vertexFilters` is given [doc].
         */
        VertexDeleteRequest: {
            /** @description Vertex labels to select. */
            labels?: components["schemas"]["LabelList"];
            /** @description Conditions on vertex properties. */
            vertexFilters?: components["schemas"]["FilterConditionList"];
        };
        /**
         * @description The body of deleting filtered edges (`action_id=delete`, 2.2.7, asynchronous only), fields as
         *     the page's table gives them [doc].
         *     `labels` or `edgeFilters` is given [doc].
         */
        EdgeDeleteRequest: {
            /** @description Edge labels to select. */
            labels?: components["schemas"]["LabelList"];
            /** @description Conditions on edge properties. */
            edgeFilters?: components["schemas"]["FilterConditionList"];
        };
        /** @description One edge, by its ends and, optionally, its index or label; fields as the batch delete edges table gives them [doc]. */
        EdgeRef: {
            /** @description The edge's source vertex. */
            source: string;
            /** @description The edge's target vertex. */
            target: string;
            /** @description The edge's index among its parallel edges. */
            index?: string;
            /**
             * @description The edge's label (2.2.17); ignored when `index` is given, otherwise one edge with these ends
             *     and this label is deleted.
             */
            label?: string;
            /** @description The sortKey of a parallel edge, with `label` (database edition). */
            sortKey?: string | number;
        };
        /** @description The batch delete edges body (`action_id=batch-delete`, 2.1.9; `executionMode` since 2.2.14), fields as the page's table gives them [doc]. */
        BatchDeleteEdgesRequest: {
            /** @description The edges to delete. */
            edges: components["schemas"]["EdgeRef"][];
            /**
             * @description `sync` (the default) deletes at once; `async` (2.2.14) creates a job.
             * @default sync
             * @enum {string}
             */
            executionMode?: "sync" | "async";
            /**
             * @description Whether an edge that does not exist is passed over, default false (2.2.17). A body that
             *     is not JSON is refused either way.
             */
            ignoreError?: components["schemas"]["LooseBoolean"];
        };
        /** @description The answer of a synchronous batch delete [doc]. */
        BatchDeleteResult: {
            /**
             * @description `success`.
             * @enum {string}
             */
            result: "success";
            /** @description Empty or absent on success. */
            errorCode?: string;
            /** @description Empty or absent on success. */
            errorMessage?: string;
        };
        /**
         * @description One comparison of Filtered-query, fields as the page's tables give them [doc]. With `&` or `|`, `leftvalue` and `rightvalue` each hold a
         *     nested `property_filter` [doc].
         */
        PropertyFilter: {
            /**
             * @description What is compared: `label_name` (the literal `labelName`), `property_name`, `id`, or a nested
             *     `property_filter`.
             */
            leftvalue: {
                /** @description The literal `labelName`, to compare the label. */
                label_name?: string;
                /** @description The property to compare. */
                property_name?: string;
                /** @description Compare the id (its value may be empty). */
                id?: string;
                /** @description A nested comparison, shaped like this one. */
                property_filter?: {
                    [key: string]: unknown;
                };
            };
            /**
             * @description The comparison.
             * @enum {string}
             */
            predicate: "=" | "!=" | "<" | "<=" | ">" | ">=" | "&" | "|" | "HAS" | "HASNOT" | "CONTAIN" | "NOTCONTAIN" | "SUBSET" | "IN" | "NOTIN" | "PREFIX" | "FUZZY" | "REGEX" | "SUBSTRING" | "CISUBSTRING";
            /** @description What it is compared with, `value` or a nested `property_filter`. */
            rightvalue: {
                /** @description A label name or property value; a set for the set predicates. */
                value?: string | string[];
                /** @description A nested comparison, shaped like this one. */
                property_filter?: {
                    [key: string]: unknown;
                };
            };
        };
        /** @description One hop of Filtered-query, and the filter applied to its result [doc]. */
        FilteredQueryLayer: {
            /**
             * @description The hop: `inV`, `outV`, `bothV`, `vertex` (first hop only) select vertices; `in`, `out`,
             *     `both`, `edge` (first hop only) select edges.
             * @enum {string}
             */
            operator: "inV" | "outV" | "bothV" | "vertex" | "in" | "out" | "both" | "edge";
            /** @description A filter on the vertices of this hop. */
            vertex_filter?: {
                /** @description The comparison. */
                property_filter?: components["schemas"]["PropertyFilter"];
            };
            /** @description A filter on the edges of this hop. */
            edge_filter?: {
                /** @description The comparison. */
                property_filter?: components["schemas"]["PropertyFilter"];
            };
        };
        /**
         * @description The Filtered-query body (`action_id=filtered-query`, 2.2.13), fields as the page's tables give them [doc]. `vertices` or `edges` gives
         *     the start [doc].
         */
        FilteredQueryRequest: {
            /**
             * @description `sync` (the default) answers the result at once; `async` creates a job.
             * @default sync
             * @enum {string}
             */
            executionMode?: "sync" | "async";
            /** @description Ids of the start vertices. */
            vertices?: string[];
            /** @description The start edges, instead of `vertices`. */
            edges?: components["schemas"]["EdgeRef"][];
            /** @description One entry a hop. */
            filters: components["schemas"]["FilteredQueryLayer"][];
            /**
             * @description `Default` (the last hop), `AllVertices`, `SimpleEdges` or `Path`.
             * @enum {string}
             */
            query_type?: "Default" | "AllVertices" | "SimpleEdges" | "Path";
            /** @description Which fields of the result are returned (`id`, `label`, `properties`, `selectedProperties`). */
            by?: {
                /** @description Return the id, default false. */
                id?: boolean;
                /** @description Return the label, default false. */
                label?: boolean;
                /** @description Return the properties, default false. */
                properties?: boolean;
                /** @description The properties returned; all when empty. */
                selectedProperties?: string[];
            }[];
            /** @description Whether paths run from the start to every leaf, default false. */
            full_path?: components["schemas"]["LooseBoolean"];
            /** @description Whether `paths` is returned (the 2021-01 page's examples send it). */
            with_path?: components["schemas"]["LooseBoolean"];
            /** @description Whether an asynchronous result is returned unpaged, default false. */
            visualized?: components["schemas"]["LooseBoolean"];
            /**
             * @description The examples' spelling of `visualized`, sent as a string [ex]. Accepted and read as
             *     `visualized` when that is absent [decision].
             */
            visulized?: components["schemas"]["LooseBoolean"];
        };
        /** @description The answer of a synchronous Filtered-query [doc]. */
        FilteredQueryResult: {
            /**
             * @description The result: `vertices` when the last hop selects vertices, `edges` when it selects edges,
             *     and `paths` when asked for.
             */
            data: {
                /** @description The vertices of the last hop. */
                vertices?: {
                    [key: string]: unknown;
                }[];
                /** @description The edges of the last hop. */
                edges?: {
                    [key: string]: unknown;
                }[];
                /** @description Paths of `source`, `target`, `index`, `label`. */
                paths?: {
                    [key: string]: unknown;
                }[];
            };
            /** @description Empty or absent on success. */
            errorCode?: string;
            /** @description Empty or absent on success. */
            errorMessage?: string;
        };
        /** @description What an import does with repeated edges [doc]. */
        ParallelEdge: {
            /**
             * @description `allow` (the default), `ignore` the later ones, or `override` the earlier ones.
             * @default allow
             * @enum {string}
             */
            action?: "allow" | "ignore" | "override";
            /**
             * @description Whether edges with the same ends but different labels repeat each other, default true.
             * @default true
             */
            ignoreLabel?: boolean;
        };
        /**
         * @description The import-graph body (`action_id=import-graph`), fields as the page's table gives them [doc]: files of edges, vertices and schema to
         *     add to the graph. The memory-edition page marks `obsParameters` required; the engine's own list
         *     shows import bodies without it and the database edition needs it only for OBS, so it is optional
         *     here [doc vs ex; decision].
         */
        ImportGraphRequest: {
            /** @description The graph, as the SDK sends it and the job list's rawRequest shows it [ex]. */
            graphName?: string;
            /** @description Edge file or directory. */
            edgesetPath?: string;
            /**
             * @description Edge file format, `csv` (the default).
             * @default csv
             */
            edgesetFormat?: string;
            /** @description Vertex file or directory. */
            vertexsetPath?: string;
            /**
             * @description Vertex file format, `csv` (the default).
             * @default csv
             */
            vertexsetFormat?: string;
            /** @description Schema (metadata) file of the new data. */
            schemaPath?: string;
            /** @description Where rejected data and the reasons are written. */
            logDir?: string;
            /** @description Handling of repeated edges. */
            parallelEdge?: components["schemas"]["ParallelEdge"];
            /**
             * @description CSV field separator, default `,`.
             * @default ,
             */
            delimiter?: string;
            /**
             * @description CSV quote character, default `"`.
             * @default "
             */
            trimQuote?: string;
            /**
             * @description Offline import (faster, the graph locked) or online (the default, the graph readable).
             * @default false
             */
            offline?: boolean;
            /** @description OBS credentials. */
            obsParameters?: components["schemas"]["ObsParameters"];
        };
        /**
         * @description The create-index body (1.1.6), fields as the page's table gives them [doc]: a composite index (`GlobalCompositeVertexIndex`,
         *     `GlobalCompositeEdgeIndex`) on a label and properties, or a `FullTextIndex` on properties.
         *     `indexProperty` is required when `hasLabel` is false or absent [doc].
         */
        CreateIndexRequest: {
            /** @description Letters, digits, `-` and `_`, at most 63 characters. */
            indexName: string;
            /**
             * @description The kind of index; case-sensitive.
             * @enum {string}
             */
            indexType: "GlobalCompositeVertexIndex" | "GlobalCompositeEdgeIndex" | "FullTextIndex";
            /** @description Whether the index covers the label, default false. */
            hasLabel?: components["schemas"]["LooseBoolean"];
            /**
             * @description The indexed properties, of type integer, float, double, long, enum, char array, string or
             *     date. The table types it String; the examples send an array [ex].
             */
            indexProperty?: string[];
        };
        /**
         * @description The export-result body (2.2.1), fields as the page's table gives them [doc]. `obsParameters` is required by the 2021 page and optional
         *     since graphs of 2.4.17 may reach OBS by delegation [doc]; optional here [decision].
         */
        ExportJobResultRequest: {
            /** @description The OBS directory to write to. */
            exportPath: string;
            /** @description The file name, or the directory name when `paginate.enable` is true. */
            fileName?: string;
            /** @description OBS credentials. */
            obsParameters?: components["schemas"]["ObsParameters"];
            /** @description Export in several files (2025 page). */
            paginate?: {
                /**
                 * @description Whether to write several files, default false.
                 * @default false
                 */
                enable?: boolean;
                /**
                 * @description Rows a file, default 10000000.
                 * @default 10000000
                 */
                rowCountPerFile?: number;
                /**
                 * @description Threads, default 8 (at most the CPUs of the graph).
                 * @default 8
                 */
                numThread?: number;
                /** @description Bytes a file at most. */
                maxSizePerFile?: number;
            };
            /**
             * @description Whether the job whose result is exported is deleted afterwards, default true (2025 page).
             * @default true
             */
            erase?: boolean;
        };
    };
    responses: {
        /**
         * @description The X-Auth-Token header is missing or not accepted (GES.8007) [decision: the GES table maps
         *     GES.8007 to 400; the status list says 401 means authentication failed].
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GesError"];
            };
        };
        /** @description The token is valid but not allowed on this project or graph (GES.8006, GES.8020). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GesError"];
            };
        };
        /**
         * @description The path or method is no API of this service. **[decision]** GES.8000, the generic request error,
         *     because no GES page documents a 404 body. A missing graph is 400, not 404.
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GesError"];
            };
        };
        /** @description The engine is unavailable (GES.8602). */
        EngineUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GesError"];
            };
        };
        /**
         * @description The engine cannot take requests now (restarting, overloaded). The GES table maps GES.8602
         *     "engine unavailable" to 500; behind a load balancer the same condition is a 503, so both carry it.
         */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GesError"];
            };
        };
    };
    parameters: {
        /**
         * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
         *     hex digits.
         * @example 0123456789abcdef0123456789abcdef
         */
        ProjectId: string;
        /**
         * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
         *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
         * @example movie
         */
        GraphName: string;
        /**
         * @description Job ID as returned on submit. Memory-engine ids are a UUID followed by nine digits shared by
         *     every job of a graph [ex]; no format is enforced, since other engine versions differ.
         * @example 5a39d9f6-e955-4294-8ec6-2fe18eee98c7001680206
         */
        JobId: string;
        /**
         * @description The most jobs to return: 0 to 100000, default 100000 [doc]. Not an integer: 400 GES.8000; out of
         *     range: 400 GES.8005 [decision].
         * @example 2
         */
        Limit: number;
        /**
         * @description How many jobs to skip, default 0 [doc]. An offset past the end gives an empty page. The pages
         *     give no upper bound; **[decision]** it is a signed 32-bit integer, so larger values are 400
         *     GES.8005, like negative ones.
         * @example 0
         */
        Offset: number;
        /** @description The most result records to return, 0 to 100000, default 100000 [doc]. */
        ResultLimit: number;
        /** @description How many result records to skip, default 0 [doc]. */
        ResultOffset: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listJobs: {
        parameters: {
            query?: {
                /**
                 * @description The most jobs to return: 0 to 100000, default 100000 [doc]. Not an integer: 400 GES.8000; out of
                 *     range: 400 GES.8005 [decision].
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description How many jobs to skip, default 0 [doc]. An offset past the end gives an empty page. The pages
                 *     give no upper bound; **[decision]** it is a signed 32-bit integer, so larger values are 400
                 *     GES.8005, like negative ones.
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
                 *     hex digits.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
                 *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
                 * @example movie
                 */
                graph_name: components["parameters"]["GraphName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page of jobs asked for, and the total. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobList"];
                };
            };
            /**
             * @description Bad request: the graph does not exist (GES.8000), a parameter is malformed (GES.8000) or out
             *     of range (GES.8005).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The engine failed to read its job table (GES.8302) or is unavailable (GES.8602). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getJobStatus: {
        parameters: {
            query?: {
                /** @description The most result records to return, 0 to 100000, default 100000 [doc]. */
                limit?: components["parameters"]["ResultLimit"];
                /** @description How many result records to skip, default 0 [doc]. */
                offset?: components["parameters"]["ResultOffset"];
            };
            header?: never;
            path: {
                /**
                 * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
                 *     hex digits.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
                 *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
                 * @example movie
                 */
                graph_name: components["parameters"]["GraphName"];
                /**
                 * @description Job ID as returned on submit. Memory-engine ids are a UUID followed by nine digits shared by
                 *     every job of a graph [ex]; no format is enforced, since other engine versions differ.
                 * @example 5a39d9f6-e955-4294-8ec6-2fe18eee98c7001680206
                 */
                job_id: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job's status, and its result data once it has finished. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStatus"];
                };
            };
            /**
             * @description The job is not held by the engine (GES.8301), the graph does not exist (GES.8000), or a
             *     parameter is malformed (GES.8000) or out of range (GES.8005).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The engine failed to query the job (GES.8302) or is unavailable (GES.8602). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
                 *     hex digits.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
                 *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
                 * @example movie
                 */
                graph_name: components["parameters"]["GraphName"];
                /**
                 * @description Job ID as returned on submit. Memory-engine ids are a UUID followed by nine digits shared by
                 *     every job of a graph [ex]; no format is enforced, since other engine versions differ.
                 * @example 5a39d9f6-e955-4294-8ec6-2fe18eee98c7001680206
                 */
                job_id: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job was cancelled. The body is an empty object [doc]. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelResult"];
                };
            };
            /** @description No cancellable job with that id (GES.8303), or the graph does not exist (GES.8000). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The engine failed to cancel the job (GES.8304) or is unavailable (GES.8602). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    executeAlgorithm: {
        parameters: {
            query: {
                /**
                 * @description The action: `execute-algorithm` (1.0.0), `filtered-query` (2.2.13) or `import-graph` (2.1.14).
                 *     Blanks around the value are ignored; any other value is refused with 400 GES.8000 [decision].
                 */
                action_id: "execute-algorithm" | "filtered-query" | "import-graph";
            };
            header?: never;
            path: {
                /**
                 * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
                 *     hex digits.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
                 *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
                 * @example movie
                 */
                graph_name: components["parameters"]["GraphName"];
            };
            cookie?: never;
        };
        /**
         * @description The body of the action named by `action_id`: `AlgorithmRequest`, `FilteredQueryRequest` or
         *     `ImportGraphRequest` (`x-ges-actions` names each action's schema).
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlgorithmRequest"] | components["schemas"]["FilteredQueryRequest"] | components["schemas"]["ImportGraphRequest"];
            };
        };
        responses: {
            /**
             * @description The job was created (`JobCreated`), or a synchronous Filtered-query answered its result
             *     (`FilteredQueryResult`).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobCreated"] | components["schemas"]["FilteredQueryResult"];
                };
            };
            /**
             * @description The body is not a JSON object or too large (GES.8000), the graph does not exist (GES.8000),
             *     the algorithm name is empty (GES.8401), or the algorithm cannot start (GES.8402); for
             *     Filtered-query the graph or `executionMode` is wrong (GES.8806); for import-graph the graph
             *     does not exist or the import cannot start (GES.8013).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The engine is unavailable (GES.8602). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    queryVertices: {
        parameters: {
            query: {
                /** @description The action `query` (1.0.0), `export` (2.2.7) or `delete` (2.2.7). */
                action_id: "query" | "export" | "delete";
            };
            header?: never;
            path: {
                /**
                 * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
                 *     hex digits.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
                 *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
                 * @example movie
                 */
                graph_name: components["parameters"]["GraphName"];
            };
            cookie?: never;
        };
        /**
         * @description The body of the action named by `action_id`: `VertexQueryRequest`, `VertexExportRequest` or
         *     `VertexDeleteRequest`.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["VertexQueryRequest"] | components["schemas"]["VertexExportRequest"] | components["schemas"]["VertexDeleteRequest"];
            };
        };
        responses: {
            /** @description The job was created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobCreated"];
                };
            };
            /**
             * @description Neither `labels` nor `vertexFilters` (GES.8203), a malformed label (GES.8201), condition
             *     (GES.8202) or sort (GES.8205), a malformed body or missing export field (GES.8000), or the
             *     graph does not exist (GES.8000).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["EngineUnavailable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    queryEdges: {
        parameters: {
            query: {
                /** @description The action `query` (1.0.0), `export` (2.2.7), `delete` (2.2.7) or `batch-delete` (2.1.9). */
                action_id: "query" | "export" | "delete" | "batch-delete";
            };
            header?: never;
            path: {
                /**
                 * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
                 *     hex digits.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
                 *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
                 * @example movie
                 */
                graph_name: components["parameters"]["GraphName"];
            };
            cookie?: never;
        };
        /**
         * @description The body of the action named by `action_id`: `EdgeQueryRequest`, `EdgeExportRequest`,
         *     `EdgeDeleteRequest` or `BatchDeleteEdgesRequest`.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["EdgeQueryRequest"] | components["schemas"]["EdgeExportRequest"] | components["schemas"]["EdgeDeleteRequest"] | components["schemas"]["BatchDeleteEdgesRequest"];
            };
        };
        responses: {
            /**
             * @description The job was created (`JobCreated`), or a synchronous batch delete finished
             *     (`BatchDeleteResult`).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobCreated"] | components["schemas"]["BatchDeleteResult"];
                };
            };
            /**
             * @description Neither `labels` nor `edgeFilters` (GES.8103), a malformed condition (GES.8101), label
             *     (GES.8102) or sort (GES.8104), no edges to delete (GES.8110), an edge without `source` or
             *     `target` or a malformed body (GES.8000), or the graph does not exist (GES.8000, GES.8402).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["EngineUnavailable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
                 *     hex digits.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
                 *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
                 * @example movie
                 */
                graph_name: components["parameters"]["GraphName"];
            };
            cookie?: never;
        };
        /** @description The index to create. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIndexRequest"];
            };
        };
        responses: {
            /** @description The job was created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobCreated"];
                };
            };
            /** @description The index cannot be created (GES.8603), the body is malformed (GES.8000), or the graph does not exist (GES.8603). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["EngineUnavailable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
                 *     hex digits.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
                 *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
                 * @example movie
                 */
                graph_name: components["parameters"]["GraphName"];
                /**
                 * @description The index's name, as the page spells the parameter.
                 * @example ageIndex
                 */
                indexName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job was created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobCreated"];
                };
            };
            /** @description The index cannot be deleted or does not exist (GES.8604), or the graph does not exist (GES.8604). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["EngineUnavailable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    exportJobResult: {
        parameters: {
            query: {
                /** @description The action, `export-result` (2.2.1). */
                action_id: "export-result";
            };
            header?: never;
            path: {
                /**
                 * @description Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase
                 *     hex digits.
                 * @example 0123456789abcdef0123456789abcdef
                 */
                project_id: components["parameters"]["ProjectId"];
                /**
                 * @description Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the
                 *     create-graph rule) [doc]. The list page's table omits it although its URL has it.
                 * @example movie
                 */
                graph_name: components["parameters"]["GraphName"];
                /**
                 * @description Job ID as returned on submit. Memory-engine ids are a UUID followed by nine digits shared by
                 *     every job of a graph [ex]; no format is enforced, since other engine versions differ.
                 * @example 5a39d9f6-e955-4294-8ec6-2fe18eee98c7001680206
                 */
                job_id: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        /** @description Where to write the result. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExportJobResultRequest"];
            };
        };
        responses: {
            /** @description The export job was created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobCreated"];
                };
            };
            /**
             * @description The export cannot start: the graph does not exist, the job has no exportable result
             *     (GES.8011); the job is not held by the engine (GES.8301); the body is malformed (GES.8000).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GesError"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["EngineUnavailable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
