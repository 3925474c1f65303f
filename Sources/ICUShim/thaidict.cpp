// Exact look-up in ICU's own Thai break dictionary (brkitr/thaidict.dict), the lexicon ICU's word
// BreakIterator uses. ICU has no public call for "is this a word", so this reads the dictionary
// file the way ICU's BytesDictionaryMatcher does (data layout from ICU's dictionarydata.h).
#include "icu_shim.h"
#include <unicode/udata.h>
#include <unicode/bytestrie.h>
#include <mutex>

namespace {
// Index slots and flags of the dictionary file (ICU dictionarydata.h, stable since ICU 50).
enum { IX_STRING_TRIE_OFFSET = 0, IX_TRIE_TYPE = 4, IX_TRANSFORM = 5 };
enum { TRIE_TYPE_BYTES = 0, TRIE_TYPE_MASK = 7 };
const int32_t TRANSFORM_TYPE_OFFSET = 0x1000000, TRANSFORM_TYPE_MASK = 0x7f000000,
              TRANSFORM_OFFSET_MASK = 0x1fffff;

struct ThaiDict {
    UDataMemory *file = nullptr;
    const char *trie = nullptr;
    int32_t transform = 0;
    int32_t size = -1;
};
ThaiDict dict;
std::once_flag loaded;

void load() {
    UErrorCode err = U_ZERO_ERROR;
    UDataMemory *file = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "thaidict", &err);
    if (U_FAILURE(err) || file == nullptr) return;
    const uint8_t *data = static_cast<const uint8_t *>(udata_getMemory(file));
    const int32_t *indexes = reinterpret_cast<const int32_t *>(data);
    if ((indexes[IX_TRIE_TYPE] & TRIE_TYPE_MASK) != TRIE_TYPE_BYTES) { udata_close(file); return; }
    dict.file = file;
    dict.trie = reinterpret_cast<const char *>(data + indexes[IX_STRING_TRIE_OFFSET]);
    dict.transform = indexes[IX_TRANSFORM];
}

// UTF-16 unit to the dictionary's byte alphabet (offset from U+0E00), -1 when outside it.
int32_t transformUnit(int32_t c) {
    if ((dict.transform & TRANSFORM_TYPE_MASK) != TRANSFORM_TYPE_OFFSET) return c <= 0xFF ? c : -1;
    if (c == 0x200D) return 0xFF;
    if (c == 0x200C) return 0xFE;
    int32_t delta = c - (dict.transform & TRANSFORM_OFFSET_MASK);
    if (delta < 0 || 0xFD < delta) return -1;
    return delta;
}

} // namespace

extern "C" int32_t itash_thai_dict_contains(const uint16_t *word, int32_t length) {
    std::call_once(loaded, load);
    if (dict.trie == nullptr) return -1;
    if (length <= 0) return 0;
    icu::BytesTrie trie(dict.trie);
    UStringTrieResult r = USTRINGTRIE_NO_MATCH;
    for (int32_t i = 0; i < length; i++) {
        int32_t b = transformUnit(word[i]);
        if (b < 0) return 0;
        r = i == 0 ? trie.first(b) : trie.next(b);
        if (!USTRINGTRIE_MATCHES(r)) return 0;
    }
    return USTRINGTRIE_HAS_VALUE(r) ? 1 : 0;
}

extern "C" int32_t itash_thai_dict_size(void) {
    std::call_once(loaded, load);
    if (dict.trie == nullptr) return -1;
    static std::once_flag counted;
    std::call_once(counted, [] {
        UErrorCode err = U_ZERO_ERROR;
        icu::BytesTrie::Iterator it(dict.trie, 0, err);
        int32_t n = 0;
        while (U_SUCCESS(err) && it.hasNext()) { it.next(err); n++; }
        dict.size = U_SUCCESS(err) ? n : -1;
    });
    return dict.size;
}
