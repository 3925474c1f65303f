// Page renders for OCR: grayscale, anti-aliased (Tesseract reads smooth glyph edges better than the
// hard-edged render used for ruling lines).
#include "shim_internal.hpp"
#include <poppler/cpp/poppler-page-renderer.h>
#include <cstdlib>
#include <cstring>

extern "C" ps_bitmap *ps_page_render_gray(ps_document *doc, int index, double dpi) {
    if (!doc || !doc->doc || index < 0 || index >= doc->doc->pages()) return nullptr;
    if (!poppler::page_renderer::can_render()) return nullptr;
    ps_internal::error_scope scope(doc->diagnostics.get());
    std::unique_ptr<poppler::page> page(doc->doc->create_page(index));
    if (!page) return nullptr;
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_paper_color(0xffffffff);
    poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    if (!img.is_valid() || img.format() != poppler::image::format_gray8) return nullptr;
    auto *out = static_cast<ps_bitmap *>(std::calloc(1, sizeof(ps_bitmap)));
    if (!out) return nullptr;
    out->width = img.width();
    out->height = img.height();
    out->stride = img.bytes_per_row();
    size_t bytes = size_t(out->stride) * size_t(out->height);
    out->data = static_cast<uint8_t *>(std::malloc(bytes));
    if (!out->data) { std::free(out); return nullptr; }
    std::memcpy(out->data, img.const_data(), bytes);
    return out;
}

extern "C" void ps_bitmap_free(ps_bitmap *bitmap) {
    if (!bitmap) return;
    std::free(bitmap->data);
    std::free(bitmap);
}
