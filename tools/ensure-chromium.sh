#!/usr/bin/env bash
# Installs Debian's Chromium, which the admin portal's browser tests drive (playwright-core with
# executablePath /usr/bin/chromium), when it is missing.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
bash "$(dirname -- "${BASH_SOURCE[0]}")/apt-install.sh" chromium
/usr/bin/chromium --version
