#!/usr/bin/env bash
# Installs the Debian packages ITAExtract builds and tests with, if any is missing.
# Build: poppler (cpp + glib), ICU, SQLite (GRDB), pkg-config, Tesseract headers. Run: Tesseract with Thai and
# English data (OCR of scans; loaded at run time, see Sources/TesseractShim). Tests/benchmarks: poppler-utils (pdftotext peer).
set -euo pipefail
packages=(pkg-config libpoppler-cpp-dev libpoppler-glib-dev libicu-dev libsqlite3-dev libtesseract-dev tesseract-ocr-tha tesseract-ocr-eng poppler-utils)
# Extra groups on request: ITA_DEPS=corpus (LibreOffice, Thai fonts, qpdf, imagemagick, tesseract: to rebuild Corpus/),
# ITA_DEPS=html (chromium: to screenshot diff reports), ITA_DEPS=bench (bc, GNU time: Scripts/bench-extract.sh),
# ITA_DEPS=slurm (munge, slurmctld, slurmd, slurm-client: the cluster test).
case ",${ITA_DEPS:-}," in *,corpus,*) packages+=(libreoffice-writer-nogui fonts-thai-tlwg qpdf imagemagick ghostscript tesseract-ocr tesseract-ocr-tha);; esac
case ",${ITA_DEPS:-}," in *,html,*) packages+=(chromium fonts-thai-tlwg);; esac
case ",${ITA_DEPS:-}," in *,bench,*) packages+=(bc time);; esac
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
