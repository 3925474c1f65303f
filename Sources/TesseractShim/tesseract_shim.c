#include "tesseract_shim.h"
#include <tesseract/capi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <pthread.h>

struct ts_engine {
    TessBaseAPI *api;
};

// Tesseract is loaded with dlopen on first use rather than linked. Why: its OpenMP threads fight the
// pipeline's own per-document parallelism (measured on 2 cores: 2m43s for the Corpus scans against
// 1m29s with OMP_THREAD_LIMIT=1), and libgomp reads OMP_THREAD_LIMIT only when it is loaded, which for
// a linked library is before any of our code runs. Loading late lets us set the limit first (a user's
// own setting wins), and a machine without Tesseract still runs everything but OCR.
static struct {
    int tried, ok;
    char error[256];
    TessBaseAPI *(*create)(void);
    void (*delete_)(TessBaseAPI *);
    int (*init3)(TessBaseAPI *, const char *, const char *);
    void (*set_psm)(TessBaseAPI *, TessPageSegMode);
    BOOL (*set_variable)(TessBaseAPI *, const char *, const char *);
    void (*set_image)(TessBaseAPI *, const unsigned char *, int, int, int, int);
    void (*set_resolution)(TessBaseAPI *, int);
    int (*recognize)(TessBaseAPI *, ETEXT_DESC *);
    TessResultIterator *(*get_iterator)(TessBaseAPI *);
    void (*clear)(TessBaseAPI *);
    void (*end)(TessBaseAPI *);
    const TessPageIterator *(*page_iterator)(const TessResultIterator *);
    BOOL (*at_beginning)(const TessPageIterator *, TessPageIteratorLevel);
    BOOL (*bounding_box)(const TessPageIterator *, TessPageIteratorLevel, int *, int *, int *, int *);
    BOOL (*baseline)(const TessPageIterator *, TessPageIteratorLevel, int *, int *, int *, int *);
    char *(*utf8_text)(const TessResultIterator *, TessPageIteratorLevel);
    float (*confidence)(const TessResultIterator *, TessPageIteratorLevel);
    BOOL (*next)(TessResultIterator *, TessPageIteratorLevel);
    void (*iterator_delete)(TessResultIterator *);
    void (*delete_text)(const char *);
} tess;
static pthread_once_t tess_once = PTHREAD_ONCE_INIT;

static void load_tesseract(void) {
    setenv("OMP_THREAD_LIMIT", "1", 0);
    void *lib = dlopen("libtesseract.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libtesseract.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(tess.error, sizeof tess.error, "Tesseract 5 is not installed (Debian: libtesseract5 tesseract-ocr-tha): %s", dlerror());
        return;
    }
    int missing = 0;
#define LOAD(field, name) do { *(void **)(&tess.field) = dlsym(lib, name); if (!tess.field) missing = 1; } while (0)
    LOAD(create, "TessBaseAPICreate"); LOAD(delete_, "TessBaseAPIDelete"); LOAD(init3, "TessBaseAPIInit3");
    LOAD(set_psm, "TessBaseAPISetPageSegMode"); LOAD(set_variable, "TessBaseAPISetVariable");
    LOAD(set_image, "TessBaseAPISetImage"); LOAD(set_resolution, "TessBaseAPISetSourceResolution");
    LOAD(recognize, "TessBaseAPIRecognize"); LOAD(get_iterator, "TessBaseAPIGetIterator");
    LOAD(clear, "TessBaseAPIClear"); LOAD(end, "TessBaseAPIEnd");
    LOAD(page_iterator, "TessResultIteratorGetPageIteratorConst"); LOAD(at_beginning, "TessPageIteratorIsAtBeginningOf");
    LOAD(bounding_box, "TessPageIteratorBoundingBox"); LOAD(baseline, "TessPageIteratorBaseline"); LOAD(utf8_text, "TessResultIteratorGetUTF8Text");
    LOAD(confidence, "TessResultIteratorConfidence"); LOAD(next, "TessResultIteratorNext");
    LOAD(iterator_delete, "TessResultIteratorDelete"); LOAD(delete_text, "TessDeleteText");
#undef LOAD
    if (missing) { snprintf(tess.error, sizeof tess.error, "libtesseract lacks a C API function (Tesseract 5 needed)"); return; }
    tess.ok = 1;
}

int ts_preload(char *message, size_t message_capacity) {
    pthread_once(&tess_once, load_tesseract);
    if (!tess.ok && message && message_capacity) snprintf(message, message_capacity, "%s", tess.error);
    return tess.ok ? 0 : 1;
}

ts_engine *ts_engine_open(const char *languages, const char *datapath, char *message, size_t message_capacity) {
    pthread_once(&tess_once, load_tesseract);
    if (!tess.ok) {
        if (message && message_capacity) snprintf(message, message_capacity, "%s", tess.error);
        return NULL;
    }
    TessBaseAPI *api = tess.create();
    if (!api) {
        if (message && message_capacity) snprintf(message, message_capacity, "Tesseract could not be created");
        return NULL;
    }
    if (tess.init3(api, datapath, languages) != 0) {
        if (message && message_capacity)
            snprintf(message, message_capacity, "Tesseract has no trained data for \"%s\" (Debian: tesseract-ocr-tha)", languages);
        tess.delete_(api);
        return NULL;
    }
    // The C API defaults to one uniform block, which reads report pages as garbage; PSM_AUTO is what
    // the command-line tool uses.
    tess.set_psm(api, PSM_AUTO);
    // Keep spaces only where the page has them: Thai writes words without spaces.
    tess.set_variable(api, "preserve_interword_spaces", "1");
    // Tesseract prints progress notes ("Detected 38 diacritics") to stderr otherwise.
    tess.set_variable(api, "debug_file", "/dev/null");
    ts_engine *e = calloc(1, sizeof *e);
    if (!e) {
        tess.end(api); tess.delete_(api);
        if (message && message_capacity) snprintf(message, message_capacity, "out of memory");
        return NULL;
    }
    e->api = api;
    return e;
}

void ts_engine_close(ts_engine *engine) {
    if (!engine) return;
    tess.end(engine->api);
    tess.delete_(engine->api);
    free(engine);
}

int ts_engine_read(ts_engine *engine, const uint8_t *gray, int width, int height, int stride, int dpi,
                   ts_word **words, size_t *count) {
    *words = NULL;
    *count = 0;
    if (!engine || !gray || width <= 0 || height <= 0) return 1;
    tess.set_image(engine->api, gray, width, height, 1, stride);
    tess.set_resolution(engine->api, dpi);
    if (tess.recognize(engine->api, NULL) != 0) { tess.clear(engine->api); return 2; }
    TessResultIterator *it = tess.get_iterator(engine->api);
    if (!it) { tess.clear(engine->api); return 0; }
    size_t cap = 256, n = 0;
    ts_word *out = malloc(cap * sizeof *out);
    if (!out) { tess.iterator_delete(it); tess.clear(engine->api); return 3; }
    int failed = 0;
    int block = -1, para = -1, line = -1;
    // The line's baseline (two points on it): its slope is the page's skew, which layout must not
    // see as height (a line's box grows by the skew times its width).
    int bx0 = 0, by0 = 0, bx1 = 0, by1 = 0, has_base = 0;
    // The line's own text says where Tesseract puts spaces (with preserve_interword_spaces, only
    // where the page has a gap); its Thai "words" are often single clusters, so word boundaries
    // alone would put a space between every cluster. Each word is found in the line text in turn.
    char *line_text = NULL;
    size_t cursor = 0;
    const TessPageIterator *pit = tess.page_iterator(it);
    do {
        if (tess.at_beginning(pit, RIL_BLOCK)) block++;
        if (tess.at_beginning(pit, RIL_PARA)) para++;
        if (tess.at_beginning(pit, RIL_TEXTLINE)) {
            line++;
            if (line_text) tess.delete_text(line_text);
            line_text = tess.utf8_text(it, RIL_TEXTLINE);
            cursor = 0;
            has_base = tess.baseline(pit, RIL_TEXTLINE, &bx0, &by0, &bx1, &by1) ? 1 : 0;
        }
        char *text = tess.utf8_text(it, RIL_WORD);
        if (!text) continue;
        if (!text[0]) { tess.delete_text(text); continue; }
        int x0, y0, x1, y1;
        if (!tess.bounding_box(pit, RIL_WORD, &x0, &y0, &x1, &y1)) { tess.delete_text(text); continue; }
        int space_after = -1;
        if (line_text) {
            size_t len = strlen(text), c = cursor;
            while (line_text[c] == ' ') c++;
            if (strncmp(line_text + c, text, len) == 0) {
                c += len;
                space_after = line_text[c] == ' ' || line_text[c] == '\n' || line_text[c] == 0;
                cursor = c;
            }
        }
        if (n == cap) {
            ts_word *grown = realloc(out, 2 * cap * sizeof *out);
            if (!grown) { tess.delete_text(text); failed = 1; break; }
            out = grown; cap *= 2;
        }
        out[n].text = strdup(text);
        tess.delete_text(text);
        if (!out[n].text) { failed = 1; break; }
        out[n].x0 = x0; out[n].y0 = y0; out[n].x1 = x1; out[n].y1 = y1;
        out[n].confidence = tess.confidence(it, RIL_WORD);
        out[n].block = block; out[n].paragraph = para; out[n].line = line;
        out[n].space_after = space_after;
        out[n].has_baseline = has_base;
        out[n].base_x0 = bx0; out[n].base_y0 = by0; out[n].base_x1 = bx1; out[n].base_y1 = by1;
        n++;
    } while (tess.next(it, RIL_WORD));
    if (line_text) tess.delete_text(line_text);
    // A word that could not be stored fails the page rather than returning it with words missing.
    if (failed) {
        ts_words_free(out, n);
        tess.iterator_delete(it);
        tess.clear(engine->api);
        return 3;
    }
    tess.iterator_delete(it);
    tess.clear(engine->api);
    *words = out;
    *count = n;
    return 0;
}

void ts_words_free(ts_word *words, size_t count) {
    if (!words) return;
    for (size_t i = 0; i < count; i++) free(words[i].text);
    free(words);
}

// Whether the run [from, to) of row `at` (horizontal) or column `at` (vertical) is light: under
// `max_dark_permille` thousandths of it dark; a position off the page counts as light.
static int light_across(const uint8_t *gray, int width, int height, int stride, uint8_t dark_below,
                        int from, int to, int at, int horizontal, int max_dark_permille) {
    if (at < 0 || at >= (horizontal ? height : width)) return 1;
    int dark = 0;
    for (int i = from; i < to; i++) {
        uint8_t v = horizontal ? gray[(size_t)at * stride + i] : gray[(size_t)i * stride + at];
        if (v < dark_below) dark++;
    }
    return 1000 * dark < max_dark_permille * (to - from);
}

// Appends one run to the growing array (*runs, *count, *cap); 0 when out of memory.
static int push_run(ts_run **runs, size_t *count, size_t *cap, int horizontal, int at, int from, int to) {
    if (*count == *cap) {
        size_t grown_cap = *cap ? 2 * *cap : 256;
        ts_run *grown = realloc(*runs, grown_cap * sizeof **runs);
        if (!grown) return 0;
        *runs = grown; *cap = grown_cap;
    }
    (*runs)[*count].horizontal = horizontal;
    (*runs)[*count].at = at; (*runs)[*count].from = from; (*runs)[*count].to = to;
    (*count)++;
    return 1;
}

void ts_erase_lines(uint8_t *gray, int width, int height, int stride, uint8_t dark_below, int min_run, int pad) {
    ts_run *runs = NULL;
    size_t count = 0;
    if (ts_thin_runs(gray, width, height, stride, dark_below, min_run, pad, 500, &runs, &count) != 0) return;
    ts_erase_runs(gray, width, height, stride, runs, count, pad);
    ts_runs_free(runs);
}

int ts_thin_runs(const uint8_t *gray, int width, int height, int stride, uint8_t dark_below, int min_run, int pad,
                 int max_dark_permille, ts_run **runs, size_t *count) {
    size_t cap = 0;
    *runs = NULL;
    *count = 0;
    if (!gray || width <= 0 || height <= 0) return 0;
    for (int y = 0; y < height; y++) {
        const uint8_t *row = gray + (size_t)y * stride;
        int x = 0;
        while (x < width) {
            if (row[x] >= dark_below) { x++; continue; }
            int start = x;
            while (x < width && row[x] < dark_below) x++;
            if (x - start < min_run) continue;
            // A rule is thin: a little above and below it the page is light. A shaded cell is not.
            if (!light_across(gray, width, height, stride, dark_below, start, x, y - pad - 3, 1, max_dark_permille) ||
                !light_across(gray, width, height, stride, dark_below, start, x, y + pad + 3, 1, max_dark_permille)) continue;
            if (!push_run(runs, count, &cap, 1, y, start, x)) goto failed;
        }
    }
    for (int x = 0; x < width; x++) {
        int y = 0;
        while (y < height) {
            if (gray[(size_t)y * stride + x] >= dark_below) { y++; continue; }
            int start = y;
            while (y < height && gray[(size_t)y * stride + x] < dark_below) y++;
            if (y - start < min_run) continue;
            if (!light_across(gray, width, height, stride, dark_below, start, y, x - pad - 3, 0, max_dark_permille) ||
                !light_across(gray, width, height, stride, dark_below, start, y, x + pad + 3, 0, max_dark_permille)) continue;
            if (!push_run(runs, count, &cap, 0, x, start, y)) goto failed;
        }
    }
    return 0;
failed:
    free(*runs);
    *runs = NULL;
    *count = 0;
    return 1;
}

void ts_erase_runs(uint8_t *gray, int width, int height, int stride, const ts_run *runs, size_t count, int pad) {
    if (!gray || !runs) return;
    for (size_t i = 0; i < count; i++) {
        const ts_run *r = &runs[i];
        int from = r->from < 0 ? 0 : r->from;
        if (r->horizontal) {
            int to = r->to > width ? width : r->to;
            if (to <= from) continue;
            for (int y = r->at - pad < 0 ? 0 : r->at - pad; y <= r->at + pad && y < height; y++)
                memset(gray + (size_t)y * stride + from, 255, (size_t)(to - from));
        } else {
            int to = r->to > height ? height : r->to;
            int x0 = r->at - pad < 0 ? 0 : r->at - pad, x1 = r->at + pad >= width ? width - 1 : r->at + pad;
            if (x1 < x0) continue;
            for (int y = from; y < to; y++) memset(gray + (size_t)y * stride + x0, 255, (size_t)(x1 - x0 + 1));
        }
    }
}

void ts_runs_free(ts_run *runs) { free(runs); }
