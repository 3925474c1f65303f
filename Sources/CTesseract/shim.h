// Headers only: the library itself is loaded with dlopen by TesseractShim (see tesseract_shim.c).
#include <tesseract/capi.h>
