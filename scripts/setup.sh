#!/usr/bin/env bash
# Idempotent set-up on a fresh Debian machine: Python venv + packages, and the system packages
# the project needs (a CJK font for Chinese in PNG/PDF/browser; chromium for the browser test).
#   scripts/setup.sh app    # what the dashboard needs
#   scripts/setup.sh test   # plus what the tests need (chromium, poppler-utils, nodejs + npm)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-app}"
VENV="${CFP_VENV:-.venv}"

need_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Python >= 3.11 is required (apt-get install -y python3 python3-venv on Debian 13, or pyenv)." >&2
  return 1
}

apt_install() {  # apt_install PKG... : install missing Debian packages when we can, else say how
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> apt-get install ${missing[*]}"
    if [ ! -f /tmp/.cfp-apt-updated ]; then apt-get update -qq && touch /tmp/.cfp-apt-updated; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "!! Missing system packages: ${missing[*]}" >&2
    echo "!! Run as root:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}

PY="$(need_python)"
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating $VENV with $PY"
  "$PY" -m venv "$VENV"
fi
STAMP="$VENV/.requirements.sha256"
WANT="$(sha256sum requirements.txt | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  echo "==> installing Python packages (uv, falling back to pip)"
  "$VENV/bin/python" -m pip --version >/dev/null 2>&1 || "$VENV/bin/python" -m ensurepip -q >/dev/null 2>&1 || true
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check uv >/dev/null 2>&1 || true
  if [ -x "$VENV/bin/uv" ]; then
    VIRTUAL_ENV="$VENV" "$VENV/bin/uv" pip install -q -r requirements.txt
  else
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements.txt
  fi
  echo "$WANT" > "$STAMP"
fi

# Chinese text in PNG cards, PDF reports and the browser needs a CJK font.
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  apt_install fonts-noto-cjk fontconfig || echo "!! Chinese text will show as boxes until a CJK font is installed." >&2
fi
if [ "$MODE" = "test" ]; then
  # The browser smoke test drives Debian's chromium through playwright (playwright install cannot download here).
  command -v chromium >/dev/null 2>&1 || apt_install chromium
  command -v pdftoppm >/dev/null 2>&1 || apt_install poppler-utils || true
  # WBCSD's PACT conformance suite (tests/server/test_conformance.py) runs on Node.js >= 20 with npm.
  { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || apt_install nodejs npm
fi
echo "==> set-up complete ($MODE)"
