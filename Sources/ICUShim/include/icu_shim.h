#ifndef ICU_SHIM_H
#define ICU_SHIM_H
// STUB header: to be replaced by the normalisation work.
int icu_shim_version(void);
#endif
