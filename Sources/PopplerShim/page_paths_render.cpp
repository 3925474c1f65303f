// A 72 dpi render of a page's drawings (paths and images) without its text, for ruling detection.
// Why not poppler-cpp's page_renderer, as before: rasterising the glyphs of a Thai text page was most of
// the extract stage (13.4 s of render against 5.0 s of text_list over Corpus' 245 native pages, same
// run), and glyphs are never rulings. Why not a vector recorder of stroke/fill paths: the rulings would
// then need their own rasterisation rules (hairline widths, stroke adjustment, clipping, dashes,
// borders inside images) to stay equal to the render's; this keeps splash's own pixels for everything
// that is drawn, so only glyph ink disappears from the bitmap (see page_rulings.cpp).
// Uses poppler's internal API (Debian libpoppler-private-dev, same version as poppler-cpp).
#include "shim_internal.hpp"
#include <PDFDoc.h>
#include <Annot.h>
#include <Error.h>
#include <Gfx.h>
#include <GfxFont.h>
#include <Page.h>
#include <GfxState.h>
#include <SplashOutputDev.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>
#include <splash/SplashBitmap.h>
#include <algorithm>
#include <map>
#include <splash/SplashFont.h>
#include <splash/SplashPath.h>
#include <optional>
#include <tuple>

namespace {

// Draws what poppler-cpp's page_renderer draws with hints 0 (no anti-aliasing) in gray8 on white,
// except text: with useDrawChar() false, Gfx hands whole strings to drawString, a no-op here, and
// Type 3 glyph procedures are not run.
//
// With `text` set, the same pass also feeds a TextOutputDev (the page's text layer, page_text.cpp): Gfx
// then hands each character to drawChar, which gives it to the text device only, so the bitmap still
// holds no glyph ink; every call the text device answers is passed on to it as Gfx would make it to
// that device alone (it asks for drawChar and char counts; it never interprets Type 3 glyphs either).
class PathsOutputDev : public SplashOutputDev {
public:
    PathsOutputDev() : SplashOutputDev(splashModeMono8, 4, false, white()) {}
    TextOutputDev *text = nullptr; // fed in the same pass when set (one page's display)
    bool useDrawChar() override { return text != nullptr; }
    bool needCharCount() override { return text != nullptr; }
    bool interpretType3Chars() override { return false; }
    // The bitmap keeps its alpha channel: page_rulings.cpp composites a pixel over the white paper only
    // where something was drawn, instead of splash compositing the whole page (a third of the cost).
    void endPage() override {
        if (text) text->endPage();
    }
    void restoreState(GfxState *state) override {
        SplashOutputDev::restoreState(state);
        if (text) text->restoreState(state);
    }
    void updateFont(GfxState *state) override {
        SplashOutputDev::updateFont(state);
        splash_font_stale = true;
        if (text) text->updateFont(state);
    }
    // Gfx calls beginString with the whole string before its characters (useDrawChar): count its glyphs
    // as drawString does without the text device, with the render mode drawString would have seen (a
    // pattern-filled string is shown in clip mode: Gfx::doShowText sets 5 or 7 between the two calls).
    void beginString(GfxState *state, const GooString *s) override {
        int render = state->getRender();
        if (!(render & 1) && state->getFillColorSpace()->getMode() == csPattern) render = ((render ^ (render >> 1)) & 1) ? 5 : 7;
        count_glyphs(state, s, render);
        if (text) text->beginString(state, s);
    }
    void endString(GfxState *state) override {
        if (text) text->endString(state);
    }
    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode code,
                  int nBytes, const Unicode *u, int uLen) override {
        if (text) text->drawChar(state, x, y, dx, dy, originX, originY, code, nBytes, u, uLen);
        if (coded) record_coded(state, x, y, dx, dy, code);
    }
    ps_page *coded = nullptr; // receives glyphs of fonts without a ToUnicode map when set

    // A glyph of a font without a ToUnicode map: its code and box, as the text device would box it
    // (origin and advance through the CTM, height from the font's ascent and descent), so that a
    // caller can find it under the OCR word that read it. Invisible glyphs (modes 3, 7) are skipped.
    void record_coded(GfxState *state, double x, double y, double dx, double dy, CharCode code) {
        const std::shared_ptr<GfxFont> &font = state->getFont();
        if (!font || font->hasToUnicodeCMap() || (state->getRender() & 3) == 3) return;
        if (font.get() != coded_font_ptr) {
            coded_font_ptr = font.get();
            const Ref *ref = font->getID();
            const std::optional<std::string> &name = font->getName();
            std::string key = ps_internal::without_subset_tag(name ? *name : std::string()) + "#" + std::to_string(ref->num) + "." + std::to_string(ref->gen);
            auto it = std::find(coded->coded_fonts.begin(), coded->coded_fonts.end(), key);
            coded_font_index = int(it - coded->coded_fonts.begin());
            if (it == coded->coded_fonts.end()) coded->coded_fonts.push_back(key);
        }
        double x1, y1, w1, h1;
        state->transform(x, y, &x1, &y1);
        state->transformDelta(dx, dy, &w1, &h1);
        const double size = state->getTransformedFontSize();
        double asc = font->getAscent(), desc = font->getDescent();
        if (asc - desc <= 0) { asc = 0.95; desc = -0.35; } // TextOutputDev's own fallback when the font says nothing
        ps_coded_glyph g;
        g.code = uint32_t(code);
        g.font_index = coded_font_index;
        g.font_size = size;
        g.blank = is_blank(state, code) ? 1 : 0;
        g.outline_char = 0;
        std::fill(std::begin(g.outline_choices), std::end(g.outline_choices), 0u);
        if (!g.blank) {
            const std::vector<uint32_t> chars = outlines->characters(font.get(), page_xref, uint32_t(code));
            if (chars.size() == 1) g.outline_char = chars[0];
            else if (chars.size() <= 4) std::copy(chars.begin(), chars.end(), g.outline_choices);
        }
        // Upright text (the case these PDFs draw): y grows downwards in device space.
        g.box = ps_rect{std::min(x1, x1 + w1), y1 - asc * size, std::max(x1, x1 + w1), y1 - desc * size};
        coded->coded.push_back(g);
    }
    const GfxFont *coded_font_ptr = nullptr;
    ps_internal::outline_matcher *outlines = nullptr; // the document's (ps_paths_renderer), set while it draws
    XRef *page_xref = nullptr;
    int coded_font_index = -1;

    // Whether the font's glyph for `code` has no outline (a space): OCR reads no character there, so
    // the caller cannot learn it by vote and takes it for a word space. Splash loads the embedded font
    // (FreeType, cached by its font engine) only for fonts without a ToUnicode map; answers are kept
    // per font and code. Unknown (no font program, a Type 3 font) counts as not blank.
    bool splash_font_stale = true;
    std::map<std::pair<const GfxFont *, CharCode>, bool> blank_codes;
    bool is_blank(GfxState *state, CharCode code) {
        const GfxFont *gfx = state->getFont().get();
        auto key = std::make_pair(gfx, code);
        auto it = blank_codes.find(key);
        if (it != blank_codes.end()) return it->second;
        if (splash_font_stale) { doUpdateFont(state); splash_font_stale = false; }
        bool blank = false;
        if (SplashFont *f = getCurrentFont()) {
            SplashPath *path = f->getGlyphPath(int(code));
            blank = !path || path->getLength() == 0;
            delete path;
        }
        blank_codes.emplace(key, blank);
        return blank;
    }
    void incCharCount(int nChars) override {
        if (text) text->incCharCount(nChars);
    }
    void beginActualText(GfxState *state, const GooString *t) override {
        if (text) text->beginActualText(state, t);
    }
    void endActualText(GfxState *state) override {
        if (text) text->endActualText(state);
    }
    void stroke(GfxState *state) override {
        SplashOutputDev::stroke(state);
        if (text) text->stroke(state);
    }
    void fill(GfxState *state) override {
        SplashOutputDev::fill(state);
        if (text) text->fill(state);
    }
    void eoFill(GfxState *state) override {
        SplashOutputDev::eoFill(state);
        if (text) text->eoFill(state);
    }
    void processLink(AnnotLink *link) override {
        if (text) text->processLink(link);
    }

    // Whether the page drew any image (page_images.cpp then measures them; a page without one has
    // coverage 0 and poppler-glib need not parse it again). Every image operator passes here.
    bool drew_images = false;
    // Glyphs the page draws where they can be seen (not in text render mode 3, invisible, or 7,
    // clip only), spaces aside: checked against the characters its text layer yields, which a
    // broken or empty ToUnicode map leaves out while the page still looks full (issue 14).
    long drawn_glyphs = 0;
    void startPage(int pageNum, GfxState *state, XRef *xref) override {
        drew_images = false;
        coded_font_ptr = nullptr;
        blank_codes.clear();
        splash_font_stale = true;
        drawn_glyphs = 0;
        page_xref = xref;
        SplashOutputDev::startPage(pageNum, state, xref);
        if (text) text->startPage(pageNum, state, xref);
    }
    // With useDrawChar() false, Gfx hands each shown string here (only when its optional content is
    // visible); counting its character codes draws nothing.
    void drawString(GfxState *state, const GooString *s) override { count_glyphs(state, s, state->getRender()); }

private:
    void count_glyphs(GfxState *state, const GooString *s, int render) {
        const std::shared_ptr<GfxFont> &font = state->getFont();
        if (!font || (render & 3) == 3) return;
        const char *p = s->c_str();
        int len = s->getLength();
        while (len > 0) {
            CharCode code;
            const Unicode *u = nullptr;
            int u_len = 0;
            double dx, dy, ox, oy;
            int n = font->getNextChar(p, len, &code, &u, &u_len, &dx, &dy, &ox, &oy);
            if (n <= 0) break;
            // A one-byte space (Gfx's own word-space test): the text layer has no character for it.
            if (!(n == 1 && *p == ' ')) drawn_glyphs++;
            p += n;
            len -= n;
        }
    }

public:
    void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate,
                       bool inlineImg) override {
        drew_images = true;
        SplashOutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
    }
    void setSoftMaskFromImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert,
                                  bool inlineImg, double *baseMatrix) override {
        drew_images = true;
        SplashOutputDev::setSoftMaskFromImageMask(state, ref, str, width, height, invert, inlineImg, baseMatrix);
    }
    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap,
                   bool interpolate, const int *maskColors, bool inlineImg) override {
        drew_images = true;
        SplashOutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
    }
    void drawMaskedImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap,
                         bool interpolate, Stream *maskStr, int maskWidth, int maskHeight, bool maskInvert,
                         bool maskInterpolate) override {
        drew_images = true;
        SplashOutputDev::drawMaskedImage(state, ref, str, width, height, colorMap, interpolate, maskStr, maskWidth,
                                         maskHeight, maskInvert, maskInterpolate);
    }
    void drawSoftMaskedImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap,
                             bool interpolate, Stream *maskStr, int maskWidth, int maskHeight,
                             GfxImageColorMap *maskColorMap, bool maskInterpolate) override {
        drew_images = true;
        SplashOutputDev::drawSoftMaskedImage(state, ref, str, width, height, colorMap, interpolate, maskStr, maskWidth,
                                             maskHeight, maskColorMap, maskInterpolate);
    }

private:
    static SplashColorPtr white() {
        static SplashColor paper = {0xff, 0xff, 0xff, 0xff};
        return paper;
    }
};

} // namespace

// poppler builds every font of a page's /Font dictionary again for each page it displays (Gfx's
// GfxResources, through GfxFontDict: parsing the font dictionary, its widths, encoding, ToUnicode CMap
// and sniffing the embedded font file), 3.6% of a run's CPU where a document's pages share a few fonts
// (pdftotext pays the same). No API hands a built font to a page, so the page's Gfx is made here without
// /Font and given a font dictionary of fonts built once per document, through three private members
// (reached by explicit instantiation, which the language exempts from access checks).
namespace {
template <typename Tag, typename Tag::type Member> struct grant {
    friend typename Tag::type member(Tag) { return Member; }
};
struct gfx_resources { using type = GfxResources *Gfx::*; friend type member(gfx_resources); };
struct resources_fonts { using type = GfxFontDict *GfxResources::*; friend type member(resources_fonts); };
struct font_dict_fonts { using type = std::vector<std::shared_ptr<GfxFont>> GfxFontDict::*; friend type member(font_dict_fonts); };
template struct grant<gfx_resources, &Gfx::res>;
template struct grant<resources_fonts, &GfxResources::fonts>;
template struct grant<font_dict_fonts, &GfxFontDict::fonts>;

// A document's fonts by object and resource name (a font keeps the name its page calls it by, and a
// page's font dictionary looks fonts up by that name), each built once as GfxFontDict builds it.
class font_cache {
public:
    // The fonts GfxFontDict's constructor would build from `font_dict`, entry for entry, from fonts built
    // once; false when an entry is not an indirect reference (poppler names such a font by a hash of the
    // page's objects: it is left to poppler).
    bool page_fonts(XRef *xref, Dict *font_dict, std::vector<std::shared_ptr<GfxFont>> &out) {
        for (int i = 0; i < font_dict->getLength(); i++)
            if (!font_dict->getValNF(i).isRef()) return false;
        out.assign(size_t(font_dict->getLength()), nullptr);
        for (int i = 0; i < font_dict->getLength(); i++) {
            const Ref ref = font_dict->getValNF(i).getRef();
            const char *tag = font_dict->getKey(i);
            auto key = std::make_tuple(ref.num, ref.gen, std::string(tag));
            auto it = fonts.find(key);
            if (it == fonts.end()) it = fonts.emplace(key, make(xref, font_dict->getValNF(i), tag, ref)).first;
            out[size_t(i)] = it->second;
        }
        return true;
    }

private:
    // As GfxFontDict's constructor builds one entry (poppler 22.12 GfxFont.cc).
    static std::shared_ptr<GfxFont> make(XRef *xref, const Object &value, const char *tag, Ref ref) {
        Object font = value.fetch(xref);
        if (!font.isDict()) {
            error(errSyntaxError, -1, "font resource is not a dictionary");
            return nullptr;
        }
        std::shared_ptr<GfxFont> made = GfxFont::makeFont(xref, tag, ref, font.getDict());
        if (made && !made->isOk()) made.reset();
        return made;
    }
    std::map<std::tuple<int, int, std::string>, std::shared_ptr<GfxFont>> fonts;
};
} // namespace

namespace {
// One device per thread, kept from one document to the next (SplashOutputDev::startDoc readies it for
// another document): its page bitmap is then allocated, and its pages faulted in, once per worker
// instead of once per document (splash reuses the bitmap while the page size stays the same).
thread_local std::unique_ptr<PathsOutputDev> spare_device;
}

struct ps_paths_renderer {
    std::unique_ptr<PDFDoc> doc;
    std::unique_ptr<PathsOutputDev> dev; // this thread's spare device while the document is open
    ps_internal::outline_matcher outlines; // per document: fonts are known by their object numbers
    font_cache fonts; // destroyed before doc: a font may hold objects of its cross-reference table
    ps_paths_renderer() : dev(spare_device ? std::move(spare_device) : std::make_unique<PathsOutputDev>()) {
        dev->outlines = &outlines;
    }
    ~ps_paths_renderer() {
        dev->outlines = nullptr;
        if (!spare_device) spare_device = std::move(dev);
    }
};

namespace {
// PDFDoc::displayPageSlice(out, page, dpi, dpi, 0, false, true, false, -1, -1, -1, -1, nullptr x4, copyXRef)
// as poppler 22.12's Page::displaySlice and createGfx do it, with the page's fonts from the cache, and
// the document's own cross-reference table: poppler-cpp copies it per page so that pages of one
// document can be drawn on several threads; one thread draws this document's pages.
void display_page(ps_paths_renderer *r, int number, double dpi) {
    PDFDoc *doc = r->doc.get();
    OutputDev *out = r->dev.get();
    Page *page = doc->getPage(number);
    if (!page) return;
    const bool use_media_box = false, printing = false;
    bool crop = true;
    if (!out->checkPageSlice(page, dpi, dpi, 0, use_media_box, crop, -1, -1, -1, -1, printing)) return;
    XRef *xref = doc->getXRef();
    int rotate = page->getRotate();
    if (rotate >= 360) rotate -= 360;
    else if (rotate < 0) rotate += 360;
    PDFRectangle box;
    page->makeBox(dpi, dpi, rotate, use_media_box, out->upsideDown(), -1, -1, -1, -1, &box, &crop);
    const PDFRectangle *crop_box = page->getCropBox();
    if (!crop) crop = (box == *crop_box) && out->needClipToCropBox();

    // When the page's fonts come from the cache, its resources go to Gfx (which copies them) with an
    // empty /Font, whose empty GfxFontDict then gets those fonts (poppler exports no GfxFontDict
    // constructor: its own is filled).
    Dict *resources = page->getResourceDict();
    std::vector<std::shared_ptr<GfxFont>> fonts;
    Dict *empty_fonts = nullptr;
    if (resources) {
        Object font_dict = resources->lookup("Font"); // as GfxResources: a dictionary, or a reference to one
        if (font_dict.isDict() && r->fonts.page_fonts(xref, font_dict.getDict(), fonts)) {
            empty_fonts = resources->copy(xref);
            empty_fonts->set("Font", Object(new Dict(xref)));
        }
    }
    Gfx *gfx = new Gfx(doc, out, page->getNum(), empty_fonts ? empty_fonts : resources, dpi, dpi, &box,
                       crop ? crop_box : nullptr, rotate, nullptr, nullptr, xref);
    if (empty_fonts) {
        delete empty_fonts;
        GfxFontDict *dict = (gfx->*member(gfx_resources{}))->*member(resources_fonts{});
        if (dict) (*dict).*member(font_dict_fonts{}) = std::move(fonts);
    }

    Object contents = page->getContents();
    if (!contents.isNull()) {
        gfx->saveState();
        gfx->display(&contents);
        gfx->restoreState();
    } else {
        out->dump(); // as poppler: an empty page still sets its device up
    }
    Annots *annots = page->getAnnots();
    if (!annots->getAnnots().empty()) {
        for (Annot *annot : annots->getAnnots()) annot->draw(gfx, printing);
        out->dump();
    }
    delete gfx;
}
} // namespace

void ps_internal::paths_renderer_free::operator()(ps_paths_renderer *r) const { delete r; }

bool ps_internal::render_paths(ps_document *doc, int index, double dpi, ps_internal::paths_bitmap *out,
                               TextOutputDev *text, bool *shown, ps_page *coded) {
    if (!doc->paths && !doc->paths_failed) {
        // poppler-cpp keeps its PDFDoc private, so the file is opened once more (the cross-reference
        // table only: objects are read as pages need them).
        auto r = std::make_unique<ps_paths_renderer>();
        r->doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(doc->path.c_str()));
        if (r->doc->isOk()) {
            r->dev->setFontAntialias(false);
            r->dev->setVectorAntialias(false);
            r->dev->startDoc(r->doc.get());
            doc->paths.reset(r.release());
        } else {
            doc->paths_failed = true;
        }
    }
    if (!doc->paths) return false;
    ps_paths_renderer *r = doc->paths.get();
    if (index < 0 || index >= r->doc->getNumPages()) return false;
    // Same call as page_renderer::render_page: crop box, the page's own rotation, not printing. text_list
    // asks for crop false, which is the same page box (Page::makeBox clears crop without a slice).
    r->dev->text = text;
    r->dev->coded = text ? coded : nullptr; // read with the text only (the one pass at 72 dpi: device space is points)
    display_page(r, index + 1, dpi);
    r->dev->text = nullptr;
    r->dev->coded = nullptr;
    if (shown) *shown = true;
    SplashBitmap *b = r->dev->getBitmap();
    if (!b || !b->getAlphaPtr() || b->getMode() != splashModeMono8) return false;
    out->gray = b->getDataPtr();
    out->alpha = b->getAlphaPtr();
    out->width = b->getWidth();
    out->height = b->getHeight();
    out->stride = b->getRowSize();
    out->drew_images = r->dev->drew_images;
    out->drawn_glyphs = r->dev->drawn_glyphs;
    return true;
}
