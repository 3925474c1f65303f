"""Reads dataset.xlsx back with openpyxl and compares every cell with the CSVs of the same run.

Usage: python3 Scripts/check-workbook.py RUN_DIR   (run by Scripts/check-workbook.sh in a venv)
Checks, per sheet (reports, indicator_scores, question_scores, measures, panel):
- same header and the same number of rows as the CSV;
- every cell equal to the CSV's text: an empty CSV cell is an empty cell; a number cell's value
  shown with its number format's decimals gives the CSV text exactly (93.50 stays 93.50); a text
  cell holds the CSV text exactly (never a formula: no cell has data type 'f');
- the header row frozen (A2) and under an autofilter; cells in a Thai-capable font (not Calibri).
Exits 1 naming the first differing cells.
"""
import csv
import sys
from pathlib import Path

from openpyxl import load_workbook

SHEETS = ["reports", "indicator_scores", "question_scores", "measures", "panel"]


def shown(cell) -> str:
    v = cell.value
    if v is None:
        return ""
    if cell.data_type == "n":
        fmt = cell.number_format
        places = len(fmt.split(".", 1)[1]) if "." in fmt else 0
        return f"{v:.{places}f}" if places else str(int(v)) if float(v).is_integer() else repr(v)
    return str(v)


def main() -> int:
    run = Path(sys.argv[1])
    wb = load_workbook(run / "dataset.xlsx")
    problems = []
    counts = {}
    if wb.sheetnames != SHEETS:
        problems.append(f"sheets {wb.sheetnames} != {SHEETS}")
    for name in SHEETS:
        if name not in wb.sheetnames:
            continue
        ws = wb[name]
        with open(run / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        sheet = list(ws.iter_rows())
        counts[name] = (len(rows) - 1, sum(len(r) for r in rows))
        if ws.freeze_panes != "A2":
            problems.append(f"{name}: header not frozen ({ws.freeze_panes})")
        if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith("A1:"):
            problems.append(f"{name}: no autofilter on the header ({ws.auto_filter.ref})")
        if len(sheet) != len(rows):
            problems.append(f"{name}: {len(sheet)} rows in the sheet, {len(rows)} in the CSV")
        for r, (csv_row, cells) in enumerate(zip(rows, sheet), start=1):
            width = max(len(csv_row), len(cells))
            for c in range(width):
                want = csv_row[c] if c < len(csv_row) else None
                cell = cells[c] if c < len(cells) else None
                got = shown(cell) if cell is not None else ""
                if cell is not None and cell.data_type == "f":
                    problems.append(f"{name}!{cell.coordinate}: a formula")
                if want is None or got != want:
                    problems.append(f"{name} row {r} col {c + 1}: sheet {got!r}, CSV {want!r}")
                if cell is not None and cell.value is not None and cell.font.name in (None, "Calibri"):
                    problems.append(f"{name}!{cell.coordinate}: font {cell.font.name}")
    for p in problems[:40]:
        print(p, file=sys.stderr)
    if problems:
        print(f"dataset.xlsx: {len(problems)} differences from the CSVs", file=sys.stderr)
        return 1
    print("dataset.xlsx == CSVs: " + ", ".join(f"{n} {rows} rows ({cells} cells)" for n, (rows, cells) in counts.items()))
    return 0


sys.exit(main())
