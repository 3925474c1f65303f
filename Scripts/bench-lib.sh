# Helpers shared by the benchmark scripts (sourced, not run).
# now: wall clock in seconds; median ARGS...: median of numbers; count_pages PDF...: total pages.
now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
count_pages() { for f in "$@"; do pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'; done | awk '{s+=$1} END {print s+0}'; }
