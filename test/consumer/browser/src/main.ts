import createClient from 'openapi-fetch';
import type { paths } from 'ges-jobs-kit';
import { enableMocking } from './mocks.js';

async function main(): Promise<void> {
  await enableMocking();
  const ges = createClient<paths>({ baseUrl: location.origin, headers: { 'X-Auth-Token': 'token' } });
  const { data } = await ges.GET('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status', {
    params: { path: { project_id: '0123456789abcdef0123456789abcdef', graph_name: 'movie' }, query: { limit: 20, offset: 0 } },
  });
  const list = document.getElementById('jobs');
  for (const job of data?.jobs ?? []) {
    const item = document.createElement('li');
    item.textContent = `${job.jobId} ${job.status}`;
    list?.append(item);
  }
}

void main();
