/** HEAD through the transport-free API itself: every GET route answers it, synchronously or after latency. */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createApi } from '../../src/http/create-api.js';
import { utf8Length } from '../../src/engine/utf8-length.js';
import { PROJECT } from '../support/api-client.js';

const headers = { 'x-auth-token': 't', origin: 'http://localhost:5173' };
const list = `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=3`;

describe('HEAD in createApi', () => {
  it('answers HEAD with the GET status and headers, the GET body length, and no body', async () => {
    const api = createApi({ clock: createManualClock() });
    for (const url of [
      list,
      `/ges/v1.0/${PROJECT}/graphs/movie/jobs/no-such-job/status`,
      '/__mock/state',
      '/__mock/',
      `${list}&__code=503`,
    ]) {
      const get = await api.handle({ method: 'GET', url, headers });
      const head = await api.handle({ method: 'HEAD', url, headers });
      expect(head.status, url).toBe(get.status);
      expect(head.headers, url).toEqual({ ...get.headers, 'content-length': String(utf8Length(get.body!)) });
      expect(head.body, url).toBeUndefined();
    }
  });

  it('answers HEAD after injected latency like the GET, and 404 where no GET route exists', async () => {
    const api = createApi({ clock: createManualClock(), faults: { latency: { fixedMs: 1 } } });
    const head = api.handle({ method: 'HEAD', url: list, headers });
    expect(head).toBeInstanceOf(Promise);
    const answered = await head;
    expect(answered.status).toBe(200);
    expect(answered.body).toBeUndefined();
    expect(Number(answered.headers['content-length'])).toBeGreaterThan(0);

    const action = await api.handle({
      method: 'HEAD',
      url: `/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`,
      headers,
    });
    expect(action.status).toBe(404);
    expect(action.body).toBeUndefined();
  });
});
