#ifndef ICU_SHIM_H
#define ICU_SHIM_H
// A small C face over system ICU for ThaiNormalise. The header names no ICU types on purpose:
// Foundation carries its own ICU, and Swift cannot import both in one module.
// Text is UTF-16 (uint16_t) throughout, as ICU wants it. Every function is safe to call from
// several threads at once (break iterators are cached per thread, the dictionary is read-only).
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU version string, e.g. "72.1".
const char *itash_icu_version(void);

/// Word boundaries of `text` from ICU's dictionary word BreakIterator (locale "th").
/// Writes up to `capacity` boundary offsets (UTF-16 units, 0 and `length` included) to `bounds`
/// and the rule status of the word ending at each boundary to `statuses` (0 for bounds[0]).
/// Returns the number of boundaries (may exceed `capacity`: call again bigger), or -1 on error.
int32_t itash_word_bounds(const uint16_t *text, int32_t length,
                          int32_t *bounds, int32_t *statuses, int32_t capacity);

/// 1 when `text` is already in NFC (quick check answered yes), else 0.
int32_t itash_nfc_is_normalized(const uint16_t *text, int32_t length);

/// NFC of `text` into `dest`; returns the length needed (may exceed `capacity`), or -1 on error.
int32_t itash_nfc(const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity);

/// 1 when NFC never composes or reorders across a point just before `c` (a safe place to cut).
int32_t itash_nfc_boundary_before(uint32_t c);

/// 1 when `word` is a whole word of ICU's Thai break dictionary (thaidict), 0 when not,
/// -1 when the dictionary could not be loaded.
int32_t itash_thai_dict_contains(const uint16_t *word, int32_t length);

/// Number of words in ICU's Thai dictionary (counted once, lazily); -1 when unavailable.
int32_t itash_thai_dict_size(void);

#ifdef __cplusplus
}
#endif
#endif
