#!/usr/bin/env bash
# Secured local infrastructure, as managed services would be: PostgreSQL 15 with TLS only
# (hostssl, scram-sha-256), Redis with TLS only and an ACL user (the default user off), and a
# single-node Kafka whose only client listener is SASL_SSL with SCRAM-SHA-512 users made by
# Kafka's own storage tool. One CA made here signs every server; every password is random and
# lives in a file. Ports and data of their own, beside the plain infrastructure of up.sh.
#
#   tools/infra/secured.sh up|down|status
#
# `up` starts afresh (a new CA, new passwords, empty data) and writes the suite's settings to
# <local>/secured/suite.env (KEY=value lines, passwords as *_FILE); `down` stops everything
# and removes <local>/secured. <local> is ${RENDEZVOUS_LOCAL_DIR:-<repo>/.local}.
set -euo pipefail

INFRA_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
LOG_NAME=secured
# shellcheck source=../lib/script-basics.sh
source "$INFRA_DIR/../lib/script-basics.sh"
DIR=$LOCAL_DIR/secured
CERTS=$DIR/certs
SECRETS=$DIR/secrets
ENV_FILE=$DIR/suite.env
KAFKA_LIBS=$LOCAL_DIR/kafka/libs

HOST=127.0.0.1
# Below Linux's ephemeral range (32768-60999): a port in it can be held at any moment by one of
# the many outgoing connections a test run makes, and the server would then fail to bind it.
POSTGRES_PORT=15432
REDIS_PORT=16379
KAFKA_PORT=19092
KAFKA_CONTROLLER_PORT=19093
USER_NAME=rendezvous
PG_BIN=/usr/lib/postgresql/15/bin
READY_TIMEOUT=90

# PostgreSQL refuses to run as root: as root, its programs run as the postgres user.
as_postgres() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

wait_until() {
  local what=$1 deadline=$((SECONDS + READY_TIMEOUT))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || die "$what did not come up within ${READY_TIMEOUT}s (logs in $DIR)"
    sleep 0.5
  done
}

make_certificates() {
  mkdir -p "$CERTS"
  local ssl=(openssl)
  "${ssl[@]}" req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=rendezvous-secured-ca \
    -keyout "$CERTS/ca.key" -out "$CERTS/ca.pem" 2>/dev/null
  "${ssl[@]}" req -newkey rsa:2048 -nodes -subj "/CN=$HOST" \
    -keyout "$CERTS/server.key" -out "$CERTS/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:%s,DNS:localhost\n' "$HOST" >"$CERTS/san.ext"
  "${ssl[@]}" x509 -req -days 2 -in "$CERTS/server.csr" -CA "$CERTS/ca.pem" \
    -CAkey "$CERTS/ca.key" -CAcreateserial -extfile "$CERTS/san.ext" \
    -out "$CERTS/server.pem" 2>/dev/null
  chmod 644 "$CERTS/ca.pem" "$CERTS/server.pem"
}

make_secrets() {
  mkdir -p -m 700 "$SECRETS"
  local name
  for name in postgres redis kafka kafka-broker; do
    (umask 077 && openssl rand -hex 24 >"$SECRETS/$name-password")
  done
}

# Where PostgreSQL keeps its files: under $DIR, unless the postgres user cannot reach that (a
# checkout in root's home), then a folder of its own in /tmp; $DIR/postgres.path says which.
postgres_dir() {
  if [[ -s $DIR/postgres.path ]]; then
    cat "$DIR/postgres.path"
  elif [[ $(id -u) == 0 ]] && ! runuser -u postgres -- test -x "$DIR"; then
    mktemp -d "${TMPDIR:-/tmp}/rendezvous-secured-postgres.XXXXXX" | tee "$DIR/postgres.path"
  else
    echo "$DIR/postgres" | tee "$DIR/postgres.path"
  fi
}

start_postgres() {
  local dir
  dir=$(postgres_dir)
  mkdir -p "$dir"
  cp "$CERTS/server.pem" "$CERTS/server.key" "$SECRETS/postgres-password" "$dir/"
  chmod 600 "$dir/server.key" "$dir/postgres-password"
  [[ $(id -u) == 0 ]] && chown -R postgres: "$dir"
  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U "$USER_NAME" --pwfile="$dir/postgres-password" \
    -A scram-sha-256 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  }
  rm -f "$dir/postgres-password"
  # TLS only: a connection without it is refused before any password is asked; no socket.
  as_postgres tee "$dir/data/pg_hba.conf" >/dev/null <<EOF
hostnossl all all 0.0.0.0/0 reject
hostnossl all all ::/0 reject
hostssl all $USER_NAME $HOST/32 scram-sha-256
EOF
  as_postgres tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '$HOST'
port = $POSTGRES_PORT
unix_socket_directories = ''
ssl = on
ssl_cert_file = '$dir/server.pem'
ssl_key_file = '$dir/server.key'
password_encryption = 'scram-sha-256'
shared_buffers = 32MB
# Throwaway test data: losing it in a crash does not matter, and without fsync it starts sooner.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "$READY_TIMEOUT" start \
    >/dev/null || {
    tail -n 20 "$dir/server.log" >&2
    die "PostgreSQL did not start"
  }
}

stop_postgres() {
  [[ -s $DIR/postgres.path ]] || return 0
  local dir
  dir=$(<"$DIR/postgres.path")
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

redis_answers() {
  REDISCLI_AUTH=$(<"$SECRETS/redis-password") timeout 5 redis-cli --tls --cacert "$CERTS/ca.pem" \
    -h "$HOST" -p "$REDIS_PORT" --user "$USER_NAME" --no-auth-warning ping 2>/dev/null |
    grep -qx PONG
}

start_redis() {
  local dir=$DIR/redis hash
  mkdir -p "$dir"
  hash=$(tr -d '\n' <"$SECRETS/redis-password" | sha256sum | cut -d' ' -f1)
  (umask 077 && printf 'user %s on #%s ~* &* +@all\nuser default off\n' "$USER_NAME" "$hash" \
    >"$dir/users.acl")
  redis-server --daemonize yes --bind "$HOST" --port 0 --tls-port "$REDIS_PORT" \
    --tls-cert-file "$CERTS/server.pem" --tls-key-file "$CERTS/server.key" \
    --tls-ca-cert-file "$CERTS/ca.pem" --tls-auth-clients no \
    --aclfile "$dir/users.acl" --save "" --appendonly no --dir "$dir" \
    --pidfile "$dir/redis.pid" --logfile "$dir/server.log"
  wait_until "Redis over TLS" redis_answers
}

stop_pid_file() {
  local file=$1 pid
  [[ -s $file ]] || return 0
  pid=$(<"$file")
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}

kafka_started() {
  grep -q 'Kafka Server started' "$DIR/kafka/logs/server.log" 2>/dev/null && port_open "$KAFKA_PORT"
}

start_kafka() {
  local dir=$DIR/kafka broker_password
  mkdir -p "$dir/logs"
  compgen -G "$KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null || bash "$REPO_ROOT/tools/kafka/kafka.sh" libs
  broker_password=$(<"$SECRETS/kafka-broker-password")
  (umask 077 && cat "$CERTS/server.key" "$CERTS/server.pem" >"$dir/keystore.pem")
  # The brokers talk among themselves over SASL_SSL too, as their own SCRAM user; the
  # controller listener is loopback-only and answers controller requests alone.
  (umask 077 && cat >"$dir/server.properties") <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=SASL_SSL://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_SSL://$HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$broker_password";
ssl.keystore.type=PEM
ssl.keystore.location=$dir/keystore.pem
ssl.truststore.type=PEM
ssl.truststore.location=$CERTS/ca.pem
log.dirs=$dir/data
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=3
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
background.threads=2
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=16777216
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
  local java=("$JAVA" -Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=$REPO_ROOT/tools/kafka/log4j2.properties"
    "-Dkafka.logs.dir=$dir/logs" -cp "$KAFKA_LIBS/*")
  # The SCRAM users go into the cluster's first metadata, so they exist before any client.
  "${java[@]}" kafka.tools.StorageTool format -t "$("${java[@]}" kafka.tools.StorageTool random-uuid)" \
    -c "$dir/server.properties" \
    --add-scram "SCRAM-SHA-512=[name=$USER_NAME,password=$(<"$SECRETS/kafka-password")]" \
    --add-scram "SCRAM-SHA-512=[name=broker,password=$broker_password]" \
    >"$dir/logs/format.log" 2>&1 || {
    cat "$dir/logs/format.log" >&2
    die "formatting the Kafka storage failed"
  }
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid nohup bash -c 'echo "$$" >"$1"; shift; exec "$@"' _ "$dir/kafka.pid" \
    "${java[@]}" kafka.Kafka "$dir/server.properties" </dev/null >"$dir/logs/stdout.log" 2>&1 &
  wait_until "Kafka over SASL_SSL" kafka_started
}

write_env() {
  cat >"$ENV_FILE" <<EOF
POSTGRES_HOST=$HOST
POSTGRES_PORT=$POSTGRES_PORT
POSTGRES_USER=$USER_NAME
POSTGRES_PASSWORD_FILE=$SECRETS/postgres-password
POSTGRES_SSLMODE=verify-full
POSTGRES_SSL_CA_FILE=$CERTS/ca.pem
REDIS_URL=rediss://$HOST:$REDIS_PORT
REDIS_USERNAME=$USER_NAME
REDIS_PASSWORD_FILE=$SECRETS/redis-password
REDIS_TLS_CA_FILE=$CERTS/ca.pem
KAFKA_BROKERS=$HOST:$KAFKA_PORT
KAFKA_SSL=true
KAFKA_SSL_CA_FILE=$CERTS/ca.pem
KAFKA_SASL_MECHANISM=scram-sha-512
KAFKA_SASL_USERNAME=$USER_NAME
KAFKA_SASL_PASSWORD_FILE=$SECRETS/kafka-password
EOF
}

all_up() {
  [[ -f $ENV_FILE ]] && as_postgres "$PG_BIN/pg_isready" -q -h "$HOST" -p "$POSTGRES_PORT" &&
    redis_answers && kafka_started
}

cmd_down() {
  stop_pid_file "$DIR/kafka/kafka.pid"
  stop_pid_file "$DIR/redis/redis.pid"
  stop_postgres
  rm -rf "$DIR"
}

cmd_up() {
  local started=$SECONDS port
  if all_up; then
    log "already up; settings in $ENV_FILE"
    return 0
  fi
  cmd_down
  for port in "$POSTGRES_PORT" "$REDIS_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_open "$port" && die "port $port is taken by something else"
  done
  mkdir -p "$DIR"
  chmod 755 "$DIR"
  make_certificates
  make_secrets
  start_postgres
  start_redis
  start_kafka
  write_env
  log "up in $((SECONDS - started))s: PostgreSQL $HOST:$POSTGRES_PORT, Redis $HOST:$REDIS_PORT, Kafka $HOST:$KAFKA_PORT; settings in $ENV_FILE"
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down && log "stopped" ;;
  status)
    if all_up; then log "up; settings in $ENV_FILE"; else
      log "not up"
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
