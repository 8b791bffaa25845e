#!/usr/bin/env bash
# Make sure Debian's chromium and chromium-driver are installed for the browser tests.
# Installs them when run as root on Debian/Ubuntu; otherwise says what to do (the tests skip).
set -uo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and chromium-driver for the browser tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver >/dev/null \
        && exit 0
    echo "WARNING: could not install chromium; the browser tests will be skipped." >&2
    exit 0
fi
echo "NOTE: chromium/chromedriver not found; install them (Debian: apt install chromium" \
     "chromium-driver) to run the browser tests, which are skipped otherwise." >&2
exit 0
