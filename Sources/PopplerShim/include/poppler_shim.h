// poppler_shim.h: a small C API over poppler-cpp (text with per-character boxes, page rendering)
// and poppler-glib (image placement), so Swift never sees C++ or glib types.
// All coordinates are PDF points with a top-left origin on the page as displayed (rotation applied).
#ifndef POPPLER_SHIM_H
#define POPPLER_SHIM_H
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/// Why a document could not be opened (ps_document_open's error_code).
enum ps_error {
    PS_OK = 0,
    PS_ERR_NOT_FOUND = 1,   // no such file, or not readable
    PS_ERR_EMPTY_FILE = 2,  // zero bytes
    PS_ERR_NOT_PDF = 3,     // no "%PDF-" header in the first 1024 bytes
    PS_ERR_DAMAGED = 4,     // poppler could not parse it, or it has no pages
    PS_ERR_ENCRYPTED = 5    // needs a password (poppler document is_locked)
};

/// An opened document; one per thread (never share one between threads).
typedef struct ps_document ps_document;
/// One extracted page; owns its arrays until ps_page_free.
typedef struct ps_page ps_page;

/// A rectangle in points, top-left origin, y growing downwards.
typedef struct {
    double x0, y0, x1, y1;
} ps_rect;

/// One character of a page's text layer: one Unicode scalar with its box.
typedef struct {
    uint32_t scalar;     // the Unicode scalar poppler gives for this character
    ps_rect box;         // the character's box, normalised (x0 <= x1, y0 <= y1)
    int32_t space_after; // 1 when poppler puts a space after it (last character of a word followed by a gap)
    int32_t word_end;    // 1 when it is the last character of poppler's text box (word)
    int32_t font_index;  // index into ps_page_font_name, or -1 when unknown
    double font_size;    // points; 0 when unknown
} ps_char;

/// What ps_page_extract computes besides text (bit flags).
enum ps_page_options {
    PS_PAGE_TEXT = 1,
    PS_PAGE_IMAGES = 2,  // largest image coverage (opens the file once more through poppler-glib)
    PS_PAGE_RULINGS = 4, // ruling lines from a low-resolution render
    PS_PAGE_ALL = 7,
    // Text and rulings together come from one pass over the page's content (one parse of its
    // operators, fonts and CMaps); this flag reads them in two instead, text through poppler-cpp's
    // text_list and rulings through their own render: the same result, for checking that it is.
    PS_PAGE_SEPARATE_PASSES = 8
};

/// Opens a PDF. On failure returns NULL, sets *error_code (enum ps_error) and writes a message
/// into message (NUL-terminated, truncated to message_capacity).
ps_document *ps_document_open(const char *path, int *error_code, char *message, size_t message_capacity);
/// Frees the document (and the poppler-glib copy, if one was opened).
void ps_document_close(ps_document *doc);
/// 1 while poppler's process-wide tables (GlobalParams) exist: from the first document opened on, for
/// the life of the process (document.cpp), not rebuilt for every document. For the test that says so.
int ps_poppler_tables_alive(void);
/// Number of pages.
int ps_document_page_count(const ps_document *doc);

/// poppler's error messages about this document so far (opening, pages, renders), distinct ones in
/// order of arrival, e.g. "error (60137): Bad block header in flate stream"; at most 4096
/// (ps_document_messages_capped says when more were dropped). Strings valid until the next call
/// that reads the document, or close.
size_t ps_document_message_count(const ps_document *doc);
int ps_document_messages_capped(const ps_document *doc);
const char *ps_document_message(const ps_document *doc, size_t index);

/// Extracts page `index` (0-based) according to `options`; NULL when the page cannot be created.
ps_page *ps_page_extract(ps_document *doc, int index, int options);
/// Frees an extracted page.
void ps_page_free(ps_page *page);

/// Page size in points as displayed (width and height swapped for 90/270 degree rotation).
double ps_page_width(const ps_page *page);
double ps_page_height(const ps_page *page);
/// Page rotation in degrees (0, 90, 180, 270).
int ps_page_rotation(const ps_page *page);

size_t ps_page_char_count(const ps_page *page);
/// The characters in poppler's reading order; valid until ps_page_free.
const ps_char *ps_page_chars(const ps_page *page);

size_t ps_page_font_count(const ps_page *page);
/// Font name as the PDF names it, without the "ABCDEF+" subset tag; NUL-terminated, valid until ps_page_free.
const char *ps_page_font_name(const ps_page *page, size_t index);

/// One glyph drawn in a font without a /ToUnicode map (GfxFont::hasToUnicodeCMap false): the
/// character code the PDF shows and where it is drawn. Such a font's text in the text layer is only
/// poppler's guess (glyph ids read as Latin punctuation, or nothing for a CID font); the code is exact,
/// so a caller that learns the font's code-to-text map elsewhere (OCR of the page) can read it again.
typedef struct {
    uint32_t code;      // the character code (one byte in a simple font, the CID in an Identity-H font)
    int32_t font_index; // index into ps_page_coded_font_key
    ps_rect box;        // the glyph's box from its origin, advance and the font's ascent and descent
    double font_size;   // points (the font size through the text and page matrices)
    int32_t blank;      // 1 when the font's glyph for the code draws nothing (a space), 0 when it has an outline or is unknown
    uint32_t outline_char; // the character whose glyph in the installed font of the same name has exactly this outline; 0: none
    uint32_t outline_choices[4]; // when that outline is shared by several characters (outline_char 0): up to four of them, 0-terminated
} ps_coded_glyph;

/// Glyphs in fonts without a ToUnicode map, in drawing order; only from the one-pass text read at
/// 72 dpi (empty on a giant page, or when every font has a map). Valid until ps_page_free.
size_t ps_page_coded_glyph_count(const ps_page *page);
const ps_coded_glyph *ps_page_coded_glyphs(const ps_page *page);
size_t ps_page_coded_font_count(const ps_page *page);
/// A font's identity within the document: "name#objnum.gen" (subset tag removed; two subsets may share a
/// name, never an object). NUL-terminated, valid until ps_page_free.
const char *ps_page_coded_font_key(const ps_page *page, size_t index);

/// Fraction (0...1) of the page area covered by its largest image; -1 when not computed.
double ps_page_image_coverage(const ps_page *page);

/// Glyphs the page draws visibly (text render modes other than 3, invisible, and 7, clip only;
/// one-byte spaces aside), counted during the ruling render; -1 when that render was not made.
/// Compared with ps_page_char_count: a broken ToUnicode map yields fewer characters than glyphs.
long ps_page_drawn_glyphs(const ps_page *page);

size_t ps_page_ruling_count(const ps_page *page);
/// Ruling lines as thin boxes; valid until ps_page_free.
const ps_rect *ps_page_rulings(const ps_page *page);

/// An 8-bit grayscale render of a page (for OCR): `height` rows of `stride` bytes.
typedef struct {
    uint8_t *data;
    int width, height, stride;
} ps_bitmap;

/// Renders page `index` (0-based) at `dpi`, anti-aliased, white paper; NULL on failure.
/// Free with ps_bitmap_free.
ps_bitmap *ps_page_render_gray(ps_document *doc, int index, double dpi);
void ps_bitmap_free(ps_bitmap *bitmap);

#ifdef __cplusplus
}
#endif
#endif
