#!/usr/bin/env bash
# Scale test: an archive of distinct documents made from Corpus's text PDFs (each copy made unique by a
# comment appended after %%EOF, which PDF readers ignore), then, with the release build and OCR off:
#   cold runs over the first 200, 1000 and all documents (empty cache): how time grows with size;
#   a warm rerun over all (everything cached);
#   a cold run sharded 4 ways on a one-node Slurm (job array + dependent merge), compared byte for
#   byte with the cold run.
# Prints wall time, pages/s and peak RSS of each. Scans are left out (OCR would dominate and is
# measured by Scripts/bench-ocr.sh); so are Corpus/bad (failures take no time).
#   Scripts/scale-test.sh [DOCS]   (default 2000; needs root for Slurm, ITA_DEPS=slurm,bench)
#   JOBS (default: cores), SIZES (cold-run sizes, default "200 1000 DOCS")
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-2000}
jobs=${JOBS:-$(nproc)}
swift build -c release --product ita-extract >/dev/null
bin=$(realpath .build/release/ita-extract)
work=$(mktemp -d /tmp/ita-scale.XXXXXX)
chmod 755 "$work"  # munged runs as user munge and keeps its socket in here
source Scripts/slurm/local-cluster.sh
cleanup() { cluster_stop "$work/cluster"; rm -rf "$work"; }
trap cleanup EXIT

mapfile -t sources < <(find Corpus/generated Corpus/seeds Corpus/degraded -iname '*.pdf' | LC_ALL=C sort)
for ((i = 0; i < docs; i++)); do
  dir=$(printf '%s/archive/part-%03d' "$work" $((i / 100)))
  [ -d "$dir" ] || mkdir -p "$dir"
  src=${sources[$((i % ${#sources[@]}))]}
  f=$(printf '%s/doc-%05d.pdf' "$dir" "$i")
  cp "$src" "$f"; printf '\n%% ita-scale-test copy %d\n' "$i" >> "$f"
done
cd "$work"  # $OLDPWD: the repository
parts() { local n=$1; for ((p = 0; p < (n + 99) / 100; p++)); do printf 'archive/part-%03d\n' "$p"; done; }
pages_of() { grep -o '"pages":[0-9]*' "$1/reports.jsonl" | awk -F: '{s += $2} END {print s + 0}'; }
row() {  # label docs out wall rss_kib
  local pages; pages=$(pages_of "$3")
  printf '%-26s %5s docs %6s pages %8.2f s %8.1f pages/s %7.1f ms/doc %7.1f MB peak RSS\n' "$1" "$2" "$pages" "$4" \
    "$(echo "$pages / $4" | bc -l)" "$(echo "$4 * 1000 / $2" | bc -l)" "$(echo "$5 / 1024" | bc -l)"
}
timed_run() {  # label docs out extra-args...
  local label=$1 n=$2 out=$3; shift 3
  mapfile -t inputs < <(parts "$n")
  /usr/bin/time -o "$work/time" -f '%e %M' "$bin" extract "${inputs[@]}" --out "$out" --jobs "$jobs" --no-ocr --quiet "$@" || true
  read -r wall rss < "$work/time"
  row "$label" "$n" "$out" "$wall" "$rss"
}
echo "archive: $docs documents from ${#sources[@]} Corpus PDFs; release build; OCR off; --jobs $jobs; $(nproc) cores"
read -r -a sizes <<< "${SIZES:-200 1000 $docs}"
[ "${sizes[-1]}" = "$docs" ] || sizes+=("$docs")  # the warm run and the Slurm check reuse the last cold run
for n in "${sizes[@]}"; do timed_run "cold (empty cache)" "$n" "cold-$n"; done
timed_run "warm (all cached)" "$docs" "cold-$docs"
# Ten new documents added to the cached archive: the rerun should cost about ten documents plus the write.
mkdir -p archive/part-zzz-new
for ((i = 0; i < 10; i++)); do
  f=$(printf 'archive/part-zzz-new/new-%02d.pdf' "$i"); cp "$OLDPWD/${sources[$((i % ${#sources[@]}))]}" "$f"
  printf '\n%% ita-scale-test new %d\n' "$i" >> "$f"
done
mapfile -t inputs < <(parts "$docs"; echo archive/part-zzz-new)
/usr/bin/time -o "$work/time" -f '%e %M' "$bin" extract "${inputs[@]}" --out "added-$docs" --cache "cold-$docs/.cache" --jobs "$jobs" --no-ocr --quiet || true
read -r wall rss < "$work/time"
row "warm + 10 new files" "$((docs + 10))" "added-$docs" "$wall" "$rss"

cluster_start "$work/cluster"
cat > "$work/timed-ita.sh" <<WRAP
#!/usr/bin/env bash
exec /usr/bin/time -a -o "$work/shard-rss" -f '%M' "$bin" "\$@"
WRAP
chmod +x "$work/timed-ita.sh"
mapfile -t inputs < <(parts "$docs")
start=$(date +%s.%N)
ITA_EXTRACT="$work/timed-ita.sh" ITA_EXTRACT_OPTS="--no-ocr --quiet" \
  bash "$OLDPWD/Scripts/slurm/submit.sh" --wait 4 "$work/slurm" "${inputs[@]}" >/dev/null
end=$(date +%s.%N)
rss=$(sort -n "$work/shard-rss" | tail -1)
row "slurm 4 shards + merge" "$docs" "$work/slurm/dataset" "$(echo "$end - $start" | bc -l)" "$rss"
bash "$OLDPWD/Scripts/compare-runs.sh" "cold-$docs" "$work/slurm/dataset" && echo "slurm merge = cold run, byte for byte"
