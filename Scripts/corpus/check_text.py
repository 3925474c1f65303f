"""Compare Thai characters of each PDF's text layer (pdftotext -raw) with its source.txt; prints differences.

Degraded PDFs are compared after undoing their damage (Private-Use forms -> Thai marks, U+0E4D U+0E32 -> U+0E33),
which also checks that the damage is exactly the reversible kind; scanned PDFs are skipped (no reliable text).
"""
import collections
import glob
import os
import subprocess
import sys


PUA_BACK = {0xF700: "\u0e10", 0xF70F: "\u0e0d", 0xF710: "\u0e31", 0xF711: "\u0e4d", 0xF712: "\u0e47"}
PUA_BACK.update({0xF701 + k: chr(0x0E34 + k) for k in range(4)})
for start in (0xF705, 0xF70A, 0xF713):
    PUA_BACK.update({start + k: chr(0x0E48 + k) for k in range(5)})
PUA_BACK.update({0xF718 + k: chr(0x0E38 + k) for k in range(3)})


def repair(s, name):
    """Undo the deliberate damage of a Corpus/degraded file (the kind is in its name)."""
    if "-pua" in name:
        s = s.translate(PUA_BACK)
    if "-split-am" in name:
        s = s.replace("\u0e4d\u0e32", "\u0e33")
    return s


def thai_counts(s):
    """Counter of Thai-block characters."""
    return collections.Counter(c for c in s if "\u0e00" <= c <= "\u0e7f")


def check(pdf):
    """(pdf chars, source chars, differing characters)."""
    src = os.path.splitext(pdf)[0] + ".source.txt"
    text = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    if os.sep + "degraded" + os.sep in os.path.abspath(pdf):
        text = repair(text, os.path.basename(pdf))
    a, b = thai_counts(text), thai_counts(open(src, encoding="utf-8").read())
    diff = {k: (a[k], b[k]) for k in sorted(set(a) | set(b)) if a[k] != b[k]}
    return sum(a.values()), sum(b.values()), diff


if __name__ == "__main__":
    bad = 0
    for pdf in sorted(sys.argv[1:] or glob.glob("Corpus/*/*.pdf")):
        if "scanned" in pdf.split(os.sep) or not os.path.exists(os.path.splitext(pdf)[0] + ".source.txt"):
            continue
        n_pdf, n_src, diff = check(pdf)
        print(f"{pdf}: pdf {n_pdf} source {n_src} {'OK' if not diff else diff}")
        bad += bool(diff)
    sys.exit(1 if bad else 0)
