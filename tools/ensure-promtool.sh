#!/usr/bin/env bash
# Installs Debian's prometheus package for /usr/bin/promtool, which checks and unit-tests the
# alerting rules (deploy/monitoring), when it is missing. Uses sudo when not root. The package
# also installs a prometheus server service; nothing here needs it, so it is stopped and disabled.
set -euo pipefail

if [ -x /usr/bin/promtool ]; then
  exit 0
fi
as_root=()
[ "$(id -u)" -ne 0 ] && as_root=(sudo)
echo "installing promtool (apt-get install prometheus)"
"${as_root[@]}" apt-get update -qq
# policy-rc.d exit 101 keeps apt from starting the server (on port 9090) where init scripts run.
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null
if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
  "${as_root[@]}" systemctl disable --now prometheus >/dev/null 2>&1 || true
fi
/usr/bin/promtool --version | head -n 1
