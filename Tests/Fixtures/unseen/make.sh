#!/bin/bash
# Regenerates the PDFs of this folder from their HTML (LibreOffice, as Scripts/corpus does), and
# u03 from u01 by renaming its fonts' /ToUnicode maps (qpdf): a text layer that extracts as
# punctuation, as PDFs from fonts without a ToUnicode map do. Needs ITA_DEPS=corpus.
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice --headless "-env:UserInstallation=file://$profile" --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export u01-split-year-quoted-codes.html u02-indicator-columns.html u04-not-a-report.html u05-score-first.html u06-announced-missing.html >/dev/null
qpdf --qdf --object-streams=disable u01-split-year-quoted-codes.pdf "$profile/q.pdf"
sed 's#/ToUnicode#/ToUnicodX#g' "$profile/q.pdf" > "$profile/q2.pdf"
fix-qdf "$profile/q2.pdf" > "$profile/q3.pdf"
qpdf "$profile/q3.pdf" u03-no-tounicode.pdf
# u07: generator tune seed 1415 (Scripts/corpus/variants.py; deterministic), whose page 2 is printed blank.
python3 ../../../Scripts/corpus/variants.py --seeds 1415 --out "$profile/v" --producer both --jobs 1 >/dev/null
cp "$profile/v/v001415.pdf" u07-blank-page.pdf
