/**
 * The preflight: before any check, the default list is read once as configured (or, when the run
 * leaves the list out, the status of a job no graph holds). An answer that shows misconfiguration (no
 * or a refused token, an unknown graph, a base URL where no GES API answers, a host that does not
 * resolve, TLS, no connection, no answer in time, a --forbidden-token the target accepts) stops the
 * run with one paragraph saying what was asked, what came back and the likely fix, instead of a wall
 * of failed checks. CI can then tell "our job is misconfigured" (exit 2) from "the engine broke the
 * contract" (exit 1).
 */
import type { ContractSession } from './contract-session.js';
import type { Exchange, PreflightFailure, ResolvedContractOptions, SendOptions } from './contract-types.js';

/** How each setting is given: the CLI flag, its environment variable, the option of runContract. */
const SETTING = {
  baseUrl: '--base-url (env GES_BASE_URL, option baseUrl)',
  projectId: '--project-id (env GES_PROJECT_ID, option projectId)',
  graph: '--graph (env GES_GRAPH, option graph)',
  token: '--token (env GES_TOKEN, option token)',
  forbiddenToken: '--forbidden-token (env GES_FORBIDDEN_TOKEN, option forbiddenToken)',
  timeout: '--timeout MS (env GES_TIMEOUT, option timeoutMs)',
} as const;

/** Most characters of a body the paragraph quotes. */
const EXCERPT = 200;

/** A token as the paragraph shows it: its first characters only, when it is long enough to spare them. */
function maskToken(token: string): string {
  const shown = token.length >= 12 ? token.slice(0, 3) : '';
  return `${shown}… (${token.length} character${token.length === 1 ? '' : 's'})`;
}

/** Replaces every occurrence of the secrets in a text with a mask (bodies may echo a token). */
function hideSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let hidden = text;
  for (const secret of secrets) if (secret && secret.length >= 4) hidden = hidden.split(secret).join('***');
  return hidden;
}

/** What the preflight asked, in one sentence. */
function describeRequest(exchange: Exchange, options: ResolvedContractOptions): string {
  const token =
    exchange.tokenKind === 'forbidden'
      ? `with the forbidden token ${maskToken(options.forbiddenToken ?? '')}`
      : options.token === undefined
        ? 'without an X-Auth-Token (no token given)'
        : `with X-Auth-Token ${maskToken(options.token)}`;
  return `GET ${exchange.request.url} ${token}`;
}

/** What came back, in one sentence: status, content type and a body excerpt, or the network error. */
function describeResponse(exchange: Exchange, options: ResolvedContractOptions): string {
  const { response } = exchange;
  if (!response) return exchange.error ?? 'no answer';
  const text = response.text.replace(/\s+/g, ' ').trim();
  const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
  const location = response.headers.location ? ` (Location: ${response.headers.location})` : '';
  const body = excerpt === '' ? 'an empty body' : excerpt;
  return hideSecrets(`${response.status} ${response.contentType ?? '(no content-type)'}${location}, ${body}`, [
    options.token,
    options.forbiddenToken,
  ]);
}

const TLS_CODE = /CERT|TLS|SSL|EPROTO|HANDSHAKE/i;
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

/** The base URL already holds the API's own path, so the kit's paths double it. */
function carriesApiPath(baseUrl: string): boolean {
  return /\/ges(\/|$)/.test(new URL(baseUrl).pathname);
}

/** The diagnosis of one answer to the default list: undefined when the answer is no misconfiguration. */
function diagnose(
  exchange: Exchange,
  options: ResolvedContractOptions,
): (Omit<PreflightFailure, 'message'> & { problem: string; fix: string }) | undefined {
  const { baseUrl, projectId, graph, token, timeoutMs } = options;
  const host = new URL(baseUrl).host;
  const { response } = exchange;
  if (!response) {
    const code = exchange.errorCode ?? '';
    if (code === 'TIMEOUT') {
      return {
        kind: 'timeout',
        problem: `${host} did not answer the list within ${timeoutMs} ms`,
        fix: `if the engine is slow, allow more time with ${SETTING.timeout}; otherwise check that ${SETTING.baseUrl} is the engine's address and that no firewall drops the connection`,
      };
    }
    if (DNS_CODES.has(code)) {
      return {
        kind: 'dns',
        problem: `the host name ${new URL(baseUrl).hostname} does not resolve`,
        fix: `correct the host in ${SETTING.baseUrl} (the graph's private or public address, SERVER_URL in the GES console)`,
      };
    }
    if (TLS_CODE.test(code) || TLS_CODE.test(exchange.error ?? '')) {
      return {
        kind: 'tls',
        problem: `the TLS connection to ${host} failed`,
        fix: `if the engine serves plain HTTP, write http:// in ${SETTING.baseUrl}; if it uses a certificate of a private CA, trust that CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem`,
      };
    }
    return {
      kind: 'connection',
      problem: `nothing accepted a connection at ${host}`,
      fix: `start the engine (or the mock: npx ges-mock serve), or correct the host and port in ${SETTING.baseUrl}`,
    };
  }
  const { status } = response;
  const body = response.json as { errorMessage?: unknown; errorCode?: unknown } | undefined;
  const apiPathHint = carriesApiPath(baseUrl)
    ? `; the base URL already contains /ges/, and the kit appends /ges/v1.0/{project_id}/graphs/… itself: pass the address only, e.g. --base-url ${new URL(baseUrl).origin}`
    : '';
  if (status === 401) {
    return token === undefined
      ? {
          kind: 'token',
          problem: 'the engine wants an X-Auth-Token and none was given',
          fix: `pass an IAM token of project ${projectId} with ${SETTING.token}`,
        }
      : {
          kind: 'token',
          problem: 'the engine refused the token',
          fix: `pass a valid, unexpired IAM token of project ${projectId} with ${SETTING.token}`,
        };
  }
  if (status === 403) {
    return {
      kind: 'forbidden',
      problem: `the token is not allowed on project ${projectId}`,
      fix: `check that ${SETTING.projectId} is the project the token was issued for, or pass a token of project ${projectId} with ${SETTING.token}`,
    };
  }
  if (status === 400 && typeof body?.errorMessage === 'string' && /not exist/i.test(body.errorMessage)) {
    return {
      kind: 'graph',
      problem: `graph ${graph} does not exist on project ${projectId}`,
      fix: `name a graph that exists with ${SETTING.graph}, and check ${SETTING.projectId}`,
    };
  }
  if (status >= 300 && status < 400) {
    return {
      kind: 'base-url',
      problem: `the API path answers a redirect${response.headers.location ? ` to ${response.headers.location}` : ''}, not the job list`,
      fix: `point ${SETTING.baseUrl} at the engine itself (the scheme and host the redirect names, if it is the engine)${apiPathHint}`,
    };
  }
  if (status === 404) {
    return {
      kind: 'base-url',
      problem: `no GES API answers at ${exchange.request.url}`,
      fix: `check ${SETTING.baseUrl}${apiPathHint || ' (the engine address only, without a path)'}`,
    };
  }
  if (status < 500 && response.json === undefined) {
    return {
      kind: 'base-url',
      problem: `the API path answers ${status} with a body that is not JSON: something other than a GES engine answers there (a web page, a login form, a proxy)`,
      fix: `check ${SETTING.baseUrl}${apiPathHint}`,
    };
  }
  return undefined;
}

/** The one paragraph of a misconfiguration. */
function toFailure(
  found: Omit<PreflightFailure, 'message'> & { problem: string; fix: string },
  exchange: Exchange,
  options: ResolvedContractOptions,
): PreflightFailure {
  const message =
    `Misconfiguration (${found.kind}), nothing was checked: ${found.problem}. ` +
    `Asked: ${describeRequest(exchange, options)}. ` +
    `Got: ${describeResponse(exchange, options)}. ` +
    `Likely fix: ${found.fix}.`;
  return { kind: found.kind, message };
}

/**
 * A --forbidden-token the target accepts is no forbidden token there: the 403 path cannot be checked
 * with it. A mock started without --token accepts any token.
 */
function diagnoseForbidden(exchange: Exchange, options: ResolvedContractOptions): PreflightFailure | undefined {
  const status = exchange.response?.status;
  if (status === undefined || status < 200 || status >= 300) return undefined;
  const { projectId } = options;
  return toFailure(
    {
      kind: 'forbidden-token',
      problem: `the target accepted the forbidden token on project ${projectId}, so it is no forbidden token there and the 403 path cannot be checked with it (or the target does not check which project a token belongs to)`,
      fix:
        `pass a token the target knows but refuses on project ${projectId}, one issued for another project, with ${SETTING.forbiddenToken}, or leave it out; ` +
        `against the mock, which accepts any token unless told which, bind the tokens to projects: ges-mock serve --token <token>:${projectId} --token <forbidden-token>:<another project_id> (a token bound to another project gets 403 GES.8006)`,
    },
    exchange,
    options,
  );
}

/** The read the preflight sends: the default list, or the status of a job no graph holds when the run leaves the list out. */
function preflightRead(options: ResolvedContractOptions): SendOptions | undefined {
  if (options.operations.includes('listJobs')) return { operationId: 'listJobs' };
  if (options.operations.includes('getJobStatus')) return { operationId: 'getJobStatus', jobId: 'ffffffff-0000-4000-8000-000000000000' };
  return undefined; // writes only: nothing is read before the checks
}

/** Reads the list once as configured (and with --forbidden-token); returns the misconfiguration it shows, or undefined. */
export async function preflight(session: ContractSession): Promise<PreflightFailure | undefined> {
  const read = preflightRead(session.options);
  if (!read) return undefined;
  const exchange = await session.client.send(read);
  const found = diagnose(exchange, session.options);
  if (found) return toFailure(found, exchange, session.options);
  if (session.options.forbiddenToken === undefined) return undefined;
  return diagnoseForbidden(await session.client.send({ ...read, auth: 'forbidden' }), session.options);
}
