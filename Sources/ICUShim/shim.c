#include "icu_shim.h"
#include <unicode/ubrk.h>
int icu_shim_version(void) { return 1; }
