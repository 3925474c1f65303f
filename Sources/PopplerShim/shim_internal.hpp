// Internal state behind the opaque handles of poppler_shim.h (C++ only, never included by Swift).
#pragma once
#include "poppler_shim.h"
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
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

struct ps_document {
    std::unique_ptr<poppler::document> doc;
    std::string path;                       // absolute path, for the lazy poppler-glib open
    _PopplerDocument *glib_doc = nullptr;   // owned; g_object_unref in ps_document_close
    bool glib_failed = false;               // do not retry a failed glib open on every page
    std::shared_ptr<ps_diagnostics> diagnostics; // poppler's messages about this file
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
/// Fills page->rulings from a low-resolution render of the page.
void find_rulings(const poppler::page &page, ps_page *out);
/// Fills page->image_coverage through poppler-glib (opening doc->glib_doc on first use).
void measure_images(ps_document *doc, int index, const poppler::page &page, ps_page *out);
}
