#!/usr/bin/env python3
"""Counts the places a source folder reads a box's geometry (issue 10: the layout stage owns all
geometry; interpret reads cells and text and touches a box only to copy it into provenance). A box
read is a code line's (comments and string literals removed) use of an edge, a centre or a size
(`.x0 .x1 .y0 .y1 .midX .midY .width .height`) or a box comparison (`verticalOverlap`,
`horizontalOverlap`); each use counts. So does an edge compared or computed with (an operand of `<`, `>`, `<=`,
`>=`, `==`, `+`, `-`, `*`, `/`): a row's or a band's edge kept apart from its box (`textX`, `codeX`, `textRight`,
`lastLineRight`, `scoreLeft`, `textBottom`, `rowBottom`, `bandTop`, `bandBottom`, `top`, `bottom`, `left`,
`right`) or a line pitch (`pitch`), which the box members alone do not show (`abs(p.textX - q.textX) <= tol`,
`settings.x * geometry.pitch`; listed as `edge`). The geometry interpret asks of a page runs in the layout
stage's code instead (`PageGrid` and its questions, `RowBreakEdges`, `CellPieces`, `LinePitch`).

    python3 Scripts/count-box-reads.py [FOLDER] [--list] [--max N]

FOLDER defaults to Sources/ReportInterpret. Prints the total and the count per file, most first;
--list prints each use; --max N exits 1 when there are more than N (Scripts/test.sh holds interpret
to the count it has reached, so that no reader starts comparing boxes again)."""
import pathlib
import re
import sys

READ = re.compile(r"\.(x0|x1|y0|y1|midX|midY|width|height|verticalOverlap|horizontalOverlap)\b")
# An edge or a pitch as an operand of a comparison or of arithmetic (a member or a local name; not a
# call, an argument label, or a value's member such as a dictionary entry's `top.key`).
EDGE = r"(?:textX|codeX|textRight|lastLineRight|scoreLeft|textBottom|rowBottom|bandTop|bandBottom|top|bottom|left|right|pitch)"
OP = r"(?:[<>]=?|==|[-+*/])"
EDGE_USE = re.compile(r"(?<![\w$])(?:[\w$]+(?:\[[^\]]*\])?\.)*" + EDGE + r"\b\s*" + OP + r"(?![>=])"
                      r"|(?<![-=<>!])" + OP + r"\s*(?:[\w$]+(?:\[[^\]]*\])?\.)*" + EDGE + r"\b(?!\s*[(:.])")


def code_of(line: str) -> str:
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    return line.split("//", 1)[0]


def main() -> None:
    args = sys.argv[1:]
    limit = None
    if "--max" in args:
        k = args.index("--max")
        limit = int(args[k + 1])
        del args[k:k + 2]
    listing = "--list" in args
    args = [a for a in args if a != "--list"]
    folder = pathlib.Path(args[0] if args else "Sources/ReportInterpret")
    per_file = {}
    for path in sorted(folder.rglob("*.swift")):
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = code_of(raw)
            found = READ.findall(code) + ["edge" for _ in EDGE_USE.finditer(code)]
            if not found:
                continue
            per_file[path] = per_file.get(path, 0) + len(found)
            if listing:
                print(f"{path}:{n}: {' '.join(found)}    {raw.strip()}")
    total = sum(per_file.values())
    for path, count in sorted(per_file.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"{count:5d}  {path}")
    print(f"{total} box reads under {folder}")
    if limit is not None and total > limit:
        print(f"more than {limit}: the geometry belongs in the layout stage (PageGrid)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
