#!/usr/bin/env bash
# Installs the Debian packages ITAExtract builds and tests with, if any is missing.
# Build: poppler (cpp + glib, and libpoppler-private-dev: poppler's own renderer for ruling lines), ICU, SQLite (GRDB),
# libxlsxwriter (dataset.xlsx), zlib (review page PNG crops), pkg-config, Tesseract headers. Run: Tesseract with Thai and
# English data (OCR of scans; loaded at run time, see Sources/TesseractShim). FreeType and fontconfig (headers), the TLWG
# Thai fonts and URW's base 35 (LibreOffice's Latin fallback, NimbusRoman): glyphs of fonts without a ToUnicode map are read by outline against the installed font of the same name
# (Sources/PopplerShim/glyph_outlines.cpp; Corpus/variants/v000059 is set in Norasi, v001409 has NimbusRoman digits). Tests/benchmarks: poppler-utils (pdftotext peer).
# Scripts/hostile: python3, GNU time.
set -euo pipefail
packages=(pkg-config libpoppler-cpp-dev libpoppler-glib-dev libpoppler-private-dev libfreetype-dev libfontconfig-dev fonts-thai-tlwg fonts-urw-base35 libicu-dev libsqlite3-dev libxlsxwriter-dev zlib1g-dev libtesseract-dev tesseract-ocr-tha tesseract-ocr-eng poppler-utils
  python3 time)  # the hostile-input suite: its generator and runner (Python), peak RSS from GNU time -v
# Extra groups on request: ITA_DEPS=corpus (LibreOffice, Thai fonts, qpdf, imagemagick, tesseract: to rebuild Corpus/),
# ITA_DEPS=html (chromium: to screenshot diff reports), ITA_DEPS=bench (bc, GNU time, jq, python3-venv for the pdfplumber peer:
# Scripts/bench-extract.sh, bench-workers.sh), ITA_DEPS=hostile (qpdf, GNU time, jq: Scripts/hostile/measure.sh),
# ITA_DEPS=slurm (munge, slurmctld, slurmd, slurm-client: the cluster test).
case ",${ITA_DEPS:-}," in *,corpus,*) packages+=(libreoffice-writer-nogui fonts-thai-tlwg qpdf imagemagick ghostscript tesseract-ocr tesseract-ocr-tha);; esac
case ",${ITA_DEPS:-}," in *,corpus,*) packages+=(chromium);; esac  # Scripts/corpus/variants.py prints and numbers pages with it
case ",${ITA_DEPS:-}," in *,html,*) packages+=(chromium fonts-thai-tlwg);; esac
case ",${ITA_DEPS:-}," in *,bench,*) packages+=(bc time jq python3-venv);; esac
case ",${ITA_DEPS:-}," in *,hostile,*) packages+=(qpdf time jq);; esac
# ITA_DEPS=slurm: a one-node Slurm for Scripts/test-slurm.sh and Scripts/scale-test.sh (daemons started by the script, not by systemd).
case ",${ITA_DEPS:-}," in *,slurm,*) packages+=(munge slurmctld slurmd slurm-client time);; esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
