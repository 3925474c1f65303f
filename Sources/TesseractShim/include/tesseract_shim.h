// tesseract_shim.h: a small C API over Tesseract's C API, so Swift sees plain structs only.
// Words come with pixel boxes (top-left origin) of the image that was recognised.
#ifndef TESSERACT_SHIM_H
#define TESSERACT_SHIM_H
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/// One Tesseract engine; use from one thread at a time.
typedef struct ts_engine ts_engine;

/// One recognised word.
typedef struct {
    char *text;             // UTF-8, NUL-terminated; owned by the word array
    int x0, y0, x1, y1;     // pixel box, top-left origin
    float confidence;       // 0...100
    int block, paragraph, line; // running numbers of Tesseract's layout units
    int space_after;        // 1 when Tesseract's line text has a space after the word, 0 when not, -1 unknown
} ts_word;

/// Loads Tesseract (once per process) and sets OMP_THREAD_LIMIT=1 unless the user set it. Call it
/// before starting threads: setenv is not thread-safe. 0 on success, else 1 with a message.
int ts_preload(char *message, size_t message_capacity);

/// Opens an engine for `languages` (e.g. "tha+eng") with page segmentation PSM_AUTO; `datapath`
/// may be NULL (Tesseract's default tessdata). NULL on failure, with a message.
ts_engine *ts_engine_open(const char *languages, const char *datapath, char *message, size_t message_capacity);
void ts_engine_close(ts_engine *engine);

/// Recognises an 8-bit grayscale image (rows of `stride` bytes) scanned at `dpi`. On success returns 0
/// and sets *words (free with ts_words_free) and *count; non-zero when recognition failed.
int ts_engine_read(ts_engine *engine, const uint8_t *gray, int width, int height, int stride, int dpi,
                   ts_word **words, size_t *count);
void ts_words_free(ts_word *words, size_t count);

/// Paints white every run of pixels darker than `dark_below` at least `min_run` long along a row or a
/// column that is thin (light a few pixels to both sides: a table border, not a shaded cell),
/// widened by `pad` pixels on both sides. In place.
void ts_erase_lines(uint8_t *gray, int width, int height, int stride, uint8_t dark_below, int min_run, int pad);

#ifdef __cplusplus
}
#endif
#endif
