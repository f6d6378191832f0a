// Per-story fixtures: each story's handlers sit over an API of its own, holding exactly its jobs.
/// <reference types="msw-storybook-addon/csf3" />
import type { Meta, StoryObj } from '@storybook/html-vite';
import { defineFixtures, type FixtureDocument } from 'ges-jobs-kit';
import { createGesHandlers } from 'ges-jobs-kit/msw';

const LIST = '/ges/v1.0/0123456789abcdef0123456789abcdef/graphs/movie/jobs/status';

/** A tiny job list, standing in for the component under development. */
function renderJobList(): HTMLElement {
  const list = document.createElement('ul');
  list.id = 'jobs';
  void fetch(LIST, { headers: { 'X-Auth-Token': 'x' } })
    .then((answer) => answer.json() as Promise<{ jobs: { status: string; failReason?: string }[] }>)
    .then(({ jobs }) => {
      for (const job of jobs) {
        const item = document.createElement('li');
        item.textContent = `${job.status}${job.failReason ? `: ${job.failReason}` : ''}`;
        list.append(item);
      }
    });
  return list;
}

/** A story's `beforeEach`: the kit's handlers over an API holding exactly these jobs. */
const withJobs =
  (fixtures: FixtureDocument): NonNullable<StoryObj['beforeEach']> =>
  ({ msw }) => {
    msw.use(...createGesHandlers({ fixtures }));
  };

const meta: Meta = { title: 'Job list', render: renderJobList };
export default meta;

export const FailedJob: StoryObj = {
  beforeEach: withJobs(
    defineFixtures({ graphs: { movie: { jobs: [{ status: 'failed', failReason: 'Running algorithm [pagerank] error: story one' }] } } }),
  ),
};

export const RunningImport: StoryObj = {
  beforeEach: withJobs(
    defineFixtures({ graphs: { movie: { jobs: [{ taskType: 'ImportGraph', status: 'running', startedAgo: '2m', runFor: '10m' }] } } }),
  ),
};
