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
    int has_baseline;       // 1 when base_* hold the word's line's baseline
    int base_x0, base_y0, base_x1, base_y1; // two pixel points on the line's baseline (its slope is the skew)
} ts_word;

/// One dark run of a ruling line: along row `at` from x = from to x = to (horizontal), or along
/// column `at` from y = from to y = to (vertical); pixels, end exclusive.
typedef struct {
    int horizontal;
    int at, from, to;
} ts_run;

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

/// Runs of pixels darker than `dark_below`, at least `min_run` long, that are thin: `pad` + 3
/// pixels to both sides, under `max_dark_permille` thousandths of the run's length is dark
/// (`ts_erase_lines` uses 500); rows first top to bottom, then columns left to right, in *runs (free
/// with ts_runs_free), *count of them. Nothing is painted. 0 on success; non-zero when memory ran out
/// (nothing returned).
int ts_thin_runs(const uint8_t *gray, int width, int height, int stride, uint8_t dark_below, int min_run, int pad,
                 int max_dark_permille, ts_run **runs, size_t *count);
/// Paints white each of `runs`, widened by `pad` pixels on both sides across it. In place.
void ts_erase_runs(uint8_t *gray, int width, int height, int stride, const ts_run *runs, size_t count, int pad);
void ts_runs_free(ts_run *runs);

#ifdef __cplusplus
}
#endif
#endif
