/**
 * `ges-mock proxy` under test, in its own process: createGesProxy on port 0 in front of `--upstream`,
 * judging with the live judge unless `--judge off`; `--judge header` judges each answer before it is
 * sent (the X-Ges-Violations header), as `--violations-header` does. Reports its URL to the parent.
 */
import { parseArgs } from 'node:util';
import { createLiveJudge } from '../../contracts/live/create-live-judge.js';
import { createGesProxy } from '../../src/proxy/create-ges-proxy.js';
import { runChild } from '../lib/child-channel.js';

runChild('ready', async () => {
  const { values } = parseArgs({ options: { upstream: { type: 'string' }, judge: { type: 'string', default: 'on' } } });
  if (values.upstream === undefined) throw new Error('--upstream is required');
  const judge = values.judge === 'off' ? undefined : createLiveJudge();
  const proxy = await createGesProxy({
    upstream: values.upstream,
    port: 0,
    host: '127.0.0.1',
    judge,
    violationsHeader: values.judge === 'header',
  });
  return { answer: { url: proxy.url }, cleanup: () => proxy.close() };
});
