"""Reading texts from disk or stdin: encoding detection, and clear errors for what is not a text.

UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without one, Windows-1251 and KZ-1048 are decoded; empty,
binary and undecodable input raise :class:`InputError` with a ``kind`` that becomes an error record.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from .morphology import KZ1048_SIGNS

__all__ = ["InputError", "decode_bytes", "read_text"]

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
    """Input that cannot be read as text: ``kind`` is ``empty``, ``binary`` or ``encoding``."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


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


def decode_bytes(data: bytes, name: str = "<input>") -> str:
    """Decode the bytes of a text file, or raise :class:`InputError`."""
    if not data.strip():
        raise InputError("empty", f"{name}: empty input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError("encoding", f"{name}: broken {enc} text ({exc.reason})") from None
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    head = data[:_SNIFF]
    if head.count(0) or sum(head.count(c) for c in _CONTROL) > 0.01 * len(head):
        raise InputError("binary", f"{name}: binary data, not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    # KZ-1048, the Windows code page for Kazakh, puts Kazakh letters where cp1251 has Serbian and Macedonian ones
    if not text or any(c in _KZ1048_SIGNS for c in text[:_SNIFF]):
        try:
            kz = data.decode("kz1048")
            if _cyrillic_share(kz) >= 0.3:
                return kz
        except UnicodeDecodeError:
            pass
    if _cyrillic_share(text) < 0.3:
        raise InputError("encoding", f"{name}: not UTF-8, UTF-16, Windows-1251 or KZ-1048 text")
    return text


def read_text(path: str | Path) -> str:
    """Read and decode one text file (``-`` for stdin)."""
    if str(path) == "-":
        import sys

        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    return decode_bytes(p.read_bytes(), str(p))
