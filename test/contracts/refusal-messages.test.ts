import { describe, expect, test } from 'vitest';
import { runContract } from '../../contracts/run-contract.js';
import { FORBIDDEN_TOKEN, PROJECT, TOKEN, startCorruptServer } from './support/corrupt-server.js';

describe('the auth checks name what the engine answered', () => {
  test('a 401 that is no GES envelope is reported with its status, and a 200 without a token as 200', async () => {
    const server = await startCorruptServer(async (seen, answer) => {
      const response = await answer();
      if (response.status === 401) {
        // The list refused as a gateway would, the job status not refused at all.
        return seen.operation === 'listJobs'
          ? { status: 401, headers: { 'content-type': 'text/html' }, body: '<h1>401 Authorization Required</h1>' }
          : { status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"success","result":"success"}' };
      }
      return response;
    });
    try {
      const report = await runContract({
        baseUrl: server.url,
        projectId: PROJECT,
        graph: 'movie',
        token: TOKEN,
        forbiddenToken: FORBIDDEN_TOKEN,
      });
      const messages = (id: string) => report.results.find((result) => result.id === id)?.findings.map((finding) => finding.message) ?? [];
      expect(messages('auth_error_envelope')).toEqual(['listJobs without a token answered 401 without a JSON GES error envelope']);
      expect(messages('ignored_auth')).toEqual(['getJobStatus without a token answered 200']);
    } finally {
      await server.close();
    }
  });
});
