#!/usr/bin/env bash
# One command for a newcomer: set everything up, then run the whole chain on the bundled sample articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/peristiwa run --sample "$@"
