/* The fact extractor's number anchors at C speed: the tokens where a number may start.
 *
 * kaznlp/facts/extractor.py holds the definition (anchors_by_lookup: one lookup per token in a dict that computes
 * missing words); this helper asks that dict only at the words that may be numbers, by their first characters.
 * tests/test_tokenizer.py checks that both give the same anchors on the corpora and on random text. runs_of finds
 * the tokens that may be Roman numerals (tests/test_extract.py).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* \d as Python's str.isdecimal */
static inline int
is_decimal(Py_UCS4 c)
{
    return c < 0x80 ? (c >= '0' && c <= '9') : Py_UNICODE_ISDECIMAL(c);
}

/* anchors(words, pairs, cache) -> the indices k of words where cache[words[k]] is true, asked only where it may be:
 * a word that starts with a decimal digit is an anchor; a word whose first two characters, lower-cased, are not one
 * of `pairs` (a str of two-character prefixes, Latin and Cyrillic) is not; every other word is looked up in
 * `cache` (a dict; a subclass may compute missing words). The fact extractor's number anchors, without a Python
 * call per token. */
#define PAIR_SPAN 384 /* ASCII and the Cyrillic block, folded into 0..383 */
static unsigned char pair_bits[PAIR_SPAN * PAIR_SPAN / 8];
static PyObject *pair_source = NULL; /* the pairs str that pair_bits was built from */

static inline int
pair_index(Py_UCS4 c)
{
    if (c < 0x80)
        return (int)c;
    if (c >= 0x400 && c < 0x500)
        return (int)(c - 0x400 + 0x80);
    return -1;
}

static int
build_pairs(PyObject *pairs)
{
    Py_ssize_t k, n = PyUnicode_GET_LENGTH(pairs);
    if (n % 2) {
        PyErr_SetString(PyExc_ValueError, "pairs: a str of two-character prefixes");
        return -1;
    }
    memset(pair_bits, 0, sizeof pair_bits);
    for (k = 0; k < n; k += 2) {
        int a = pair_index(PyUnicode_READ_CHAR(pairs, k)), b = pair_index(PyUnicode_READ_CHAR(pairs, k + 1));
        if (a < 0 || b < 0) {
            PyErr_SetString(PyExc_ValueError, "pairs: ASCII and Cyrillic characters only");
            return -1;
        }
        pair_bits[(a * PAIR_SPAN + b) / 8] |= 1 << ((a * PAIR_SPAN + b) % 8);
    }
    Py_INCREF(pairs);
    Py_XSETREF(pair_source, pairs);
    return 0;
}

static PyObject *
anchors(PyObject *self, PyObject *args)
{
    PyObject *words, *pairs, *cache, *out;
    Py_ssize_t k, n;
    if (!PyArg_ParseTuple(args, "O!UO:anchors", &PyList_Type, &words, &pairs, &cache))
        return NULL;
    if (pairs != pair_source && build_pairs(pairs) < 0)
        return NULL;
    out = PyList_New(0);
    if (out == NULL)
        return NULL;
    n = PyList_GET_SIZE(words);
    for (k = 0; k < n; k++) {
        PyObject *w = PyList_GET_ITEM(words, k);
        int yes;
        if (!PyUnicode_Check(w) || PyUnicode_GET_LENGTH(w) == 0) {
            yes = -1; /* not a word: ask the cache */
        }
        else {
            Py_UCS4 c0 = PyUnicode_READ_CHAR(w, 0);
            if (is_decimal(c0)) {
                yes = 1;
            }
            else if (PyUnicode_GET_LENGTH(w) < 2) {
                yes = -1;
            }
            else {
                int a = pair_index(Py_UNICODE_TOLOWER(c0));
                int b = pair_index(Py_UNICODE_TOLOWER(PyUnicode_READ_CHAR(w, 1)));
                if (a < 0 || b < 0 || pair_index(c0) < 0)
                    yes = -1; /* outside the table: ask */
                else
                    yes = (pair_bits[(a * PAIR_SPAN + b) / 8] >> ((a * PAIR_SPAN + b) % 8)) & 1 ? -1 : 0;
            }
        }
        if (yes < 0) {
            PyObject *v = PyObject_GetItem(cache, w);
            if (v == NULL)
                goto fail;
            yes = PyObject_IsTrue(v);
            Py_DECREF(v);
            if (yes < 0)
                goto fail;
        }
        if (yes) {
            PyObject *i = PyLong_FromSsize_t(k);
            if (i == NULL || PyList_Append(out, i) < 0) {
                Py_XDECREF(i);
                goto fail;
            }
            Py_DECREF(i);
        }
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* runs_of(words, chars, max_len) -> the indices k of words of 1 to max_len characters, every one of them in chars:
 * the tokens that may be a Roman numeral, without a Python call per token. */
static PyObject *
runs_of(PyObject *self, PyObject *args)
{
    PyObject *words, *chars;
    Py_ssize_t max_len, k, j;
    unsigned char low[0x500];
    if (!PyArg_ParseTuple(args, "O!Un:runs_of", &PyList_Type, &words, &chars, &max_len))
        return NULL;
    memset(low, 0, sizeof low);
    const Py_ssize_t nc = PyUnicode_GET_LENGTH(chars);
    for (j = 0; j < nc; j++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(chars, j);
        if (c < 0x500)
            low[c] = 1;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (k = 0; k < PyList_GET_SIZE(words); k++) {
        PyObject *w = PyList_GET_ITEM(words, k);
        if (!PyUnicode_Check(w)) {
            Py_DECREF(out);
            PyErr_SetString(PyExc_TypeError, "words: a list of str");
            return NULL;
        }
        const Py_ssize_t n = PyUnicode_GET_LENGTH(w);
        if (n < 1 || n > max_len)
            continue;
        const int kind = PyUnicode_KIND(w);
        const void *data = PyUnicode_DATA(w);
        for (j = 0; j < n; j++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, j);
            if (c < 0x500 ? !low[c] : PyUnicode_FindChar(chars, c, 0, nc, 1) < 0)
                break;
        }
        if (j < n)
            continue;
        PyObject *v = PyLong_FromSsize_t(k);
        if (v == NULL || PyList_Append(out, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(v);
    }
    return out;
}

static PyMethodDef methods[] = {
    {"runs_of", runs_of, METH_VARARGS,
     "runs_of(words, chars, max_len) -> indices of the words of 1 to max_len characters, all of them in chars."},
    {"anchors", anchors, METH_VARARGS,
     "anchors(words, pairs, cache) -> indices of the words where a number may start: a decimal digit first, or "
     "cache[word] where the word's first two characters, lower-cased, are one of pairs."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_number_anchors",
                                    "The fact extractor's number anchors in C.", -1, methods};

PyMODINIT_FUNC
PyInit__number_anchors(void)
{
    return PyModule_Create(&module);
}
