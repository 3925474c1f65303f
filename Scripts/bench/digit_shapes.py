"""Prototype of a reader of Thai-digit numbers by shape (issue 11, "Read numbers as numbers").

Tesseract's Thai models do not read ๙ in Laksaman and misread most Thai digits of scans (digit error
0.57-0.60, closing note of session 4). Thai digits and the point are 11 glyphs, so a number's crop is
cut into connected components and each is compared with templates of ๐-๙ rendered from the fonts
listed in Mappings/ocr/digit-fonts.tsv:
  1. ink = Otsu threshold of the crop; components (8-connected) touching the crop's edge are
     rulings or neighbours, not the number; pieces one above the other are one glyph (a broken scan);
  2. the digit height H is the tallest kept component; a component as tall as a digit is a digit, a
     small one sitting on the baseline between digits is the point, the rest are specks;
  3. a digit too wide for one glyph (two touching) is cut at the weakest column;
  4. each digit's box is scaled to GRID x GRID and compared (normalised correlation) with every
     template; its score per digit is the best over fonts, less a penalty for a different aspect.
The reading keeps, per glyph, the runner-up digits and the margin, and the whole number's
alternatives (one glyph changed to its runner-up), for the arithmetic to choose from.

Used by Scripts/bench/digit_readers.py; needs numpy, scipy, ImageMagick (convert) and fontconfig.
"""
import math
import os
import subprocess
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

HERE = os.path.dirname(os.path.abspath(__file__))
MAPPINGS = os.path.join(HERE, "..", "..", "Mappings", "ocr", "digit-fonts.tsv")
THAI = "๐๑๒๓๔๕๖๗๘๙"
# ASCII digits of the same fonts: the second reading of scores Tesseract read in ASCII (DigitRereader).
ASCII = "0123456789"
# Side of the normalised glyph, pixels: a Thai digit of a 16 pt line at 150 dpi is about 20 px tall.
GRID = 20
# Penalty per unit of |log(aspect ratio)| difference: ๐ and ๑ differ mostly in width.
ASPECT_WEIGHT = 0.25
# A component at least this part of the digit height is a digit (๑ ๒ ... are all as tall as ๐).
DIGIT_HEIGHT = 0.6
# The point: at most this part of the digit height, with its bottom in the lower POINT_BASE of it.
POINT_HEIGHT = 0.4
POINT_BASE = 0.35
# Specks smaller than this part of the digit height are noise (photocopy speckle).
SPECK = 0.12
# A component wider than this many digit heights may be touching digits (the widest single digit of
# the templates is 1.32 heights wide, two of the narrowest together over 1.5); the cut must then win
# by SPLIT_GAIN.
TOUCHING = 1.4
SPLIT_GAIN = 0.05
# A piece this many times longer than thick is a piece of a ruling (a digit is at most 1.3 wide).
LINE_ASPECT = 3
# A glyph at either end of the crop matching no digit better than this is a neighbouring letter.
MIN_DIGIT = 0.55


def read_pgm(data):
    parts = data.split(b"\n", 3) if data[:2] == b"P5" else None
    # Header: P5, width height, maxval (no comments from convert/pdftoppm).
    tokens = []
    i = 0
    while len(tokens) < 4:
        while data[i:i + 1].isspace():
            i += 1
        j = i
        while not data[j:j + 1].isspace():
            j += 1
        tokens.append(data[i:j])
        i = j
    i += 1
    w, h = int(tokens[1]), int(tokens[2])
    del parts
    return np.frombuffer(data[i:i + w * h], dtype=np.uint8).reshape(h, w).astype(np.float32)


def write_pgm(path, arr):
    a = np.clip(arr, 0, 255).astype(np.uint8)
    with open(path, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (a.shape[1], a.shape[0]))
        f.write(a.tobytes())


def render_page(pdf, page, dpi, work):
    base = os.path.join(work, f"page-{os.getpid()}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile", pdf, base], check=True)
    with open(base + ".pgm", "rb") as f:
        return read_pgm(f.read())


def cut(page, box, dpi, pad_x, pad_y):
    s = dpi / 72.0
    x0, y0 = max(0, int((box[0] - pad_x) * s)), max(0, int((box[1] - pad_y) * s))
    x1, y1 = int((box[2] + pad_x) * s), int((box[3] + pad_y) * s)
    return page[y0:y1, x0:x1].copy()


def otsu(ink):
    hist, edges = np.histogram(ink, bins=64, range=(0, 255))
    total = hist.sum()
    best, t = -1.0, 128.0
    cum = np.cumsum(hist)
    mids = (edges[:-1] + edges[1:]) / 2
    cum_mean = np.cumsum(hist * mids)
    for k in range(1, 63):
        w0, w1 = cum[k], total - cum[k]
        if w0 == 0 or w1 == 0:
            continue
        m0, m1 = cum_mean[k] / w0, (cum_mean[-1] - cum_mean[k]) / w1
        v = w0 * w1 * (m0 - m1) ** 2
        if v > best:
            best, t = v, edges[k + 1]
    return t


def shrink(ink, mask):
    """The glyph's ink inside its box, scaled to GRID x GRID; and its aspect (width / height)."""
    ys, xs = np.nonzero(mask)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    g = np.where(mask[y0:y1, x0:x1], ink[y0:y1, x0:x1], 0).astype(np.float32)
    h, w = g.shape
    # Area averaging (each grid cell the mean of the ink it covers): one rule for a large template
    # and a small scan glyph, and simple to port.
    return area_matrix(h) @ g @ area_matrix(w).T, w / h


def normalise(ink, mask):
    """`shrink`, as a zero-mean unit vector; and the aspect."""
    z, aspect = shrink(ink, mask)
    z = z.ravel() - z.mean()
    n = np.linalg.norm(z)
    return (z / n if n else z), aspect


def area_matrix(n):
    """GRID x n weights: row i averages the input span [i*n/GRID, (i+1)*n/GRID)."""
    m = np.zeros((GRID, n), dtype=np.float32)
    for i in range(GRID):
        a, b = i * n / GRID, (i + 1) * n / GRID
        for j in range(int(math.floor(a)), min(n, int(math.ceil(b)))):
            m[i, j] = min(b, j + 1) - max(a, j)
        m[i] /= m[i].sum()
    return m


def font_file(family):
    out = subprocess.run(["fc-match", "-f", "%{file}", family + ":style=Regular"], capture_output=True, text=True, check=True).stdout
    return out


@dataclass
class Reading:
    text: str
    confidence: float  # the smallest margin between a glyph's best and runner-up digit
    glyphs: list = field(default_factory=list)  # per glyph: [(char, score), ...] best first
    alternatives: list = field(default_factory=list)  # other readings, most likely first


TEMPLATES = os.path.join(HERE, "..", "..", "Mappings", "ocr", "digit-templates.tsv")


def fonts_listed(path=MAPPINGS):
    fonts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                fonts.append(line.split("\t")[0])
    if not fonts:
        raise ValueError(f"{path}: no fonts")
    return fonts


def render_templates(fonts):
    """(digit, font, GRID x GRID ink 0-255 as bytes, aspect) per font and digit, from the font files."""
    out = []
    for family in fonts:
        path = font_file(family)
        for d in THAI + ASCII:
            pgm = subprocess.run(["convert", "-font", path, "-pointsize", "96", "label:" + d, "-depth", "8", "pgm:-"],
                                 capture_output=True, check=True).stdout
            ink = 255 - read_pgm(pgm)
            mask = ink > 128
            g, aspect = shrink(ink, mask)
            g = np.round(255 * g / max(g.max(), 1e-6)).astype(np.uint8)
            out.append((d, family, g, round(aspect, 3)))
    return out


def write_templates(path=TEMPLATES):
    """Mappings/ocr/digit-templates.tsv from the fonts of digit-fonts.tsv (rerun when that list changes)."""
    rows = render_templates(fonts_listed())
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Generated by python3 Scripts/bench/digit_shapes.py --write-templates from digit-fonts.tsv (fonts-thai-tlwg).\n")
        f.write(f"# font\tdigit\taspect (width/height of the ink)\tink of the glyph's box scaled to {GRID}x{GRID} by area, row by row, hex 00-ff\n")
        for d, family, g, aspect in rows:
            f.write(f"{family}\t{d}\t{aspect:.3f}\t{g.tobytes().hex()}\n")


class ShapeReader:
    def __init__(self, rows):
        self.templates = []  # (digit char, font, vector, aspect)
        for d, family, g, aspect in rows:
            z = g.astype(np.float32).ravel()
            z = z - z.mean()
            self.templates.append((d, family, z / np.linalg.norm(z), aspect))
        self.matrix = np.stack([t[2] for t in self.templates])
        self.aspects = np.array([t[3] for t in self.templates])

    @classmethod
    def from_mappings(cls, path=TEMPLATES, digits=THAI):
        """The templates of `digits` (Thai by default; the file also holds the fonts' ASCII digits)."""
        rows = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                family, d, aspect, hexes = line.rstrip("\n").split("\t")
                if d not in digits:
                    continue
                rows.append((d, family, np.frombuffer(bytes.fromhex(hexes), dtype=np.uint8).reshape(GRID, GRID), float(aspect)))
        return cls(rows)

    def classify(self, ink, mask):
        vec, aspect = normalise(ink, mask)
        corr = self.matrix @ vec - ASPECT_WEIGHT * np.abs(np.log(self.aspects / aspect))
        best = {}
        for (d, _, _, _), c in zip(self.templates, corr):
            if c > best.get(d, -9):
                best[d] = float(c)
        return sorted(best.items(), key=lambda kv: -kv[1])

    def components(self, crop):
        ink = 255 - crop
        t = otsu(ink)
        mask = ink > t
        lab, n = ndimage.label(mask, structure=np.ones((3, 3)))
        H, W = mask.shape
        comps = []
        for k, sl in enumerate(ndimage.find_objects(lab), 1):
            ys, xs = sl
            if ys.start == 0 or xs.start == 0 or ys.stop == H or xs.stop == W:
                continue
            h, w = ys.stop - ys.start, xs.stop - xs.start
            if max(h, w) > LINE_ASPECT * min(h, w):
                continue
            comps.append([xs.start, ys.start, xs.stop, ys.stop, {k}])
        # Pieces one above the other (overlapping in x by half the narrower) are one glyph.
        comps.sort(key=lambda c: c[0])
        merged = []
        for c in comps:
            for m in merged:
                overlap = min(m[2], c[2]) - max(m[0], c[0])
                if overlap > 0.5 * min(m[2] - m[0], c[2] - c[0]):
                    m[0], m[1], m[2], m[3] = min(m[0], c[0]), min(m[1], c[1]), max(m[2], c[2]), max(m[3], c[3])
                    m[4] |= c[4]
                    break
            else:
                merged.append(c)
        return ink, lab, merged

    def score_box(self, ink, lab, box):
        x0, y0, x1, y1, labels = box
        mask = np.zeros_like(ink, dtype=bool)
        mask[y0:y1, x0:x1] = np.isin(lab[y0:y1, x0:x1], list(labels))
        if mask.sum() == 0:
            return [("?", -1.0), ("?", -1.0)]
        return self.classify(ink, mask)

    def split(self, ink, lab, c, H):
        """The glyphs of one component: itself, or, when it is wider than one digit could be, the cut
        into two (then recursively) whose weaker half matches its template best, if that beats the
        whole by SPLIT_GAIN."""
        box = (c[0], c[1], c[2], c[3], frozenset(c[4]))
        w = c[2] - c[0]
        if w <= TOUCHING * H:
            return [box]
        whole = self.score_box(ink, lab, box)[0][1]
        best = None
        for j in range(c[0] + int(0.3 * H), c[2] - int(0.3 * H)):
            a = (c[0], c[1], j, c[3], box[4])
            b = (j, c[1], c[2], c[3], box[4])
            s = min(self.score_box(ink, lab, a)[0][1], self.score_box(ink, lab, b)[0][1])
            if best is None or s > best[0]:
                best = (s, a, b)
        if best is None or best[0] < whole + SPLIT_GAIN:
            return [box]
        return self.split(ink, lab, best[1], H) + self.split(ink, lab, best[2], H)

    def read(self, crop, dpi=None):
        """The better of two readings: the crop as it is, and after a 3x3 median (photocopy speckle
        chains digits to each other and to the crop's edge; the median breaks the chains but also
        thin strokes of a clean crop). Better: of a score's form, then the weakest glyph's match."""
        a = self.read_once(crop)
        b = self.read_once(ndimage.median_filter(crop, size=3, mode="nearest"))
        return max((a, b), key=quality)

    def read_once(self, crop):
        ink, lab, comps = self.components(crop)
        if not comps:
            return Reading("", 0.0)
        # The number's line: the band where the tallest components sit (a neighbour line's marks are lower).
        height = max(c[3] - c[1] for c in comps)
        digits = [c for c in comps if c[3] - c[1] >= DIGIT_HEIGHT * height]
        if not digits:
            return Reading("", 0.0)
        base = float(np.median([c[3] for c in digits]))
        top = float(np.median([c[1] for c in digits]))
        H = base - top
        glyphs = []  # (x0, kind, comp)
        for c in digits:
            for piece in self.split(ink, lab, c, H):
                glyphs.append((piece[0], "digit", piece))
        xs_digits = sorted(g[0] for g in glyphs)
        points = [c for c in comps if c not in digits and SPECK * H <= c[3] - c[1] <= POINT_HEIGHT * H
                  and c[3] >= base - POINT_BASE * H and c[1] >= top + 0.4 * H
                  and xs_digits[0] < c[0] < max(g[2][2] for g in glyphs)]
        if points:
            p = max(points, key=lambda c: (c[2] - c[0]) * (c[3] - c[1]))
            glyphs.append((p[0], "point", tuple(p)))
        glyphs.sort(key=lambda g: g[0])
        out, per, margins = [], [], []
        for _, kind, c in glyphs:
            if kind == "point":
                out.append(".")
                per.append([(".", 1.0)])
                margins.append(1.0)
                continue
            ranked = self.score_box(ink, lab, c)
            out.append(ranked[0][0])
            per.append(ranked[:3])
            margins.append(ranked[0][1] - ranked[1][1])
        while per and per[0][0][0] != "." and per[0][0][1] < MIN_DIGIT:
            out, per, margins = out[1:], per[1:], margins[1:]
        while per and per[-1][0][0] != "." and per[-1][0][1] < MIN_DIGIT:
            out, per, margins = out[:-1], per[:-1], margins[:-1]
        alts = []
        for i, r in enumerate(per):
            for d, s in r[1:]:
                alt = out[:i] + [d] + out[i + 1:]
                alts.append((r[0][1] - s, "".join(alt)))
        alts.sort()
        return Reading("".join(out), min(margins) if margins else 0.0, per, [a for _, a in alts])


SCORE = __import__("re").compile(r"^[๐-๙]{1,3}[.][๐-๙]{2}$")


def quality(r):
    return (bool(SCORE.match(r.text)), min((g[0][1] for g in r.glyphs), default=-1.0))


if __name__ == "__main__":
    import sys
    if sys.argv[1:] == ["--write-templates"]:
        write_templates()
        sys.exit(0)
    r = ShapeReader.from_mappings()
    for p in sys.argv[1:]:
        with open(p, "rb") as f:
            print(p, r.read(read_pgm(f.read())))
