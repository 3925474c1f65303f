// Largest image coverage through poppler-glib's image mapping: poppler-cpp has no image listing,
// and a page that is one big image and no text is a scan.
#include "shim_internal.hpp"
#include <poppler.h>
#include <algorithm>

namespace {

PopplerDocument *glib_document(ps_document *doc) {
    if (doc->glib_doc || doc->glib_failed) return reinterpret_cast<PopplerDocument *>(doc->glib_doc);
    GError *error = nullptr;
    gchar *uri = g_filename_to_uri(doc->path.c_str(), nullptr, &error);
    PopplerDocument *g = nullptr;
    if (uri) g = poppler_document_new_from_file(uri, nullptr, &error);
    g_free(uri);
    if (error) g_error_free(error);
    if (!g) doc->glib_failed = true;
    doc->glib_doc = reinterpret_cast<_PopplerDocument *>(g);
    return g;
}

} // namespace

void ps_internal::measure_images(ps_document *doc, int index, const poppler::page &page, ps_page *out) {
    out->image_coverage = 0;
    // The ruling render saw every image operator of the page: none means nothing to measure, and no
    // second parse of the page (nor a poppler-glib open of the file) for it.
    if (out->drew_images == 0) return;
    PopplerDocument *g = glib_document(doc);
    if (!g) { out->image_coverage = -1; return; }
    PopplerPage *gp = poppler_document_get_page(g, index);
    if (!gp) { out->image_coverage = -1; return; }
    // The mapping is in unrotated crop-box space; poppler 22.12 subtracts the crop-box origin once too
    // often, so add it back before clipping to the page. The area ratio does not depend on rotation.
    poppler::rectf crop = page.page_rect(poppler::crop_box);
    double w = crop.width(), h = crop.height();
    double best = 0;
    GList *maps = poppler_page_get_image_mapping(gp);
    for (GList *l = maps; l; l = l->next) {
        auto *m = static_cast<PopplerImageMapping *>(l->data);
        double x1 = std::min(m->area.x1, m->area.x2) + crop.x(), x2 = std::max(m->area.x1, m->area.x2) + crop.x();
        double y1 = std::min(m->area.y1, m->area.y2) + crop.y(), y2 = std::max(m->area.y1, m->area.y2) + crop.y();
        double cw = std::min(x2, w) - std::max(x1, 0.0), ch = std::min(y2, h) - std::max(y1, 0.0);
        if (cw > 0 && ch > 0) best = std::max(best, cw * ch);
    }
    poppler_page_free_image_mapping(maps);
    g_object_unref(gp);
    out->image_coverage = w > 0 && h > 0 ? std::min(1.0, best / (w * h)) : 0;
}
