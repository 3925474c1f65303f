// Characters from poppler-cpp's text_list. Chosen over poppler-glib's text calls because glib drops
// Thai tone marks (U+0E49) on LibreOffice PDFs while text_list keeps every one (see PDFExtractor.swift).
#include "shim_internal.hpp"
#include <algorithm>
#include <map>

namespace {

// ustring is UTF-16; one entry of char_bbox per Unicode scalar, so decode surrogate pairs.
std::vector<uint32_t> scalars_of(const poppler::ustring &u) {
    std::vector<uint32_t> out;
    out.reserve(u.size());
    for (size_t i = 0; i < u.size(); i++) {
        uint32_t c = u[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size() && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD; // lone surrogate: not a scalar
        }
        out.push_back(c);
    }
    return out;
}

// "BAAAAA+Laksaman" → "Laksaman": the six-letter subset tag differs between files for the same font.
std::string without_subset_tag(const std::string &name) {
    if (name.size() > 7 && name[6] == '+') {
        bool tag = true;
        for (int i = 0; i < 6; i++) tag = tag && name[size_t(i)] >= 'A' && name[size_t(i)] <= 'Z';
        if (tag) return name.substr(7);
    }
    return name;
}

bool is_empty(const poppler::rectf &r) {
    return r.x() == 0 && r.y() == 0 && r.width() == 0 && r.height() == 0;
}

} // namespace

void ps_internal::extract_text(const poppler::page &page, ps_page *out) {
    std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
    std::map<std::string, int> font_ids;
    for (const poppler::text_box &tb : boxes) {
        std::vector<uint32_t> scalars = scalars_of(tb.text());
        if (scalars.empty()) continue;
        bool fonts = tb.has_font_info();
        double size = fonts ? tb.get_font_size() : 0;
        poppler::rectf word = tb.bbox();
        poppler::rectf last = word;
        int last_font = -1;
        // char_bbox answers an empty rect past the glyph count; poppler warns the counts may differ
        // in complex scripts, so a scalar without its own box takes the previous one (or the word's).
        bool glyphs_left = true;
        for (size_t i = 0; i < scalars.size(); i++) {
            poppler::rectf r = glyphs_left ? tb.char_bbox(i) : poppler::rectf();
            if (is_empty(r)) glyphs_left = false; else last = r;
            int font = last_font;
            if (fonts && glyphs_left) {
                std::string name = without_subset_tag(tb.get_font_name(int(i)));
                auto it = font_ids.find(name);
                if (it == font_ids.end()) {
                    it = font_ids.emplace(name, int(out->fonts.size())).first;
                    out->fonts.push_back(name);
                }
                font = it->second;
            }
            last_font = font;
            ps_char c;
            c.scalar = scalars[i];
            // Some Thai marks (U+0E37, U+0E39 in Laksaman) have a negative advance, so poppler's box
            // comes out with right < left: normalise so every box has x0 <= x1 and y0 <= y1.
            c.box = ps_rect{std::min(last.left(), last.right()), std::min(last.top(), last.bottom()),
                            std::max(last.left(), last.right()), std::max(last.top(), last.bottom())};
            bool end = i + 1 == scalars.size();
            c.word_end = end ? 1 : 0;
            c.space_after = end && tb.has_space_after() ? 1 : 0;
            c.font_index = font;
            c.font_size = size;
            out->chars.push_back(c);
        }
    }
}
