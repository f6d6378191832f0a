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
         *     topicrank, pagerank, personalrank, kcore, connected_component, label_propagation and louvain.
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
         * Run an algorithm as a job
         * @description Submits an algorithm run. The answer carries the new job's id; the job then appears first in
         *     the job list with `taskType` `Algorithm` and the request body, byte for byte, as `rawRequest`.
         *
         *     Vertex ids are not checked on submit: a job whose `source` or `target` is not in the graph is
         *     accepted, and fails later with a reason such as
         *     `Running algorithm [shortest_path] error: parameter [source] is invalid!` [ex].
         *
         *     **[decision]** An empty `algorithmName` is 400 GES.8401 [doc]; an unknown algorithm, or one
         *     missing a required parameter, is 400 GES.8402 (failed to start) [doc]; a body that is not
         *     a JSON object is 400 GES.8000. A body over 1 MiB is refused with 400 GES.8000: the GES pages
         *     list no 413, and a client that handles the six documented statuses handles this too.
         */
        post: operations["executeAlgorithm"];
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
             *     [ex]; others (exports, filter queries, index builds) exist and are valid.
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
        /** @description A new job's id. `jobType` 1 marks an algorithm job [doc]. */
        JobCreated: {
            /** @description The new job's id. */
            jobId: string;
            /** @description 1 for an algorithm job. */
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
                /** @description The action to perform. Only `execute-algorithm` is part of this contract. */
                action_id: "execute-algorithm";
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
        /** @description The algorithm and its parameters. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlgorithmRequest"];
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
             * @description The body is not a JSON object or too large (GES.8000), the graph does not exist (GES.8000),
             *     the algorithm name is empty (GES.8401), or the algorithm cannot start (GES.8402).
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
}
