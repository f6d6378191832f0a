// playwright-msw with the kit's handlers: @playwright/test drives Debian's Chromium (never a download).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: ['playwright-msw/*.spec.ts', 'storybook/*.spec.ts'],
  workers: 2,
  fullyParallel: true,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.GES_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
