/**
 * This file was auto-generated from openapi.yaml by `npm run gen`.
 * Do not make direct changes to the file.
 */
import type { OpenAPIV3_1Document } from '../spec/openapi-document-type.js';

/** openapi.yaml as data: read by the HTTP layer (examples) and the contract kit (schemas). */
export const openapiDocument: OpenAPIV3_1Document = {
  "openapi": "3.1.0",
  "info": {
    "title": "GES service-plane job APIs (memory edition)",
    "version": "2.2.13",
    "summary": "Listing Jobs (2.2.13) and the job endpoints around it, as one contract.",
    "description": "The authoritative contract of Huawei Cloud Graph Engine Service (GES) \"Listing Jobs\" (查询job列表,\nAPI 2.2.13) and the job operations that feed it: single job status, cancel, export of a job's\nresult, and every service-plane API that creates an asynchronous job: execute-algorithm, vertex\nand edge filter queries, Filtered-query, export and delete of filtered vertices and edges, batch\ndelete of edges, create and delete index, and import-graph.\n\nGES runs algorithms, imports and queries as asynchronous jobs. The list operation lets a caller that\nlost a jobId find it again: it returns every job the engine still holds, with its status, progress,\noriginal request and import file statistics.\n\nThe GES pages are short and disagree with each other in places. Wherever this spec had to choose,\nthe description of the schema or operation says what the pages say and what is decided here:\n\n* **[doc]** stated in a GES page, **[ex]** seen only in a documented example, **[decision]** ours.\n* Rules from the pages' tables and status lists are MUST: a server that breaks them fails the\n  contract kit. What only an example shows (newest-first order, `progress` as a string, the\n  status spellings of other engine versions) is SHOULD: a warning unless the kit runs `--strict`.\n\nExtension `x-ges-status-variants` lists status values that other engine versions are known to send;\nthe contract kit reads it from here rather than hard-coding it.\n\n**One operation per URL** [decision]. GES puts several APIs behind one URL and tells them apart by\nthe `action_id` query parameter: `…/vertices/action` (query, export, delete), `…/edges/action`\n(query, export, delete, batch-delete) and `…/graphs/{graph_name}/action` (execute-algorithm,\nfiltered-query, import-graph). OpenAPI allows one operation per method and path, so each URL is one\noperation with a required `action_id` enum and a request body that is any of the actions' bodies\n(`anyOf`, not `oneOf`: a delete body is also a valid query body). Keying paths with the query\n(`/vertices/action?action_id=query`) was rejected: Spectral and Redocly flag a query string in a\npath (`path-not-include-query`), Prism routes on the path alone and would match none of them, and\nthe mock and the contract kit build URLs from path templates. An operation is named after the\naction its URL was first published for (`executeAlgorithm`, `queryVertices`, `queryEdges`); each\naction's own id (`filteredQuery`, `exportVertices`, …), request schema, `jobType`, `taskType` and\ncancellability are in the operation's `x-ges-actions`, keyed by `action_id` (`x-ges-job` on an\noperation without `action_id`). A typed client calls, for example,\n`POST('/ges/v1.0/{project_id}/graphs/{graph_name}/vertices/action', {params: {query: {action_id: 'export'}}, body})`.\n\n**taskType of each kind of job** [decision]. The pages document only `Algorithm` and `ImportGraph`\n[ex]. The others are decided here, in the same style, and named in `x-ges-actions`/`x-ges-job`:\n`VertexFilterQuery`, `EdgeFilterQuery`, `FilteredQuery`, `ExportFilteredVertices`,\n`DeleteFilteredVertices`, `ExportFilteredEdges`, `DeleteFilteredEdges`, `BatchDeleteEdges`,\n`CreateIndex`, `DeleteIndex`, `ExportJobResult`. A client reads `taskType` as an open string.\n",
    "contact": {
      "name": "ges-jobs-kit maintainers",
      "url": "https://support.huaweicloud.com/api-ges/ges_03_0204.html"
    },
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "http://{SERVER_URL}",
      "description": "The graph's private or public access address [doc]; ports 80/443. The default points at the\nges-jobs-kit mock (`npm start`).\n",
      "variables": {
        "SERVER_URL": {
          "default": "127.0.0.1:4010",
          "description": "host[:port] of the graph engine (the GES pages call it SERVER_URL)."
        }
      }
    }
  ],
  "security": [
    {
      "XAuthToken": []
    }
  ],
  "tags": [
    {
      "name": "Job list",
      "description": "**The primary operation of this contract**: \"Listing Jobs\" (2.2.13), which lists every job the\nengine holds.\n"
    },
    {
      "name": "Jobs",
      "description": "Operations on one asynchronous job, whose results the list reflects."
    },
    {
      "name": "Algorithms",
      "description": "Submitting an algorithm, which creates a job that then appears in the list."
    },
    {
      "name": "Filter queries",
      "description": "Vertex and edge filter queries and Filtered-query, which run as jobs (Filtered-query when asked to)."
    },
    {
      "name": "Bulk data",
      "description": "Exporting, deleting and importing vertices and edges in bulk, as jobs."
    },
    {
      "name": "Indices",
      "description": "Creating and deleting indices, as jobs."
    }
  ],
  "paths": {
    "/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status": {
      "get": {
        "operationId": "listJobs",
        "tags": [
          "Job list"
        ],
        "summary": "List the jobs the engine holds (Listing Jobs, 2.2.13)",
        "description": "Returns the asynchronous jobs the graph engine still holds, newest `startTime` first, with\n`jobCount`, the total number of jobs of the graph, so a client can page through them.\n\n**Where the GES page is wrong, and what this spec does** [decision]:\n* The page's parameter table lists a *required* `job_id` that the URL has no place for, and\n  omits `graph_name`, which the URL has. Here `project_id` and `graph_name` are path\n  parameters, `limit` and `offset` query parameters; there is no `job_id`.\n* The table types `jobs` as Object; every example sends an array. It is an array.\n* `jobCount` appears only in the example. It is required and is the total number of jobs of the\n  graph, independent of `limit` and `offset` (the database edition documents its `totalCount`\n  so), because pagination needs it.\n* The example asks for `limit=2` and shows three jobs. That is a defect of the example:\n  `jobs.length` never exceeds `limit`.\n* The table lists `result`, `errorCode`, `errorMessage` for the success body; the example has\n  none of them. They are optional here; the mock sends the example's shape.\n\nOrder: newest `startTime` first, as both documented examples are ordered, ties broken by\n`jobId` so that pages never overlap or skip a job [ex → decision; SHOULD].\n\nUnknown graph is **400** GES.8000 (seed example), not 404. Non-integer `limit`/`offset` is 400\nGES.8000; an integer out of range is 400 GES.8005 [decision; how a real engine answers is not\ndocumented, so the contract kit only requires a 4xx error envelope there].\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ProjectId"
          },
          {
            "$ref": "#/components/parameters/GraphName"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/Offset"
          }
        ],
        "responses": {
          "200": {
            "description": "The page of jobs asked for, and the total.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobList"
                },
                "examples": {
                  "SeedExample": {
                    "summary": "The GES page's own example, unchanged (limit=2, yet three jobs; see above)",
                    "value": {
                      "jobs": [
                        {
                          "jobId": "b236a002-6acb-40cd-acca-bc3eb96b807d001680206",
                          "rawRequest": "{\"algorithmName\":\"shortest_path\",\"parameters\":{\"source\":\"0000\",\"target\":\"38\"}}",
                          "taskType": "Algorithm",
                          "canStop": false,
                          "progress": "100",
                          "startTime": "2024-05-23 09:54:00",
                          "failReason": "Running algorithm [shortest_path] error: parameter [source] is invalid!",
                          "endTime": "2024-05-23 09:54:00",
                          "status": "failed"
                        },
                        {
                          "jobId": "5a39d9f6-e955-4294-8ec6-2fe18eee98c7001680206",
                          "rawRequest": "{\"algorithmName\":\"shortest_path\",\"parameters\":{\"source\":\"46\",\"target\":\"38\"}}",
                          "taskType": "Algorithm",
                          "canStop": false,
                          "progress": "100",
                          "startTime": "2024-05-23 09:41:40",
                          "endTime": "2024-05-23 09:41:40",
                          "status": "success"
                        },
                        {
                          "jobId": "cef6ae30-f21b-4a2a-a83c-cf91bee679d9001680206",
                          "rawRequest": "",
                          "taskType": "ImportGraph",
                          "canStop": false,
                          "progress": "100",
                          "files": [
                            {
                              "edgeFiles": [
                                {
                                  "fileName": "/root/ges-install/auDatas/ranking_edge.csv",
                                  "totalLines": 1659,
                                  "startTime": 1716428001745772,
                                  "successfulLines": 1659,
                                  "endTime": 1716428001757920,
                                  "status": "success",
                                  "failedLines": 0
                                }
                              ]
                            },
                            {
                              "vertexFiles": [
                                {
                                  "fileName": "/root/ges-install/auDatas/movies_vertex_new.csv",
                                  "totalLines": 146,
                                  "startTime": 1716428001656072,
                                  "successfulLines": 146,
                                  "endTime": 1716428001659352,
                                  "status": "success",
                                  "failedLines": 0
                                }
                              ]
                            },
                            {
                              "schemaFiles": [
                                {
                                  "totalLabels": 49,
                                  "fileName": "/root/ges-install/auDatas/schema.xml.bak",
                                  "failedLabels": 0,
                                  "startTime": 1716428001563921,
                                  "successfulLabels": 49,
                                  "endTime": 1716428001655884,
                                  "status": "success"
                                }
                              ]
                            }
                          ],
                          "startTime": "2024-05-23 09:33:21",
                          "endTime": "2024-05-23 09:33:21",
                          "status": "success"
                        }
                      ],
                      "jobCount": 3
                    }
                  },
                  "RunningAndPending": {
                    "summary": "Jobs still in flight (limit=2&offset=0 of a graph holding 61 jobs)",
                    "value": {
                      "jobs": [
                        {
                          "jobId": "0f6b1f3e-27c1-4f5e-9a43-5d2c8e7b9a10001680206",
                          "rawRequest": "{\"algorithmName\":\"pagerank\",\"parameters\":{\"alpha\":0.85,\"convergence\":0.00001,\"max_iterations\":1000,\"directed\":true}}",
                          "taskType": "Algorithm",
                          "canStop": true,
                          "progress": "0",
                          "startTime": "2024-05-23 10:02:13",
                          "status": "pending"
                        },
                        {
                          "jobId": "7c2d9a44-0b8e-4c1f-8d6a-3e5f2a1b0c99001680206",
                          "rawRequest": "{\"algorithmName\":\"louvain\",\"parameters\":{\"convergence\":0.00001,\"max_iterations\":100}}",
                          "taskType": "Algorithm",
                          "canStop": true,
                          "progress": "42",
                          "startTime": "2024-05-23 10:01:57",
                          "status": "running"
                        }
                      ],
                      "jobCount": 61
                    }
                  },
                  "ImportPartlyFailed": {
                    "summary": "An import whose edge file had unparsable lines",
                    "value": {
                      "jobs": [
                        {
                          "jobId": "3b8e2f10-9d4c-4a7b-b1e2-6f0a5c3d2e11001680206",
                          "rawRequest": "{\"graphName\":\"movie\",\"offline\":false,\"edgesetPath\":\"/data/ranking_edge.csv\",\"vertexsetPath\":\"/data/movies_vertex.csv\",\"delimiter\":\",\",\"trimQuote\":\"\\\"\",\"vertexsetFormat\":\"csv\",\"edgesetFormat\":\"csv\",\"parallelEdge\":{\"ignoreLabel\":true,\"action\":\"allow\"}}",
                          "taskType": "ImportGraph",
                          "canStop": false,
                          "progress": "100",
                          "files": [
                            {
                              "edgeFiles": [
                                {
                                  "fileName": "/data/ranking_edge.csv",
                                  "totalLines": 1659,
                                  "startTime": 1716429602105310,
                                  "successfulLines": 1647,
                                  "endTime": 1716429602118842,
                                  "status": "failed",
                                  "failedLines": 12
                                }
                              ]
                            },
                            {
                              "vertexFiles": [
                                {
                                  "fileName": "/data/movies_vertex.csv",
                                  "totalLines": 146,
                                  "startTime": 1716429602001207,
                                  "successfulLines": 146,
                                  "endTime": 1716429602004433,
                                  "status": "success",
                                  "failedLines": 0
                                }
                              ]
                            }
                          ],
                          "startTime": "2024-05-23 10:00:02",
                          "endTime": "2024-05-23 10:00:02",
                          "failReason": "Import edge file [/data/ranking_edge.csv] failed: 12 of 1659 lines could not be parsed",
                          "status": "failed"
                        }
                      ],
                      "jobCount": 61
                    }
                  },
                  "EmptyPage": {
                    "summary": "An offset past the end gives an empty page, and still the total",
                    "value": {
                      "jobs": [],
                      "jobCount": 61
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "Bad request: the graph does not exist (GES.8000), a parameter is malformed (GES.8000) or out\nof range (GES.8005).\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "GraphNotFound": {
                    "$ref": "#/components/examples/GraphNotFound"
                  },
                  "MalformedParameter": {
                    "$ref": "#/components/examples/MalformedParameter"
                  },
                  "ParameterOutOfRange": {
                    "$ref": "#/components/examples/ParameterOutOfRange"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "description": "The engine failed to read its job table (GES.8302) or is unavailable (GES.8602).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "JobQueryError": {
                    "$ref": "#/components/examples/JobQueryError"
                  },
                  "EngineUnavailable": {
                    "$ref": "#/components/examples/EngineUnavailable"
                  }
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}/status": {
      "get": {
        "operationId": "getJobStatus",
        "tags": [
          "Jobs"
        ],
        "summary": "Query one job's status and result",
        "description": "Returns one job's status and, once it has finished, a page of its result (`limit`/`offset` page\nthrough the result data, not through jobs). For finished jobs the status here equals the one\nin the job list.\n\nThe GES pages disagree on the status values: the table names four (`pending`, `running`,\n`success`, `failed`), an older example sends `complete`, a 2025 page adds `partiallyFailed`.\nThe spec's enum is the four; the other two are listed in `x-ges-status-variants` and are\nwarnings in the contract kit. A job the engine does not hold is 400 GES.8301 [ex].\n\nUsed after every asynchronous API: algorithms, vertex and edge filter queries, Filtered-query,\nexports, deletes, index jobs, imports [doc]. A vertex filter query's result is in\n`data.outputs`: `vertices` and the paging counters `data_return_size`, `data_offset` and\n`data_total_size` beside them [ex]. No page shows an edge filter query's result; the mock puts\n`edges` there [decision]. An asynchronous Filtered-query is paged unless `visualized` was true\n[doc].\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ProjectId"
          },
          {
            "$ref": "#/components/parameters/GraphName"
          },
          {
            "$ref": "#/components/parameters/JobId"
          },
          {
            "$ref": "#/components/parameters/ResultLimit"
          },
          {
            "$ref": "#/components/parameters/ResultOffset"
          }
        ],
        "responses": {
          "200": {
            "description": "The job's status, and its result data once it has finished.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobStatus"
                },
                "examples": {
                  "ShortestPathSucceeded": {
                    "summary": "A finished shortest_path job and its result",
                    "value": {
                      "status": "success",
                      "data": {
                        "outputs": {
                          "path": [
                            "46",
                            "133",
                            "130",
                            "78"
                          ],
                          "source": "46",
                          "target": "78",
                          "data_return_size": 4,
                          "data_offset": 0,
                          "data_total_size": 4
                        }
                      },
                      "result": "success"
                    }
                  },
                  "Running": {
                    "summary": "A job still running has no result yet",
                    "value": {
                      "status": "running",
                      "result": "success"
                    }
                  },
                  "Failed": {
                    "summary": "A failed job reports its failReason as errorMessage",
                    "value": {
                      "status": "failed",
                      "errorMessage": "Running algorithm [shortest_path] error: parameter [source] is invalid!",
                      "result": "success"
                    }
                  },
                  "VertexQueryResult": {
                    "summary": "The job status page's example, unchanged (a vertex filter query, offset=0&limit=2)",
                    "value": {
                      "data": {
                        "outputs": {
                          "data_return_size": 2,
                          "vertices": [
                            {
                              "id": "Sarah",
                              "label": "user",
                              "properties": {
                                "Occupation": [
                                  "other or not specified"
                                ],
                                "ChineseName": [
                                  "莎拉"
                                ],
                                "Zip-code": [
                                  "55105"
                                ],
                                "Gender": [
                                  "F"
                                ],
                                "Age": [
                                  "18-24"
                                ]
                              }
                            },
                            {
                              "id": "Sidney",
                              "label": "user",
                              "properties": {
                                "Occupation": [
                                  "writer"
                                ],
                                "ChineseName": [
                                  "西德尼"
                                ],
                                "Zip-code": [
                                  "85296"
                                ],
                                "Gender": [
                                  "M"
                                ],
                                "Age": [
                                  "18-24"
                                ]
                              }
                            }
                          ],
                          "data_offset": 0,
                          "data_total_size": 19
                        }
                      },
                      "status": "success"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The job is not held by the engine (GES.8301), the graph does not exist (GES.8000), or a\nparameter is malformed (GES.8000) or out of range (GES.8005).\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "JobNotFound": {
                    "summary": "The GES page's example for an unknown job id",
                    "value": {
                      "errorMessage": "can not find job, jobId is 0ebb322076be429359b721c46fde16ff00003824890901",
                      "errorCode": "GES.8301",
                      "result": "failed"
                    }
                  },
                  "GraphNotFound": {
                    "$ref": "#/components/examples/GraphNotFound"
                  },
                  "ParameterOutOfRange": {
                    "$ref": "#/components/examples/ParameterOutOfRange"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "description": "The engine failed to query the job (GES.8302) or is unavailable (GES.8602).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "JobQueryError": {
                    "$ref": "#/components/examples/JobQueryError"
                  },
                  "EngineUnavailable": {
                    "$ref": "#/components/examples/EngineUnavailable"
                  }
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}": {
      "delete": {
        "operationId": "cancelJob",
        "tags": [
          "Jobs"
        ],
        "summary": "Cancel a job",
        "description": "Stops a job that can still be stopped (`canStop` true in the list). Cancellable task kinds\n[doc]: filter queries, import and export of graphs, adding an index, and the algorithms\ntopicrank, pagerank, personalrank, kcore, connected_component, label_propagation, louvain and\nnode2vec. The 2025 page lists the jobs of: export graph, import graph, vertex filter query,\nedge filter query, Filtered-query V2, execute algorithm and add index; the 2021 page only\nvertex and edge filter queries, execute algorithm and add index, other kinds answering\n\"Unsupported Operation\" [doc]. Per kind, `x-ges-actions` and `x-ges-job` say `cancellable`:\n`VertexFilterQuery`, `EdgeFilterQuery`, `CreateIndex`, `ImportGraph` and the listed algorithms\nare; exports and deletes of filtered data, batch deletes, `DeleteIndex` and `ExportJobResult`\nare not. **[decision]** Filtered-query (2.2.13) is not: the page names Filtered-query V2, a\ndifferent API. `canStop` is true exactly for an unfinished job of a cancellable kind.\n\nWhat a cancelled job looks like afterwards is not documented. **[decision]** It becomes\n`failed`, with a `failReason` that says it was cancelled, `canStop` false and `endTime` the\nmoment of cancellation. Cancelling a job that is unknown, finished or not cancellable is 400\nGES.8303 [ex], and so is cancelling it a second time.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ProjectId"
          },
          {
            "$ref": "#/components/parameters/GraphName"
          },
          {
            "$ref": "#/components/parameters/JobId"
          }
        ],
        "responses": {
          "200": {
            "description": "The job was cancelled. The body is an empty object [doc].",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CancelResult"
                },
                "examples": {
                  "Cancelled": {
                    "summary": "Cancelled",
                    "value": {}
                  }
                }
              }
            }
          },
          "400": {
            "description": "No cancellable job with that id (GES.8303), or the graph does not exist (GES.8000).\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "NothingToCancel": {
                    "summary": "The GES page's example for a job that cannot be cancelled",
                    "value": {
                      "errorMessage": "can not find job to cancel, id is 0ebb322076be429359b721c46fde16ff00003824890901",
                      "errorCode": "GES.8303",
                      "result": "failed"
                    }
                  },
                  "GraphNotFound": {
                    "$ref": "#/components/examples/GraphNotFound"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "description": "The engine failed to cancel the job (GES.8304) or is unavailable (GES.8602).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "CancelError": {
                    "summary": "The engine could not stop the job",
                    "value": {
                      "errorMessage": "Failed to cancel job.",
                      "errorCode": "GES.8304",
                      "result": "failed"
                    }
                  },
                  "EngineUnavailable": {
                    "$ref": "#/components/examples/EngineUnavailable"
                  }
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/ges/v1.0/{project_id}/graphs/{graph_name}/action": {
      "post": {
        "operationId": "executeAlgorithm",
        "tags": [
          "Algorithms",
          "Filter queries",
          "Bulk data"
        ],
        "summary": "Run an algorithm, a Filtered-query or an import (action_id)",
        "description": "One URL, three actions, chosen by `action_id` (see \"One operation per URL\" above; each action's\nown id, job type and task type are in `x-ges-actions`).\n\n**`execute-algorithm`** submits an algorithm run. The answer carries the new job's id; the job\nthen appears first in the job list with `taskType` `Algorithm` and the request body, byte for\nbyte, as `rawRequest`.\n\nVertex ids are not checked on submit: a job whose `source` or `target` is not in the graph is\naccepted, and fails later with a reason such as\n`Running algorithm [shortest_path] error: parameter [source] is invalid!` [ex].\n\n**[decision]** An empty `algorithmName` is 400 GES.8401 [doc]; an unknown algorithm, or one\nmissing a required parameter, is 400 GES.8402 (failed to start) [doc]; a body that is not\na JSON object is 400 GES.8000. A body over 1 MiB is refused with 400 GES.8000: the GES pages\nlist no 413, and a client that handles the six documented statuses handles this too.\n\n**`filtered-query`** (2.2.13) filters a k-hop walk hop by hop and lists the vertices or edges\nof the last hop [doc]. With `executionMode` `sync`, the default, the answer is the result\n(`data`), and no job is created; with `async` it is `{\"jobId\", \"jobType\": 1}` and the job's\nresult is read through the job status operation [doc, ex]. A synchronous result holds at most\n100,000 vertices [doc]. An `executionMode` other than `sync` or `async` is 400 GES.8806 with the\npage's message `executionMode is not correct, it should be sync or async` [ex]; an unknown graph\nis 400 GES.8806 `graph [name] is not found` [ex].\n\n**`import-graph`** (2.1.14) adds edge, vertex and schema files to the graph as a job [doc]; the\nanswer is `{\"jobId\"}` only, as the page shows it [ex]. The Chinese page prints the URL as\n`action_id= import-graph`, with a blank [ex]. **[decision]** Blanks around the `action_id` value\nare ignored, so that example is accepted as printed. An unknown graph is 400 GES.8013 [ex].\n**[decision]** An import naming none of `edgesetPath`, `vertexsetPath` and `schemaPath` is 400\nGES.8013: an English copy of the page requires one of them [doc].\n\n**[decision]** An `action_id` that is none of the three is 400 GES.8000: no page documents one.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ProjectId"
          },
          {
            "$ref": "#/components/parameters/GraphName"
          },
          {
            "name": "action_id",
            "in": "query",
            "required": true,
            "description": "The action: `execute-algorithm` (1.0.0), `filtered-query` (2.2.13) or `import-graph` (2.1.14).\nBlanks around the value are ignored; any other value is refused with 400 GES.8000 [decision].\n",
            "schema": {
              "type": "string",
              "enum": [
                "execute-algorithm",
                "filtered-query",
                "import-graph"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "description": "The body of the action named by `action_id`: `AlgorithmRequest`, `FilteredQueryRequest` or\n`ImportGraphRequest` (`x-ges-actions` names each action's schema).\n",
          "content": {
            "application/json": {
              "schema": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/AlgorithmRequest"
                  },
                  {
                    "$ref": "#/components/schemas/FilteredQueryRequest"
                  },
                  {
                    "$ref": "#/components/schemas/ImportGraphRequest"
                  }
                ]
              },
              "examples": {
                "ShortestPath": {
                  "summary": "shortest_path between two vertices",
                  "value": {
                    "algorithmName": "shortest_path",
                    "parameters": {
                      "source": "46",
                      "target": "38"
                    }
                  }
                },
                "PageRank": {
                  "summary": "pagerank with its documented defaults",
                  "value": {
                    "algorithmName": "pagerank",
                    "parameters": {
                      "alpha": 0.85,
                      "convergence": 0.00001,
                      "max_iterations": 1000,
                      "directed": true
                    }
                  }
                },
                "FilteredQuerySyncPage": {
                  "summary": "The Filtered-query page's synchronous example, unchanged (\"visulized\" and its string value as printed)",
                  "value": {
                    "executionMode": "sync",
                    "visulized": "false",
                    "filters": [
                      {
                        "operator": "outV"
                      },
                      {
                        "operator": "out",
                        "edge_filter": {
                          "property_filter": {
                            "leftvalue": {
                              "label_name": "labelName"
                            },
                            "predicate": "=",
                            "rightvalue": {
                              "value": "rate"
                            }
                          }
                        }
                      }
                    ],
                    "full_path": false,
                    "vertices": [
                      "tr_10"
                    ]
                  }
                },
                "FilteredQueryAsyncPage": {
                  "summary": "The Filtered-query page's asynchronous example, unchanged",
                  "value": {
                    "executionMode": "async",
                    "visulized": "false",
                    "filters": [
                      {
                        "operator": "outV"
                      },
                      {
                        "operator": "out",
                        "edge_filter": {
                          "property_filter": {
                            "leftvalue": {
                              "label_name": "labelName"
                            },
                            "predicate": "=",
                            "rightvalue": {
                              "value": "rate"
                            }
                          }
                        }
                      }
                    ],
                    "full_path": false,
                    "vertices": [
                      "tr_10"
                    ]
                  }
                },
                "FilteredQueryNestedPage": {
                  "summary": "The Filtered-query page's nested property_filter example, unchanged",
                  "value": {
                    "executionMode": "sync",
                    "filters": [
                      {
                        "operator": "outV",
                        "vertex_filter": {
                          "property_filter": {
                            "leftvalue": {
                              "property_filter": {
                                "leftvalue": {
                                  "property_name": "genres"
                                },
                                "predicate": "PREFIX",
                                "rightvalue": {
                                  "value": "A|"
                                }
                              }
                            },
                            "predicate": "&",
                            "rightvalue": {
                              "property_filter": {
                                "leftvalue": {
                                  "label_name": "labelName"
                                },
                                "predicate": "=",
                                "rightvalue": {
                                  "value": "movie"
                                }
                              }
                            }
                          }
                        }
                      }
                    ],
                    "vertices": [
                      "tr_3"
                    ]
                  }
                },
                "FilteredQueryWithPathPage": {
                  "summary": "The 2021-01 Filtered-query page's synchronous example, with with_path",
                  "value": {
                    "executionMode": "sync",
                    "visulized": "false",
                    "filters": [
                      {
                        "operator": "outV"
                      },
                      {
                        "operator": "out",
                        "edge_filter": {
                          "property_filter": {
                            "leftvalue": {
                              "label_name": "labelName"
                            },
                            "predicate": "=",
                            "rightvalue": {
                              "value": "rate"
                            }
                          }
                        }
                      }
                    ],
                    "with_path": false,
                    "full_path": false,
                    "vertices": [
                      "tr_10"
                    ]
                  }
                },
                "FilteredQueryAsyncWithPathPage": {
                  "summary": "The 2021-01 Filtered-query page's asynchronous example, with with_path",
                  "value": {
                    "executionMode": "async",
                    "visulized": "false",
                    "filters": [
                      {
                        "operator": "outV"
                      },
                      {
                        "operator": "out",
                        "edge_filter": {
                          "property_filter": {
                            "leftvalue": {
                              "label_name": "labelName"
                            },
                            "predicate": "=",
                            "rightvalue": {
                              "value": "rate"
                            }
                          }
                        }
                      }
                    ],
                    "with_path": false,
                    "full_path": false,
                    "vertices": [
                      "tr_10"
                    ]
                  }
                },
                "ImportGraphPage": {
                  "summary": "The import-graph page's example, unchanged",
                  "value": {
                    "edgesetPath": "testbucket/demo_movie/edges/",
                    "edgesetFormat": "csv",
                    "vertexsetPath": "testbucket/demo_movie/vertices/",
                    "vertexsetFormat": "csv",
                    "schemaPath": "testbucket/demo_movie/incremental_data_schema.xml",
                    "logDir": "testbucket/importlogdir",
                    "parallelEdge": {
                      "action": "override",
                      "ignoreLabel": true
                    },
                    "delimiter": ",",
                    "trimQuote": "\"",
                    "offline": true,
                    "obsParameters": {
                      "accessKey": "xxxxxx",
                      "secretKey": "xxxxxx"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job was created (`JobCreated`), or a synchronous Filtered-query answered its result\n(`FilteredQueryResult`).\n",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/JobCreated"
                    },
                    {
                      "$ref": "#/components/schemas/FilteredQueryResult"
                    }
                  ]
                },
                "examples": {
                  "Created": {
                    "summary": "A new algorithm job",
                    "value": {
                      "jobId": "5a39d9f6-e955-4294-8ec6-2fe18eee98c7001680206",
                      "jobType": 1
                    }
                  },
                  "FilteredQueryCreated": {
                    "summary": "The Filtered-query page's asynchronous answer, unchanged",
                    "value": {
                      "jobId": "6622f13c-4b88-45f5-89a9-eaa096647c4a",
                      "jobType": 1
                    }
                  },
                  "FilteredQuerySyncResult": {
                    "summary": "The Filtered-query page's synchronous answer, its first and last edge (the page elides the 199,997 between with \"……,\")",
                    "value": {
                      "data": {
                        "edges": [
                          {
                            "index": "1",
                            "source": "tr_1",
                            "label": "rate",
                            "properties": {
                              "Rating": [
                                0
                              ],
                              "Datetime": [
                                ""
                              ]
                            },
                            "target": "tr_3"
                          },
                          {
                            "index": "199998",
                            "source": "tr_1",
                            "label": "rate",
                            "properties": {
                              "Rating": [
                                0
                              ],
                              "Datetime": [
                                ""
                              ]
                            },
                            "target": "tr_200000"
                          }
                        ]
                      }
                    }
                  },
                  "ImportGraphCreated": {
                    "summary": "The import-graph page's answer, unchanged (no jobType)",
                    "value": {
                      "jobId": "b4f2e9a0-0439-4edd-a3ad-199bb523b613"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The body is not a JSON object or too large (GES.8000), the graph does not exist (GES.8000),\nthe algorithm name is empty (GES.8401), or the algorithm cannot start (GES.8402); for\nFiltered-query the graph or `executionMode` is wrong (GES.8806); for import-graph the graph\ndoes not exist or the import cannot start (GES.8013).\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "AlgorithmNameEmpty": {
                    "summary": "algorithmName missing or empty",
                    "value": {
                      "errorMessage": "algorithmName or graphName is empty.",
                      "errorCode": "GES.8401",
                      "result": "failed"
                    }
                  },
                  "AlgorithmFailedToStart": {
                    "summary": "Unknown algorithm, or a required parameter missing",
                    "value": {
                      "errorMessage": "Algorithm [shortest_path] failed to start: parameter [target] is required.",
                      "errorCode": "GES.8402",
                      "result": "failed"
                    }
                  },
                  "MalformedBody": {
                    "summary": "The body is not a JSON object",
                    "value": {
                      "errorMessage": "Incorrect parameter format: the request body is not a JSON object.",
                      "errorCode": "GES.8000",
                      "result": "failed"
                    }
                  },
                  "GraphNotFound": {
                    "$ref": "#/components/examples/GraphNotFound"
                  },
                  "AlgorithmGraphNotFound": {
                    "summary": "The execute-algorithm page's example for an unknown graph, unchanged",
                    "value": {
                      "errorMessage": "graph [demo] is not found",
                      "errorCode": "GES.8402"
                    }
                  },
                  "FilteredQueryGraphNotFound": {
                    "summary": "The Filtered-query page's synchronous failure example, unchanged",
                    "value": {
                      "errorMessage": "graph [tesdt_117] is not found",
                      "errorCode": "GES.8806"
                    }
                  },
                  "ExecutionModeInvalid": {
                    "summary": "The Filtered-query page's asynchronous failure example, unchanged",
                    "value": {
                      "errorMessage": "executionMode is not correct, it should be sync or async",
                      "errorCode": "GES.8806"
                    }
                  },
                  "ImportGraphNotFound": {
                    "summary": "The import-graph page's failure example, unchanged",
                    "value": {
                      "errorCode": "GES.8013",
                      "errorMessage": "graph [movie2] is not found"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "description": "The engine is unavailable (GES.8602).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "EngineUnavailable": {
                    "$ref": "#/components/examples/EngineUnavailable"
                  }
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        },
        "x-ges-actions": {
          "execute-algorithm": {
            "actionId": "executeAlgorithm",
            "since": "1.0.0",
            "requestSchema": "#/components/schemas/AlgorithmRequest",
            "createsJob": "always",
            "jobType": 1,
            "taskType": "Algorithm",
            "taskTypeFrom": "ex",
            "cancellable": true,
            "cancellableAlgorithms": [
              "topicrank",
              "pagerank",
              "personalrank",
              "kcore",
              "connected_component",
              "label_propagation",
              "louvain",
              "node2vec"
            ],
            "pages": [
              "执行算法(1-0-0).md"
            ]
          },
          "filtered-query": {
            "actionId": "filteredQuery",
            "since": "2.2.13",
            "requestSchema": "#/components/schemas/FilteredQueryRequest",
            "createsJob": "async",
            "jobType": 1,
            "taskType": "FilteredQuery",
            "taskTypeFrom": "decision",
            "cancellable": false,
            "pages": [
              "Filtered-query-API(2-2-13).md",
              "Filtered-query-API.md"
            ]
          },
          "import-graph": {
            "actionId": "importGraph",
            "since": "2.1.14",
            "requestSchema": "#/components/schemas/ImportGraphRequest",
            "createsJob": "always",
            "taskType": "ImportGraph",
            "taskTypeFrom": "ex",
            "cancellable": true,
            "pages": [
              "https://support.huaweicloud.com/api-ges/ges_03_0228.html",
              "https://support.huaweicloud.com/api-ges/ges_03_0468.html"
            ]
          }
        }
      }
    },
    "/ges/v1.0/{project_id}/graphs/{graph_name}/vertices/action": {
      "post": {
        "operationId": "queryVertices",
        "tags": [
          "Filter queries",
          "Bulk data"
        ],
        "summary": "Query, export or delete the vertices a filter selects, as a job (action_id)",
        "description": "One URL, three actions, chosen by `action_id` (see \"One operation per URL\" above): `query`\n(vertex filter query, 1.0.0), `export` (export filtered vertices to OBS, 2.2.7) and `delete`\n(delete filtered vertices, 2.2.7). Each creates a job and answers `{\"jobId\", \"jobType\": 1}`\n[ex]; export and delete exist only asynchronously [doc]. A query job's result is read through\nthe job status operation, in `data.outputs` [ex].\n\n`labels` or `vertexFilters` must be given: without both the answer is 400 GES.8203 with the\npage's message `Bad Request, parameter labels and vertexFilters cannot all be null` [ex]. With a\n`full_text_*` predicate `vertexFilters` holds one condition, `labels` is absent, and a full-text\nindex must exist [doc].\n\n**[decision]** A filter condition that is malformed is 400 GES.8202, a `sorts` entry with an\n`orderValue` other than `incr`/`decr` 400 GES.8205, a label that is not a list of strings 400\nGES.8201 (the codes the error table gives these cases). An export without `exportPath` or\n`obsParameters` is 400 GES.8000. An `action_id` other than the three is 400 GES.8000. Vertices\nand properties are not checked on submit: a job that selects nothing succeeds with an empty\nresult.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ProjectId"
          },
          {
            "$ref": "#/components/parameters/GraphName"
          },
          {
            "name": "action_id",
            "in": "query",
            "required": true,
            "description": "The action `query` (1.0.0), `export` (2.2.7) or `delete` (2.2.7).",
            "schema": {
              "type": "string",
              "enum": [
                "query",
                "export",
                "delete"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "description": "The body of the action named by `action_id`: `VertexQueryRequest`, `VertexExportRequest` or\n`VertexDeleteRequest`.\n",
          "content": {
            "application/json": {
              "schema": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/VertexQueryRequest"
                  },
                  {
                    "$ref": "#/components/schemas/VertexExportRequest"
                  },
                  {
                    "$ref": "#/components/schemas/VertexDeleteRequest"
                  }
                ]
              },
              "examples": {
                "QueryPage": {
                  "summary": "The vertex filter query page's example, unchanged",
                  "value": {
                    "offset": 0,
                    "limit": 2,
                    "labels": [
                      "movies",
                      "user"
                    ],
                    "vertexFilters": [
                      {
                        "propertyName": "Age",
                        "predicate": "=",
                        "values": [
                          "18-24"
                        ]
                      }
                    ]
                  }
                },
                "QueryFullTextCombination": {
                  "summary": "The page's second vertexFilters example (full_text_combination) as a query body",
                  "value": {
                    "vertexFilters": [
                      {
                        "propertyName": "propertyName",
                        "predicate": "full_text_combination",
                        "values": [
                          {
                            "propertyName": "movieid",
                            "value": "0"
                          },
                          {
                            "propertyName": "title",
                            "value": "american"
                          }
                        ]
                      }
                    ]
                  }
                },
                "QueryConditionsJoinedByOr": {
                  "summary": "The page's first vertexFilters example as a query body",
                  "value": {
                    "vertexFilters": [
                      {
                        "propertyName": "Gender",
                        "predicate": "=",
                        "values": [
                          "F"
                        ]
                      },
                      {
                        "propertyName": "Age",
                        "predicate": "range",
                        "values": [
                          "18-24",
                          "56+"
                        ],
                        "type": "or"
                      }
                    ]
                  }
                },
                "ExportPage": {
                  "summary": "The export filtered vertices page's example, unchanged",
                  "value": {
                    "labels": [
                      "movies",
                      "user"
                    ],
                    "vertexFilters": [
                      {
                        "propertyName": "Age",
                        "predicate": "=",
                        "values": [
                          "18-24"
                        ]
                      }
                    ],
                    "exportPath": "demo_movie/",
                    "fileName": "export_movie_and_user.csv",
                    "obsParameters": {
                      "accessKey": "XXXX",
                      "secretKey": "XXXX"
                    }
                  }
                },
                "DeletePage": {
                  "summary": "The delete filtered vertices page's example, unchanged",
                  "value": {
                    "labels": [
                      "movies",
                      "user"
                    ],
                    "vertexFilters": [
                      {
                        "propertyName": "Age",
                        "predicate": "=",
                        "values": [
                          "18-24"
                        ]
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job was created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobCreated"
                },
                "examples": {
                  "Created": {
                    "summary": "The vertex filter query page's answer, unchanged (the export and delete pages show the same)",
                    "value": {
                      "jobId": "03e774f5-29ea-4187-9508-5435f3892ead016886200",
                      "jobType": 1
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "Neither `labels` nor `vertexFilters` (GES.8203), a malformed label (GES.8201), condition\n(GES.8202) or sort (GES.8205), a malformed body or missing export field (GES.8000), or the\ngraph does not exist (GES.8000).\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "LabelsAndFiltersEmpty": {
                    "summary": "The page's failure example, unchanged (the export and delete pages show the same)",
                    "value": {
                      "errorMessage": "Bad Request, parameter labels and vertexFilters cannot all be null",
                      "errorCode": "GES.8203"
                    }
                  },
                  "InvalidFilter": {
                    "summary": "A condition without propertyName or values",
                    "value": {
                      "errorMessage": "Invalid filter criteria for vertex queries: propertyName is empty.",
                      "errorCode": "GES.8202",
                      "result": "failed"
                    }
                  },
                  "InvalidSort": {
                    "summary": "An orderValue other than incr or decr",
                    "value": {
                      "errorMessage": "Invalid vertex filtering query sequence: orderValue must be incr or decr.",
                      "errorCode": "GES.8205",
                      "result": "failed"
                    }
                  },
                  "GraphNotFound": {
                    "$ref": "#/components/examples/GraphNotFound"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/EngineUnavailable"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        },
        "x-ges-actions": {
          "query": {
            "actionId": "queryVertices",
            "since": "1.0.0",
            "requestSchema": "#/components/schemas/VertexQueryRequest",
            "createsJob": "always",
            "jobType": 1,
            "taskType": "VertexFilterQuery",
            "taskTypeFrom": "decision",
            "cancellable": true,
            "pages": [
              "点过滤查询(1-0-0).md"
            ]
          },
          "export": {
            "actionId": "exportVertices",
            "since": "2.2.7",
            "requestSchema": "#/components/schemas/VertexExportRequest",
            "createsJob": "always",
            "jobType": 1,
            "taskType": "ExportFilteredVertices",
            "taskTypeFrom": "decision",
            "cancellable": false,
            "pages": [
              "导出过滤后的点(2-2-7).md"
            ]
          },
          "delete": {
            "actionId": "deleteVertices",
            "since": "2.2.7",
            "requestSchema": "#/components/schemas/VertexDeleteRequest",
            "createsJob": "always",
            "jobType": 1,
            "taskType": "DeleteFilteredVertices",
            "taskTypeFrom": "decision",
            "cancellable": false,
            "pages": [
              "删除过滤后的点(2-2-7).md"
            ]
          }
        }
      }
    },
    "/ges/v1.0/{project_id}/graphs/{graph_name}/edges/action": {
      "post": {
        "operationId": "queryEdges",
        "tags": [
          "Filter queries",
          "Bulk data"
        ],
        "summary": "Query, export or delete the edges a filter selects, or delete edges in a batch (action_id)",
        "description": "One URL, four actions, chosen by `action_id` (see \"One operation per URL\" above): `query`\n(edge filter query, 1.0.0), `export` (export filtered edges to OBS, 2.2.7), `delete` (delete\nfiltered edges, 2.2.7) and `batch-delete` (batch delete edges, 2.1.9). The first three create a\njob and answer `{\"jobId\", \"jobType\": 0}` [ex]. `batch-delete` deletes at once and answers\n`{\"result\": \"success\"}` unless `executionMode` is `async` (2.2.14), when it creates a job and\nanswers `{\"jobId\", \"jobType\": 3}` [doc, ex].\n\n`labels` or `edgeFilters` must be given to the first three: without both the answer is 400\nGES.8103 [ex]. The export page's failure example names `vertexFilters` in its message; the\nquery and delete pages name `edgeFilters` [ex]. A batch delete whose edge lacks `source` or\n`target` is 400 GES.8000 `parameter does not contain 'source'` [ex].\n\n**[decision]** The edge filter query page gives `limit` no default: it is 10, as for vertices. A\nmalformed condition is 400 GES.8101, a malformed label 400 GES.8102, a malformed sort 400\nGES.8104; a batch delete with no edges is 400 GES.8110 (the codes the error table gives these\ncases). An `action_id` other than the four is 400 GES.8000.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ProjectId"
          },
          {
            "$ref": "#/components/parameters/GraphName"
          },
          {
            "name": "action_id",
            "in": "query",
            "required": true,
            "description": "The action `query` (1.0.0), `export` (2.2.7), `delete` (2.2.7) or `batch-delete` (2.1.9).",
            "schema": {
              "type": "string",
              "enum": [
                "query",
                "export",
                "delete",
                "batch-delete"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "description": "The body of the action named by `action_id`: `EdgeQueryRequest`, `EdgeExportRequest`,\n`EdgeDeleteRequest` or `BatchDeleteEdgesRequest`.\n",
          "content": {
            "application/json": {
              "schema": {
                "anyOf": [
                  {
                    "$ref": "#/components/schemas/EdgeQueryRequest"
                  },
                  {
                    "$ref": "#/components/schemas/EdgeExportRequest"
                  },
                  {
                    "$ref": "#/components/schemas/EdgeDeleteRequest"
                  },
                  {
                    "$ref": "#/components/schemas/BatchDeleteEdgesRequest"
                  }
                ]
              },
              "examples": {
                "QueryPage": {
                  "summary": "The edge filter query page's example, unchanged (offset and limit as strings)",
                  "value": {
                    "offset": "0",
                    "limit": "20",
                    "labels": [
                      "rate"
                    ],
                    "edgeFilters": [
                      {
                        "propertyName": "Score",
                        "predicate": ">=",
                        "values": [
                          "2"
                        ]
                      },
                      {
                        "propertyName": "Datetime",
                        "predicate": "range",
                        "values": [
                          "1998-12-27 01:00:00",
                          "2000-12-31 00:12:38"
                        ],
                        "type": "or"
                      }
                    ]
                  }
                },
                "ExportPage": {
                  "summary": "The export filtered edges page's example, unchanged",
                  "value": {
                    "labels": [
                      "rate"
                    ],
                    "edgeFilters": [
                      {
                        "propertyName": "Score",
                        "predicate": ">=",
                        "values": [
                          "2"
                        ]
                      },
                      {
                        "propertyName": "Datetime",
                        "predicate": "range",
                        "values": [
                          "1998-12-27 01:00:00",
                          "2000-12-31 00:12:38"
                        ],
                        "type": "or"
                      }
                    ],
                    "exportPath": "demo_movie/",
                    "fileName": "export_rate.csv",
                    "obsParameters": {
                      "accessKey": "XXXXXXX",
                      "secretKey": "XXXXXXX"
                    }
                  }
                },
                "DeletePage": {
                  "summary": "The delete filtered edges page's example, unchanged",
                  "value": {
                    "labels": [
                      "rate"
                    ],
                    "edgeFilters": [
                      {
                        "propertyName": "Score",
                        "predicate": ">=",
                        "values": [
                          "2"
                        ]
                      },
                      {
                        "propertyName": "Datetime",
                        "predicate": "range",
                        "values": [
                          "1998-12-27 01:00:00",
                          "2000-12-31 00:12:38"
                        ],
                        "type": "or"
                      }
                    ]
                  }
                },
                "BatchDeletePage": {
                  "summary": "The batch delete edges page's example, unchanged (synchronous, the default)",
                  "value": {
                    "edges": [
                      {
                        "source": "39631050_景观",
                        "target": "27803870_地标建筑"
                      },
                      {
                        "index": "0",
                        "source": "27803870_地标建筑",
                        "target": "27661363_北京九华山庄温泉"
                      }
                    ],
                    "ignoreError": true
                  }
                },
                "BatchDeleteAsync": {
                  "summary": "The same batch delete as a job (executionMode async, 2.2.14)",
                  "value": {
                    "edges": [
                      {
                        "source": "39631050_景观",
                        "target": "27803870_地标建筑"
                      }
                    ],
                    "executionMode": "async"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job was created (`JobCreated`), or a synchronous batch delete finished\n(`BatchDeleteResult`).\n",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/JobCreated"
                    },
                    {
                      "$ref": "#/components/schemas/BatchDeleteResult"
                    }
                  ]
                },
                "examples": {
                  "Created": {
                    "summary": "The edge filter query page's answer, unchanged (the delete page shows the same)",
                    "value": {
                      "jobId": "f9987cab-64d3-4b3d-ac43-e91ae0c21bef168127124",
                      "jobType": 0
                    }
                  },
                  "ExportCreated": {
                    "summary": "The export filtered edges page's answer, unchanged",
                    "value": {
                      "jobId": "03e774f5-29ea-4187-9508-5435f3892ead016886200",
                      "jobType": 0
                    }
                  },
                  "BatchDeleted": {
                    "summary": "The batch delete edges page's synchronous answer, unchanged",
                    "value": {
                      "result": "success"
                    }
                  },
                  "BatchDeleteCreated": {
                    "summary": "The batch delete edges page's asynchronous answer, unchanged",
                    "value": {
                      "jobId": "500dea8f-9651-41fe-8299-c20f13a032ea",
                      "jobType": 3
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "Neither `labels` nor `edgeFilters` (GES.8103), a malformed condition (GES.8101), label\n(GES.8102) or sort (GES.8104), no edges to delete (GES.8110), an edge without `source` or\n`target` or a malformed body (GES.8000), or the graph does not exist (GES.8000, GES.8402).\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "LabelsAndFiltersEmpty": {
                    "summary": "The edge filter query page's failure example, unchanged (the delete page shows the same)",
                    "value": {
                      "errorMessage": "Bad Request, parameter labels and edgeFilters cannot all be null",
                      "errorCode": "GES.8103"
                    }
                  },
                  "ExportLabelsAndFiltersEmpty": {
                    "summary": "The export filtered edges page's failure example, unchanged (it names vertexFilters)",
                    "value": {
                      "errorMessage": "Bad Request, parameter labels and vertexFilters cannot all be null",
                      "errorCode": "GES.8103"
                    }
                  },
                  "BatchDeleteSourceMissing": {
                    "summary": "The batch delete edges page's synchronous failure example, unchanged",
                    "value": {
                      "errorMessage": "parameter does not contain 'source'",
                      "errorCode": "GES.8000"
                    }
                  },
                  "BatchDeleteGraphNotFound": {
                    "summary": "The batch delete edges page's asynchronous failure example, unchanged",
                    "value": {
                      "errorMessage": "graph [test_117d] is not found",
                      "errorCode": "GES.8402"
                    }
                  },
                  "EdgesEmpty": {
                    "summary": "A batch delete with an empty edges list",
                    "value": {
                      "errorMessage": "Parameter edges cannot be left blank.",
                      "errorCode": "GES.8110",
                      "result": "failed"
                    }
                  },
                  "GraphNotFound": {
                    "$ref": "#/components/examples/GraphNotFound"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/EngineUnavailable"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        },
        "x-ges-actions": {
          "query": {
            "actionId": "queryEdges",
            "since": "1.0.0",
            "requestSchema": "#/components/schemas/EdgeQueryRequest",
            "createsJob": "always",
            "jobType": 0,
            "taskType": "EdgeFilterQuery",
            "taskTypeFrom": "decision",
            "cancellable": true,
            "pages": [
              "边过滤查询(1-0-0).md"
            ]
          },
          "export": {
            "actionId": "exportEdges",
            "since": "2.2.7",
            "requestSchema": "#/components/schemas/EdgeExportRequest",
            "createsJob": "always",
            "jobType": 0,
            "taskType": "ExportFilteredEdges",
            "taskTypeFrom": "decision",
            "cancellable": false,
            "pages": [
              "导出过滤后的边(2-2-7).md"
            ]
          },
          "delete": {
            "actionId": "deleteEdges",
            "since": "2.2.7",
            "requestSchema": "#/components/schemas/EdgeDeleteRequest",
            "createsJob": "always",
            "jobType": 0,
            "taskType": "DeleteFilteredEdges",
            "taskTypeFrom": "decision",
            "cancellable": false,
            "pages": [
              "删除过滤后的边(2-2-7).md"
            ]
          },
          "batch-delete": {
            "actionId": "batchDeleteEdges",
            "since": "2.1.9",
            "requestSchema": "#/components/schemas/BatchDeleteEdgesRequest",
            "createsJob": "async",
            "jobType": 3,
            "taskType": "BatchDeleteEdges",
            "taskTypeFrom": "decision",
            "cancellable": false,
            "pages": [
              "批量删除边(2-1-9).md"
            ]
          }
        }
      }
    },
    "/ges/v1.0/{project_id}/graphs/{graph_name}/indices": {
      "post": {
        "operationId": "createIndex",
        "tags": [
          "Indices"
        ],
        "summary": "Create an index, as a job",
        "description": "Creates a composite index (`GlobalCompositeVertexIndex`, `GlobalCompositeEdgeIndex`) or a\nfull-text index (`FullTextIndex`) (1.1.6) [doc]. The answer is `{\"jobId\", \"jobType\": 8}` [ex]; the\nindex exists once the job succeeds. A full-text index may serve stale data for about a second\nafter an update [doc].\n\n**[decision]** An `indexName` with other characters than letters, digits, `-` and `_` or longer\nthan 63, an unknown `indexType`, or a composite index with neither `hasLabel` true nor\n`indexProperty` is 400 GES.8603 (the code the error table gives a failed index creation). An\nindex name the graph already has is 400 GES.8603 too.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ProjectId"
          },
          {
            "$ref": "#/components/parameters/GraphName"
          }
        ],
        "requestBody": {
          "required": true,
          "description": "The index to create.",
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateIndexRequest"
              },
              "examples": {
                "CompositePage": {
                  "summary": "The page's composite index example, unchanged (hasLabel as the string \"true\")",
                  "value": {
                    "indexName": "ageIndex",
                    "indexType": "GlobalCompositeVertexIndex",
                    "hasLabel": "true",
                    "indexProperty": [
                      "age"
                    ]
                  }
                },
                "FullTextPage": {
                  "summary": "The page's full-text index example, unchanged",
                  "value": {
                    "indexName": "fullText",
                    "indexType": "FullTextIndex",
                    "indexProperty": [
                      "age"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The job was created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobCreated"
                },
                "examples": {
                  "Created": {
                    "summary": "The page's answer, unchanged",
                    "value": {
                      "jobId": "f99f60f1-bba6-4cde-bd1a-ff4bdd1fd500000168232",
                      "jobType": 8
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The index cannot be created (GES.8603), the body is malformed (GES.8000), or the graph does not exist (GES.8603).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "GraphNotFound": {
                    "summary": "The page's failure example, unchanged",
                    "value": {
                      "errorMessage": "graph [demo] is not found",
                      "errorCode": "GES.8603"
                    }
                  },
                  "InvalidIndexName": {
                    "summary": "An index name with characters other than letters, digits, - and _",
                    "value": {
                      "errorMessage": "Failed to create an index: indexName may hold only letters, digits, - and _.",
                      "errorCode": "GES.8603",
                      "result": "failed"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/EngineUnavailable"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        },
        "x-ges-job": {
          "actionId": "createIndex",
          "since": "1.1.6",
          "requestSchema": "#/components/schemas/CreateIndexRequest",
          "createsJob": "always",
          "jobType": 8,
          "taskType": "CreateIndex",
          "taskTypeFrom": "decision",
          "cancellable": true,
          "pages": [
            "新建索引(1-1-6).md"
          ]
        }
      }
    },
    "/ges/v1.0/{project_id}/graphs/{graph_name}/indices/{indexName}": {
      "delete": {
        "operationId": "deleteIndex",
        "tags": [
          "Indices"
        ],
        "summary": "Delete an index, as a job",
        "description": "Deletes the index of that name (1.1.6) [doc]. The answer is `{\"jobId\", \"jobType\": 9}` [ex].\n\n**[decision]** An index the graph does not have is 400 GES.8604 (the code the error table gives\na failed index deletion), answered at once rather than as a failing job.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ProjectId"
          },
          {
            "$ref": "#/components/parameters/GraphName"
          },
          {
            "name": "indexName",
            "in": "path",
            "required": true,
            "description": "The index's name, as the page spells the parameter.",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "ageIndex"
          }
        ],
        "responses": {
          "200": {
            "description": "The job was created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobCreated"
                },
                "examples": {
                  "Created": {
                    "summary": "The page's answer, unchanged",
                    "value": {
                      "jobId": "fb74314e-a82d-41b2-8900-96e2559fa0d9000168232",
                      "jobType": 9
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The index cannot be deleted or does not exist (GES.8604), or the graph does not exist (GES.8604).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "GraphNotFound": {
                    "summary": "The page's failure example (its errorCode is printed \"GES.8604 \", with a trailing blank)",
                    "value": {
                      "errorMessage": "graph [demo] is not found",
                      "errorCode": "GES.8604"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/EngineUnavailable"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        },
        "x-ges-job": {
          "actionId": "deleteIndex",
          "since": "1.1.6",
          "createsJob": "always",
          "jobType": 9,
          "taskType": "DeleteIndex",
          "taskTypeFrom": "decision",
          "cancellable": false,
          "pages": [
            "删除索引(1-1-6).md"
          ]
        }
      }
    },
    "/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}/action": {
      "post": {
        "operationId": "exportJobResult",
        "tags": [
          "Jobs"
        ],
        "summary": "Export a job's result to a file in OBS, as a job",
        "description": "Writes the result of a finished job to OBS (2.2.1) [doc]. The answer is `{\"jobId\"}` of a new\nexport job, with no jobType [ex]. Supported: the algorithms pagerank, personalrank, pixie,\nlouvain, label_propagation, connected_component (the page writes `connect_component`), kcore,\nsssp, shortest_path, shortest_path_of_vertex_sets, all_shortest_paths, n_paths, triangle_count\n(the page writes `traingle_count`), cluster_coefficient, degree_correlation, closeness,\nlink_prediction, betweenness, edge_betweenness, od_betweenness; and, on the 2025 page, the\nCypher, vertex filter and edge filter queries [doc]. By default (`erase` true) the exported job\nis deleted once the export is done [doc].\n\n**[decision]** A job the engine does not hold is 400 GES.8301; a job that has not succeeded, or\nwhose kind cannot be exported, is 400 GES.8011 (failed to export). With `erase` true the\nexported job leaves the job list when the export job succeeds.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/ProjectId"
          },
          {
            "$ref": "#/components/parameters/GraphName"
          },
          {
            "$ref": "#/components/parameters/JobId"
          },
          {
            "name": "action_id",
            "in": "query",
            "required": true,
            "description": "The action, `export-result` (2.2.1).",
            "schema": {
              "type": "string",
              "enum": [
                "export-result"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "description": "Where to write the result.",
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ExportJobResultRequest"
              },
              "examples": {
                "ToObsPage": {
                  "summary": "The page's example (export to OBS), unchanged",
                  "value": {
                    "exportPath": "demo_movie/",
                    "fileName": "louvain",
                    "obsParameters": {
                      "accessKey": "xxxx",
                      "secretKey": "xxxx"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The export job was created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/JobCreated"
                },
                "examples": {
                  "Created": {
                    "summary": "The page's answer, unchanged (no jobType)",
                    "value": {
                      "jobId": "f99f60f1-bba6-4cde-bd1a-ff4bdd1fd500000168232"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The export cannot start: the graph does not exist, the job has no exportable result\n(GES.8011); the job is not held by the engine (GES.8301); the body is malformed (GES.8000).\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GesError"
                },
                "examples": {
                  "GraphNotFound": {
                    "summary": "The page's failure example, unchanged",
                    "value": {
                      "errorMessage": "graph [demo] is not found",
                      "errorCode": "GES.8011"
                    }
                  },
                  "JobNotFound": {
                    "summary": "A job the engine does not hold",
                    "value": {
                      "errorMessage": "can not find job, jobId is 0ebb322076be429359b721c46fde16ff00003824890901",
                      "errorCode": "GES.8301",
                      "result": "failed"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/EngineUnavailable"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        },
        "x-ges-actions": {
          "export-result": {
            "actionId": "exportJobResult",
            "since": "2.2.1",
            "requestSchema": "#/components/schemas/ExportJobResultRequest",
            "createsJob": "always",
            "taskType": "ExportJobResult",
            "taskTypeFrom": "decision",
            "cancellable": false,
            "exportableAlgorithms": [
              "pagerank",
              "personalrank",
              "pixie",
              "louvain",
              "label_propagation",
              "connected_component",
              "kcore",
              "sssp",
              "shortest_path",
              "shortest_path_of_vertex_sets",
              "all_shortest_paths",
              "n_paths",
              "triangle_count",
              "cluster_coefficient",
              "degree_correlation",
              "closeness",
              "link_prediction",
              "betweenness",
              "edge_betweenness",
              "od_betweenness"
            ],
            "exportableTaskTypes": [
              "VertexFilterQuery",
              "EdgeFilterQuery"
            ],
            "pages": [
              "导出job返回结果到文件(2-2-1).md"
            ]
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "XAuthToken": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Auth-Token",
        "description": "An IAM token scoped to the project [doc]. Missing or rejected: 401 GES.8007; a token not allowed\nfor the project: 403 GES.8006 [decision; the GES table maps GES.8007 to 400 and documents no 401\nbody, so the contract kit accepts any 4xx error envelope there].\n"
      }
    },
    "parameters": {
      "ProjectId": {
        "name": "project_id",
        "in": "path",
        "required": true,
        "description": "Project ID. Letters and digits, 1–64 characters [doc, newer pages]; real ones are 32 lowercase\nhex digits.\n",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9]{1,64}$"
        },
        "example": "0123456789abcdef0123456789abcdef"
      },
      "GraphName": {
        "name": "graph_name",
        "in": "path",
        "required": true,
        "description": "Graph name: 4–50 characters, starting with a letter, then letters, digits or underscores (the\ncreate-graph rule) [doc]. The list page's table omits it although its URL has it.\n",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z][A-Za-z0-9_]{3,49}$"
        },
        "example": "movie"
      },
      "JobId": {
        "name": "job_id",
        "in": "path",
        "required": true,
        "description": "Job ID as returned on submit. Memory-engine ids are a UUID followed by nine digits shared by\nevery job of a graph [ex]; no format is enforced, since other engine versions differ.\n",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 256
        },
        "example": "5a39d9f6-e955-4294-8ec6-2fe18eee98c7001680206"
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "The most jobs to return: 0 to 100000, default 100000 [doc]. Not an integer: 400 GES.8000; out of\nrange: 400 GES.8005 [decision].\n",
        "schema": {
          "type": "integer",
          "format": "int32",
          "minimum": 0,
          "maximum": 100000,
          "default": 100000
        },
        "example": 2
      },
      "Offset": {
        "name": "offset",
        "in": "query",
        "required": false,
        "description": "How many jobs to skip, default 0 [doc]. An offset past the end gives an empty page. The pages\ngive no upper bound; **[decision]** it is a signed 32-bit integer, so larger values are 400\nGES.8005, like negative ones.\n",
        "schema": {
          "type": "integer",
          "format": "int32",
          "minimum": 0,
          "maximum": 2147483647,
          "default": 0
        },
        "example": 0
      },
      "ResultLimit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "The most result records to return, 0 to 100000, default 100000 [doc].",
        "schema": {
          "type": "integer",
          "format": "int32",
          "minimum": 0,
          "maximum": 100000,
          "default": 100000
        }
      },
      "ResultOffset": {
        "name": "offset",
        "in": "query",
        "required": false,
        "description": "How many result records to skip, default 0 [doc].",
        "schema": {
          "type": "integer",
          "format": "int32",
          "minimum": 0,
          "maximum": 2147483647,
          "default": 0
        }
      }
    },
    "responses": {
      "Unauthorized": {
        "description": "The X-Auth-Token header is missing or not accepted (GES.8007) [decision: the GES table maps\nGES.8007 to 400; the status list says 401 means authentication failed].\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GesError"
            },
            "examples": {
              "InvalidToken": {
                "summary": "Missing or rejected token",
                "value": {
                  "errorMessage": "Invalid token.",
                  "errorCode": "GES.8007",
                  "result": "failed"
                }
              }
            }
          }
        }
      },
      "Forbidden": {
        "description": "The token is valid but not allowed on this project or graph (GES.8006, GES.8020).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GesError"
            },
            "examples": {
              "InvalidResourceAccess": {
                "summary": "Token of another project",
                "value": {
                  "errorMessage": "Invalid resource access.",
                  "errorCode": "GES.8006",
                  "result": "failed"
                }
              },
              "NoPermission": {
                "summary": "The user has no permission for the operation",
                "value": {
                  "errorMessage": "No permission to perform this operation.",
                  "errorCode": "GES.8020",
                  "result": "failed"
                }
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "The path or method is no API of this service. **[decision]** GES.8000, the generic request error,\nbecause no GES page documents a 404 body. A missing graph is 400, not 404.\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GesError"
            },
            "examples": {
              "NoSuchApi": {
                "summary": "No API at this method and path",
                "value": {
                  "errorMessage": "No such API: GET /ges/v1.0/0123456789abcdef0123456789abcdef/graphs/movie/jobz",
                  "errorCode": "GES.8000",
                  "result": "failed"
                }
              }
            }
          }
        }
      },
      "EngineUnavailable": {
        "description": "The engine is unavailable (GES.8602).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GesError"
            },
            "examples": {
              "EngineUnavailable": {
                "$ref": "#/components/examples/EngineUnavailable"
              }
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "The engine cannot take requests now (restarting, overloaded). The GES table maps GES.8602\n\"engine unavailable\" to 500; behind a load balancer the same condition is a 503, so both carry it.\n",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/GesError"
            },
            "examples": {
              "ServiceUnavailable": {
                "summary": "The engine is not available",
                "value": {
                  "errorMessage": "The graph engine is unavailable, try again later.",
                  "errorCode": "GES.8602",
                  "result": "failed"
                }
              }
            }
          }
        }
      }
    },
    "examples": {
      "GraphNotFound": {
        "summary": "The GES page's example for a graph that does not exist",
        "value": {
          "errorMessage": "graph : movidde not exist",
          "errorCode": "GES.8000",
          "result": "failed"
        }
      },
      "MalformedParameter": {
        "summary": "A parameter that is not an integer",
        "value": {
          "errorMessage": "Incorrect parameter format: limit must be an integer.",
          "errorCode": "GES.8000",
          "result": "failed"
        }
      },
      "ParameterOutOfRange": {
        "summary": "An integer parameter outside its range",
        "value": {
          "errorMessage": "Parameter error!",
          "errorCode": "GES.8005",
          "result": "failed"
        }
      },
      "JobQueryError": {
        "summary": "The engine failed to read its jobs",
        "value": {
          "errorMessage": "Failed to query job status.",
          "errorCode": "GES.8302",
          "result": "failed"
        }
      },
      "EngineUnavailable": {
        "summary": "The engine is not running",
        "value": {
          "errorMessage": "The graph engine is unavailable.",
          "errorCode": "GES.8602",
          "result": "failed"
        }
      }
    },
    "schemas": {
      "JobList": {
        "type": "object",
        "description": "The success body of Listing Jobs. `jobs` and `jobCount` are required; `result`, `errorCode` and\n`errorMessage` may be sent (the table lists them) but the documented example has none.\n",
        "required": [
          "jobs",
          "jobCount"
        ],
        "properties": {
          "jobs": {
            "type": "array",
            "description": "One page of jobs, newest `startTime` first. The GES table types it as Object; every example\nsends an array. Never longer than `limit`.\n",
            "maxItems": 100000,
            "items": {
              "$ref": "#/components/schemas/Job"
            }
          },
          "jobCount": {
            "type": "integer",
            "minimum": 0,
            "description": "Total number of jobs the graph holds, the same on every page, independent of `limit` and\n`offset` [ex → decision].\n"
          },
          "result": {
            "type": "string",
            "enum": [
              "success"
            ],
            "description": "Sent by some engines on success; absent from the documented example."
          },
          "errorCode": {
            "type": "string",
            "description": "Empty or absent on success [doc]."
          },
          "errorMessage": {
            "type": "string",
            "description": "Empty or absent on success [doc]."
          }
        }
      },
      "Job": {
        "description": "One job as the engine holds it. The first `allOf` member declares every field; the members after\nit encode the invariants that JSON Schema expresses (`if`/`then`), so code generators, which\nskip conditionals, still see every field. The rest the contract kit checks and the mock keeps:\n* `failReason` if and only if `status` is `failed`;\n* `files` if and only if `taskType` is `ImportGraph` (the schema encodes \"only if\"; an import\n  that has not read its files yet sends an empty array);\n* `success` ⇒ `progress` 100; `pending` ⇒ `progress` 0;\n* a finished job (`success`, `failed`) has an `endTime` not before its `startTime` and\n  `canStop` false; an unfinished one (`pending`, `running`) has no `endTime`.\n",
        "allOf": [
          {
            "type": "object",
            "required": [
              "jobId",
              "rawRequest",
              "taskType",
              "canStop",
              "progress",
              "startTime",
              "status"
            ],
            "properties": {
              "jobId": {
                "type": "string",
                "minLength": 1,
                "description": "The job's id. Memory engine: a UUID followed by nine digits, the same nine for every job of\na graph [ex]. Other formats are accepted.\n",
                "examples": [
                  "b236a002-6acb-40cd-acca-bc3eb96b807d001680206"
                ]
              },
              "rawRequest": {
                "type": "string",
                "description": "The original request body, as a JSON **string**; may be empty (`\"\"`) [ex]. For an algorithm\njob it is the execute-algorithm body byte for byte.\n"
              },
              "taskType": {
                "type": "string",
                "minLength": 1,
                "description": "The kind of job. An open set: `Algorithm` and `ImportGraph` are the only documented values\n[ex]; others (exports, filter queries, index builds) exist and are valid. The mock names\nthe other kinds as `x-ges-actions` and `x-ges-job` decide (`VertexFilterQuery`,\n`CreateIndex`, ...) [decision].\n",
                "examples": [
                  "Algorithm",
                  "ImportGraph"
                ]
              },
              "canStop": {
                "type": "boolean",
                "description": "Whether the job can still be cancelled; always false once it has finished."
              },
              "progress": {
                "$ref": "#/components/schemas/Progress",
                "description": "Percentage done, 0–100, as an integer or a digit string."
              },
              "startTime": {
                "$ref": "#/components/schemas/JobTime",
                "description": "When the job started, in one of the forms of `JobTime`."
              },
              "endTime": {
                "$ref": "#/components/schemas/JobTime",
                "description": "When the job finished, in one of the forms of `JobTime`. Absent while the job runs."
              },
              "status": {
                "$ref": "#/components/schemas/JobStatusValue",
                "description": "The job's state."
              },
              "failReason": {
                "type": "string",
                "description": "Why the job failed; present only when `status` is `failed` [doc]."
              },
              "files": {
                "type": "array",
                "description": "Per-file import statistics; present only when `taskType` is `ImportGraph` [doc].",
                "items": {
                  "$ref": "#/components/schemas/ImportFileGroup"
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "status": {
                  "const": "failed"
                }
              },
              "required": [
                "status"
              ]
            },
            "then": {
              "required": [
                "failReason"
              ]
            },
            "else": {
              "not": {
                "required": [
                  "failReason"
                ]
              }
            }
          },
          {
            "if": {
              "not": {
                "properties": {
                  "taskType": {
                    "const": "ImportGraph"
                  }
                },
                "required": [
                  "taskType"
                ]
              }
            },
            "then": {
              "not": {
                "required": [
                  "files"
                ]
              }
            }
          },
          {
            "if": {
              "properties": {
                "status": {
                  "const": "success"
                }
              },
              "required": [
                "status"
              ]
            },
            "then": {
              "properties": {
                "progress": {
                  "enum": [
                    100,
                    "100"
                  ]
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "status": {
                  "const": "pending"
                }
              },
              "required": [
                "status"
              ]
            },
            "then": {
              "properties": {
                "progress": {
                  "enum": [
                    0,
                    "0"
                  ]
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "status": {
                  "enum": [
                    "success",
                    "failed"
                  ]
                }
              },
              "required": [
                "status"
              ]
            },
            "then": {
              "required": [
                "endTime"
              ],
              "properties": {
                "canStop": {
                  "const": false
                }
              }
            }
          },
          {
            "if": {
              "properties": {
                "status": {
                  "enum": [
                    "pending",
                    "running"
                  ]
                }
              },
              "required": [
                "status"
              ]
            },
            "then": {
              "not": {
                "required": [
                  "endTime"
                ]
              }
            }
          }
        ]
      },
      "JobStatusValue": {
        "type": "string",
        "description": "The job's state. The 2024 page names four: `pending`, `running`, `success`, `failed` [doc].\nOlder pages say `complete` where this says `success`, and a 2025 page adds `partiallyFailed`;\nthose are listed in `x-ges-status-variants` and reported as warnings by the contract kit\nunless it runs strict.\n",
        "enum": [
          "pending",
          "running",
          "success",
          "failed"
        ],
        "x-ges-status-variants": [
          "complete",
          "partiallyFailed"
        ]
      },
      "JobTime": {
        "type": "string",
        "description": "A job's start or end: \"a date string or timestamp\" [doc]; the table types it String. The\nexamples use `yyyy-MM-dd HH:mm:ss` in China time (UTC+8) [ex], as the mock does by default.\n[decision] The forms accepted, and read alike by the mock and the contract kit:\n* `yyyy-MM-dd HH:mm:ss`, `T` allowed for the space, an optional fraction of up to 9 digits,\n  no zone: China time (UTC+8), as every GES example;\n* the same with a zone, `Z` or `±HH:MM` (ISO 8601): that instant;\n* a timestamp as a string of 10, 13 or 16 digits: seconds, milliseconds or microseconds since\n  the epoch (the unit GES file statistics use is µs).\nA JSON number is not a `startTime`: the table types it String (file statistics, typed Integer,\nare numbers). Any other string names no instant the list could be ordered by, and is refused.\nTwo times of different forms compare by the instant they name.\n",
        "pattern": "^(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?|\\d{10}|\\d{13}|\\d{16})$",
        "examples": [
          "2024-05-23 09:54:00",
          "2024-05-23T01:54:00Z",
          "1716429240",
          "1716429240000",
          "1716429240000000"
        ]
      },
      "Progress": {
        "description": "Percentage done, 0–100. The table types it Integer; the example sends the string `\"100\"`\n[doc vs ex]. Both are accepted; the mock sends strings, as the engine's example does.\n",
        "oneOf": [
          {
            "type": "integer",
            "minimum": 0,
            "maximum": 100
          },
          {
            "type": "string",
            "pattern": "^(100|[1-9]?[0-9])$"
          }
        ]
      },
      "ImportFileGroup": {
        "type": "object",
        "description": "One group of import files, an object with a single key [ex]: `edgeFiles`, `vertexFiles` or\n`schemaFiles`. Other keys are tolerated (no `additionalProperties` here: generators such as\nopenapi-zod-client turn an object with it into a record and drop the three named fields).\n",
        "minProperties": 1,
        "properties": {
          "edgeFiles": {
            "type": "array",
            "description": "Statistics of the edge files, one entry a file, counted in lines.",
            "items": {
              "$ref": "#/components/schemas/LineFileStat"
            }
          },
          "vertexFiles": {
            "type": "array",
            "description": "Statistics of the vertex files, one entry a file, counted in lines.",
            "items": {
              "$ref": "#/components/schemas/LineFileStat"
            }
          },
          "schemaFiles": {
            "type": "array",
            "description": "Statistics of the schema files, one entry a file, counted in labels.",
            "items": {
              "$ref": "#/components/schemas/SchemaFileStat"
            }
          }
        }
      },
      "LineFileStat": {
        "type": "object",
        "description": "Statistics of one edge or vertex file. Times are integers in **microseconds** since the epoch\n(1716428001745772 is 2024-05-23 09:33:21 +08:00). `successfulLines + failedLines = totalLines`\nonce the file is done.\n",
        "required": [
          "fileName",
          "totalLines",
          "successfulLines",
          "failedLines",
          "status"
        ],
        "properties": {
          "fileName": {
            "type": "string",
            "description": "Path of the file on the engine or in OBS."
          },
          "totalLines": {
            "type": "integer",
            "minimum": 0,
            "description": "Lines in the file."
          },
          "successfulLines": {
            "type": "integer",
            "minimum": 0,
            "description": "Lines imported."
          },
          "failedLines": {
            "type": "integer",
            "minimum": 0,
            "description": "Lines rejected."
          },
          "startTime": {
            "type": "integer",
            "minimum": 0,
            "description": "Start of this file's import, µs since the epoch."
          },
          "endTime": {
            "type": "integer",
            "minimum": 0,
            "description": "End of this file's import, µs since the epoch."
          },
          "status": {
            "type": "string",
            "description": "State of this file: success, failed, running (open set)."
          }
        }
      },
      "SchemaFileStat": {
        "type": "object",
        "description": "Statistics of one schema file, counted in labels; times in microseconds.",
        "required": [
          "fileName",
          "totalLabels",
          "successfulLabels",
          "failedLabels",
          "status"
        ],
        "properties": {
          "fileName": {
            "type": "string",
            "description": "Path of the schema file."
          },
          "totalLabels": {
            "type": "integer",
            "minimum": 0,
            "description": "Labels in the file."
          },
          "successfulLabels": {
            "type": "integer",
            "minimum": 0,
            "description": "Labels created."
          },
          "failedLabels": {
            "type": "integer",
            "minimum": 0,
            "description": "Labels rejected."
          },
          "startTime": {
            "type": "integer",
            "minimum": 0,
            "description": "Start, µs since the epoch."
          },
          "endTime": {
            "type": "integer",
            "minimum": 0,
            "description": "End, µs since the epoch."
          },
          "status": {
            "type": "string",
            "description": "State of this file: success, failed, running (open set)."
          }
        }
      },
      "JobStatus": {
        "type": "object",
        "description": "One job's status and result. `data` holds a page of the result once the job has finished\n[doc]; a failed job carries its failReason as `errorMessage` [decision].\n",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "$ref": "#/components/schemas/JobStatusValue",
            "description": "The job's state; for a finished job the same as in the job list."
          },
          "data": {
            "$ref": "#/components/schemas/JobResultData",
            "description": "A page of the result, once the job has finished."
          },
          "result": {
            "type": "string",
            "enum": [
              "success"
            ],
            "description": "Sent by the documented example on success."
          },
          "errorCode": {
            "type": "string",
            "description": "Empty or absent on success."
          },
          "errorMessage": {
            "type": "string",
            "description": "The failReason of a failed job; otherwise empty or absent."
          }
        }
      },
      "JobResultData": {
        "type": "object",
        "description": "A page of the job's result [doc]. Algorithm-specific values live in `outputs`; the paging\ncounters appear beside them or inside `outputs` depending on the engine version [ex].\n",
        "properties": {
          "vertices": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            },
            "description": "Algorithm results attached to vertices."
          },
          "edges": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            },
            "description": "Algorithm results attached to edges."
          },
          "outputs": {
            "type": "object",
            "additionalProperties": true,
            "description": "Other outputs of the algorithm (open: each algorithm has its own keys)."
          },
          "data_return_size": {
            "type": "integer",
            "minimum": 0,
            "description": "Records in this page."
          },
          "data_offset": {
            "type": "integer",
            "minimum": 0,
            "description": "Offset of this page."
          },
          "data_total_size": {
            "type": "integer",
            "minimum": 0,
            "description": "Records the job produced in all."
          }
        }
      },
      "CancelResult": {
        "type": "object",
        "description": "The cancel answer; an empty object on success [doc].",
        "properties": {
          "errorCode": {
            "type": "string",
            "description": "Empty or absent on success."
          },
          "errorMessage": {
            "type": "string",
            "description": "Empty or absent on success."
          },
          "result": {
            "type": "string",
            "enum": [
              "success"
            ],
            "description": "Sent by some engines on success."
          }
        }
      },
      "AlgorithmRequest": {
        "type": "object",
        "description": "The execute-algorithm body [doc]. `algorithmName` is one of the documented algorithms\n(pagerank, personalrank, kcore, k_hop, shortest_path, all_shortest_paths, filtered_shortest_path,\nsssp, shortest_path_of_vertex_sets, n_paths, closeness, label_propagation, louvain,\nlink_prediction, node2vec, realtime_recommendation, common_neighbors, connected_component,\ndegree_correlation, triangle_count, cluster_coefficient, betweenness, edge_betweenness,\ntopicrank); it is a plain string here because the set grows between engine versions.\n",
        "required": [
          "algorithmName"
        ],
        "properties": {
          "algorithmName": {
            "type": "string",
            "description": "The algorithm to run.",
            "examples": [
              "shortest_path"
            ]
          },
          "parameters": {
            "type": "object",
            "description": "Algorithm parameters, e.g. `source` and `target` for shortest_path.",
            "additionalProperties": true
          }
        }
      },
      "JobCreated": {
        "type": "object",
        "description": "A new job's id, and the `jobType` the page's example shows [ex]: 1 for an algorithm, a vertex\nfilter query, Filtered-query and the export and delete of filtered vertices; 0 for an edge filter\nquery and the export and delete of filtered edges; 3 for an asynchronous batch delete of edges;\n8 for create index; 9 for delete index. The export-result and import-graph examples have no\n`jobType`, and no page gives the numbers a meaning. The tables name the field `job_id`; every\nexample sends `jobId` [doc vs ex].\n",
        "required": [
          "jobId"
        ],
        "properties": {
          "jobId": {
            "type": "string",
            "minLength": 1,
            "description": "The new job's id."
          },
          "jobType": {
            "type": "integer",
            "description": "The kind of job, as a number (see the operation; the index pages' tables type it String, their examples send numbers)."
          },
          "errorCode": {
            "type": "string",
            "description": "Empty or absent on success."
          },
          "errorMessage": {
            "type": "string",
            "description": "Empty or absent on success."
          }
        }
      },
      "GesError": {
        "type": "object",
        "description": "The GES error envelope [ex]: `{\"errorMessage\", \"errorCode\", \"result\": \"failed\"}`. Every error\nstatus of every operation answers with it. Codes are `GES.` and four digits.\n",
        "required": [
          "errorMessage",
          "errorCode"
        ],
        "properties": {
          "errorMessage": {
            "type": "string",
            "description": "Human-readable message."
          },
          "errorCode": {
            "type": "string",
            "pattern": "^GES\\.\\d{4}$",
            "description": "GES error code, e.g. GES.8000."
          },
          "result": {
            "type": "string",
            "enum": [
              "failed"
            ],
            "description": "Always `failed`."
          }
        }
      },
      "LooseInteger": {
        "description": "A count the GES tables type Integer. The edge filter query example sends it as a string of\ndigits (`\"offset\":\"0\"`, `\"limit\":\"20\"`) [ex]; both forms are accepted and read alike.\n",
        "oneOf": [
          {
            "type": "integer",
            "minimum": 0
          },
          {
            "type": "string",
            "pattern": "^[0-9]{1,10}$"
          }
        ]
      },
      "LooseBoolean": {
        "description": "A flag. The create-index example sends `\"hasLabel\": \"true\"` and the Filtered-query examples\n`\"visulized\": \"false\"`, strings where the tables say Boolean [ex]; `true`, `false`, `\"true\"` and\n`\"false\"` are accepted and read alike.\n",
        "oneOf": [
          {
            "type": "boolean"
          },
          {
            "type": "string",
            "enum": [
              "true",
              "false"
            ]
          }
        ]
      },
      "LabelList": {
        "type": "array",
        "description": "Labels to filter by. The tables type it String; every example sends an array of strings [ex].\n",
        "items": {
          "type": "string"
        }
      },
      "FilterCondition": {
        "type": "object",
        "description": "One condition of `vertexFilters` or `edgeFilters`, fields as the filter query pages' tables give them [doc].",
        "required": [
          "propertyName",
          "predicate"
        ],
        "properties": {
          "propertyName": {
            "type": "string",
            "description": "The property to test. With `full_text_combination` it is the literal `propertyName` and the\nproperties are named in `values`.\n"
          },
          "predicate": {
            "type": "string",
            "description": "The comparison.",
            "enum": [
              "=",
              "<",
              ">",
              "<=",
              ">=",
              "range",
              "has",
              "hasNot",
              "full_text_match",
              "full_text_prefix",
              "full_text_wildcard",
              "full_text_regexp",
              "full_text_fuzzy",
              "full_text_combination"
            ]
          },
          "values": {
            "type": "array",
            "description": "The values to compare with: strings, or, with `full_text_combination`, objects of\n`propertyName` and `value`. `range` takes two values [ex].\n",
            "items": {
              "anyOf": [
                {
                  "type": "string"
                },
                {
                  "type": "object",
                  "required": [
                    "propertyName",
                    "value"
                  ],
                  "properties": {
                    "propertyName": {
                      "type": "string",
                      "description": "A property of the full-text index."
                    },
                    "value": {
                      "type": "string",
                      "description": "The text to look for in it."
                    }
                  }
                }
              ]
            }
          },
          "type": {
            "type": "string",
            "description": "How this condition joins the one before it, default `and`.",
            "enum": [
              "and",
              "or"
            ],
            "default": "and"
          }
        }
      },
      "FilterConditionList": {
        "type": "array",
        "description": "Conditions on properties. The tables call it a \"JsonArray format string\" and type it Json or\nString; every example sends an array [ex].\n",
        "items": {
          "$ref": "#/components/schemas/FilterCondition"
        }
      },
      "SortKey": {
        "type": "object",
        "description": "One sort key of `sorts`, fields as the filter query pages' tables give them; `key` or `propertyName` is given [doc].",
        "properties": {
          "key": {
            "type": "string",
            "description": "Sort by `id`, `label` or `property` (vertices); `label` or `property` (edges).",
            "enum": [
              "id",
              "label",
              "property"
            ]
          },
          "propertyName": {
            "type": "string",
            "description": "The property to sort by."
          },
          "orderValue": {
            "type": "string",
            "description": "`incr` (ascending, the default) or `decr`.",
            "enum": [
              "incr",
              "decr"
            ],
            "default": "incr"
          }
        }
      },
      "ObsParameters": {
        "type": "object",
        "description": "OBS credentials for reading or writing files [doc]. The tables type it String; every example\nsends an object [ex].\n",
        "required": [
          "accessKey",
          "secretKey"
        ],
        "properties": {
          "accessKey": {
            "type": "string",
            "description": "The access key (AK)."
          },
          "secretKey": {
            "type": "string",
            "description": "The secret key (SK)."
          }
        }
      },
      "VertexQueryRequest": {
        "type": "object",
        "description": "The vertex filter query body (`action_id=query`, 1.0.0), fields as the page's table gives them [doc]. `labels` or `vertexFilters` is\ngiven [doc]; with a `full_text_*` predicate `vertexFilters` holds one condition and `labels` is\nabsent [doc].\n",
        "properties": {
          "labels": {
            "$ref": "#/components/schemas/LabelList",
            "description": "Vertex labels to select."
          },
          "vertexFilters": {
            "$ref": "#/components/schemas/FilterConditionList",
            "description": "Conditions on vertex properties."
          },
          "offset": {
            "$ref": "#/components/schemas/LooseInteger",
            "description": "Where the result starts."
          },
          "limit": {
            "$ref": "#/components/schemas/LooseInteger",
            "description": "The most vertices a page of the result holds, default 10."
          },
          "sorts": {
            "type": "array",
            "description": "Sort keys of the result.",
            "items": {
              "$ref": "#/components/schemas/SortKey"
            }
          }
        }
      },
      "EdgeQueryRequest": {
        "type": "object",
        "description": "The edge filter query body (`action_id=query`, 1.0.0), fields as the page's table gives them [doc]. `labels` or `edgeFilters` is\ngiven [doc].\n",
        "properties": {
          "labels": {
            "$ref": "#/components/schemas/LabelList",
            "description": "Edge labels to select."
          },
          "edgeFilters": {
            "$ref": "#/components/schemas/FilterConditionList",
            "description": "Conditions on edge properties."
          },
          "offset": {
            "$ref": "#/components/schemas/LooseInteger",
            "description": "Where the result starts."
          },
          "limit": {
            "$ref": "#/components/schemas/LooseInteger",
            "description": "How many edges the query should return; the page states no default."
          },
          "sorts": {
            "type": "array",
            "description": "Sort keys of the result.",
            "items": {
              "$ref": "#/components/schemas/SortKey"
            }
          }
        }
      },
      "VertexExportRequest": {
        "type": "object",
        "description": "The body of exporting filtered vertices to OBS (`action_id=export`, 2.2.7, asynchronous only),\nfields as the page's table gives them [doc]. `labels` or `vertexFilters` is given [doc].\n",
        "required": [
          "exportPath",
          "obsParameters"
        ],
        "properties": {
          "labels": {
            "$ref": "#/components/schemas/LabelList",
            "description": "Vertex labels to select."
          },
          "vertexFilters": {
            "$ref": "#/components/schemas/FilterConditionList",
            "description": "Conditions on vertex properties."
          },
          "exportPath": {
            "type": "string",
            "description": "The OBS directory to write to."
          },
          "fileName": {
            "type": "string",
            "description": "The name of the file written."
          },
          "obsParameters": {
            "$ref": "#/components/schemas/ObsParameters",
            "description": "OBS credentials."
          }
        }
      },
      "EdgeExportRequest": {
        "type": "object",
        "description": "The body of exporting filtered edges to OBS (`action_id=export`, 2.2.7, asynchronous only),\nfields as the page's table gives them [doc]. `labels` or `edgeFilters` is given [doc].\n",
        "required": [
          "exportPath",
          "obsParameters"
        ],
        "properties": {
          "labels": {
            "$ref": "#/components/schemas/LabelList",
            "description": "Edge labels to select."
          },
          "edgeFilters": {
            "$ref": "#/components/schemas/FilterConditionList",
            "description": "Conditions on edge properties."
          },
          "exportPath": {
            "type": "string",
            "description": "The OBS directory to write to."
          },
          "fileName": {
            "type": "string",
            "description": "The name of the file written."
          },
          "obsParameters": {
            "$ref": "#/components/schemas/ObsParameters",
            "description": "OBS credentials."
          }
        }
      },
      "VertexDeleteRequest": {
        "type": "object",
        "description": "The body of deleting filtered vertices (`action_id=delete`, 2.2.7, asynchronous only), fields as\nthe page's table gives them [doc].\n`labels` or `vertexFilters` is given [doc].\n",
        "properties": {
          "labels": {
            "$ref": "#/components/schemas/LabelList",
            "description": "Vertex labels to select."
          },
          "vertexFilters": {
            "$ref": "#/components/schemas/FilterConditionList",
            "description": "Conditions on vertex properties."
          }
        }
      },
      "EdgeDeleteRequest": {
        "type": "object",
        "description": "The body of deleting filtered edges (`action_id=delete`, 2.2.7, asynchronous only), fields as\nthe page's table gives them [doc].\n`labels` or `edgeFilters` is given [doc].\n",
        "properties": {
          "labels": {
            "$ref": "#/components/schemas/LabelList",
            "description": "Edge labels to select."
          },
          "edgeFilters": {
            "$ref": "#/components/schemas/FilterConditionList",
            "description": "Conditions on edge properties."
          }
        }
      },
      "EdgeRef": {
        "type": "object",
        "description": "One edge, by its ends and, optionally, its index or label; fields as the batch delete edges table gives them [doc].",
        "required": [
          "source",
          "target"
        ],
        "properties": {
          "source": {
            "type": "string",
            "description": "The edge's source vertex."
          },
          "target": {
            "type": "string",
            "description": "The edge's target vertex."
          },
          "index": {
            "type": "string",
            "description": "The edge's index among its parallel edges."
          },
          "label": {
            "type": "string",
            "description": "The edge's label (2.2.17); ignored when `index` is given, otherwise one edge with these ends\nand this label is deleted.\n"
          },
          "sortKey": {
            "description": "The sortKey of a parallel edge, with `label` (database edition).",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ]
          }
        }
      },
      "BatchDeleteEdgesRequest": {
        "type": "object",
        "description": "The batch delete edges body (`action_id=batch-delete`, 2.1.9; `executionMode` since 2.2.14), fields as the page's table gives them [doc].",
        "required": [
          "edges"
        ],
        "properties": {
          "edges": {
            "type": "array",
            "description": "The edges to delete.",
            "items": {
              "$ref": "#/components/schemas/EdgeRef"
            }
          },
          "executionMode": {
            "type": "string",
            "description": "`sync` (the default) deletes at once; `async` (2.2.14) creates a job.",
            "enum": [
              "sync",
              "async"
            ],
            "default": "sync"
          },
          "ignoreError": {
            "$ref": "#/components/schemas/LooseBoolean",
            "description": "Whether an edge that does not exist is passed over, default false (2.2.17). A body that\nis not JSON is refused either way.\n"
          }
        }
      },
      "BatchDeleteResult": {
        "type": "object",
        "description": "The answer of a synchronous batch delete [doc].",
        "required": [
          "result"
        ],
        "properties": {
          "result": {
            "type": "string",
            "description": "`success`.",
            "enum": [
              "success"
            ]
          },
          "errorCode": {
            "type": "string",
            "description": "Empty or absent on success."
          },
          "errorMessage": {
            "type": "string",
            "description": "Empty or absent on success."
          }
        }
      },
      "PropertyFilter": {
        "type": "object",
        "description": "One comparison of Filtered-query, fields as the page's tables give them [doc]. With `&` or `|`, `leftvalue` and `rightvalue` each hold a\nnested `property_filter` [doc].\n",
        "required": [
          "leftvalue",
          "predicate",
          "rightvalue"
        ],
        "properties": {
          "leftvalue": {
            "type": "object",
            "description": "What is compared: `label_name` (the literal `labelName`), `property_name`, `id`, or a nested\n`property_filter`.\n",
            "properties": {
              "label_name": {
                "type": "string",
                "description": "The literal `labelName`, to compare the label."
              },
              "property_name": {
                "type": "string",
                "description": "The property to compare."
              },
              "id": {
                "type": "string",
                "description": "Compare the id (its value may be empty)."
              },
              "property_filter": {
                "type": "object",
                "additionalProperties": true,
                "description": "A nested comparison, shaped like this one."
              }
            }
          },
          "predicate": {
            "type": "string",
            "description": "The comparison.",
            "enum": [
              "=",
              "!=",
              "<",
              "<=",
              ">",
              ">=",
              "&",
              "|",
              "HAS",
              "HASNOT",
              "CONTAIN",
              "NOTCONTAIN",
              "SUBSET",
              "IN",
              "NOTIN",
              "PREFIX",
              "FUZZY",
              "REGEX",
              "SUBSTRING",
              "CISUBSTRING"
            ]
          },
          "rightvalue": {
            "type": "object",
            "description": "What it is compared with, `value` or a nested `property_filter`.",
            "properties": {
              "value": {
                "description": "A label name or property value; a set for the set predicates.",
                "oneOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                ]
              },
              "property_filter": {
                "type": "object",
                "additionalProperties": true,
                "description": "A nested comparison, shaped like this one."
              }
            }
          }
        }
      },
      "FilteredQueryLayer": {
        "type": "object",
        "description": "One hop of Filtered-query, and the filter applied to its result [doc].",
        "required": [
          "operator"
        ],
        "properties": {
          "operator": {
            "type": "string",
            "description": "The hop: `inV`, `outV`, `bothV`, `vertex` (first hop only) select vertices; `in`, `out`,\n`both`, `edge` (first hop only) select edges.\n",
            "enum": [
              "inV",
              "outV",
              "bothV",
              "vertex",
              "in",
              "out",
              "both",
              "edge"
            ]
          },
          "vertex_filter": {
            "type": "object",
            "description": "A filter on the vertices of this hop.",
            "properties": {
              "property_filter": {
                "$ref": "#/components/schemas/PropertyFilter",
                "description": "The comparison."
              }
            }
          },
          "edge_filter": {
            "type": "object",
            "description": "A filter on the edges of this hop.",
            "properties": {
              "property_filter": {
                "$ref": "#/components/schemas/PropertyFilter",
                "description": "The comparison."
              }
            }
          }
        }
      },
      "FilteredQueryRequest": {
        "type": "object",
        "description": "The Filtered-query body (`action_id=filtered-query`, 2.2.13), fields as the page's tables give them [doc]. `vertices` or `edges` gives\nthe start [doc].\n",
        "required": [
          "filters"
        ],
        "properties": {
          "executionMode": {
            "type": "string",
            "description": "`sync` (the default) answers the result at once; `async` creates a job.",
            "enum": [
              "sync",
              "async"
            ],
            "default": "sync"
          },
          "vertices": {
            "type": "array",
            "description": "Ids of the start vertices.",
            "items": {
              "type": "string"
            }
          },
          "edges": {
            "type": "array",
            "description": "The start edges, instead of `vertices`.",
            "items": {
              "$ref": "#/components/schemas/EdgeRef"
            }
          },
          "filters": {
            "type": "array",
            "description": "One entry a hop.",
            "items": {
              "$ref": "#/components/schemas/FilteredQueryLayer"
            }
          },
          "query_type": {
            "type": "string",
            "description": "`Default` (the last hop), `AllVertices`, `SimpleEdges` or `Path`.",
            "enum": [
              "Default",
              "AllVertices",
              "SimpleEdges",
              "Path"
            ]
          },
          "by": {
            "type": "array",
            "description": "Which fields of the result are returned (`id`, `label`, `properties`, `selectedProperties`).",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "boolean",
                  "description": "Return the id, default false."
                },
                "label": {
                  "type": "boolean",
                  "description": "Return the label, default false."
                },
                "properties": {
                  "type": "boolean",
                  "description": "Return the properties, default false."
                },
                "selectedProperties": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  },
                  "description": "The properties returned; all when empty."
                }
              }
            }
          },
          "full_path": {
            "$ref": "#/components/schemas/LooseBoolean",
            "description": "Whether paths run from the start to every leaf, default false."
          },
          "with_path": {
            "$ref": "#/components/schemas/LooseBoolean",
            "description": "Whether `paths` is returned (the 2021-01 page's examples send it)."
          },
          "visualized": {
            "$ref": "#/components/schemas/LooseBoolean",
            "description": "Whether an asynchronous result is returned unpaged, default false."
          },
          "visulized": {
            "$ref": "#/components/schemas/LooseBoolean",
            "description": "The examples' spelling of `visualized`, sent as a string [ex]. Accepted and read as\n`visualized` when that is absent [decision].\n"
          }
        }
      },
      "FilteredQueryResult": {
        "type": "object",
        "description": "The answer of a synchronous Filtered-query [doc].",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "object",
            "description": "The result: `vertices` when the last hop selects vertices, `edges` when it selects edges,\nand `paths` when asked for.\n",
            "properties": {
              "vertices": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": true
                },
                "description": "The vertices of the last hop."
              },
              "edges": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": true
                },
                "description": "The edges of the last hop."
              },
              "paths": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": true
                },
                "description": "Paths of `source`, `target`, `index`, `label`."
              }
            }
          },
          "errorCode": {
            "type": "string",
            "description": "Empty or absent on success."
          },
          "errorMessage": {
            "type": "string",
            "description": "Empty or absent on success."
          }
        }
      },
      "ParallelEdge": {
        "type": "object",
        "description": "What an import does with repeated edges [doc].",
        "properties": {
          "action": {
            "type": "string",
            "description": "`allow` (the default), `ignore` the later ones, or `override` the earlier ones.",
            "enum": [
              "allow",
              "ignore",
              "override"
            ],
            "default": "allow"
          },
          "ignoreLabel": {
            "type": "boolean",
            "description": "Whether edges with the same ends but different labels repeat each other, default true.",
            "default": true
          }
        }
      },
      "ImportGraphRequest": {
        "type": "object",
        "description": "The import-graph body (`action_id=import-graph`), fields as the page's table gives them [doc]: files of edges, vertices and schema to\nadd to the graph. The memory-edition page marks `obsParameters` required; the engine's own list\nshows import bodies without it and the database edition needs it only for OBS, so it is optional\nhere [doc vs ex; decision].\n",
        "properties": {
          "graphName": {
            "type": "string",
            "description": "The graph, as the SDK sends it and the job list's rawRequest shows it [ex]."
          },
          "edgesetPath": {
            "type": "string",
            "description": "Edge file or directory."
          },
          "edgesetFormat": {
            "type": "string",
            "description": "Edge file format, `csv` (the default).",
            "default": "csv"
          },
          "vertexsetPath": {
            "type": "string",
            "description": "Vertex file or directory."
          },
          "vertexsetFormat": {
            "type": "string",
            "description": "Vertex file format, `csv` (the default).",
            "default": "csv"
          },
          "schemaPath": {
            "type": "string",
            "description": "Schema (metadata) file of the new data."
          },
          "logDir": {
            "type": "string",
            "description": "Where rejected data and the reasons are written."
          },
          "parallelEdge": {
            "$ref": "#/components/schemas/ParallelEdge",
            "description": "Handling of repeated edges."
          },
          "delimiter": {
            "type": "string",
            "description": "CSV field separator, default `,`.",
            "default": ","
          },
          "trimQuote": {
            "type": "string",
            "description": "CSV quote character, default `\"`.",
            "default": "\""
          },
          "offline": {
            "type": "boolean",
            "description": "Offline import (faster, the graph locked) or online (the default, the graph readable).",
            "default": false
          },
          "obsParameters": {
            "$ref": "#/components/schemas/ObsParameters",
            "description": "OBS credentials."
          }
        }
      },
      "CreateIndexRequest": {
        "type": "object",
        "description": "The create-index body (1.1.6), fields as the page's table gives them [doc]: a composite index (`GlobalCompositeVertexIndex`,\n`GlobalCompositeEdgeIndex`) on a label and properties, or a `FullTextIndex` on properties.\n`indexProperty` is required when `hasLabel` is false or absent [doc].\n",
        "required": [
          "indexName",
          "indexType"
        ],
        "properties": {
          "indexName": {
            "type": "string",
            "description": "Letters, digits, `-` and `_`, at most 63 characters.",
            "pattern": "^[A-Za-z0-9_-]{1,63}$"
          },
          "indexType": {
            "type": "string",
            "description": "The kind of index; case-sensitive.",
            "enum": [
              "GlobalCompositeVertexIndex",
              "GlobalCompositeEdgeIndex",
              "FullTextIndex"
            ]
          },
          "hasLabel": {
            "$ref": "#/components/schemas/LooseBoolean",
            "description": "Whether the index covers the label, default false."
          },
          "indexProperty": {
            "type": "array",
            "description": "The indexed properties, of type integer, float, double, long, enum, char array, string or\ndate. The table types it String; the examples send an array [ex].\n",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ExportJobResultRequest": {
        "type": "object",
        "description": "The export-result body (2.2.1), fields as the page's table gives them [doc]. `obsParameters` is required by the 2021 page and optional\nsince graphs of 2.4.17 may reach OBS by delegation [doc]; optional here [decision].\n",
        "required": [
          "exportPath"
        ],
        "properties": {
          "exportPath": {
            "type": "string",
            "description": "The OBS directory to write to."
          },
          "fileName": {
            "type": "string",
            "description": "The file name, or the directory name when `paginate.enable` is true."
          },
          "obsParameters": {
            "$ref": "#/components/schemas/ObsParameters",
            "description": "OBS credentials."
          },
          "paginate": {
            "type": "object",
            "description": "Export in several files (2025 page).",
            "properties": {
              "enable": {
                "type": "boolean",
                "default": false,
                "description": "Whether to write several files, default false."
              },
              "rowCountPerFile": {
                "type": "integer",
                "default": 10000000,
                "description": "Rows a file, default 10000000."
              },
              "numThread": {
                "type": "integer",
                "default": 8,
                "description": "Threads, default 8 (at most the CPUs of the graph)."
              },
              "maxSizePerFile": {
                "type": "integer",
                "description": "Bytes a file at most."
              }
            }
          },
          "erase": {
            "type": "boolean",
            "description": "Whether the job whose result is exported is deleted afterwards, default true (2025 page).",
            "default": true
          }
        }
      }
    }
  }
};
