#!/usr/bin/env bash
# Benchmark of the normalisation stage against PyThaiNLP on all Corpus text, same text, same run.
#   Scripts/bench-normalise.sh [--source-txt] [--bin PATH]
# 1. builds ita-extract (release, own scratch path) unless --bin names a binary;
# 2. extracts the text of every Corpus/**/*.pdf with pdftotext into one file (or, with
#    --source-txt, concatenates the Corpus *.source.txt files);
# 3. pip-installs pythainlp into /tmp/ita-bench-venv if missing;
# 4. runs `ita-extract normalise --numeric` and PyThaiNLP normalize + thai_digit_to_arabic_digit
#    line by line, prints MB/s of each and the ratio, the corrections per kind (--changes), and
#    writes a sample of the lines where the two disagree to $OUT/disagreements.jsonl.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-/tmp/ita-bench-normalise}"
VENV="${VENV:-/tmp/ita-bench-venv}"
BIN=""
SOURCE_TXT=0
while [ $# -gt 0 ]; do
  case "$1" in
    --source-txt) SOURCE_TXT=1 ;;
    --bin) BIN="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$OUT"

if [ -z "$BIN" ]; then
  (cd "$ROOT" && swift build -c release --scratch-path .build-bench-normalise --product ita-extract >&2)
  BIN="$ROOT/.build-bench-normalise/release/ita-extract"
fi

RAW="$OUT/corpus.txt"
: > "$RAW"
if [ "$SOURCE_TXT" = 1 ]; then
  find "$ROOT/Corpus" -name '*.source.txt' | LC_ALL=C sort | while read -r f; do cat "$f" >> "$RAW"; echo >> "$RAW"; done
else
  find "$ROOT/Corpus" -name '*.pdf' | LC_ALL=C sort | while read -r f; do pdftotext -enc UTF-8 "$f" - >> "$RAW" 2>/dev/null || true; done
fi
# pdftotext separates pages with form feeds; make them line breaks so both tools see the same lines.
sed -i 's/\f/\n/g' "$RAW"
BYTES=$(wc -c < "$RAW")
echo "corpus text: $RAW, $BYTES bytes, $(wc -l < "$RAW") lines, $(find "$ROOT/Corpus" -name '*.pdf' | wc -l) PDFs"

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pythainlp' 2>/dev/null; then
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install -q pythainlp >&2
fi

# CPU time (user+sys), not wall time: the machine is shared and wall time measures the neighbours.
# Our figure: CPU of the whole run minus CPU of a run on empty input (process start, loading the
# tables and ICU's dictionary); PyThaiNLP's: CPU of its loop only (import excluded). Best of 3.
cpu() { local in="$1" out="$2"; shift 2; /usr/bin/time -f "%U %S" -o "$OUT/time.txt" "$@" < "$in" > "$out"; awk '{print $1 + $2}' "$OUT/time.txt"; }
best() { sort -n | head -1; }
empty_t=$(for i in 1 2 3; do cpu /dev/null /dev/null "$BIN" normalise --numeric --mappings "$ROOT/Mappings"; done | best)
ours_t=$(for i in 1 2 3; do cpu "$RAW" "$OUT/ours.txt" "$BIN" normalise --numeric --mappings "$ROOT/Mappings"; done | best)
peer_t=$(for i in 1 2 3; do "$VENV/bin/python" "$ROOT/Scripts/bench/normalise_peer.py" run "$RAW" "$OUT/peer.txt" | awk '/peer_seconds/ {print $2}'; done | best)
"$VENV/bin/python" "$ROOT/Scripts/bench/normalise_peer.py" run "$RAW" "$OUT/peer.txt" | grep version
net=$(echo "$ours_t - $empty_t" | bc -l)
ours_mbs=$(echo "$BYTES / 1000000 / $net" | bc -l)
peer_mbs=$(echo "$BYTES / 1000000 / $peer_t" | bc -l)
printf 'ita-extract normalise --numeric: %.3f s CPU (start-up %.3f s excluded) = %.2f MB/s\n' "$net" "$empty_t" "$ours_mbs"
printf 'pythainlp normalize+thai_digit_to_arabic_digit: %.3f s CPU = %.2f MB/s\n' "$peer_t" "$peer_mbs"
printf 'ratio ita-extract / pythainlp: %.2f\n' "$(echo "$ours_mbs / $peer_mbs" | bc -l)"

"$BIN" normalise --changes --mappings "$ROOT/Mappings" < "$RAW" > "$OUT/changes.jsonl"
echo "corrections per kind on the Corpus text (prose mode, no digit conversion):"
python3 - "$OUT/changes.jsonl" <<'PY'
import collections, json, sys
c = collections.Counter(json.loads(l)["kind"] for l in open(sys.argv[1], encoding="utf-8") if l.strip())
for k, n in sorted(c.items()): print("  %-16s %d" % (k, n))
print("  %-16s %d" % ("total", sum(c.values())))
PY
"$VENV/bin/python" "$ROOT/Scripts/bench/normalise_peer.py" compare "$RAW" "$OUT/ours.txt" "$OUT/peer.txt" "$OUT/disagreements.jsonl" 40
echo "sample of disagreements: $OUT/disagreements.jsonl"
