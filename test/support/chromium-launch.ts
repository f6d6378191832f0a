/**
 * How every browser suite of the repository launches Debian's Chromium (never a downloaded browser):
 * the flags for a headless Chromium in a container with no network beyond localhost, and where the
 * executable is. No test runner is imported here, so vitest's e2e helpers and Playwright's config
 * both use it.
 */
import { existsSync } from 'node:fs';

/** Flags for a headless Chromium in a container with no network beyond localhost. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Chromium executable to drive, or undefined when none is installed. GES_CHROMIUM_PATH, when
 * set, is the only candidate (so a wrong path shows up as a missing browser, not a silent fallback).
 */
export function findChromium(): string | undefined {
  const override = process.env.GES_CHROMIUM_PATH;
  const candidates = override ? [override] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => existsSync(path));
}
