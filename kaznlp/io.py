"""Reading texts from disk or stdin: encoding detection, and clear errors for what is not a text.

UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without one, Windows-1251 and KZ-1048 are decoded; UTF-8
with a few broken bytes (a damaged or cut file) is read as UTF-8 with U+FFFD for each broken sequence. Empty,
binary, undecodable, unreadable and too large input raise :class:`InputError` with a ``kind`` that becomes an
error record. One size cap, :data:`MAX_INPUT_BYTES`, holds for every document that ``extract`` and ``batch`` read.
"""

from __future__ import annotations

import codecs
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from .morphology import KZ1048_SIGNS

__all__ = [
    "InputError", "MAX_INPUT_BYTES", "decode_bytes", "input_error", "read_bytes", "read_text", "sniff_encoding", "walk",
]  # fmt: skip

#: the largest document (in bytes, as stored) that ``kaznlp extract`` and ``kaznlp batch`` read: a larger one is
#: an error record (``too_large``), never a memory spike
MAX_INPUT_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = bytes(range(0, 32)).replace(b"\t", b"").replace(b"\n", b"").replace(b"\r", b"").replace(b"\x0c", b"")
_SNIFF = 65536
_KZ1048_SIGNS = KZ1048_SIGNS


class InputError(ValueError):
    """Input that cannot be read as text: ``kind`` is ``empty``, ``binary``, ``encoding``, ``too_large``,
    ``missing`` or ``unreadable`` (an error kind of :mod:`kaznlp.records`)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def input_error(exc: OSError, name: str) -> InputError:
    """The :class:`InputError` of an ``OSError`` met reading ``name``: one line, with what to do."""
    code = exc.errno
    if code == errno.ENOENT:
        return InputError("missing", f"{name}: no such file or folder")
    if code == errno.ELOOP:
        return InputError("unreadable", f"{name}: a loop of symbolic links; point the link at a file")
    if code in (errno.EACCES, errno.EPERM):
        return InputError("unreadable", f"{name}: permission denied; make it readable or leave it out")
    if code == errno.EISDIR:
        return InputError("unreadable", f"{name}: a folder where a file was expected")
    return InputError("unreadable", f"{name}: cannot be read ({exc.strerror or exc})")


def _too_large(name: str) -> InputError:
    limit = f"{MAX_INPUT_BYTES:,}"
    return InputError("too_large", f"{name}: over the limit of {limit} bytes a document; split it into smaller files")


def _looks_utf16(data: bytes) -> str | None:
    head = data[:_SNIFF]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    # Cyrillic UTF-16-LE: high bytes are 0x04; ASCII: 0x00. Either way one half is nearly constant.
    for enc, hi in (("utf-16-le", odd), ("utf-16-be", even)):
        if sum(1 for b in hi if b in (0, 4)) > 0.9 * len(hi):
            return enc
    return None


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text[:_SNIFF] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / len(letters)


# lead bytes of UTF-8 sequences of two bytes or more
_NOT_LEAD = bytes(b for b in range(256) if not 0xC2 <= b <= 0xF4)
_REPLACEMENT = "\ufffd".encode()


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, broken sequences) for UTF-8 with a few broken bytes (a cut or damaged file), else None: at least
    twenty good multi-byte characters for each broken sequence. Text in a one-byte code page (Windows-1251,
    KZ-1048) is no such thing: nearly every letter of it is a broken sequence."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(_REPLACEMENT)
    leads = len(data.translate(None, _NOT_LEAD))
    if bad <= 0 or leads - bad < 20 * bad:
        return None
    return text, bad


def decode_bytes(data: bytes, name: str = "<input>", notes: list[str] | None = None) -> str:
    """Decode the bytes of a text file, or raise :class:`InputError`. ``notes``: a list that gets a line when
    the text was repaired (UTF-8 with a few broken bytes)."""
    return _decode(data, name, notes)[0]


def sniff_encoding(head: bytes) -> str:
    """The encoding :func:`decode_bytes` would read a stream in, judged by its first bytes (UTF-8 when they are
    not text): for files read row by row (CSV)."""
    try:
        return _decode(head, "<head>", None)[1]
    except InputError:
        return "utf-8"


def _decode(data: bytes, name: str, notes: list[str] | None) -> tuple[str, str]:
    if not data.strip():
        raise InputError("empty", f"{name}: empty input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError("encoding", f"{name}: broken {enc} text ({exc.reason})") from None
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    head = data[:_SNIFF]
    if head.count(0) or sum(head.count(c) for c in _CONTROL) > 0.01 * len(head):
        raise InputError("binary", f"{name}: binary data, not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        if notes is not None:
            notes.append(f"{name}: {repaired[1]} broken UTF-8 sequence(s) read as U+FFFD (a damaged or cut file?)")
        return repaired[0], "utf-8"
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    # KZ-1048, the Windows code page for Kazakh, puts Kazakh letters where cp1251 has Serbian and Macedonian ones
    if not text or any(c in _KZ1048_SIGNS for c in text[:_SNIFF]):
        try:
            kz = data.decode("kz1048")
            if _cyrillic_share(kz) >= 0.3:
                return kz, "kz1048"
        except UnicodeDecodeError:
            pass
    if _cyrillic_share(text) < 0.3:
        raise InputError("encoding", f"{name}: not UTF-8, UTF-16, Windows-1251 or KZ-1048 text")
    return text, "cp1251"


def read_bytes(path: str | Path, name: str | None = None, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a file (``-``: stdin), at most ``limit``; :class:`InputError` for a file that is missing,
    unreadable or larger."""
    name = name or ("<stdin>" if str(path) == "-" else str(path))
    try:
        if str(path) == "-":
            import sys

            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as f:
                data = f.read(limit + 1)
    except OSError as exc:
        raise input_error(exc, name) from None
    if len(data) > limit:
        raise _too_large(name)
    return data


def read_text(path: str | Path, notes: list[str] | None = None) -> str:
    """Read and decode one text file (``-`` for stdin); ``notes`` as for :func:`decode_bytes`."""
    name = "<stdin>" if str(path) == "-" else str(path)
    return decode_bytes(read_bytes(path, name), name, notes)


def walk(folder: str | Path, suffixes: tuple[str, ...]) -> Iterator[tuple[Path, InputError | None]]:
    """The files under ``folder`` whose names end in one of ``suffixes`` (lower case), in sorted order, each with
    None, or with the :class:`InputError` that keeps it from being read: a link that leads nowhere or in a loop,
    something that is not a plain file (a pipe would block), a folder that cannot be listed. Links to files are
    read; links to folders are not followed (as ``Path.rglob``), so a link back up is no loop."""
    found: list[tuple[Path, InputError | None]] = []

    def visit(d: Path) -> None:
        try:
            with os.scandir(d) as it:
                entries = list(it)
        except OSError as exc:
            found.append((d, input_error(exc, str(d))))
            return
        for e in entries:
            p = Path(e.path)
            try:
                if e.is_dir():
                    if not e.is_symlink():
                        visit(p)
                    continue
            except OSError:
                pass
            if not e.name.lower().endswith(suffixes):
                continue
            try:
                os.stat(p)
            except OSError as exc:
                found.append((p, input_error(exc, str(p))))
                continue
            if e.is_file():
                found.append((p, None))
            else:
                found.append((p, InputError("unreadable", f"{p}: not a plain file (a pipe or a device); left out")))

    visit(Path(folder))
    found.sort(key=lambda x: x[0])
    return iter(found)
