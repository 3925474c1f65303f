// Internal state behind the opaque handles of poppler_shim.h (C++ only, never included by Swift).
#pragma once
#include "poppler_shim.h"
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
#include <memory>
#include <string>
#include <vector>

struct _PopplerDocument; // poppler-glib, opened lazily for image placement only

struct ps_document {
    std::unique_ptr<poppler::document> doc;
    std::string path;                       // absolute path, for the lazy poppler-glib open
    _PopplerDocument *glib_doc = nullptr;   // owned; g_object_unref in ps_document_close
    bool glib_failed = false;               // do not retry a failed glib open on every page
};

struct ps_page {
    double width = 0, height = 0;  // as displayed (rotation applied)
    int rotation = 0;
    std::vector<ps_char> chars;
    std::vector<std::string> fonts;
    double image_coverage = -1;
    std::vector<ps_rect> rulings;
};

namespace ps_internal {
/// Fills page->chars and page->fonts from poppler-cpp's text_list.
void extract_text(const poppler::page &page, ps_page *out);
/// Fills page->rulings from a low-resolution render of the page.
void find_rulings(const poppler::page &page, ps_page *out);
/// Fills page->image_coverage through poppler-glib (opening doc->glib_doc on first use).
void measure_images(ps_document *doc, int index, const poppler::page &page, ps_page *out);
}
