// Which character a glyph of a font without a ToUnicode map draws, from its outline: LibreOffice's
// subsets copy each glyph's outline unchanged from the font file, so when the same font is installed
// here, the installed glyph with an identical outline (same contours, same points in font units) is
// the same glyph, and the installed font's cmap names its character. This is certain where it
// matches (digits included, which OCR misreads the same way everywhere); no match means no answer.
// Uses FreeType (both fonts) and fontconfig (the installed font by the embedded font's PostScript name).
// Type 1 programs are read too: LibreOffice embeds a CFF (OpenType) font such as URW's NimbusRoman-Regular
// as a Type 1 subset named `NimbusRomanRegular` (fresh tune seed 1409), with the same points.
#include "shim_internal.hpp"
#include <GfxFont.h>
#include <fofi/FoFiTrueType.h>
#include <goo/gmem.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace {

// An outline in font units as bytes: contour ends, then each point's x, y and on/off-curve flag.
// Two glyphs with equal keys draw the same shape at the same place in the em.
std::string outline_key(FT_Face face, unsigned gid) {
    if (FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) return {};
    if (face->glyph->format != FT_GLYPH_FORMAT_OUTLINE) return {};
    const FT_Outline &o = face->glyph->outline;
    if (o.n_points <= 0) return {}; // a blank glyph: no shape to compare
    std::string key;
    key.reserve(size_t(o.n_contours) * 2 + size_t(o.n_points) * 9 + 4);
    auto put = [&key](long v) { key.append(reinterpret_cast<const char *>(&v), sizeof(int32_t)); };
    put(long(face->units_per_EM));
    for (int c = 0; c < o.n_contours; c++) put(o.contours[c]);
    for (int p = 0; p < o.n_points; p++) {
        put(o.points[p].x);
        put(o.points[p].y);
        key.push_back(char(o.tags[p] & 1));
    }
    return key;
}

FT_Library library() {
    static FT_Library lib = [] {
        FT_Library l = nullptr;
        if (FT_Init_FreeType(&l) != 0) l = nullptr;
        return l;
    }();
    return lib;
}
std::mutex &freetype_lock() { static std::mutex m; return m; } // one FT_Library for every document

} // namespace

// "NimbusRoman-Regular", "Nimbus Roman Regular", "NIMBUSROMANREGULAR" → "nimbusromanregular": a
// producer may drop a PostScript name's hyphen (LibreOffice names the Type 1 subset of URW's
// NimbusRoman-Regular `NimbusRomanRegular`) or build it from family and style. Letters and digits only,
// ASCII lower case; anything else is dropped.
std::string ps_internal::normalised_font_name(const std::string &name) {
    std::string out;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') out.push_back(char(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    }
    return out;
}

namespace {

// The files of the installed font named `name` (a PostScript name, subset tag removed): those whose
// PostScript name is exactly `name`; when none, those whose PostScript name, or family and style
// together, equal it after `normalised_font_name`. Several files may be one font in several formats
// (URW's .t1, .pfb and .otf): their outline tables are merged (the outlines must still match exactly,
// so a look-alike font of another name is never used). Empty when none.
std::vector<std::string> installed_files(const std::string &name) {
    struct entry { std::string file, ps; std::vector<std::string> keys; };
    static const std::vector<entry> fonts = [] {
        std::vector<entry> all;
        FcPattern *pat = FcPatternCreate();
        FcObjectSet *os = FcObjectSetBuild(FC_FILE, FC_POSTSCRIPT_NAME, FC_FAMILY, FC_STYLE, nullptr);
        if (FcFontSet *set = FcFontList(nullptr, pat, os)) {
            for (int i = 0; i < set->nfont; i++) {
                FcChar8 *f = nullptr, *ps = nullptr;
                if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &f) != FcResultMatch) continue;
                entry e;
                e.file = reinterpret_cast<const char *>(f);
                if (FcPatternGetString(set->fonts[i], FC_POSTSCRIPT_NAME, 0, &ps) == FcResultMatch) {
                    e.ps = reinterpret_cast<const char *>(ps);
                    e.keys.push_back(ps_internal::normalised_font_name(e.ps));
                }
                // Every family name with every style name (fontconfig lists several languages' names).
                FcChar8 *fam = nullptr, *sty = nullptr;
                for (int a = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, a, &fam) == FcResultMatch; a++) {
                    const std::string family = reinterpret_cast<const char *>(fam);
                    for (int b = 0; FcPatternGetString(set->fonts[i], FC_STYLE, b, &sty) == FcResultMatch; b++)
                        e.keys.push_back(ps_internal::normalised_font_name(family + reinterpret_cast<const char *>(sty)));
                }
                all.push_back(std::move(e));
            }
            FcFontSetDestroy(set);
        }
        FcObjectSetDestroy(os);
        FcPatternDestroy(pat);
        return all;
    }();
    std::vector<std::string> files;
    for (const entry &e : fonts) if (e.ps == name) files.push_back(e.file);
    if (!files.empty()) return files;
    const std::string key = ps_internal::normalised_font_name(name);
    if (key.empty()) return files;
    for (const entry &e : fonts)
        if (std::find(e.keys.begin(), e.keys.end(), key) != e.keys.end()) files.push_back(e.file);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

bool is_private_use(uint32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

// Outline key → the character it draws, over an installed font's whole cmap. Where several characters
// share one outline: a private-use one (a positioned variant) gives way to a standard one, a look-alike
// to a keyboard (ASCII) one; any other tie makes the outline ambiguous: no character, only the
// characters it may be (the caller may let OCR choose among them), never a guess.
using outline_table = std::map<std::string, std::vector<uint32_t>>;
outline_table read_installed(const std::vector<std::string> &files) {
    outline_table table;
    std::map<std::string, std::set<uint32_t>> found; // over every file of the font
    for (const std::string &file : files) {
        FT_Face face = nullptr;
        if (file.empty() || !library() || FT_New_Face(library(), file.c_str(), 0, &face) != 0) continue;
        if (FT_Select_Charmap(face, FT_ENCODING_UNICODE) == 0) {
        std::map<unsigned, std::string> by_gid;
        FT_UInt gid = 0;
        for (FT_ULong c = FT_Get_First_Char(face, &gid); gid != 0; c = FT_Get_Next_Char(face, c, &gid)) {
            auto it = by_gid.find(gid);
            if (it == by_gid.end()) it = by_gid.emplace(gid, outline_key(face, gid)).first;
            if (!it->second.empty()) found[it->second].insert(uint32_t(c));
        }
        }
        FT_Done_Face(face);
    }
    {
        for (auto &[key, chars] : found) {
            std::set<uint32_t> standard, ascii;
            for (uint32_t c : chars) if (!is_private_use(c)) standard.insert(c);
            for (uint32_t c : standard) if (c < 0x80) ascii.insert(c);
            // One glyph named by a keyboard character and by look-alikes (TLWG's hyphen is also U+02D7
            // and U+2010, U+00AD in some): the keyboard one, which is what was typed. Two keyboard
            // characters (Sawasdee draws I and l alike) stay ambiguous.
            const std::set<uint32_t> &pick = standard.empty() ? chars : (ascii.empty() ? standard : ascii);
            table[key] = std::vector<uint32_t>(pick.begin(), pick.end());
        }
    }
    return table;
}

} // namespace

struct ps_internal::outline_matcher::font_state {
    std::vector<unsigned char> program; // the embedded font file (FreeType reads it in place)
    FT_Face face = nullptr;
    std::vector<int> code_to_gid;       // simple TrueType fonts: poppler's own code → glyph map
    bool cid = false;
    const int *cid_to_gid = nullptr;    // CID fonts: the font's CIDToGIDMap (none: identity)
    unsigned cid_to_gid_len = 0;
    const outline_table *installed = nullptr;
    std::map<uint32_t, std::vector<uint32_t>> answers;
    ~font_state() { if (face) { std::lock_guard<std::mutex> g(freetype_lock()); FT_Done_Face(face); } }
};

ps_internal::outline_matcher::outline_matcher() = default;
ps_internal::outline_matcher::~outline_matcher() = default;

std::vector<uint32_t> ps_internal::outline_matcher::characters(GfxFont *font, XRef *xref, uint32_t code) {
    if (!font || !xref) return {};
    const Ref *ref = font->getID();
    const std::pair<int, int> id{ref->num, ref->gen};
    auto it = fonts.find(id);
    if (it == fonts.end()) it = fonts.emplace(id, open(font, xref)).first;
    font_state *f = it->second.get();
    if (!f || !f->face || !f->installed || f->installed->empty()) return {};
    auto known = f->answers.find(code);
    if (known != f->answers.end()) return known->second;
    unsigned gid = code;
    if (f->cid) {
        if (f->cid_to_gid) gid = code < f->cid_to_gid_len ? unsigned(f->cid_to_gid[code]) : 0;
    } else {
        gid = code < f->code_to_gid.size() ? unsigned(std::max(0, f->code_to_gid[code])) : 0;
    }
    std::vector<uint32_t> answer;
    if (gid != 0) {
        std::lock_guard<std::mutex> g(freetype_lock());
        std::string key = outline_key(f->face, gid);
        auto hit = key.empty() ? f->installed->end() : f->installed->find(key);
        if (hit != f->installed->end()) answer = hit->second;
    }
    f->answers.emplace(code, answer);
    return answer;
}

std::unique_ptr<ps_internal::outline_matcher::font_state> ps_internal::outline_matcher::open(GfxFont *font, XRef *xref) {
    // TrueType outlines (LibreOffice's subsets) and Type 1 / CFF programs: FreeType gives their points
    // in font units exactly.
    const GfxFontType type = font->getType();
    const bool type1 = type == fontType1 || type == fontType1C || type == fontType1COT;
    if (type != fontTrueType && type != fontTrueTypeOT && type != fontCIDType2 && type != fontCIDType2OT && !type1) return nullptr;
    const std::optional<std::string> &name = font->getName();
    if (!name) return nullptr;
    const std::string base = without_subset_tag(*name);
    // Only an embedded program can be compared; asking poppler for a font file that is not there (a
    // standard-14 Helvetica) makes it log errors, which would mark a sound file damaged.
    Ref embedded;
    if (!font->getEmbeddedFontID(&embedded) || embedded == Ref::INVALID()) return nullptr;
    auto state = std::make_unique<font_state>();
    std::optional<std::vector<unsigned char>> program = font->readEmbFontFile(xref);
    if (!program || program->empty()) return nullptr;
    state->program = std::move(*program);
    if (type1) {
        // Glyphs are found by name once the face is open (the font's encoding: code → glyph name).
    } else if (font->isCIDFont()) {
        auto *cid = static_cast<GfxCIDFont *>(font);
        state->cid = true;
        state->cid_to_gid = cid->getCIDToGID();
        state->cid_to_gid_len = cid->getCIDToGIDLen();
    } else {
        std::unique_ptr<FoFiTrueType> ff = FoFiTrueType::make(state->program.data(), int(state->program.size()));
        if (!ff) return nullptr;
        int *map = static_cast<Gfx8BitFont *>(font)->getCodeToGIDMap(ff.get());
        if (!map) return nullptr;
        state->code_to_gid.assign(map, map + 256);
        gfree(map);
    }
    std::lock_guard<std::mutex> g(freetype_lock());
    if (!library() || FT_New_Memory_Face(library(), state->program.data(), FT_Long(state->program.size()), 0, &state->face) != 0) {
        state->face = nullptr;
        return nullptr;
    }
    if (type1) {
        // A simple font's code names a glyph through its encoding (the font's own built-in one, or the
        // PDF's /Encoding over it, as poppler resolved it); the face finds the glyph by that name.
        char **enc = static_cast<Gfx8BitFont *>(font)->getEncoding();
        state->code_to_gid.assign(256, 0);
        for (int c = 0; c < 256 && enc; c++)
            if (enc[c]) state->code_to_gid[size_t(c)] = int(FT_Get_Name_Index(state->face, enc[c]));
    }
    // Installed fonts are read once per process, and kept (a handful of families at most).
    static std::map<std::string, outline_table> tables;
    auto t = tables.find(base);
    if (t == tables.end()) t = tables.emplace(base, read_installed(installed_files(base))).first;
    state->installed = &t->second;
    return state;
}
