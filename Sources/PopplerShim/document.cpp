// Opening and closing documents, with the reasons a file cannot be read told apart
// (poppler-cpp only says "NULL", so the cheap checks run first on the raw bytes).
#include "shim_internal.hpp"
#include <poppler/cpp/poppler-global.h>
#include <poppler.h>
#include <GlobalParams.h>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sys/stat.h>

namespace {

// poppler builds its GlobalParams (the name-to-Unicode tables, CMap and font look-up caches) when the
// first document of the process opens and tears it down when the last one closes, so a worker reading
// documents one after another paid one build and one teardown per document (2.2% of a run's CPU in the
// bench's profile). One reference held for the life of the process keeps it. It is taken while a
// poppler-cpp document is open (count >= 1): the first reference chooses poppler's error callback, and
// that must stay poppler-cpp's, which hands messages to our router (diagnostics.cpp). Never released:
// poppler's tables are freed with the process.
void keep_global_params() {
    static std::once_flag flag;
    std::call_once(flag, [] { new GlobalParamsIniter(nullptr); });
}

void set_message(char *message, size_t capacity, const std::string &text) {
    if (!message || capacity == 0) return;
    size_t n = text.size() < capacity - 1 ? text.size() : capacity - 1;
    std::memcpy(message, text.data(), n);
    message[n] = '\0';
}

ps_document *fail(int *error_code, int code, char *message, size_t capacity, const std::string &text) {
    if (error_code) *error_code = code;
    set_message(message, capacity, text);
    return nullptr;
}

} // namespace

extern "C" ps_document *ps_document_open(const char *path, int *error_code, char *message, size_t capacity) {
    // poppler's messages go to the document's collector (diagnostics.cpp), never to stderr.
    ps_internal::install_error_router();
    if (error_code) *error_code = PS_OK;
    set_message(message, capacity, "");
    if (!path) return fail(error_code, PS_ERR_NOT_FOUND, message, capacity, "no path given");
    std::string p(path);
    try {
        struct stat st;
        if (stat(path, &st) != 0)
            return fail(error_code, PS_ERR_NOT_FOUND, message, capacity, p + ": " + std::strerror(errno));
        if (S_ISDIR(st.st_mode))
            return fail(error_code, PS_ERR_NOT_FOUND, message, capacity, p + ": is a directory, not a file");
        if (st.st_size == 0)
            return fail(error_code, PS_ERR_EMPTY_FILE, message, capacity, p + ": file is empty (0 bytes)");
        FILE *f = std::fopen(path, "rb");
        if (!f) return fail(error_code, PS_ERR_NOT_FOUND, message, capacity, p + ": cannot open: " + std::strerror(errno));
        char head[1024];
        size_t got = std::fread(head, 1, sizeof head, f);
        std::fclose(f);
        // Like poppler, accept the header anywhere in the first 1024 bytes.
        bool has_header = false;
        for (size_t i = 0; i + 5 <= got; i++)
            if (std::memcmp(head + i, "%PDF-", 5) == 0) { has_header = true; break; }
        if (!has_header)
            return fail(error_code, PS_ERR_NOT_PDF, message, capacity, p + ": not a PDF (no %PDF- header in the first 1024 bytes)");

        auto diagnostics = std::make_shared<ps_diagnostics>();
        ps_internal::error_scope scope(diagnostics.get());
        std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(p));
        if (!doc) {
            // poppler's own first words on the file say why (e.g. "Couldn't find trailer dictionary").
            std::string why = diagnostics->messages.empty() ? "" : " (poppler: " + diagnostics->messages.front() + ")";
            return fail(error_code, PS_ERR_DAMAGED, message, capacity, p + ": damaged PDF: poppler could not parse it" + why);
        }
        keep_global_params();
        if (doc->is_locked())
            return fail(error_code, PS_ERR_ENCRYPTED, message, capacity, p + ": encrypted PDF: a password is needed to open it");
        if (doc->pages() <= 0)
            return fail(error_code, PS_ERR_DAMAGED, message, capacity, p + ": damaged PDF: no pages found");

        auto out = new ps_document();
        out->doc = std::move(doc);
        out->diagnostics = std::move(diagnostics);
        char resolved[PATH_MAX];
        out->path = realpath(path, resolved) ? std::string(resolved) : p;
        return out;
    } catch (const std::exception &e) {
        return fail(error_code, PS_ERR_DAMAGED, message, capacity, p + ": damaged PDF: " + e.what());
    }
}

extern "C" void ps_document_close(ps_document *doc) {
    if (!doc) return;
    if (doc->glib_doc) g_object_unref(doc->glib_doc);
    delete doc;
}

extern "C" int ps_poppler_tables_alive(void) { return globalParams ? 1 : 0; }

extern "C" int ps_document_page_count(const ps_document *doc) {
    return doc && doc->doc ? doc->doc->pages() : 0;
}
