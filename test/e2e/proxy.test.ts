/**
 * `ges-mock proxy` in Debian's Chromium: a page of another origin fetches the job list through the
 * proxy in front of a broken engine (CORS preflight and all), reads the X-Ges-Violations header of
 * the answer, and lists what GET /__mock/violations says.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createLiveJudge } from '../../contracts/live/create-live-judge.js';
import { createGesProxy, type GesProxy } from '../../src/proxy/create-ges-proxy.js';
import type { GesServer } from '../../src/server/start-ges-server.js';
import { PROJECT, TOKEN, startCorruptServer } from '../contracts/support/corrupt-server.js';
import { mutants } from '../contracts/support/mutants.js';
import { describeInChromium, launchChromium } from './support/chromium.js';

/** The page: fetches through the proxy named in its query, then lists the proxy's violations. */
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>Jobs through the proxy</title>
<p id="jobs"></p>
<p id="marked"></p>
<ul id="violations"></ul>
<script>
  const proxy = new URLSearchParams(location.search).get('proxy');
  (async () => {
    const answer = await fetch(proxy + '/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=5', { headers: { 'X-Auth-Token': '${TOKEN}' } });
    const { jobs } = await answer.json();
    document.getElementById('jobs').textContent = jobs.length + ' jobs';
    document.getElementById('marked').textContent = answer.headers.get('X-Ges-Violations') ?? 'no header';
    const { violations } = await (await fetch(proxy + '/__mock/violations')).json();
    for (const violation of violations) {
      const item = document.createElement('li');
      item.textContent = violation.level + ' ' + violation.check + ': ' + violation.message;
      document.getElementById('violations').append(item);
    }
    document.body.dataset.done = 'yes';
  })();
</script>`;

describeInChromium('ges-mock proxy in Chromium', (executablePath) => {
  let browser: Browser;
  let upstream: GesServer;
  let proxy: GesProxy;
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    upstream = await startCorruptServer(mutants.find((mutant) => mutant.name === 'progress as a boolean')?.corrupt);
    proxy = await createGesProxy({ upstream: upstream.url, port: 0, judge: createLiveJudge(), violationsHeader: true });
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    browser = await launchChromium(executablePath);
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await upstream?.close();
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  });

  test("a page of another origin fetching through the proxy gets the engine's answer, marked, and lists its violations", async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}?proxy=${encodeURIComponent(proxy.url)}`);
    await page.waitForSelector('body[data-done="yes"]');
    expect(await page.textContent('#jobs')).toBe('5 jobs');
    const marked = JSON.parse((await page.textContent('#marked')) ?? '[]') as { check: string; level: string }[];
    expect(marked.map((violation) => violation.check)).toContain('response_schema_conformance');
    const listed = await page.locator('#violations li').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((text) => text.startsWith('must response_schema_conformance: listJobs 200: jobs[0].progress'))).toBe(true);
    expect(listed.some((text) => text.startsWith('must progress_matches_status: '))).toBe(true);
    // The preflight, the list and the violations were answered by the proxy; the list reached the engine.
    expect(proxy.api.requests({ operationId: 'listJobs' })).toMatchObject([{ status: 200, requestHeaders: { 'x-auth-token': '***' } }]);
    await page.close();
  });
});
