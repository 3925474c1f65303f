// Internal state behind the opaque handles of poppler_shim.h (C++ only, never included by Swift).
#pragma once
#include "poppler_shim.h"
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

/// poppler's error messages about one document (diagnostics.cpp), distinct ones in order of arrival
/// (the second, poppler-glib, open of the file repeats the first one's), up to a cap, so that a file
/// with millions of errors cannot grow memory.
struct ps_diagnostics {
    static constexpr size_t max_messages = 4096;
    std::mutex mutex;
    bool capped = false;
    std::set<std::string> seen;
    std::vector<std::string> messages;
    void add(const std::string &message);
};

struct _PopplerDocument; // poppler-glib, opened lazily for image placement only
class GfxFont;            // poppler's font and cross-reference table (glyph_outlines.cpp)
class XRef;
class TextOutputDev;      // poppler's text device (page_text.cpp, page_paths_render.cpp)
struct ps_paths_renderer; // poppler's own PDFDoc, opened lazily for ruling detection (page_paths_render.cpp)
namespace ps_internal { struct paths_renderer_free { void operator()(ps_paths_renderer *) const; }; }

struct ps_document {
    std::unique_ptr<poppler::document> doc;
    std::string path;                       // absolute path, for the lazy poppler-glib open
    _PopplerDocument *glib_doc = nullptr;   // owned; g_object_unref in ps_document_close
    bool glib_failed = false;               // do not retry a failed glib open on every page
    std::unique_ptr<ps_paths_renderer, ps_internal::paths_renderer_free> paths;
    bool paths_failed = false;              // do not retry a failed open on every page
    std::shared_ptr<ps_diagnostics> diagnostics; // poppler's messages about this file
};

struct ps_page {
    double width = 0, height = 0;  // as displayed (rotation applied)
    int rotation = 0;
    std::vector<ps_char> chars;
    std::vector<std::string> fonts;
    double image_coverage = -1;
    std::vector<ps_rect> rulings;
    int drew_images = -1; // 0 or 1 once find_rulings rendered the page's drawings, -1 before
    long drawn_glyphs = -1; // visible glyphs drawn, once find_rulings rendered the page; -1 before
    std::vector<ps_coded_glyph> coded;    // glyphs in fonts without a ToUnicode map (page_paths_render.cpp)
    std::vector<std::string> coded_fonts; // their fonts' keys, "name#num.gen"
};

namespace ps_internal {
/// While alive, poppler's error messages on this thread go to `target` (nullptr: dropped).
class error_scope {
public:
    explicit error_scope(ps_diagnostics *target);
    ~error_scope();
    error_scope(const error_scope &) = delete;
    error_scope &operator=(const error_scope &) = delete;
private:
    ps_diagnostics *previous;
};
void install_error_router();

/// Fills page->chars and page->fonts from poppler-cpp's text_list.
void extract_text(const poppler::page &page, ps_page *out);
/// Fills page->chars and page->fonts from a text device that has been shown the page, as text_list
/// would from its own pass over the page (same words, boxes, fonts).
void extract_text(TextOutputDev &text, ps_page *out);
/// A render of a page's drawings without its text: gray and alpha channels, `height` rows each.
struct paths_bitmap {
    const unsigned char *gray = nullptr, *alpha = nullptr; // gray: `stride` bytes a row; alpha: `width`
    int width = 0, height = 0, stride = 0;
    bool drew_images = false; // the page drew at least one image
    long drawn_glyphs = 0;    // visible glyphs the page drew, spaces aside
};
/// Renders page `index` (0-based) of doc at `dpi` without text, into a bitmap that stays valid until the
/// next render on this thread or the document's close (the device is the thread's). False when the page
/// cannot be rendered. With `text`, the same pass over the page's content also feeds that text device
/// (the page is parsed once for both); then `*shown` says whether the page was shown to it, even when
/// the bitmap is unusable.
bool render_paths(ps_document *doc, int index, double dpi, paths_bitmap *out, TextOutputDev *text = nullptr,
                  bool *shown = nullptr, ps_page *coded = nullptr);
/// The character a glyph of a font without a ToUnicode map draws, from an exact outline match against
/// the installed font of the same PostScript name (glyph_outlines.cpp): one character, or the few an
/// outline is shared by (Sawasdee's I and l), or none when nothing matches. One per document: it keeps
/// each embedded font open and its answers.
class outline_matcher {
public:
    outline_matcher();
    ~outline_matcher();
    std::vector<uint32_t> characters(GfxFont *font, XRef *xref, uint32_t code);
private:
    struct font_state;
    std::unique_ptr<font_state> open(GfxFont *font, XRef *xref);
    std::map<std::pair<int, int>, std::unique_ptr<font_state>> fonts;
};
/// "BAAAAA+Laksaman" → "Laksaman" (page_text.cpp).
std::string without_subset_tag(const std::string &name);
/// A font name reduced to ASCII lower-case letters and digits, for matching names spelt with or
/// without hyphens and spaces (glyph_outlines.cpp).
std::string normalised_font_name(const std::string &name);
/// The resolution of the ruling render of a page of this size: 72 dpi, less for a giant page.
double rulings_dpi(const ps_page *out);
/// Fills page->rulings from a low-resolution render of the page's drawings (page->chars filled first).
void find_rulings(ps_document *doc, int index, ps_page *out);
/// Fills page->chars and page->fonts, then page->rulings, from one pass over the page's content (text
/// device and ruling render together; only at 72 dpi, text_list's resolution). False, with the page
/// left as it was, when that pass could not be made: the caller then reads them one at a time.
bool find_text_and_rulings(ps_document *doc, int index, ps_page *out);
/// Fills page->image_coverage through poppler-glib (opening doc->glib_doc on first use).
void measure_images(ps_document *doc, int index, const poppler::page &page, ps_page *out);
}
