#!/usr/bin/env bash
# Set up (first time only) and start Inspector. Arguments go to the app, e.g. --home DIR,
# or a command-line command: scripts/run.sh checklist types
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
