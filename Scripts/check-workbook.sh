#!/usr/bin/env bash
# Round-trip test of dataset.xlsx: openpyxl (PyPI, installed into a throwaway venv) reads the
# workbook of RUN_DIR and Scripts/check-workbook.py compares every cell with the run's CSVs.
# Usage: bash Scripts/check-workbook.sh RUN_DIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 RUN_DIR" >&2; exit 2; }
venv=$(mktemp -d /tmp/ita-openpyxl.XXXXXX)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install -q "openpyxl==3.1.*"
"$venv/bin/python" "$(dirname "$0")/check-workbook.py" "$1"
