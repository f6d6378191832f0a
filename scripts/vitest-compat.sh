#!/usr/bin/env bash
# defineContractTests on vitest 3.2 (the oldest of the peer range) and on the repository's vitest 4:
# installs vitest@3.2 into a temporary folder (npm registry needed), then runs the defineContractTests
# fixture suite with each vitest and checks what a team sees in the default reporter: a misconfigured
# target fails the preflight test alone, a SHOULD finding passes with its warning printed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VITEST3="${GES_VITEST3_VERSION:-3.2.7}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$ROOT"

echo "vitest-compat: installing vitest@$VITEST3 into $TMP"
npm install --prefix "$TMP" --no-save --no-audit --no-fund --loglevel=error "vitest@$VITEST3" >/dev/null

CONFIG="test/contracts/support/vitest-suite/vitest.config.mjs"
fail=0
check() { # name, output, expected exit, got exit, must-contain...
  local name="$1" out="$2" want="$3" got="$4"
  shift 4
  if [ "$got" != "$want" ]; then echo "FAIL $name: exit $got, expected $want"; fail=1; fi
  for needle in "$@"; do
    # "re:" needles are extended regular expressions; the others are matched as written.
    if [[ "$needle" == re:* ]]; then
      if ! grep -qE -- "${needle#re:}" <<<"$out"; then echo "FAIL $name: output lacks a match of: ${needle#re:}"; fail=1; fi
    elif ! grep -qF -- "$needle" <<<"$out"; then echo "FAIL $name: output lacks: $needle"; fail=1; fi
  done
  [ "$fail" = 0 ] && echo "ok   $name"
}

run_with() { # label, vitest entry script, alias entry (empty: none), mode
  local label="$1" bin="$2" alias="$3" mode="$4" out code
  set +e
  out="$(GES_FIXTURE_MODE="$mode" GES_VITEST_ENTRY="$alias" NO_COLOR=1 node "$bin" run --config "$CONFIG" --reporter=default 2>&1)"
  code=$?
  set -e
  case "$mode" in
    misconfigured) check "$label: misconfigured target fails the preflight test alone" "$out" 1 "$code" \
      "Misconfiguration (graph), nothing was checked" "re:Tests +1 failed \\| ${SKIPPED_ALL} skipped \\(${TESTS}\\)" ;;
    warning) check "$label: a SHOULD finding passes, its warning visible in the default reporter" "$out" 0 "$code" \
      "WARNING (should) newest_first_order" "re:Tests +[0-9]+ passed \\| [0-9]+ skipped \\(${TESTS}\\)" ;;
  esac
}

# One test per contract check plus the preflight: a misconfigured target fails the preflight alone
# and skips every check; a working one passes or skips each (mutating checks skip), none fails.
CHECKS="$(npx tsx -e "import { contractChecks } from './contracts/contract-checks.ts'; console.log(contractChecks.length)")"
TESTS=$((CHECKS + 1))
SKIPPED_ALL="$CHECKS"
V3_VERSION="$(node -p "require('$TMP/node_modules/vitest/package.json').version")"
V4_VERSION="$(node -p "require('./node_modules/vitest/package.json').version")"
for mode in misconfigured warning; do
  run_with "vitest $V3_VERSION" "$TMP/node_modules/vitest/vitest.mjs" "$TMP/node_modules/vitest/dist/index.js" "$mode"
  run_with "vitest $V4_VERSION" "node_modules/vitest/vitest.mjs" "" "$mode"
done
exit "$fail"
