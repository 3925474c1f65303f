"""Digit error rate of several readers of score-shaped numbers on scans, against their twins' text layer.

Issue 11, "Read numbers as numbers". For each pair (a variant PDF with a text layer, its scan from
Scripts/corpus/scans.py), the numbers of a score's form (12.34, ๑๒.๓๔) and their boxes come from the
twin's text layer (pdftotext -bbox; ocr_digits.numbers). Each number's box (padded for skew) is cut
from the scan rendered at 300 and 400 dpi, and read by:
  tesseract, one configuration per row (model tha / Thai (tesseract-ocr-script-thai) / tha+eng,
            page segmentation 7 line, 8 word, 13 raw line; with or without a digit whitelist);
            all crops of one configuration in one tesseract call (a list file), so the model loads once;
  shape:    Scripts/bench/digit_shapes.py (connected components against font templates).
Digit error rate = edit distance (Thai and ASCII digits compared as values) / characters printed.

Usage: python3 Scripts/bench/digit_readers.py [--only shape] [--thai-only] TEXT_PDF:SCAN_PDF ...
       (LIMIT=12 numbers per document; VERBOSE=1 prints every shape reading, MISSES=1 the wrong ones;
        PAGE=1 adds the whole-page Tesseract read, as ita-extract reads a page)
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ocr_digits  # noqa: E402
import digit_shapes  # noqa: E402

THAI = ocr_digits.THAI
ENV = dict(os.environ, OMP_THREAD_LIMIT="1")
DPIS = (200, 300, 400)
TESSERACT_DPIS = (300, 400)  # the dpis last session tried; 200 is the page read's
# (model, psm, whitelist)
CONFIGS = [(m, p, w) for m in ("tha", "Thai", "tha+eng") for p in (7, 8, 13) for w in (True, False)]


def tesseract_list(paths, dpi, model, psm, whitelist, thai, work):
    lst = os.path.join(work, "list.txt")
    with open(lst, "w") as f:
        f.write("\n".join(paths) + "\n")
    cmd = ["tesseract", lst, os.path.join(work, "out"), "-l", model, "--dpi", str(dpi), "--psm", str(psm)]
    if whitelist:
        cmd += ["-c", "tessedit_char_whitelist=" + (THAI if thai else "0123456789") + "."]
    subprocess.run(cmd, capture_output=True, env=ENV, check=True)
    with open(os.path.join(work, "out.txt"), encoding="utf-8") as f:
        pages = f.read().split("\f")
    return [p.strip().replace(" ", "").replace("\n", "") for p in pages[:len(paths)]]


def main(argv):
    args = argv[1:]
    only_shape = False
    thai_only = False
    while args and args[0].startswith("--"):
        if args[0] == "--only":
            only_shape = args[1] == "shape"
            args = args[2:]
        elif args[0] == "--thai-only":
            thai_only = True
            args = args[1:]
        else:
            print(__doc__, file=sys.stderr)
            return 2
    limit = int(os.environ.get("LIMIT", "12"))
    verbose = os.environ.get("VERBOSE") == "1"
    work = tempfile.mkdtemp(prefix="digit-readers-")
    reader = digit_shapes.ShapeReader.from_mappings()
    items = []  # (printed, thai, {dpi: crop path}, {dpi: crop array})
    pages = {}
    for arg in args:
        text_pdf, scan = arg.split(":")[:2]
        k = 0
        for page, box, printed in ocr_digits.numbers(text_pdf):
            thai = any(c in THAI for c in printed)
            if thai_only and not thai:
                continue
            if k >= limit:
                break
            k += 1
            paths, arrays = {}, {}
            for dpi in DPIS:
                key = (scan, page, dpi)
                if key not in pages:
                    pages[key] = digit_shapes.render_page(scan, page, dpi, work)
                crop = digit_shapes.cut(pages[key], box, dpi, ocr_digits.PAD_X, ocr_digits.PAD_Y)
                path = os.path.join(work, f"c{len(items)}-{dpi}.pgm")
                digit_shapes.write_pgm(path, crop)
                paths[dpi], arrays[dpi] = path, crop
            items.append((printed, thai, paths, arrays, os.path.basename(scan), page, box, scan))
    chars = sum(len(p) for p, *_ in items)
    print(f"numbers {len(items)} ({sum(1 for i in items if i[1])} in Thai digits), characters {chars}")
    rows = []
    if os.environ.get("PAGE") == "1":
        # As ita-extract reads a page (Tesseract tha+eng, PSM 3, 200 dpi): the words inside the box.
        cache, errors, exact = {}, 0, 0
        for printed, thai, _, _, name, page, box, scan in items:
            inside = [w for w in ocr_digits.page_words(scan, page, 200, work, cache)
                      if box[0] - ocr_digits.PAD_X <= (w[0] + w[2]) / 2 <= box[2] + ocr_digits.PAD_X
                      and box[1] - ocr_digits.PAD_Y <= (w[1] + w[3]) / 2 <= box[3] + ocr_digits.PAD_Y]
            e = ocr_digits.edits(printed, "".join(w[4] for w in inside))
            errors += e
            exact += e == 0
        print(f"{'tesseract whole page tha+eng psm 3':<44} 200 dpi  digit error {errors / max(chars, 1):.3f}  exact {exact}/{len(items)}", flush=True)
    if not only_shape:
        for dpi in TESSERACT_DPIS:
            for model, psm, wl in CONFIGS:
                errors = exact = 0
                for thai in (True, False):
                    sel = [i for i in items if i[1] == thai]
                    if not sel:
                        continue
                    reads = tesseract_list([i[2][dpi] for i in sel], dpi, model, psm, wl, thai, work)
                    for i, r in zip(sel, reads):
                        e = ocr_digits.edits(i[0], r)
                        errors += e
                        exact += e == 0
                rows.append((f"tesseract {model} psm {psm} {'whitelist' if wl else 'no whitelist'}", dpi, errors, exact))
                print(f"{rows[-1][0]:<44} {dpi} dpi  digit error {errors / max(chars, 1):.3f}  exact {exact}/{len(items)}", flush=True)
    for dpi in DPIS:
        errors = exact = 0
        for printed, thai, _, arrays, name, page, *_ in items:
            r = reader.read(arrays[dpi], dpi)
            e = ocr_digits.edits(printed, r.text)
            errors += e
            exact += e == 0
            if verbose or (e and os.environ.get("MISSES") == "1"):
                print(f"  {name} p{page} {printed} -> {r.text} conf {r.confidence:.2f} alts {r.alternatives[:3]}")
        rows.append(("shape (templates)", dpi, errors, exact))
        print(f"{'shape (templates)':<44} {dpi} dpi  digit error {errors / max(chars, 1):.3f}  exact {exact}/{len(items)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
