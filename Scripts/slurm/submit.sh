#!/usr/bin/env bash
# Submits an ita-extract run over PATH... as N shards (one Slurm array task each) and a merge job that
# starts when every shard succeeded. The dataset ends up in RUN_DIR/dataset.
#   Scripts/slurm/submit.sh [--wait] N RUN_DIR PATH...
# --wait: return when the merge job has ended (exit status: the merge's). Extra sbatch options (account,
# partition, time) go in SBATCH_* environment variables, e.g. SBATCH_PARTITION=main, SBATCH_TIMELIMIT=1-0.
# See extract-array.sbatch for ITA_EXTRACT, ITA_CACHE and ITA_EXTRACT_OPTS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wait=()
if [ "${1:-}" = "--wait" ]; then wait=(--wait); shift; fi
n=$1 run_dir=$2; shift 2
[ "$n" -ge 1 ] || { echo "submit.sh: N must be at least 1" >&2; exit 2; }
mkdir -p "$run_dir/shards" "$run_dir/logs"
array=$(sbatch --parsable --array=0-$((n - 1)) -o "$run_dir/logs/shard-%a.out" "$here/extract-array.sbatch" "$run_dir" "$@")
array=${array%%;*}
echo "shards: job $array (array 0-$((n - 1)))"
echo "merge:  after job $array succeeds -> $run_dir/dataset"
sbatch --parsable "${wait[@]}" --dependency=afterok:"$array" --kill-on-invalid-dep=yes \
  -o "$run_dir/logs/merge.out" "$here/merge.sbatch" "$run_dir"
