// Poppler's word on a file: its error messages, kept per document.
// poppler's error callback is process-global, and documents are read on several threads at once;
// each shim call that makes poppler parse sets a thread-local pointer to the document's collector
// (ps_internal::error_scope), and the callback hands the message to whatever collector is current.
// poppler calls it synchronously on the thread doing the work, so messages never go astray.
#include "shim_internal.hpp"
#include <poppler/cpp/poppler-global.h>
#include <mutex>

namespace {

thread_local ps_diagnostics *current = nullptr;

// Messages outside any document call (none are known) are dropped, as before: thousands of files
// must not flood stderr.
void route_errors(const std::string &message, void *) {
    if (current) current->add(message);
}

} // namespace

void ps_diagnostics::add(const std::string &message) {
    std::lock_guard<std::mutex> lock(mutex);
    if (seen.count(message)) return;
    if (messages.size() >= max_messages) { capped = true; return; }
    seen.insert(message);
    messages.push_back(message);
}

namespace ps_internal {

void install_error_router() {
    static std::once_flag flag;
    std::call_once(flag, [] { poppler::set_debug_error_function(route_errors, nullptr); });
}

error_scope::error_scope(ps_diagnostics *target) : previous(current) {
    install_error_router();
    current = target;
}

error_scope::~error_scope() { current = previous; }

} // namespace ps_internal

extern "C" size_t ps_document_message_count(const ps_document *doc) {
    if (!doc || !doc->diagnostics) return 0;
    std::lock_guard<std::mutex> lock(doc->diagnostics->mutex);
    return doc->diagnostics->messages.size();
}

extern "C" int ps_document_messages_capped(const ps_document *doc) {
    if (!doc || !doc->diagnostics) return 0;
    std::lock_guard<std::mutex> lock(doc->diagnostics->mutex);
    return doc->diagnostics->capped ? 1 : 0;
}

extern "C" const char *ps_document_message(const ps_document *doc, size_t index) {
    if (!doc || !doc->diagnostics) return "";
    std::lock_guard<std::mutex> lock(doc->diagnostics->mutex);
    return index < doc->diagnostics->messages.size() ? doc->diagnostics->messages[index].c_str() : "";
}
