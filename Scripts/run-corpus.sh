#!/usr/bin/env bash
# README command 1: install what is missing, build, and extract the bundled Corpus/ into out/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build -c release --product ita-extract
out="${1:-out/corpus}"
.build/release/ita-extract extract Corpus --out "$out"
echo "dataset written to $out:"
ls -l "$out"
