// Ruling lines (table borders) found on a low-resolution render of the page.
// Why render rather than read the drawing operators: PDF producers draw borders as stroked paths,
// as thin filled rectangles, or inside images (scans); the rendered pixels look the same for all
// three, and poppler-cpp exposes a renderer but no path callbacks. At 72 dpi one pixel is one point,
// splash still draws hairlines one pixel wide, and a page renders in milliseconds.
#include "shim_internal.hpp"
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <algorithm>
#include <cstdint>

namespace {

constexpr double kDPI = 72.0;
constexpr int kDark = 140;           // gray level below which a pixel is ink
constexpr double kMinHorizontal = 24; // points: longer than any glyph stroke
constexpr double kMinVertical = 18;   // points: taller than a 16 pt glyph's stem
constexpr int kMaxThickness = 3;      // pixels: thicker dark areas are fills or bold text, not rules

struct Run { int line, a, b; }; // on row/column `line`, pixels a..b-1 are dark

// Runs of at least min_len dark pixels along rows (horizontal) or columns (vertical). Both scan
// the bitmap row by row, so the vertical pass stays cache-friendly.
std::vector<Run> row_runs(const uint8_t *px, int w, int h, int stride, int min_len) {
    std::vector<Run> runs;
    for (int y = 0; y < h; y++) {
        const uint8_t *row = px + size_t(y) * size_t(stride);
        int start = -1;
        for (int x = 0; x <= w; x++) {
            bool d = x < w && row[x] < kDark;
            if (d && start < 0) start = x;
            if (!d && start >= 0) {
                if (x - start >= min_len) runs.push_back({y, start, x});
                start = -1;
            }
        }
    }
    return runs;
}

std::vector<Run> column_runs(const uint8_t *px, int w, int h, int stride, int min_len) {
    std::vector<Run> runs;
    std::vector<int> start(size_t(w), -1);
    for (int y = 0; y <= h; y++) {
        const uint8_t *row = y < h ? px + size_t(y) * size_t(stride) : nullptr;
        for (int x = 0; x < w; x++) {
            bool d = row && row[x] < kDark;
            int &s = start[size_t(x)];
            if (d && s < 0) s = y;
            if (!d && s >= 0) {
                if (y - s >= min_len) runs.push_back({x, s, y});
                s = -1;
            }
        }
    }
    return runs;
}

// Stacks runs on neighbouring lines that overlap mostly into one stroke; keeps thin strokes only.
// Returns boxes as (line0, a, line1, b) in pixels, line1/b exclusive.
std::vector<ps_rect> strokes(std::vector<Run> runs) {
    struct Group { int first, last, a, b; Run tail; };
    std::vector<Group> open, done;
    std::sort(runs.begin(), runs.end(), [](const Run &x, const Run &y) {
        return x.line != y.line ? x.line < y.line : x.a < y.a;
    });
    for (const Run &r : runs) {
        Group *into = nullptr;
        for (Group &g : open) {
            if (g.last != r.line - 1) continue;
            int overlap = std::min(g.tail.b, r.b) - std::max(g.tail.a, r.a);
            int shorter = std::min(g.tail.b - g.tail.a, r.b - r.a);
            if (overlap * 2 >= shorter) { into = &g; break; }
        }
        if (into) {
            into->last = r.line; into->a = std::min(into->a, r.a); into->b = std::max(into->b, r.b); into->tail = r;
        } else {
            open.push_back({r.line, r.line, r.a, r.b, r});
        }
        // Close groups that can no longer grow.
        for (size_t i = 0; i < open.size();) {
            if (open[i].last < r.line - 1) { done.push_back(open[i]); open.erase(open.begin() + long(i)); }
            else i++;
        }
    }
    done.insert(done.end(), open.begin(), open.end());
    std::vector<ps_rect> out;
    for (const Group &g : done)
        if (g.last - g.first + 1 <= kMaxThickness)
            out.push_back(ps_rect{double(g.first), double(g.a), double(g.last + 1), double(g.b)});
    return out;
}

} // namespace

void ps_internal::find_rulings(const poppler::page &page, ps_page *out) {
    if (!poppler::page_renderer::can_render()) return;
    poppler::page_renderer renderer;
    renderer.set_render_hints(0); // no anti-aliasing: a hairline stays one fully dark pixel
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_paper_color(0xffffffff);
    poppler::image img = renderer.render_page(&page, kDPI, kDPI);
    if (!img.is_valid() || img.format() != poppler::image::format_gray8) return;
    const int w = img.width(), h = img.height(), stride = img.bytes_per_row();
    const auto *px = reinterpret_cast<const uint8_t *>(img.const_data());
    const double scale = 72.0 / kDPI;
    auto hr = row_runs(px, w, h, stride, int(kMinHorizontal / scale));
    auto vr = column_runs(px, w, h, stride, int(kMinVertical / scale));
    std::vector<ps_rect> lines;
    for (const ps_rect &s : strokes(hr)) // (row0, x0, row1, x1)
        lines.push_back(ps_rect{s.y0 * scale, s.x0 * scale, s.y1 * scale, s.x1 * scale});
    for (const ps_rect &s : strokes(vr)) // (col0, y0, col1, y1)
        lines.push_back(ps_rect{s.x0 * scale, s.y0 * scale, s.x1 * scale, s.y1 * scale});
    // A tall letter stem in a large heading ("I", "l", ป, ใ) looks like a short vertical rule: drop any
    // stroke that lies inside one glyph's box (the page's text is extracted before this runs).
    auto inside_glyph = [&](const ps_rect &l) {
        // Ink overshoots poppler's box (advance width by font-size height): a stem on the right edge of
        // ป, the loop of ใ above it. The margins grow with the font size.
        for (const ps_char &c : out->chars) {
            double mx = std::max(1.0, 0.1 * c.font_size), my = std::max(1.0, 0.2 * c.font_size);
            if (l.x0 >= c.box.x0 - mx && l.x1 <= c.box.x1 + mx && l.y0 >= c.box.y0 - my && l.y1 <= c.box.y1 + my) return true;
        }
        return false;
    };
    lines.erase(std::remove_if(lines.begin(), lines.end(), inside_glyph), lines.end());
    // Deterministic order: top to bottom, then left to right.
    std::sort(lines.begin(), lines.end(), [](const ps_rect &a, const ps_rect &b) {
        if (a.y0 != b.y0) return a.y0 < b.y0;
        if (a.x0 != b.x0) return a.x0 < b.x0;
        if (a.y1 != b.y1) return a.y1 < b.y1;
        return a.x1 < b.x1;
    });
    out->rulings = std::move(lines);
}
