#!/usr/bin/env bash
# Install everything and run the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check src tests bench
.venv/bin/lint-imports --no-cache
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
