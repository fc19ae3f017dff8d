# shellcheck shell=bash
# What every infrastructure script under tools/ needs, sourced once instead of repeated:
#
#   LOG_NAME=kafka
#   source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/script-basics.sh"
#
# Sets REPO_ROOT, LOCAL_DIR (${RENDEZVOUS_LOCAL_DIR:-<repo>/.local}, made absolute), JAVA (from
# JAVA_HOME when it holds one) and MAVEN_DEPENDENCY_PLUGIN; defines log and die, which prefix
# each message with LOG_NAME.

REPO_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL_DIR=${RENDEZVOUS_LOCAL_DIR:-$REPO_ROOT/.local}
[[ $LOCAL_DIR == /* ]] || LOCAL_DIR=$PWD/$LOCAL_DIR

if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
  JAVA=$JAVA_HOME/bin/java
else
  JAVA=java
fi

# Pinned: an unversioned `dependency:` prefix makes Maven look up plugin metadata, which fails
# offline even when everything else is in ~/.m2.
MAVEN_DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

log() { printf '%s: %s\n' "$LOG_NAME" "$*"; }
die() {
  printf '%s: %s\n' "$LOG_NAME" "$*" >&2
  exit 1
}
