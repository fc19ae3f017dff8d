#!/usr/bin/env bash
# Brings up the whole suite in the foreground: dependencies, infrastructure, build, the seven
# apps. Prints one line when all seven are ready; Ctrl-C (SIGINT/SIGTERM) stops everything.
# Once up, an app that dies is restarted with backoff while the others keep running.
# Per-app logs: .local/logs/<app>.log, the previous runs' as <app>.log.1 (newest) ... .5;
# pids in .local/run/<app>.pid. Settings in the environment (ADMIN_EMAILS, RATE_LIMIT_*,
# ...) reach every app; ports come from GATEWAY_PORT, USER_PORT, ... (defaults 3000-3006).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export SCARF_ANALYTICS=false NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
LOCAL_DIR="${RENDEZVOUS_LOCAL_DIR:-$ROOT/.local}"
LOG_DIR="$LOCAL_DIR/logs"
PID_DIR="$LOCAL_DIR/run"
LOGS_KEPT=5
READY_TIMEOUT=${START_READY_TIMEOUT:-180}
# Restart delays double from the first to the cap; a run this long counts as healthy again.
RESTART_FIRST_DELAY=1
RESTART_MAX_DELAY=30
STABLE_AFTER=60
APPS=(user event matching proximity reco booking-agent gateway)
declare -A DEFAULT_PORTS=([gateway]=3000 [user]=3001 [event]=3002 [matching]=3003 [proximity]=3004 [reco]=3005 [booking-agent]=3006)

say() { printf 'rendezvous: %s\n' "$*"; }

port_of() {
  local var
  var="$(echo "$1" | tr 'a-z-' 'A-Z_')_PORT"
  echo "${!var:-${DEFAULT_PORTS[$1]}}"
}

bash tools/ensure-dependencies.sh
NODE="$ROOT/node_modules/.bin/node"

kafka_was_running=0
bash tools/kafka/kafka.sh status >/dev/null 2>&1 && kafka_was_running=1
zipkin_was_running=0
bash tools/zipkin/zipkin.sh status >/dev/null 2>&1 && zipkin_was_running=1
bash tools/infra/up.sh

# Another suite (or anything else) on our ports would answer the readiness checks in our place.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for app in "${APPS[@]}"; do
  if port_busy "$(port_of "$app")"; then
    say "port $(port_of "$app") ($app) is already in use; stop what holds it or set $(echo "$app" | tr 'a-z-' 'A-Z_')_PORT" >&2
    exit 1
  fi
done

say "building"
npx nx run-many -t build --outputStyle=static >/dev/null

mkdir -p "$LOG_DIR" "$PID_DIR"
declare -A PIDS=() STARTED_AT=()
stopping=0

stop_all() {
  local code=${1:-0}
  [ "$stopping" = 1 ] && return
  stopping=1
  trap - INT TERM
  say "stopping"
  for app in "${!PIDS[@]}"; do kill -TERM "${PIDS[$app]}" 2>/dev/null || true; done
  for app in "${!PIDS[@]}"; do wait "${PIDS[$app]}" 2>/dev/null || true; done
  for app in "${APPS[@]}"; do rm -f "$PID_DIR/$app.pid"; done
  if [ "$kafka_was_running" = 0 ]; then bash tools/kafka/kafka.sh stop >/dev/null || true; fi
  if [ "$zipkin_was_running" = 0 ]; then bash tools/zipkin/zipkin.sh stop >/dev/null || true; fi
  say "stopped"
  exit "$code"
}
trap 'stop_all 0' INT TERM

gateway_port=$(port_of gateway)
upstream_env=()
for app in user event matching proximity reco booking-agent; do
  var="$(echo "$app" | tr 'a-z-' 'A-Z_')_SERVICE_URL"
  upstream_env+=("$var=${!var:-http://127.0.0.1:$(port_of "$app")}")
done
upstream_env+=("JWKS_URL=${JWKS_URL:-http://127.0.0.1:$(port_of user)/api/v1/.well-known/jwks.json}")

# <app>.log becomes <app>.log.1, .1 becomes .2, ...; the oldest beyond LOGS_KEPT is dropped.
rotate_log() {
  local log="$LOG_DIR/$1.log" i
  for ((i = LOGS_KEPT - 1; i >= 1; i--)); do
    if [ -f "$log.$i" ]; then mv -f "$log.$i" "$log.$((i + 1))"; fi
  done
  if [ -f "$log" ]; then mv -f "$log" "$log.1"; fi
}

start_app() {
  local app=$1
  rotate_log "$app"
  # Traces go to the local Zipkin (http://127.0.0.1:9411) unless TRACING_EXPORTER says otherwise.
  # The image's young-generation size (Dockerfile); NODE_OPTIONS given here can override it.
  env "${upstream_env[@]}" PORT="$(port_of "$app")" LOG_FORMAT="${LOG_FORMAT:-json}" \
    TRACING_EXPORTER="${TRACING_EXPORTER:-zipkin}" \
    NODE_OPTIONS="--max-semi-space-size=16${NODE_OPTIONS:+ $NODE_OPTIONS}" \
    "$NODE" "dist/apps/$app/src/main.js" >"$LOG_DIR/$app.log" 2>&1 &
  PIDS[$app]=$!
  STARTED_AT[$app]=$SECONDS
  echo "${PIDS[$app]}" >"$PID_DIR/$app.pid"
}

for app in "${APPS[@]}"; do start_app "$app"; done

is_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null; }

deadline=$((SECONDS + READY_TIMEOUT))
pending=("${APPS[@]}")
while [ ${#pending[@]} -gt 0 ]; do
  still=()
  for app in "${pending[@]}"; do
    if ! kill -0 "${PIDS[$app]}" 2>/dev/null; then
      say "$app exited during start; last lines of $LOG_DIR/$app.log:"
      tail -n 20 "$LOG_DIR/$app.log" >&2 || true
      stop_all 1
    fi
    is_ready "$(port_of "$app")" || still+=("$app")
  done
  pending=("${still[@]}")
  [ ${#pending[@]} -eq 0 ] && break
  if [ $SECONDS -gt $deadline ]; then
    say "not ready after ${READY_TIMEOUT}s: ${pending[*]} (logs in $LOG_DIR)"
    stop_all 1
  fi
  sleep 0.5
done

say "ready: all seven services up; gateway on http://127.0.0.1:$gateway_port (logs in $LOG_DIR)"

# From a status as `wait` returns it: "signal KILL" or "code 1".
describe_exit() {
  if [ "$1" -gt 128 ]; then echo "signal $(kill -l "$1")"; else echo "code $1"; fi
}

# Stay in the foreground and restart an app that dies; the others keep running.
declare -A NEXT_DELAY=() RESTART_AT=() RESTARTED=()
while true; do
  for app in "${APPS[@]}"; do
    if [ -n "${RESTART_AT[$app]:-}" ]; then
      if [ $SECONDS -ge "${RESTART_AT[$app]}" ]; then
        unset "RESTART_AT[$app]"
        start_app "$app"
        RESTARTED[$app]=1
      fi
    elif ! kill -0 "${PIDS[$app]}" 2>/dev/null; then
      status=0
      wait "${PIDS[$app]}" || status=$?
      delay=${NEXT_DELAY[$app]:-$RESTART_FIRST_DELAY}
      if [ $((SECONDS - STARTED_AT[$app])) -ge $STABLE_AFTER ]; then delay=$RESTART_FIRST_DELAY; fi
      NEXT_DELAY[$app]=$((delay * 2 < RESTART_MAX_DELAY ? delay * 2 : RESTART_MAX_DELAY))
      RESTART_AT[$app]=$((SECONDS + delay))
      unset "RESTARTED[$app]"
      say "$app exited ($(describe_exit "$status")); restarting in $delay s (that run's log becomes $LOG_DIR/$app.log.1)"
    elif [ -n "${RESTARTED[$app]:-}" ] && is_ready "$(port_of "$app")"; then
      unset "RESTARTED[$app]"
      say "$app is ready again"
    fi
  done
  sleep 0.5
done
