#!/usr/bin/env bash
# Before/after in one invocation: two ita-extract binaries over the same PDFs, runs alternating
# A B A B (so both see the same machine load), `extract --no-ocr --fresh` with JOBS workers. Prints
# each one's median wall and CPU (user+sys, GNU time) and the ratios B/A, and checks that the two
# datasets are byte-identical (Scripts/compare-runs.sh; manifest "build"/"cache_key" aside, which
# name the binary). CPU is the figure to trust on a shared machine; wall moves with the load.
# Default corpus: as Scripts/bench-extract.sh (Corpus/ native PDFs + one distinct copy each).
#   Scripts/bench-ab.sh A_BINARY B_BINARY [DIR_OR_PDFS...]   RUNS=5 JOBS=2
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-lib.sh
a=$(realpath "$1") b=$(realpath "$2"); shift 2
runs=${RUNS:-5}; jobs=${JOBS:-2}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
if [ $# -gt 0 ]; then
  mapfile -t pdfs < <(find "$@" -type f -iname '*.pdf' | LC_ALL=C sort)
else
  mapfile -t natives < <(find Corpus/seeds Corpus/generated Corpus/degraded -type f -iname '*.pdf' | LC_ALL=C sort)
  mkdir -p "$out/corpus"; cp "${natives[@]}" "$out/corpus/"
  i=0; for f in "${natives[@]}"; do i=$((i+1)); { cat "$f"; printf '\n%%x\n'; } > "$out/corpus/$(printf '%03d-01' "$i")-$(basename "$f")"; done
  mapfile -t pdfs < <(find "$out/corpus" -type f -iname '*.pdf' | LC_ALL=C sort)
fi
one() { /usr/bin/time -o "$1" -f '%e %U %S' "$2" extract "${pdfs[@]}" --out "$3" --jobs "$jobs" --no-ocr --quiet --fresh --mappings Mappings >/dev/null 2>&1 || true; }
declare -a wa wb ca cb
for i in $(seq "$runs"); do
  one "$out/ta" "$a" "$out/run-a"; one "$out/tb" "$b" "$out/run-b"
  read -r w u s < "$out/ta"; wa+=("$w"); ca+=("$(echo "$u + $s" | bc -l)")
  read -r w u s < "$out/tb"; wb+=("$w"); cb+=("$(echo "$u + $s" | bc -l)")
done
ma=$(median "${wa[@]}"); mb=$(median "${wb[@]}"); mca=$(median "${ca[@]}"); mcb=$(median "${cb[@]}")
echo "corpus: ${#pdfs[@]} files, $(count_pages "${pdfs[@]}") pages; runs: $runs alternating; jobs: $jobs; OCR off"
printf 'A %s: wall %.3f s  CPU %.2f s   (CPU per run: %s)\n' "$a" "$ma" "$mca" "${ca[*]}"
printf 'B %s: wall %.3f s  CPU %.2f s   (CPU per run: %s)\n' "$b" "$mb" "$mcb" "${cb[*]}"
printf 'ratio B/A: wall %.3f  CPU %.3f\n' "$(echo "$mb / $ma" | bc -l)" "$(echo "$mcb / $mca" | bc -l)"
strip_build() { sed -i -e '/"build" : /d' -e '/"cache_key" : /d' "$1/manifest.json"; }
strip_build "$out/run-a"; strip_build "$out/run-b"
if bash Scripts/compare-runs.sh "$out/run-a" "$out/run-b"; then echo "outputs: byte-identical"; else echo "outputs: DIFFER" >&2; exit 1; fi
