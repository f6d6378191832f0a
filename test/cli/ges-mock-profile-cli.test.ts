import { afterEach, describe, expect, it } from 'vitest';
import { killGesMockProcesses, runGesMock, startGesMockProcess } from '../support/ges-mock-process.js';

afterEach(killGesMockProcesses);

describe('ges-mock serve --profile', { timeout: 60_000 }, () => {
  it('serves the profile named by GES_MOCK_PROFILE, and says so in its banner', async () => {
    const mock = await startGesMockProcess(['serve', '--port', '0'], { env: { GES_MOCK_PROFILE: 'epoch-millis' } });
    expect(mock.banner).toMatch(/profile epoch-millis/);
    const answer = await fetch(`${mock.url}/ges/v1.0/p1/graphs/movie/jobs/status?limit=3`, { headers: { 'x-auth-token': 't' } });
    const { jobs } = (await answer.json()) as { jobs: { startTime: string }[] };
    expect(jobs.every((job) => /^\d{13}$/.test(job.startTime))).toBe(true);
    await mock.stop();
  });

  it('exits 2 naming the profiles for an unknown one', async () => {
    const run = await runGesMock(['serve', '--profile', 'memory-9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--profile must be one of memory-2\.2\.13, .*mixed, got "memory-9"/);
  });
});
