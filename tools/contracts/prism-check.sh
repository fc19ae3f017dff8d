#!/usr/bin/env bash
# Runs end-to-end tests through Stoplight Prism as a validating proxy in front of the running
# suite's gateway and reports every response that breaks the merged OpenAPI document.
#
#   tools/contracts/prism-check.sh [e2e spec file ...]    (default: every e2e spec)
#
# Needs the suite running with the e2e settings (see e2e/support/suite-settings.ts) and Prism
# outside the project, e.g. `npm i --prefix /tmp/prism @stoplight/prism-cli` and
# PRISM=/tmp/prism/node_modules/.bin/prism. Prism runs with --errors=false: it forwards every
# request, invalid ones too, and only logs violations. Malformed JSON bodies, which Prism would
# answer itself, and WebSockets go straight to the gateway (e2e/support/api-client.ts).
# Prints the request count and each violation; fails when a response broke the document.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
GATEWAY=${GATEWAY:-http://127.0.0.1:3000}
PORT=${PRISM_PORT:-4010}
PRISM=${PRISM:-prism}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/prism-check.XXXXXX")
LOG=${PRISM_LOG:-$WORK/prism.log}

die() {
  printf 'prism-check: %s\n' "$*" >&2
  exit 1
}

command -v "$PRISM" >/dev/null || die "no Prism at '$PRISM' (set PRISM, see the header of $0)"
curl -fsS "$GATEWAY/health/ready" >/dev/null || die "no ready suite at $GATEWAY (npm start)"
curl -fsS "$GATEWAY/docs-json" -o "$WORK/openapi.json"

FORCE_COLOR=0 "$PRISM" proxy "$WORK/openapi.json" "$GATEWAY" --errors=false --cors=false \
  --host 127.0.0.1 --port "$PORT" >"$LOG" 2>&1 &
prism_pid=$!
trap 'kill "$prism_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q 'Prism is listening' "$LOG" && break
  kill -0 "$prism_pid" 2>/dev/null || die "Prism exited: $(cat "$LOG")"
  sleep 0.5
done
grep -q 'Prism is listening' "$LOG" || die "Prism did not start: $(tail -5 "$LOG")"

tests=0
(cd "$ROOT" && E2E_SUITE=running E2E_GATEWAY_URL="http://127.0.0.1:$PORT" \
  npm run -s test:e2e -- "$@") || tests=$?
kill "$prism_pid" 2>/dev/null || true
wait "$prism_pid" 2>/dev/null || true

# A violation follows its response in the log: name it by the last upstream answer (method
# from the forwarding line of that path). Concurrent requests may interleave, so a violation
# can be named by a neighbour; the log ($LOG) has the full story.
awk '
  /Request received/ { requests++ }
  /> Forwarding "/ {
    match($0, /Forwarding "[a-z]+" request to [^ ]+/)
    split(substr($0, RSTART, RLENGTH), parts, /"| /)
    url = parts[7]; sub(/^https?:\/\/[^\/]+/, "", url); sub(/\.\.\.$/, "", url); sub(/\?.*/, "", url)
    method[url] = toupper(parts[3])
  }
  /The upstream call to .* has returned/ {
    match($0, /call to [^ ]+ has returned [0-9]+/)
    split(substr($0, RSTART, RLENGTH), parts, " ")
    last = method[parts[3]] " " parts[3] " -> " parts[6]
  }
  /Violation: response/ {
    responses++
    sub(/.*Violation: response */, "")
    print "  " last ": " $0
  }
  /Violation: request/ { requestViolations++ }
  END {
    printf "prism-check: %d requests, %d response violation(s), %d request violation(s) (logged, forwarded)\n",
      requests, responses, requestViolations
    exit responses > 0 ? 3 : 0
  }
' "$LOG" || { echo "prism-check: log kept at $LOG" >&2; exit 1; }
[ "$tests" -eq 0 ] || die "the e2e tests failed (exit $tests); log at $LOG"
