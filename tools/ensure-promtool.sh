#!/usr/bin/env bash
# Installs Debian's prometheus package for /usr/bin/promtool, which checks and unit-tests the
# alerting rules (deploy/helm/rendezvous/monitoring), when it is missing. The package also
# installs a prometheus server service; nothing here needs it, so it is stopped and disabled.
set -euo pipefail

if [ -x /usr/bin/promtool ]; then
  exit 0
fi
bash "$(dirname -- "${BASH_SOURCE[0]}")/apt-install.sh" --no-install-recommends prometheus
as_root=()
[ "$(id -u)" -ne 0 ] && as_root=(sudo)
# Under systemd (a "degraded" system included) apt has started it; elsewhere nothing started it.
if [ -d /run/systemd/system ]; then
  "${as_root[@]}" systemctl disable --now prometheus >/dev/null 2>&1 || true
elif [ -x /etc/init.d/prometheus ] && pgrep -x prometheus >/dev/null; then
  "${as_root[@]}" /etc/init.d/prometheus stop >/dev/null 2>&1 || true
fi
/usr/bin/promtool --version | head -n 1
