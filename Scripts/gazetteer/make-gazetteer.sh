#!/usr/bin/env bash
# Regenerates Mappings/gazetteer/*.tsv (Department of Provincial Administration codes and names of
# provinces, districts and subdistricts) from the PyPI package geothai (data CC BY 4.0, GeoThai/data).
# The package is installed into a throwaway venv: it is a build-time source of data, never a
# dependency of ita-extract. Usage: bash Scripts/gazetteer/make-gazetteer.sh [VERSION]
set -euo pipefail
version="${1:-3.2.1}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$(mktemp -d /tmp/geothai-venv.XXXXXX)"
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install -q "geothai==$version"
"$venv/bin/python" "$root/Scripts/gazetteer/write_tsv.py" "$root/Mappings/gazetteer"
