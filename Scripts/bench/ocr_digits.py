"""Digit error rate of OCR on score-shaped numbers of scans, against the text layer of their twins.

For each pair (a variant PDF with a text layer, its scan from Scripts/corpus/scans.py), the numbers of
a score's form (12.34, ๑๒.๓๔) and their boxes come from the text layer (pdftotext -bbox). Each is then
read from the scan two ways, with the tesseract command-line tool:
  page: the whole page at PAGE_DPI, PSM 3 (as ita-extract reads a page), the words inside the box;
  crop: the box alone (padded for the scan's skew) rendered at CROP_DPI, PSM 7 (one line), with a
        whitelist of the digits of the number's script and the point.
Digit error rate = character edit distance (digits compared as values, Thai or ASCII) / characters
of the printed numbers. Prints one line per reading and the totals.

Usage: python3 Scripts/bench/ocr_digits.py TEXT_PDF:SCAN_PDF:SCAN_DPI ...   (PAGE_DPI=200 CROP_DPI=400 LIMIT=40)
"""
import html
import os
import re
import subprocess
import sys
import tempfile

THAI = "๐๑๒๓๔๕๖๗๘๙"
SCORE = re.compile(r"^[0-9๐-๙]{1,3}[.][0-9๐-๙]{2}$")
TO_ASCII = str.maketrans(THAI, "0123456789")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r"<page ")
# Padding of a crop, points: the scan is skewed up to 0.6 degrees about the page centre (about 4 pt at
# the page's edge), and a tight crop loses the glyphs' outer pixels.
PAD_X, PAD_Y = 8.0, 6.0
ENV = dict(os.environ, OMP_THREAD_LIMIT="1")


def numbers(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    page = 0
    for line in out.splitlines():
        if PAGE.search(line):
            page += 1
        m = WORD.search(line)
        if m and SCORE.match(html.unescape(m.group(5))):
            yield page, tuple(float(m.group(i)) for i in range(1, 5)), html.unescape(m.group(5))


def edits(a, b):
    """Edit distance of two numbers' texts, Thai and ASCII digits compared as values."""
    return edit_distance(a.translate(TO_ASCII), b.translate(TO_ASCII))


def edit_distance(a, b):
    """Levenshtein distance of two sequences (strings or lists)."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def page_words(scan, page, dpi, work, cache):
    if (scan, page) in cache:
        return cache[(scan, page)]
    base = os.path.join(work, "page")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile", scan, base], check=True)
    tsv = subprocess.run(["tesseract", base + ".pgm", "-", "-l", "tha+eng", "--dpi", str(dpi), "tsv"],
                         capture_output=True, text=True, env=ENV).stdout
    words = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) == 12 and f[0] == "5" and f[11].strip():
            x, y, w, h = (int(v) * 72.0 / dpi for v in f[6:10])
            words.append((x, y, x + w, y + h, f[11]))
    cache[(scan, page)] = words
    return words


def crop_read(scan, page, box, dpi, thai, work):
    x0, y0, x1, y1 = box[0] - PAD_X, box[1] - PAD_Y, box[2] + PAD_X, box[3] + PAD_Y
    s = dpi / 72.0
    base = os.path.join(work, "crop")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile",
                    "-x", str(int(x0 * s)), "-y", str(int(y0 * s)), "-W", str(int((x1 - x0) * s)), "-H", str(int((y1 - y0) * s)),
                    scan, base], check=True)
    allowed = (THAI if thai else "0123456789") + "."
    out = subprocess.run(["tesseract", base + ".pgm", "-", "-l", "tha" if thai else "eng", "--dpi", str(dpi), "--psm", "7",
                          "-c", "tessedit_char_whitelist=" + allowed], capture_output=True, text=True, env=ENV).stdout
    return out.strip().replace(" ", "")


def main(argv):
    page_dpi = int(os.environ.get("PAGE_DPI", "200"))
    crop_dpi = int(os.environ.get("CROP_DPI", "400"))
    limit = int(os.environ.get("LIMIT", "40"))
    totals = {"page": 0, "crop": 0}
    chars = 0
    exact = {"page": 0, "crop": 0}
    n = 0
    work = tempfile.mkdtemp(prefix="ocr-digits-")
    cache = {}
    for arg in argv[1:]:
        text_pdf, scan, _ = arg.split(":")
        for k, (page, box, printed) in enumerate(numbers(text_pdf)):
            if k >= limit:
                break
            thai = any(c in THAI for c in printed)
            inside = [w for w in page_words(scan, page, page_dpi, work, cache)
                      if box[0] - PAD_X <= (w[0] + w[2]) / 2 <= box[2] + PAD_X and box[1] - PAD_Y <= (w[1] + w[3]) / 2 <= box[3] + PAD_Y]
            read_page = "".join(w[4] for w in inside)
            read_crop = crop_read(scan, page, box, crop_dpi, thai, work)
            e_page, e_crop = edits(printed, read_page), edits(printed, read_crop)
            totals["page"] += e_page
            totals["crop"] += e_crop
            exact["page"] += e_page == 0
            exact["crop"] += e_crop == 0
            chars += len(printed)
            n += 1
            print(f"{os.path.basename(scan)} p{page} {printed}\tpage={read_page or '-'}\tcrop={read_crop or '-'}")
    print(f"numbers {n}, characters {chars}")
    for how in ("page", "crop"):
        print(f"{how}: digit error rate {totals[how] / max(chars, 1):.3f} ({totals[how]} edits), exact {exact[how]}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
