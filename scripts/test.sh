#!/usr/bin/env bash
# Set up (first time only) and run the checks: ruff, then the whole test suite, headless.
# Arguments go to pytest: a folder (tests/unit, tests/ui, tests/cli, tests/central, tests/e2e;
# docs/development.md says which holds what), a file, -k, -x.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== pytest"
.venv/bin/python -m pytest "$@"
