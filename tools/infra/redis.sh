#!/usr/bin/env bash
# Makes sure Redis answers on REDIS_HOST:REDIS_PORT (default 127.0.0.1:6379),
# starting a throwaway, non-persistent local redis-server when it does not.
#
#   tools/infra/redis.sh ensure
set -euo pipefail

LOG_NAME=redis
# shellcheck source=../lib/script-basics.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/script-basics.sh"

REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
DATA_DIR=/var/lib/redis
LOG_FILE=/var/log/redis/ci.log
READY_TIMEOUT=15

usage() {
  echo "usage: $0 ensure" >&2
  exit 2
}

ready() {
  local reply
  reply=$(timeout 5 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null) || return 1
  [[ $reply == PONG ]]
}

start_local() {
  case $REDIS_HOST in
    127.0.0.1 | localhost) ;;
    *) die "$REDIS_HOST:$REDIS_PORT does not answer and is not a local server this script could start" ;;
  esac
  command -v redis-server >/dev/null || die "nothing answers on $REDIS_HOST:$REDIS_PORT and redis-server is not installed"

  log "starting redis-server on port $REDIS_PORT"
  mkdir -p "$DATA_DIR" "${LOG_FILE%/*}"
  # "-::1": bind IPv6 loopback only where the machine has it.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
    --save "" --appendonly no --dir "$DATA_DIR" --logfile "$LOG_FILE"

  local deadline=$((SECONDS + READY_TIMEOUT))
  until ready; do
    if ((SECONDS >= deadline)); then
      tail -n 20 "$LOG_FILE" >&2 || true
      die "redis-server did not answer PING on $REDIS_HOST:$REDIS_PORT within ${READY_TIMEOUT}s"
    fi
    sleep 0.5
  done
}

ensure() {
  command -v redis-cli >/dev/null || die "redis-cli is not installed"
  ready || start_local
  log "ready on $REDIS_HOST:$REDIS_PORT"
}

[[ $# -eq 1 && $1 == ensure ]] || usage
ensure
