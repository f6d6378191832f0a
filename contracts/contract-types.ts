/**
 * The shapes of the contract kit: what a check is, what it sees, what a run reports. The checks
 * themselves live in contracts/checks/; the runner in run-contract.ts.
 */
import type { OperationId } from '../src/types.js';
import type { Level } from './ges-pages.js';
import type { RuleId } from './rule-inventory.js';

/** What the caller gives: the target and how strictly to judge it. */
export interface ContractOptions {
  /** Base URL of the engine (or mock), e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** project_id of the path. */
  projectId: string;
  /** A graph that exists on the target. */
  graph: string;
  /** X-Auth-Token value; without one, ignored_auth is skipped. */
  token?: string | undefined;
  /** A well-formed graph name that does not exist. Default: a generated one. */
  missingGraph?: string | undefined;
  /**
   * A token the engine knows but does not allow on this project (e.g. one of another project), to
   * exercise the 403 path. Without one, the forbidden-token checks are skipped.
   */
  forbiddenToken?: string | undefined;
  /** SHOULD findings (what this project decided or inferred) fail instead of warning. */
  strict?: boolean | undefined;
  /**
   * Judge only these operations (spec operationIds, e.g. `listJobs`); default: every operation of
   * the spec. A check that needs another operation is skipped, saying which.
   */
  includeOperations?: readonly OperationId[] | undefined;
  /** Leave these operations out (applied after includeOperations). */
  excludeOperations?: readonly OperationId[] | undefined;
  /**
   * How long a check waits for a job of its own to reach the state it needs (a submitted job to
   * fail, for instance), in ms. Default 10000. The wait polls the job and ends as soon as it is there.
   */
  jobWaitMs?: number | undefined;
  /** Run the checks that submit and cancel jobs. Default false: read-only. */
  allowMutations?: boolean | undefined;
  /** Per-request timeout in ms. Default 10000. */
  timeoutMs?: number | undefined;
  /** The fetch to use. Default: the global fetch at call time (so msw/node can intercept it). */
  fetch?: typeof fetch | undefined;
}

/** ContractOptions with every default filled in. */
export interface ResolvedContractOptions {
  baseUrl: string;
  projectId: string;
  graph: string;
  token: string | undefined;
  missingGraph: string;
  forbiddenToken: string | undefined;
  strict: boolean;
  allowMutations: boolean;
  /** The operations this run judges, in the spec's order. */
  operations: readonly OperationId[];
  jobWaitMs: number;
  timeoutMs: number;
  fetch: typeof fetch | undefined;
}

/** `must`: it judges a rule a GES page states. `should`: only rules this project decided or inferred. */
type CheckLevel = Level;

/** `probe` checks send their own requests; `audit` checks judge every response of the run, so run last. */
type CheckPhase = 'probe' | 'audit';

/** One request the kit sent. */
export interface ExchangeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

/** What came back (absent when the request failed at the network level). */
export interface ExchangeResponse {
  status: number;
  headers: Record<string, string>;
  /** Media type without parameters, lower case, e.g. `application/json`; undefined when not sent. */
  contentType: string | undefined;
  text: string;
  /** The parsed body, when the text is JSON. */
  json?: unknown;
  /** Set when the text is not JSON. */
  jsonError?: string | undefined;
  /** A recorded exchange whose body the recording left out (a HAR without content): not judged. */
  bodyNotRecorded?: boolean | undefined;
}

/** Where a recorded exchange came from: one entry of a HAR file. */
interface ExchangeSource {
  /** The HAR file as given on the command line. */
  file: string;
  /** Index of the entry in `log.entries`, from 0. */
  index: number;
  /** The entry's `startedDateTime`. */
  startedDateTime: string;
}

/** One request and its answer, as recorded for the report and the audit checks. */
export interface Exchange {
  /** Order of sending, from 1. */
  seq: number;
  operationId: OperationId;
  /** Whether a token was sent; false for the deliberate no-token probes. */
  authenticated: boolean;
  /** `forbidden` when the request carried --forbidden-token instead of the token. */
  tokenKind?: 'token' | 'forbidden' | undefined;
  request: ExchangeRequest;
  response?: ExchangeResponse | undefined;
  /** Network error or timeout, when there is no response. */
  error?: string | undefined;
  /** The error's code (`ECONNREFUSED`, `ENOTFOUND`, `TIMEOUT`, a TLS code, ...), when known. */
  errorCode?: string | undefined;
  durationMs: number;
  /** Set for an exchange read from a HAR file instead of sent by the kit. */
  source?: ExchangeSource | undefined;
}

/** One reason a check does not hold. */
export interface Finding {
  /** The rule of the inventory it breaks: its evidence gives the finding's level. */
  rule?: RuleId | undefined;
  /** `must` or `should`: the rule's level (the check's own level for a finding that names no rule). */
  level?: Level | undefined;
  message: string;
  expected?: string | undefined;
  actual?: string | undefined;
  /** The request that broke the rule, to reproduce with curl. */
  exchange?: Exchange | undefined;
}

/** A finding as a check reports it: the rule it breaks is named, its level follows from the rule. */
export type FindingInput = Omit<Finding, 'level' | 'rule'> & { rule: RuleId };

/** A check's verdict: `warning` when it found only SHOULD findings, outside strict mode. */
type CheckOutcome = 'passed' | 'failed' | 'warning' | 'skipped';

/** One check's result in a run. */
export interface CheckResult {
  id: string;
  group: string;
  level: CheckLevel;
  description: string;
  outcome: CheckOutcome;
  /** Why it was skipped, or a short note of what was checked ("60 jobs in 9 pages"). */
  note?: string | undefined;
  findings: Finding[];
  /** Findings beyond the ones kept (a check keeps the first few). */
  omittedFindings: number;
  durationMs: number;
  /** The documented `operationId status` pairs of the answers this check sent for or judged. */
  reached?: string[] | undefined;
}

/** One documented (operation × status) pair and whether the run saw it. */
interface CoveragePair {
  operationId: OperationId;
  status: string;
  exercised: boolean;
}

/** Documented pairs the run did not exercise, and why (which flag would reach them, or why none can). */
export interface CoverageGap {
  /** `operationId status`, e.g. `listJobs 403`. */
  pairs: string[];
  reason: string;
}

/** Documented (operation × status) pairs exercised ÷ documented. */
export interface ContractCoverage {
  exercised: number;
  documented: number;
  pairs: CoveragePair[];
  /** The pairs not exercised, grouped by why. */
  gaps: CoverageGap[];
}

/** What the preflight found wrong with the configuration: the run stops before any check (exit 2). */
export interface PreflightFailure {
  /** What is misconfigured, in one word. */
  kind: 'token' | 'forbidden' | 'forbidden-token' | 'graph' | 'base-url' | 'dns' | 'tls' | 'connection' | 'timeout' | 'recording';
  /** One paragraph: what was asked, what came back, the likely fix (flag, env variable, option). */
  message: string;
}

/** A judged recording: the HAR files and how many of their entries were GES exchanges. */
export interface RecordingSummary {
  files: string[];
  entries: number;
  /** Entries that are GES operations, judged. */
  judged: number;
  /** Entries that are no GES operation (pages, scripts, other APIs): counted, ignored. */
  ignored: number;
  /** Skipped entries of a GES operation without any response (aborted, blocked, failed in the browser). */
  unanswered: number;
  /**
   * Entries of a GES operation that no server answered: the browser's internal redirects, cache hits,
   * service-worker answers, CORS preflights, blocked or failed requests. Listed with the reason, not judged.
   */
  skipped: RecordingSkip[];
}

/** One recorded entry that was not judged, and why. */
export interface RecordingSkip {
  file: string;
  index: number;
  method: string;
  url: string;
  reason: string;
}

/** Everything a run found; the formatters turn it into text, JUnit XML and JSON. */
export interface ContractReport {
  target: { baseUrl: string; projectId: string; graph: string; missingGraph: string };
  strict: boolean;
  allowMutations: boolean;
  /** The operations the run judged (all of the spec's unless restricted). */
  operations: readonly OperationId[];
  startedAt: string;
  durationMs: number;
  /** Set when the preflight found a misconfiguration: nothing was checked (exit code 2). */
  preflight?: PreflightFailure | undefined;
  /** Set when the run judged recorded traffic (HAR files) instead of a live target. */
  recording?: RecordingSummary | undefined;
  results: CheckResult[];
  coverage: ContractCoverage;
  requests: number;
  /** 0 every check holds, 1 some check fails, 2 misconfiguration (nothing was checked). */
  exitCode: 0 | 1 | 2;
}

/** The operations a check can call, by spec operationId. */
export interface SendOptions {
  operationId: OperationId;
  /** Overrides of the path parameters (graph_name, job_id, indexName); project_id comes from the options. */
  graph?: string | undefined;
  jobId?: string | undefined;
  indexName?: string | undefined;
  /** Query parameters, in order, values sent as given (so malformed values can be sent). */
  query?: Record<string, string> | undefined;
  /** Send the token (default true); `forbidden`: send --forbidden-token instead. */
  auth?: boolean | 'forbidden' | undefined;
  body?: string | undefined;
  /** Skip the per-run cache of GET answers (default: GETs are cached). */
  fresh?: boolean | undefined;
}

/** A job as the kit reads it: any JSON object (it may break the schema; that is what is checked). */
export type SeenJob = Record<string, unknown>;

/** A job and the response it came in. */
export interface JobSighting {
  job: SeenJob;
  exchange: Exchange;
}

/** Pages of the list read one after another, to compare with the default list. */
export interface PageWalk {
  /** The default list the walk is compared with. */
  base: Exchange;
  pageSize: number;
  /** Jobs the walk covers: the whole list, or the first 20 pages of a long one. */
  covered: number;
  pages: Exchange[];
}

/** What a check's run() receives. */
export interface CheckContext {
  readonly options: ResolvedContractOptions;
  /** Sends one request (GETs are cached per run unless `fresh`). */
  send(options: SendOptions): Promise<Exchange>;
  /** The default list (no limit/offset), cached. */
  defaultList(): Promise<Exchange>;
  /** A 200 list body from this exchange, or abort the check with a finding against `rule` saying what came instead. */
  requireList(exchange: Exchange, what: string, rule: RuleId): { jobs: SeenJob[]; jobCount: unknown };
  /** The page walk shared by the list checks (cached unless `fresh`, which also re-reads the default list). */
  walkPages(fresh?: boolean): Promise<PageWalk>;
  /** Every exchange so far. */
  exchanges(): readonly Exchange[];
  /**
   * Marks an answer this check judges that a request shared by several checks brought (sent once per
   * run, under whichever check asked first): it counts in this check's (operation × status) reach.
   */
  uses(exchange: Exchange): void;
  /** Every job in every 200 list answer so far, once per distinct (exchange, job). */
  jobsSeen(): JobSighting[];
  /** Records a finding against a rule; the check continues. */
  fail(finding: FindingInput): void;
  /** Records a finding and ends the check. */
  abort(finding: FindingInput): never;
  /**
   * Counts answers judged (default one). A check that judged none and found nothing is skipped, never
   * passed: a pass always rests on at least one answer of the kind the check is about.
   */
  judged(count?: number): void;
  /** Whether this run judges the operation (see includeOperations / excludeOperations). */
  selects(operationId: OperationId): boolean;
  /** Ends the check as skipped. */
  skip(reason: string): never;
  /** A short note for the report line. */
  note(text: string): void;
  /** State shared by the checks of one run (e.g. the job the mutation checks cancelled). */
  readonly shared: Map<string, unknown>;
}

/** A check of the kit as its file declares it: its level follows from the rules it judges (rule-inventory.ts). */
export type CheckDefinition = Omit<ContractCheck, 'level'>;

/** One contract check, declared once and run by the CLI and by vitest alike. */
export interface ContractCheck {
  /** Stable id (Schemathesis names where they fit), e.g. `not_a_server_error`. */
  id: string;
  group: string;
  /**
   * `must` when a rule it judges rests on a GES page (it can fail a lenient run). The kit's checks
   * take it from the rule inventory (withLevel); each finding's own level is its rule's.
   */
  level: CheckLevel;
  phase: CheckPhase;
  /** Only with --allow-mutations. */
  mutates?: boolean | undefined;
  /** One sentence: what holds when the check passes. */
  description: string;
  run(ctx: CheckContext): Promise<void>;
}
