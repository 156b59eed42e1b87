#!/usr/bin/env bash
# Regenerates screenshots/: SVG of each view of the reader on the demo corpus,
# then PNG with rsvg-convert (Debian: apt-get install librsvg2-bin fonts-dejavu-core).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet --example screenshots -- screenshots
if command -v rsvg-convert >/dev/null; then
  for svg in screenshots/*.svg; do
    rsvg-convert "$svg" -o "${svg%.svg}.png"
  done
else
  echo "rsvg-convert not found: SVG only (apt-get install librsvg2-bin)" >&2
fi
