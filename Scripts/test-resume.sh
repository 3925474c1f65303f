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
entries() { { find "$1/.cache" -name '*.rec' 2>/dev/null || true; } | wc -l; }
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

warm_rc=0; "$bin" extract Corpus --out "$work/plain" "${opts[@]}" 2> "$work/warm.log" || warm_rc=$?
bash Scripts/compare-runs.sh "$work/killed-1" "$work/plain"
warm=$(from_cache "$work/warm.log")
[ "${warm:-0}" -eq "$ndocs" ] || { echo "test-resume: unchanged rerun took ${warm:-0} of $ndocs from the cache" >&2; cat "$work/warm.log" >&2; exit 1; }
# The unchanged rerun above left the dataset as it was (UnchangedRun: same files, not rewritten); once a
# dataset file is touched, the next rerun writes the dataset again, and the same bytes.
ino() { stat -c '%i' "$work/plain/dataset.sqlite"; }
before_ino=$(ino)
[ -f "$work/plain/.unchanged-run" ] || { echo "test-resume: no .unchanged-run stamp after a complete run" >&2; exit 1; }
manifest_mtime=$(stat -c '%Y.%y' "$work/plain/manifest.json")
# The shortcut must be a run that ended as the one before it (same exit status: Corpus/bad fails), not
# one that stopped before writing anything.
rc=0; "$bin" extract Corpus --out "$work/plain" "${opts[@]}" --quiet 2>/dev/null || rc=$?
[ "$rc" = "$warm_rc" ] || { echo "test-resume: the unchanged rerun exited $rc, the run before it $warm_rc" >&2; exit 1; }
[ "$(ino)" = "$before_ino" ] || { echo "test-resume: an unchanged rerun rewrote the dataset" >&2; exit 1; }
[ "$(stat -c '%Y.%y' "$work/plain/manifest.json")" = "$manifest_mtime" ] || { echo "test-resume: an unchanged rerun rewrote the manifest" >&2; exit 1; }
cp -r "$work/plain" "$work/plain-copy"
touch "$work/plain/reports.csv"
"$bin" extract Corpus --out "$work/plain" "${opts[@]}" --quiet 2>/dev/null || true
[ "$(ino)" != "$before_ino" ] || { echo "test-resume: a rerun after reports.csv was touched kept the dataset" >&2; exit 1; }
bash Scripts/compare-runs.sh "$work/plain-copy" "$work/plain"
echo "test-resume: unchanged rerun left the dataset in place; after a touch it was written again, identical"
"$bin" extract Corpus --out "$work/fresh" --cache "$work/plain/.cache" --fresh "${opts[@]}" 2> "$work/fresh.log" || true
[ -z "$(from_cache "$work/fresh.log")" ] || { echo "test-resume: --fresh read the cache" >&2; exit 1; }
bash Scripts/compare-runs.sh "$work/plain" "$work/fresh"
echo "test-resume: unchanged rerun all $ndocs from the cache, --fresh none; outputs identical"

# The stat index (OUT/.cache/stat-index.tsv): an unchanged rerun takes each digest from it, and a file
# whose bytes change while its size and mtime stay (rewritten in place, mtime set back) is hashed
# again, because its ctime moved. The files are made, then left still for more than StatIndex.settled
# (3 s): a file changed more recently is never recorded.
idx="$work/index"; mkdir -p "$idx/in"
cp Corpus/seeds/s000-thesaban-mueang.pdf "$idx/in/a.pdf"
cp Corpus/seeds/s003-thesaban-tambon.pdf "$idx/in/b.pdf"
sleep 4
"$bin" extract "$idx/in" --out "$idx/out" "${opts[@]}" --quiet 2>/dev/null || true
recorded=$(grep -c -v '^ita-extract stat index' "$idx/out/.cache/stat-index.tsv" || true)
[ "$recorded" -eq 2 ] || { echo "test-resume: the stat index holds $recorded entries, expected 2" >&2; exit 1; }
sha_of() { python3 -c "import json,sys; print(next(i['sha256'] for i in json.load(open(sys.argv[1]))['inputs'] if i['path'].endswith('/' + sys.argv[2])))" "$idx/out/manifest.json" "$1"; }
before=$(sha_of a.pdf)
# Same size, same mtime, other bytes: one byte of the trailing comment area flipped.
cp -p "$idx/in/a.pdf" "$idx/a.orig"
python3 - "$idx/in/a.pdf" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
b[-2] = ord('x') if b[-2] != ord('x') else ord('y')
open(p, 'r+b').write(b)
PY
touch -r "$idx/a.orig" "$idx/in/a.pdf"
"$bin" extract "$idx/in" --out "$idx/out" "${opts[@]}" --quiet 2>/dev/null || true
after=$(sha_of a.pdf)
expected=$(sha256sum "$idx/in/a.pdf" | cut -d' ' -f1)
[ "$after" = "$expected" ] && [ "$after" != "$before" ] \
  || { echo "test-resume: a file rewritten with its size and mtime kept got digest $after, expected $expected (was $before)" >&2; exit 1; }
echo "test-resume: stat index: 2 entries recorded; a rewrite keeping size and mtime was hashed again"

# Shards sharing one --cache merge their entries into its stat index (the second does not overwrite
# the first's), and an entry whose file is gone is pruned by the next run that writes the index.
sh="$work/shared-index"; mkdir -p "$sh/in"
for f in Corpus/seeds/*.pdf; do cp "$f" "$sh/in/"; done
sleep 4
for k in 0 1; do "$bin" extract "$sh/in" --shard "$k/2" --cache "$sh/cache" --out "$sh/out-$k" "${opts[@]}" --quiet 2>/dev/null || true; done
indexed() { grep -c -v '^ita-extract stat index' "$sh/cache/stat-index.tsv" || true; }
n=$(find "$sh/in" -name '*.pdf' | wc -l)
per_shard=$(for k in 0 1; do python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['inputs']))" "$sh/out-$k/manifest.json"; done | tr '\n' ' ')
[ "$(indexed)" -eq "$n" ] || { echo "test-resume: two shards ($per_shard inputs) sharing a cache left $(indexed) of $n entries in its stat index" >&2; exit 1; }
gone=$(find "$sh/in" -name '*.pdf' | LC_ALL=C sort | head -1)
rm "$gone"
"$bin" extract "$sh/in" --shard 0/2 --cache "$sh/cache" --out "$sh/out-0" "${opts[@]}" --quiet 2>/dev/null || true
[ "$(indexed)" -eq $((n - 1)) ] && ! grep -q "$(python3 -c 'import sys; print(sys.argv[1].encode().hex())' "$(basename "$gone")")" "$sh/cache/stat-index.tsv" \
  || { echo "test-resume: the stat index kept $(indexed) entries after $(basename "$gone") was deleted, expected $((n - 1))" >&2; exit 1; }
echo "test-resume: stat index shared by 2 shards ($per_shard inputs): $n entries merged; a deleted file's entry pruned"
