#!/usr/bin/env bash
# Stops what up.sh started for this repo: Kafka and Zipkin. PostgreSQL and Redis are
# shared machine services and are left running.
set -euo pipefail

INFRA_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd -- "$INFRA_DIR/../.." && pwd)

"$REPO_ROOT/tools/kafka/kafka.sh" stop
"$REPO_ROOT/tools/zipkin/zipkin.sh" stop
