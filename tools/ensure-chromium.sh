#!/usr/bin/env bash
# Installs Debian's Chromium, which the admin portal's browser tests drive (playwright-core with
# executablePath /usr/bin/chromium), when it is missing. Uses sudo when not root.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
as_root=()
[ "$(id -u)" -ne 0 ] && as_root=(sudo)
echo "installing chromium (apt-get)"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
