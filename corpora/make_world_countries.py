"""Write ``kaznlp/data/world_countries.txt``: the Kazakh names of the world's countries and territories.

The names are the Kazakh translation of ISO 3166-1 in Debian's iso-codes (as shipped by ``pycountry``; LGPL-2.1,
https://salsa.debian.org/iso-codes-team/iso-codes). Kept: names of one to four words without commas or brackets
(``Боливия, көпұлттық мемлекеті`` and ``Шығыс Самоа (АҚШ)`` are descriptions, not the names a text writes), but
for the few in :data:`WRONG` (a mistranslation, an abbreviation written with a case ending).
Not a runtime dependency: ``pip install pycountry && python corpora/make_world_countries.py`` rewrites the table.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "kaznlp" / "data" / "world_countries.txt"
#: translations that are wrong or no name a text writes (Mayotte is Майотта; ``АҚШ-ң …`` holds a case ending)
WRONG = frozenset({"Мариотт", "АҚШ-ң Сыртқы Кішкене аралдары", "Тайвань Қытай Провинциясы"})
HEADER = """\
# The world's countries and territories in Kazakh (nominative), from the Kazakh translation of ISO 3166-1 in
# Debian's iso-codes (pycountry {version}; LGPL-2.1); written by corpora/make_world_countries.py, do not edit by hand
# (other spellings of a place go in world_places.txt). Case endings follow in a text.
"""


def main() -> None:
    kk = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["kk"])
    names = set()
    for c in pycountry.countries:
        for english in {c.name, getattr(c, "common_name", c.name)}:
            name = kk.gettext(english).strip()
            if name != english and not any(ch in name for ch in ",()") and len(name.split()) <= 4 and name not in WRONG:
                names.add(name)
    version = getattr(pycountry, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("pycountry")
    OUT.write_text(HEADER.format(version=version) + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
