#!/usr/bin/env bash
# The documented recipes, run against the packed kit in their own project (recipes/package.json, exact
# pins, committed lock), so none of their tools is a dependency of the kit:
#   - Vitest browser mode with setupGesWorker (vitest-browser/), in Debian's Chromium;
#   - playwright-msw with createGesHandlers (playwright-msw/), including the one cast its CommonJS types need;
#   - Storybook (html-vite) with msw-storybook-addon and per-story fixtures (storybook/), built, then
#     each story opened in Chromium.
# Everything is typechecked first under strict settings with exactOptionalPropertyTypes.
# Exit code: 0 when every recipe passes.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
started=$(date +%s)
step() { echo "recipes [$(( $(date +%s) - started ))s]: $*"; }
cd "$here"

if [ "${RECIPES_SKIP_INSTALL:-}" != 1 ]; then
  npm ci --no-audit --no-fund --loglevel=error
  step "npm ci"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# RECIPES_TARBALL=FILE reuses a packed kit (npm run test:consumer packs one too).
tarball="${RECIPES_TARBALL:-}"
if [ -z "$tarball" ]; then
  (cd "$root" && npm pack --pack-destination "$tmp" --silent >/dev/null)
  tarball="$(ls "$tmp"/*.tgz)"
  step "npm pack"
fi
npm install --no-save --no-audit --no-fund --loglevel=error "$tarball"
mkdir -p public
npx msw init public --no-save >/dev/null
step "installed the kit and msw's worker script"

npx tsc -p tsconfig.json
step "typecheck ok"
npx vitest run --config vitest-browser/vitest.config.ts
step "vitest browser mode ok"
STORYBOOK_DISABLE_TELEMETRY=1 npx storybook build -o storybook-static --quiet >"$tmp/storybook.log" 2>&1 || { cat "$tmp/storybook.log"; exit 1; }
step "storybook build ok"
npx playwright test
step "playwright-msw and storybook in Chromium ok; passed"
