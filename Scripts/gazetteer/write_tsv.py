"""Writes the gazetteer TSVs of Mappings/gazetteer from the installed geothai package.

One row per current (not abolished) area: code, Thai name, English name, sorted by code.
Run through make-gazetteer.sh, which installs geothai into a throwaway venv.
"""
import sys
from importlib.metadata import version
from pathlib import Path

import geothai


def write(path: Path, rows) -> None:
    lines = ["code\tname_th\tname_en"]
    for code, th, en in sorted(rows):
        for field in (code, th, en):
            if "\t" in field or "\n" in field:
                raise SystemExit(f"{path.name}: a tab or line break in {field!r}")
        lines.append(f"{code}\t{th}\t{en}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    provinces = geothai.provinces()
    districts = [d for p in provinces for d in geothai.districts(p.code)]
    subdistricts = [s for d in districts for s in geothai.subdistricts(d.code)]
    write(out / "provinces.tsv", [(p.code, p.name_th, p.name_en) for p in provinces])
    write(out / "districts.tsv", [(d.code, d.name_th, d.name_en) for d in districts])
    write(out / "subdistricts.tsv", [(s.code, s.name_th, s.name_en) for s in subdistricts])
    (out / "SOURCE").write_text(
        f"geothai {version('geothai')} (GeoThai/data {geothai.DATA_VERSION})\n", encoding="utf-8")
    print(f"{len(provinces)} provinces, {len(districts)} districts, {len(subdistricts)} subdistricts -> {out}")


main()
