#!/usr/bin/env bash
# The Zipkin server (in-memory storage) on 127.0.0.1:9411, run from its exec jar on Maven
# Central like the Kafka broker: the services export traces to it when TRACING_EXPORTER=zipkin.
#
#   tools/zipkin/zipkin.sh start|stop|status
#
# State lives in ${RENDEZVOUS_LOCAL_DIR:-<repo>/.local}/zipkin.
# Env: ZIPKIN_PORT (default 9411), ZIPKIN_HEAP_OPTS (default "-Xms64m -Xmx384m"),
# ZIPKIN_START_TIMEOUT (seconds, default 90), JAVA_HOME.
set -euo pipefail

LOG_NAME=zipkin
# shellcheck source=../lib/script-basics.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/script-basics.sh"

STATE_DIR=$LOCAL_DIR/zipkin
PID_FILE=$STATE_DIR/zipkin.pid
LOG_FILE=$STATE_DIR/zipkin.log
LOCK_FILE=$STATE_DIR/.lock

VERSION=3.5.1
JAR=$STATE_DIR/zipkin-server-$VERSION-exec.jar
HOST=127.0.0.1
PORT=${ZIPKIN_PORT:-9411}
HEAP_OPTS=${ZIPKIN_HEAP_OPTS:--Xms64m -Xmx384m}
START_TIMEOUT=${ZIPKIN_START_TIMEOUT:-90}

healthy() {
  curl -fsS --max-time 2 "http://$HOST:$PORT/health" 2>/dev/null | grep -q '"UP"'
}

running_pid() {
  local pid
  [[ -s $PID_FILE ]] || return 1
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "zipkin-server-$VERSION" || return 1
  echo "$pid"
}

ensure_jar() {
  [[ -s $JAR ]] && return 0
  command -v mvn >/dev/null || die "mvn is needed to fetch the Zipkin server but is not on PATH"
  log "fetching io.zipkin:zipkin-server:$VERSION:exec with Maven"
  if ! mvn -q -B -Dstyle.color=never "$MAVEN_DEPENDENCY_PLUGIN:copy" \
    -Dartifact="io.zipkin:zipkin-server:$VERSION:jar:exec" \
    -DoutputDirectory="$STATE_DIR" >"$STATE_DIR/maven.log" 2>&1; then
    tail -n 30 "$STATE_DIR/maven.log" >&2
    die "Maven could not fetch the Zipkin server (full output in $STATE_DIR/maven.log)"
  fi
}

start() {
  if healthy; then
    log "already up on $HOST:$PORT"
    return 0
  fi
  ensure_jar
  local pid waited=0
  if ! pid=$(running_pid); then
    # shellcheck disable=SC2086 # HEAP_OPTS holds several flags
    # 9>&-: the server must not inherit (and hold for its lifetime) this script's lock.
    STORAGE_TYPE=mem MEM_MAX_SPANS=50000 QUERY_PORT=$PORT nohup "$JAVA" $HEAP_OPTS \
      -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" >"$LOG_FILE" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$PID_FILE"
  fi
  until healthy; do
    kill -0 "$pid" 2>/dev/null || {
      tail -n 30 "$LOG_FILE" >&2
      die "the server exited while starting (log: $LOG_FILE)"
    }
    ((waited++ < START_TIMEOUT * 2)) || die "not healthy after ${START_TIMEOUT}s (log: $LOG_FILE)"
    sleep 0.5
  done
  log "ready on http://$HOST:$PORT (pid $pid)"
}

stop() {
  local pid
  if pid=$(running_pid); then
    kill "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    log "stopped"
  fi
  rm -f "$PID_FILE"
}

mkdir -p "$STATE_DIR"
exec 9>"$LOCK_FILE"
flock -w $((START_TIMEOUT + 30)) 9 || die "timed out waiting for another zipkin.sh"
case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) healthy && log "up on $HOST:$PORT" || { log "down"; exit 1; } ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
