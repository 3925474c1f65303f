#!/usr/bin/env bash
# Times `ita-extract extract` against `pdftotext -raw` over the same PDFs, in the same invocation,
# alternating A B A B, and prints each median wall time, peak memory and the ratio. OCR is off here
# (pdftotext does none): Scripts/bench-ocr.sh times OCR against the tesseract command-line tool.
# Usage: Scripts/bench-extract.sh [DIR_OR_PDFS...]   (default: Corpus)   RUNS=5 JOBS=1
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-lib.sh
runs=${RUNS:-5}
jobs=${JOBS:-1}
inputs=("$@"); [ ${#inputs[@]} -gt 0 ] || inputs=(Corpus)
swift build -c release --product ita-extract >/dev/null
bin=.build/release/ita-extract
mapfile -t pdfs < <(find "${inputs[@]}" -type f -iname '*.pdf' | LC_ALL=C sort)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
printf '%s\n' "${pdfs[@]}" > "$out/list"
cat > "$out/peer.sh" <<'PEER'
#!/usr/bin/env bash
# The peer: pdftotext over every file of the list, one process per file, as a batch script would.
while IFS= read -r f; do pdftotext -raw "$f" - >/dev/null 2>&1 || true; done < "$1"
PEER
declare -a ta tb
for i in $(seq "$runs"); do
  s=$(now); "$bin" extract "${inputs[@]}" --out "$out/run" --jobs "$jobs" --no-ocr --quiet >/dev/null 2>&1 || true; e=$(now)
  ta+=("$(echo "$e - $s" | bc -l)")
  s=$(now); bash "$out/peer.sh" "$out/list"; e=$(now)
  tb+=("$(echo "$e - $s" | bc -l)")
done
ma=$(median "${ta[@]}"); mb=$(median "${tb[@]}")
pages=$(count_pages "${pdfs[@]}")
/usr/bin/time -o "$out/rss" -f "%M" "$bin" extract "${inputs[@]}" --out "$out/run" --jobs "$jobs" --no-ocr --quiet >/dev/null 2>&1 || true; rss_a=$(tail -1 "$out/rss")
echo "files: ${#pdfs[@]}  pages: $pages  runs: $runs  jobs: $jobs"
printf 'ita-extract extract --no-ocr (all outputs)  : median %.3f s   peak RSS %s KiB\n' "$ma" "$rss_a"
printf 'pdftotext -raw (text only, per file)          : median %.3f s\n' "$mb"
printf 'ratio ita-extract / pdftotext: %.2f\n' "$(echo "$ma / $mb" | bc -l)"
