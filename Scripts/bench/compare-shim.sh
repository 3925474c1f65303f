#!/usr/bin/env bash
# Compares what two versions of Sources/PopplerShim extract from every PDF under Corpus/ (or the given
# paths): per page, the ruling lines, the image coverage and the characters (scalar, box, font), printed
# in full precision, then diffed. Use it when changing how the shim finds rulings or images.
# Usage: Scripts/bench/compare-shim.sh [BASE_REF] [PATHS...]   (BASE_REF default: main; the other side is
# the working tree). Prints the differing lines and a count; also the extract CPU seconds of each side.
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:-main}; shift || true
paths=("$@"); [ ${#paths[@]} -gt 0 ] || paths=(Corpus)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
mkdir -p "$out/base" "$out/work"
for f in $(git ls-tree -r --name-only "$base" -- Sources/PopplerShim); do git show "$base:$f" > "$out/base/$(basename "$f")"; done
cp Sources/PopplerShim/*.cpp Sources/PopplerShim/*.hpp Sources/PopplerShim/include/poppler_shim.h "$out/work/"
cat > "$out/dump.cpp" <<'CPP'
#include "poppler_shim.h"
#include <cstdio>
#include <ctime>
int main(int argc, char **argv) {
    std::clock_t c0 = std::clock();
    for (int a = 1; a < argc; a++) {
        int code; char msg[512];
        ps_document *d = ps_document_open(argv[a], &code, msg, sizeof msg);
        if (!d) { printf("%s: error %d\n", argv[a], code); continue; }
        for (int i = 0; i < ps_document_page_count(d); i++) {
            ps_page *p = ps_page_extract(d, i, PS_PAGE_ALL);
            if (!p) { printf("%s p%d: null\n", argv[a], i + 1); continue; }
            size_t n = ps_page_ruling_count(p), m = ps_page_char_count(p);
            printf("%s p%d: %zu rulings, image coverage %.17g, %zu chars\n", argv[a], i + 1, n, ps_page_image_coverage(p), m);
            const ps_rect *r = ps_page_rulings(p);
            for (size_t k = 0; k < n; k++) printf("  ruling %.17g %.17g %.17g %.17g\n", r[k].x0, r[k].y0, r[k].x1, r[k].y1);
            const ps_char *c = ps_page_chars(p);
            for (size_t k = 0; k < m; k++)
                printf("  char U+%04X %.17g %.17g %.17g %.17g %d %d %s %.17g\n", c[k].scalar, c[k].box.x0, c[k].box.y0, c[k].box.x1,
                       c[k].box.y1, c[k].space_after, c[k].word_end, c[k].font_index >= 0 ? ps_page_font_name(p, size_t(c[k].font_index)) : "-", c[k].font_size);
            ps_page_free(p);
        }
        ps_document_close(d);
    }
    fprintf(stderr, "%.2f", double(std::clock() - c0) / CLOCKS_PER_SEC);
}
CPP
flags=$(pkg-config --cflags --libs poppler-cpp poppler-glib poppler)
mapfile -t pdfs < <(find "${paths[@]}" -type f -iname '*.pdf' | LC_ALL=C sort)
for side in base work; do
  # shellcheck disable=SC2086
  g++ -O2 -std=c++17 -I"$out/$side" "$out/$side"/*.cpp "$out/dump.cpp" -o "$out/dump-$side" $flags
  "$out/dump-$side" "${pdfs[@]}" > "$out/$side.txt" 2> "$out/$side.cpu"
done
echo "pages: $(grep -c ' rulings, ' "$out/work.txt"); CPU seconds (text, images, rulings): $base $(cat "$out/base.cpu"), working tree $(cat "$out/work.cpu")"
if diff "$out/base.txt" "$out/work.txt" > "$out/diff"; then echo "identical"; else
  cat "$out/diff"; echo "differing lines: $(grep -c '^[<>]' "$out/diff")"; exit 1
fi
