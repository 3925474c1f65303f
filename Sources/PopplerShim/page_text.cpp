// Characters as poppler-cpp's text_list gives them. Chosen over poppler-glib's text calls because glib drops
// Thai tone marks (U+0E49) on LibreOffice PDFs while text_list keeps every one (see PDFExtractor.swift).
#include "shim_internal.hpp"
#include <TextOutputDev.h>
#include <goo/GooString.h>
#include <algorithm>
#include <cstdint>
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

// The scalars of NUL-terminated UTF-8, decoded here instead of through ustring::from_utf8, which
// opens an iconv converter on every call (1.4% of a run's CPU, one call per word). False, leaving the
// caller to take from_utf8's answer, unless every sequence is well formed (shortest form, no
// surrogate, at most U+10FFFF): on such input iconv's UTF-16 decoded by scalars_of gives exactly
// these scalars (checked over every scalar alone and between Thai letters, and 2 million random byte
// strings; OnePassExtractionTests compares the characters with text_list's on real PDFs).
bool utf8_scalars(const char *text, std::vector<uint32_t> &out) {
    out.clear();
    const unsigned char *p = reinterpret_cast<const unsigned char *>(text);
    while (*p) {
        uint32_t c = *p++;
        if (c < 0x80) { out.push_back(c); continue; }
        int more;
        unsigned low = 0x80, high = 0xBF; // the second byte's range, narrower after E0, ED, F0 and F4
        if (c >= 0xC2 && c <= 0xDF) { more = 1; c &= 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { more = 2; low = c == 0xE0 ? 0xA0 : 0x80; high = c == 0xED ? 0x9F : 0xBF; c &= 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { more = 3; low = c == 0xF0 ? 0x90 : 0x80; high = c == 0xF4 ? 0x8F : 0xBF; c &= 0x07; }
        else return false;
        for (int k = 0; k < more; k++, p++) {
            if (*p < (k == 0 ? low : 0x80u) || *p > (k == 0 ? high : 0xBFu)) return false; // a NUL fails here too
            c = (c << 6) | (*p & 0x3Fu);
        }
        out.push_back(c);
    }
    return true;
}

} // namespace

// "BAAAAA+Laksaman" → "Laksaman": the six-letter subset tag differs between files for the same font.
std::string ps_internal::without_subset_tag(const std::string &name) {
    if (name.size() > 7 && name[6] == '+') {
        bool tag = true;
        for (int i = 0; i < 6; i++) tag = tag && name[size_t(i)] >= 'A' && name[size_t(i)] <= 'Z';
        if (tag) return name.substr(7);
    }
    return name;
}

namespace {
using ps_internal::without_subset_tag;

bool is_empty(const poppler::rectf &r) {
    return r.x() == 0 && r.y() == 0 && r.width() == 0 && r.height() == 0;
}

// A box's text as scalars (word_box below has its own, found by argument-dependent lookup).
std::vector<uint32_t> scalars_in(const poppler::text_box &b) { return scalars_of(b.text()); }

// Appends the characters of `boxes` (poppler::text_box, or word_box below: the same calls) to out.
template <typename Box>
void append_chars(const std::vector<Box> &boxes, ps_page *out) {
    std::map<std::string, int> font_ids;
    std::string last_given; // the last font name as given (subset tag and all), and its id
    int last_given_id = -1;
    for (const Box &tb : boxes) {
        const std::vector<uint32_t> &scalars = scalars_in(tb);
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
                // Characters come in runs of one font: the name as given is compared with the last
                // one's before its tag is cut and it is looked up.
                const std::string &given = tb.get_font_name(int(i));
                if (last_given_id >= 0 && given == last_given) {
                    font = last_given_id;
                } else {
                    std::string name = without_subset_tag(given);
                    auto it = font_ids.find(name);
                    if (it == font_ids.end()) {
                        it = font_ids.emplace(name, int(out->fonts.size())).first;
                        out->fonts.push_back(name);
                    }
                    font = it->second;
                    last_given = given;
                    last_given_id = font;
                }
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

// One word of a text device's word list with the answers poppler-cpp's text_box gives for it when
// text_list(text_list_include_font) made it (poppler 22.12 cpp/poppler-page.cpp): the text through
// UTF-8 and ustring::from_utf8, boxes as rectf(x, y, w, h), the font size, and each character's font
// name. text_list names a character's font by looking its object up in the list that poppler's font
// scanner (FontInfoScanner) makes of the page's resources, which parses every font of the page once
// more (a tenth of extraction's instructions); the name it finds there is the font's own (GfxFont
// getName, as the text device holds it), so that is taken directly. The scan would give "" for a font
// it does not list (one set by an ExtGState, say); none such on Corpus or tune seeds 1-40, whose
// characters and fonts equal text_list's (OnePassExtractionTests).
struct word_box {
    std::vector<uint32_t> scalars_; // the text's scalars, as scalars_of(ustring::from_utf8(text)) gives them
    poppler::rectf bbox_;
    std::vector<poppler::rectf> char_bboxes;
    bool space_after = false;
    double font_size = 0;
    std::vector<uint32_t> font_ids;          // per character, into `names`
    const std::vector<std::string> *names = nullptr; // the page's font names (extract_text's table)
    poppler::rectf bbox() const { return bbox_; }
    poppler::rectf char_bbox(size_t i) const { return i < char_bboxes.size() ? char_bboxes[i] : poppler::rectf(0, 0, 0, 0); }
    bool has_space_after() const { return space_after; }
    bool has_font_info() const { return true; }
    double get_font_size() const { return font_size; }
    const std::string &get_font_name(int i) const { return (*names)[font_ids[size_t(i)]]; }
};
const std::vector<uint32_t> &scalars_in(const word_box &b) { return b.scalars_; }

} // namespace

void ps_internal::extract_text(const poppler::page &page, ps_page *out) {
    append_chars(page.text_list(poppler::page::text_list_include_font), out);
}

void ps_internal::extract_text(TextOutputDev &text, ps_page *out) {
    std::unique_ptr<TextWordList> list = text.makeWordList();
    std::vector<word_box> boxes;
    const int count = list ? list->getLength() : 0;
    boxes.reserve(size_t(count));
    // Each font's name made once per page, not once per character (the text device's fonts live
    // as long as its page).
    std::vector<std::string> names;
    std::map<const TextFontInfo *, uint32_t> name_of;
    for (int i = 0; i < count; i++) {
        const TextWord *word = list->get(i);
        word_box box;
        std::unique_ptr<GooString> utf8(word->getText());
        if (!utf8_scalars(utf8->c_str(), box.scalars_)) box.scalars_ = scalars_of(poppler::ustring::from_utf8(utf8->c_str()));
        double xMin, yMin, xMax, yMax;
        word->getBBox(&xMin, &yMin, &xMax, &yMax);
        box.bbox_ = poppler::rectf(xMin, yMin, xMax - xMin, yMax - yMin);
        box.space_after = word->hasSpaceAfter();
        box.font_size = word->getFontSize();
        const int n = word->getLength();
        box.char_bboxes.reserve(size_t(n));
        box.font_ids.reserve(size_t(n));
        box.names = &names;
        for (int j = 0; j < n; j++) {
            word->getCharBBox(j, &xMin, &yMin, &xMax, &yMax);
            box.char_bboxes.emplace_back(xMin, yMin, xMax - xMin, yMax - yMin);
            const TextFontInfo *info = word->getFontInfo(j);
            auto it = name_of.find(info);
            if (it == name_of.end()) {
                const GooString *name = info->getFontName();
                it = name_of.emplace(info, uint32_t(names.size())).first;
                names.push_back(name ? name->toStr() : std::string());
            }
            box.font_ids.push_back(it->second);
        }
        boxes.push_back(std::move(box));
    }
    append_chars(boxes, out);
}
