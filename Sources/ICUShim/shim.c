// ICU calls are macros renamed to versioned symbols (ubrk_open -> ubrk_open_72), which Swift
// cannot import: this file is the C layer that makes them plain functions.
#include "icu_shim.h"
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <stdio.h>

const char *itash_icu_version(void) {
    static char buf[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, buf);
    return buf;
}

// One break iterator per thread: ubrk_open loads the rules and the dictionary engine, which is
// far too slow to do per text segment, and an iterator must not be shared between threads.
static _Thread_local UBreakIterator *tl_breaker = NULL;

int32_t itash_word_bounds(const uint16_t *text, int32_t length,
                          int32_t *bounds, int32_t *statuses, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    if (tl_breaker == NULL) {
        tl_breaker = ubrk_open(UBRK_WORD, "th", NULL, 0, &err);
        if (U_FAILURE(err)) { tl_breaker = NULL; return -1; }
    }
    ubrk_setText(tl_breaker, (const UChar *)text, length, &err);
    if (U_FAILURE(err)) return -1;
    int32_t n = 0;
    int32_t pos = ubrk_first(tl_breaker);
    while (pos != UBRK_DONE) {
        if (n < capacity) {
            bounds[n] = pos;
            statuses[n] = n == 0 ? 0 : ubrk_getRuleStatus(tl_breaker);
        }
        n++;
        pos = ubrk_next(tl_breaker);
    }
    // Drop the pointer to the caller's buffer, which is about to go away.
    ubrk_setText(tl_breaker, NULL, 0, &err);
    return n;
}

int32_t itash_nfc_is_normalized(const uint16_t *text, int32_t length) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return 0;
    UBool ok = unorm2_isNormalized(nfc, (const UChar *)text, length, &err);
    return U_SUCCESS(err) && ok ? 1 : 0;
}

int32_t itash_nfc(const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return -1;
    int32_t n = unorm2_normalize(nfc, (const UChar *)text, length, (UChar *)dest, capacity, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(err)) return n;
    return -1;
}

int32_t itash_nfc_boundary_before(uint32_t c) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return 1;
    return unorm2_hasBoundaryBefore(nfc, (UChar32)c) ? 1 : 0;
}
