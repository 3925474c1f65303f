#!/usr/bin/env bash
# Headless-Chromium test of the review page: builds `ita-extract review` for RUN_DIR, takes a
# screenshot (look at it), and checks in the DOM Chromium rendered that every value row of a sample
# document (the first with status ok, or the doc_id given) carries its page crop with a box.
# Needs chromium (ITA_DEPS=html bash Scripts/install-deps.sh). Usage:
#   bash Scripts/check-review.sh RUN_DIR OUT.png [PDF_DIR (default .)] [DOC_ID]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 RUN_DIR OUT.png [PDF_DIR] [DOC_ID]" >&2; exit 2; }
run=$1; png=$2; pdfs=${3:-.}; doc=${4:-}
here=$(cd "$(dirname "$0")/.." && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium not found: ITA_DEPS=html bash Scripts/install-deps.sh" >&2; exit 3; }
work=$(mktemp -d /tmp/ita-review-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$here/.build/debug/ita-extract" review "$run" --pdfs "$pdfs" --out "$work/review.html"
bash "$here/Scripts/screenshot-html.sh" "$work/review.html" "$png" 1280x2400 >/dev/null
"$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --dump-dom "file://$work/review.html" \
  > "$work/dom.html" 2>/dev/null
python3 - "$work/dom.html" "$doc" <<'PY'
import base64, sys
from html.parser import HTMLParser

class Doc(HTMLParser):
    def __init__(self):
        super().__init__(); self.docs = []; self.row = None; self.in_meta = False
    def handle_starttag(self, tag, a):
        a = dict(a); cls = a.get("class", "")
        if tag == "section" and "doc" in cls.split():
            self.docs.append({"id": a.get("id"), "rows": [], "meta": ""})
        elif tag == "p" and cls == "meta":
            self.in_meta = True
        elif tag == "tr" and cls.startswith("value"):
            self.row = {"crop": False, "png": None, "rect": False}; self.docs[-1]["rows"].append(self.row)
        elif self.row is not None and tag == "svg" and cls == "crop":
            self.row["crop"] = True
        elif self.row is not None and tag == "image":
            self.row["png"] = a.get("href", "")
        elif self.row is not None and tag == "rect":
            self.row["rect"] = True
    def handle_endtag(self, tag):
        if tag == "p": self.in_meta = False
        if tag == "tr": self.row = None
    def handle_data(self, d):
        if self.in_meta: self.docs[-1]["meta"] += d

p = Doc(); p.feed(open(sys.argv[1], encoding="utf-8").read())
want = sys.argv[2]
sample = next((d for d in p.docs if (want and want in d["meta"]) or (not want and "status ok" in d["meta"])), None)
if sample is None:
    sys.exit("no sample document in the rendered page")
bad = []
for i, r in enumerate(sample["rows"], 1):
    png = (r["png"] or "").removeprefix("data:image/png;base64,")
    ok = r["crop"] and r["rect"] and png and base64.b64decode(png)[:8] == b"\x89PNG\r\n\x1a\n"
    if not ok: bad.append(i)
if not sample["rows"] or bad:
    sys.exit(f"{sample['id']}: {len(sample['rows'])} values, without a crop: {bad[:20]}")
print(f"review page: {len(p.docs)} documents; sample {sample['id']} ({sample['meta'].split('·')[0].strip()}): "
      f"all {len(sample['rows'])} values have their crop and box")
PY
echo "screenshot: $png"
