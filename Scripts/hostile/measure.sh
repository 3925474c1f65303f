#!/usr/bin/env bash
# Hostile inputs, each beside two good Corpus reports, as an archive would feed them: for each case,
# the exit code, wall time and peak RSS of `extract` (/usr/bin/time -v: the largest of the parent and
# its worker processes), how the case was reported (status, stage/reason in errors.jsonl, warnings),
# and whether the good reports' rows are byte-identical to a run over the two alone.
# Cases: a FIFO named x.pdf, a link x.pdf -> /dev/zero, a 4 GB sparse file, a one-page image PDF
# with a 14400 pt MediaBox (OCR render budget), a 2,000-page report made with qpdf from Corpus pages.
# Usage: Scripts/hostile/measure.sh [BIN]   (default: .build/release/ita-extract, built if missing)
#        CASES="giant pages2000" to run only some cases (default: all).
# Needs qpdf and GNU time (ITA_DEPS=hostile Scripts/install-deps.sh). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/ita-extract}
[ -x "$bin" ] || swift build -c release --product ita-extract >/dev/null
bin=$(realpath "$bin")
work=$(mktemp -d /tmp/ita-hostile.XXXXXX)
trap 'rm -rf "$work"' EXIT
good=(Corpus/seeds/s002-obt.pdf Corpus/generated/g02-obt-2567-ascii-longthead.pdf)
mkdir -p "$work/good"
cp "${good[@]}" "$work/good/"
goodpaths=("$work/good/$(basename "${good[0]}")" "$work/good/$(basename "${good[1]}")")

# The cases, one folder each (the good files are given beside them).
mkdir -p "$work/fifo" "$work/devzero" "$work/sparse" "$work/giant" "$work/pages2000"
mkfifo "$work/fifo/x.pdf"
ln -s /dev/zero "$work/devzero/x.pdf"
truncate -s 4G "$work/sparse/x.pdf"
# Giant MediaBox: the first page of a scan (image only), its MediaBox set to 14400 x 14400 pt (PDF's
# largest) and the image stretched over it; about 125 KB.
qpdf --qdf --object-streams=disable --pages Corpus/scanned/s002-obt-scan.pdf 1 -- Corpus/scanned/s002-obt-scan.pdf "$work/giant/qdf.pdf"
perl -0pe 's#/MediaBox \[[^\]]*\]#/MediaBox [ 0 0 14400 14400 ]#s; s#q [0-9.]+ 0 0 [0-9.]+ 0 0 cm /Im0 Do Q#q 14400 0 0 14400 0 0 cm /Im0 Do Q#' \
  "$work/giant/qdf.pdf" > "$work/giant/edited.pdf"
fix-qdf "$work/giant/edited.pdf" > "$work/giant/x.pdf"
rm "$work/giant/qdf.pdf" "$work/giant/edited.pdf"
# 2,000 pages: a text report's pages over and over.
src=Corpus/seeds/s000-thesaban-mueang.pdf
n=$(qpdf --show-npages "$src")
reps=$(( 2000 / n )); rest=$(( 2000 - reps * n ))
args=(); for _ in $(seq "$reps"); do args+=("$src"); done
[ "$rest" -gt 0 ] && args+=("$src" "1-$rest")
qpdf --empty --pages "${args[@]}" -- "$work/pages2000/x.pdf"

run() {  # run NAME OUT ARGS... -> writes $work/NAME.time and .rc
  local name=$1 out=$2; shift 2
  set +e
  /usr/bin/time -v -o "$work/$name.time" "$bin" extract --quiet --out "$out" "$@" 2>"$work/$name.err" </dev/null
  echo $? > "$work/$name.rc"
  set -e
}

run clean "$work/out-clean" "${goodpaths[@]}"
echo "| case | exit | wall | peak RSS | reported as | good rows intact |"
echo "| --- | --- | --- | --- | --- | --- |"
for c in ${CASES:-fifo devzero sparse giant pages2000}; do
  run "$c" "$work/out-$c" "${goodpaths[@]}" "$work/$c/x.pdf"
  rc=$(cat "$work/$c.rc")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$c.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d MB", $2/1024}' "$work/$c.time")
  how=$(jq -r --arg p "$work/$c/x.pdf" 'select(.source_path == $p) |
          .status + (if .error then " " + .error.stage + "/" + .error.reason else "" end) + " " +
          ([.warning_list[].code] | unique | join(","))' "$work/out-$c/reports.jsonl" 2>/dev/null || echo "no output")
  intact=yes
  for g in "${goodpaths[@]}"; do
    for f in reports.csv reports.jsonl indicator_scores.csv question_scores.csv measures.csv; do
      if ! cmp -s <(grep -F "$g" "$work/out-clean/$f" || true) <(grep -F "$g" "$work/out-$c/$f" || true); then
        intact="NO ($f)"
      fi
    done
  done
  echo "| $c | $rc | $wall | $rss | $how | $intact |"
done
