/* The common case of kaznlp.normalize at C speed: one pass for what web text needs most.
 *
 * kaznlp/normalize.py holds the definition (normalize_characters). For a text already in NFC, this helper does
 * its three steps in two passes over the characters:
 *   - zero-width characters (`drops`) are removed, unless a combining mark follows one (it is then a cluster of
 *     its own and stays, as normalize.py keeps it), with a map of each kept character's original offset;
 *   - each character of `src` becomes the one at its place in `dst` (spaces, dashes, quotes: one for one);
 *   - in each word (a run of \p{Cyrillic} and \p{Latin} letters, as `table` marks them), the Latin look-alikes
 *     (`lookalikes`: a Cyrillic letter for each ASCII letter that has one, NUL for the others) become Cyrillic
 *     where an ASCII letter stands next to a letter of the Cyrillic block U+0400-U+04FF, no other Latin letter
 *     is in the word and half its letters or more are of that block: the general rule of _fix_homoglyphs.
 * `table` has one byte for each code point below 0x10000: bit 1 a word character, bit 2 a Latin letter that is
 * no look-alike, bit 4 a combining mark (unicodedata.combining), bit 8 one of `src`, bit 16 one of `drops` (a
 * look-up, so that the lists are searched only for their own characters). It returns None where it cannot be sure, and
 * normalize.py then does the work itself: a letter of the Latin or Cyrillic script above 0xFFFF may be in the
 * text (U+10780-U+1E08F), or a zero-width character stands before a character above 0xFFFF.
 * tests/test_normalize.py checks that both give the same text and map on the corpora and on random text.
 * case_steps finds the upper-case letters glued between lower-case ones, as normalize._CASE_STEP_RE does.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define WORD 1
#define OTHER_LATIN 2
#define COMBINING 4
#define REPLACED 8
#define DROPPED 16
#define ASTRAL_LETTERS_LO 0x10780
#define ASTRAL_LETTERS_HI 0x1E08F

static inline int
in_set(Py_UCS4 c, const Py_UCS4 *set, Py_ssize_t n)
{
    for (Py_ssize_t k = 0; k < n; k++)
        if (set[k] == c)
            return 1;
    return 0;
}

static inline Py_ssize_t
index_of(Py_UCS4 c, const Py_UCS4 *set, Py_ssize_t n)
{
    for (Py_ssize_t k = 0; k < n; k++)
        if (set[k] == c)
            return k;
    return -1;
}

static inline int
is_ascii_letter(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static inline int
in_block(Py_UCS4 c)
{
    return c >= 0x400 && c <= 0x4FF;
}

static PyObject *
fast(PyObject *self, PyObject *args)
{
    PyObject *text, *drops_obj, *src_obj, *dst_obj, *lookalikes_obj;
    Py_buffer table;
    if (!PyArg_ParseTuple(args, "UUUUUy*", &text, &drops_obj, &src_obj, &dst_obj, &lookalikes_obj, &table))
        return NULL;
    PyObject *result = NULL;
    Py_UCS4 *out = NULL, *drops = NULL, *src = NULL, *dst = NULL;
    long long *map = NULL;
    const unsigned char *cls = (const unsigned char *)table.buf;
    if (table.len < 0x10000 || PyUnicode_GET_LENGTH(lookalikes_obj) < 128 ||
        PyUnicode_GET_LENGTH(src_obj) != PyUnicode_GET_LENGTH(dst_obj)) {
        PyErr_SetString(PyExc_ValueError, "table: 0x10000 code points, lookalikes: 128, src and dst: one length");
        goto done;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t nd = PyUnicode_GET_LENGTH(drops_obj), ns = PyUnicode_GET_LENGTH(src_obj);
    drops = PyUnicode_AsUCS4Copy(drops_obj);
    src = PyUnicode_AsUCS4Copy(src_obj);
    dst = PyUnicode_AsUCS4Copy(dst_obj);
    out = PyMem_Malloc(sizeof(Py_UCS4) * (n + 1));
    if (drops == NULL || src == NULL || dst == NULL || out == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int any_drop = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= ASTRAL_LETTERS_LO && c <= ASTRAL_LETTERS_HI) {
            result = Py_NewRef(Py_None);
            goto done;
        }
        if (c <= 0xFFFF && (cls[c] & DROPPED) && in_set(c, drops, nd))
            any_drop = 1;
    }
    if (any_drop) {
        map = PyMem_Malloc(sizeof(long long) * (n + 1));
        if (map == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    Py_ssize_t j = 0;
    int changed = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (any_drop && c <= 0xFFFF && (cls[c] & DROPPED) && in_set(c, drops, nd)) {
            Py_UCS4 next = i + 1 < n ? PyUnicode_READ(kind, data, i + 1) : 0;
            if (next > 0xFFFF) {
                result = Py_NewRef(Py_None);
                goto done;
            }
            if (!(i + 1 < n && !in_set(next, drops, nd) && (cls[next] & COMBINING))) {
                changed = 1;
                continue;
            }
        }
        else if (c <= 0xFFFF && (cls[c] & REPLACED)) {
            Py_ssize_t k = index_of(c, src, ns);
            if (k >= 0) {
                c = dst[k];
                changed = 1;
            }
        }
        out[j] = c;
        if (map)
            map[j] = i;
        j++;
    }
    if (map)
        map[j] = n;
    /* the words: runs of word characters */
    Py_ssize_t s = 0;
    while (s < j) {
        if (!(out[s] <= 0xFFFF && (cls[out[s]] & WORD))) {
            s++;
            continue;
        }
        Py_ssize_t e = s;
        int mixed = 0, other = 0;
        Py_ssize_t block = 0;
        while (e < j && out[e] <= 0xFFFF && (cls[out[e]] & WORD)) {
            Py_UCS4 c = out[e];
            if (cls[c] & OTHER_LATIN)
                other = 1;
            if (in_block(c))
                block++;
            else if (is_ascii_letter(c) && ((e > s && in_block(out[e - 1])) ||
                                            (e + 1 < j && out[e + 1] <= 0xFFFF && (cls[out[e + 1]] & WORD) &&
                                             in_block(out[e + 1]))))
                mixed = 1;
            e++;
        }
        if (mixed && !other && block * 2 >= e - s) {
            for (Py_ssize_t k = s; k < e; k++) {
                Py_UCS4 c = out[k];
                if (c < 128) {
                    Py_UCS4 r = PyUnicode_READ_CHAR(lookalikes_obj, c);
                    if (r) {
                        out[k] = r;
                        changed = 1;
                    }
                }
            }
        }
        s = e;
    }
    if (!changed && !any_drop) {
        result = Py_BuildValue("(OO)", text, Py_None);
        goto done;
    }
    PyObject *new_text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, j);
    if (new_text == NULL)
        goto done;
    if (map) {
        PyObject *map_bytes = PyBytes_FromStringAndSize((const char *)map, sizeof(long long) * (j + 1));
        if (map_bytes == NULL) {
            Py_DECREF(new_text);
            goto done;
        }
        result = Py_BuildValue("(NN)", new_text, map_bytes);
    }
    else
        result = Py_BuildValue("(NO)", new_text, Py_None);
done:
    PyMem_Free(out);
    PyMem_Free(map);
    PyMem_Free(drops);
    PyMem_Free(src);
    PyMem_Free(dst);
    PyBuffer_Release(&table);
    return result;
}

/* Sets `bit` in cls for each character of `chars` below 0x500; 1 where one lies at 0x500 or above. */
static int
mark(unsigned char *cls, PyObject *chars, unsigned char bit)
{
    int high = 0;
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(chars); k++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(chars, k);
        if (c < 0x500)
            cls[c] |= bit;
        else
            high = 1;
    }
    return high;
}

/* The offsets p where text[p] is one of `upper` between two of `lower` (normalize._CASE_STEP_RE's matches). */
static PyObject *
case_steps(PyObject *self, PyObject *args)
{
    PyObject *text, *lower, *upper;
    unsigned char cls[0x500]; /* 1: in lower, 2: in upper, for the code points below 0x500 */
    Py_ssize_t k;
    int high; /* a letter of either at 0x500 or above: those are searched in the strs */
    if (!PyArg_ParseTuple(args, "UUU:case_steps", &text, &lower, &upper))
        return NULL;
    memset(cls, 0, sizeof cls);
    high = mark(cls, lower, 1) | mark(cls, upper, 2);
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
#define CLASS_OF(c)                                                                                                    \
    ((c) < 0x500 ? cls[c]                                                                                              \
     : high      ? (PyUnicode_FindChar(lower, (c), 0, PyUnicode_GET_LENGTH(lower), 1) >= 0) |                          \
                   (PyUnicode_FindChar(upper, (c), 0, PyUnicode_GET_LENGTH(upper), 1) >= 0) << 1                       \
                 : 0)
    int before = 0, here = n > 0 ? CLASS_OF(PyUnicode_READ(kind, data, 0)) : 0;
    for (k = 0; k + 1 < n; k++) {
        int after = CLASS_OF(PyUnicode_READ(kind, data, k + 1));
        if ((here & 2) && (before & 1) && (after & 1)) {
            PyObject *v = PyLong_FromSsize_t(k);
            if (v == NULL || PyList_Append(out, v) < 0) {
                Py_XDECREF(v);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(v);
        }
        before = here;
        here = after;
    }
#undef CLASS_OF
    return out;
}

static PyMethodDef methods[] = {
    {"fast", fast, METH_VARARGS,
     "fast(text, drops, src, dst, lookalikes, table) -> (text, map bytes or None) or None: see kaznlp/normalize.py"},
    {"case_steps", case_steps, METH_VARARGS,
     "case_steps(text, lower, upper) -> list: the offsets of a letter of upper between two of lower."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_normscan", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__normscan(void)
{
    return PyModule_Create(&module);
}
