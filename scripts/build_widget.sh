#!/usr/bin/env bash
# Build the chat widget (web/widget/dist/ms-chat-widget.js): `npm ci` from the lock file, then
# the project's own build (web/widget/build.mjs). Needs Node.js >= 18 and npm; installs Debian's
# when run as root on Debian/Ubuntu, otherwise says what to install.
set -euo pipefail
cd "$(dirname "$0")/../web/widget"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing Node.js and npm for the chat widget build..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null && apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "ERROR: the chat widget needs Node.js (>= 18) and npm to build." >&2
        echo "Install them (Debian/Ubuntu: apt install nodejs npm; macOS: brew install node)," >&2
        echo "then run this command again." >&2
        exit 1
    fi
fi
# Reinstall only when the lock changed since the last install.
if ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-lock.json
fi
npm run --silent build
