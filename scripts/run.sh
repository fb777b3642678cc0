#!/usr/bin/env bash
# Install everything and start Mapper. With no screen, do the main job headless instead:
# open the sample map and export it to PDF in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = "Darwin" ]; then
  exec .venv/bin/mapper "$@"
fi
sample="${1:-examples/coffee-chain.journey}"
mkdir -p out
echo "No screen found: exporting $sample headless instead of opening the editor."
.venv/bin/mapper info "$sample"
exec .venv/bin/mapper export "$sample" --page A3 -o "out/$(basename "${sample%.journey}").pdf"
