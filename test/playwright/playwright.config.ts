/**
 * `npm run test:playwright`: the Playwright fixture (`ges-jobs-kit/playwright`) with two workers in
 * both forms, in process and on one shared `ges-mock serve --port 0` started as a webServer (it
 * waits on the banner, which names the URL: a webServer cannot wait on a ready file). Runs Debian's
 * Chromium; no browser is downloaded.
 */
import { defineConfig } from '@playwright/test';
import type { GesWorkerFixtures } from '../../src/playwright/index.js';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium-launch.js';

export default defineConfig<unknown, GesWorkerFixtures>({
  testDir: '.',
  testMatch: '*.pw.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: 'list',
  outputDir: '../../node_modules/.cache/playwright-results',
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: findChromium() ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    command: 'node --import tsx cli/ges-mock.ts serve --port 0 --quiet',
    cwd: '../..',
    // The banner names the URL; the named group lands in the environment as GES_SERVER.
    wait: { stdout: /listening on (?<ges_server>http:\/\/[^\s]+)/ },
    stdout: 'pipe',
    timeout: 60_000,
  },
  projects: [
    { name: 'in-process', testMatch: '*.pw.ts' },
    // Workers load this file again once the webServer is up, so they see its URL.
    {
      name: 'shared-server',
      testMatch: '*.pw.ts',
      use: { gesServer: process.env['GES_SERVER'] ?? 'http://webserver-not-started.invalid' },
    },
  ],
});
