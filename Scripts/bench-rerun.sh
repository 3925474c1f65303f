#!/usr/bin/env bash
# The unchanged rerun against a fresh run, paired: each of RUNS rounds runs `extract --fresh` into one
# output folder, then the same command without --fresh (nothing changed: every input hashed before,
# every result cached, the dataset untouched), and prints the medians of both, wall and CPU
# (user+sys, GNU time), and their ratios (target: the rerun under 10% of a fresh run's wall time).
# Both runs of a round see about the same machine load; CPU is the figure to trust on a shared machine.
# Default inputs: Corpus (OCR off), as the issue measured it.
#   Scripts/bench-rerun.sh [PATH...]   RUNS=3 JOBS=2 ITA_BIN=path/to/ita-extract (default: release build)
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-lib.sh
runs=${RUNS:-3}; jobs=${JOBS:-2}
if [ -n "${ITA_BIN:-}" ]; then bin=$(realpath "$ITA_BIN"); else
  swift build -c release --product ita-extract >/dev/null
  bin=$PWD/.build/release/ita-extract
fi
[ $# -gt 0 ] || set -- Corpus
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
# StatIndex records a file's digest only once its ctime is 3 s old: copies made just now would be
# hashed again by every rerun, which is not what an archive looks like.
mkdir -p "$out/in"; cp -r "$@" "$out/in/"; sleep 4
one() { /usr/bin/time -o "$1" -f '%e %U %S' "$bin" extract "$out/in" --out "$out/run" --jobs "$jobs" --no-ocr --quiet --mappings Mappings "${@:2}" >/dev/null 2>&1 || true; }
declare -a wf wr cf cr
for i in $(seq "$runs"); do
  one "$out/tf" --fresh; one "$out/tr"
  read -r w u s < "$out/tf"; wf+=("$w"); cf+=("$(echo "$u + $s" | bc -l)")
  read -r w u s < "$out/tr"; wr+=("$w"); cr+=("$(echo "$u + $s" | bc -l)")
done
mwf=$(median "${wf[@]}"); mwr=$(median "${wr[@]}"); mcf=$(median "${cf[@]}"); mcr=$(median "${cr[@]}")
echo "inputs: $* ($(find "$out/in" -type f -iname '*.pdf' | wc -l) PDFs); runs: $runs paired; jobs: $jobs; OCR off"
printf 'fresh run (--fresh)  : wall %.3f s  CPU %.2f s   (walls: %s)\n' "$mwf" "$mcf" "${wf[*]}"
printf 'unchanged rerun      : wall %.3f s  CPU %.2f s   (walls: %s)\n' "$mwr" "$mcr" "${wr[*]}"
printf 'ratio rerun / fresh: wall %.3f  CPU %.3f   (target: wall < 0.10)\n' "$(echo "$mwr / $mwf" | bc -l)" "$(echo "$mcr / $mcf" | bc -l)"
