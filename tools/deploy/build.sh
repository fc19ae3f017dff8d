#!/usr/bin/env bash
# What an app's image holds, built in two steps that the Dockerfile runs in separate stages and
# CI runs the same way (deploy/test/image-boot.int-spec.ts):
#
#   tools/deploy/build.sh deps <dir>        production dependencies only, into <dir>/node_modules
#   tools/deploy/build.sh app <app> <dir>   the app and the libs it runs on, compiled into <dir>
#                                           (the gateway also gets the admin portal's static
#                                           build, in <dir>/dist/apps/admin-portal)
#
# The two are separate because the dependencies are the same for every app: Docker builds that
# layer once for all seven images. Run both into one folder (or the app folder below the deps
# folder) and `node <dir>` starts the app. Needs the repository's full install (swc and
# patch-package); npm settings come from the environment as usual (npm_config_offline=true
# installs from the npm cache only).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
# The libs the apps run on (asyncapi for the gateway's event docs); libs/testing never ships.
LIBS=(asyncapi contracts platform)

die() {
  printf 'build: %s\n' "$*" >&2
  exit 1
}

usage() {
  die "usage: $0 deps <dir> | $0 app <app> <dir>"
}

absolute() {
  mkdir -p "$1"
  (cd "$1" && pwd)
}

build_deps() {
  local out
  out=$(absolute "$1")
  # The manifest without scripts (the root postinstall needs dev tools) and without
  # devDependencies; the lockfile pins every production package as in development.
  "$ROOT/node_modules/.bin/node" -e '
    const { readFileSync, writeFileSync } = require("node:fs");
    const { scripts, devDependencies, ...manifest } = JSON.parse(readFileSync(process.argv[1], "utf8"));
    writeFileSync(process.argv[2], JSON.stringify(manifest, null, 2) + "\n");
  ' "$ROOT/package.json" "$out/package.json"
  cp "$ROOT/package-lock.json" "$ROOT/.npmrc" "$out/"
  rm -rf "$out/patches"
  cp -R "$ROOT/patches" "$out/patches"
  (cd "$out" && SCARF_ANALYTICS=false npm ci --omit=dev --no-audit --no-fund --loglevel=error)
  # The same runtime patches the development install applies (kafkajs, see README).
  (cd "$out" && "$ROOT/node_modules/.bin/node" "$ROOT/node_modules/patch-package/index.js" --error-on-fail)
}

# The static files the gateway serves at /admin/, where its ADMIN_PORTAL_DIR default finds them
# when the app runs from <dir> (the image's WORKDIR).
build_admin_portal() {
  local out=$1
  # Vite finds the app's own config (vite.config.*) in the folder it is given.
  (cd "$ROOT" && node_modules/.bin/vite build apps/admin-portal --outDir "$out" --emptyOutDir \
    --logLevel warn)
  [[ -f $out/index.html ]] || die "no index.html after building the admin portal"
  "$ROOT/node_modules/.bin/node" "$ROOT/tools/deploy/precompress.mjs" "$out"
}

build_app() {
  local app=$1 out
  [[ $app =~ ^[a-z][a-z-]*$ && -f $ROOT/apps/$app/src/main.ts ]] || die "unknown app '$app'"
  out=$(absolute "$2")
  rm -rf "$out/dist"
  local sources=("apps/$app/src")
  for lib in "${LIBS[@]}"; do sources+=("libs/$lib/src"); done
  (cd "$ROOT" && node_modules/.bin/swc "${sources[@]}" -d "$out/dist" --config-file .swcrc \
    --ignore '**/*.spec.ts' --quiet)
  [[ -f $out/dist/apps/$app/src/main.js ]] || die "no dist/apps/$app/src/main.js after compiling"
  if [[ $app == gateway ]]; then build_admin_portal "$out/dist/apps/admin-portal"; fi
  # `node <dir>` starts the app through `main`.
  "$ROOT/node_modules/.bin/node" -e '
    const { readFileSync, writeFileSync } = require("node:fs");
    const [source, target, app] = process.argv.slice(1);
    const root = JSON.parse(readFileSync(source, "utf8"));
    const manifest = {
      name: `@rendezvous/${app}`,
      version: root.version,
      private: true,
      license: root.license,
      engines: root.engines,
      main: `dist/apps/${app}/src/main.js`,
    };
    writeFileSync(target, JSON.stringify(manifest, null, 2) + "\n");
  ' "$ROOT/package.json" "$out/package.json" "$app"
}

[[ $# -ge 1 ]] || usage
case $1 in
  deps)
    [[ $# -eq 2 ]] || usage
    build_deps "$2"
    ;;
  app)
    [[ $# -eq 3 ]] || usage
    build_app "$2" "$3"
    ;;
  *) usage ;;
esac
