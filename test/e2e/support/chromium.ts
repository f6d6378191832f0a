/**
 * Finding and launching the browser for the e2e suite. Always Debian's Chromium (or the one named by
 * GES_CHROMIUM_PATH), never a browser download. Without one the suite skips loudly; with CI=true a
 * missing browser fails the run, so CI can never go green without having run the browser tests.
 */
import { describe, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../support/chromium-launch.js';

/** Launches headless Chromium at `executablePath`. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

/**
 * `describe` for a browser suite: runs `body` with the Chromium path when one is found; otherwise
 * prints a loud notice and skips, or, with CI=true, registers a failing test instead.
 */
export function describeInChromium(name: string, body: (executablePath: string) => void): void {
  const executablePath = findChromium();
  if (executablePath) {
    describe(name, () => body(executablePath));
    return;
  }
  const notice =
    `\n${'!'.repeat(78)}\n!! NO CHROMIUM: "${name}" did not run.\n` +
    `!! Install Debian's browser (apt-get install chromium) or set GES_CHROMIUM_PATH.\n${'!'.repeat(78)}\n`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('has a Chromium to run in (required when CI=true)', () => {
        throw new Error(notice);
      });
    });
    return;
  }
  console.warn(notice);
  // Deliberate: without a browser on a developer's machine the suite is reported as skipped, loudly
  // (above); under CI=true the branch before this one fails instead.
  describe.skip(`${name} (skipped: no Chromium found)`, () => body(''));
}
