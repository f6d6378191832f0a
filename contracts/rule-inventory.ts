/**
 * The rule inventory: every rule the contract kit judges and every rule openapi.yaml states, each
 * with its evidence — the GES page and the words (or the example) that state it, or the decision or
 * inference it rests on, with the reason. A rule's level is computed from that evidence (levelOf in
 * ges-pages.ts): MUST only where a page or a documented example states it; what this project decided
 * or inferred is SHOULD. A check's finding names the rule it breaks, so its level, and what it rests
 * on, follow from here. Each rule also names the places of the spec that state it (ids of
 * specRuleSites, `*` matching within one segment or sentence key), so a test can tell when the spec
 * states a rule no entry accounts for. docs/contracts.md shows the inventory as a table
 * (scripts/gen-rules.ts).
 */

import { limitBounds as L, offsetBounds as O } from '../src/spec/spec-facts.js';
import { describeEvidence, type Evidence, type Level, levelOf } from './ges-pages.js';

/** One rule as written here: its level is not written, it follows from the evidence. */
interface RuleEntry {
  /** Stable id, `area.rule`. */
  id: string;
  /** The rule in one sentence. */
  rule: string;
  /** What states it: the pages' words or examples, or the decision or inference and its reason. */
  evidence: readonly Evidence[];
  /** Ids of the checks that judge it (live or recorded); each of their findings against it cites it. */
  checks: readonly string[];
  /** Set when no check can judge it (wholly) from outside: why. */
  notCheckable?: string | undefined;
  /** The places of the spec that state it (specRuleSites ids; `*` matches within a segment). */
  sites: readonly string[];
}

const RULES = [
  // The job list.
  {
    id: 'list.shape',
    rule: `A 200 list is an object with a jobs array (at most ${L.max} jobs) and an integer jobCount.`,
    evidence: [
      { page: 'list-jobs', says: '查询成功时包含jobs字段,jobs字段中包含系统中保存的job状态列表' },
      { page: 'list-jobs', shows: 'a jobs array and "jobCount": 3 beside it' },
    ],
    checks: ['response_schema_conformance', 'job_count_consistent', 'limit_zero_empty'],
    sites: [
      'listJobs/description#the-table-types-jobs-as-object',
      'listJobs/description#it-is-an-array',
      'listJobs/description#jobcount-appears-only-in-the-example',
      'schemas/JobList/required',
      'schemas/JobList/properties/jobs/maxItems',
      'schemas/JobList/properties/jobs/description#the-ges-table-types-it-as',
    ],
  },
  {
    id: 'list.parameters',
    rule: 'The list takes project_id and graph_name in its path and limit and offset in its query; there is no job_id.',
    evidence: [
      {
        decision:
          "the page's table lists a required job_id that its URL has no place for and omits the graph_name its URL has; the spec follows the URL",
      },
    ],
    checks: [],
    notCheckable: 'which parameters a server reads is not visible from outside beyond what limit and offset do',
    sites: ['listJobs/description#where-the-ges-page-is-wrong', 'listJobs/description#the-page-s-parameter-table-lists'],
  },
  {
    id: 'list.job-count-total',
    rule: 'jobCount is the total number of jobs of the graph, never negative: the same on every page, for limit=0 and past the end; a submit adds one, a cancel none.',
    evidence: [
      {
        decision:
          'the example shows jobCount only once, beside as many jobs as it counts; the database edition documents its totalCount as the total, and paging needs one',
      },
    ],
    checks: [
      'job_count_consistent',
      'limit_zero_empty',
      'offset_boundaries',
      'submit_answer_matches_everywhere',
      'cancelled_status_everywhere',
      'response_schema_conformance',
    ],
    sites: [
      'listJobs/description#it-is-required-and-is-the',
      'schemas/JobList/properties/jobCount/description#*',
      'schemas/JobList/properties/jobCount/minimum',
    ],
  },
  {
    id: 'list.limit-respected',
    rule: `jobs.length never exceeds limit, nor ${L.max}: on the first page, every page of a walk, limit=0 and 1, the maximum and past it.`,
    evidence: [{ page: 'list-jobs', says: '本次查询返回最大数量(最大100000),默认为100000。' }],
    checks: ['list_limit_respected', 'limit_zero_empty', 'limit_maximum_respected'],
    sites: [
      'listJobs/description#that-is-a-defect-of-the',
      'schemas/JobList/properties/jobs/description#never-longer-than-limit',
      'parameters/Limit/description#the-most-jobs-to-return-0',
      'parameters/Limit/schema/maximum',
    ],
  },
  {
    id: 'list.paging-slices',
    rule: `A read with limit and offset is the slice of the jobs the engine holds at that moment: offset 0 and limit ${L.default} are the default list, offset n starts at its (n+1)th job, consecutive pages neither overlap nor skip, a value past 32 bits never wraps around, and a page read right after a change shows what the unpaged list shows.`,
    evidence: [
      { page: 'list-jobs', says: '本次查询偏移量,默认为0。' },
      { page: 'list-jobs', says: '本次查询返回最大数量(最大100000),默认为100000。' },
      { page: 'list-jobs', says: '现在提供一个新的接口用于查询engine中保存的所有异步任务' },
    ],
    checks: ['pages_reproduce_full_list', 'limit_boundaries', 'offset_boundaries', 'limit_maximum_respected', 'paged_reads_current'],
    sites: ['parameters/Offset/description#how-many-jobs-to-skip-default'],
  },
  {
    id: 'list.past-the-end',
    rule: 'An offset at or past the end, however large, answers no job: an empty page or a refusal, never jobs of another place in the list.',
    evidence: [
      { page: 'list-jobs', says: '本次查询偏移量,默认为0。' },
      { page: 'list-jobs', says: '现在提供一个新的接口用于查询engine中保存的所有异步任务' },
    ],
    checks: ['offset_past_end_empty', 'offset_boundaries'],
    sites: [],
  },
  {
    id: 'list.paging-range',
    rule: `limit is ${L.min}–${L.max} and offset ${O.min}–${O.max} (int32): limit=0, offsets past the end and ${O.max} answer 200 (an empty page past the end); negative values are refused.`,
    evidence: [
      {
        decision:
          "the pages give limit's maximum and no least value, and no bound for offset; 0 as the least, an int32 offset, answering an empty page past the end and refusing negative values are this spec's",
      },
    ],
    checks: ['negative_data_rejection', 'limit_zero_empty', 'offset_past_end_empty', 'offset_boundaries'],
    sites: [
      'parameters/Limit/schema/format',
      'parameters/Limit/schema/minimum',
      'parameters/Offset/description#the-pages-give-no-upper-bound',
      'parameters/Offset/schema/*',
    ],
  },
  {
    id: 'list.paging-malformed',
    rule: 'A limit or offset that is no integer (abc, 2.5) is refused with a 4xx error, never a page.',
    evidence: [
      { page: 'list-jobs', says: 'offset | 否 | Integer |' },
      { page: 'list-jobs', says: 'limit | 否 | Integer |' },
      { page: 'error-codes', says: 'GES.8000 Incorrect parameter format. 参数格式错误' },
      { page: 'error-codes', says: '当调用出错时，HTTP 请求返回一个 4xx 或 5xx 的 HTTP 状态码。' },
    ],
    checks: ['negative_data_rejection'],
    sites: [],
  },
  {
    id: 'list.paging-codes',
    rule: 'A limit or offset that is no integer is 400 GES.8000; an integer out of range is 400 GES.8005.',
    evidence: [
      {
        decision:
          'the error table names GES.8000 (parameter format) and GES.8005 (parameter) but no page says which a paging value gets; the database edition answers a bad parameter GES.8005',
      },
    ],
    checks: ['malformed_paging_code', 'paging_out_of_range_code'],
    sites: [
      'listJobs/description#non-integer-limit-offset-is-400',
      'listJobs/responses/400/description#*',
      'parameters/Limit/description#not-an-integer-400-ges-8000',
    ],
  },
  {
    id: 'list.order',
    rule: 'Jobs come newest startTime first, ties by jobId; a submitted job comes first.',
    evidence: [{ inference: 'both documented examples list the newest job first; no page states an order' }],
    checks: ['newest_first_order', 'submitted_job_listed_first'],
    sites: ['listJobs/description#order-newest-starttime-first-as-both'],
  },
  {
    id: 'list.success-result',
    rule: 'On success, result is "success" when it is sent (on the list, the status endpoint and the cancel answer).',
    evidence: [{ page: 'list-jobs', says: '查询成功时值为success,失败时值为failed。' }],
    checks: ['response_schema_conformance'],
    sites: [
      'schemas/JobList/properties/result/enum',
      'schemas/JobStatus/properties/result/enum',
      'schemas/CancelResult/properties/result/enum',
    ],
  },
  {
    id: 'success.error-fields-empty',
    rule: 'A 200 answer sends errorCode and errorMessage empty or not at all (a failed job may carry its failReason as errorMessage).',
    evidence: [
      {
        inference:
          'the tables say both fields may be empty on success (执行成功时，字段可能为空) and carry the error on failure; a code on a success reads as a failure',
      },
    ],
    checks: ['success_without_error_fields'],
    sites: ['schemas/JobList/properties/errorCode/description#*', 'schemas/JobList/properties/errorMessage/description#*'],
  },
  // Errors.
  {
    id: 'errors.unknown-graph',
    rule: 'Listing the jobs of a graph that does not exist is 400 GES.8000, not 404.',
    evidence: [
      {
        page: 'list-jobs',
        shows: 'Http Status Code: 400 {"errorMessage": "graph : movidde not exist", "errorCode": "GES.8000", "result": "failed"}',
      },
    ],
    checks: ['unknown_graph_rejected'],
    sites: ['listJobs/description#unknown-graph-is-400-ges-8000', 'responses/NotFound/description#a-missing-graph-is-400-not'],
  },
  {
    id: 'errors.envelope',
    rule: 'An error answer is a 4xx or 5xx whose JSON body carries errorMessage and an errorCode GES.dddd (result "failed" when sent).',
    evidence: [
      {
        page: 'error-codes',
        says: '当调用出错时，HTTP 请求返回一个 4xx 或 5xx 的 HTTP 状态码。返回的消息体中是具体的错误代码及错误信息。',
      },
      { page: 'list-jobs', shows: '{"errorMessage": "graph : movidde not exist", "errorCode": "GES.8000", "result": "failed"}' },
      { page: 'job-status', shows: '{"errorMessage": "can not find job, jobId is …", "errorCode": "GES.8301"}' },
    ],
    checks: ['response_schema_conformance'],
    sites: [
      'schemas/GesError/description#*',
      'schemas/GesError/required',
      'schemas/GesError/properties/*/pattern',
      'schemas/GesError/properties/result/enum',
      'schemas/GesError/properties/result/description#*',
    ],
  },
  {
    id: 'errors.gateway-body',
    rule: 'An error comes in the GES envelope, not in the body of an API gateway in front of the engine (its APIGW codes).',
    evidence: [
      {
        decision:
          'the error-code page says codes beginning APIGW come from the API gateway (如果遇到“APIGW”开头的错误码，请参见API网关错误码): such a body is accepted, and the envelope preferred',
      },
    ],
    checks: ['response_schema_conformance'],
    sites: [],
  },
  {
    id: 'errors.no-such-api',
    rule: 'A path or method that is no API is 404 GES.8000.',
    evidence: [{ decision: 'no page documents a 404 body; GES.8000 is the generic request error' }],
    checks: [],
    notCheckable:
      "not from the spec's operations: every request the kit can build is one of them, and a 404 answers a path outside them (the mock's own tests send such paths)",
    sites: ['responses/NotFound/description#decision-ges-8000-the-generic-request'],
  },
  {
    id: 'errors.engine-failure',
    rule: 'A healthy engine answers no request with a 5xx: a request error is a 400; when the engine fails, 500 GES.8302 (query), GES.8304 (cancel) or GES.8602 (unavailable).',
    evidence: [
      { page: 'error-codes', says: 'GES.8000 Incorrect parameter format. 参数格式错误' },
      { page: 'error-codes', says: 'GES.8302 Job query error. 作业查询内部错误' },
      { page: 'list-jobs', says: '500 Internal Server Error | 服务内部错误。' },
    ],
    checks: ['not_a_server_error', 'response_schema_conformance'],
    notCheckable:
      'a client cannot make a healthy engine fail; a 5xx the run meets fails not_a_server_error, and its body is still validated',
    sites: ['*/responses/500/description#*', 'responses/ServiceUnavailable/description#*'],
  },
  {
    id: 'errors.documented-statuses',
    rule: 'Every answer has a status the pages list for its operation: 200, or 400, 401, 403, 404, 500, 503.',
    evidence: [
      {
        page: 'list-jobs',
        says: '400 Bad Request | 请求错误。 | 401 Unauthorized | 鉴权失败。 | 403 Forbidden | 没有操作权限。 | 404 Not Found | 找不到资源。 | 500 Internal Server Error | 服务内部错误。 | 503 Service Unavailable | 服务不可用。',
      },
      { page: 'job-status', says: '400 Bad Request 请求错误。 401 Unauthorized 鉴权失败。' },
    ],
    checks: ['status_code_conformance'],
    sites: [],
  },
  {
    id: 'response.types',
    rule: "Every body is JSON with the fields and types of the pages' tables and examples (strings, booleans, integers, arrays as the examples send them).",
    evidence: [
      { page: 'list-jobs', says: 'canStop | Boolean | 任务能否被停止。' },
      { page: 'list-jobs', shows: 'every answer as a JSON body' },
      { page: 'job-status', says: 'data_total_size 否 Integer 异步任务产生的结果数据总量。' },
    ],
    checks: ['response_schema_conformance'],
    sites: [],
  },
  {
    id: 'response.media-type',
    rule: 'Every answer with a body is sent as application/json.',
    evidence: [{ inference: 'every documented body is JSON; no page names the media type of an answer' }],
    checks: ['content_type_conformance'],
    sites: [],
  },
  // Authentication.
  {
    id: 'auth.token-required',
    rule: 'A request without X-Auth-Token, or with a token not allowed on the project, is refused with a 4xx: reads and writes alike.',
    evidence: [
      { page: 'authentication', says: '调用GES业务面API只能通过Token认证调用请求。' },
      { page: 'authentication', says: '调用本服务API需要project级别的Token' },
      { page: 'list-jobs', says: '401 Unauthorized | 鉴权失败。 | 403 Forbidden | 没有操作权限。' },
    ],
    checks: ['ignored_auth', 'forbidden_token_rejected', 'writes_without_token_rejected'],
    sites: ['securitySchemes/XAuthToken/description#an-iam-token-scoped-to-the'],
  },
  {
    id: 'auth.codes',
    rule: "A missing or rejected token is 401 GES.8007 and another project's token 403 GES.8006, each in the GES envelope as JSON.",
    evidence: [
      {
        decision:
          'the status list says 401 means authentication failed and 403 no permission, the error table maps GES.8007 and GES.8006 to 400, no page shows a 401 or 403 body, and a gateway in front answers with its own APIGW codes',
      },
    ],
    checks: ['missing_token_code', 'forbidden_token_code', 'write_refusal_codes', 'auth_error_envelope'],
    sites: [
      'securitySchemes/XAuthToken/description#missing-or-rejected-401-ges-8007',
      'responses/Unauthorized/description#*',
      'responses/Forbidden/description#*',
    ],
  },
  // Path parameters.
  {
    id: 'path.names',
    rule: 'project_id is 1–64 letters and digits and graph_name 4–50 characters from a letter: a graph name no graph can have, or a job id no job has (257 characters), is refused with a 4xx.',
    evidence: [
      {
        page: 'create-graph',
        says: '图名称（输入长度在4位到50位之间，必须以字母开头，可以包含字母、数字或者下划线，不能包含其他的特殊字符）',
      },
      { page: 'list-jobs-2025', says: 'project_id rule (newest template): letters and digits only, length 1–64' },
      { page: 'list-jobs', shows: 'an unknown graph answered 400 GES.8000' },
      { page: 'job-status', shows: 'an unknown job answered 400 GES.8301' },
    ],
    checks: ['malformed_path_rejected'],
    sites: [
      'parameters/ProjectId/required',
      'parameters/ProjectId/description#*',
      'parameters/ProjectId/schema/pattern',
      'parameters/GraphName/required',
      'parameters/GraphName/description#*',
      'parameters/GraphName/schema/pattern',
      'parameters/JobId/required',
      'parameters/JobId/schema/maxLength',
    ],
  },
  {
    id: 'job.ids-non-empty',
    rule: "jobId (in the list and in a submit answer) and taskType are non-empty strings; the memory engine's UUID-and-nine-digits form is not required.",
    evidence: [
      {
        inference:
          'an empty id could not be looked up; the examples show UUIDs with nine digits, plain UUIDs and 32 hex digits, so no form is enforced',
      },
    ],
    checks: ['response_schema_conformance'],
    sites: [
      'parameters/JobId/description#*',
      'parameters/JobId/schema/minLength',
      'schemas/Job/allOf/0/properties/jobId/*',
      'schemas/Job/allOf/0/properties/jobId/description#*',
      'schemas/Job/allOf/0/properties/taskType/minLength',
      'schemas/JobCreated/properties/jobId/minLength',
    ],
  },
  // The job.
  {
    id: 'job.fields',
    rule: 'A job has jobId, rawRequest, taskType (an open set), canStop, progress, startTime and status.',
    evidence: [
      { page: 'list-jobs', shows: 'every job with jobId, rawRequest, taskType, canStop, progress, startTime and status' },
      { page: 'list-jobs', says: 'taskType | String | 任务类型。' },
    ],
    checks: ['response_schema_conformance'],
    sites: [
      'schemas/Job/description#the-first-allof-member-declares-every',
      'schemas/Job/allOf/0/required',
      'schemas/Job/allOf/0/properties/taskType/description#*',
    ],
  },
  {
    id: 'job.raw-request',
    rule: "An algorithm job's rawRequest is its original body: when not empty, the JSON object execute-algorithm took, with its algorithmName; a submitted job's rawRequest is the submitted JSON.",
    evidence: [
      { page: 'list-jobs', says: '原始请求Body体' },
      { page: 'list-jobs', shows: 'rawRequest "{\\"algorithmName\\":\\"shortest_path\\",\\"parameters\\":{…}}" on the Algorithm jobs' },
      { page: 'algorithm-parameters', says: 'algorithmName 是 String 算法名字。' },
    ],
    checks: ['raw_request_is_body', 'submitted_job_listed'],
    sites: ['schemas/Job/allOf/0/properties/rawRequest/description#the-original-request-body-as-a'],
  },
  {
    id: 'job.raw-request-bytes',
    rule: 'A submitted algorithm job keeps its body byte for byte as rawRequest (not re-serialised).',
    evidence: [
      {
        decision:
          'the page says "the original request body"; whether an engine keeps the bytes or writes the same JSON again is not documented',
      },
    ],
    checks: ['submitted_job_listed'],
    sites: ['schemas/Job/allOf/0/properties/rawRequest/description#for-an-algorithm-job-it-is'],
  },
  {
    id: 'job.fail-reason-iff-failed',
    rule: 'failReason is present exactly when status is failed.',
    evidence: [
      { page: 'list-jobs', says: '失败原因,当status为failed时才有。' },
      { page: 'list-jobs', shows: 'the failed job with its failReason, the successful one without' },
    ],
    checks: ['fail_reason_iff_failed'],
    sites: [
      'schemas/Job/description#failreason-if-and-only-if-status',
      'schemas/Job/allOf/1/if',
      'schemas/Job/allOf/0/properties/failReason/description#*',
    ],
  },
  {
    id: 'job.files-iff-import',
    rule: 'files is present exactly when taskType is ImportGraph (an empty array before the files are read).',
    evidence: [
      { page: 'list-jobs', says: '导入文件列表,当taskType为ImportGraph时才有。' },
      { page: 'list-jobs', shows: 'files on the ImportGraph job only' },
    ],
    checks: ['files_iff_import_graph'],
    sites: [
      'schemas/Job/description#files-if-and-only-if-tasktype',
      'schemas/Job/allOf/2/if',
      'schemas/Job/allOf/0/properties/files/description#*',
    ],
  },
  {
    id: 'job.progress-range',
    rule: 'progress is 0–100, an integer or a digit string.',
    evidence: [
      { page: 'list-jobs', says: '任务进度,取值范围[0,100]。' },
      { page: 'list-jobs', shows: '"progress": "100", a string, where the table says Integer' },
    ],
    checks: ['response_schema_conformance', 'progress_matches_status'],
    sites: ['schemas/Progress/description#the-table-types-it-integer-the', 'schemas/Progress/oneOf', 'schemas/Progress/oneOf/*/*'],
  },
  {
    id: 'job.progress-form',
    rule: 'progress is sent as a digit string ("100"), as the example sends it.',
    evidence: [
      { decision: 'the pages show both forms (the table says Integer, the example sends "100"); the mock sends the example\'s string' },
    ],
    checks: ['progress_as_string'],
    sites: ['schemas/Progress/description#both-are-accepted-the-mock-sends'],
  },
  {
    id: 'job.progress-by-status',
    rule: 'A successful job is at progress 100, a pending one at 0.',
    evidence: [{ inference: 'no page relates progress to status; the examples show finished jobs at 100 (the failed one too)' }],
    checks: ['progress_matches_status'],
    sites: ['schemas/Job/description#success-progress-100-pending-progress-0', 'schemas/Job/allOf/3/if', 'schemas/Job/allOf/4/if'],
  },
  {
    id: 'job.finished-state',
    rule: 'A finished job (success, failed) has an endTime and canStop false.',
    evidence: [
      { page: 'cancel-job', says: '若作业已经执行结束或失败则无法取消。' },
      { page: 'list-jobs', says: '任务能否被停止。' },
      { page: 'list-jobs', shows: 'an endTime on every finished job' },
    ],
    checks: ['finished_job_not_stoppable', 'finished_job_times'],
    sites: [
      'schemas/Job/description#a-finished-job-success-failed-has',
      'schemas/Job/allOf/5/if',
      'schemas/Job/allOf/0/properties/canStop/description#*',
    ],
  },
  {
    id: 'job.time-order',
    rule: 'A finished job does not end before it starts; a pending or running one has no endTime.',
    evidence: [{ inference: 'no page says so; a job cannot end before it starts, nor have ended while it runs' }],
    checks: ['finished_job_times', 'unfinished_job_has_no_end_time'],
    sites: ['schemas/Job/description#a-finished-job-success-failed-has', 'schemas/Job/allOf/6/if'],
  },
  {
    id: 'job.time-string',
    rule: 'startTime and endTime are strings: a date string or a timestamp.',
    evidence: [
      { page: 'list-jobs', says: '起始时间,Date型字符串或时间戳。' },
      { page: 'list-jobs', says: '终止时间,Date型字符串或时间戳。' },
      { page: 'list-jobs', shows: '"startTime": "2024-05-23 09:54:00"' },
    ],
    checks: ['response_schema_conformance'],
    sites: ['schemas/JobTime/description#a-job-s-start-or-end', 'schemas/JobTime/description#the-examples-use-yyyy-mm-dd'],
  },
  {
    id: 'job.time-readable',
    rule: 'startTime and endTime are in a form that names an instant: yyyy-MM-dd HH:mm:ss (T allowed, a fraction, UTC+8 without a zone), ISO 8601 with a zone, or 10/13/16-digit timestamps; times of different forms compare by their instant.',
    evidence: [
      {
        decision:
          'the page says only "a date string or timestamp"; the forms read (and the China time of a zone-less one, as the examples are) are this spec\'s',
      },
    ],
    checks: ['response_schema_conformance'],
    sites: [
      'schemas/JobTime/description#decision-the-forms-accepted-and-read',
      'schemas/JobTime/description#yyyy-mm-dd-hh-mm-ss',
      'schemas/JobTime/description#the-same-with-a-zone-z',
      'schemas/JobTime/description#a-timestamp-as-a-string-of',
      'schemas/JobTime/description#any-other-string-names-no-instant',
      'schemas/JobTime/pattern',
    ],
  },
  {
    id: 'job.status-values',
    rule: 'status is a documented state: pending, running, success or failed, or the spellings other pages document (waiting, complete, partiallyFailed).',
    evidence: [
      { page: 'job-status', says: '查询成功时返回任务状态，包括以下四种状态： pending:等待中 running:运行中 success:成功 failed:失败' },
      { page: 'algorithm-parameters', says: '查询成功时返回任务状态，可选值为waiting，running，complete。' },
      { page: 'list-jobs-2025', says: 'lists five: pending, running, success, partiallyFailed (部分成功 = partly succeeded), failed' },
    ],
    checks: ['response_schema_conformance', 'unfinished_job_status'],
    sites: ['schemas/JobStatusValue/description#the-2024-page-names-four-pending', 'schemas/JobStatusValue/enum'],
  },
  {
    id: 'job.status-spelling',
    rule: 'Statuses are the four of the 2024 tables, not the spellings of other pages and versions (waiting, complete, partiallyFailed).',
    evidence: [
      {
        decision:
          'the spec names the four states of the list and status pages; the other spellings are documented elsewhere and accepted, with a warning',
      },
    ],
    checks: ['status_in_documented_set'],
    sites: [],
  },
  {
    id: 'job.cancellable-can-stop',
    rule: 'A pending or running job has canStop true when every cancel page names its kind cancellable (vertex and edge filter queries, add index; the algorithms topicrank, pagerank, personalrank, kcore, connected_component, label_propagation, louvain), and false when none does (exports and deletes of filtered data, batch deletes, delete index, export of a result, any other algorithm). Where the pages disagree (node2vec, import graph, Filtered-query) either value passes.',
    evidence: [
      {
        page: 'cancel-job-2024',
        says: 'Only jobs created using the following algorithms can be canceled: TopicRank, PageRank, PersonalRank, K-core, Connected Component, Label Propagation, and Louvain.',
      },
      {
        page: 'cancel-job-2025',
        says: '支持取消的算法有：topicrank、pagerank、personalrank、kcore、connected_component、label_propagation、louvain、node2vec',
      },
      {
        page: 'cancel-job',
        says: 'the jobIds returned by the 4 kinds of asynchronous API vertex filter query, edge filter query, execute algorithm and add index can be cancelled',
      },
      { page: 'cancel-job', says: '其他类型的会报“Unsupported Operation”异常。' },
      {
        page: 'cancel-job-2025',
        says: '只有导出图，导入图，点过滤查询、边过滤查询、多跳过滤查询（Filtered-query V2）、执行算法、增加索引返回的Job支持取消。',
      },
      { page: 'list-jobs', says: '任务能否被停止。' },
    ],
    checks: ['can_stop_matches_cancellable', 'cancelled_status_everywhere'],
    sites: ['cancelJob/description#cancellable-task-kinds-doc-filter-queries', 'cancelJob/description#the-2025-page-lists-the-jobs'],
  },
  {
    id: 'job.cancellable-newest',
    rule: 'Where the cancel pages disagree, canStop follows the newest: an unfinished node2vec or import job can be stopped, an unfinished Filtered-query (2.2.13) cannot.',
    evidence: [
      {
        decision:
          'the 2024 page lists seven algorithms and the 2025 page adds node2vec; the 2021 page leaves imports out and the later ones list them; the 2025 page names Filtered-query V2, a different API from Filtered-query 2.2.13. openapi.yaml follows the newest page, and Filtered-query 2.2.13 is not cancellable there',
      },
    ],
    checks: ['can_stop_matches_cancellable'],
    sites: ['cancelJob/description#decision-filtered-query-2-2-13'],
  },
  {
    id: 'job.example-shape',
    rule: "A job has the field set of the spec's example of the same taskType and status.",
    evidence: [{ decision: 'only the examples show these field sets; optional fields beyond them are valid' }],
    checks: ['documented_example_shape'],
    sites: [],
  },
  // Import statistics.
  {
    id: 'import.groups',
    rule: 'files holds groups of one key each: edgeFiles, vertexFiles or schemaFiles.',
    evidence: [{ page: 'list-jobs', shows: '"files": [{"edgeFiles": […]}, {"vertexFiles": […]}, {"schemaFiles": […]}]' }],
    checks: ['response_schema_conformance'],
    sites: ['schemas/ImportFileGroup/description#*'],
  },
  {
    id: 'import.group-not-empty',
    rule: 'A file group is never an empty object.',
    evidence: [{ inference: 'a group names the kind of its files; the example has no empty group' }],
    checks: ['response_schema_conformance'],
    sites: ['schemas/ImportFileGroup/minProperties'],
  },
  {
    id: 'import.file-stats',
    rule: 'A file statistic has its name, status and counts (lines, or labels for schema files).',
    evidence: [
      {
        page: 'list-jobs',
        shows:
          'file entries with fileName, totalLines, successfulLines, failedLines and status, and schema entries with totalLabels, successfulLabels, failedLabels',
      },
    ],
    checks: ['response_schema_conformance'],
    sites: ['schemas/LineFileStat/required', 'schemas/SchemaFileStat/required'],
  },
  {
    id: 'counts.non-negative',
    rule: 'Counts of lines, labels and result records, and result offsets, are never negative.',
    evidence: [{ inference: 'they count or skip things; no page says so' }],
    checks: ['response_schema_conformance'],
    sites: [
      'schemas/LineFileStat/properties/*/minimum',
      'schemas/SchemaFileStat/properties/*/minimum',
      'schemas/JobResultData/properties/*/minimum',
    ],
  },
  {
    id: 'import.counts-add-up',
    rule: 'Once a file is done, successful + failed = total (lines or labels).',
    evidence: [{ inference: "the example's counts add up (1659 = 1659 + 0); no page states it" }],
    checks: ['import_file_counts_add_up'],
    sites: ['schemas/LineFileStat/description#successfullines-failedlines-totallines-once-the-file'],
  },
  {
    id: 'import.times-microseconds',
    rule: 'File start and end times are microseconds since the epoch (1716428001745772), end not before start.',
    evidence: [
      {
        inference:
          "1716428001745772 read as microseconds is 2024-05-23 09:33:21 +08:00, minutes before the example's other jobs; as milliseconds it would lie past the year 9999",
      },
    ],
    checks: ['import_file_times_in_microseconds'],
    sites: [
      'schemas/LineFileStat/description#times-are-integers-in-microseconds-since',
      'schemas/LineFileStat/properties/*/description#*',
      'schemas/SchemaFileStat/description#*',
      'schemas/SchemaFileStat/properties/*/description#*',
    ],
  },
  // One job's status.
  {
    id: 'status.same-as-list',
    rule: "The status endpoint knows every job the list shows and reports its state: a finished job's (complete names success, waiting pending), an unfinished job's or a later one; a failed job's may instead be a 400 GES.8301 carrying the failure, as the algorithm page shows. Before and after a cancel, for seeded and submitted jobs.",
    evidence: [
      { page: 'job-status', says: '通过jobId查询任务的执行状态。' },
      { page: 'job-status', says: '查询成功时返回任务状态，包括以下四种状态： pending:等待中 running:运行中 success:成功 failed:失败' },
      { page: 'list-jobs', says: '返回每个任务的jobId、job状态、原始请求。' },
      {
        page: 'algorithm-parameters',
        shows: 'Http Status Code: 400 {"errorMessage":"Running algorithm [XXXX] error: YYYYYYYYY!","errorCode":"GES.8301"}',
      },
    ],
    checks: ['list_status_matches_job_status', 'unfinished_job_status', 'submit_answer_matches_everywhere', 'cancelled_status_everywhere'],
    sites: [
      'getJobStatus/description#for-finished-jobs-the-status-here',
      'schemas/JobStatus/properties/status/description#*',
      'schemas/JobStatus/required',
    ],
  },
  {
    id: 'status.failed-form',
    rule: "A failed job's status is 200 {status: failed} with its failReason as errorMessage (the 400 GES.8301 form passes when its errorMessage is the failReason).",
    evidence: [
      {
        decision:
          "the status page lists failed among the states and shows no failed body; the algorithm page shows the failure as 400 GES.8301; the failReason as errorMessage is this spec's",
      },
    ],
    checks: ['failed_status_carries_fail_reason', 'cancelled_status_everywhere'],
    sites: ['schemas/JobStatus/description#*'],
  },
  {
    id: 'status.data-when-finished',
    rule: 'data (a page of the result) comes only once the job has finished.',
    evidence: [{ inference: 'data is "the result of the algorithm run"; a job still running has none yet' }],
    checks: ['unfinished_job_status'],
    sites: ['schemas/JobStatus/description#*'],
  },
  {
    id: 'status.result-data',
    rule: 'The result page holds vertices and edges (lists), outputs (an object) and the counters data_return_size, data_offset and data_total_size (integers).',
    evidence: [
      { page: 'job-status', says: 'data_return_size 否 Integer 本次查询返回结果数量。' },
      {
        page: 'job-status',
        shows: '"data": {"outputs": {"data_return_size": 2, "vertices": […], "data_offset": 0, "data_total_size": 19}}',
      },
    ],
    checks: ['response_schema_conformance'],
    sites: ['schemas/JobResultData/description#*'],
  },
  {
    id: 'status.result-paging',
    rule: `The status endpoint's limit (at most ${L.max}) and offset page the result: a page holds at most limit records (data_return_size, vertices, edges) and says the offset asked for as data_offset.`,
    evidence: [
      { page: 'job-status', says: '本次查询返回最大数量(最大100000)，默认为100000。' },
      { page: 'job-status', says: 'data_return_size 否 Integer 本次查询返回结果数量。' },
      { page: 'job-status', says: 'data_offset 否 Integer 本次查询返回结果偏移量。' },
    ],
    checks: ['result_limit_respected'],
    sites: ['parameters/ResultLimit/description#*', 'parameters/ResultLimit/schema/maximum', 'parameters/ResultOffset/description#*'],
  },
  {
    id: 'status.result-paging-range',
    rule: `The status endpoint's limit is ${L.min}–${L.max} and offset ${O.min}–${O.max}: values outside are refused with a 4xx envelope.`,
    evidence: [
      {
        decision:
          "the pages give the result limit's maximum only; the least values, the int32 offset and refusing values outside are this spec's",
      },
    ],
    checks: ['result_paging_range'],
    sites: ['parameters/ResultLimit/schema/format', 'parameters/ResultLimit/schema/minimum', 'parameters/ResultOffset/schema/*'],
  },
  {
    id: 'status.unknown-job',
    rule: 'A job the engine does not hold is 400 GES.8301 on the status endpoint.',
    evidence: [
      { page: 'job-status', shows: 'Http Status Code: 400 {"errorMessage": "can not find job, jobId is …", "errorCode": "GES.8301"}' },
    ],
    checks: ['unknown_job_rejected'],
    sites: ['getJobStatus/description#a-job-the-engine-does-not', 'getJobStatus/responses/400/description#*'],
  },
  // Cancel.
  {
    id: 'cancel.answer',
    rule: 'Cancelling a cancellable job that is still pending or running (pagerank) answers 200 {}.',
    evidence: [
      { page: 'cancel-job', shows: 'Http Status Code: 200 {}' },
      {
        page: 'cancel-job-2024',
        says: 'Only jobs created using the following algorithms can be canceled: TopicRank, PageRank, PersonalRank, K-core, Connected Component, Label Propagation, and Louvain.',
      },
    ],
    checks: ['cancelled_job_failed', 'cancelled_status_everywhere'],
    sites: ['cancelJob/responses/200/description#*', 'schemas/CancelResult/description#*'],
  },
  {
    id: 'cancel.stops-job',
    rule: 'A job whose cancel answered 200 stops: the list shows it neither pending nor running any more (within --job-wait, for an engine that stops it a moment later).',
    evidence: [
      { page: 'cancel-job', says: '用于取消已经提交的作业。' },
      { page: 'list-jobs', says: '任务能否被停止。' },
    ],
    checks: ['cancelled_job_failed'],
    sites: [],
  },
  {
    id: 'cancel.effect',
    rule: 'A cancelled job becomes failed with a failReason, canStop false and an endTime, in the list and on the status endpoint; it stays listed, and a second cancel is 400 GES.8303.',
    evidence: [{ decision: 'no page says what a cancelled job looks like afterwards' }],
    checks: ['cancelled_job_failed', 'cancelled_status_everywhere', 'cancel_again_rejected'],
    sites: ['cancelJob/description#decision-it-becomes-failed-with-a'],
  },
  {
    id: 'cancel.unknown-job',
    rule: 'Cancelling a job the engine does not hold is 400 GES.8303.',
    evidence: [
      {
        page: 'cancel-job',
        shows: 'Http Status Code: 400 {"errorMessage": "can not find job to cancel, id is …", "errorCode": "GES.8303"}',
      },
    ],
    checks: ['cancel_unknown_job_rejected'],
    sites: ['cancelJob/responses/400/description#*'],
  },
  {
    id: 'cancel.refusals',
    rule: 'Cancelling a finished or failed job, a job of an algorithm the cancel page does not list, or a job through a graph that does not exist is refused with a 4xx, and the job is left as it was.',
    evidence: [
      { page: 'cancel-job', says: '若作业已经执行结束或失败则无法取消。' },
      { page: 'cancel-job', says: '其他类型的会报“Unsupported Operation”异常。' },
      {
        page: 'cancel-job-2024',
        says: 'Only jobs created using the following algorithms can be canceled: TopicRank, PageRank, PersonalRank, K-core, Connected Component, Label Propagation, and Louvain.',
      },
      { page: 'cancel-job', says: 'DELETE /ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}' },
    ],
    checks: ['cancel_finished_job_rejected', 'cancel_not_cancellable_rejected', 'cancel_other_graph_rejected'],
    sites: ['cancelJob/description#cancelling-a-job-that-is-unknown'],
  },
  {
    id: 'cancel.refusal-codes',
    rule: 'Those refusals are 400 GES.8303, and through a graph that does not exist 400 GES.8000.',
    evidence: [{ decision: 'the cancel page shows GES.8303 for a job it cannot find and names no code for the others' }],
    checks: ['cancel_finished_job_rejected', 'cancel_not_cancellable_rejected', 'cancel_other_graph_rejected'],
    sites: ['cancelJob/description#cancelling-a-job-that-is-unknown', 'cancelJob/responses/400/description#*'],
  },
  // Submit.
  {
    id: 'submit.listed',
    rule: "A submitted algorithm's answer carries its jobId, which the list and the status endpoint know right after: listed as taskType Algorithm, its body as rawRequest.",
    evidence: [
      { page: 'execute-algorithm', shows: '{"jobId": "4448c9fb-0b16-4a78-8d89-2a137c53454a001679122", "jobType": 1}' },
      { page: 'execute-algorithm', says: '可以查询jobId查看任务执行状态、获取返回结果' },
      { page: 'list-jobs', says: '现在提供一个新的接口用于查询engine中保存的所有异步任务,返回每个任务的jobId、job状态、原始请求。' },
      { page: 'list-jobs', shows: 'algorithm jobs as taskType "Algorithm" with their body as rawRequest' },
    ],
    checks: ['submitted_job_listed', 'submit_answer_matches_everywhere', 'paged_reads_current'],
    sites: ['executeAlgorithm/description#the-answer-carries-the-new-job', 'schemas/JobCreated/required'],
  },
  {
    id: 'submit.job-type',
    rule: 'The submit answer says jobType 1 (an algorithm job) when it sends one.',
    evidence: [
      {
        decision:
          'the execute-algorithm example answers jobType 1 for pagerank; the filtered_shortest_path page shows 2, so 1 for every algorithm is not stated',
      },
    ],
    checks: ['submit_answer_matches_everywhere'],
    sites: ['schemas/JobCreated/description#*'],
  },
  {
    id: 'submit.vertices-unchecked',
    rule: 'Vertex ids are not checked on submit: an unknown source is accepted (200 with a jobId), and the job fails later.',
    evidence: [
      {
        page: 'list-jobs',
        shows: 'a failed shortest_path job, failReason "Running algorithm [shortest_path] error: parameter [source] is invalid!"',
      },
    ],
    checks: ['unknown_vertex_accepted'],
    sites: ['executeAlgorithm/description#vertex-ids-are-not-checked-on'],
  },
  {
    id: 'submit.refusals',
    rule: 'A submit whose algorithmName is empty or missing, or whose body is no JSON object, is refused with a 4xx and creates no job: the refusal carries no jobId.',
    evidence: [
      { page: 'algorithm-parameters', says: 'algorithmName 是 String 算法名字。' },
      { page: 'execute-algorithm', says: '执行算法任务ID。请求失败时，字段为空。' },
      { page: 'error-codes', says: 'GES.8401 The algorithm or graph name cannot be empty.' },
      { page: 'error-codes', says: 'GES.8000 Incorrect parameter format. 参数格式错误 检查请求body体是否和文档描述一致。' },
    ],
    checks: ['invalid_algorithm_rejected'],
    sites: ['executeAlgorithm/requestBody/required', 'schemas/AlgorithmRequest/description#*', 'schemas/AlgorithmRequest/required'],
  },
  {
    id: 'submit.empty-name-code',
    rule: 'An empty algorithmName is 400 GES.8401.',
    evidence: [{ page: 'error-codes', says: '400 GES.8401 The algorithm or graph name cannot be empty. 算法名或者图名不能为空' }],
    checks: ['invalid_algorithm_code'],
    sites: ['executeAlgorithm/description#decision-an-empty-algorithmname-is-400'],
  },
  {
    id: 'submit.refusal-codes',
    rule: 'A missing algorithmName is 400 GES.8401, an unknown algorithm 400 GES.8402, a body that is no JSON object 400 GES.8000; another action_id and a body over 1 MiB are refused with 400 GES.8000.',
    evidence: [
      {
        decision:
          "the codes beyond the empty name, refusing a name the kit does not know (the set grows between versions) and another action_id, and the mock's 1 MiB limit (no page caps a body, and shortest_path_of_vertex_sets takes up to 100,000 ids) are this spec's",
      },
    ],
    checks: ['invalid_algorithm_code'],
    sites: [
      'executeAlgorithm/description#decision-an-empty-algorithmname-is-400',
      'executeAlgorithm/description#a-body-over-1-mib-is',
      'executeAlgorithm/responses/400/description#*',
      'executeAlgorithm/parameters/2/required',
      'executeAlgorithm/parameters/2/description#*',
      'executeAlgorithm/parameters/2/schema/enum',
    ],
  },
] as const satisfies readonly RuleEntry[];

/** The id of a rule of the inventory. */
export type RuleId = (typeof RULES)[number]['id'];

/** One rule with its level, which follows from its evidence. */
export interface SpecRule extends RuleEntry {
  id: RuleId;
  /** `must` when a page or a documented example states it, otherwise `should`. */
  level: Level;
}

/** Every rule the kit judges or openapi.yaml states, with its evidence and computed level. */
export const ruleInventory: readonly SpecRule[] = RULES.map((rule) => ({ ...rule, level: levelOf(rule.evidence) }));

const byId = new Map<string, SpecRule>(ruleInventory.map((rule) => [rule.id, rule]));

/** The rule with this id; throws for an id the inventory lacks. */
export function ruleById(id: string): SpecRule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`the rule inventory has no rule ${id}`);
  return rule;
}

/**
 * A check's level: `must` when one of the rules it judges is (it can fail a lenient run), otherwise
 * `should`. Throws for a check no rule names: every check judges some rule.
 */
export function levelOfCheck(checkId: string): Level {
  const rules = ruleInventory.filter((rule) => rule.checks.includes(checkId));
  if (rules.length === 0) throw new Error(`no rule of the inventory names the check ${checkId}`);
  return rules.some((rule) => rule.level === 'must') ? 'must' : 'should';
}

/** What a rule rests on, in one line: `list.limit-respected (must): 查询job列表(2.2.13) (Listing Jobs) says “…”`. */
export function restsOn(id: RuleId): string {
  const rule = ruleById(id);
  const [first, ...more] = rule.evidence.map(describeEvidence);
  return `${rule.id} (${rule.level}): ${first}${more.length > 0 ? ` (+${more.length} more)` : ''}`;
}

/** Whether a site id matches an inventory pattern (`*` matches within one segment or sentence key). */
export function siteMatches(pattern: string, siteId: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/#]*');
  return new RegExp(`^${source}$`).test(siteId);
}
