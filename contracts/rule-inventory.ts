/**
 * The rule inventory: every rule openapi.yaml states, in its descriptions and in its schemas, with
 * the checks that judge it, or why none can from outside. Each rule names the places of the spec
 * that state it (ids of specRuleSites, `*` matching within one segment or sentence key), so a test
 * can tell when the spec states a rule that no entry accounts for. docs/contracts.md shows it as a
 * table (scripts/gen-rules.ts), with the (operation × status) pairs each rule's checks reach.
 */

import { limitBounds as L, offsetBounds as O } from '../src/spec/spec-facts.js';

/** One rule of the spec. */
export interface SpecRule {
  /** Stable id, `area.rule`. */
  id: string;
  /** The rule in one sentence. */
  rule: string;
  /** `must`: a failure; `should`: a warning unless --strict (only an example shows it). */
  level: 'must' | 'should';
  /** Ids of the checks that judge it (live or recorded). */
  checks: readonly string[];
  /** Set when no check can judge it from outside: why. */
  notCheckable?: string | undefined;
  /** The places of the spec that state it (specRuleSites ids; `*` matches within a segment). */
  sites: readonly string[];
}

/** Every rule openapi.yaml states. */
export const ruleInventory: readonly SpecRule[] = [
  // The job list.
  {
    id: 'list.shape',
    rule: `A 200 list is an object with a jobs array (at most ${L.max}) and an integer jobCount ≥ 0; only limit and offset are query parameters.`,
    level: 'must',
    checks: ['response_schema_conformance', 'list_limit_respected'],
    sites: [
      'listJobs/description#where-the-ges-page-is-wrong',
      'listJobs/description#the-page-s-parameter-table-lists',
      'listJobs/description#the-table-types-jobs-as-object',
      'listJobs/description#it-is-an-array',
      'listJobs/description#jobcount-appears-only-in-the-example',
      'schemas/JobList/required',
      'schemas/JobList/properties/jobs/maxItems',
      'schemas/JobList/properties/jobCount/minimum',
    ],
  },
  {
    id: 'list.job-count-total',
    rule: 'jobCount is the total number of jobs of the graph: the same on every page, for limit=0 and past the end, independent of limit and offset.',
    level: 'must',
    checks: ['job_count_consistent', 'limit_zero_empty', 'offset_boundaries', 'submit_answer_matches_everywhere'],
    sites: ['listJobs/description#it-is-required-and-is-the', 'schemas/JobList/properties/jobCount/description#*'],
  },
  {
    id: 'list.limit-respected',
    rule: 'jobs.length never exceeds limit: on the first page, every page of a walk, the last page, limit=1, limit=0 and the maximum.',
    level: 'must',
    checks: ['list_limit_respected', 'limit_boundaries', 'limit_zero_empty', 'limit_maximum_respected'],
    sites: ['listJobs/description#that-is-a-defect-of-the', 'schemas/JobList/properties/jobs/description#*'],
  },
  {
    id: 'list.limit-range',
    rule: `limit is an int32 from ${L.min} to ${L.max}, default ${L.default}: 0, 1, the total and ${L.max} are valid; -1, ${L.max + 1}, 2^31, 2^32 and 20 digits are refused, never wrapped around.`,
    level: 'must',
    checks: ['limit_zero_empty', 'limit_boundaries', 'limit_maximum_respected', 'negative_data_rejection', 'paging_out_of_range_code'],
    sites: ['parameters/Limit/description#the-most-jobs-to-return-0', 'parameters/Limit/schema/*'],
  },
  {
    id: 'list.offset-range',
    rule: `offset is an int32 from ${O.min} to ${O.max}, default ${O.default}: the last job, the end, past the end and ${O.max} are valid (empty past the end); -1, 2^31, 2^32 and 20 digits are refused or empty, never wrapped to the first page.`,
    level: 'must',
    checks: ['offset_past_end_empty', 'offset_boundaries', 'negative_data_rejection', 'paging_out_of_range_code'],
    sites: [
      'parameters/Offset/description#how-many-jobs-to-skip-default',
      'parameters/Offset/description#the-pages-give-no-upper-bound',
      'parameters/Offset/schema/*',
    ],
  },
  {
    id: 'list.paging-codes',
    rule: 'A limit or offset that is no integer is 400 GES.8000; an integer out of range is 400 GES.8005 (a decision: any 4xx envelope is the MUST).',
    level: 'should',
    checks: ['negative_data_rejection', 'malformed_paging_code', 'paging_out_of_range_code'],
    sites: [
      'listJobs/description#non-integer-limit-offset-is-400',
      'parameters/Limit/description#not-an-integer-400-ges-8000',
      'listJobs/responses/400/description#*',
    ],
  },
  {
    id: 'list.order',
    rule: 'Jobs come newest startTime first, ties by jobId, so pages never overlap or skip a job; a submitted job comes first.',
    level: 'should',
    checks: ['newest_first_order', 'pages_reproduce_full_list', 'submitted_job_listed_first'],
    sites: ['listJobs/description#order-newest-starttime-first-as-both'],
  },
  {
    id: 'list.success-fields',
    rule: 'result, errorCode and errorMessage are optional on success; result is "success", errorCode and errorMessage empty or absent.',
    level: 'must',
    checks: ['response_schema_conformance', 'success_without_error_fields'],
    sites: [
      'schemas/JobList/properties/result/enum',
      'schemas/JobList/properties/errorCode/description#*',
      'schemas/JobList/properties/errorMessage/description#*',
      'schemas/JobStatus/properties/result/enum',
      'schemas/CancelResult/properties/result/enum',
    ],
  },
  // Errors.
  {
    id: 'errors.unknown-graph',
    rule: 'An unknown graph is 400 GES.8000, not 404, on every operation.',
    level: 'must',
    checks: ['unknown_graph_rejected', 'cancel_other_graph_rejected'],
    sites: ['listJobs/description#unknown-graph-is-400-ges-8000', 'responses/NotFound/description#a-missing-graph-is-400-not'],
  },
  {
    id: 'errors.envelope',
    rule: 'Every error status of every operation answers the GES envelope {errorMessage, errorCode GES.dddd, result "failed"}.',
    level: 'must',
    checks: ['response_schema_conformance', 'auth_error_envelope', 'content_type_conformance'],
    sites: [
      'schemas/GesError/description#*',
      'schemas/GesError/required',
      'schemas/GesError/properties/*/pattern',
      'schemas/GesError/properties/result/enum',
      'schemas/GesError/properties/result/description#*',
    ],
  },
  {
    id: 'errors.no-such-api',
    rule: 'A path or method that is no API is 404 GES.8000.',
    level: 'must',
    checks: [],
    notCheckable:
      "not from the spec's operations: every request the kit can build is one of them, and a 404 answers a path outside them (the mock's own tests send such paths)",
    sites: ['responses/NotFound/description#decision-ges-8000-the-generic-request'],
  },
  {
    id: 'errors.engine-failure',
    rule: 'When the engine fails: 500 GES.8302 (query), GES.8304 (cancel), GES.8602 (unavailable), or 503 GES.8602 behind a load balancer.',
    level: 'must',
    checks: ['not_a_server_error', 'response_schema_conformance'],
    notCheckable:
      'a client cannot make a healthy engine fail; a 5xx the run meets fails not_a_server_error, and its body is still validated',
    sites: ['*/responses/500/description#*', 'responses/ServiceUnavailable/description#*'],
  },
  // Authentication.
  {
    id: 'auth.token',
    rule: 'A request without X-Auth-Token, or with a rejected one, is 401 GES.8007; a token not allowed on the project is 403 GES.8006 (any 4xx is the MUST): reads and writes alike.',
    level: 'must',
    checks: [
      'ignored_auth',
      'missing_token_code',
      'forbidden_token_rejected',
      'forbidden_token_code',
      'writes_without_token_rejected',
      'write_refusal_codes',
      'auth_error_envelope',
    ],
    sites: ['securitySchemes/XAuthToken/description#*', 'responses/Unauthorized/description#*', 'responses/Forbidden/description#*'],
  },
  // Path parameters.
  {
    id: 'path.parameters',
    rule: 'project_id is 1–64 letters and digits, graph_name 4–50 characters from a letter, job_id at most 256 characters: a value outside is refused with a 4xx.',
    level: 'must',
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
    id: 'path.job-id-not-empty',
    rule: 'job_id has at least one character.',
    level: 'must',
    checks: [],
    notCheckable: 'an empty job_id makes another path (…/jobs//status), which no request for this operation can carry',
    sites: ['parameters/JobId/schema/minLength'],
  },
  {
    id: 'job.id-format',
    rule: 'Memory-engine job ids are a UUID and nine digits shared by a graph; no format is enforced.',
    level: 'should',
    checks: ['response_schema_conformance'],
    notCheckable: 'on purpose: other engine versions send plain UUIDs, which are valid; only a non-empty string is required',
    sites: [
      'parameters/JobId/description#*',
      'schemas/Job/allOf/0/properties/jobId/*',
      'schemas/Job/allOf/0/properties/jobId/description#*',
    ],
  },
  // The job.
  {
    id: 'job.fields',
    rule: 'A job has jobId, rawRequest (a JSON string, possibly empty), taskType (an open, non-empty set), canStop, progress, startTime and status.',
    level: 'must',
    checks: ['response_schema_conformance'],
    sites: [
      'schemas/Job/description#the-first-allof-member-declares-every',
      'schemas/Job/allOf/0/required',
      'schemas/Job/allOf/0/properties/taskType/minLength',
      'schemas/Job/allOf/0/properties/taskType/description#*',
      'schemas/Job/allOf/0/properties/rawRequest/description#the-original-request-body-as-a',
    ],
  },
  {
    id: 'job.fail-reason-iff-failed',
    rule: 'failReason is present exactly when status is failed.',
    level: 'must',
    checks: ['fail_reason_iff_failed', 'cancelled_job_failed'],
    sites: [
      'schemas/Job/description#failreason-if-and-only-if-status',
      'schemas/Job/allOf/1/if',
      'schemas/Job/allOf/0/properties/failReason/description#*',
    ],
  },
  {
    id: 'job.files-iff-import',
    rule: 'files is present exactly when taskType is ImportGraph (an empty array before the files are read).',
    level: 'must',
    checks: ['files_iff_import_graph'],
    sites: [
      'schemas/Job/description#files-if-and-only-if-tasktype',
      'schemas/Job/allOf/2/if',
      'schemas/Job/allOf/0/properties/files/description#*',
    ],
  },
  {
    id: 'job.progress',
    rule: 'progress is 0–100, an integer or a digit string (the example: a string); success ⇒ 100, pending ⇒ 0.',
    level: 'must',
    checks: ['progress_matches_status', 'progress_as_string', 'response_schema_conformance'],
    sites: [
      'schemas/Job/description#success-progress-100-pending-progress-0',
      'schemas/Job/allOf/3/if',
      'schemas/Job/allOf/4/if',
      'schemas/Progress/description#*',
      'schemas/Progress/oneOf',
      'schemas/Progress/oneOf/*/*',
    ],
  },
  {
    id: 'job.lifecycle-times',
    rule: 'A finished job has an endTime not before its startTime and canStop false; a pending or running one has no endTime.',
    level: 'must',
    checks: ['finished_job_times', 'finished_job_not_stoppable', 'unfinished_job_has_no_end_time', 'cancelled_job_failed'],
    sites: [
      'schemas/Job/description#a-finished-job-success-failed-has',
      'schemas/Job/allOf/5/if',
      'schemas/Job/allOf/6/if',
      'schemas/Job/allOf/0/properties/canStop/description#*',
    ],
  },
  {
    id: 'job.time-format',
    rule: 'startTime and endTime are strings: yyyy-MM-dd HH:mm:ss (T allowed, a fraction, UTC+8 without a zone), ISO 8601 with a zone, or 10/13/16-digit timestamps; never a JSON number or another string; times of different forms compare by their instant.',
    level: 'must',
    checks: ['response_schema_conformance', 'finished_job_times', 'newest_first_order', 'submitted_job_listed_first'],
    sites: ['schemas/JobTime/description#*', 'schemas/JobTime/pattern'],
  },
  {
    id: 'job.status-values',
    rule: 'status is pending, running, success or failed; complete and partiallyFailed (other engine versions) only warn.',
    level: 'must',
    checks: ['response_schema_conformance', 'status_in_documented_set', 'unfinished_job_status'],
    sites: ['schemas/JobStatusValue/description#*', 'schemas/JobStatusValue/enum'],
  },
  // Import statistics.
  {
    id: 'import.groups',
    rule: 'files holds groups of one key each (edgeFiles, vertexFiles, schemaFiles), never an empty object.',
    level: 'must',
    checks: ['response_schema_conformance'],
    sites: ['schemas/ImportFileGroup/description#*', 'schemas/ImportFileGroup/minProperties'],
  },
  {
    id: 'import.file-stats',
    rule: 'A file statistic has its name, status and counts ≥ 0 (lines, or labels for schema files).',
    level: 'must',
    checks: ['response_schema_conformance'],
    sites: [
      'schemas/LineFileStat/required',
      'schemas/LineFileStat/properties/*/minimum',
      'schemas/SchemaFileStat/required',
      'schemas/SchemaFileStat/properties/*/minimum',
    ],
  },
  {
    id: 'import.counts-add-up',
    rule: 'Once a file is done, successful + failed = total (lines or labels).',
    level: 'must',
    checks: ['import_file_counts_add_up'],
    sites: ['schemas/LineFileStat/description#successfullines-failedlines-totallines-once-the-file'],
  },
  {
    id: 'import.times-microseconds',
    rule: 'File start and end times are integers in microseconds since the epoch (1716428001745772), end not before start.',
    level: 'must',
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
    rule: "For a finished job the status endpoint reports the list's status; an unfinished one the list's or a later one: before and after a cancel, for seeded and submitted jobs.",
    level: 'must',
    checks: ['list_status_matches_job_status', 'unfinished_job_status', 'submit_answer_matches_everywhere', 'cancelled_status_everywhere'],
    sites: [
      'getJobStatus/description#for-finished-jobs-the-status-here',
      'schemas/JobStatus/properties/status/description#*',
      'schemas/JobStatus/required',
    ],
  },
  {
    id: 'status.result-and-reason',
    rule: 'data (a page of the result) only once the job has finished; a failed job carries its failReason as errorMessage.',
    level: 'must',
    checks: ['failed_status_carries_fail_reason', 'unfinished_job_status', 'cancelled_status_everywhere'],
    sites: ['schemas/JobStatus/description#*'],
  },
  {
    id: 'status.result-data',
    rule: "The result page's counters are integers ≥ 0; algorithm outputs are open.",
    level: 'must',
    checks: ['response_schema_conformance'],
    sites: ['schemas/JobResultData/description#*', 'schemas/JobResultData/properties/*/minimum'],
  },
  {
    id: 'status.result-paging',
    rule: `The status endpoint's limit is ${L.min}–${L.max} and offset ${O.min}–${O.max}: values outside are refused with a 4xx envelope.`,
    level: 'should',
    checks: ['result_paging_range'],
    // The getJobStatus 400 lists out-of-range values, but the ranges only page the result data: SHOULD.
    sites: [
      'parameters/ResultLimit/description#*',
      'parameters/ResultLimit/schema/*',
      'parameters/ResultOffset/description#*',
      'parameters/ResultOffset/schema/*',
    ],
  },
  {
    id: 'status.unknown-job',
    rule: 'A job the engine does not hold is 400 GES.8301 on the status endpoint.',
    level: 'must',
    checks: ['unknown_job_rejected'],
    sites: ['getJobStatus/description#a-job-the-engine-does-not', 'getJobStatus/responses/400/description#*'],
  },
  // Cancel.
  {
    id: 'cancel.effect',
    rule: 'Cancelling a cancellable job (pagerank: canStop true, pending or running) answers {}; the job becomes failed with a failReason, canStop false and an endTime, in the list and on the status endpoint.',
    level: 'must',
    checks: ['cancelled_job_failed', 'cancelled_status_everywhere'],
    sites: [
      'cancelJob/description#cancellable-task-kinds-doc-filter-queries',
      'cancelJob/description#decision-it-becomes-failed-with-a',
      'cancelJob/responses/200/description#*',
      'schemas/CancelResult/description#*',
    ],
  },
  {
    id: 'cancel.refusals',
    rule: 'Cancelling an unknown job, a finished one, one not cancellable, or the same job again is 400 GES.8303; through an unknown graph 400 GES.8000; the job is left as it was.',
    level: 'must',
    checks: ['cancel_unknown_job_rejected', 'cancel_finished_job_rejected', 'cancel_again_rejected', 'cancel_other_graph_rejected'],
    sites: ['cancelJob/description#cancelling-a-job-that-is-unknown', 'cancelJob/responses/400/description#*'],
  },
  // Submit.
  {
    id: 'submit.listed',
    rule: "A submitted algorithm appears first in the list, taskType Algorithm, its body byte for byte as rawRequest; the answer's jobId is the one the list and the status endpoint know, jobType 1.",
    level: 'must',
    checks: ['submitted_job_listed', 'submitted_job_listed_first', 'submit_answer_matches_everywhere', 'response_schema_conformance'],
    sites: [
      'executeAlgorithm/description#the-answer-carries-the-new-job',
      'schemas/Job/allOf/0/properties/rawRequest/description#for-an-algorithm-job-it-is',
      'schemas/JobCreated/description#*',
      'schemas/JobCreated/required',
      'schemas/JobCreated/properties/jobId/minLength',
    ],
  },
  {
    id: 'submit.vertices-unchecked',
    rule: 'Vertex ids are not checked on submit: an unknown source is accepted (200 with a jobId), and the job fails later.',
    level: 'must',
    checks: ['unknown_vertex_accepted'],
    sites: ['executeAlgorithm/description#vertex-ids-are-not-checked-on'],
  },
  {
    id: 'submit.refusals',
    rule: 'An empty algorithmName is 400 GES.8401, an unknown algorithm 400 GES.8402, a body that is no JSON object or over 1 MiB, or another action_id, 400 GES.8000; nothing refused becomes a job (a malformed body refused with any 4xx is the MUST; the codes, and refusing a name the kit does not know, SHOULD: the set of algorithms grows between versions).',
    level: 'must',
    checks: ['invalid_algorithm_rejected', 'invalid_algorithm_code'],
    sites: [
      'executeAlgorithm/description#decision-an-empty-algorithmname-is-400',
      'executeAlgorithm/description#a-body-over-1-mib-is',
      'executeAlgorithm/responses/400/description#*',
      'executeAlgorithm/parameters/2/required',
      'executeAlgorithm/parameters/2/description#*',
      'executeAlgorithm/parameters/2/schema/enum',
      'executeAlgorithm/requestBody/required',
      'schemas/AlgorithmRequest/description#*',
      'schemas/AlgorithmRequest/required',
    ],
  },
];

/** Whether a site id matches an inventory pattern (`*` matches within one segment or sentence key). */
export function siteMatches(pattern: string, siteId: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/#]*');
  return new RegExp(`^${source}$`).test(siteId);
}
