#include "poppler_shim.h"
#include <poppler/cpp/poppler-document.h>
#include <poppler.h>
extern "C" int ps_version(void) { return 1; }
