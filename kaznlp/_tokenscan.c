/* The common case of kaznlp's tokenizer at C speed.
 *
 * kaznlp/tokenizer.py holds the tokenizer's definition: one regular expression (TOKEN_PATTERN). This scanner
 * takes the three shapes that make most tokens of Kazakh text and that the pattern's first alternatives match
 * exactly:
 *   - a word: a letter, then word characters, followed by none of the characters in `word_stop`;
 *   - a plain number: decimal digits followed by nothing of [\w.,@-];
 *   - one punctuation character that no alternative but the last can start (not in `punct_stop`), and one of
 *     ". % ! ?" where what follows cannot make it "...", an e-mail, "%-ға" or "?!".
 * Everywhere else it calls the pattern's own `match` at that position, so every token is the pattern's token.
 * Character classes are those of Python's re: \w is Py_UNICODE_ISALNUM or '_', \d is Py_UNICODE_ISDECIMAL, and
 * the whitespace before a token is Py_UNICODE_ISSPACE (str.isspace). tests/test_tokenizer.py checks that both
 * paths give the same tokens on the corpora and on random text.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
in_set(PyObject *set, Py_UCS4 c)
{
    return PyUnicode_FindChar(set, c, 0, PyUnicode_GET_LENGTH(set), 1) >= 0;
}

static int
append_token(PyObject *words, PyObject *starts, PyObject *ends, PyObject *word, Py_ssize_t s, Py_ssize_t e)
{
    PyObject *ps, *pe;
    int rc;
    if (word == NULL)
        return -1;
    ps = PyLong_FromSsize_t(s);
    pe = PyLong_FromSsize_t(e);
    rc = (ps && pe && PyList_Append(words, word) == 0 && PyList_Append(starts, ps) == 0 &&
          PyList_Append(ends, pe) == 0) ? 0 : -1;
    Py_DECREF(word);
    Py_XDECREF(ps);
    Py_XDECREF(pe);
    return rc;
}

/* The pattern's own match at `pos`: 0 and the token, 1 at trailing whitespace (no token), -1 on error. */
static int
match_at(PyObject *match, PyObject *text, Py_ssize_t pos, PyObject **word, Py_ssize_t *start, Py_ssize_t *end)
{
    PyObject *m, *raw, *stripped, *e;
    m = PyObject_CallFunction(match, "On", text, pos);
    if (m == NULL)
        return -1;
    if (m == Py_None) {
        Py_DECREF(m);
        return 1;
    }
    raw = PyObject_CallMethod(m, "group", NULL);
    e = PyObject_CallMethod(m, "end", NULL);
    Py_DECREF(m);
    if (raw == NULL || e == NULL) {
        Py_XDECREF(raw);
        Py_XDECREF(e);
        return -1;
    }
    *end = PyLong_AsSsize_t(e);
    Py_DECREF(e);
    stripped = PyObject_CallMethod(raw, "lstrip", NULL);
    Py_DECREF(raw);
    if (stripped == NULL || (*end == -1 && PyErr_Occurred())) {
        Py_XDECREF(stripped);
        return -1;
    }
    *start = *end - PyUnicode_GET_LENGTH(stripped);
    *word = stripped;
    return 0;
}

#define IS_WORD_CHAR(c) (Py_UNICODE_ISALNUM(c) || (c) == '_')

static PyObject *
scan(PyObject *self, PyObject *args)
{
    PyObject *text, *match, *word_stop, *punct_stop;
    PyObject *words = NULL, *starts = NULL, *ends = NULL;
    if (!PyArg_ParseTuple(args, "UOUU:scan", &text, &match, &word_stop, &punct_stop))
        return NULL;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    words = PyList_New(0);
    starts = PyList_New(0);
    ends = PyList_New(0);
    if (!words || !starts || !ends)
        goto fail;
    Py_ssize_t pos = 0;
    while (pos < n) {
        Py_ssize_t p = pos, q = -1;
        while (p < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, p)))
            p++;
        if (p == n)
            break;
        Py_UCS4 c = PyUnicode_READ(kind, data, p);
        if (Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c)) { /* a letter: [^\W\d_] */
            q = p + 1;
            while (q < n && IS_WORD_CHAR(PyUnicode_READ(kind, data, q)))
                q++;
            if (q < n && in_set(word_stop, PyUnicode_READ(kind, data, q)))
                q = -1;
        }
        else if (Py_UNICODE_ISDECIMAL(c)) {
            q = p + 1;
            while (q < n && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, q)))
                q++;
            if (q < n) {
                Py_UCS4 d = PyUnicode_READ(kind, data, q);
                if (IS_WORD_CHAR(d) || d == '.' || d == ',' || d == '@' || d == '-')
                    q = -1;
            }
        }
        else if (c != '_' && !in_set(punct_stop, c)) {
            q = p + 1;
        }
        else if (c == '.' || c == '%' || c == '!' || c == '?') {
            /* alone unless what follows may make it "...", an e-mail (.a@b.kz), "%-ға" or "?!" */
            Py_UCS4 d = p + 1 < n ? PyUnicode_READ(kind, data, p + 1) : ' ';
            if (c == '.' ? !(IS_WORD_CHAR(d) || d == '.' || d == '+' || d == '-' || d == '@')
                         : c == '%' ? d != '-' : d != '!' && d != '?')
                q = p + 1;
        }
        if (q >= 0) {
            if (append_token(words, starts, ends, PyUnicode_Substring(text, p, q), p, q) < 0)
                goto fail;
            pos = q;
            continue;
        }
        PyObject *w = NULL;
        Py_ssize_t s = 0, e = 0;
        int rc = match_at(match, text, pos, &w, &s, &e);
        if (rc < 0)
            goto fail;
        if (rc == 1)
            break;
        if (e <= pos) { /* the pattern never matches empty; guard against a hang all the same */
            Py_DECREF(w);
            PyErr_SetString(PyExc_RuntimeError, "token pattern matched an empty string");
            goto fail;
        }
        if (append_token(words, starts, ends, w, s, e) < 0)
            goto fail;
        pos = e;
    }
    return Py_BuildValue("(NNN)", words, starts, ends);
fail:
    Py_XDECREF(words);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    return NULL;
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(text, match, word_stop, punct_stop) -> (words, starts, ends): tokens of text; match is the token "
     "pattern's bound match method, called where the fast shapes do not apply."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_tokenscan", "kaznlp's tokenizer core in C.", -1,
                                    methods};

PyMODINIT_FUNC
PyInit__tokenscan(void)
{
    return PyModule_Create(&module);
}
