/* The common case of kaznlp's tokenizer at C speed.
 *
 * kaznlp/tokenizer.py holds the tokenizer's definition: one regular expression (TOKEN_PATTERN). This scanner
 * takes the three shapes that make most tokens of Kazakh text and that the pattern's first alternatives match
 * exactly:
 *   - a word: a letter, then word characters, with parts joined by one of `joiners` (`сондай-ақ`), followed by
 *     none of the characters in `word_stop`;
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

/* Character classes of the code points below TABLE_SIZE (Latin and Cyrillic), filled at import by the same
 * Py_UNICODE_* macros that decide above it: a lookup instead of four table walks per character. */
#define TABLE_SIZE 0x500
#define WORD 1    /* \w: alphanumeric or '_' */
#define DECIMAL 2 /* \d */
#define SPACE 4   /* str.isspace */
static unsigned char classes[TABLE_SIZE];

static inline int
is_word(Py_UCS4 c)
{
    return c < TABLE_SIZE ? classes[c] & WORD : Py_UNICODE_ISALNUM(c) || c == '_';
}

static inline int
is_decimal(Py_UCS4 c)
{
    return c < TABLE_SIZE ? classes[c] & DECIMAL : Py_UNICODE_ISDECIMAL(c);
}

static inline int
is_space(Py_UCS4 c)
{
    return c < TABLE_SIZE ? classes[c] & SPACE : Py_UNICODE_ISSPACE(c);
}

/* A set of characters given as a str: a bitmap for the first 256 code points, the str itself above. */
typedef struct {
    PyObject *chars;
    unsigned char low[256];
} CharSet;

static void
charset_init(CharSet *set, PyObject *chars)
{
    Py_ssize_t k, n = PyUnicode_GET_LENGTH(chars);
    set->chars = chars;
    memset(set->low, 0, sizeof set->low);
    for (k = 0; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(chars, k);
        if (c < 256)
            set->low[c] = 1;
    }
}

static inline int
in_set(const CharSet *set, Py_UCS4 c)
{
    if (c < 256)
        return set->low[c];
    return PyUnicode_FindChar(set->chars, c, 0, PyUnicode_GET_LENGTH(set->chars), 1) >= 0;
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

/* The end of the pattern's own match at `p`, the first character of a token (the pattern's leading whitespace
 * matches empty there): -1 on error, 0 when it does not match (it always matches a non-space character). */
static Py_ssize_t
match_end(PyObject *match, PyObject *text, Py_ssize_t p)
{
    PyObject *pos, *m, *e;
    Py_ssize_t end;
    pos = PyLong_FromSsize_t(p);
    if (pos == NULL)
        return -1;
    PyObject *args[2] = {text, pos};
    m = PyObject_Vectorcall(match, args, 2, NULL);
    Py_DECREF(pos);
    if (m == NULL)
        return -1;
    if (m == Py_None) {
        Py_DECREF(m);
        return 0;
    }
    e = PyObject_CallMethod(m, "end", NULL);
    Py_DECREF(m);
    if (e == NULL)
        return -1;
    end = PyLong_AsSsize_t(e);
    Py_DECREF(e);
    return end;
}

/* Whether nothing can continue a token at `k`: the end of the text, whitespace, or a quotation mark (none of
 * them goes into a number, an e-mail, a web address or a special token). */
static inline int
ends_after(int kind, const void *data, Py_ssize_t n, Py_ssize_t k)
{
    if (k >= n)
        return 1;
    Py_UCS4 c = PyUnicode_READ(kind, data, k);
    return is_space(c) || c == 0x00ab || c == 0x00bb || c == '"';
}

static PyObject *
scan(PyObject *self, PyObject *args)
{
    PyObject *text, *match, *joiners_str, *word_stop_str, *punct_stop_str, *dot_words;
    PyObject *words = NULL, *starts = NULL, *ends = NULL;
    CharSet joiners, word_stop, punct_stop;
    if (!PyArg_ParseTuple(args, "UOUUUO!:scan", &text, &match, &joiners_str, &word_stop_str, &punct_stop_str,
                          &PyFrozenSet_Type, &dot_words))
        return NULL;
    charset_init(&joiners, joiners_str);
    charset_init(&word_stop, word_stop_str);
    charset_init(&punct_stop, punct_stop_str);
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
        while (p < n && is_space(PyUnicode_READ(kind, data, p)))
            p++;
        if (p == n)
            break;
        Py_UCS4 c = PyUnicode_READ(kind, data, p);
        if (c != '_' && is_word(c) && !is_decimal(c)) { /* a letter: [^\W\d_] */
            q = p + 1;
            for (;;) { /* atomic, as in the pattern: \w*(?:['’-]\w+)* */
                while (q < n && is_word(PyUnicode_READ(kind, data, q)))
                    q++;
                if (q + 1 < n && in_set(&joiners, PyUnicode_READ(kind, data, q)) &&
                    is_word(PyUnicode_READ(kind, data, q + 1)))
                    q += 2;
                else
                    break;
            }
            if (q < n && in_set(&word_stop, PyUnicode_READ(kind, data, q))) {
                /* a word before "." that ends its sentence (a space, a quote or the end after the period) is the
                 * word alone, unless the word and its period begin a special token */
                if (!(PyUnicode_READ(kind, data, q) == '.' && ends_after(kind, data, n, q + 1))) {
                    q = -1;
                }
                else {
                    PyObject *dotted = PyUnicode_Substring(text, p, q + 1);
                    int special = dotted ? PySet_Contains(dot_words, dotted) : -1;
                    Py_XDECREF(dotted);
                    if (special < 0)
                        goto fail;
                    if (special)
                        q = -1;
                }
            }
        }
        else if (is_decimal(c)) {
            q = p + 1;
            while (q < n && is_decimal(PyUnicode_READ(kind, data, q)))
                q++;
            if (q < n) {
                Py_UCS4 d = PyUnicode_READ(kind, data, q);
                /* "2024." or "12," before a space, a quote or the end: the number alone */
                if (is_word(d) || d == '@' || d == '-' || ((d == '.' || d == ',') && !ends_after(kind, data, n, q + 1)))
                    q = -1;
            }
        }
        else if (c != '_' && !in_set(&punct_stop, c)) {
            q = p + 1;
        }
        else if ((c == '-' || c == '+') && ends_after(kind, data, n, p + 1)) {
            q = p + 1; /* a dash before a space: no e-mail, number or special token starts so */
        }
        else if (c == '.' || c == '%' || c == '!' || c == '?') {
            /* alone unless what follows may make it "...", an e-mail (.a@b.kz), "%-ға" or "?!" */
            Py_UCS4 d = p + 1 < n ? PyUnicode_READ(kind, data, p + 1) : ' ';
            if (c == '.' ? !(is_word(d) || d == '.' || d == '+' || d == '-' || d == '@')
                         : c == '%' ? d != '-' : d != '!' && d != '?')
                q = p + 1;
        }
        if (q >= 0) {
            if (append_token(words, starts, ends, PyUnicode_Substring(text, p, q), p, q) < 0)
                goto fail;
            pos = q;
            continue;
        }
        Py_ssize_t e = match_end(match, text, p);
        if (e < 0)
            goto fail;
        if (e <= p) { /* the pattern matches every non-space character; guard against a hang all the same */
            PyErr_SetString(PyExc_RuntimeError, "token pattern did not match a non-space character");
            goto fail;
        }
        if (append_token(words, starts, ends, PyUnicode_Substring(text, p, e), p, e) < 0)
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
     "scan(text, match, joiners, word_stop, punct_stop, dot_words) -> (words, starts, ends): tokens of text; match "
     "is the token pattern's bound match method, called where the fast shapes do not apply; dot_words: a word and "
     "its period that begin a special token."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_tokenscan", "kaznlp's tokenizer core in C.", -1,
                                    methods};

PyMODINIT_FUNC
PyInit__tokenscan(void)
{
    Py_UCS4 c;
    for (c = 0; c < TABLE_SIZE; c++)
        classes[c] = ((Py_UNICODE_ISALNUM(c) || c == '_') ? WORD : 0) | (Py_UNICODE_ISDECIMAL(c) ? DECIMAL : 0) |
                     (Py_UNICODE_ISSPACE(c) ? SPACE : 0);
    return PyModule_Create(&module);
}
