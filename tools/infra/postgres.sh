#!/usr/bin/env bash
# Makes sure PostgreSQL answers and the project's databases exist.
#
#   tools/infra/postgres.sh ensure [extra_database ...]
#
# Connects with PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres); a
# local cluster that is down is started with pg_ctlcluster (Debian layout).
set -euo pipefail

LOG_NAME=postgres
# shellcheck source=../lib/script-basics.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/script-basics.sh"

export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-postgres}
READY_TIMEOUT=30

DATABASES=(
  rendezvous_user
  rendezvous_event
  rendezvous_matching
  rendezvous_proximity
  rendezvous_reco
  rendezvous_booking_agent
)

usage() {
  echo "usage: $0 ensure [extra_database ...]" >&2
  exit 2
}

ready() {
  pg_isready -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER"
}

start_local_cluster() {
  case $PGHOST in
    127.0.0.1 | localhost | ::1 | /*) ;;
    *) die "$PGHOST:$PGPORT does not answer and is not a local server this script could start" ;;
  esac
  command -v pg_ctlcluster >/dev/null ||
    die "nothing answers on $PGHOST:$PGPORT and pg_ctlcluster is not installed"

  # Pick the cluster configured for our port rather than assuming one version.
  local version='' name=''
  read -r version name < <(pg_lsclusters --no-header | awk -v port="$PGPORT" '$3 == port { print $1, $2; exit }') || true
  [[ -n $name ]] || die "no local PostgreSQL cluster is configured for port $PGPORT (see pg_lsclusters)"
  local cluster="$version/$name"

  log "starting cluster $cluster"
  # Fails for a cluster that is already on its way up; the wait below decides.
  pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start || true

  local deadline=$((SECONDS + READY_TIMEOUT))
  until ready; do
    if ((SECONDS >= deadline)); then
      die "cluster $cluster did not accept connections on $PGHOST:$PGPORT within ${READY_TIMEOUT}s (see /var/log/postgresql/)"
    fi
    sleep 1
  done
}

sql() {
  psql -X -q -At -v ON_ERROR_STOP=1 -d postgres -c "$1"
}

db_exists() {
  [[ $(sql "SELECT 1 FROM pg_database WHERE datname = '$1'") == 1 ]]
}

ensure() {
  command -v pg_isready >/dev/null || die "PostgreSQL client tools (pg_isready, psql) are not installed"
  ready || start_local_cluster

  local db created=()
  for db in "${DATABASES[@]}" "$@"; do
    # Names go into SQL text as they are, so allow only plain identifiers.
    [[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || die "not a plain lower-case database name: '$db'"
    db_exists "$db" && continue
    # Another process may create it between the check and here.
    if sql "CREATE DATABASE \"$db\"" 2>/dev/null; then
      created+=("$db")
    elif ! db_exists "$db"; then
      sql "CREATE DATABASE \"$db\""
    fi
  done

  if ((${#created[@]})); then
    log "ready on $PGHOST:$PGPORT; created ${created[*]}"
  else
    log "ready on $PGHOST:$PGPORT; databases present"
  fi
}

[[ ${1:-} == ensure ]] || usage
shift
ensure "$@"
