/**
 * Injected faults as they live: a world's faults are part of its state (set as a change, kept by
 * `--state`); each request draws from the world's own seeded PRNG, so a run with the same seed, faults
 * and requests repeats exactly. What an injected failure answers is the HTTP layer's business: here a
 * failure is only its status, its code and where it came from.
 */
import type { FaultConfig, FaultDecision, FaultRequest, StubConfig } from './fault-config.js';
import { createRandom, hashSeed } from './random.js';

/** Whether a stub's match holds for the request. */
function matches(stub: StubConfig, request: FaultRequest): boolean {
  const { operationId, method, path, graph } = stub.match;
  return (
    (operationId === undefined || operationId === request.operationId) &&
    (method === undefined || method === request.method) &&
    (path === undefined || path === request.path) &&
    (graph === undefined || graph === request.graph)
  );
}

/** Deep copy of a (valid) configuration, so callers never hold the live counters. */
const copyFaultConfig = (config: FaultConfig): FaultConfig => JSON.parse(JSON.stringify(config)) as FaultConfig;

/**
 * The live faults of the shared configuration or of one world: the configuration with its counts
 * as they stand, and the PRNG its draws come from.
 */
export interface Faults {
  /** The configuration now (remaining counts included), as a copy. */
  config(): FaultConfig;
  /** True when any fault is configured (the fast path decides nothing otherwise). */
  readonly active: boolean;
  /** Decides for one /ges/ request; counts down `next`/`count` and a stub's `times`. */
  decide(request: FaultRequest): FaultDecision;
}

const NO_FAULT: FaultDecision = Object.freeze({ delayMs: 0 });

/** Removes what is spent (counts at 0) so that `active` tells the truth. */
function prune(config: FaultConfig): void {
  if (config.nextFailures && config.nextFailures.count <= 0) delete config.nextFailures;
  if (config.stubs) {
    config.stubs = config.stubs.filter((stub) => stub.times === undefined || stub.times > 0);
    if (config.stubs.length === 0) delete config.stubs;
  }
  const connection = config.connectionFault;
  if (connection && !connection.next && !connection.rate) delete config.connectionFault;
}

/**
 * Live faults over a valid configuration (a copy is kept), drawing from a PRNG seeded by `seed`
 * and `scope` (a world's id, or '' for the shared faults), so every world's draws repeat on their own.
 */
export function createFaults(config: FaultConfig, seed: number, scope: string): Faults {
  const live = copyFaultConfig(config);
  prune(live);
  const random = createRandom(`faults:${seed}${scope === '' ? '' : `:${hashSeed(scope)[0]}`}`).float;
  let active = Object.keys(live).length > 0;
  return {
    config: () => copyFaultConfig(live),
    get active() {
      return active;
    },
    decide(request) {
      if (!active) return NO_FAULT;
      const decision: FaultDecision = { delayMs: 0 };
      const latency = live.latency;
      if (latency) {
        decision.delayMs =
          'fixedMs' in latency ? latency.fixedMs : latency.minMs + Math.floor(random() * (latency.maxMs - latency.minMs + 1));
      }
      const stub = live.stubs?.find((each) => matches(each, request));
      if (stub) {
        if (stub.times !== undefined) stub.times -= 1;
        decision.delayMs += stub.delayMs ?? 0;
        if (stub.status !== undefined) {
          decision.canned = {
            status: stub.status,
            body: stub.body === undefined ? '' : JSON.stringify(stub.body),
            headers: { 'content-type': 'application/json', ...stub.headers },
          };
          prune(live);
          active = Object.keys(live).length > 0;
          return decision;
        }
      }
      const connection = live.connectionFault;
      if (connection) {
        if (connection.next && connection.next > 0) {
          connection.next -= 1;
          decision.connection = connection.kind;
        } else if (connection.rate && random() < connection.rate) {
          decision.connection = connection.kind;
        }
      }
      if (!decision.connection && live.nextFailures) {
        live.nextFailures.count -= 1;
        const { status, errorCode } = live.nextFailures;
        decision.failure = errorCode === undefined ? { status, source: 'nextFailures' } : { status, errorCode, source: 'nextFailures' };
      } else if (!decision.connection && live.errorRate && random() < live.errorRate.rate) {
        decision.failure = { status: live.errorRate.status, source: 'errorRate' };
      }
      prune(live);
      active = Object.keys(live).length > 0;
      return decision;
    },
  };
}
