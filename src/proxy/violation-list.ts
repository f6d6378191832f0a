/**
 * The violations a proxy session found, in the order found, each once: what `GET /__mock/violations`
 * lists, what the log prints line by line and what the exit code of `--fail-on-violation` counts.
 * Bounded: past its size the oldest go first (counted), so a long session holds a fixed amount.
 */
import type { ProxyExchange, ProxyViolation } from './proxy-types.js';

/** Most violations kept; the count of the dropped ones is kept too. */
const MAX_VIOLATIONS = 10_000;
/** Most finding keys remembered to list each violation once. */
const MAX_KEYS = 100_000;

/** The exchange a violation names, as listed. */
export interface ViolationExchange {
  seq: number;
  startedAt: string;
  method: string;
  /** The upstream URL, credentials masked. */
  url: string;
  status: number;
  operationId: string;
  project: string | undefined;
  graph: string | undefined;
}

/** One violation as listed: the judge's finding, numbered, with the exchange it names. */
export type ListedViolation = Omit<ProxyViolation, 'key' | 'exchangeSeq'> & {
  /** Order of finding, from 1. */
  id: number;
  /** Real time it was found, ISO-8601. */
  foundAt: string;
  exchange?: ViolationExchange | undefined;
};

/** What to pick from the list; every field given must match. */
export interface ViolationFilter {
  project?: string | undefined;
  check?: string | undefined;
  level?: 'must' | 'should' | undefined;
}

/** The session's violations. */
export interface ViolationList {
  /** Adds what is new of `found` (a key seen before is skipped); returns the violations added. */
  add(found: readonly ProxyViolation[], exchangeOf: (seq: number) => ProxyExchange | undefined): ListedViolation[];
  list(filter?: ViolationFilter): ListedViolation[];
  /** Violations found so far, dropped ones included: failed (a MUST, or any when strict) and warnings. */
  counts(): { failed: number; warnings: number; dropped: number };
}

const summaryOf = (exchange: ProxyExchange): ViolationExchange => ({
  seq: exchange.seq,
  startedAt: exchange.startedAt,
  method: exchange.request.method,
  url: exchange.request.url,
  status: exchange.response.status,
  operationId: exchange.operationId,
  project: exchange.project,
  graph: exchange.graph,
});

/** An empty list; `now` gives the time of finding (epoch ms). */
export function createViolationList(now: () => number = Date.now): ViolationList {
  const kept: ListedViolation[] = [];
  const keys = new Set<string>();
  let next = 0;
  let dropped = 0;
  let failed = 0;
  let warnings = 0;

  return {
    add(found, exchangeOf) {
      const added: ListedViolation[] = [];
      for (const violation of found) {
        if (keys.has(violation.key)) continue;
        keys.add(violation.key);
        if (keys.size > MAX_KEYS) keys.delete(keys.values().next().value as string);
        const { key: _key, exchangeSeq, ...rest } = violation;
        const exchange = exchangeSeq === undefined ? undefined : exchangeOf(exchangeSeq);
        const listed: ListedViolation = { id: ++next, foundAt: new Date(now()).toISOString(), ...rest };
        if (exchange) listed.exchange = summaryOf(exchange);
        if (listed.outcome === 'failed') failed++;
        else warnings++;
        kept.push(listed);
        added.push(listed);
      }
      if (kept.length > MAX_VIOLATIONS) dropped += kept.splice(0, kept.length - MAX_VIOLATIONS).length;
      return added;
    },
    list(filter = {}) {
      return kept.filter(
        (v) =>
          (filter.project === undefined || v.exchange?.project === filter.project) &&
          (filter.check === undefined || v.check === filter.check) &&
          (filter.level === undefined || v.level === filter.level),
      );
    },
    counts: () => ({ failed, warnings, dropped }),
  };
}
