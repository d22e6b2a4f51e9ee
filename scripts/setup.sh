#!/usr/bin/env bash
# Set up a machine to run Inspector: Debian packages Qt needs (and poppler for the tests), a
# virtual environment in .venv, and the pinned Python packages.
#   scripts/setup.sh        the app
#   scripts/setup.sh dev    the app plus tests, lint and benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries Qt loads even offscreen, and poppler-utils (pdftotext/pdffonts/pdftoppm) for tests.
DEBS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
      libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 poppler-utils
      libpulse0 zbar-tools mupdf-tools postgresql chromium fonts-wqy-microhei)
# libpulse0: QtMultimedia needs it; zbar-tools: tests read QR codes; mupdf-tools: a second
# renderer (mutool) the QR test reads them from; postgresql: the central
# service's database (the tests start a throwaway cluster); chromium and a CJK font: the office
# page's test in a real browser.
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for deb in "${DEBS[@]}"; do
    dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
  done
fi
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
requirements=requirements.txt
[ "${1:-}" = "dev" ] && requirements=requirements-dev.txt
# Skip pip when the requirement files have not changed since the last install.
stamp=.venv/.installed-$(cat requirements.txt "$requirements" | sha256sum | cut -c1-16)-$(basename "$requirements")
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi
# Compile the UI translations (.ts → .qm) when the source is newer.
for ts in resources/translations/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
