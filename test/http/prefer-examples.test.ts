import { describe, expect, it } from 'vitest';
import { getResponseExamples } from '../../src/spec/spec-examples.js';
import { call, createTestApi, envelope, MOVIE } from '../support/api-client.js';

const api = createTestApi();
const LIST = `${MOVIE}/jobs/status`;

describe('Prism-style Prefer controls', () => {
  it('answers Prefer: code=400 with the first documented 400 example, without a token', async () => {
    const answer = await call(api, 'GET', LIST, { headers: { prefer: 'code=400' } });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(getResponseExamples('listJobs', '400')[0]!.value);
    expect(answer.headers['x-mock-example']).toBe('GraphNotFound');
  });

  it('answers Prefer: code=200, example=SeedExample with the GES page example unchanged', async () => {
    const answer = await call(api, 'GET', LIST, { headers: { prefer: 'code=200, example=SeedExample' } });
    expect(answer.status).toBe(200);
    expect(answer.json.jobCount).toBe(3);
    expect(answer.json).toEqual(getResponseExamples('listJobs', '200').find((e) => e.name === 'SeedExample')!.value);
  });

  it('finds an example by name alone across the statuses', async () => {
    const answer = await call(api, 'GET', LIST, { headers: { prefer: 'example="ParameterOutOfRange"' } });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(envelope('GES.8005'));
  });

  it.each([
    ['__code=503', 503, 'GES.8602'],
    ['__code=401', 401, 'GES.8007'],
    ['__example=NoSuchApi', 404, 'GES.8000'],
    ['__code=403&__example=NoPermission', 403, 'GES.8020'],
  ])('honours ?%s when there is no Prefer header', async (query, status, code) => {
    const answer = await call(api, 'GET', `${LIST}?${query}`, { headers: {} });
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual(envelope(code));
  });

  it('prefers the header over the query parameters', async () => {
    const answer = await call(api, 'GET', `${LIST}?__code=500`, { headers: { prefer: 'code=401' } });
    expect(answer.status).toBe(401);
  });

  it('works on every operation, e.g. the cancel example', async () => {
    const answer = await call(api, 'DELETE', `${MOVIE}/jobs/x`, { headers: { prefer: 'code=400, example=NothingToCancel' } });
    expect(answer.json.errorCode).toBe('GES.8303');
  });

  it.each([
    ['code=418', /code=418 is not documented for listJobs; documented: 200, 400, 401, 403, 404, 500, 503/],
    ['code=abc', /code=abc is not documented/],
    ['code=200, example=Nope', /example=Nope is not documented for listJobs 200; documented: SeedExample, RunningAndPending/],
    ['example=Nope', /example=Nope is not documented for listJobs; documented: SeedExample \(200\)/],
  ])('answers an undocumented preference (%s) with 400 GES.8000 naming what is documented', async (prefer, message) => {
    const answer = await call(api, 'GET', LIST, { headers: { prefer } });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(envelope('GES.8000'));
    expect(answer.json.errorMessage).toMatch(message);
  });

  it('ignores Prefer values it does not know (return=minimal) and answers normally', async () => {
    const answer = await call(api, 'GET', `${LIST}?limit=1`, { headers: { prefer: 'return=minimal', 'x-auth-token': 't' } });
    expect(answer.status).toBe(200);
    expect(answer.json.jobCount).toBe(60);
  });

  it('still routes first: Prefer on an unknown path is a 404', async () => {
    expect((await call(api, 'GET', `${MOVIE}/nope`, { headers: { prefer: 'code=200' } })).status).toBe(404);
  });
});
