"""Rebuild the whole test corpus (Corpus/): seeds, generated reports, degraded and scanned variants, bad files.

Usage (from the repository root): python3 Scripts/corpus/build_corpus.py
Needs LibreOffice (soffice), poppler-utils, qpdf, ImageMagick (convert), tesseract with tha+eng.
Deterministic: fixed seeds everywhere; PDFs get qpdf deterministic IDs. Only encrypted.pdf (random AES salt) and
the OCR'd sandwich (Tesseract version) may differ byte-wise between runs.
"""
import copy
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_seeds  # noqa: E402
import degrade  # noqa: E402
import generate_reports as G  # noqa: E402
from corpuslib import CORPUS, normalise_pdf, render_many, write_json, write_text  # noqa: E402
from seeds import seed_to_html  # noqa: E402


def twin_gold(gold_path, new_name, how):
    """Gold of a degraded/scanned twin: the same facts, renamed, with the degradation noted."""
    with open(gold_path, encoding="utf-8") as f:
        g = json.load(f)
    g = copy.deepcopy(g)
    g["name"] = new_name
    g["degradation"] = how
    return g


def copy_twin(src_dir, stem, dst_dir, new_stem, how):
    """Write gold and source.txt of a twin."""
    write_json(os.path.join(dst_dir, new_stem + ".json"), twin_gold(os.path.join(src_dir, stem + ".json"), new_stem, how))
    shutil.copyfile(os.path.join(src_dir, stem + ".source.txt"), os.path.join(dst_dir, new_stem + ".source.txt"))


def build_degraded(reps):
    """Private-Use glyphs (one seed, one generated) and split SARA AM (one generated)."""
    out = os.path.join(CORPUS, "degraded")
    os.makedirs(out, exist_ok=True)
    seeds_dir = os.path.join(CORPUS, "seeds")
    # seed 000 with Private-Use marks
    name = "s000-thesaban-mueang"
    with open(build_seeds.seed_path("000_"), encoding="utf-8") as f:
        doc, _ = seed_to_html(f.read())
    pdf = os.path.join(out, name + "-pua.pdf")
    render_many([(degrade.pua_html(doc), pdf)])
    normalise_pdf(pdf)
    copy_twin(seeds_dir, name, out, name + "-pua", "pua: Thai marks as legacy Private-Use glyphs (U+F700-U+F71A)")
    gen_dir = os.path.join(CORPUS, "generated")
    by_slug = {r.cfg["slug"]: r for r in reps}
    pua_rep = by_slug["g07-nakhon-2567-longplain-thai"]
    am_rep = by_slug["g10-obt-2566-mismatch-poor"]
    G.render_all([pua_rep], out, transform=degrade.pua_html, suffix="-pua")
    copy_twin(gen_dir, pua_rep.cfg["slug"], out, pua_rep.cfg["slug"] + "-pua",
              "pua: Thai marks as legacy Private-Use glyphs (U+F700-U+F71A)")
    G.render_all([am_rep], out, transform=degrade.split_am_html, suffix="-split-am")
    copy_twin(gen_dir, am_rep.cfg["slug"], out, am_rep.cfg["slug"] + "-split-am",
              "split-am: every SARA AM written as U+0E4D U+0E32")


def build_scanned():
    """Image-only scans (one seed, one generated) and one Tesseract sandwich."""
    out = os.path.join(CORPUS, "scanned")
    os.makedirs(out, exist_ok=True)
    seeds_dir, gen_dir = os.path.join(CORPUS, "seeds"), os.path.join(CORPUS, "generated")
    s, g = "s002-obt", "g04-tambon-2566-proseonly"
    degrade.make_scanned(os.path.join(seeds_dir, s + ".pdf"), os.path.join(out, s + "-scan.pdf"))
    copy_twin(seeds_dir, s, out, s + "-scan", "scan: image-only pages (150 dpi gray JPEG, slight skew and noise)")
    degrade.make_scanned(os.path.join(gen_dir, g + ".pdf"), os.path.join(out, g + "-scan.pdf"))
    copy_twin(gen_dir, g, out, g + "-scan", "scan: image-only pages (150 dpi gray JPEG, slight skew and noise)")
    degrade.make_ocr_sandwich(os.path.join(gen_dir, g + ".pdf"), os.path.join(out, g + "-ocr.pdf"))
    copy_twin(gen_dir, g, out, g + "-ocr",
              "ocr: the scan passed through tesseract -l tha+eng pdf (GlyphLessFont text layer over the image)")


def build_variant_scans():
    """Scans of committed layout variants (Corpus/variants), beside their twins' gold (issue 11): a
    Thai-digit report at 150 and 200 dpi, a no-ToUnicode one at 300 dpi and photocopied (scans.py's
    looks, in turn). Corpus/variant-scans/ has eval floors of its own in Scripts/test.sh."""
    import scans
    out = os.path.join(CORPUS, "variant-scans")
    os.makedirs(out, exist_ok=True)
    twins = [os.path.join(CORPUS, "variants", v + ".pdf") for v in ("v000152", "v000152", "v000059", "v000059")]
    if scans.main(["scans.py", out] + twins) != 0:
        sys.exit("variant scans failed")


def main():
    """Build everything and print a size summary."""
    t0 = time.time()
    steps = []
    build_seeds.build()
    steps.append(("seeds", time.time() - t0))
    reps = G.build()
    steps.append(("generated", time.time() - t0))
    build_degraded(reps)
    steps.append(("degraded", time.time() - t0))
    build_scanned()
    steps.append(("scanned", time.time() - t0))
    build_variant_scans()
    steps.append(("variant-scans", time.time() - t0))
    degrade.make_bad(os.path.join(CORPUS, "bad"), os.path.join(CORPUS, "generated", "g04-tambon-2566-proseonly.pdf"))
    steps.append(("bad", time.time() - t0))
    total = 0
    for root, _, files in os.walk(CORPUS):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    for name, t in steps:
        print(f"{name:10s} done at {t:6.1f} s")
    print(f"Corpus size: {total / 1e6:.2f} MB")
    if total > 20e6:
        sys.exit("Corpus is over 20 MB")


if __name__ == "__main__":
    main()
