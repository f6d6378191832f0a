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
    "description": "The authoritative contract of Huawei Cloud Graph Engine Service (GES) \"Listing Jobs\" (查询job列表,\nAPI 2.2.13) and the job operations that feed it: single job status, cancel, and execute-algorithm.\n\nGES runs algorithms, imports and queries as asynchronous jobs. The list operation lets a caller that\nlost a jobId find it again: it returns every job the engine still holds, with its status, progress,\noriginal request and import file statistics.\n\nThe GES pages are short and disagree with each other in places. Wherever this spec had to choose,\nthe description of the schema or operation says what the pages say and what is decided here:\n\n* **[doc]** stated in a GES page, **[ex]** seen only in a documented example, **[decision]** ours.\n* Rules from the pages' tables and status lists are MUST: a server that breaks them fails the\n  contract kit. What only an example shows (newest-first order, `progress` as a string, the\n  status spellings of other engine versions) is SHOULD: a warning unless the kit runs `--strict`.\n\nExtension `x-ges-status-variants` lists status values that other engine versions are known to send;\nthe contract kit reads it from here rather than hard-coding it.\n",
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
        "description": "Returns one job's status and, once it has finished, a page of its result (`limit`/`offset` page\nthrough the result data, not through jobs). For finished jobs the status here equals the one\nin the job list.\n\nThe GES pages disagree on the status values: the table names four (`pending`, `running`,\n`success`, `failed`), an older example sends `complete`, a 2025 page adds `partiallyFailed`.\nThe spec's enum is the four; the other two are listed in `x-ges-status-variants` and are\nwarnings in the contract kit. A job the engine does not hold is 400 GES.8301 [ex].\n",
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
        "description": "Stops a job that can still be stopped (`canStop` true in the list). Cancellable task kinds\n[doc]: filter queries, import and export of graphs, adding an index, and the algorithms\ntopicrank, pagerank, personalrank, kcore, connected_component, label_propagation and louvain.\n\nWhat a cancelled job looks like afterwards is not documented. **[decision]** It becomes\n`failed`, with a `failReason` that says it was cancelled, `canStop` false and `endTime` the\nmoment of cancellation. Cancelling a job that is unknown, finished or not cancellable is 400\nGES.8303 [ex], and so is cancelling it a second time.\n",
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
          "Algorithms"
        ],
        "summary": "Run an algorithm as a job",
        "description": "Submits an algorithm run. The answer carries the new job's id; the job then appears first in\nthe job list with `taskType` `Algorithm` and the request body, byte for byte, as `rawRequest`.\n\nVertex ids are not checked on submit: a job whose `source` or `target` is not in the graph is\naccepted, and fails later with a reason such as\n`Running algorithm [shortest_path] error: parameter [source] is invalid!` [ex].\n\n**[decision]** An empty `algorithmName` is 400 GES.8401 [doc]; an unknown algorithm, or one\nmissing a required parameter, is 400 GES.8402 (failed to start) [doc]; a body that is not\na JSON object is 400 GES.8000. A body over 1 MiB is refused with 400 GES.8000: the GES pages\nlist no 413, and a client that handles the six documented statuses handles this too.\n",
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
            "description": "The action to perform. Only `execute-algorithm` is part of this contract.",
            "schema": {
              "type": "string",
              "enum": [
                "execute-algorithm"
              ]
            }
          }
        ],
        "requestBody": {
          "required": true,
          "description": "The algorithm and its parameters.",
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AlgorithmRequest"
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
                    "summary": "A new algorithm job",
                    "value": {
                      "jobId": "5a39d9f6-e955-4294-8ec6-2fe18eee98c7001680206",
                      "jobType": 1
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The body is not a JSON object or too large (GES.8000), the graph does not exist (GES.8000),\nthe algorithm name is empty (GES.8401), or the algorithm cannot start (GES.8402).\n",
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
                "description": "The kind of job. An open set: `Algorithm` and `ImportGraph` are the only documented values\n[ex]; others (exports, filter queries, index builds) exist and are valid.\n",
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
        "description": "A new job's id. `jobType` 1 marks an algorithm job [doc].",
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
            "description": "1 for an algorithm job."
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
      }
    }
  }
};
