#!/usr/bin/env bash
# After changing UI strings: collect them into the English .ts (Chinese is the source language),
# then translate the new entries in Qt Linguist (.venv/bin/pyside6-linguist) or by hand.
# scripts/setup.sh compiles the .ts into the .qm the app loads.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate $(find ui -name '*.py' | sort) -source-language zh_CN \
  -target-language en -no-obsolete -ts resources/translations/inspector_en.ts
.venv/bin/pyside6-lrelease resources/translations/inspector_en.ts
