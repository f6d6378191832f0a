/**
 * Every error this API answers with, in one place: engine errors (values) and the HTTP layer's own
 * refusals become an HttpError, and an HttpError becomes the GES envelope
 * `{errorMessage, errorCode, result: "failed"}`.
 */
import type { EngineError } from '../engine/engine-types.js';
import { GesErrorCode } from './ges-error-codes.js';

/** An error on its way to the wire: status, GES code and message. */
export interface HttpError {
  status: number;
  errorCode: string;
  errorMessage: string;
}

const error = (status: number, errorCode: string, errorMessage: string): HttpError => ({ status, errorCode, errorMessage });

/**
 * The code an unknown graph gets from the pages of actions that document their own (`graph [demo] is
 * not found` [ex]); the others answer as the job list's example does.
 */
const GRAPH_NOT_FOUND_BY_ACTION: Readonly<Record<string, string>> = {
  filteredQuery: GesErrorCode.FILTERED_QUERY_FAILED,
  importGraph: GesErrorCode.IMPORT_FAILED,
  createIndex: GesErrorCode.CREATE_INDEX_FAILED,
  deleteIndex: GesErrorCode.DELETE_INDEX_FAILED,
  exportJobResult: GesErrorCode.EXPORT_FAILED,
  batchDeleteEdges: GesErrorCode.ALGORITHM_FAILED_TO_START,
};

/** Maps an engine error to its documented status, code and message; `action` (a job action's id) where its page words one. */
export function toGesError(engineError: EngineError, action?: string): HttpError {
  switch (engineError.kind) {
    case 'graph-not-found': {
      const code = action === undefined ? undefined : GRAPH_NOT_FOUND_BY_ACTION[action];
      // Exactly the seed's format ("graph : movidde not exist"), or the action page's.
      return code
        ? error(400, code, `graph [${engineError.graph}] is not found`)
        : error(400, GesErrorCode.GRAPH_NOT_FOUND, `graph : ${engineError.graph} not exist`);
    }
    case 'job-not-found':
      return error(400, GesErrorCode.JOB_NOT_FOUND, `can not find job, jobId is ${engineError.jobId}`);
    case 'cannot-cancel':
      return error(400, GesErrorCode.CANNOT_CANCEL, `can not find job to cancel, id is ${engineError.jobId}`);
    case 'algorithm-name-empty':
      return error(400, GesErrorCode.ALGORITHM_NAME_EMPTY, 'algorithmName or graphName is empty.');
    case 'algorithm-failed-to-start':
      return error(
        400,
        GesErrorCode.ALGORITHM_FAILED_TO_START,
        `Algorithm [${engineError.algorithmName}] failed to start: ${engineError.reason}`,
      );
    case 'graph-full':
      // No GES page documents a job cap; "failed to start" is the closest documented answer.
      return error(
        400,
        GesErrorCode.ALGORITHM_FAILED_TO_START,
        `Algorithm failed to start: too many jobs, graph ${engineError.graph} already holds ${engineError.cap} (cancel or wait for jobs, or POST /__mock/reset).`,
      );
    case 'too-many-projects':
      // A limit of the mock, not of GES: the message names it and how to raise it.
      return error(
        400,
        GesErrorCode.ALGORITHM_FAILED_TO_START,
        `Too many projects: the mock already holds jobs of ${engineError.cap} projects, its limit (--max-projects ${engineError.cap}; createApi option maxProjects). Restart it with a higher --max-projects, or POST /__mock/reset.`,
      );
    case 'memory-budget': {
      // The whole server's limit, so that no client can make it die of memory; reads go on.
      const mib = Math.floor(engineError.cap / 1024 / 1024);
      return error(
        400,
        GesErrorCode.ALGORITHM_FAILED_TO_START,
        `Memory budget reached: the mock and the jobs it holds would pass ${mib} MiB, its limit (--max-stored-mb ${mib}; createApi option maxStoredBytes). Restart it with a higher --max-stored-mb, or POST /__mock/reset.`,
      );
    }
    case 'invalid-fixtures':
      return httpErrors.invalidFixtures(engineError.error.message);
    case 'invalid-faults':
      return httpErrors.malformed(engineError.message);
    case 'index-exists':
      return error(400, GesErrorCode.CREATE_INDEX_FAILED, `Failed to create an index: index [${engineError.indexName}] already exists.`);
    case 'index-not-found':
      return error(400, GesErrorCode.DELETE_INDEX_FAILED, `Failed to delete the index: index [${engineError.indexName}] does not exist.`);
    case 'cannot-export':
      return error(400, GesErrorCode.EXPORT_FAILED, `Failed to export the result: ${engineError.reason}`);
    default: {
      const unknown: never = engineError;
      return internalError(unknown);
    }
  }
}

/** Paths in messages are cut so that a huge URL cannot make a huge error body. */
const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}...` : text);

/** The HTTP layer's own refusals, as templates. */
export const httpErrors = {
  /** 404: no API at this method and path. */
  noSuchApi: (method: string, path: string) => error(404, GesErrorCode.NO_SUCH_API, `No such API: ${clip(method, 20)} ${clip(path)}`),
  /** 401: the X-Auth-Token header is missing, empty or not accepted. */
  invalidToken: () => error(401, GesErrorCode.INVALID_TOKEN, 'Invalid token.'),
  /** 403: the token is valid but bound to another project. */
  invalidResourceAccess: () =>
    error(403, GesErrorCode.INVALID_RESOURCE_ACCESS, 'Invalid resource access: the token is not allowed for this project.'),
  /** 400 GES.8000: a parameter or body of the wrong form. */
  malformed: (detail: string) => error(400, GesErrorCode.MALFORMED_PARAMETER, `Incorrect parameter format: ${detail}`),
  /** 400 GES.8000: a refused fixture document; the message is the validation's own, whole. */
  invalidFixtures: (message: string) => error(400, GesErrorCode.MALFORMED_PARAMETER, message),
  /** 400 GES.8005: an integer outside its range. */
  outOfRange: (detail: string) => error(400, GesErrorCode.PARAMETER_OUT_OF_RANGE, `Parameter error! ${detail}`),
  /** 401 on a control route: X-Mock-Control-Token missing or wrong. */
  invalidControlToken: () =>
    error(401, GesErrorCode.INVALID_TOKEN, 'Invalid control token: send the X-Mock-Control-Token header the mock was started with.'),
  /** 500/503 GES.8602, as injected by a fault. */
  engineUnavailable: (status: 500 | 503) =>
    error(
      status,
      GesErrorCode.ENGINE_UNAVAILABLE,
      status === 503 ? 'The graph engine is unavailable, try again later.' : 'The graph engine is unavailable.',
    ),
  /**
   * 503 GES.8602: a change the mock could not save (`--state` on a full, read-only or forbidden
   * disk), so it was not applied either. `cause` is the system's code (ENOSPC, EROFS, EACCES...).
   */
  stateNotSaved: (cause: string, file: string, detail: string) =>
    error(
      503,
      GesErrorCode.ENGINE_UNAVAILABLE,
      `The change was not applied: the mock could not save it (${cause} on ${clip(file)}: ${clip(detail)}). Try again later.`,
    ),
  /**
   * 502 (unreachable, reset, not HTTP) or 504 (no answer in time) GES.8602 of `ges-mock proxy`: the
   * upstream engine gave no answer; the message names the upstream and the cause.
   */
  upstreamFailed: (status: 502 | 504, detail: string) => error(status, GesErrorCode.ENGINE_UNAVAILABLE, clip(detail, 600)),
} as const;

/** The error an injected failure (PUT /__mock/faults, `--fail-next`, `--errors`) answers with. */
export function injectedError(status: number, errorCode: string | undefined): HttpError {
  const base =
    status === 500 || status === 503
      ? httpErrors.engineUnavailable(status)
      : status === 401
        ? httpErrors.invalidToken()
        : status === 403
          ? httpErrors.invalidResourceAccess()
          : status === 404
            ? error(status, GesErrorCode.NO_SUCH_API, 'No such API (injected by /__mock/faults).')
            : error(status, GesErrorCode.MALFORMED_PARAMETER, 'Bad request (injected by /__mock/faults).');
  return { ...base, status, errorCode: errorCode ?? base.errorCode };
}

/** An unexpected throw: a 500 envelope that says nothing about the internals. */
export function internalError(_cause?: unknown): HttpError {
  return error(500, GesErrorCode.ENGINE_UNAVAILABLE, 'The graph engine is unavailable: internal error of the mock.');
}

/** The envelope's JSON text: `{"errorMessage":...,"errorCode":...,"result":"failed"}`. */
export function toEnvelopeJson(error: HttpError): string {
  return `{"errorMessage":${JSON.stringify(error.errorMessage)},"errorCode":${JSON.stringify(error.errorCode)},"result":"failed"}`;
}
