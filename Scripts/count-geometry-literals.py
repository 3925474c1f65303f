#!/usr/bin/env python3
"""Counts the numeric literals in geometry expressions of a source folder (issue 10: interpret holds
no numeric geometry threshold). A geometry line is a code line (comments and string literals
removed) that names a box edge or size, a pitch, a page height, a gap or a tolerance; every decimal
literal on it counts, and so does a tuning number kept in a global (`static let x = 1.45`), except the structural ones the settings headers leave as literals on
purpose: 0 and 1 (emptiness, index steps, overlap > 0), the 2 of a midpoint (`/ 2`) and the 0.5 of
a slice's centre (`Double(k) + 0.5`). Text windows count too, on any line: a literal added to or
taken from a position in a text (`r.upperBound + 30`, `pos + 80`), a literal length of a key's
`unicodeScalars.suffix(12)`/`prefix(12)`, a literal `maxScalars` (how far a year is looked for),
and a literal multiplying a window or distance (`yearCueWindow * 2`: scalars per key character).
Globals that are limits of the run, not of reading (a timeout, a polling interval, a retry bound),
stay named statics: those in RUN_LIMITS are not counted when a doc comment (the why) stands above
them; --list prints them apart with their reason.

    python3 Scripts/count-geometry-literals.py [FOLDER] [--list]

FOLDER defaults to Sources/ReportInterpret. Prints the total; --list prints each hit first."""
import pathlib
import re
import sys

GEOMETRY = re.compile(r"\b(box|Box|pitch|height|width|x0|x1|y0|y1|midX|midY|textX|codeX|textRight|"
                      r"lastLineRight|scoreLeft|bottom|top|gap|margin|tol|tolX|colTol|space|reach|overlap\w*|"
                      r"centre|pageLeft|pageRight|lastY|bandTop|bandBottom|rowBottom|pageHeight|heights|gaps|spaces)\b"
                      r"|\*\s*h\b")
# A tuning number named but global (`static let gapFactor = 1.45`): not passed in, not overridable.
GLOBAL = re.compile(r"\bstatic\s+(?:let|var)\s+\w+(?:\s*:\s*\w+)?\s*=\s*-?\d")
# Globals that bound something else than geometry: a settings file's range, a memo's size.
NOT_TUNING = re.compile(r"\b(maximumMagnitude|capacity)\b")
# A window in a text: how far from a cue or a number the words qualifying it are looked for.
WINDOW = re.compile(r"(?:\b(?:lowerBound|upperBound|pos)\s*[+-]\s*|(?:Window|Distance)\s*\*\s*|unicodeScalars\.(?:suffix|prefix)\(\s*|\bmaxScalars:\s*(?:Int\s*=\s*)?)"
                    r"(\d+(?:_\d+)*(?:\.\d+)?)(?![\w.])"
                    r"|(?<![\w.$])(\d+(?:_\d+)*(?:\.\d+)?)(?=\s*\*\s*\w*(?:Window|Distance)\b)")
# Named statics that bound the run, not how a page is read: name -> why it is no reading tolerance.
RUN_LIMITS = {
    "pagesPerTimeout": "run limit: CPU seconds a document may take, per page",
    "wallFactor": "run limit: wall clock allowed over the CPU limit on a loaded machine",
    "logInterval": "run limit: seconds between progress lines in a log",
    "terminalInterval": "run limit: seconds between redraws of the progress line",
    "watchInterval": "run limit: milliseconds between looks at a worker's memory and clock",
    "settled": "run limit: seconds a file must be unchanged before its hash is trusted",
    "maxRounds": "structural: one round per level of the score checks (question, indicator, overall)",
    "sampleSize": "output: poppler messages quoted in a warning",
}
RUN_LIMIT = re.compile(r"\bstatic\s+(?:let|var)\s+(\w+)")
LITERAL = re.compile(r"(?<![\w.$])(\d+(?:_\d+)*(?:\.\d+)?)(?![\w.])")


def code_of(line: str) -> str:
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    return line.split("//", 1)[0]


def hits(folder: pathlib.Path, limits: list):
    for path in sorted(folder.rglob("*.swift")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, raw in enumerate(lines, 1):
            code = code_of(raw)
            if GLOBAL.search(code) and not NOT_TUNING.search(code):
                name = RUN_LIMIT.search(code).group(1)
                documented = n >= 2 and lines[n - 2].strip().startswith("///")
                if name in RUN_LIMITS and documented:
                    limits.append(f"{path}:{n}: {name}: {RUN_LIMITS[name]}")
                else:
                    yield f"{path}:{n}: global  {code.strip()}"
                continue
            windows = [m for m in WINDOW.finditer(code) if (m.group(1) or m.group(2)) not in ("0", "1")]
            for m in windows:
                yield f"{path}:{n}: window {m.group(1) or m.group(2)}    {code.strip()}"
            if not GEOMETRY.search(code):
                continue
            inWindow = {m.start(1) if m.group(1) else m.start(2) for m in windows}
            for m in LITERAL.finditer(code):
                value = m.group(1)
                if m.start(1) in inWindow:
                    continue
                before = code[:m.start()].rstrip()
                after = code[m.end():].lstrip()
                if value in ("0", "1"):
                    continue
                if value == "2" and before.endswith("/"):
                    continue
                if value == "0.5" and re.search(r"Double\(\w+\)\s*\+$", before):
                    continue
                if after.startswith("..") or before.endswith(".."):
                    continue
                yield f"{path}:{n}: {value}    {code.strip()}"


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--list"]
    folder = pathlib.Path(args[0] if args else "Sources/ReportInterpret")
    limits: list = []
    found = list(hits(folder, limits))
    if "--list" in sys.argv:
        for h in found:
            print(h)
        for h in limits:
            print(f"not counted  {h}")
    print(f"{len(found)} numeric literals in geometry expressions and text windows under {folder}"
          + (f" ({len(limits)} documented run limits not counted)" if limits else ""))


if __name__ == "__main__":
    main()
