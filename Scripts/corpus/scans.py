"""Image-only scans of generated variants, for measuring OCR against the same facts as the text layer.

Each input PDF (a variant from Scripts/corpus/variants.py, its gold JSON beside it) becomes one scan
NAME-scanDPI[-copy].pdf with the twin's gold (same facts, renamed, the degradation noted) beside it.
The look cycles over the inputs in the order given, so a set of 12 holds each of:
  150, 200 and 300 dpi, grey JPEG with a slight skew and noise (quality 55-75);
  one photocopied look in every 4: uneven contrast (a light-to-dark band across the page), a darker
  level curve and speckle, as a copy of a copy.
Deterministic (fixed seeds); needs poppler-utils (pdftoppm) and ImageMagick (convert).

Usage: python3 Scripts/corpus/scans.py OUT_DIR PDF...
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import degrade  # noqa: E402

# (dpi, JPEG quality, photocopied) per input, in turn.
LOOKS = [(150, 55, False), (200, 65, False), (300, 75, False), (200, 60, True)]


def scan(pdf, out, dpi, quality, photocopy, seed):
    work = tempfile.mkdtemp(prefix="corpus-scans-")
    try:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", pdf, os.path.join(work, "pg")], check=True)
        pngs = sorted(f for f in os.listdir(work) if f.startswith("pg") and f.endswith(".png"))
        jpgs = []
        for k, f in enumerate(pngs):
            src = os.path.join(work, f)
            dst = os.path.join(work, f"scan-{k:03d}.jpg")
            angle = (0.35, -0.5, 0.6, -0.25)[(seed + k) % 4]
            with open(src, "rb") as fh:
                w, h = struct.unpack(">II", fh.read(24)[16:24])  # PNG IHDR: keep the page size after rotating
            cmd = ["convert", src, "-seed", str(seed + k), "-background", "white", "-rotate", str(angle),
                   "-gravity", "center", "-extent", f"{w}x{h}"]
            if photocopy:
                # Uneven toner: the page multiplied by a band from light grey to white, then a harder curve
                # (greys darken, the paper stays white) and salt-and-pepper speckle.
                cmd += ["(", "-size", f"{w}x{h}", "gradient:gray72-white", "-rotate", "90", "-resize", f"{w}x{h}!", ")",
                        "-compose", "Multiply", "-composite", "-level", "12%,92%",
                        "-attenuate", "0.15", "+noise", "Impulse"]
            else:
                cmd += ["-attenuate", "0.25", "+noise", "Gaussian"]
            cmd += ["-colorspace", "Gray", "-strip", "-quality", str(quality), dst]
            subprocess.run(cmd, check=True)
            jpgs.append(dst)
        degrade.jpegs_to_pdf(jpgs, out, dpi)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir = argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for i, pdf in enumerate(argv[2:]):
        dpi, quality, photocopy = LOOKS[i % len(LOOKS)]
        stem = os.path.splitext(os.path.basename(pdf))[0]
        name = f"{stem}-scan{dpi}" + ("-copy" if photocopy else "")
        scan(pdf, os.path.join(out_dir, name + ".pdf"), dpi, quality, photocopy, seed=i)
        with open(os.path.splitext(pdf)[0] + ".json", encoding="utf-8") as f:
            gold = json.load(f)
        gold["name"] = name
        # A scan has no text layer at all: its pages are OCR'd as images, not flagged as an unusable layer.
        if "expected_warnings" in gold:
            gold["expected_warnings"] = [w for w in gold["expected_warnings"] if w != "text_layer_unusable"]
        gold["degradation"] = (f"scan of {stem}: image-only pages, {dpi} dpi grey JPEG (quality {quality}), slight skew"
                               + (", photocopied look (uneven contrast, speckle)" if photocopy else ", noise"))
        with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
