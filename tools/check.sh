#!/usr/bin/env bash
# Everything CI checks, in order: install, infrastructure, format, lint, typecheck, build,
# unit, integration and end-to-end tests (also on secured infrastructure), then a subset of the
# fault suite. Ends with the line
# `tests: N passed, N failed`.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export SCARF_ANALYTICS=false NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

step() { printf '\n== %s\n' "$*"; }

step "dependencies"
bash tools/ensure-dependencies.sh

step "infrastructure"
bash tools/infra/up.sh

step "format"
npx prettier --check . --log-level warn

step "lint, typecheck, build"
# CI checks everything afresh; locally Nx's cache skips what did not change.
cache=()
[ -n "${CI:-}" ] && cache=(--skip-nx-cache)
npx nx run-many -t lint typecheck build --outputStyle=static --parallel=2 "${cache[@]}"

# Unit and integration tests first, then the end-to-end tests against one running suite (their
# own Jest run, so no test app shares consumer groups with the running suite).
step "tests: unit, integration"
# The alerting rules' tests run Debian's promtool.
bash tools/ensure-promtool.sh
mkdir -p .local
RENDEZVOUS_TEST_COUNTS=$(mktemp "$ROOT/.local/test-counts.XXXXXX")
export RENDEZVOUS_TEST_COUNTS
trap 'rm -f "$RENDEZVOUS_TEST_COUNTS"' EXIT
status=0
npm run -s test:fast || status=$?
# The admin portal's component and unit tests (Vitest, jsdom); their counts join the verdict.
npm run -s test:portal || status=$?
step "tests: end-to-end"
# The admin portal's browser tests drive Debian's Chromium.
bash tools/ensure-chromium.sh
npm run -s test:e2e || status=$?
step "tests: end-to-end on secured infrastructure"
# Its own PostgreSQL, Redis and Kafka, TLS-only with passwords (tools/infra/secured.sh): the
# whole suite on them alone, a smoke test and an event round trip.
npm run -s test:secured || status=$?
# A few minutes of the fault suite (npm run test:faults runs all of it): it kills processes and
# restarts Redis, so it runs last, against a suite of its own.
step "tests: faults (CI subset)"
FAULTS_SCOPE=ci npm run -s test:faults || status=$?
echo
if [ -s "$RENDEZVOUS_TEST_COUNTS" ]; then
  awk '{ p += $1; f += $2 } END { printf "tests: %d passed, %d failed\n", p, f }' "$RENDEZVOUS_TEST_COUNTS"
else
  echo "tests: 0 passed, 1 failed"
fi
exit "$status"
