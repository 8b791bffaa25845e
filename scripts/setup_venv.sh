#!/usr/bin/env bash
# Create .venv with Python 3.10 (Rasa 3.6 supports 3.8-3.10 only) and install the
# project's pinned dependencies. Re-run safely: it only reinstalls when the lock changed.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.installed"

find_python310() {
    local candidates=()
    [ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
    candidates+=(python3.10)
    if command -v pyenv >/dev/null 2>&1; then
        local root; root=$(pyenv root)
        for p in "$root"/versions/3.10*/bin/python3.10; do candidates+=("$p"); done
    fi
    for p in "$HOME"/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10 /opt/homebrew/bin/python3.10; do
        candidates+=("$p")
    done
    for c in "${candidates[@]}"; do
        # A pyenv shim exists on PATH even when 3.10 is not selected: run it to be sure.
        if "$c" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then
            "$c" -c 'import sys; print(sys.executable)'
            return 0
        fi
    done
    return 1
}

if [ "${1:-}" = "--find-only" ]; then
    find_python310
    exit $?
fi

if [ -f "$STAMP" ] && [ "$STAMP" -nt requirements.txt ] && [ "$STAMP" -nt constraints.txt ]; then
    exit 0
fi

if [ ! -x "$VENV/bin/python" ]; then
    if ! PY=$(find_python310); then
        cat >&2 <<'MSG'
ERROR: no Python 3.10 interpreter found.
Rasa Open Source 3.6 runs on Python 3.8-3.10 only, and this project pins 3.10.
Install one, then run this command again. For example:
  - with pyenv:            pyenv install 3.10.13
  - on Debian/Ubuntu:      sudo apt install python3.10 python3.10-venv   (deadsnakes PPA on Ubuntu)
  - on macOS (Homebrew):   brew install python@3.10
Or point PYTHON310 at an interpreter:  PYTHON310=/path/to/python3.10 make run
MSG
        exit 1
    fi
    echo "Creating $VENV with $PY"
    "$PY" -m venv "$VENV"
fi

echo "Installing pinned dependencies into $VENV (first time: a few minutes, about 2.7 GB)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade 'pip==24.0'
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
"$VENV/bin/python" -m pip check
touch "$STAMP"
