import { describe, expect, it } from 'vitest';
import { gesScenarios, type GesScenarioName } from '../../mocks/scenarios.js';
import { call, createTestApi, MOVIE } from '../support/api-client.js';

const expected: Record<GesScenarioName, (status: number, json: any, fault?: string) => void> = {
  default: (status, json) => expect([status, json.jobCount]).toEqual([200, 60]),
  empty: (status, json) => expect([status, json.jobCount, json.jobs]).toEqual([200, 0, []]),
  crowded: (status, json) => expect([status, json.jobCount]).toEqual([200, 5_000]),
  slow: (status) => expect(status).toBe(200),
  flaky: (status) => expect([200, 503]).toContain(status),
  unavailable: (status, json) => expect([status, json.errorCode]).toEqual([503, 'GES.8602']),
  offline: (_status, _json, fault) => expect(fault).toBe('CONNECTION_RESET_BY_PEER'),
  unauthorized: (status, json) => expect([status, json.errorCode]).toEqual([401, 'GES.8007']),
};

describe('named scenarios', () => {
  it.each(Object.keys(gesScenarios) as GesScenarioName[])('%s behaves as its name says', async (name) => {
    const api = createTestApi({ ...gesScenarios[name], sleep: async () => {} });
    const answer = await call(api, 'GET', `${MOVIE}/jobs/status?limit=1`);
    expected[name](answer.status, answer.json ?? {}, answer.fault);
  });
});
