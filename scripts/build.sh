#!/usr/bin/env bash
# Build the one-folder app with PyInstaller (dist/inspector/) and run the built programs:
# the desktop app's --smoke-test (main window and newest checklist) and a command-line command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build build.spec
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
echo "== built app: smoke test"
dist/inspector/inspector-cli inspection new --home "$home" --institution "冒烟测试药店" \
  --type retail_pharmacy --mode surprise --district 市中区 --inspector "测试:000001" >/dev/null
dist/inspector/inspector --smoke-test --home "$home"
dist/inspector/inspector-cli checklist show --type public_hospital --home "$home" | head -3
echo "built: dist/inspector ($(du -sh dist/inspector | cut -f1))"
