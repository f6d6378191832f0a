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
    checks: ['status_code_conformance', 'response_schema_conformance'],
    notCheckable:
      "the kit sends only the spec's paths: it judges this only where a target answers 404 or 405 to an API that creates jobs, which that target does not offer (an engine of an older version, a gateway that does not publish it), to the kit's own request or to one a recording holds",
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
    sites: ['*/responses/500/description#*', 'responses/ServiceUnavailable/description#*', 'responses/EngineUnavailable/description#*'],
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
    checks: [
      'list_status_matches_job_status',
      'unfinished_job_status',
      'submit_answer_matches_everywhere',
      'cancelled_status_everywhere',
      'job_kinds_listed',
    ],
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
      { page: 'vertex-filter-query', says: 'The result is read through the job status API' },
    ],
    checks: ['response_schema_conformance'],
    sites: [
      'schemas/JobResultData/description#*',
      'getJobStatus/description#a-vertex-filter-query-s-result',
      'queryVertices/description#a-query-job-s-result-is',
    ],
  },
  {
    id: 'status.result-paging',
    rule: `The status endpoint's limit (at most ${L.max}) and offset page the result: a page holds at most limit records (data_return_size, vertices, edges) and says the offset asked for as data_offset.`,
    evidence: [
      { page: 'job-status', says: '本次查询返回最大数量(最大100000)，默认为100000。' },
      { page: 'job-status', says: 'data_return_size 否 Integer 本次查询返回结果数量。' },
      { page: 'job-status', says: 'data_offset 否 Integer 本次查询返回结果偏移量。' },
      { page: 'filtered-query', says: "asynchronously, false pages the job's result, true does not" },
    ],
    checks: ['result_limit_respected'],
    sites: [
      'parameters/ResultLimit/description#*',
      'parameters/ResultLimit/schema/maximum',
      'parameters/ResultOffset/description#*',
      'getJobStatus/description#an-asynchronous-filtered-query-is-paged',
    ],
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
  // Every API that creates a job: its answer, its job, its refusals.
  {
    id: 'kind.answer',
    rule: "An API that creates a job answers an accepted submission 200 with the new job's jobId, a non-empty string, and with a jobType where its page's example shows one (a number as the examples send it, or the String the index tables type it).",
    evidence: [
      {
        page: 'vertex-filter-query',
        shows: 'Http Status Code: 200 {"jobId": "03e774f5-29ea-4187-9508-5435f3892ead016886200", "jobType": 1}',
      },
      {
        page: 'edge-filter-query',
        shows: 'Http Status Code: 200 {"jobId": "f9987cab-64d3-4b3d-ac43-e91ae0c21bef168127124", "jobType": 0}',
      },
      {
        page: 'export-filtered-vertices',
        shows: 'Http Status Code: 200 {"jobId": "03e774f5-29ea-4187-9508-5435f3892ead016886200", "jobType": 1}',
      },
      {
        page: 'delete-filtered-edges',
        shows: 'Http Status Code: 200 {"jobId": "f9987cab-64d3-4b3d-ac43-e91ae0c21bef168127124", "jobType": 0}',
      },
      {
        page: 'filtered-query',
        shows: 'Http Status Code: 200 {"jobId": "6622f13c-4b88-45f5-89a9-eaa096647c4a", "jobType": 1} for executionMode async',
      },
      {
        page: 'batch-delete-edges',
        shows: 'Http Status Code: 200 {"jobId": "500dea8f-9651-41fe-8299-c20f13a032ea", "jobType": 3} for executionMode async',
      },
      { page: 'create-index', shows: 'Http Status Code: 200 {"jobId": "f99f60f1-bba6-4cde-bd1a-ff4bdd1fd500000168232", "jobType": 8}' },
      { page: 'delete-index', shows: 'Http Status Code: 200 {"jobId": "fb74314e-a82d-41b2-8900-96e2559fa0d9000168232", "jobType": 9}' },
      {
        page: 'export-job-result',
        shows: 'HttpStatusCode: 200 {"jobId": "f99f60f1-bba6-4cde-bd1a-ff4bdd1fd500000168232"}, without a jobType',
      },
      { page: 'import-graph', shows: 'Http Status Code: 200 { "jobId": "b4f2e9a0-0439-4edd-a3ad-199bb523b613" }, without a jobType' },
      { page: 'execute-algorithm', shows: '{"jobId": "4448c9fb-0b16-4a78-8d89-2a137c53454a001679122", "jobType": 1}' },
    ],
    checks: ['job_kinds_submitted'],
    sites: [
      'queryVertices/description#each-creates-a-job-and-answers',
      'queryEdges/description#the-first-three-create-a-job',
      'createIndex/description#the-answer-is-jobid-jobtype-8',
      'deleteIndex/description#the-answer-is-jobid-jobtype-9',
      'exportJobResult/description#the-answer-is-jobid-of-a',
      'executeAlgorithm/description#import-graph-2-1-14-adds',
    ],
  },
  {
    id: 'kind.job-type-value',
    rule: 'The jobType is the number its page shows: 1 for a vertex filter query, its export and delete, an asynchronous Filtered-query and an algorithm; 0 for an edge filter query, its export and delete; 3 for an asynchronous batch delete; 8 for create index; 9 for delete index.',
    evidence: [
      {
        decision:
          "no page gives the numbers a meaning, the index tables type the field String, and the export and delete pages answer with the query pages' example unchanged (the same jobId): the kit prefers each page's number and accepts any",
      },
    ],
    checks: ['job_kinds_submitted'],
    sites: [],
  },
  {
    id: 'kind.sync-answer',
    rule: 'A Filtered-query or a batch delete without executionMode async answers at once: Filtered-query 200 with its result in data (an object, at most 100,000 vertices), a batch delete 200 {"result": "success"}.',
    evidence: [
      { page: 'filtered-query', says: 'sync or async; default' },
      { page: 'filtered-query', says: 'synchronously, at most 100,000 vertices are returned' },
      {
        page: 'filtered-query',
        shows: 'Http Status Code: 200 {"data": {"edges": [{"index": "1", "source": "tr_1", "label": "rate", …}, ……]}}',
      },
      { page: 'batch-delete-edges', says: 'sync synchronous, async asynchronous; default sync' },
      { page: 'batch-delete-edges', shows: 'Http Status Code: 200 {"result": "success"}' },
    ],
    checks: ['job_kinds_submitted', 'response_schema_conformance'],
    sites: [
      'executeAlgorithm/description#with-executionmode-sync-the-default-the',
      'executeAlgorithm/description#a-synchronous-result-holds-at-most',
      'queryEdges/description#batch-delete-deletes-at-once-and',
      'schemas/BatchDeleteResult/description#*',
      'schemas/BatchDeleteResult/required',
      'schemas/BatchDeleteResult/properties/result/enum',
      'schemas/FilteredQueryResult/description#*',
      'schemas/FilteredQueryResult/required',
    ],
  },
  {
    id: 'kind.listed',
    rule: "A job an API created is known right after its answer: the list holds its jobId, and its status endpoint answers the job's state, the list's or a later one.",
    evidence: [
      { page: 'list-jobs', says: '现在提供一个新的接口用于查询engine中保存的所有异步任务,返回每个任务的jobId、job状态、原始请求。' },
      { page: 'job-status', says: '通过jobId查询任务的执行状态。' },
      { page: 'batch-delete-edges', says: "the delete task's id, to be read through the job status API" },
      { page: 'import-graph', says: "the async task's jobId; read its status through the job APIs" },
    ],
    checks: ['job_kinds_listed'],
    sites: ['getJobStatus/description#used-after-every-asynchronous-api-algorithms'],
  },
  {
    id: 'kind.task-type',
    rule: 'An import job is listed with taskType ImportGraph and an algorithm job with Algorithm.',
    evidence: [{ page: 'list-jobs', shows: 'taskType "ImportGraph" on the import job and "Algorithm" on the algorithm jobs' }],
    checks: ['job_kinds_listed'],
    sites: [],
  },
  {
    id: 'kind.task-type-decided',
    rule: 'The jobs of the other APIs are listed with the taskType the spec names for them: VertexFilterQuery, EdgeFilterQuery, FilteredQuery, ExportFilteredVertices, DeleteFilteredVertices, ExportFilteredEdges, DeleteFilteredEdges, BatchDeleteEdges, CreateIndex, DeleteIndex, ExportJobResult.',
    evidence: [
      {
        decision:
          "the pages show only Algorithm and ImportGraph; the other names are this spec's, in their style (x-ges-actions, taskTypeFrom: decision), and a client reads taskType as an open string",
      },
    ],
    checks: ['job_kinds_listed'],
    sites: [],
  },
  {
    id: 'kind.raw-request',
    rule: "A submitted job's rawRequest is the body it was submitted with (the same JSON), credentials (obsParameters) aside.",
    evidence: [
      {
        inference:
          "the list page calls rawRequest the original request body (原始请求Body体), yet its ImportGraph examples show bodies with a graphName and without the obsParameters the import page requires: what an engine keeps of a body other than an algorithm's is not settled",
      },
    ],
    checks: ['job_kinds_listed'],
    sites: [],
  },
  {
    id: 'kind.refusal',
    rule: 'An API that creates jobs refuses a submission with a 4xx GES error envelope that carries no jobId, and no job appears for it in the list.',
    evidence: [
      {
        page: 'error-codes',
        says: '当调用出错时，HTTP 请求返回一个 4xx 或 5xx 的 HTTP 状态码。返回的消息体中是具体的错误代码及错误信息。',
      },
      { page: 'execute-algorithm', says: '执行算法任务ID。请求失败时，字段为空。' },
      {
        page: 'vertex-filter-query',
        shows:
          'Http Status Code: 400 {"errorMessage": "Bad Request, parameter labels and vertexFilters cannot all be null", "errorCode": "GES.8203"}',
      },
      { page: 'create-index', shows: 'Http Status Code: 400 {"errorMessage": "graph [demo] is not found", "errorCode": "GES.8603"}' },
    ],
    checks: ['job_kinds_submitted', 'job_kind_refusals'],
    sites: [
      'queryVertices/responses/400/description#*',
      'queryEdges/responses/400/description#*',
      'createIndex/responses/400/description#*',
      'deleteIndex/responses/400/description#*',
      'exportJobResult/responses/400/description#*',
    ],
  },
  {
    id: 'kind.documented-refusals',
    rule: "The refusals the pages show answer 400 with the page's code: a vertex filter query or export naming neither labels nor vertexFilters GES.8203, an edge one naming neither labels nor edgeFilters GES.8103, a batch delete whose edge lacks source GES.8000, a Filtered-query whose executionMode is neither sync nor async GES.8806; a graph that does not exist GES.8603 (create index), GES.8604 (delete index), GES.8011 (export of a result), GES.8013 (import), GES.8806 (Filtered-query), GES.8402 (asynchronous batch delete).",
    evidence: [
      {
        page: 'vertex-filter-query',
        shows:
          'Http Status Code: 400 {"errorMessage": "Bad Request, parameter labels and vertexFilters cannot all be null", "errorCode": "GES.8203"}',
      },
      { page: 'vertex-filter-query', says: 'labels or vertexFilters, one of them' },
      {
        page: 'export-filtered-vertices',
        shows:
          'Http Status Code: 400 {"errorMessage": "Bad Request, parameter labels and vertexFilters cannot all be null", "errorCode": "GES.8203"}',
      },
      {
        page: 'edge-filter-query',
        shows:
          'Http Status Code: 400 {"errorMessage": "Bad Request, parameter labels and edgeFilters cannot all be null", "errorCode": "GES.8103"}',
      },
      {
        page: 'export-filtered-edges',
        shows:
          'Http Status Code: 400 {"errorMessage": "Bad Request, parameter labels and vertexFilters cannot all be null", "errorCode": "GES.8103"}',
      },
      {
        page: 'batch-delete-edges',
        shows: 'Http Status Code: 400 {"errorMessage":"parameter does not contain \'source\'", "errorCode":"GES.8000"}',
      },
      {
        page: 'filtered-query',
        shows:
          'Http Status Code: 400 {"errorMessage": "executionMode is not correct, it should be sync or async", "errorCode": "GES.8806"}',
      },
      {
        page: 'filtered-query',
        shows: 'Http Status Code: 400 {"errorMessage": "graph [tesdt_117] is not found", "errorCode": "GES.8806"}',
      },
      { page: 'create-index', shows: 'Http Status Code: 400 {"errorMessage": "graph [demo] is not found", "errorCode": "GES.8603"}' },
      { page: 'delete-index', shows: 'Http Status Code: 400 {"errorMessage": "graph [demo] is not found", "errorCode": "GES.8604 "}' },
      { page: 'export-job-result', shows: 'HttpStatusCode: 400 {"errorMessage": "graph [demo] is not found", "errorCode": "GES.8011"}' },
      { page: 'import-graph', shows: 'Http Status Code: 400 { "errorCode": "GES.8013", "errorMessage": "graph [movie2] is not found" }' },
      {
        page: 'batch-delete-edges',
        shows: 'Http Status Code: 400 {"errorMessage": "graph [test_117d] is not found", "errorCode": "GES.8402"}',
      },
    ],
    checks: ['job_kind_refusals'],
    sites: [
      'queryVertices/description#labels-or-vertexfilters-must-be-given',
      'queryEdges/description#labels-or-edgefilters-must-be-given',
      'queryEdges/description#the-export-page-s-failure-example',
      'queryEdges/description#a-batch-delete-whose-edge-lacks',
      'executeAlgorithm/description#an-executionmode-other-than-sync-or',
      'executeAlgorithm/description#an-unknown-graph-is-400-ges',
      'schemas/VertexQueryRequest/description#labels-or-vertexfilters-is-given-doc',
      'schemas/VertexExportRequest/description#labels-or-vertexfilters-is-given-doc',
      'schemas/VertexDeleteRequest/description#labels-or-vertexfilters-is-given-doc',
      'schemas/EdgeQueryRequest/description#labels-or-edgefilters-is-given-doc',
      'schemas/EdgeExportRequest/description#labels-or-edgefilters-is-given-doc',
      'schemas/EdgeDeleteRequest/description#labels-or-edgefilters-is-given-doc',
      'schemas/EdgeRef/required',
      'schemas/FilteredQueryRequest/properties/executionMode/enum',
      'schemas/BatchDeleteEdgesRequest/properties/executionMode/enum',
    ],
  },
  {
    id: 'kind.refusal-codes',
    rule: "The refusals no page shows answer the spec's codes: a vertex or edge filter query on a graph that does not exist 400 GES.8000; a malformed condition, label or sort GES.8202, GES.8201, GES.8205 (vertices) or GES.8101, GES.8102, GES.8104 (edges); a batch delete of no edges GES.8110; an export without exportPath or obsParameters, or an action_id no page documents, GES.8000; an import naming no file GES.8013; an index name of other characters or over 63, an unknown indexType, an index the graph has GES.8603, one it does not have GES.8604; the export of a job the engine does not hold GES.8301, of one not succeeded or not exportable GES.8011.",
    evidence: [
      {
        decision:
          "the error table names these codes for these cases but no page shows them answered; an unknown graph on the filter queries answers the list's code, since their pages show none",
      },
    ],
    checks: ['job_kind_refusals'],
    notCheckable: 'the kit sends the refusals the pages show and a graph that does not exist; the other cases need bodies it does not send',
    sites: [
      'queryVertices/description#decision-a-filter-condition-that-is',
      'queryVertices/description#an-export-without-exportpath-or-obsparameters',
      'queryVertices/description#an-action-id-other-than-the',
      'queryVertices/responses/400/description#*',
      'queryVertices/parameters/2/required',
      'queryVertices/parameters/2/schema/enum',
      'queryEdges/description#a-malformed-condition-is-400-ges',
      'queryEdges/description#an-action-id-other-than-the',
      'queryEdges/responses/400/description#*',
      'queryEdges/parameters/2/required',
      'queryEdges/parameters/2/schema/enum',
      'executeAlgorithm/description#decision-an-import-naming-none-of',
      'executeAlgorithm/description#decision-an-action-id-that-is',
      'createIndex/description#decision-an-indexname-with-other-characters',
      'createIndex/description#an-index-name-the-graph-already',
      'createIndex/responses/400/description#*',
      'deleteIndex/description#decision-an-index-the-graph-does',
      'deleteIndex/responses/400/description#*',
      'exportJobResult/description#decision-a-job-the-engine-does',
      'exportJobResult/responses/400/description#*',
      'exportJobResult/parameters/3/required',
      'exportJobResult/parameters/3/schema/enum',
    ],
  },
  {
    id: 'kind.effects',
    rule: "What each job does: a Filtered-query walks k hops and lists the last hop's vertices or edges; an index (composite or full-text) exists once its job has succeeded, and a full-text one may lag an update by a second; a deleted index is gone; an export writes the result of a finished job (of the algorithms and queries its page lists) to OBS and, unless erase is false, deletes the exported job; a full-text predicate needs a full-text index.",
    evidence: [
      {
        page: 'filtered-query',
        says: 'Filters a k-hop walk layer by layer and lists the vertices or edges of the k-th hop that meet the filters',
      },
      { page: 'create-index', says: 'query at least a second after an update' },
      { page: 'delete-index', says: 'Deletes the index of the given indexName' },
      { page: 'export-job-result', says: 'Exports the execution result of an asynchronous task (jobId) to a file' },
      { page: 'export-job-result', says: 'delete the original job after the export and release its resources' },
      { page: 'vertex-filter-query', says: 'Full-text predicates need a full-text index created first.' },
    ],
    checks: [],
    notCheckable:
      "the kit reads no graph data and no OBS files: what a job does to them is not visible through the job APIs, and it exports only its own jobs' results",
    sites: [
      'executeAlgorithm/description#filtered-query-2-2-13-filters',
      'createIndex/description#creates-a-composite-index-globalcompositevertexindex-globalcompositeedgeindex',
      'createIndex/description#a-full-text-index-may-serve',
      'deleteIndex/description#deletes-the-index-of-that-name',
      'exportJobResult/description#writes-the-result-of-a-finished',
      'exportJobResult/description#supported-the-algorithms-pagerank-personalrank-pixie',
      'exportJobResult/description#by-default-erase-true-the-exported',
      'queryVertices/description#with-a-full-text-predicate-vertexfilters',
    ],
  },
  {
    id: 'status.kind-results',
    rule: "An edge filter query's result is its edges in data.outputs, with the paging counters beside them.",
    evidence: [
      { decision: 'no page shows the result of an edge filter query; the mock puts it where the vertex filter query has its vertices' },
    ],
    checks: [],
    notCheckable:
      "the result of a job other than the pages' example is the engine's: response_schema_conformance validates every result page as it is",
    sites: ['getJobStatus/description#no-page-shows-an-edge-filter'],
  },
  // Request bodies: what an engine must take. A refusal of a page's example cannot be told from a
  // refusal for the target graph's data, so the kit reports what it sent and fails nobody for it.
  {
    id: 'request.page-forms',
    rule: 'The APIs take the forms their pages\' examples send: counts as numbers or digit strings ("offset":"0"), flags as booleans or "true"/"false" ("hasLabel": "true", "visulized": "false"), labels, filters, index properties and OBS parameters as JSON arrays and objects where the tables say String, and action_id= import-graph with a blank.',
    evidence: [
      { page: 'edge-filter-query', shows: '"offset":"0" and "limit":"20", strings where the table says Integer' },
      { page: 'create-index', shows: '"hasLabel": "true" and "indexProperty": ["age"], where the table says String' },
      { page: 'filtered-query', shows: '"visulized": "false", a misspelt visualized sent as a string' },
      { page: 'vertex-filter-query', shows: '"labels": ["movies", "user"], an array where the table says String' },
      { page: 'import-graph', shows: 'action_id= import-graph, with a blank, in its URI line and its example' },
    ],
    checks: [],
    notCheckable:
      "a refusal of a page's example cannot be told from a refusal for the target graph's data (a label or property it lacks): the kit sends the pages' examples, reports what came back, and fails no engine for refusing one",
    sites: [
      'schemas/LooseInteger/description#*',
      'schemas/LooseInteger/oneOf',
      'schemas/LooseInteger/oneOf/*/*',
      'schemas/LooseBoolean/description#*',
      'schemas/LooseBoolean/oneOf',
      'schemas/LooseBoolean/oneOf/*/*',
      'schemas/LabelList/description#*',
      'schemas/FilterConditionList/description#*',
      'schemas/ObsParameters/description#the-tables-type-it-string-every',
      'schemas/CreateIndexRequest/properties/indexProperty/description#*',
      'schemas/FilteredQueryRequest/properties/visulized/description#the-examples-spelling-of-visualized-sent',
      'executeAlgorithm/description#the-chinese-page-prints-the-url',
    ],
  },
  {
    id: 'request.fields',
    rule: "The request bodies have the fields and values of the pages' tables: filter conditions (propertyName, predicate, values, type), sorts, OBS credentials (accessKey, secretKey), edges by source and target, Filtered-query's hops and property filters, the import's files and parallelEdge, the index's name (letters, digits, - and _, under 63 characters) and type, the export's exportPath.",
    evidence: [
      { page: 'vertex-filter-query', says: 'labels or vertexFilters, one of them' },
      { page: 'export-filtered-vertices', says: 'exportPath (yes, String, the export path)' },
      { page: 'batch-delete-edges', says: 'Deletes edges in batches by their source, target and index' },
      { page: 'create-index', says: 'letters, digits, - and _ only; under 63 characters' },
      { page: 'export-filtered-vertices', says: 'asynchronous mode only' },
    ],
    checks: [],
    notCheckable:
      "what an engine takes is judged by sending it: the kit sends the pages' own examples, and a refusal of one is reported, not failed (see request.page-forms)",
    sites: [
      'queryVertices/requestBody/required',
      'queryEdges/requestBody/required',
      'createIndex/requestBody/required',
      'exportJobResult/requestBody/required',
      'deleteIndex/parameters/2/required',
      'deleteIndex/parameters/2/schema/minLength',
      'schemas/FilterCondition/description#*',
      'schemas/FilterCondition/required',
      'schemas/FilterCondition/properties/*/enum',
      'schemas/FilterCondition/properties/values/description#*',
      'schemas/FilterCondition/properties/values/items/anyOf/1/required',
      'schemas/SortKey/description#*',
      'schemas/SortKey/properties/*/enum',
      'schemas/ObsParameters/description#obs-credentials-for-reading-or-writing',
      'schemas/ObsParameters/required',
      'schemas/VertexQueryRequest/description#the-vertex-filter-query-body-action',
      'schemas/EdgeQueryRequest/description#the-edge-filter-query-body-action',
      'schemas/VertexExportRequest/description#the-body-of-exporting-filtered-vertices',
      'schemas/VertexExportRequest/required',
      'schemas/EdgeExportRequest/description#the-body-of-exporting-filtered-edges',
      'schemas/EdgeExportRequest/required',
      'schemas/VertexDeleteRequest/description#the-body-of-deleting-filtered-vertices',
      'schemas/EdgeDeleteRequest/description#the-body-of-deleting-filtered-edges',
      'schemas/EdgeRef/description#*',
      'schemas/EdgeRef/properties/sortKey/oneOf',
      'schemas/BatchDeleteEdgesRequest/description#*',
      'schemas/BatchDeleteEdgesRequest/required',
      'schemas/BatchDeleteEdgesRequest/properties/ignoreError/description#*',
      'schemas/PropertyFilter/description#*',
      'schemas/PropertyFilter/required',
      'schemas/PropertyFilter/properties/predicate/enum',
      'schemas/PropertyFilter/properties/rightvalue/properties/value/oneOf',
      'schemas/FilteredQueryLayer/description#*',
      'schemas/FilteredQueryLayer/required',
      'schemas/FilteredQueryLayer/properties/operator/*',
      'schemas/FilteredQueryLayer/properties/operator/description#*',
      'schemas/FilteredQueryRequest/description#*',
      'schemas/FilteredQueryRequest/required',
      'schemas/FilteredQueryRequest/properties/query_type/enum',
      'schemas/FilteredQueryRequest/properties/full_path/description#*',
      'schemas/ParallelEdge/description#*',
      'schemas/ParallelEdge/properties/action/enum',
      'schemas/ParallelEdge/properties/ignoreLabel/description#*',
      'schemas/ImportGraphRequest/description#the-import-graph-body-action-id',
      'schemas/CreateIndexRequest/description#*',
      'schemas/CreateIndexRequest/required',
      'schemas/CreateIndexRequest/properties/indexName/pattern',
      'schemas/CreateIndexRequest/properties/indexType/enum',
      'schemas/ExportJobResultRequest/description#the-export-result-body-2-2',
      'schemas/ExportJobResultRequest/required',
    ],
  },
  {
    id: 'request.decisions',
    rule: "Where the pages leave a request open, the spec decides: visulized is read as visualized when that is absent; blanks around action_id are ignored; an edge filter query's limit defaults to 10; obsParameters is optional on an import and on the export of a result; an import may name its graph (graphName).",
    evidence: [
      {
        decision:
          "the Filtered-query examples misspell visualized, the import page prints action_id with a blank, the edge query page gives limit no default, and the import and export pages require obsParameters where the list's import bodies and the 2025 export page go without",
      },
    ],
    checks: [],
    notCheckable: 'what a server reads from a body it accepted is not visible from outside beyond the jobs it makes',
    sites: [
      'executeAlgorithm/description#decision-blanks-around-the-action-id',
      'queryEdges/description#decision-the-edge-filter-query-page',
      'schemas/FilteredQueryRequest/properties/visulized/description#accepted-and-read-as-visualized-when',
      'schemas/ImportGraphRequest/description#the-memory-edition-page-marks-obsparameters',
      'schemas/ImportGraphRequest/properties/graphName/description#*',
      'schemas/ExportJobResultRequest/description#obsparameters-is-required-by-the-2021',
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
