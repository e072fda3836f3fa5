/* The per-sentence scans of kaznlp's language identification at C speed.
 *
 * kaznlp/script.py and kaznlp/langid.py hold the definitions; this helper does some of their scans in one pass
 * each, with the same results:
 *   - main_counts: the counts of UTF-8 lead bytes that script.main_script takes (ASCII letters, U+0400-U+04FF,
 *     U+0600-U+06FF where one of U+0600-U+067F is there);
 *   - script_counts: the letters of each script in a text, as script._count counts them with its regular
 *     expressions (Cyrillic U+0400-U+04FF less the `neutral` letters; Latin [A-Za-z\u00c0-\u024f\u1e00-\u1eff];
 *     Arabic [\u0600-\u06ff\ufb50-\ufeff] less its marks; other: [^\W\d_] outside those ranges);
 *   - set_counts and span_counts: how many characters of a text (or of each of its spans) are in each of a few
 *     sets (langid._set_counts, which counts them by regex);
 *   - word_sums: the words of a lower-case text (langid._WORD, [^\W\d_]+(?:'[^\W\d_]+)*, after the look-alike
 *     letters are folded), and the sums of their vectors (langid._word_vector: a dict of the words seen, and a
 *     function that makes one missing), added word by word in order, as langid._quick_classify adds them;
 *   - classify_words: word_sums, and langid._quick_from_sums' class and posterior of the sums (the same floats:
 *     the same operations in the same order, never fused).
 * Character classes are those of Python's re: \w is Py_UNICODE_ISALNUM or '_', \d is Py_UNICODE_ISDECIMAL.
 * tests/test_langid.py and tests/test_script.py check that both ways give the same on the corpora and on random
 * text.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

#define TABLE_SIZE 0x500
static unsigned char letter[TABLE_SIZE]; /* [^\W\d_] below TABLE_SIZE */

static inline int
is_letter(Py_UCS4 c)
{
    if (c < TABLE_SIZE)
        return letter[c];
    return c != '_' && Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c);
}

static inline int
is_arabic_mark(Py_UCS4 c)
{
    return (c >= 0x0600 && c <= 0x061f) || c == 0x0640 || (c >= 0x064b && c <= 0x065f) ||
           (c >= 0x066a && c <= 0x066d) || c == 0x06d4 || (c >= 0x06dd && c <= 0x06ed);
}

static PyObject *
script_counts(PyObject *self, PyObject *args)
{
    PyObject *text, *neutral;
    if (!PyArg_ParseTuple(args, "UU:script_counts", &text, &neutral))
        return NULL;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const int nkind = PyUnicode_KIND(neutral);
    const void *ndata = PyUnicode_DATA(neutral);
    const Py_ssize_t nn = PyUnicode_GET_LENGTH(neutral);
    Py_ssize_t cyr = 0, lat = 0, arab = 0, other = 0, k, j;
    unsigned char is_neutral[TABLE_SIZE];
    memset(is_neutral, 0, sizeof is_neutral);
    for (j = 0; j < nn; j++) {
        Py_UCS4 c = PyUnicode_READ(nkind, ndata, j);
        if (c < TABLE_SIZE)
            is_neutral[c] = 1;
    }
    for (k = 0; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        if (c < TABLE_SIZE ? is_neutral[c] : nn && PyUnicode_FindChar(neutral, c, 0, nn, 1) >= 0)
            cyr--; /* script._count: Cyrillic less the neutral letters, wherever they are */
        if (c < 0x80) {
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                lat++;
        }
        else if (c >= 0x0400 && c <= 0x04ff)
            cyr++;
        else if ((c >= 0x00c0 && c <= 0x024f) || (c >= 0x1e00 && c <= 0x1eff))
            lat++;
        else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfeff))
            arab += !is_arabic_mark(c);
        else if (is_letter(c))
            other++;
    }
    return Py_BuildValue("(nnnn)", cyr, lat, arab, other);
}

static PyObject *
main_counts(PyObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "main_counts() takes a str");
        return NULL;
    }
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t lat = 0, cyr = 0, arab = 0, k;
    int arab_lead = 0; /* a character of U+0600-U+067F: UTF-8 lead byte D8 or D9 */
    for (k = 0; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        if (c < 0x80)
            lat += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        else if (c >= 0x0400 && c <= 0x04ff)
            cyr++;
        else if (c >= 0x0600 && c <= 0x06ff) {
            arab++;
            arab_lead |= c <= 0x067f;
        }
    }
    return Py_BuildValue("(nnn)", lat, cyr, arab_lead ? arab : 0);
}

/* Up to 8 sets of characters as one lookup: a bit per set for the code points below TABLE_SIZE, the sets' strs
 * searched above it (only when one of them holds such a character). */
typedef struct {
    unsigned char low[TABLE_SIZE];
    PyObject *sets;
    Py_ssize_t n;
    int high; /* a set holds a character from TABLE_SIZE on */
} SetTable;

static int
set_table_init(SetTable *t, PyObject *sets)
{
    Py_ssize_t k, j;
    if (!PyTuple_Check(sets) || PyTuple_GET_SIZE(sets) > 8) {
        PyErr_SetString(PyExc_TypeError, "sets: a tuple of at most 8 str");
        return -1;
    }
    memset(t->low, 0, sizeof t->low);
    t->sets = sets;
    t->n = PyTuple_GET_SIZE(sets);
    t->high = 0;
    for (k = 0; k < t->n; k++) {
        PyObject *chars = PyTuple_GET_ITEM(sets, k);
        if (!PyUnicode_Check(chars)) {
            PyErr_SetString(PyExc_TypeError, "sets: a tuple of at most 8 str");
            return -1;
        }
        for (j = 0; j < PyUnicode_GET_LENGTH(chars); j++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(chars, j);
            if (c < TABLE_SIZE)
                t->low[c] |= (unsigned char)(1u << k);
            else
                t->high = 1;
        }
    }
    return 0;
}

static inline unsigned
set_bits(const SetTable *t, Py_UCS4 c)
{
    unsigned bits = 0;
    Py_ssize_t k;
    if (c < TABLE_SIZE)
        return t->low[c];
    if (!t->high)
        return 0;
    for (k = 0; k < t->n; k++) {
        PyObject *chars = PyTuple_GET_ITEM(t->sets, k);
        if (PyUnicode_FindChar(chars, c, 0, PyUnicode_GET_LENGTH(chars), 1) >= 0)
            bits |= 1u << k;
    }
    return bits;
}

/* The tables of the last sets given (callers pass the same few tuples again and again): each built once, not
 * per call. A reference to each tuple is kept, so that its address names no other object. */
#define TABLES 4
static SetTable tables[TABLES];
static PyObject *table_sets[TABLES];
static int next_table = 0;

static const SetTable *
table_of(PyObject *sets)
{
    int k;
    Py_ssize_t j, n = PyTuple_Check(sets) ? PyTuple_GET_SIZE(sets) : -1;
    for (k = 0; k < TABLES; k++) { /* the same tuple, or one of the same str objects (mypyc boxes a new tuple) */
        PyObject *known = table_sets[k];
        if (known == sets)
            return &tables[k];
        if (known == NULL || n < 0 || PyTuple_GET_SIZE(known) != n)
            continue;
        for (j = 0; j < n && PyTuple_GET_ITEM(known, j) == PyTuple_GET_ITEM(sets, j); j++)
            ;
        if (j == n)
            return &tables[k];
    }
    k = next_table;
    next_table = (next_table + 1) % TABLES;
    Py_CLEAR(table_sets[k]);
    if (set_table_init(&tables[k], sets) < 0)
        return NULL;
    Py_INCREF(sets);
    table_sets[k] = sets;
    return &tables[k];
}

static PyObject *
set_counts(PyObject *self, PyObject *args)
{
    PyObject *text, *sets;
    const SetTable *t;
    Py_ssize_t counts[8] = {0}, k, j;
    if (!PyArg_ParseTuple(args, "UO:set_counts", &text, &sets) || (t = table_of(sets)) == NULL)
        return NULL;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (k = 0; k < n; k++) {
        unsigned bits = set_bits(t, PyUnicode_READ(kind, data, k));
        for (j = 0; bits; j++, bits >>= 1)
            counts[j] += bits & 1;
    }
    PyObject *out = PyTuple_New(t->n);
    if (out == NULL)
        return NULL;
    for (j = 0; j < t->n; j++) {
        PyObject *v = PyLong_FromSsize_t(counts[j]);
        if (v == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyTuple_SET_ITEM(out, j, v);
    }
    return out;
}

static PyObject *
span_counts(PyObject *self, PyObject *args)
{
    PyObject *text, *spans, *chars;
    SetTable t;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "UOU:span_counts", &text, &spans, &chars))
        return NULL;
    PyObject *one = PyTuple_Pack(1, chars);
    if (one == NULL)
        return NULL;
    if (set_table_init(&t, one) < 0) {
        Py_DECREF(one);
        return NULL;
    }
    PyObject *seq = PySequence_Fast(spans, "spans: a sequence of (start, end)");
    PyObject *out = seq ? PyList_New(PySequence_Fast_GET_SIZE(seq)) : NULL;
    if (out == NULL)
        goto fail;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (k = 0; k < PySequence_Fast_GET_SIZE(seq); k++) {
        Py_ssize_t s, e, count = 0, j;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, k), "nn", &s, &e))
            goto fail;
        /* as a pattern's findall(text, s, e) takes its bounds */
        s = s < 0 ? 0 : s > n ? n : s;
        e = e < 0 ? 0 : e > n ? n : e;
        for (j = s; j < e; j++)
            count += set_bits(&t, PyUnicode_READ(kind, data, j)) & 1;
        PyObject *v = PyLong_FromSsize_t(count);
        if (v == NULL)
            goto fail;
        PyList_SET_ITEM(out, k, v);
    }
    Py_DECREF(one);
    Py_DECREF(seq);
    return out;
fail:
    Py_DECREF(one);
    Py_XDECREF(seq);
    Py_XDECREF(out);
    return NULL;
}

/* Adds the vector of `word` (a tuple of 6 floats and an int) to the sums; 0, or -1 with an error set. */
static int
add_vector(PyObject *vectors, PyObject *make, PyObject *word, double *s, Py_ssize_t *count)
{
    PyObject *v = PyDict_GetItemWithError(vectors, word); /* borrowed */
    PyObject *made = NULL;
    int k;
    if (v == NULL) {
        if (PyErr_Occurred())
            return -1;
        made = PyObject_CallOneArg(make, word);
        if (made == NULL)
            return -1;
        v = made;
    }
    if (!PyTuple_Check(v) || PyTuple_GET_SIZE(v) != 7) {
        PyErr_SetString(PyExc_TypeError, "a word vector is a tuple of 6 floats and a count");
        Py_XDECREF(made);
        return -1;
    }
    for (k = 0; k < 6; k++) {
        double x = PyFloat_AsDouble(PyTuple_GET_ITEM(v, k));
        if (x == -1.0 && PyErr_Occurred()) {
            Py_XDECREF(made);
            return -1;
        }
        s[k] += x;
    }
    Py_ssize_t c = PyLong_AsSsize_t(PyTuple_GET_ITEM(v, 6));
    Py_XDECREF(made);
    if (c == -1 && PyErr_Occurred())
        return -1;
    *count += c;
    return 0;
}

/* The words of `low` (appended to `words`) and the sums of their vectors (s, count); 0, or -1 with an error set. */
static int
scan_words(PyObject *low, PyObject *fold_src, PyObject *fold_dst, PyObject *vectors, PyObject *make,
           PyObject *words, double *s, Py_ssize_t *count)
{
    const Py_ssize_t nf = PyUnicode_GET_LENGTH(fold_src);
    if (PyUnicode_GET_LENGTH(fold_dst) != nf) {
        PyErr_SetString(PyExc_ValueError, "fold_src and fold_dst differ in length");
        return -1;
    }
    const int kind = PyUnicode_KIND(low);
    const void *data = PyUnicode_DATA(low);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(low);
    Py_ssize_t p = 0, q, k;
    Py_UCS4 *buf = PyMem_New(Py_UCS4, n > 0 ? n : 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    while (p < n) {
        if (!is_letter(PyUnicode_READ(kind, data, p))) {
            p++;
            continue;
        }
        q = p + 1;
        for (;;) { /* [^\W\d_]+(?:'[^\W\d_]+)* */
            while (q < n && is_letter(PyUnicode_READ(kind, data, q)))
                q++;
            if (q + 1 < n && PyUnicode_READ(kind, data, q) == '\'' && is_letter(PyUnicode_READ(kind, data, q + 1)))
                q += 2;
            else
                break;
        }
        for (k = p; k < q; k++) { /* the word, its look-alike letters folded */
            Py_UCS4 c = PyUnicode_READ(kind, data, k);
            Py_ssize_t j;
            for (j = 0; j < nf; j++) {
                if (PyUnicode_READ_CHAR(fold_src, j) == c) {
                    c = PyUnicode_READ_CHAR(fold_dst, j);
                    break;
                }
            }
            buf[k - p] = c;
        }
        PyObject *w = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, q - p);
        if (w == NULL || PyList_Append(words, w) < 0 || add_vector(vectors, make, w, s, count) < 0) {
            Py_XDECREF(w);
            PyMem_Free(buf);
            return -1;
        }
        Py_DECREF(w);
        p = q;
    }
    PyMem_Free(buf);
    return 0;
}

static PyObject *
word_sums(PyObject *self, PyObject *args)
{
    PyObject *low, *fold_src, *fold_dst, *vectors, *make;
    double s[6] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    Py_ssize_t count = 0;
    if (!PyArg_ParseTuple(args, "UUUO!O:word_sums", &low, &fold_src, &fold_dst, &PyDict_Type, &vectors, &make))
        return NULL;
    PyObject *words = PyList_New(0);
    if (words == NULL || scan_words(low, fold_src, fold_dst, vectors, make, words, s, &count) < 0) {
        Py_XDECREF(words);
        return NULL;
    }
    return Py_BuildValue("(N(dddddd)n)", words, s[0], s[1], s[2], s[3], s[4], s[5], count);
}

/* langid._quick_from_sums' arithmetic, operation for operation (compiled without contracting a*b+c into one
 * rounding: -ffp-contract=off), up to the rounding check, which stays in Python: the class k (-1: none, ask
 * the model), its posterior p and the bound dp on p's error. */
static void
quick_class(const double *s, Py_ssize_t count, const double *prior, double scale, int *best, double *p, double *dp)
{
    const double U = 1.1102230246251565e-16; /* 2**-53 */
    const double n = (double)count;
    double z[6], big_sum, big_ll = 0.0, top, second, dz, total = 0.0;
    int k = 0, j;
    *best = -1;
    if (count == 0)
        return;
    for (j = 0; j < 6; j++)
        z[j] = (prior[j] + s[j]) * scale / n;
    big_sum = s[0];
    for (j = 1; j < 6; j++)
        if (s[j] < big_sum)
            big_sum = s[j];
    big_sum = -big_sum;
    for (j = 0; j < 6; j++) {
        double a = fabs(prior[j] + s[j]);
        if (j == 0 || a > big_ll)
            big_ll = a;
    }
    for (j = 1; j < 6; j++)
        if (z[j] > z[k])
            k = j;
    top = z[k];
    second = -INFINITY;
    for (j = 0; j < 6; j++)
        if (j != k && z[j] > second)
            second = z[j];
    dz = (4.0 * n * U * big_sum + 1e-12 * big_ll) * fabs(scale) / n + 1e-12 * fabs(top) + 1e-12 * fabs(second);
    if (top - second <= 2.0 * dz + 1e-9)
        return;
    for (j = 0; j < 6; j++)
        total += exp(z[j] - top);
    *p = 1.0 / total;
    *dp = 2.01 * dz * *p + 1e-11;
    *best = k;
}

static PyObject *
classify_words(PyObject *self, PyObject *args)
{
    PyObject *low, *fold_src, *fold_dst, *vectors, *make;
    double s[6] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0}, prior[6], scale, p = 0.0, dp = 0.0;
    Py_ssize_t count = 0;
    int best;
    if (!PyArg_ParseTuple(args, "UUUO!O(dddddd)d:classify_words", &low, &fold_src, &fold_dst, &PyDict_Type, &vectors,
                          &make, &prior[0], &prior[1], &prior[2], &prior[3], &prior[4], &prior[5], &scale))
        return NULL;
    PyObject *words = PyList_New(0);
    if (words == NULL || scan_words(low, fold_src, fold_dst, vectors, make, words, s, &count) < 0) {
        Py_XDECREF(words);
        return NULL;
    }
    quick_class(s, count, prior, scale, &best, &p, &dp);
    return Py_BuildValue("(Nidd)", words, best, p, dp);
}

static PyMethodDef methods[] = {
    {"set_counts", set_counts, METH_VARARGS,
     "set_counts(text, sets) -> tuple: for each str of the tuple sets (at most 8), the characters of text that are "
     "in it."},
    {"span_counts", span_counts, METH_VARARGS,
     "span_counts(text, spans, chars) -> list: for each (start, end) of spans, the characters of text[start:end] "
     "that are in chars."},
    {"main_counts", main_counts, METH_O,
     "main_counts(text) -> (latin, cyrillic, arabic): ASCII letters, U+0400-U+04FF, and U+0600-U+06FF where one "
     "of U+0600-U+067F is there (0 otherwise): script.main_script's counts of UTF-8 bytes."},
    {"script_counts", script_counts, METH_VARARGS,
     "script_counts(text, neutral) -> (cyrillic, latin, arabic, other): the letters of each script in text."},
    {"classify_words", classify_words, METH_VARARGS,
     "classify_words(low, fold_src, fold_dst, vectors, make, prior, scale) -> (words, k, p, dp): word_sums' words "
     "and the quick classifier's class k of their sums (-1: none), its posterior p and p's error bound dp."},
    {"word_sums", word_sums, METH_VARARGS,
     "word_sums(low, fold_src, fold_dst, vectors, make) -> (words, sums, n): the words of a lower-case text, "
     "look-alike letters folded, and the sums of their vectors (vectors.get(w) or make(w)) and of their counts."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_langscan",
                                    "kaznlp's language identification scans in C.", -1, methods};

PyMODINIT_FUNC
PyInit__langscan(void)
{
    Py_UCS4 c;
    for (c = 0; c < TABLE_SIZE; c++)
        letter[c] = c != '_' && Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c);
    return PyModule_Create(&module);
}
