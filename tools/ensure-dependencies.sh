#!/usr/bin/env bash
# Installs the locked npm dependencies when node_modules does not hold exactly what
# package-lock.json names. Compares content (a hash stamp), not file times, so a fresh
# checkout or a second worktree sharing node_modules does not reinstall needlessly.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

stamp=node_modules/.rendezvous-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -x node_modules/.bin/node ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
echo "installing dependencies (npm ci)"
SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"
