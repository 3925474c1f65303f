#!/usr/bin/env python3
"""Seeded generator of hostile PDF inputs for Scripts/hostile/run.sh (issue 14).

    python3 Scripts/hostile/generate.py SOURCE.pdf OUTDIR [--seed N] [--fuzz N]

Writes OUTDIR/<case>.pdf for every case below, and OUTDIR/fuzz-<k>.pdf for N seeded mutations of
SOURCE (byte flips, block overwrites, truncations). Same seed, same bytes. Pure standard library:
the synthetic PDFs are written object by object with a correct xref (or a deliberately broken one).
"""
import argparse
import os
import random
import re
import zlib


def pdf(objects, root=1, xref=True, trailer_extra=b""):
    """A PDF from numbered object bodies (1-based list of bytes)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, start)
    return bytes(out)


def stream(data, extra=b"", compress=False):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def text_pages(n, media=b"[0 0 595 842]", text=b"Page %d of %d"):
    """n pages of one line of Latin text each (catalog 1, pages 2, font 3, then page/content pairs)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None, FONT]
    kids = []
    for p in range(1, n + 1):
        page_no = len(objs) + 1
        kids.append(b"%d 0 R" % page_no)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                    % (media, page_no + 1))
        line = text % (p, n) if b"%d" in text else text
        objs.append(stream(b"BT /F1 12 Tf 72 720 Td (" + line + b") Tj ET"))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
    return objs


def page_tree_loop():
    objs = text_pages(1)
    # The Pages node lists itself among its kids: a loop poppler must detect.
    objs[1] = b"<< /Type /Pages /Kids [4 0 R 2 0 R] /Count 2 >>"
    return pdf(objs)


def flate_bomb(megabytes):
    """One page whose content stream inflates to `megabytes` MB of spaces (about 1000:1)."""
    objs = text_pages(1)
    content = b"BT /F1 12 Tf 72 720 Td (flate bomb) Tj ET" + b" " * (megabytes << 20)
    objs[4] = stream(content, compress=True)
    return pdf(objs)


def image_bomb(points):
    """An image-only page of `points` x `points` (a scan as far as the extractor can tell): a 1-bit
    image scaled over the whole page, so that the OCR render is the bomb, not the file."""
    w = h = 2000
    img = zlib.compress(bytes([0xAA]) * ((w // 8) * h), 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>" % (points, points),
            stream(b"q %d 0 0 %d 0 0 cm /Im1 Do Q" % (points, points)),
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n"
            % (w, h, len(img)) + img + b"\nendstream"]
    return pdf(objs)


def javascript():
    objs = text_pages(1)
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /JavaScript << /Names [(a) 6 0 R] >> >> >>"
    objs.append(b"<< /S /JavaScript /JS (app.alert\\('hostile'\\); while\\(true\\){}) >>")
    return pdf(objs)


def object_stream(broken):
    """Pages stored in a compressed object stream with an xref stream; `broken` cuts the object
    stream's data in half (its /Length kept), so the objects inside cannot be read."""
    inner = [b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
             FONT]
    header, body = b"", b""
    for n, o in zip((2, 3, 4), inner):
        header += b"%d %d " % (n, len(body))
        body += o + b"\n"
    data = zlib.compress(header + body, 9)
    if broken:
        data = data[: len(data) // 2] + bytes(len(data) - len(data) // 2)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    off = {}
    off[1] = len(out); out += b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    off[5] = len(out); out += b"5 0 obj\n" + stream(b"BT /F1 12 Tf 72 720 Td (object stream) Tj ET") + b"\nendobj\n"
    off[6] = len(out)
    out += b"6 0 obj\n<< /Type /ObjStm /N 3 /First %d /Length %d /Filter /FlateDecode >>\nstream\n" % (len(header), len(data)) + data + b"\nendstream\nendobj\n"
    off[7] = len(out)
    rows = [b"\x00\x00\x00\x00\xff\xff"]
    rows.append(b"\x01" + off[1].to_bytes(4, "big") + b"\x00")
    for i in range(3):
        rows.append(b"\x02" + (6).to_bytes(4, "big") + bytes([i]))
    rows.append(b"\x01" + off[5].to_bytes(4, "big") + b"\x00")
    rows.append(b"\x01" + off[6].to_bytes(4, "big") + b"\x00")
    rows.append(b"\x01" + off[7].to_bytes(4, "big") + b"\x00")
    xs = b"".join(rows)
    out += b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 1] /Root 1 0 R /Length %d >>\nstream\n" % len(xs) + xs + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % off[7]
    return bytes(out)


def tounicode_flip(src, rng):
    """One flipped byte inside the first ToUnicode stream of src (issue 14: emptied a report, said ok)."""
    ref = re.search(rb"/ToUnicode (\d+) 0 R", src)
    m = re.search(rb"\n%s 0 obj\s*<<.*?>>\s*stream\r?\n" % ref.group(1), src, re.S)
    length = int(re.search(rb"/Length (\d+)", m.group(0)).group(1))
    b = bytearray(src)
    b[m.end() + rng.randrange(8, length - 8)] ^= 0xFF
    return bytes(b)


def broken_xref(src):
    """Every xref offset off by 7 bytes and startxref pointing into the middle of the file:
    poppler has to rebuild the table by scanning."""
    b = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), src)
    return re.sub(rb"startxref\s+\d+", b"startxref\n%d" % (len(src) // 2), b)


def with_fresh_xref(data):
    """`data` with its (classic) xref table's offsets and startxref recomputed, after objects moved."""
    start = data.rindex(b"\nxref\n") + 1
    head = data[:start]
    m = re.match(rb"xref\n0 (\d+)\n", data[start:])
    count = int(m.group(1))
    rows = [b"0000000000 65535 f \n"]
    for n in range(1, count):
        at = re.search(rb"(?:^|\n)%d 0 obj\b" % n, head)
        rows.append(b"%010d 00000 n \n" % (at.start() + (1 if head[at.start():at.start() + 1] == b"\n" else 0)))
    tail = data[start + m.end():]
    tail = tail[len(rows) * 20:]  # the old rows (20 bytes each)
    tail = re.sub(rb"startxref\s+\d+", b"startxref\n%d" % start, tail)
    return head + m.group(0) + b"".join(rows) + tail


def with_tounicode(src, edit, font=b"+Laksaman"):
    """src with the ToUnicode map of `font` (the body font of the LibreOffice-made Corpus reports)
    rewritten by `edit` (bytes of the decompressed CMap to bytes), the xref offsets fixed."""
    f = re.search(rb"/BaseFont\s*/[A-Z]{6}%s\b[^>]*?/ToUnicode (\d+) 0 R" % re.escape(font), src, re.S)
    m = re.search(rb"\n%s 0 obj\s*<<([^>]*?)>>\s*stream\r?\n" % f.group(1), src)
    length = int(re.search(rb"/Length (\d+)", m.group(1)).group(1))
    data = zlib.compress(edit(zlib.decompress(src[m.end():m.end() + length])), 9)
    head = src[:m.start(1)] + re.sub(rb"/Length \d+", b"/Length %d" % len(data), m.group(1)) + src[m.end(1):m.end()]
    return with_fresh_xref(head + data + src[m.end() + length:])


def tounicode_nul(src):
    """The body font's ToUnicode map sends every glyph to U+0000: the pages draw their text as before,
    but the text layer gives next to nothing (poppler drops the NULs), and poppler says nothing.
    The document yields far less than it shows (issue 14); the extractor must not call it ok."""
    return with_tounicode(src, lambda cmap: re.sub(rb"(<[0-9A-Fa-f]{2}> )<[0-9A-Fa-f]+>", lambda x: x.group(1) + b"<0000>", cmap))


def tounicode_shuffled(src, rng):
    """The body font's ToUnicode destinations shuffled among its glyphs: every glyph still gives one
    Thai letter, digit or mark, so the text layer looks sound (as many characters as glyphs, Thai),
    but it is the wrong text: the readers find little in it."""
    def edit(cmap):
        pairs = re.findall(rb"(<[0-9A-Fa-f]{2}> )(<[0-9A-Fa-f]{4}>)", cmap)
        dests = [d for _, d in pairs]
        rng.shuffle(dests)
        it = iter(dests)
        return re.sub(rb"(<[0-9A-Fa-f]{2}> )<[0-9A-Fa-f]{4}>", lambda x: x.group(1) + next(it), cmap)
    return with_tounicode(src, edit)


def repeat_pages(src, total):
    """A report of `total` pages: src's pages again and again (new page objects sharing their
    content streams and resources), as an archive's 2,000-page bundle of real text would be."""
    pages_node = re.search(rb"\n(\d+) 0 obj\s*<<([^\n]*?/Type /Pages\b[^\n]*)>>", src)
    kids = re.findall(rb"(\d+) 0 R", re.search(rb"/Kids \[([^\]]*)\]", pages_node.group(2)).group(1))
    xref_at = src.rindex(b"\nxref\n") + 1
    count = int(re.match(rb"xref\n0 (\d+)\n", src[xref_at:]).group(1))
    bodies = {k: re.search(rb"\n%s 0 obj\s*(<<.*?>>)\s*endobj" % k, src, re.S).group(1) for k in kids}
    extra, refs, n = [], [], count
    for i in range(total):
        k = kids[i % len(kids)]
        if i < len(kids):
            refs.append(k)
            continue
        extra.append(b"%d 0 obj\n%s\nendobj\n" % (n, bodies[k]))
        refs.append(b"%d" % n)
        n += 1
    node = re.sub(rb"/Kids \[[^\]]*\]", lambda _: b"/Kids [ " + b" ".join(r + b" 0 R" for r in refs) + b" ]", pages_node.group(2))
    node = re.sub(rb"/Count \d+", b"/Count %d" % total, node)
    body = src[:pages_node.start(2)] + node + src[pages_node.end(2):xref_at] + b"".join(extra)
    trailer = re.search(rb"trailer\s*<<(.*?)>>", src[xref_at:], re.S).group(1)
    trailer = re.sub(rb"/Size \d+", b"/Size %d" % n, trailer)
    out = body + b"xref\n0 %d\n" % n + b"0000000000 65535 f \n" * n + b"trailer <<" + trailer + b">>\nstartxref\n0\n%%EOF\n"
    return with_fresh_xref(out)


def fuzz(src, rng, k):
    kind = k % 3
    b = bytearray(src)
    if kind == 0:     # byte flips
        for _ in range(rng.randrange(1, 40)):
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
        return "flips", bytes(b)
    if kind == 1:     # one block overwritten with random bytes
        size = rng.choice([64, 512, 4096])
        at = rng.randrange(len(b) - size)
        b[at:at + size] = bytes(rng.randrange(256) for _ in range(size))
        return "block", bytes(b)
    return "truncated", bytes(b[: rng.randrange(len(b) // 10, len(b))])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--fuzz", type=int, default=6)
    ap.add_argument("--bomb-mb", type=int, default=100, help="inflated size of the Flate bomb")
    ap.add_argument("--long-source", help="a text report whose pages make the 2,000-page real-text report "
                    "(default: Corpus/seeds/s000-thesaban-mueang.pdf)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    src = open(a.source, "rb").read()
    os.makedirs(a.outdir, exist_ok=True)
    cases = {
        "truncated-half": src[: len(src) // 2],
        "tounicode-flip": tounicode_flip(src, rng),
        "xref-broken": broken_xref(src),
        "objstm-ok": object_stream(False),
        "objstm-broken": object_stream(True),
        "page-tree-loop": page_tree_loop(),
        "pages-2000": pdf(text_pages(2000)),
        "mediabox-giant": pdf(text_pages(1, media=b"[0 0 14400 14400]")),
        "mediabox-zero": pdf(text_pages(1, media=b"[0 0 0 0]")),
        "flate-bomb": flate_bomb(a.bomb_mb),
        "image-bomb": image_bomb(14400),
        "javascript": javascript(),
        "tounicode-nul": tounicode_nul(src),
        "tounicode-shuffled": tounicode_shuffled(src, random.Random(a.seed)),
        "pages-2000-text": repeat_pages(open(a.long_source or os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "..", "..", "Corpus", "seeds", "s000-thesaban-mueang.pdf"), "rb").read(), 2000),
    }
    for k in range(a.fuzz):
        kind, data = fuzz(src, rng, k)
        cases["fuzz-%02d-%s" % (k, kind)] = data
    for name, data in cases.items():
        with open(os.path.join(a.outdir, name + ".pdf"), "wb") as f:
            f.write(data)
    print("\n".join(sorted(cases)))


if __name__ == "__main__":
    main()
