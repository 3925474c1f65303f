"""Deliberately broken variants: Private-Use Thai glyphs, split SARA AM, scanned (image-only) and OCR'd PDFs, bad files.

The text transforms work on HTML text nodes (never inside tags) before LibreOffice renders them, so the PDF's
text layer carries the broken characters exactly as legacy Word + Thai font output does.
"""
import os
import re
import shutil
import struct
import subprocess
import tempfile

TAG = re.compile(r"(<[^>]*>)")

# Legacy Thai font Private-Use forms (the tables of HarfBuzz's Thai fallback shaper).
TALL = set("ปฝฟฬ")
UPPER_VOWELS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d")
TONES = set("\u0e48\u0e49\u0e4a\u0e4b\u0e4c")
SHIFT_LEFT = {"\u0e31": "\uf710", "\u0e34": "\uf701", "\u0e35": "\uf702", "\u0e36": "\uf703", "\u0e37": "\uf704",
              "\u0e47": "\uf712", "\u0e4d": "\uf711",
              "\u0e48": "\uf705", "\u0e49": "\uf706", "\u0e4a": "\uf707", "\u0e4b": "\uf708", "\u0e4c": "\uf709"}
SHIFT_DOWN = {"\u0e48": "\uf70a", "\u0e49": "\uf70b", "\u0e4a": "\uf70c", "\u0e4b": "\uf70d", "\u0e4c": "\uf70e"}
SHIFT_DOWN_LEFT = {"\u0e48": "\uf713", "\u0e49": "\uf714", "\u0e4a": "\uf715", "\u0e4b": "\uf716", "\u0e4c": "\uf717"}
BELOW_DOWN = {"\u0e38": "\uf718", "\u0e39": "\uf719", "\u0e3a": "\uf71a"}
NO_DESCENDER = {"ญ": "\uf70f", "ฐ": "\uf700"}


def pua_text(s):
    """Replace marks by the Private-Use forms a legacy shaper would pick, cluster by cluster."""
    out = list(s)
    i = 0
    while i < len(out):
        base = out[i]
        j = i + 1
        seen_upper = False
        while j < len(out) and (out[j] in UPPER_VOWELS or out[j] in TONES or out[j] in "\u0e38\u0e39\u0e3a"):
            m = out[j]
            if m in UPPER_VOWELS:
                seen_upper = True
                if base in TALL:
                    out[j] = SHIFT_LEFT[m]
            elif m in TONES:
                if base in TALL:
                    out[j] = SHIFT_LEFT[m] if seen_upper else SHIFT_DOWN_LEFT[m]
                elif not seen_upper:
                    out[j] = SHIFT_DOWN[m]
            else:  # below vowel
                if base in "ฎฏ":
                    out[j] = BELOW_DOWN[m]
                elif base in NO_DESCENDER:
                    out[i] = NO_DESCENDER[base]
            j += 1
        i = j if j > i + 1 else i + 1
    return "".join(out)


def split_am_text(s):
    """SARA AM as NIKHAHIT + SARA AA, as some converters write it."""
    return s.replace("\u0e33", "\u0e4d\u0e32")


def on_text_nodes(html, fn):
    """Apply fn to the text between tags of an HTML document (the <head> style is ASCII, so unaffected)."""
    return "".join(p if p.startswith("<") else fn(p) for p in TAG.split(html))


def pua_html(html):
    """HTML whose Thai marks are Private-Use forms."""
    return on_text_nodes(html, pua_text)


def split_am_html(html):
    """HTML with SARA AM split."""
    return on_text_nodes(html, split_am_text)


# ---- scanned / OCR'd

def jpeg_size(data):
    """(width, height, components) from a baseline/progressive JPEG's SOF marker."""
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h, data[i + 9]
        i += 2 + length
    raise ValueError("no SOF marker")


def jpegs_to_pdf(jpegs, out, dpi):
    """Image-only PDF, one JPEG (DCTDecode) per A4-sized page; no text layer. Stdlib only, deterministic."""
    objs = []

    def add(body):
        objs.append(body)
        return len(objs)

    pages_id = add(None)
    page_ids = []
    for k, path in enumerate(jpegs):
        data = open(path, "rb").read()
        w, h, comps = jpeg_size(data)
        cs = "/DeviceGray" if comps == 1 else "/DeviceRGB"
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 "
                  b"/Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, cs.encode(), len(data)) + data
                  + b"\nendstream")
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        cid = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        pid = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> "
                  b"/Contents %d 0 R >>" % (pages_id, pw, ph, img, cid))
        page_ids.append(pid)
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % p for p in page_ids), len(page_ids))
    cat = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    buf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        buf += b"%010d 00000 n \n" % off
    buf += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, cat, xref)
    with open(out, "wb") as f:
        f.write(buf)


def scan_pages(pdf, workdir, dpi=150, quality=55, seed=7):
    """Render pages gray, add a slight skew and noise (fixed seed), save as JPEGs; returns their paths."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", pdf, os.path.join(workdir, "pg")], check=True)
    pngs = sorted(f for f in os.listdir(workdir) if f.startswith("pg") and f.endswith(".png"))
    out = []
    for k, f in enumerate(pngs):
        src = os.path.join(workdir, f)
        dst = os.path.join(workdir, f"scan-{k:03d}.jpg")
        angle = (0.35, -0.5, 0.6, -0.25)[k % 4]
        with open(src, "rb") as fh:
            w, h = struct.unpack(">II", fh.read(24)[16:24])  # PNG IHDR: keep the page size after rotating
        subprocess.run(["convert", src, "-seed", str(seed + k), "-background", "white", "-rotate", str(angle),
                        "-gravity", "center", "-extent", f"{w}x{h}",
                        "-attenuate", "0.25", "+noise", "Gaussian", "-colorspace", "Gray", "-strip",
                        "-quality", str(quality), dst], check=True)
        out.append(dst)
    return out


def make_scanned(pdf, out, dpi=150):
    """Image-only twin of a PDF."""
    work = tempfile.mkdtemp(prefix="corpus-scan-")
    try:
        jpgs = scan_pages(pdf, work, dpi=dpi)
        jpegs_to_pdf(jpgs, out, dpi)
        return jpgs
    finally:
        shutil.rmtree(work, ignore_errors=True)


def make_ocr_sandwich(pdf, out, dpi=150):
    """Scan a PDF, then let Tesseract (tha+eng) write a text-layer sandwich PDF (GlyphLessFont) per page; merge."""
    work = tempfile.mkdtemp(prefix="corpus-ocr-")
    try:
        jpgs = scan_pages(pdf, work, dpi=dpi)
        parts = []
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        for j in jpgs:
            base = os.path.splitext(j)[0]
            subprocess.run(["tesseract", j, base, "-l", "tha+eng", "--dpi", str(dpi), "pdf"], check=True, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            parts.append(base + ".pdf")
        subprocess.run(["qpdf", "--empty", "--deterministic-id", "--pages", *parts, "--", out], check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def make_bad(outdir, real_pdf):
    """not-a-pdf.pdf, empty.pdf, truncated.pdf (first 40% of real_pdf), encrypted.pdf (AES-256 user password)."""
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "not-a-pdf.pdf"), "w", encoding="utf-8") as f:
        f.write("รายงานการวิเคราะห์ผลการประเมิน ITA\nThis is a plain text file with a .pdf name, not a PDF.\n")
    open(os.path.join(outdir, "empty.pdf"), "wb").close()
    data = open(real_pdf, "rb").read()
    with open(os.path.join(outdir, "truncated.pdf"), "wb") as f:
        f.write(data[: int(len(data) * 0.4)])
    subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", real_pdf,
                    os.path.join(outdir, "encrypted.pdf")], check=True)
