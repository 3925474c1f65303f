#!/usr/bin/env bash
# Incremental and resumed runs give the plain run's bytes:
# 1. a run killed with SIGKILL at several moments (before any document is done, after the first, at
#    about half), then the same command again, finishes with output byte-identical to an uninterrupted
#    run, and the rerun takes the documents finished before the kill from the cache (the summary's
#    "from the cache" count covers every entry there at the kill);
# 2. an unchanged rerun reads every document from the cache and writes the same bytes;
# 3. --fresh reads none from the cache and writes the same bytes.
# OCR off to keep it short (a cache entry is written the same way whatever read the document).
#   Scripts/test-resume.sh [BINARY]   (default .build/debug/ita-extract)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/ita-extract}")
work=$(mktemp -d /tmp/ita-resume-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
entries() { { find "$1/.cache" -name '*.json' ! -name key.json 2>/dev/null || true; } | wc -l; }
from_cache() { sed -n 's/.*, \([0-9]*\) from the cache.*/\1/p' "$1" | tail -1; }

opts=(--jobs 2 --no-ocr)
"$bin" extract Corpus --out "$work/plain" "${opts[@]}" --quiet || true
ndocs=$(entries "$work/plain")
[ "$ndocs" -gt 0 ] || { echo "test-resume: the plain run cached nothing" >&2; exit 1; }

for target in 0 1 $((ndocs / 2)); do
  out="$work/killed-$target"
  "$bin" extract Corpus --out "$out" "${opts[@]}" --quiet &
  pid=$!
  # Kill as soon as `target` results are cached (0: right away, during the read pass).
  while [ "$(entries "$out")" -lt "$target" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  kill -9 "$pid" 2>/dev/null || { echo "test-resume: the run ended before the kill at $target" >&2; exit 1; }
  wait "$pid" 2>/dev/null || true
  before=$(entries "$out")
  "$bin" extract Corpus --out "$out" "${opts[@]}" 2> "$work/rerun-$target.log" || true
  reused=$(from_cache "$work/rerun-$target.log"); reused=${reused:-0}
  bash Scripts/compare-runs.sh "$work/plain" "$out"
  [ "$reused" -ge "$before" ] || { echo "test-resume: $before entries cached before the kill, only $reused reused" >&2; exit 1; }
  echo "test-resume: killed with $before of $ndocs results cached; rerun took $reused from the cache, output identical"
done

"$bin" extract Corpus --out "$work/plain" "${opts[@]}" 2> "$work/warm.log" || true
bash Scripts/compare-runs.sh "$work/killed-1" "$work/plain"
warm=$(from_cache "$work/warm.log")
[ "${warm:-0}" -eq "$ndocs" ] || { echo "test-resume: unchanged rerun took ${warm:-0} of $ndocs from the cache" >&2; cat "$work/warm.log" >&2; exit 1; }
"$bin" extract Corpus --out "$work/fresh" --cache "$work/plain/.cache" --fresh "${opts[@]}" 2> "$work/fresh.log" || true
[ -z "$(from_cache "$work/fresh.log")" ] || { echo "test-resume: --fresh read the cache" >&2; exit 1; }
bash Scripts/compare-runs.sh "$work/plain" "$work/fresh"
echo "test-resume: unchanged rerun all $ndocs from the cache, --fresh none; outputs identical"
