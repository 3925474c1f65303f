#!/usr/bin/env bash
# Times OCR of scanned PDFs: `ita-extract extract` (render, erase borders, Tesseract, then every later
# stage and all outputs) against the same work done the usual shell way (pdftoppm at the same dpi, then
# the tesseract command-line tool per page, one OpenMP thread each, JOBS pages at a time), alternating
# A B A B in one invocation. Prints median wall times and the ratio. Every run is --fresh (without it,
# runs 2 and 3 came from the result cache). Also prints median CPU seconds (user + sys) and their ratio.
# Usage: Scripts/bench-ocr.sh [DIR_OR_PDFS...]   (default: Corpus/scanned)   RUNS=3 JOBS=2 DPI=200
#        BIN=path/to/ita-extract measures that binary instead of building the release one (e.g. a debug
#        build when a release build is too dear: the Swift stages are slower there, so the ratio is an upper bound).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-lib.sh
runs=${RUNS:-3}; jobs=${JOBS:-2}; dpi=${DPI:-200}
inputs=("$@"); [ ${#inputs[@]} -gt 0 ] || inputs=(Corpus/scanned)
if [ -n "${BIN:-}" ]; then bin=$BIN; else
  swift build -c release --product ita-extract >/dev/null
  bin=.build/release/ita-extract
fi
mapfile -t pdfs < <(find "${inputs[@]}" -type f -iname '*.pdf' | LC_ALL=C sort)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
peer() {
  rm -rf "$out/img"; mkdir -p "$out/img"
  local i=0
  for f in "${pdfs[@]}"; do i=$((i+1)); pdftoppm -r "$dpi" -gray "$f" "$out/img/d$i"; done
  find "$out/img" -name '*.pgm' | LC_ALL=C sort | \
    OMP_THREAD_LIMIT=1 xargs -P "$jobs" -I{} sh -c 'tesseract "$1" - -l tha+eng >/dev/null 2>&1' _ {}
}
# CPU seconds (user + sys of the command and its children): a loaded machine stretches wall times
# far more than CPU times, so the CPU ratio says whether the work itself grew.
cpu() { local f="$out/cpu"; /usr/bin/time -f '%U %S' -o "$f" "$@" >/dev/null 2>&1 || true; awk '{print $1 + $2}' "$f"; }
declare -a ta tb ca cb
for i in $(seq "$runs"); do
  s=$(now); c=$(cpu "$bin" extract "${pdfs[@]}" --out "$out/run" --jobs "$jobs" --ocr-dpi "$dpi" --quiet --fresh); e=$(now)
  ta+=("$(echo "$e - $s" | bc -l)"); ca+=("$c")
  export -f peer; export out dpi jobs
  s=$(now); c=$(cpu bash -c 'pdfs=("$@"); peer' _ "${pdfs[@]}"); e=$(now)
  tb+=("$(echo "$e - $s" | bc -l)"); cb+=("$c")
done
ma=$(median "${ta[@]}"); mb=$(median "${tb[@]}")
mca=$(median "${ca[@]}"); mcb=$(median "${cb[@]}")
pages=$(count_pages "${pdfs[@]}")
echo "files: ${#pdfs[@]}  pages: $pages  runs: $runs  jobs: $jobs  dpi: $dpi"
printf 'ita-extract extract (OCR + all stages + outputs): median %.3f s (%.2f s/page), CPU %.1f s\n' "$ma" "$(echo "$ma / $pages" | bc -l)" "$mca"
printf 'pdftoppm + tesseract CLI (text only)            : median %.3f s (%.2f s/page), CPU %.1f s\n' "$mb" "$(echo "$mb / $pages" | bc -l)" "$mcb"
printf 'ratio ita-extract / tesseract CLI: %.2f (CPU %.2f)\n' "$(echo "$ma / $mb" | bc -l)" "$(echo "$mca / $mcb" | bc -l)"
