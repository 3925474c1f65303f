// Ruling lines (table borders) found on a low-resolution render of the page's drawings.
// Why render rather than read the drawing operators: PDF producers draw borders as stroked paths,
// as thin filled rectangles, or inside images (scans); the rendered pixels look the same for all
// three. At 72 dpi one pixel is one point, splash still draws hairlines one pixel wide, and the
// page's text is left out of the render (page_paths_render.cpp): glyphs are never rulings, and
// rasterising them was most of the time.
#include "shim_internal.hpp"
#include <TextOutputDev.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

namespace {

constexpr double kDPI = 72.0;
constexpr int kDark = 140;           // gray level below which a pixel is ink
constexpr double kMinHorizontal = 24; // points: longer than any glyph stroke
constexpr double kMinVertical = 18;   // points: taller than a 16 pt glyph's stem
constexpr int kMaxThickness = 3;      // pixels: thicker dark areas are fills or bold text, not rules
// Pixel budget of the render: a 14400 pt MediaBox at 72 dpi is 207 Mpx and peaked at 640 MB. A0 at
// 72 dpi is 8.7 Mpx, so no real report page is rendered coarser; a giant one is, at the dpi that fits.
constexpr double kMaxPixels = 16e6;

struct Run { int line, a, b; }; // on row/column `line`, pixels a..b-1 are dark

// The page's pixels as the old full render composited them over white paper: splash leaves the
// alpha channel, and Splash::compositeBackground (Mono8) gives div255((255 - a) * paper + a * gray).
struct Pixels {
    const ps_internal::paths_bitmap &b;
    static constexpr unsigned kPaper = 255;
    static unsigned div255(unsigned x) { return (x + (x >> 8) + 0x80) >> 8; }
    bool dark(int x, int y) const {
        unsigned a = b.alpha[size_t(y) * size_t(b.width) + size_t(x)];
        if (a == 0) return false;
        unsigned g = b.gray[size_t(y) * size_t(b.stride) + size_t(x)];
        return int(div255((255 - a) * kPaper + a * g)) < kDark;
    }
    // True when row y has no drawn pixel at all: most rows of a page drawn without its text, asked
    // of the whole row at once (memcmp against a blank row) before it is walked eight pixels at a time.
    bool blank_row(int y, const std::vector<uint8_t> &zeros) const {
        return std::memcmp(b.alpha + size_t(y) * size_t(b.width), zeros.data(), size_t(b.width)) == 0;
    }
    // True when row y has no drawn pixel in x .. x+7 (most of a page without its text is blank).
    bool blank8(int x, int y) const {
        uint64_t v;
        std::memcpy(&v, b.alpha + size_t(y) * size_t(b.width) + size_t(x), 8);
        return v == 0;
    }
};

// Runs of at least min_len dark pixels along rows (horizontal) and columns (vertical), in one pass
// over the rows that skips blank rows whole and blank stretches eight pixels at a time.
void runs(const Pixels &px, int min_h, int min_v, std::vector<Run> &horizontal, std::vector<Run> &vertical) {
    const int w = px.b.width, h = px.b.height;
    std::vector<int> start(size_t(w), -1); // vertical run start row per column, -1 when none is open
    std::vector<int> open, still;          // columns with an open vertical run
    std::vector<uint8_t> row(size_t(w) + 1, 0);
    std::vector<int> dark;                 // this row's dark columns, ascending
    const std::vector<uint8_t> zeros(size_t(w), 0);
    for (int y = 0; y <= h; y++) {
        for (int x : dark) row[size_t(x)] = 0;
        dark.clear();
        if (y < h && !px.blank_row(y, zeros)) {
            int x = 0;
            while (x < w) {
                if (x + 8 <= w && px.blank8(x, y)) { x += 8; continue; }
                if (px.dark(x, y)) { row[size_t(x)] = 1; dark.push_back(x); }
                x++;
            }
            // Horizontal runs: consecutive columns in `dark`.
            for (size_t i = 0; i < dark.size();) {
                size_t j = i + 1;
                while (j < dark.size() && dark[j] == dark[j - 1] + 1) j++;
                if (dark[j - 1] + 1 - dark[i] >= min_h) horizontal.push_back({y, dark[i], dark[j - 1] + 1});
                i = j;
            }
        }
        still.clear();
        for (int c : open) {
            if (row[size_t(c)]) { still.push_back(c); continue; }
            if (y - start[size_t(c)] >= min_v) vertical.push_back({c, start[size_t(c)], y});
            start[size_t(c)] = -1;
        }
        open.swap(still);
        for (int x : dark)
            if (start[size_t(x)] < 0) { start[size_t(x)] = y; open.push_back(x); }
    }
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

double ps_internal::rulings_dpi(const ps_page *out) {
    const double points = out->width * out->height; // pixels at 72 dpi
    return points > kMaxPixels ? kDPI * std::sqrt(kMaxPixels / points) : kDPI;
}

namespace {

// The rulings of a rendered page (out->chars filled first).
void rulings_from(const ps_internal::paths_bitmap &bitmap, double dpi, ps_page *out) {
    out->drew_images = bitmap.drew_images ? 1 : 0;
    out->drawn_glyphs = bitmap.drawn_glyphs;
    const double scale = 72.0 / dpi;
    std::vector<Run> hr, vr;
    runs(Pixels{bitmap}, int(kMinHorizontal / scale), int(kMinVertical / scale), hr, vr);
    std::vector<ps_rect> lines;
    for (const ps_rect &s : strokes(hr)) // (row0, x0, row1, x1)
        lines.push_back(ps_rect{s.y0 * scale, s.x0 * scale, s.y1 * scale, s.x1 * scale});
    for (const ps_rect &s : strokes(vr)) // (col0, y0, col1, y1)
        lines.push_back(ps_rect{s.x0 * scale, s.y0 * scale, s.x1 * scale, s.y1 * scale});
    // A tall letter stem in a large heading ("I", "l", ป, ใ) looks like a short vertical rule. The render
    // leaves text out, but letters can also be drawn as paths over a text layer: drop any stroke that lies
    // inside one glyph's box (the page's text is extracted before this runs).
    // Ink overshoots poppler's box (advance width by font-size height): a stem on the right edge of
    // ป, the loop of ใ above it. The margins grow with the font size.
    auto margins = [](const ps_char &c) { return std::make_pair(std::max(1.0, 0.1 * c.font_size), std::max(1.0, 0.2 * c.font_size)); };
    // The widest and tallest glyph box with its margins: a stroke wider or taller lies inside no glyph
    // (most table rules), so the page's glyphs are searched only for the short ones. Exact: inside a
    // box means l.x0 >= x0 - mx and l.x1 <= x1 + mx, so l.x1 - l.x0 <= (x1 + mx) - (x0 - mx), and
    // rounding keeps that order. The search per stroke over every glyph was most of this function.
    double widest = -1, tallest = -1;
    for (const ps_char &c : out->chars) {
        auto [mx, my] = margins(c);
        widest = std::max(widest, (c.box.x1 + mx) - (c.box.x0 - mx));
        tallest = std::max(tallest, (c.box.y1 + my) - (c.box.y0 - my));
    }
    auto inside_glyph = [&](const ps_rect &l) {
        if (l.x1 - l.x0 > widest || l.y1 - l.y0 > tallest) return false;
        for (const ps_char &c : out->chars) {
            auto [mx, my] = margins(c);
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

} // namespace

void ps_internal::find_rulings(ps_document *doc, int index, ps_page *out) {
    paths_bitmap bitmap;
    const double dpi = rulings_dpi(out);
    if (!render_paths(doc, index, dpi, &bitmap)) return;
    rulings_from(bitmap, dpi, out);
}

bool ps_internal::find_text_and_rulings(ps_document *doc, int index, ps_page *out) {
    if (rulings_dpi(out) != kDPI) return false; // text_list reads at 72 dpi: a giant page takes two passes
    // The same device text_list makes (no physical layout, no fixed pitch, reading order, no file).
    TextOutputDev text(nullptr, false, 0, false, false);
    paths_bitmap bitmap;
    bool shown = false;
    const bool rendered = render_paths(doc, index, kDPI, &bitmap, &text, &shown, out);
    if (!shown) return false; // nothing read
    extract_text(text, out);
    if (rendered) rulings_from(bitmap, kDPI, out);
    return true;
}
