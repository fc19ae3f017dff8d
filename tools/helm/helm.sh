#!/usr/bin/env bash
# Helm lint and template offline, through Helm's own Go library for Java (helm-java from Maven
# Central; no helm binary or cluster needed). Arguments: see HelmCheck.java.
#
#   tools/helm/helm.sh lint deploy/helm/rendezvous lint.txt
#   tools/helm/helm.sh lint <chart> lint.txt :: template <chart> rendezvous rendezvous 1.31.0 out.yaml [values.yaml]
#
# The jars are fetched once into ${RENDEZVOUS_LOCAL_DIR:-<repo>/.local}/helm/libs.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
LOG_NAME=helm
# shellcheck source=../lib/script-basics.sh
source "$SCRIPT_DIR/../lib/script-basics.sh"
LIBS_DIR=$LOCAL_DIR/helm/libs
STAMP=$LIBS_DIR/.pom.sha256
POM=$SCRIPT_DIR/pom.xml

fetch_libs() {
  local want
  want=$(sha256sum "$POM" | cut -d' ' -f1)
  [[ -f $STAMP && $(cat "$STAMP") == "$want" ]] && return
  mkdir -p "$LOCAL_DIR/helm"
  # Several test runs may start at once: one fetches, the others wait for it.
  exec 8>"$LOCAL_DIR/helm/.lock"
  flock -w 600 8
  if [[ -f $STAMP && $(cat "$STAMP") == "$want" ]]; then return; fi
  rm -rf "$LIBS_DIR"
  if ! mvn -B -q -f "$POM" "$MAVEN_DEPENDENCY_PLUGIN:copy-dependencies" -DincludeScope=runtime \
    -DoutputDirectory="$LIBS_DIR" >"$LOCAL_DIR/helm/maven.log" 2>&1; then
    cat "$LOCAL_DIR/helm/maven.log" >&2
    die "fetching helm-java with Maven failed"
  fi
  echo "$want" >"$STAMP"
}

fetch_libs
exec "$JAVA" -cp "$LIBS_DIR/*" "$SCRIPT_DIR/HelmCheck.java" "$@"
