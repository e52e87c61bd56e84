#!/usr/bin/env bash
# Installs what the end-to-end tests need, offline (npm registry + Debian apt only):
#   apt: chromium, libkrb5-dev (kerberos headers for a native rebuild), ripgrep
#   npm: code-server@4.100.3 (VS Code 1.100.3 web, needs Node 20) and playwright-core@1.65.1
# into $IMPROVEMENT_PLAN_E2E_CACHE (default: <repo>/.cache/code-server, ignored by git).
#
# Idempotent: a marker file ($CACHE/.installed) records the versions; when it matches, the npm
# part is skipped. Apt packages are checked on every run (cheap) because the system can change
# independently of the cache folder.
#
# Usage: bash test/e2e/setup-code-server.sh        (needs root for apt, or the packages already there)
#        FORCE=1 bash test/e2e/setup-code-server.sh   re-install the npm part
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_CORE_VERSION=1.65.1
APT_PACKAGES=(chromium libkrb5-dev ripgrep)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${IMPROVEMENT_PLAN_E2E_CACHE:-$ROOT/.cache/code-server}
MARKER="$CACHE/.installed"
WANT="code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION node@$(node -p 'process.versions.modules')"

START=$(date +%s)
log() { echo "[setup-code-server] $*" >&2; }
step() { local s; s=$(date +%s); "$@"; log "  $(( $(date +%s) - s ))s: $*"; }

# --- apt ---------------------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  step $SUDO apt-get update -qq
  step env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
RG=$(command -v rg) || { log "ripgrep (rg) not found after install"; exit 1; }
command -v chromium >/dev/null || { log "chromium not found after install"; exit 1; }

# --- npm ---------------------------------------------------------------------------------------
if [ -z "${FORCE:-}" ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] \
   && [ -f "$CACHE/node_modules/code-server/out/node/entry.js" ] \
   && [ -f "$CACHE/node_modules/playwright-core/package.json" ]; then
  log "already installed in $CACHE ($WANT); nothing to do"
  exit 0
fi

mkdir -p "$CACHE"
cd "$CACHE"
# Refuse to clear a folder that is not ours (e.g. the env var pointing at a project by mistake).
if [ -f package.json ] && ! grep -Eq '"name": *"improvement-plan-e2e-cache"' package.json; then
  log "$CACHE/package.json is not this script's: refusing to install there"; exit 1
fi
rm -f "$MARKER"
# Start from a clean npm tree (only what this script creates; never the whole folder).
rm -rf node_modules package.json package-lock.json
# Our own package.json, so that npm does not walk up and install into the project.
printf '{ "name": "improvement-plan-e2e-cache", "private": true, "version": "0.0.0" }\n' > package.json

# Native rebuilds need Node's headers; without nodedir node-gyp tries to download them (no internet).
export npm_config_nodedir=/usr
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=error

log "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION"
step npm install --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION"

(
  cd node_modules/code-server/lib/vscode
  step npm install --omit=dev --ignore-scripts
  # @vscode/ripgrep's postinstall would download rg: use Debian's.
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$RG" node_modules/@vscode/ripgrep/bin/rg
  # npm 11 asks before running install scripts: npm_config_yes=true answers.
  step env npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog
  ln -sfn node_modules node_modules.asar
  cd extensions
  step npm install --omit=dev
)
step env npm_config_yes=true npm rebuild argon2

# Smoke test: code-server runs and reports its version (keep its home-folder writes in the cache).
XDG_CONFIG_HOME="$CACHE/.xdg/config" XDG_DATA_HOME="$CACHE/.xdg/data" XDG_CACHE_HOME="$CACHE/.xdg/cache" \
  node node_modules/code-server/out/node/entry.js --config "$CACHE/.xdg/config.yaml" --version >&2
node -e "require('playwright-core')" 

echo "$WANT" > "$MARKER"
log "installed in $CACHE in $(( $(date +%s) - START ))s"
