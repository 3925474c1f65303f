#!/usr/bin/env bash
# The hostile-input suite (issue 14), called by Scripts/test.sh: generates the bad inputs (seeded),
# runs each beside two good Corpus reports under /usr/bin/time -v and a timeout, and fails when a case
# does not give its expected result. Usage: bash Scripts/hostile/run.sh [BIN] [--table FILE] [--only a,b]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/debug/ita-extract}
shift || true
exec python3 Scripts/hostile/run.py "$bin" "$@"
