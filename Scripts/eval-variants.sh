#!/usr/bin/env bash
# Held-out measurement over generated layout variants (Scripts/corpus/variants.py): generates (or reuses) the
# documents of a seed range, runs `ita-extract extract` and `ita-extract eval --json`, and prints the scores per
# variation (one row per axis value: report / indicator / question F1, question-score precision, measure F1, share of
# documents with the exact measure-row count, documents with status ok, share with the expected status, share giving
# the expected warnings).
#
#   Scripts/eval-variants.sh [--range tune|heldout] [--count N] [--jobs N] [--cache DIR] [--bin PATH] [--keep-run]
#                            [--detail] [--producer libreoffice|chromium|both] [--work DIR]
#
# Seed ranges: tune = 1-99999 (tune readers on these), heldout = 100000-199999 (report only; never look at these
# documents or their misses while tuning). --count N takes the first N seeds of the range (default 60).
# Generated PDFs are cached in --cache (default /tmp/ita-variants/<range>), so reruns only extract and score.
# --bin: the ita-extract to measure (default .build/release/ita-extract, else .build/debug/ita-extract).
# --producer: print every seed with this producer (default both: drawn from the seed), e.g. to compare the same
# documents from LibreOffice and Chromium (cache and run folders get the producer in their names).
# --work DIR: the run folder (default /tmp/ita-variants/run-<range>-<N>; it is emptied first, so two measurements at
# once need two folders).
# --detail: also rows for the *_detail axes (full section / column orders). --keep-run: keep the extraction output.
# Output: the table on stdout; eval JSON, the table as JSON and the run in /tmp/ita-variants/run-<range>-<N>/.
set -euo pipefail
cd "$(dirname "$0")/.."

range=tune count=60 jobs=2 cache="" bin="" keep=0 detail="" producer=both work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --range) range="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --cache) cache="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --keep-run) keep=1; shift ;;
    --work) work="$2"; shift 2 ;;
    --detail) detail=--detail; shift ;;
    --producer) producer="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$range" in
  tune) first=1; last=99999 ;;
  heldout) first=100000; last=199999 ;;
  *) echo "--range must be tune or heldout" >&2; exit 2 ;;
esac
end=$((first + count - 1))
if [ "$end" -gt "$last" ]; then echo "--count $count is more than the $range range holds" >&2; exit 2; fi
if [ -z "$bin" ]; then
  if [ -x .build/release/ita-extract ]; then bin=.build/release/ita-extract; else bin=.build/debug/ita-extract; fi
fi
[ -x "$bin" ] || { echo "no ita-extract at $bin (swift build first, or --bin)" >&2; exit 2; }
suffix=""; [ "$producer" = both ] || suffix="-$producer"
cache="${cache:-/tmp/ita-variants/$range$suffix}"
work="${work:-/tmp/ita-variants/run-$range$suffix-$count}"

echo "generating seeds $first-$end into $cache ..." >&2
python3 Scripts/corpus/variants.py --seeds "$first-$end" --out "$cache" --jobs "$jobs" --producer "$producer" >&2

# The selected documents only (the cache may hold more seeds): links in a fresh folder.
rm -rf "$work"; mkdir -p "$work/docs"
for s in $(seq "$first" "$end"); do
  n=$(printf 'v%06d' "$s")
  for ext in pdf json variation.json; do ln -s "$(realpath "$cache/$n.$ext")" "$work/docs/$n.$ext"; done
done

echo "extracting with $bin ..." >&2
"$bin" extract "$work/docs" --out "$work/run" --mappings Mappings --jobs "$jobs" --quiet
"$bin" eval --gold "$work/docs" "$work/run" --json > "$work/eval.json"
python3 Scripts/corpus/variation_table.py --gold "$work/docs" --eval "$work/eval.json" --json "$work/table.json" --run "$work/run" \
  $detail
echo "(range $range, seeds $first-$end, $("$bin" --version 2>/dev/null || echo '?'); eval JSON: $work/eval.json)" >&2
[ "$keep" = 1 ] || rm -rf "$work/run"
