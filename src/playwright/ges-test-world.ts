/**
 * The world one Playwright test owns, in either form: in process (over a GesApi in the worker) or on
 * a shared `ges-mock serve` (over its per-world control routes). Both answer the same promises, so
 * a test reads the same whichever form its project uses.
 */
import { FixtureError } from '../fixtures/fixture-error.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import type { GesApi } from '../http/create-api.js';
import type { WorldState } from '../engine/engine-types.js';
import type { FaultConfig } from '../engine/fault-config.js';
import { verifyJournal, type JournalEntry, type JournalFilter } from '../http/request-journal.js';

/** One test's world: its fixtures, clock, faults and journal, and nothing of any other test. */
export interface GesTestWorld {
  /** The world's project id: every GES request of the page is answered in this project. */
  readonly projectId: string;
  /** The in-process API (undefined on a shared server): for what the world methods do not cover. */
  readonly api: GesApi | undefined;
  /** Gives the world these jobs (a fixture document without `projects`). */
  loadFixtures(doc: FixtureDocument): Promise<void>;
  /** Back to the world's start: jobs, own fixtures, clock and faults. */
  reset(): Promise<void>;
  /** The world's virtual now, epoch ms. */
  now(): Promise<number>;
  /** Moves the world's clock forward by `ms`. */
  advanceClock(ms: number): Promise<void>;
  /** Moves the world's clock forward to an instant (ISO-8601 or epoch ms). */
  setClock(to: string | number): Promise<void>;
  setFaults(config: FaultConfig): Promise<void>;
  clearFaults(): Promise<void>;
  state(): Promise<WorldState>;
  /** The world's journal: what the page sent and got, oldest first. */
  requests(filter?: JournalFilter): Promise<JournalEntry[]>;
  /** Exactly `count` requests match, or an Error naming what was seen. */
  verifyRequests(filter: JournalFilter, count: number): Promise<JournalEntry[]>;
  clearRequests(): Promise<void>;
}

/** A world over an in-process API. */
export function toLocalWorld(api: GesApi, projectId: string): GesTestWorld {
  const world = api.world(projectId);
  return {
    projectId,
    api,
    loadFixtures: async (doc) => world.loadFixtures(doc),
    reset: async () => world.reset(),
    now: async () => world.clock.now(),
    advanceClock: async (ms) => world.clock.advance(ms),
    setClock: async (to) => world.clock.set(to),
    setFaults: async (config) => world.faults.set(config),
    clearFaults: async () => world.faults.clear(),
    state: async () => world.state(),
    requests: async (filter) => world.requests(filter),
    verifyRequests: async (filter, count) => world.verifyRequests(filter, count),
    clearRequests: async () => world.clearRequests(),
  };
}

/** A world on a shared server at `baseUrl`, through `/__mock/projects/{project_id}/`. */
export function toRemoteWorld(baseUrl: string, projectId: string, controlToken?: string): GesTestWorld {
  const root = `${baseUrl.replace(/\/+$/, '')}/__mock/projects/${projectId}`;
  const send = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (controlToken !== undefined) headers['x-mock-control-token'] = controlToken;
    const response = await fetch(`${root}${route}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    if (!response.ok) throw refusalOf(method, `${root}${route}`, response.status, text);
    return JSON.parse(text) as unknown;
  };
  /** The error a refusal throws: a refused fixture document as the FixtureError the in-process form throws. */
  const refusalOf = (method: string, url: string, status: number, text: string): Error => {
    const prefix = `world ${projectId}: `;
    let message: unknown;
    try {
      message = (JSON.parse(text) as { errorMessage?: unknown }).errorMessage;
    } catch {
      // not an envelope: named as it came
    }
    if (url.endsWith('/fixtures') && typeof message === 'string' && message.startsWith(prefix))
      return new FixtureError(`world ${projectId}`, [{ reason: message.slice(prefix.length) }], { world: projectId });
    return new Error(`${method} ${url} answered ${status}: ${text}`);
  };
  const list = async (filter: JournalFilter = {}) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value !== undefined) query.set(key, String(value));
    const search = query.size > 0 ? `?${query.toString()}` : '';
    return ((await send('GET', `/requests${search}`)) as { requests: JournalEntry[] }).requests;
  };
  return {
    projectId,
    api: undefined,
    loadFixtures: async (doc) => void (await send('PUT', '/fixtures', doc)),
    reset: async () => void (await send('POST', '/reset')),
    now: async () => ((await send('GET', '/state')) as WorldState).now,
    advanceClock: async (ms) => void (await send('POST', '/clock', { advanceMs: ms })),
    setClock: async (to) => void (await send('POST', '/clock', { to })),
    setFaults: async (config) => void (await send('PUT', '/faults', config)),
    clearFaults: async () => void (await send('DELETE', '/faults')),
    state: async () => (await send('GET', '/state')) as WorldState,
    requests: list,
    verifyRequests: async (filter, count) => verifyJournal(await list(filter), filter, count),
    clearRequests: async () => void (await send('DELETE', '/requests')),
  };
}
