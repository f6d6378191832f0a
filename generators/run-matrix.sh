#!/usr/bin/env bash
# The generator matrix: five mainstream OpenAPI code generators each generate from openapi.yaml, the
# output must typecheck under strict tsc, and the zod schemas they emit must accept live bodies from
# the mock and reject a broken job. A spec change that costs any of them a field, a type or an
# endpoint fails here.
#
# The generators live in generators/package.json (exact pins, committed lock) and this script
# installs them with `npm ci` in generators/, so none of them is a dependency of the kit.
# Exit code: 0 when every generator passes, 1 otherwise.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
started=$(date +%s)
cd "$here"

# GENERATORS_SKIP_INSTALL=1 reuses generators/node_modules as it is (for repeated local runs).
if [ "${GENERATORS_SKIP_INSTALL:-}" != 1 ]; then
  t0=$(date +%s)
  # --loglevel=error: orval and @hey-api/openapi-ts declare engines node >=22.18 and npm warns about
  # it on Node 20, where both run (docs/generators.md).
  npm ci --no-audit --no-fund --loglevel=error
  echo "generators: npm ci ($(( $(date +%s) - t0 ))s)"
fi
bin="$here/node_modules/.bin"
# GENERATORS_SPEC=FILE runs the matrix on another spec (e.g. to see a change fail it).
spec="$(cd "$(dirname "${GENERATORS_SPEC:-$root/openapi.yaml}")" && pwd)/$(basename "${GENERATORS_SPEC:-openapi.yaml}")"
export GENERATORS_SPEC="$spec"
rm -rf out
mkdir -p out

failed=()
step() {
  local name="$1"; shift
  local t0=$(date +%s) result=ok
  if ! "$@" > "out/$name.log" 2>&1; then
    cat "out/$name.log" >&2
    failed+=("$name")
    result=FAILED
  fi
  echo "generators: $name $result ($(( $(date +%s) - t0 ))s)"
}

step openapi-typescript "$bin/openapi-typescript" "$spec" -o out/openapi-typescript/schema.ts
step hey-api "$bin/openapi-ts" -f openapi-ts.config.mjs
step orval "$bin/orval" --config orval.config.mjs
# The schemas-only template: the default one wraps the schemas in a Zodios client, whose
# @zodios/core requires zod 3, beside the zod 4 the other generators write for.
mkdir -p out/openapi-zod-client
step openapi-zod-client "$bin/openapi-zod-client" "$spec" -o out/openapi-zod-client/schemas.ts \
  -t node_modules/openapi-zod-client/src/templates/schemas-only.hbs --export-schemas
# typed-openapi joins -o to the working directory, so it takes a relative path.
mkdir -p out/typed-openapi
step typed-openapi "$bin/typed-openapi" "$spec" -r zod -o out/typed-openapi/api.ts

# Every output and the type-level assertions about it (types/*.ts), under strict settings.
step tsc node typecheck.mjs
# Runtime: the zod schemas against live bodies of the mock.
step runtime-schemas node --import tsx --test "$here/check-runtime-schemas.ts"

elapsed=$(( $(date +%s) - started ))
if [ "${#failed[@]}" -gt 0 ]; then
  echo "generators: FAILED: ${failed[*]} (${elapsed}s; logs in generators/out/)" >&2
  exit 1
fi
echo "generators: all passed (${elapsed}s)"
