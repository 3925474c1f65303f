#ifndef POPPLER_SHIM_H
#define POPPLER_SHIM_H
#ifdef __cplusplus
extern "C" {
#endif
// STUB header: to be replaced by the extraction work.
int ps_version(void);
#ifdef __cplusplus
}
#endif
#endif
