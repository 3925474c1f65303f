#!/usr/bin/env bash
# CI's cluster test: a real one-node Slurm (Scripts/slurm/local-cluster.sh, Debian's munge and Slurm
# packages: ITA_DEPS=slurm), a 4-shard job array over Corpus with a dependent merge job
# (Scripts/slurm/submit.sh), then the merged dataset compared byte for byte with a plain run over the
# same inputs (manifest timings aside). OCR off to keep it short: shards and merge do not care how a
# record was read, and the resume test and test.sh's Corpus run cover OCR'd documents.
#   Scripts/test-slurm.sh [BINARY]   (default .build/debug/ita-extract; run as root)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/ita-extract}")
work=$(mktemp -d /tmp/ita-slurm-test.XXXXXX)
chmod 755 "$work"  # munged runs as user munge and keeps its socket in here
source Scripts/slurm/local-cluster.sh
cleanup() { cluster_stop "$work/cluster"; rm -rf "$work"; }
trap cleanup EXIT
cluster_start "$work/cluster"
echo "slurm: one node up ($(sinfo -h -o '%n %c CPUs %t'))"

# The inputs: Corpus, plus two files named in TIS-620 bytes (not UTF-8, as names from Thai Windows
# shares are), one a twin of a Corpus file (same SHA-256): the merge must give them the byte order,
# source_path escapes and manifest path_hex (first file and twin) of a single run.
repo=$PWD
mkdir -p "$work/in"
cp -r Corpus "$work/in/"
tis() { printf "$1"; }
cp Corpus/seeds/s003-thesaban-tambon.pdf "$work/in/Corpus/seeds/$(tis '\xca\xc3\xd8\xbb')-s003.pdf"
{ cat Corpus/seeds/s000-thesaban-mueang.pdf; printf '\n%%tis-620 name\n'; } > "$work/in/Corpus/$(tis '\xc3\xe3\xba\xa7\xd2\xb9').pdf"
cd "$work/in"
"$bin" extract Corpus --out "$work/plain" --no-ocr --quiet || true
ITA_EXTRACT="$bin" ITA_EXTRACT_OPTS="--no-ocr --quiet" \
  bash "$repo/Scripts/slurm/submit.sh" --wait 4 "$work/run" Corpus \
  || { echo "test-slurm: the merge job failed or never ran" >&2; tail -n 20 "$work"/run/logs/*.out >&2; exit 1; }
cd "$repo"
hex=$(grep -c '"path_hex"' "$work/run/dataset/manifest.json" || true)
[ "$hex" -eq 2 ] || { echo "test-slurm: the merged manifest has $hex path_hex entries, expected 2 (a TIS-620 name and a TIS-620 twin)" >&2; exit 1; }
for k in 0 1 2 3; do
  [ -s "$work/run/shards/$k/manifest.json" ] || { echo "test-slurm: shard $k wrote no dataset" >&2; exit 1; }
done
total=$(grep -c '"path"' "$work/plain/manifest.json")
shard_total=$(cat "$work"/run/shards/*/manifest.json | grep -c '"path"')
[ "$shard_total" -eq "$total" ] || { echo "test-slurm: shards hold $shard_total inputs, the plain run $total" >&2; exit 1; }
bash Scripts/compare-runs.sh "$work/plain" "$work/run/dataset"
echo "test-slurm: 4 shards on Slurm + merge = plain run, byte for byte ($total inputs)"
