/**
 * What the proxy hands its judge and what a judge hands back. The proxy (src/proxy/) knows no check:
 * a judge made from the contract kit's recorded checks (contracts/live/create-live-judge.ts) or any
 * other is given to it, so the library core never imports the contract kit.
 */

/** One proxied exchange as a judge sees it: credentials already removed. */
export interface ProxyExchange {
  /** Order of arrival at the proxy, from 1. */
  seq: number;
  /** The spec's operation of the request. */
  operationId: string;
  project: string | undefined;
  graph: string | undefined;
  /** Real time the request arrived, ISO-8601. */
  startedAt: string;
  /** From arrival to the upstream's whole answer (or its first bytes, for a body too long to judge). */
  durationMs: number;
  request: {
    method: string;
    /** The upstream URL it was sent to: no user or password, credential-like query values as `***`. */
    url: string;
    /** Header names in lower case; `x-auth-token` as `***` when one was sent; no cookie, no authorization. */
    headers: Record<string, string>;
    body?: string | undefined;
  };
  response: {
    status: number;
    /** Header names in lower case, Set-Cookie left out. */
    headers: Record<string, string>;
    /** The body as text (decoded when the upstream compressed it); absent when it could not be judged. */
    text?: string | undefined;
    /** Bytes of the body as sent, when known. */
    size?: number | undefined;
    /** Why the body is not judged (longer than the bound, an encoding that could not be read). */
    unjudgedBody?: string | undefined;
  };
}

/** One rule an exchange broke, as the judge found it. */
export interface ProxyViolation {
  /** Identifies the finding, so a violation found twice (alone, then with other exchanges) is listed once. */
  key: string;
  /** The check that found it. */
  check: string;
  group: string;
  level: 'must' | 'should';
  /** `failed` for a MUST (or any check when judging strictly), `warning` for a SHOULD. */
  outcome: 'failed' | 'warning';
  /** What the rule rests on: a GES page or table, or a decision of the spec. */
  evidence: string;
  message: string;
  expected?: string | undefined;
  actual?: string | undefined;
  /** A curl line reproducing the request against the upstream; the token as `$GES_TOKEN`. */
  curl?: string | undefined;
  /** The exchange that broke it (its seq), when the finding names one. */
  exchangeSeq?: number | undefined;
}

/** The formats of a judge's report. */
export type ReportFormat = 'text' | 'junit' | 'json';

/** Judges proxied exchanges; the proxy calls it, never the other way round. */
export interface ProxyJudge {
  /** What one exchange breaks on its own answer. */
  judgeOne(exchange: ProxyExchange): Promise<ProxyViolation[]>;
  /**
   * What recent exchanges break together (a job's status in the list against its status endpoint,
   * jobCount across pages); may repeat what judgeOne found, which the proxy lists once.
   */
  judgeAcross(exchanges: readonly ProxyExchange[]): Promise<ProxyViolation[]>;
  /** The report of every exchange judged so far, in a format of the contract kit's. */
  report(format: ReportFormat): Promise<string>;
}
