#!/usr/bin/env bash
# Brings up the local infrastructure without Docker: PostgreSQL (with the
# project's databases), Redis, the single-node Kafka and the Zipkin server traces go to.
#
#   tools/infra/up.sh [extra_database ...]
set -euo pipefail

INFRA_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd -- "$INFRA_DIR/../.." && pwd)

"$INFRA_DIR/postgres.sh" ensure "$@"
"$INFRA_DIR/redis.sh" ensure
"$REPO_ROOT/tools/kafka/kafka.sh" start
"$REPO_ROOT/tools/zipkin/zipkin.sh" start
