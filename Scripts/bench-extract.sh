#!/usr/bin/env bash
# Times `ita-extract extract --no-ocr` (every stage, every output file) against two peers over the same
# PDFs in one invocation, and prints the ratios:
#   - `pdftotext -layout`, one process per file, JOBS files at a time (the same parallelism as --jobs):
#     wall times alternate A B A B over RUNS runs; the medians are compared (target: at most 2x);
#   - pdfplumber `extract_tables()` on every page, one Python process (installed from PyPI into a venv
#     under $BENCH_VENV, default ~/.cache/ita-bench-venv; a peer for this benchmark only, never a
#     dependency of ita-extract): CPU seconds compared (target: pdfplumber at least 12x ita-extract's).
# Also prints ita-extract's stage seconds (manifest.json "timings", summed over documents, so they add up
# to about JOBS times the wall) and its peak RSS (GNU time) over the corpus and over COPIES times as many
# distinct documents (RSS must not grow with the number of documents).
# Default corpus (held out from nothing in the pipeline but close to the issue's 32 reports): Corpus/'s
# native PDFs (seeds, generated, degraded), each also copied once with a byte appended so that the copy
# is a distinct document (same SHA-256 would be read once). OCR is off: Scripts/bench-ocr.sh times OCR.
# Usage: Scripts/bench-extract.sh [DIR_OR_PDFS...]   RUNS=5 JOBS=2 COPIES=4 PLUMBER=1 (0 skips pdfplumber)
#        ITA_BIN=path/to/ita-extract times that binary instead of building this checkout (before/after).
# Needs: ITA_DEPS=bench bash Scripts/install-deps.sh (bc, GNU time, python3-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-lib.sh
runs=${RUNS:-5}; jobs=${JOBS:-2}; copies=${COPIES:-4}; plumber=${PLUMBER:-1}
if [ -n "${ITA_BIN:-}" ]; then bin=$(realpath "$ITA_BIN"); else
  swift build -c release --product ita-extract >/dev/null
  bin=$PWD/.build/release/ita-extract
fi
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

# distinct_copies N DIR PDF...: N copies of each PDF in DIR, copy k with k bytes of a PDF comment appended
# after %%EOF (readers ignore it; the SHA-256 differs).
distinct_copies() {
  local n=$1 dir=$2; shift 2
  mkdir -p "$dir"
  local k i=0 f
  for f in "$@"; do
    i=$((i+1))
    for k in $(seq "$n"); do
      { cat "$f"; printf '\n%%%s\n' "$(printf 'x%.0s' $(seq "$k"))"; } > "$dir/$(printf '%03d-%02d' "$i" "$k")-$(basename "$f")"
    done
  done
}

if [ $# -gt 0 ]; then
  mapfile -t pdfs < <(find "$@" -type f -iname '*.pdf' | LC_ALL=C sort)
  corpus="given files"
else
  mapfile -t natives < <(find Corpus/seeds Corpus/generated Corpus/degraded -type f -iname '*.pdf' | LC_ALL=C sort)
  mkdir -p "$out/corpus"
  cp "${natives[@]}" "$out/corpus/"
  distinct_copies 1 "$out/corpus" "${natives[@]}"
  mapfile -t pdfs < <(find "$out/corpus" -type f -iname '*.pdf' | LC_ALL=C sort)
  corpus="Corpus native PDFs + one distinct copy each"
fi
[ ${#pdfs[@]} -gt 0 ] || { echo "no PDFs found" >&2; exit 1; }
printf '%s\n' "${pdfs[@]}" > "$out/list"
pages=$(count_pages "${pdfs[@]}")

# time_cmd FILE CMD...: runs CMD under GNU time; FILE gets "wall user sys maxrss_kib".
time_cmd() { local f=$1; shift; /usr/bin/time -o "$f" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true; }
# --fresh: every run reads every document (without it, runs after the first came from the result cache).
ours() { time_cmd "$1" "$bin" extract "${pdfs[@]}" --out "$out/run" --jobs "$jobs" --no-ocr --quiet --fresh --mappings Mappings; }
peer_text() { time_cmd "$1" xargs -a "$out/list" -d '\n' -P "$jobs" -I{} pdftotext -layout {} /dev/null; }

declare -a wa wb ca cb
for i in $(seq "$runs"); do
  ours "$out/ta"; peer_text "$out/tb"
  read -r w u s m < "$out/ta"; wa+=("$w"); ca+=("$(echo "$u + $s" | bc -l)"); rss=$m
  read -r w u s m < "$out/tb"; wb+=("$w"); cb+=("$(echo "$u + $s" | bc -l)")
done
ma=$(median "${wa[@]}"); mb=$(median "${wb[@]}"); mca=$(median "${ca[@]}"); mcb=$(median "${cb[@]}")

echo "corpus: ${#pdfs[@]} files ($corpus), $pages pages; runs: $runs; jobs: $jobs; OCR off"
printf 'ita-extract extract --no-ocr (all outputs) : wall %.3f s  CPU %.2f s  peak RSS %d KiB\n' "$ma" "$mca" "$rss"
printf 'pdftotext -layout, %s at a time            : wall %.3f s  CPU %.2f s\n' "$jobs" "$mb" "$mcb"
printf 'ratio wall ita-extract / pdftotext: %.2f   (target <= 2)\n' "$(echo "$ma / $mb" | bc -l)"
# CPU seconds do not depend on what else the machine runs; wall times do (check the load if they differ).
printf 'ratio CPU  ita-extract / pdftotext: %.2f\n' "$(echo "$mca / $mcb" | bc -l)"
python3 - "$out/run/manifest.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["timings"]
stages = t.get("stage_seconds", t)
print("stage seconds (summed over documents): " + "  ".join(f"{k} {v:.2f}" for k, v in sorted(stages.items()) if isinstance(v, (int, float))))
PY

if [ "$plumber" != 0 ]; then
  venv=${BENCH_VENV:-$HOME/.cache/ita-bench-venv}
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pdfplumber' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check pdfplumber
  fi
  cat > "$out/plumber.py" <<'PY'
# The peer: every page's tables through pdfplumber, as a researcher would script it.
import sys, pdfplumber
tables = 0
for path in open(sys.argv[1]).read().splitlines():
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables += len(page.extract_tables())
            page.close()
print(tables)
PY
  time_cmd "$out/tc" "$venv/bin/python" "$out/plumber.py" "$out/list"
  read -r w u s m < "$out/tc"
  cc=$(echo "$u + $s" | bc -l)
  printf 'pdfplumber %s extract_tables, 1 process: wall %.3f s  CPU %.2f s  peak RSS %d KiB\n' \
    "$("$venv/bin/python" -c 'import pdfplumber; print(pdfplumber.__version__)')" "$w" "$cc" "$m"
  printf 'ratio CPU pdfplumber / ita-extract: %.1f   (target >= 12)\n' "$(echo "$cc / $mca" | bc -l)"
fi

if [ "$copies" -gt 1 ]; then
  distinct_copies "$copies" "$out/many" "${pdfs[@]}"
  n=$(find "$out/many" -type f | wc -l)
  time_cmd "$out/tm" "$bin" extract "$out/many" --out "$out/run-many" --jobs "$jobs" --no-ocr --quiet --fresh --mappings Mappings
  read -r w u s m < "$out/tm"
  printf 'peak RSS over %d distinct documents (%sx): %d KiB (wall %.2f s)   (target < 150 MB, flat)\n' "$n" "$copies" "$m" "$w"
fi
