#!/usr/bin/env bash
# Installs Debian packages with apt-get, through sudo when not root:
#   tools/apt-install.sh [apt-get install options] <package>...
set -euo pipefail

as_root=()
[ "$(id -u)" -ne 0 ] && as_root=(sudo)
echo "installing ${*: -1} (apt-get)"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq "$@" >/dev/null
