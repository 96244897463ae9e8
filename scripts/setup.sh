#!/usr/bin/env bash
# Creates .venv and installs peristiwa with its pinned dependencies. Idempotent: re-installs only when
# pyproject.toml changed since the last successful install.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.peristiwa-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "installing peristiwa and its pinned dependencies into .venv (about 2 minutes)..." >&2
  .venv/bin/python -m pip install --quiet --upgrade pip
  # torch==2.13.0 is pinned in pyproject.toml; pip takes the local CPU build, never the CUDA one.
  .venv/bin/python -m pip install --quiet -e '.[dev,train]'
  echo "$want" > "$stamp"
fi
