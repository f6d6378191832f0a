/**
 * The catalogue of broken implementations (each corrupts the mock ONE way, naming the check that must
 * catch it) and of valid variations (which a real engine may show and the kit must accept).
 */
import {
  FORBIDDEN_TOKEN,
  TOKEN,
  bodyOf,
  editJobs,
  editListedJobs,
  isSubmission,
  reshapeList,
  withBody,
  withQuery,
  withToken,
  type Corruption,
  type Seen,
} from './corrupt-server.js';

/** A broken implementation and the check id that must catch it. */
export interface Mutant {
  name: string;
  /** The check that must report it. */
  check: string;
  /** `failure`: the run fails on it. `warning`: a SHOULD matter, a warning unless --strict. */
  kind: 'failure' | 'warning';
  corrupt: Corruption;
}

const isFinished = (status: unknown) => status === 'success' || status === 'failed';
const envelope = (errorCode: string, errorMessage: string) => ({ errorMessage, errorCode, result: 'failed' });
const isBadPaging = (value: string | null) => value !== null && !/^\d+$/.test(value);
const badPaging = (url: URL) => isBadPaging(url.searchParams.get('limit')) || isBadPaging(url.searchParams.get('offset'));
const isRead = (seen: Seen) => seen.operation === 'listJobs' || seen.operation === 'getJobStatus';
/** A corruption that rewrites the error answers with this errorCode to another status and code. */
const recodeError =
  (from: string, status: number, errorCode: string, when: (seen: Seen) => boolean = () => true): Corruption =>
  async (seen, answer) => {
    const response = await answer();
    const body = bodyOf(response);
    return body?.errorCode === from && when(seen) ? withBody(response, { ...body, errorCode }, status) : response;
  };

/** The jobs the real engine holds for the graph of a request (read past any corruption). */
async function heldJobs(seen: Seen): Promise<Record<string, unknown>[]> {
  const path = `${/^.*\/graphs\/[^/]+/.exec(seen.url.pathname)?.[0] ?? ''}/jobs/status`;
  const body = bodyOf(await seen.inner.handle({ method: 'GET', url: path, headers: { 'x-auth-token': TOKEN } }));
  return Array.isArray(body?.jobs) ? (body.jobs as Record<string, unknown>[]) : [];
}
const jobIdOf = (seen: Seen) => decodeURIComponent(/\/jobs\/([^/]+)(\/status)?$/.exec(seen.url.pathname)?.[1] ?? '');
const ok = (body: unknown = {}) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
/** A paging value of 10 digits or more taken modulo 2^32, as a server parsing into 32 bits would. */
const wrapped = (value: string | null) => (value !== null && /^\d{10,}$/.test(value) ? String(BigInt(value) % 2n ** 32n) : undefined);
/** Applies `edit` to every file statistic of every import job of a list answer. */
const editFileStats = (edit: (stat: Record<string, unknown>) => void) =>
  editListedJobs((job) => {
    for (const group of (job.files as Record<string, Record<string, unknown>[]>[] | undefined) ?? []) {
      for (const list of Object.values(group)) for (const stat of list ?? []) edit(stat);
    }
  });

/** A cancel (with the token) of a held job `when` picks is answered 200 {}, the job left as it is. */
const cancelAcceptedWhen =
  (when: (job: Record<string, unknown>) => boolean): Corruption =>
  async (seen, answer) => {
    if (seen.operation !== 'cancelJob' || seen.request.headers['x-auth-token'] !== TOKEN) return answer();
    const job = (await heldJobs(seen)).find((held) => held.jobId === jobIdOf(seen));
    return job && when(job) ? ok() : answer();
  };

/** A list whose offsets matching `pattern` are read as `offset`. */
const offsetReadAs =
  (pattern: RegExp, offset: string): Corruption =>
  (seen, answer) => {
    const given = seen.url.searchParams.get('offset');
    return answer(seen.operation === 'listJobs' && given !== null && pattern.test(given) ? withQuery(seen, { offset }) : undefined);
  };

/** A failed job's status answer without its errorMessage (no page asks for one: a SHOULD). */
const dropFailedErrorMessage: Corruption = async (seen, answer) => {
  const response = await answer();
  const body = bodyOf(response);
  if (seen.operation !== 'getJobStatus' || body?.status !== 'failed') return response;
  delete body.errorMessage;
  return withBody(response, body);
};

/** rawRequest written again from the same JSON, not kept byte for byte (a SHOULD). */
const reserialiseRawRequest = editListedJobs((job) => {
  try {
    if (typeof job.rawRequest === 'string' && job.rawRequest) job.rawRequest = JSON.stringify(JSON.parse(job.rawRequest));
  } catch {
    // not JSON: leave it
  }
});

/** A corruption that rewrites the 200 answers of one API that creates jobs (its action_id, if any). */
const answerOf =
  (operation: string, actionId: string | undefined, rewrite: (body: Record<string, unknown>) => unknown): Corruption =>
  async (seen, answer) => {
    const response = await answer();
    const body = bodyOf(response);
    const action = seen.url.searchParams.get('action_id');
    return seen.operation === operation && (actionId === undefined || action === actionId) && response.status === 200 && body
      ? withBody(response, rewrite(body))
      : response;
  };

/** Every broken implementation. */
export const mutants: readonly Mutant[] = [
  {
    name: 'jobCount dropped',
    check: 'response_schema_conformance',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      if (seen.operation !== 'listJobs') return response;
      const body = bodyOf(response);
      if (response.status !== 200 || !body) return response;
      delete body.jobCount;
      return withBody(response, body);
    },
  },
  {
    name: 'progress as a boolean',
    check: 'response_schema_conformance',
    kind: 'failure',
    corrupt: editListedJobs((job) => void (job.progress = job.progress === '100')),
  },
  {
    name: 'offset ignored',
    check: 'pages_reproduce_full_list',
    kind: 'failure',
    corrupt: (seen, answer) => answer(seen.operation === 'listJobs' ? withQuery(seen, { offset: undefined }) : undefined),
  },
  {
    name: 'limit ignored (more jobs than limit)',
    check: 'list_limit_respected',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(seen.operation === 'listJobs' && !badPaging(seen.url) ? withQuery(seen, { limit: undefined }) : undefined),
  },
  {
    name: 'unknown graph answers 200',
    check: 'unknown_graph_rejected',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      if (seen.operation === 'listJobs' && response.status === 400 && String(body?.errorMessage).includes('not exist')) {
        return withBody(response, { jobs: [], jobCount: 0 }, 200);
      }
      return response;
    },
  },
  {
    name: 'error envelope without errorCode',
    check: 'response_schema_conformance',
    kind: 'failure',
    async corrupt(_seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      if (response.status < 400 || !body) return response;
      delete body.errorCode;
      return withBody(response, body);
    },
  },
  {
    name: 'unknown job answers GES.9999',
    check: 'unknown_job_rejected',
    kind: 'failure',
    async corrupt(_seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      return body?.errorCode === 'GES.8301' ? withBody(response, { ...body, errorCode: 'GES.9999' }) : response;
    },
  },
  {
    name: 'unknown job answers GES.8000',
    check: 'unknown_job_rejected',
    kind: 'failure',
    async corrupt(_seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      return body?.errorCode === 'GES.8301' ? withBody(response, { ...body, errorCode: 'GES.8000' }) : response;
    },
  },
  {
    name: '500 on a malformed limit/offset',
    check: 'not_a_server_error',
    kind: 'failure',
    async corrupt(seen, answer) {
      if (seen.operation === 'listJobs' && badPaging(seen.url)) {
        return {
          status: 500,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(envelope('GES.8302', 'Failed to query job status.')),
        };
      }
      return answer();
    },
  },
  {
    name: 'negative offset accepted as 0',
    check: 'negative_data_rejection',
    kind: 'warning',
    corrupt: (seen, answer) =>
      answer(seen.operation === 'listJobs' && seen.url.searchParams.get('offset') === '-1' ? withQuery(seen, { offset: '0' }) : undefined),
  },
  {
    name: 'bad limit answers the undocumented 422',
    check: 'status_code_conformance',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      return seen.operation === 'listJobs' && response.status === 400 && badPaging(seen.url) ? { ...response, status: 422 } : response;
    },
  },
  {
    name: 'list served as text/html',
    check: 'content_type_conformance',
    kind: 'warning',
    async corrupt(seen, answer) {
      const response = await answer();
      return seen.operation === 'listJobs'
        ? { ...response, headers: { ...response.headers, 'content-type': 'text/html; charset=utf-8' } }
        : response;
    },
  },
  {
    name: 'failReason on a successful job',
    check: 'fail_reason_iff_failed',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      if (job.status === 'success') job.failReason = '';
    }),
  },
  {
    name: 'endTime on a running job',
    check: 'unfinished_job_has_no_end_time',
    kind: 'warning',
    corrupt: editListedJobs((job) => {
      if (job.status === 'running') job.endTime = job.startTime;
    }),
  },
  {
    name: 'canStop true on a finished job',
    check: 'finished_job_not_stoppable',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      if (isFinished(job.status)) job.canStop = true;
    }),
  },
  {
    name: 'endTime before startTime',
    check: 'finished_job_times',
    kind: 'warning',
    corrupt: editListedJobs((job) => {
      if (job.status === 'success') job.endTime = '2000-01-01 00:00:00';
    }),
  },
  {
    name: 'files on an Algorithm job',
    check: 'files_iff_import_graph',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      if (job.taskType === 'Algorithm') job.files = [];
    }),
  },
  {
    name: 'import file counts do not add up',
    check: 'import_file_counts_add_up',
    kind: 'warning',
    corrupt: editListedJobs((job) => {
      for (const group of (job.files as Record<string, Record<string, unknown>[]>[] | undefined) ?? []) {
        for (const file of group.edgeFiles ?? []) if (typeof file.successfulLines === 'number') file.successfulLines += 1;
      }
    }),
  },
  {
    name: 'pending job at progress 5',
    check: 'progress_matches_status',
    kind: 'warning',
    corrupt: editListedJobs((job) => {
      if (job.status === 'pending') job.progress = '5';
    }),
  },
  {
    name: 'jobCount varies by page',
    check: 'job_count_consistent',
    kind: 'warning',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      if (seen.operation !== 'listJobs' || response.status !== 200 || typeof body?.jobCount !== 'number') return response;
      return withBody(response, { ...body, jobCount: body.jobCount + Number(seen.url.searchParams.get('offset') ?? 0) });
    },
  },
  {
    name: 'overlapping pages (offset - 1)',
    check: 'pages_reproduce_full_list',
    kind: 'failure',
    corrupt(seen, answer) {
      const offset = Number(seen.url.searchParams.get('offset') ?? 0);
      return answer(
        seen.operation === 'listJobs' && offset > 0 && !badPaging(seen.url) ? withQuery(seen, { offset: String(offset - 1) }) : undefined,
      );
    },
  },
  {
    name: 'auth ignored (200 without a token)',
    check: 'ignored_auth',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(
        seen.request.headers['x-auth-token'] ? undefined : { ...seen.request, headers: { ...seen.request.headers, 'x-auth-token': TOKEN } },
      ),
  },
  {
    name: 'status endpoint disagrees with the list',
    check: 'list_status_matches_job_status',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      if (seen.operation !== 'getJobStatus' || body?.status !== 'failed') return response;
      return withBody(response, { status: 'success', result: 'success' });
    },
  },
  {
    name: 'offset past the end repeats the last page',
    check: 'offset_past_end_empty',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      if (seen.operation !== 'listJobs' || response.status !== 200 || !Array.isArray(body?.jobs) || body.jobs.length > 0) return response;
      const count = Number(body.jobCount);
      return answer(withQuery(seen, { offset: String(Math.max(0, count - 1)) }));
    },
  },
  {
    name: 'rawRequest re-serialised',
    check: 'submitted_job_listed',
    kind: 'warning',
    corrupt: reserialiseRawRequest,
  },
  {
    name: 'cancel answers 200 but does nothing',
    check: 'cancelled_job_failed',
    kind: 'failure',
    async corrupt(seen, answer) {
      return seen.operation === 'cancelJob' ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' } : answer();
    },
  },
  {
    name: 'second cancel answers 200',
    check: 'cancel_again_rejected',
    kind: 'warning',
    // Only a job a cancel has already stopped: the other refusals stay.
    corrupt: cancelAcceptedWhen((job) => job.status === 'failed' && /cancel/i.test(String(job.failReason))),
  },
  {
    name: 'limit=0 answered as no limit (every job)',
    check: 'limit_zero_empty',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'listJobs' && seen.url.searchParams.get('limit') === '0' ? withQuery(seen, { limit: undefined }) : undefined,
      ),
  },
  {
    name: 'limit=0 refused with 400 GES.8005',
    check: 'limit_zero_empty',
    kind: 'warning',
    async corrupt(seen, answer) {
      if (seen.operation !== 'listJobs' || seen.url.searchParams.get('limit') !== '0') return answer();
      return {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope('GES.8005', 'Parameter error!')),
      };
    },
  },
  {
    name: 'status endpoint moves a running job back to pending',
    check: 'unfinished_job_status',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      return seen.operation === 'getJobStatus' && body?.status === 'running'
        ? withBody(response, { ...body, status: 'pending' })
        : response;
    },
  },
  {
    name: 'status endpoint refuses unfinished jobs (400 GES.8301)',
    check: 'unfinished_job_status',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      if (seen.operation !== 'getJobStatus' || (body?.status !== 'running' && body?.status !== 'pending')) return response;
      const jobId = /\/jobs\/([^/]+)\/status$/.exec(seen.url.pathname)?.[1];
      return withBody(response, envelope('GES.8301', `can not find job, jobId is ${jobId}`), 400);
    },
  },
  {
    name: 'status endpoint says "queued" for a pending job',
    check: 'unfinished_job_status',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      return seen.operation === 'getJobStatus' && body?.status === 'pending' ? withBody(response, { ...body, status: 'queued' }) : response;
    },
  },
  {
    // The preflight reads the list with the forbidden token (a target that accepts it there is
    // misconfigured); one step away, a job's status accepts it.
    name: "a forbidden token is accepted on a job's status (200)",
    check: 'forbidden_token_rejected',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'getJobStatus' && seen.request.headers['x-auth-token'] === FORBIDDEN_TOKEN ? withToken(seen, TOKEN) : undefined,
      ),
  },
  {
    name: 'out-of-range limit/offset answers 400 GES.8000',
    check: 'paging_out_of_range_code',
    kind: 'warning',
    corrupt: recodeError('GES.8005', 400, 'GES.8000'),
  },
  {
    name: 'offset beyond 32 bits accepted (an empty page)',
    check: 'paging_out_of_range_code',
    kind: 'warning',
    corrupt: offsetReadAs(/^\d{10,}$/, '100000'),
  },
  {
    name: "missing token answers 400 GES.8007 (the GES table's mapping)",
    check: 'missing_token_code',
    kind: 'warning',
    corrupt: recodeError('GES.8007', 400, 'GES.8007', isRead),
  },
  {
    name: 'missing token answers 403 GES.8006',
    check: 'missing_token_code',
    kind: 'warning',
    corrupt: recodeError('GES.8007', 403, 'GES.8006', isRead),
  },
  {
    name: 'forbidden token answers 401 GES.8007',
    check: 'forbidden_token_code',
    kind: 'warning',
    corrupt: recodeError('GES.8006', 401, 'GES.8007'),
  },
  {
    name: 'list ordered oldest first',
    check: 'newest_first_order',
    kind: 'warning',
    // Reverse the whole list, then page it: consistent pages, only the order differs.
    corrupt: reshapeList((jobs) => [...jobs].reverse()),
  },
  {
    name: 'a submitted job listed last',
    check: 'submitted_job_listed_first',
    kind: 'warning',
    // The kit's own shortest_path (sent with unusual spacing) goes to the end of the whole list.
    corrupt: reshapeList((jobs) => {
      const submitted = jobs.filter((job) => String(job.rawRequest).startsWith('{ '));
      return [...jobs.filter((job) => !submitted.includes(job)), ...submitted];
    }),
  },
  {
    name: 'status variant "complete" for success',
    check: 'status_in_documented_set',
    kind: 'warning',
    async corrupt(seen, answer) {
      const response = await answer();
      if (seen.operation === 'listJobs') {
        return editJobs(response, (job) => {
          if (job.status === 'success') job.status = 'complete';
        });
      }
      const body = bodyOf(response);
      return seen.operation === 'getJobStatus' && body?.status === 'success'
        ? withBody(response, { ...body, status: 'complete' })
        : response;
    },
  },
  {
    name: 'gateway 401 as an HTML page',
    check: 'auth_error_envelope',
    kind: 'warning',
    async corrupt(_seen, answer) {
      const response = await answer();
      return response.status === 401
        ? { status: 401, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>401 Authorization Required</h1></body></html>' }
        : response;
    },
  },
  {
    name: 'an extra field beyond the examples',
    check: 'documented_example_shape',
    kind: 'warning',
    corrupt: editListedJobs((job) => void (job.owner = 'ges-admin')),
  },

  // Boundaries: just inside, at the end, far outside.
  {
    name: 'limit=1 answers two jobs',
    check: 'limit_boundaries',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(seen.operation === 'listJobs' && seen.url.searchParams.get('limit') === '1' ? withQuery(seen, { limit: '2' }) : undefined),
  },
  {
    name: 'a limit beyond 32 bits wraps around (4294967296 → 0)',
    check: 'limit_boundaries',
    kind: 'failure',
    corrupt(seen, answer) {
      const limit = wrapped(seen.url.searchParams.get('limit'));
      return answer(
        seen.operation === 'listJobs' && limit !== undefined && Number(limit) <= 100000 ? withQuery(seen, { limit }) : undefined,
      );
    },
  },
  {
    name: 'an offset beyond 32 bits wraps around to the first page',
    check: 'offset_boundaries',
    kind: 'failure',
    corrupt(seen, answer) {
      const offset = wrapped(seen.url.searchParams.get('offset'));
      return answer(
        seen.operation === 'listJobs' && offset !== undefined && Number(offset) < 2 ** 31 ? withQuery(seen, { offset }) : undefined,
      );
    },
  },
  {
    name: 'the last job is lost (offset=total-1 answers nothing)',
    check: 'offset_boundaries',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      const offset = Number(seen.url.searchParams.get('offset') ?? 0);
      if (seen.operation !== 'listJobs' || !Array.isArray(body?.jobs) || offset === 0 || offset + 1 !== body.jobCount) return response;
      return withBody(response, { ...body, jobs: [] });
    },
  },
  {
    name: 'the largest offset (2147483647) refused as out of range',
    check: 'offset_boundaries',
    kind: 'warning',
    async corrupt(seen, answer) {
      if (seen.operation !== 'listJobs' || seen.url.searchParams.get('offset') !== '2147483647') return answer();
      return {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope('GES.8005', 'Parameter error!')),
      };
    },
  },
  {
    name: 'a malformed limit answers GES.8005 instead of GES.8000',
    check: 'malformed_paging_code',
    kind: 'warning',
    corrupt: recodeError('GES.8000', 400, 'GES.8005', (seen) => seen.operation === 'listJobs' && badPaging(seen.url)),
  },
  {
    name: 'the status endpoint clamps limit=100001 instead of refusing it',
    check: 'result_paging_range',
    kind: 'warning',
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'getJobStatus' && Number(seen.url.searchParams.get('limit')) > 100000
          ? withQuery(seen, { limit: '100000' })
          : undefined,
      ),
  },
  {
    name: 'a two-character graph name answers an empty list',
    check: 'malformed_path_rejected',
    kind: 'failure',
    corrupt: (seen, answer) =>
      seen.operation === 'listJobs' && /\/graphs\/[^/]{1,3}\//.test(seen.url.pathname)
        ? Promise.resolve(ok({ jobs: [], jobCount: 0 }))
        : answer(),
  },
  // The same fact on every endpoint.
  {
    name: "a failed job's status answer drops its errorMessage",
    check: 'failed_status_carries_fail_reason',
    kind: 'warning',
    corrupt: dropFailedErrorMessage,
  },
  {
    name: 'the submit answer says jobType 2',
    check: 'submit_answer_matches_everywhere',
    kind: 'warning',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      return seen.operation === 'executeAlgorithm' && typeof body?.jobId === 'string'
        ? withBody(response, { ...body, jobType: 2 })
        : response;
    },
  },
  {
    name: 'jobCount frozen at its first value (a submit does not count)',
    check: 'submit_answer_matches_everywhere',
    kind: 'warning',
    corrupt: (() => {
      let first: number | undefined;
      return async (seen, answer) => {
        const response = await answer();
        const body = bodyOf(response);
        if (seen.operation !== 'listJobs' || typeof body?.jobCount !== 'number') return response;
        first ??= body.jobCount;
        return withBody(response, { ...body, jobCount: first });
      };
    })(),
  },
  {
    name: 'the status endpoint says success for a cancelled job',
    check: 'cancelled_status_everywhere',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      const cancelled = seen.operation === 'getJobStatus' && body?.status === 'failed' && /cancel/i.test(String(body.errorMessage));
      return cancelled ? withBody(response, { status: 'success', result: 'success' }) : response;
    },
  },
  {
    name: 'the cancel answers {"cancelled": true}',
    check: 'cancelled_job_failed',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      return seen.operation === 'cancelJob' && response.status === 200 ? withBody(response, { cancelled: true }) : response;
    },
  },
  {
    name: 'a running job already sends result data',
    check: 'unfinished_job_status',
    kind: 'warning',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      const unfinished = seen.operation === 'getJobStatus' && (body?.status === 'running' || body?.status === 'pending');
      return unfinished
        ? withBody(response, { ...body, data: { outputs: {}, data_return_size: 0, data_offset: 0, data_total_size: 0 } })
        : response;
    },
  },
  {
    name: 'errorCode "GES.0000" on a successful list',
    check: 'success_without_error_fields',
    kind: 'warning',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      return seen.operation === 'listJobs' && response.status === 200 && body
        ? withBody(response, { ...body, errorCode: 'GES.0000' })
        : response;
    },
  },
  // Units.
  {
    name: 'import file times in milliseconds',
    check: 'import_file_times_in_microseconds',
    kind: 'warning',
    corrupt: editFileStats((stat) => {
      for (const key of ['startTime', 'endTime']) if (typeof stat[key] === 'number') stat[key] = Math.floor((stat[key] as number) / 1000);
    }),
  },
  {
    name: 'an import file ends before it starts',
    check: 'import_file_times_in_microseconds',
    kind: 'warning',
    corrupt: editFileStats((stat) => {
      if (typeof stat.startTime === 'number' && typeof stat.endTime === 'number')
        [stat.startTime, stat.endTime] = [stat.endTime + 1, stat.startTime];
    }),
  },
  // The refusals a user hits on the writes.
  {
    name: 'vertex ids checked on submit (an unknown source refused)',
    check: 'unknown_vertex_accepted',
    kind: 'failure',
    async corrupt(seen, answer) {
      const source = (
        bodyOf({ status: 200, headers: {}, body: seen.request.body ?? '' })?.parameters as Record<string, unknown> | undefined
      )?.source;
      if (seen.operation !== 'executeAlgorithm' || typeof source !== 'string' || /^\d+$/.test(source)) return answer();
      return {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope('GES.8402', `Algorithm [shortest_path] failed to start: vertex [${source}] not found.`)),
      };
    },
  },
  {
    name: 'an empty algorithmName runs pagerank',
    check: 'invalid_algorithm_rejected',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'executeAlgorithm' && seen.request.body === '{"algorithmName":""}'
          ? { ...seen.request, body: '{"algorithmName":"pagerank"}' }
          : undefined,
      ),
  },
  {
    name: 'an unknown algorithm answers GES.8401',
    check: 'invalid_algorithm_code',
    kind: 'warning',
    corrupt: recodeError('GES.8402', 400, 'GES.8401', (seen) => seen.operation === 'executeAlgorithm'),
  },
  {
    name: 'cancelling a job the engine does not hold answers 200',
    check: 'cancel_unknown_job_rejected',
    kind: 'failure',
    async corrupt(seen, answer) {
      if (seen.operation !== 'cancelJob' || seen.request.headers['x-auth-token'] !== TOKEN) return answer();
      const held = await heldJobs(seen);
      return held.length > 0 && !held.some((job) => job.jobId === jobIdOf(seen)) ? ok() : answer();
    },
  },
  {
    name: 'cancelling a successful job answers 200',
    check: 'cancel_finished_job_rejected',
    kind: 'failure',
    corrupt: cancelAcceptedWhen((job) => job.status === 'success'),
  },
  {
    name: 'a cancel through an unknown graph cancels the job of another',
    check: 'cancel_other_graph_rejected',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'cancelJob' && /\/graphs\/nosuchgraph_/.test(seen.url.pathname)
          ? { ...seen.request, url: seen.request.url.replace(/\/graphs\/nosuchgraph_[^/]+\//, '/graphs/movie/') }
          : undefined,
      ),
  },
  {
    name: 'a submit without a token is accepted',
    check: 'writes_without_token_rejected',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(seen.operation === 'executeAlgorithm' && !seen.request.headers['x-auth-token'] ? withToken(seen, TOKEN) : undefined),
  },
  {
    name: 'a submit with a JSON array body starts a job',
    check: 'invalid_algorithm_rejected',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'executeAlgorithm' && seen.request.body?.startsWith('[')
          ? { ...seen.request, body: (seen.request.body ?? '').slice(1, -1) }
          : undefined,
      ),
  },
  {
    name: 'an unknown algorithm accepted as a job',
    check: 'invalid_algorithm_code',
    kind: 'warning',
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'executeAlgorithm' && seen.request.body?.includes('no_such_algorithm')
          ? { ...seen.request, body: '{"algorithmName":"pagerank"}' }
          : undefined,
      ),
  },
  {
    name: 'a submit with the forbidden token is accepted',
    check: 'writes_without_token_rejected',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'executeAlgorithm' && seen.request.headers['x-auth-token'] === FORBIDDEN_TOKEN
          ? withToken(seen, TOKEN)
          : undefined,
      ),
  },
  {
    name: 'writes without a token answer 400 GES.8007',
    check: 'write_refusal_codes',
    kind: 'warning',
    corrupt: recodeError('GES.8007', 400, 'GES.8007', (seen) => !isRead(seen)),
  },

  // One step away from what the kit looked at before: each rule where else it holds.
  {
    name: 'a malformed offset (xyz) read as 0',
    check: 'negative_data_rejection',
    kind: 'failure',
    corrupt: offsetReadAs(/[a-z]/i, '0'),
  },
  {
    name: "a submitted job's rawRequest loses its parameters",
    check: 'submitted_job_listed',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      // The kit sends its shortest_path with unusual spacing: only that job is changed.
      if (typeof job.rawRequest === 'string' && job.rawRequest.startsWith('{ ')) job.rawRequest = '{"algorithmName":"shortest_path"}';
    }),
  },
  {
    name: 'an unfinished shortest_path says canStop true',
    check: 'can_stop_matches_cancellable',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      if (String(job.rawRequest).includes('"shortest_path"') && (job.status === 'pending' || job.status === 'running')) job.canStop = true;
    }),
  },
  {
    name: 'a running pagerank says canStop false',
    check: 'can_stop_matches_cancellable',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      if (String(job.rawRequest).includes('"pagerank"') && (job.status === 'pending' || job.status === 'running')) job.canStop = false;
    }),
  },
  {
    name: "algorithm jobs' rawRequest encoded twice",
    check: 'raw_request_is_body',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      if (job.taskType === 'Algorithm' && typeof job.rawRequest === 'string' && job.rawRequest !== '')
        job.rawRequest = JSON.stringify(job.rawRequest);
    }),
  },
  {
    name: 'cancelling an unfinished shortest_path answers 200',
    check: 'cancel_not_cancellable_rejected',
    kind: 'failure',
    corrupt: cancelAcceptedWhen(
      (job) => (job.status === 'pending' || job.status === 'running') && String(job.rawRequest).includes('"shortest_path"'),
    ),
  },
  {
    name: 'an empty algorithmName is refused, yet a job is made and its jobId answered',
    check: 'invalid_algorithm_rejected',
    kind: 'failure',
    async corrupt(seen, answer) {
      if (seen.operation !== 'executeAlgorithm' || seen.request.body !== '{"algorithmName":""}') return answer();
      const made = bodyOf(await answer({ ...seen.request, body: '{"algorithmName":"pagerank"}' }));
      return {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...envelope('GES.8401', 'algorithmName is empty.'), jobId: made?.jobId }),
      };
    },
  },
  {
    name: 'paged reads answer from the list as it stood at the first paged read',
    check: 'paged_reads_current',
    kind: 'failure',
    corrupt: (() => {
      const snapshots = new WeakMap<object, Record<string, unknown>[]>();
      return async (seen, answer) => {
        const paged = seen.url.searchParams.has('limit') || seen.url.searchParams.has('offset');
        if (seen.operation !== 'listJobs' || !paged || badPaging(seen.url)) return answer();
        const response = await answer();
        const body = bodyOf(response);
        if (response.status !== 200 || !body) return response;
        let snapshot = snapshots.get(seen.inner);
        if (!snapshot) {
          snapshot =
            (bodyOf(await answer(withQuery(seen, { limit: undefined, offset: undefined })))?.jobs as Record<string, unknown>[]) ?? [];
          snapshots.set(seen.inner, snapshot);
        }
        const offset = Number(seen.url.searchParams.get('offset') ?? 0);
        const limit = Number(seen.url.searchParams.get('limit') ?? 100000);
        return withBody(response, { ...body, jobs: snapshot.slice(offset, offset + limit) });
      };
    })(),
  },
  {
    name: 'the status endpoint ignores limit on a result page',
    check: 'result_limit_respected',
    kind: 'failure',
    corrupt: (seen, answer) => {
      const limit = seen.url.searchParams.get('limit');
      return answer(
        seen.operation === 'getJobStatus' && limit !== null && /^\d+$/.test(limit) && Number(limit) <= 100000
          ? withQuery(seen, { limit: undefined })
          : undefined,
      );
    },
  },
  {
    name: "a failed job's status answers that the engine does not hold it",
    check: 'list_status_matches_job_status',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      if (seen.operation !== 'getJobStatus' || body?.status !== 'failed') return response;
      return withBody(response, envelope('GES.8301', `can not find job, jobId is ${jobIdOf(seen)}`), 400);
    },
  },
  // Every API that creates a job (job_kinds_submitted, job_kinds_listed, job_kind_refusals).
  {
    name: 'a vertex filter query answers 200 without a jobId',
    check: 'job_kinds_submitted',
    kind: 'failure',
    corrupt: answerOf('queryVertices', 'query', (body) => ({ jobType: body.jobType })),
  },
  {
    name: 'create index answers without the jobType its page shows',
    check: 'job_kinds_submitted',
    kind: 'failure',
    corrupt: answerOf('createIndex', undefined, (body) => ({ jobId: body.jobId })),
  },
  {
    name: 'an edge filter query answers jobType 1',
    check: 'job_kinds_submitted',
    kind: 'warning',
    corrupt: answerOf('queryEdges', 'query', (body) => ({ ...body, jobType: 1 })),
  },
  {
    name: 'a synchronous batch delete answers {} instead of its result',
    check: 'job_kinds_submitted',
    kind: 'failure',
    corrupt: answerOf('queryEdges', 'batch-delete', (body) => (body.result === 'success' ? {} : body)),
  },
  {
    name: 'a synchronous Filtered-query makes a job instead of answering its result',
    check: 'job_kinds_submitted',
    kind: 'failure',
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'executeAlgorithm' &&
          seen.url.searchParams.get('action_id') === 'filtered-query' &&
          !seen.request.body?.includes('"async"') &&
          seen.request.body?.includes('"sync"')
          ? { ...seen.request, body: (seen.request.body ?? '').replace('"sync"', '"async"') }
          : undefined,
      ),
  },
  {
    name: 'a refused vertex filter query still makes a job',
    check: 'job_kinds_submitted',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      if (seen.operation !== 'queryVertices' || !seen.request.body?.includes('"movies"') || response.status !== 200) return response;
      return withBody(response, envelope('GES.8201', 'Invalid label for vertex filtering queries.'), 400);
    },
  },
  {
    name: 'exports of filtered vertices are left out of the list',
    check: 'job_kinds_listed',
    kind: 'failure',
    corrupt: reshapeList((jobs) => jobs.filter((job) => job.taskType !== 'ExportFilteredVertices')),
  },
  {
    name: 'the status endpoint does not know the index jobs',
    check: 'job_kinds_listed',
    kind: 'failure',
    async corrupt(seen, answer) {
      if (seen.operation !== 'getJobStatus') return answer();
      const job = (await heldJobs(seen)).find((held) => held.jobId === jobIdOf(seen));
      return job?.taskType === 'CreateIndex' || job?.taskType === 'DeleteIndex'
        ? withBody(await answer(), envelope('GES.8301', `can not find job, jobId is ${jobIdOf(seen)}`), 400)
        : answer();
    },
  },
  {
    name: 'an import job listed with taskType Import',
    check: 'job_kinds_listed',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      if (job.taskType === 'ImportGraph') job.taskType = 'Import';
    }),
  },
  {
    name: 'vertex filter query jobs listed with taskType VertexQuery',
    check: 'job_kinds_listed',
    kind: 'warning',
    corrupt: editListedJobs((job) => {
      if (job.taskType === 'VertexFilterQuery') job.taskType = 'VertexQuery';
    }),
  },
  {
    name: "a delete job's rawRequest loses its labels",
    check: 'job_kinds_listed',
    kind: 'warning',
    corrupt: editListedJobs((job) => {
      if (job.taskType !== 'DeleteFilteredVertices' || typeof job.rawRequest !== 'string') return;
      const { labels: _labels, ...rest } = JSON.parse(job.rawRequest) as Record<string, unknown>;
      job.rawRequest = JSON.stringify(rest);
    }),
  },
  {
    name: 'a vertex filter query naming neither labels nor vertexFilters is accepted',
    check: 'job_kind_refusals',
    kind: 'failure',
    corrupt: (seen, answer) => {
      const body =
        seen.operation === 'queryVertices' && seen.request.body ? (JSON.parse(seen.request.body) as Record<string, unknown>) : undefined;
      return answer(
        body && body.labels === undefined && body.vertexFilters === undefined
          ? { ...seen.request, body: JSON.stringify({ ...body, labels: ['user'] }) }
          : undefined,
      );
    },
  },
  {
    name: 'create index on a graph that does not exist answers GES.8000',
    check: 'job_kind_refusals',
    kind: 'failure',
    corrupt: recodeError('GES.8603', 400, 'GES.8000', (seen) => seen.operation === 'createIndex'),
  },
  {
    name: 'an edge filter query on a graph that does not exist answers GES.8102',
    check: 'job_kind_refusals',
    kind: 'warning',
    corrupt: recodeError(
      'GES.8000',
      400,
      'GES.8102',
      (seen) => seen.operation === 'queryEdges' && /\/graphs\/nosuchgraph_/.test(seen.url.pathname),
    ),
  },
  {
    name: 'a refused batch delete carries a jobId',
    check: 'job_kind_refusals',
    kind: 'failure',
    async corrupt(seen, answer) {
      const response = await answer();
      const body = bodyOf(response);
      return seen.operation === 'queryEdges' && body?.errorCode === 'GES.8000' && seen.request.body?.includes('"edges"')
        ? withBody(response, { ...body, jobId: 'ffffffff-0000-4000-8000-000000000001' })
        : response;
    },
  },
  {
    name: 'an unfinished vertex filter query says canStop false',
    check: 'can_stop_matches_cancellable',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      if (job.taskType === 'VertexFilterQuery' && (job.status === 'pending' || job.status === 'running')) job.canStop = false;
    }),
  },
  {
    name: 'an unfinished export of filtered vertices or batch delete says canStop true',
    check: 'can_stop_matches_cancellable',
    kind: 'failure',
    corrupt: editListedJobs((job) => {
      if (
        ['ExportFilteredVertices', 'BatchDeleteEdges'].includes(String(job.taskType)) &&
        (job.status === 'pending' || job.status === 'running')
      )
        job.canStop = true;
    }),
  },
  {
    name: 'an unfinished import says canStop false (the 2021 cancel page)',
    check: 'can_stop_matches_cancellable',
    kind: 'warning',
    corrupt: editListedJobs((job) => {
      if (job.taskType === 'ImportGraph' && (job.status === 'pending' || job.status === 'running')) job.canStop = false;
    }),
  },
  {
    // An engine that does not offer the index APIs, whose 404 is its web server's page.
    name: 'an API the engine does not offer answers 404 with an HTML page',
    check: 'response_schema_conformance',
    kind: 'warning',
    corrupt: (seen, answer) =>
      seen.operation === 'createIndex' || seen.operation === 'deleteIndex'
        ? Promise.resolve({
            status: 404,
            headers: { 'content-type': 'text/html' },
            body: '<html><body><h1>404 Not Found</h1></body></html>',
          })
        : answer(),
  },
];

/** A valid variation: the kit must pass it (warnings listed in `warnings` are allowed). */
export interface Variation {
  name: string;
  /** SHOULD checks it may warn on. */
  warnings: readonly string[];
  corrupt: Corruption;
}

/** Ids the plain-UUID variation strips (original id by plain id), shared by requests and answers. */
function plainUuidIds(): Corruption {
  const originals = new Map<string, string>();
  const plain = (id: string) => {
    // About half the jobs (by their first hex digit, so the same job on every page): a memory-engine
    // id (UUID + 9 digits) becomes a bare UUID.
    if (!/^[0-7][0-9a-f-]{35}\d{9}$/.test(id)) return id;
    const short = id.slice(0, 36);
    originals.set(short, id);
    return short;
  };
  return async (seen, answer) => {
    let request = seen.request;
    const match = /\/jobs\/([^/]+)(\/status|\/action)?$/.exec(seen.url.pathname);
    const id = match?.[1];
    if (id && id !== 'status' && originals.has(id)) {
      request = { ...request, url: request.url.replace(`/jobs/${id}`, `/jobs/${originals.get(id)}`) };
    }
    const response = await answer(request);
    if (seen.operation === 'listJobs') return editJobs(response, (job) => void (job.jobId = plain(String(job.jobId))));
    if (isSubmission(seen)) {
      const body = bodyOf(response);
      if (typeof body?.jobId === 'string') return withBody(response, { ...body, jobId: plain(body.jobId) });
    }
    return response;
  };
}

const progressAsInteger = editListedJobs((job) => {
  if (typeof job.progress === 'string') job.progress = Number(job.progress);
});
const resultSuccess: Corruption = async (seen, answer) => {
  const response = await answer();
  const body = bodyOf(response);
  return seen.operation === 'listJobs' && response.status === 200 && body ? withBody(response, { ...body, result: 'success' }) : response;
};
const exportTaskType = editListedJobs((job, index) => {
  // Finished Algorithm jobs only, so the kit's own submitted jobs keep taskType Algorithm.
  if (job.taskType === 'Algorithm' && job.status === 'success' && index % 3 === 0) {
    job.taskType = 'ExportGraph';
    delete job.files;
  }
});

/** A failed job's status as the algorithm page shows it: 400 GES.8301 carrying the failure. */
const failedStatusAs400: Corruption = async (seen, answer) => {
  const response = await answer();
  const body = bodyOf(response);
  if (seen.operation !== 'getJobStatus' || body?.status !== 'failed') return response;
  return withBody(response, { errorMessage: body.errorMessage, errorCode: 'GES.8301' }, 400);
};

/** The seeded running shortest_path jobs shown as `algorithm` runs with this canStop (the kit's own stay pending). */
const runningAs = (algorithm: string, canStop: boolean): Corruption =>
  editListedJobs((job) => {
    if (job.status !== 'running' || !String(job.rawRequest).includes('"shortest_path"')) return;
    job.rawRequest = String(job.rawRequest).replace('"shortest_path"', `"${algorithm}"`);
    job.canStop = canStop;
  });

/** Variations a real engine may show, which must pass. */
export const variations: readonly Variation[] = [
  { name: "a failed job's status as 400 GES.8301 carrying its failReason", warnings: [], corrupt: failedStatusAs400 },
  {
    name: "a failed job's status as 200 {status: failed} without errorMessage",
    warnings: ['failed_status_carries_fail_reason', 'cancelled_status_everywhere'],
    corrupt: dropFailedErrorMessage,
  },
  {
    name: 'an algorithm body over 1 MiB accepted (no page caps a body)',
    warnings: ['invalid_algorithm_code'],
    corrupt: (seen, answer) =>
      answer(
        seen.operation === 'executeAlgorithm' && seen.request.bodyTooLarge
          ? { ...seen.request, bodyTooLarge: undefined, body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}' }
          : undefined,
      ),
  },
  {
    // The error-code page says codes beginning APIGW come from the gateway in front of the engine.
    name: 'an API gateway in front: its own 401, 403 and 404 bodies',
    warnings: [
      'auth_error_envelope',
      'forbidden_token_code',
      'invalid_algorithm_code',
      'missing_token_code',
      'response_schema_conformance',
      'write_refusal_codes',
    ],
    async corrupt(seen, answer) {
      const gateway = (status: number, code: string, message: string) => ({
        status,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error_msg: message, error_code: code, request_id: '0b5f1c2d3e4f5a6b7c8d9e0f1a2b3c4d' }),
      });
      if (seen.operation === 'executeAlgorithm' && seen.url.searchParams.get('action_id') !== 'execute-algorithm') {
        return gateway(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment.');
      }
      const response = await answer();
      if (response.status === 401) return gateway(401, 'APIGW.0301', 'Incorrect IAM authentication information.');
      if (response.status === 403) return gateway(403, 'APIGW.0302', 'The IAM user is not authorized to access this API.');
      return response;
    },
  },
  {
    name: 'rawRequest written again from the same JSON',
    warnings: ['submitted_job_listed'],
    corrupt: reserialiseRawRequest,
  },
  { name: 'progress as an integer', warnings: ['progress_as_string'], corrupt: progressAsInteger },
  { name: 'result: "success" in the list body', warnings: [], corrupt: resultSuccess },
  { name: 'plain-UUID jobIds for some jobs', warnings: [], corrupt: plainUuidIds() },
  { name: 'taskType ExportGraph (undocumented, no files)', warnings: [], corrupt: exportTaskType },
  {
    name: 'all of them together',
    warnings: ['progress_as_string'],
    corrupt: (() => {
      const uuid = plainUuidIds();
      return (seen, answer) =>
        uuid(seen, (request) => progressAsInteger(seen, () => resultSuccess(seen, () => exportTaskType(seen, () => answer(request)))));
    })(),
  },
  {
    // The 2024 cancel page lists seven algorithms, the 2025 page adds node2vec: either canStop passes.
    name: 'a running node2vec job that cannot be stopped (the 2024 cancel page)',
    warnings: ['can_stop_matches_cancellable'],
    corrupt: runningAs('node2vec', false),
  },
  { name: 'a running node2vec job that can be stopped (the 2025 cancel page)', warnings: [], corrupt: runningAs('node2vec', true) },
  {
    // An engine older than the 2.2.x APIs: no Filtered-query, exports, deletes, imports or exports of
    // results (404 GES.8000), and a router that answers 405 for the index URLs it does not take.
    name: 'an older engine: the 2.2.x APIs answer 404 GES.8000, the index APIs 405',
    warnings: ['status_code_conformance'],
    corrupt: (seen, answer) => {
      const action = seen.url.searchParams.get('action_id') ?? '';
      const noApi = (status: number) =>
        Promise.resolve({
          status,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(envelope('GES.8000', `No such API: ${seen.request.method} ${seen.url.pathname}`)),
        });
      if (seen.operation === 'createIndex' || seen.operation === 'deleteIndex') return noApi(405);
      if (seen.operation === 'exportJobResult') return noApi(404);
      if (['export', 'delete', 'batch-delete', 'filtered-query', 'import-graph'].includes(action)) return noApi(404);
      return answer();
    },
  },
];
