/* A C extension written before free threading: it declares nothing about the
   GIL (no PyUnstable_Module_SetGIL call; multi-phase modules have a Py_mod_gil
   slot instead), so a free-threaded build turns the GIL on when it imports it.
   transcribe.py compiles it against that build's headers. */
#include <Python.h>

static struct PyModuleDef legacy = {PyModuleDef_HEAD_INIT, "legacy", NULL, -1};

PyMODINIT_FUNC PyInit_legacy(void) { return PyModule_Create(&legacy); }
