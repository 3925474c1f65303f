"""Shared helpers for building the test corpus: HTML page wrapper, LibreOffice rendering, Thai digits, JSON.

Stdlib only. Everything here is deterministic so that the corpus can be rebuilt byte-for-byte where the
external tools allow it.
"""
import html
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(REPO, "Corpus")

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def to_thai_digits(s):
    """ASCII digits -> Thai digits (other characters unchanged)."""
    return "".join(THAI_DIGITS[ord(c) - 48] if "0" <= c <= "9" else c for c in s)


def to_ascii_digits(s):
    """Thai digits -> ASCII digits."""
    return "".join(str(THAI_DIGITS.index(c)) if c in THAI_DIGITS else c for c in s)


def esc(s):
    """HTML-escape text (quotes too)."""
    return html.escape(s, quote=True)


def nfc_ws(s):
    """NFC and collapse whitespace runs, as the gold format compares text."""
    return " ".join(unicodedata.normalize("NFC", s).split())


def html_page(body, font="Laksaman", size_pt=15, landscape=False, margin_cm=2.0):
    """Wrap an HTML body in a UTF-8 A4 document with the given Thai font."""
    size = "29.7cm 21cm" if landscape else "21cm 29.7cm"
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>ITA</title>
<style>
@page {{ size: {size}; margin: {margin_cm}cm; }}
body {{ font-family: "{font}"; font-size: {size_pt}pt; }}
p {{ margin-top: 0.1cm; margin-bottom: 0.15cm; }}
h1, h2, h3 {{ font-family: "{font}"; }}
td, th {{ font-family: "{font}"; vertical-align: top; }}
</style></head>
<body>
{body}
</body></html>
"""


def write_text(path, text):
    """Write UTF-8 text with \\n line ends."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_json(path, obj):
    """Write pretty, stable JSON (keys in insertion order, Thai unescaped)."""
    write_text(path, json.dumps(obj, ensure_ascii=False, indent=1) + "\n")


def soffice_convert(html_path, outdir):
    """Render one HTML file to PDF in outdir with LibreOffice Writer (own profile, so calls can run in parallel)."""
    profile = tempfile.mkdtemp(prefix="lo-corpus-")
    try:
        cmd = ["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
               "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
               "--outdir", outdir, html_path]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(html_path))[0] + ".pdf")
    if not os.path.exists(pdf):
        raise RuntimeError(f"LibreOffice did not produce {pdf}")
    return pdf


def render_many(jobs, workers=2):
    """jobs: list of (html_text, pdf_path). Renders them (2 at a time: the machine is shared)."""
    tmp = tempfile.mkdtemp(prefix="corpus-html-")

    def one(job):
        text, pdf_path = job
        name = os.path.splitext(os.path.basename(pdf_path))[0]
        sub = os.path.join(tmp, name)
        os.makedirs(sub, exist_ok=True)
        hp = os.path.join(sub, name + ".html")
        write_text(hp, text)
        out = soffice_convert(hp, sub)
        os.makedirs(os.path.dirname(pdf_path), exist_ok=True)
        shutil.move(out, pdf_path)
        return pdf_path

    try:
        with ThreadPoolExecutor(max_workers=workers) as ex:
            return list(ex.map(one, jobs))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def merge_pdfs(parts, out):
    """Concatenate PDFs with qpdf (used to put one landscape page into a portrait document)."""
    subprocess.run(["qpdf", "--empty", "--pages", *parts, "--", out], check=True)


def normalise_pdf(path):
    """Rewrite a PDF with qpdf in a deterministic form: fixed dates, no LibreOffice /DocChecksum or /ID, content-derived /ID.

    Dates and the checksum are blanked in place with equal-length bytes, so the xref offsets stay valid."""
    import re
    with open(path, "rb") as f:
        data = f.read()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", rb"\g<1>20260101000000", data)
    blank = lambda m: b" " * len(m.group(0))  # noqa: E731
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", blank, data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]", blank, data)  # LibreOffice's random /ID
    with open(path, "wb") as f:
        f.write(data)
    tmp = path + ".tmp"
    subprocess.run(["qpdf", "--deterministic-id", "--object-streams=preserve", path, tmp], check=True)
    os.replace(tmp, path)
