#!/bin/sh
# Renders an HTML file (e.g. `ita-extract diff --format html` output) to a PNG with headless Chromium,
# to check by eye that the report and its Thai text render. Debian package: chromium
# (Thai fonts: fonts-thai-tlwg). Usage: Scripts/screenshot-html.sh report.html out.png [WIDTHxHEIGHT]
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 FILE.html OUT.png [WIDTHxHEIGHT (default 1280x1600)]" >&2
    exit 2
fi
html=$1
png=$2
size=${3:-1280x1600}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "chromium not found: apt-get install -y chromium" >&2
    exit 3
fi
[ -f "$html" ] || { echo "no such file: $html" >&2; exit 2; }
abs=$(realpath "$html")
out=$(realpath -m "$png")
# A private profile so that concurrent runs do not share a lock; removed afterwards.
profile=$(mktemp -d "${TMPDIR:-/tmp}/chromium-profile.XXXXXX")
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$out" --window-size="$(echo "$size" | tr x ,)" "file://$abs" >/dev/null 2>&1 || true
[ -s "$out" ] || { echo "chromium wrote no screenshot to $out" >&2; exit 1; }
echo "$out"
