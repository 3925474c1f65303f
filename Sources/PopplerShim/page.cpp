// Extracting one page: size (rotation applied), then text, rulings and images as asked.
#include "shim_internal.hpp"

extern "C" ps_page *ps_page_extract(ps_document *doc, int index, int options) {
    if (!doc || !doc->doc || index < 0 || index >= doc->doc->pages()) return nullptr;
    ps_internal::error_scope scope(doc->diagnostics.get());
    try {
        std::unique_ptr<poppler::page> page(doc->doc->create_page(index));
        if (!page) return nullptr;
        auto out = new ps_page();
        poppler::rectf r = page->page_rect(poppler::crop_box);
        // page_rect is the unrotated crop box; text boxes and renders come out rotated.
        auto o = page->orientation();
        bool sideways = o == poppler::page::landscape || o == poppler::page::seascape;
        out->rotation = o == poppler::page::landscape ? 90 : o == poppler::page::upside_down ? 180
                      : o == poppler::page::seascape ? 270 : 0;
        out->width = sideways ? r.height() : r.width();
        out->height = sideways ? r.width() : r.height();
        // Text and rulings from one pass over the page's content when both are asked for (parsing the
        // page, its fonts and their CMaps once instead of twice); otherwise each on its own. Rulings
        // before images: their render tells whether the page drew any image at all.
        const bool both = (options & PS_PAGE_TEXT) && (options & PS_PAGE_RULINGS) && !(options & PS_PAGE_SEPARATE_PASSES);
        if (!both || !ps_internal::find_text_and_rulings(doc, index, out)) {
            if (options & PS_PAGE_TEXT) ps_internal::extract_text(*page, out);
            if (options & PS_PAGE_RULINGS) ps_internal::find_rulings(doc, index, out);
        }
        if (options & PS_PAGE_IMAGES) ps_internal::measure_images(doc, index, *page, out);
        return out;
    } catch (const std::exception &) {
        return nullptr;
    }
}

extern "C" void ps_page_free(ps_page *page) { delete page; }
extern "C" double ps_page_width(const ps_page *page) { return page->width; }
extern "C" double ps_page_height(const ps_page *page) { return page->height; }
extern "C" int ps_page_rotation(const ps_page *page) { return page->rotation; }
extern "C" size_t ps_page_char_count(const ps_page *page) { return page->chars.size(); }
extern "C" const ps_char *ps_page_chars(const ps_page *page) { return page->chars.data(); }
extern "C" size_t ps_page_font_count(const ps_page *page) { return page->fonts.size(); }
extern "C" const char *ps_page_font_name(const ps_page *page, size_t index) {
    return index < page->fonts.size() ? page->fonts[index].c_str() : "";
}
extern "C" double ps_page_image_coverage(const ps_page *page) { return page->image_coverage; }
extern "C" long ps_page_drawn_glyphs(const ps_page *page) { return page->drawn_glyphs; }
extern "C" size_t ps_page_ruling_count(const ps_page *page) { return page->rulings.size(); }
extern "C" const ps_rect *ps_page_rulings(const ps_page *page) { return page->rulings.data(); }
extern "C" size_t ps_page_coded_glyph_count(const ps_page *page) { return page->coded.size(); }
extern "C" const ps_coded_glyph *ps_page_coded_glyphs(const ps_page *page) { return page->coded.data(); }
extern "C" size_t ps_page_coded_font_count(const ps_page *page) { return page->coded_fonts.size(); }
extern "C" const char *ps_page_coded_font_key(const ps_page *page, size_t index) {
    return index < page->coded_fonts.size() ? page->coded_fonts[index].c_str() : "";
}
