"""The press-release layer over the merged entities (``entities-spec.md``): what KazNERD's television news leaves
out or reads otherwise.

- a place keeps its kind word (``Шымкент қаласында``, ``Сырдария өзені``, ``Абай даңғылы``: GPE, LOCATION,
  FACILITY), found after a model or rule entity or after capitalised words;
- a post keeps the body it belongs to (``Шымкент қаласының әкімі``), and the body stays as an entity of its own,
  nested (``inside``: POSITION);
- people written with initials (``Б. Усабеков``, a foreign surname too: ``Дж. Вердидің``) or surname first
  (``Козлова Мария Александровна``);
- organisations in quotes with their legal form (``«Вадиса М» ЖШС``) and numbered schools (``№ 24 ЖББОМ``);
- the model's readings that a press release does not bear: an abbreviation as a place (``ЖББОМ``), a place as a
  person (``Бангкоктан``), a person running into a place (``Жошыбаев Әзербайжанның``), one capitalised word that
  opens a sentence as a person or a place (``Декларацияны``, ``Поэзия``), a stump compound of мемлекеттік as a
  place (``Мемқызмет``), an adjective alone as an organisation, a name that runs past its sentence's end, Latin
  words as numbers;
- a medium's web address is one organisation with what it is (``7kun.kz``, ``24.kz телеарнасы``);
- ALL-CAPS headlines keep only numbers, dates, gazetteer places and known abbreviations
  (``ШЫМКЕНТТЕ ЖАҢА ЗАУЫТ АШЫЛДЫ``: one GPE);
- posts after an organisation with its legal form or in the nominative (``«Вадиса М» ЖШС директоры``,
  ``… компаниясы директорының қызметін атқарушы``), posts of a place named by its kind (``облыс әкімі``); a unit
  after its body in the genitive (``… әкімдігінің ахуал орталығы``), a place in the genitive before a body
  (``Қазақстан Республикасының Ұлттық Банкі``) and a quoted name before a body's head word are one organisation;
- a name in quotes after an adjective of a place is a club or a company (``мадридтік «Реал»``, ``«Зенитке»``);
- named events: a name in quotes, with a number or two names joined by a hyphen before a kind of event
  (``«KADEX - 2018» … көрмесіне``, ``G-20 Саммитіне``), a name in capitals with its year (``ЕХРО-2017``) and the same
  name again (``ЕХРО-ға``); a cup or a championship after a capitalised name, no quotes (``Дэвис кубогына``);
- the country a body or a post opens with is nested in it (``ҚР`` in ``ҚР … министрлігінің``, ``Ресей
  Федерациясы`` in ``Ресей Федерациясы Үкіметінің``); posts of a body named by its kind (``мәслихат хатшысы``);
- words in quotes alone with no kind of body (``«Ғылым»``), the common name of a kind of body opening a sentence
  (``Мектептің``) and the dash of direct speech are no names;
- a one-word name the text gives a place with its kind word is that place wherever else it stands alone
  (``Қордай ауданында`` … ``Қордайдағы``); a list of places with its kind word once, in the plural, gives a place
  for each name (``Масанчи және Сарытөбе ауылдары``);
- the abbreviation of a country before a post belongs to it (``ҚР Сыртқы істер министрінің орынбасары``); named
  buildings (``Атырау мұнай өңдеу зауыты``); the source after a verb of reporting (``деп хабарлайды ҚазАқпарат``);
- a legal form before a name in quotes or inside nested quotes is an organisation, whatever the model read
  (``АО «Трансэнерго»``, ``«НК «ҚТЖ» АҚ»``), and a post after it runs through a unit of the body; theatres, halls,
  mosques, museums … by their kind word, names ``атындағы`` a person; a body's building is the body;
- a foreign name in a case form read as a place is a person by the evidence around it (initials, a first name, a
  title in quotes after it in the genitive); titles of works in quotes are no bodies, people or buildings;
- a place's name before the post of its kind (``Шиелі аудан әкімі``), a unit of the body and a modifier inside a
  post, a country's abbreviation + field + post (``ҚР Оқу-ағарту министрі``), a direction before the place a body
  opens with, the agency after a dateline (``АСТАНА, 9 шілде — Sputnik.``).

Steps that look for the entities overlapping one entity use :class:`_Spans` (blocks of text), so that a long text
costs as much per entity as a short one.

Every word list is a table in ``kaznlp/data``; offsets are into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..data import rows, words
from ..morphology import (
    GPE_NAMES,
    IN_PLACE_ENDINGS,
    INITIAL,
    KIND_SUFFIX,
    LOCATION_NAMES,
    LOWER_CLASS,
    NAME_SUFFIX,
    PLACE_NAMES,
    UPPER_CLASS,
    base_form,
    endings,
    is_inflection,
    looks_adjectival,
    looks_participial,
    looks_verbal,
    stem_parts,
)
from ..numbers import roman_value
from .base import Entity

_KINDS = sorted(rows("place_kinds.tsv"), key=lambda r: len(r[0]), reverse=True)
_KIND_SUFFIX = KIND_SUFFIX  # no derivation: облыстық is no облыс
_KIND_RE = re.compile(
    r"[ \t\u00a0]+(?P<kind>" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k, _, _ in _KINDS) + ")"
    rf"(?P<end>{_KIND_SUFFIX})(?!\w)"
)
_KIND_OF = {k.lower(): (nominative, label) for k, nominative, label in _KINDS}
# a model entity whose own last word is a kind word (Пионерская көшесі read as an organisation)
_KIND_END_RE = re.compile(_KIND_RE.pattern + r"\Z")
_KIND_LABELS = ("ORGANISATION", "GPE", "LOCATION", "FACILITY")
_NAME_WORD = rf"{UPPER_CLASS}[\w-]*"
# a capitalised word right before a kind word: a place the model did not see (Сарыарқа ауданының, Арал теңізі);
# two words where the first is a direction (Солтүстік Қазақстан облысы)
_DIRECTIONS = "|".join(map(re.escape, words("directions.txt")))
_TITLES = "|".join(map(re.escape, words("name_titles.txt")))
_NAMED_KIND_RE = re.compile(
    rf"(?<![\w-])(?P<name>(?:(?:{_DIRECTIONS})[ \t]+)?{_NAME_WORD}(?:[ \t]+(?:{_TITLES}))?"
    rf"|«{UPPER_CLASS}[^«»\n]{{0,40}}»)(?={_KIND_RE.pattern})"  # or a name in quotes: «Чайнатаун» ауданында
)
_GENITIVE = endings("genitive")
_POSITIONS = sorted({w.lower() for w in words("positions.txt")}, key=len, reverse=True)
_POSITION_WORD = "(?:" + "|".join(map(re.escape, _POSITIONS)) + f")(?:{NAME_SUFFIX})"
# a post after a body in the genitive, up to two nouns before it (басқарма басшысы, бас дәрігерінің орынбасары)
_ACTING = "|".join(re.escape(a).replace(r"\ ", r"[ \t]+") for a in words("acting_posts.txt"))
# a unit of the body before the post (АО «Трансэнерго» маркетинг және өткізу басқармасының орынбасары): up to three
# lower-case words and the head word of a body, in the genitive
_UNIT_HEADS = "|".join(
    map(re.escape, sorted({*(r[0].lower() for r in rows("org_heads.tsv")), *words("unit_heads.txt")},
                          key=len, reverse=True))
)  # fmt: skip
# (… аурухананың хирургия бөлімі басшысы: the unit in the compound's bare form too)
_UNIT = rf"(?:(?:{LOWER_CLASS}[\w-]*[ \t]+){{0,4}}?(?:{_UNIT_HEADS})(?:{'|'.join(_GENITIVE)})?[ \t]+)"
_POST_MODIFIERS = "|".join(map(re.escape, words("post_modifiers.txt")))
_POSITION_RE = re.compile(
    rf"[ \t]+(?P<pos>{_UNIT}?(?:{LOWER_CLASS}+[ \t]+){{0,2}}?{_POSITION_WORD}"
    rf"(?:[ \t]+(?:(?:{_POST_MODIFIERS})[ \t]+)?{_POSITION_WORD})?"
    rf"(?:[ \t]+(?:{_ACTING})(?:{NAME_SUFFIX}))?)(?!\w)",
    re.IGNORECASE,
)
# an abbreviated body before a post, with the abbreviations before it (СҚО ТЖД бас маманы): the body takes no
# genitive ending in the compound; a legal form alone (ЖШС директоры) names no body
# (with the head word of a body after it: CTS компаниясы басшысының орынбасары)
_HEADS = "|".join(map(re.escape, sorted({r[0].lower() for r in rows("org_heads.tsv")}, key=len, reverse=True)))
_ABBR_POST_RE = re.compile(
    rf"(?<![\w«\"-])(?P<body>{UPPER_CLASS}{{2,6}}(?:[ \t]+{UPPER_CLASS}{{2,6}})*"
    rf"(?:[ \t]+(?:{_HEADS})(?:{'|'.join(_GENITIVE)})?(?=[ \t]))?)"
    rf"[ \t]+(?P<pos>(?:{LOWER_CLASS}+[ \t]+)?{_POSITION_WORD}(?:[ \t]+{_POSITION_WORD})?)(?!\w)"
)
_LEGAL_FORMS = frozenset(words("legal_forms.txt"))
_QUOTED_BEFORE_RE = re.compile(r"[«\"][^«»\"\n]{1,80}[»\"][ \t]?$")
_LEVEL_RE = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words("level_adjectives.txt"))) + r")[ \t]+$")
# a post of a place named by its kind alone (облыс әкімі, Қала әкімінің орынбасары: entities-spec's облыс әкімі)
_GPE_KIND_STEMS = [k for k, _, label in _KINDS if label == "GPE" and k[:1].islower()]
_KIND_POST_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"[{k[0]}{k[0].upper()}]{re.escape(k[1:])}" for k in _GPE_KIND_STEMS) + ")"
    rf"[ \t]+{_POSITION_WORD}(?:[ \t]+{_POSITION_WORD})?(?!\w)"
)
# a post of a body named by its kind alone (мәслихат хатшысы, балабақша меңгерушісі, зауыттың бас технологы)
_BODY_KIND_NOUNS = "|".join(f"[{k[0]}{k[0].upper()}]{re.escape(k[1:])}" for k in words("body_kind_nouns.txt"))
_BODY_POST_RE = re.compile(
    r"(?<![\w-])(?:(?:" + "|".join(map(re.escape, words("level_adjectives.txt"))) + r")[ \t]+)?"
    rf"(?:{_BODY_KIND_NOUNS})(?:{'|'.join(endings('genitive'))})?[ \t]+(?:{LOWER_CLASS}+[ \t]+)?{_POSITION_WORD}"
    rf"(?:[ \t]+{_POSITION_WORD})?(?!\w)"
)
_SURNAME = "(?:" + "|".join(sorted(words("surname_endings.txt"), key=len, reverse=True)) + ")"
_PATRONYMIC = "(?:" + "|".join(sorted(words("patronymic_endings.txt"), key=len, reverse=True)) + ")"
_INITIAL = INITIAL  # an initial: Б., Дж.
_INITIAL_RE = re.compile(
    rf"(?<![\w.])(?:{_INITIAL}[ \t]?){{1,2}}"
    rf"(?P<last>{UPPER_CLASS}{LOWER_CLASS}+{_SURNAME})(?P<case>{NAME_SUFFIX})(?!\w)"
)
# one or two initials (a letter, or the letters of one sound: Дж.) before any capitalised word: a foreign surname
# with no Kazakh ending (Дж. Вердидің, Дж.Пуччинидің)
_ANY_INITIAL_RE = re.compile(rf"(?<![\w.])(?:{_INITIAL}[ \t]?){{1,2}}(?P<last>{UPPER_CLASS}{LOWER_CLASS}+)(?![\w-])")
# an adjective of a place before a name in quotes (мадридтік «Реал», каталондық «Барселонаның»)
_PLACE_ADJ_RE = re.compile(
    rf"(?<![\w-])(?P<adj>{LOWER_CLASS}+(?:"
    + "|".join(map(re.escape, words("place_adjective_endings.txt")))
    + rf"))[ \t]+(?P<name>«(?P<inner>{UPPER_CLASS}[^«»\n]{{0,60}})»)"
    rf"(?=(?:[ \t]+(?P<next>{LOWER_CLASS}+)(?:[ \t]+(?P<next2>{LOWER_CLASS}+))?)?)",
    re.IGNORECASE,
)
_LEVELS = frozenset(words("level_adjectives.txt"))
_REVERSED_RE = re.compile(
    rf"(?<![\w-])(?P<last>{UPPER_CLASS}{LOWER_CLASS}+{_SURNAME})[ \t]+(?P<first>{UPPER_CLASS}{LOWER_CLASS}+)"
    rf"(?:[ \t]+(?P<patr>{UPPER_CLASS}{LOWER_CLASS}+{_PATRONYMIC}))?(?!\w)"
)
_LEGAL = "|".join(
    re.escape(f).replace(r"\ ", r"[ \t]+") for f in sorted(words("legal_forms.txt"), key=len, reverse=True)
)
# an organisation that ends with its legal form stands before a post as it is (``«Вадиса М» ЖШС директоры``: the
# abbreviation takes no genitive ending in the compound)
_LEGAL_END_RE = re.compile(rf"[ \t»\"](?:{_LEGAL})\Z")
_QUOTED_ORG_RE = re.compile(rf"[«\"][^«»\"\n]{{1,80}}[»\"][ \t]*(?:{_LEGAL})(?:-?\w+)?(?!\w)")
# a name in quotes, with one pair of quotes nested in it («НК «ҚТЖ» АҚ»)
_QUOTED = r"«(?:[^«»\n]|«[^«»\n]{1,60}»){1,80}»|\"[^\"\n]{1,80}\""
_LEGAL_BEFORE = "|".join(
    re.escape(f).replace(r"\ ", r"[ \t]+")
    for f in sorted({*words("legal_forms_before.txt"), *words("legal_forms.txt")}, key=len, reverse=True)
)
# a legal form before a name in quotes (Russian usage: АО «Трансэнерго», ТОО «…»; ЖК «Мекенбаева»): an organisation
_LEGAL_BEFORE_RE = re.compile(
    rf"(?<![\w«\"/-])(?<!»[ \t])(?<!\"[ \t])(?:{_LEGAL_BEFORE})[ \t]*(?:{_QUOTED})(?:-{LOWER_CLASS}+)?(?![\w-])"
)
_QUOTE_OPEN_RE = re.compile(r"[«\"]")
_FORM_BEFORE_QUOTE_RE = re.compile(rf"(?<![\w«\"/-])(?:{_LEGAL_BEFORE})[ \t]*\Z")
# the legal form inside the outer quotes of a nested name: «НК «ҚТЖ» АҚ», «АО «Казпочта»»
_NESTED_LEGAL_RE = re.compile(
    rf"«(?:(?:{_LEGAL_BEFORE})[ \t]*«[^«»\n]{{1,60}}»[ \t]*(?:{_LEGAL})?|«[^«»\n]{{1,60}}»[ \t]*(?:{_LEGAL}))»"
    rf"(?:[ \t]*(?:{_LEGAL}))?(?:-{LOWER_CLASS}+)?(?![\w-])"
)
# a name in quotes, then up to two lower-case words and the head word of a body («Талапкер» тілдер орталығының)
_QUOTED_HEADS = "|".join(
    map(re.escape, sorted({*(r[0].lower() for r in rows("org_heads.tsv")), *words("quoted_body_heads.txt")},
                          key=len, reverse=True))
)  # fmt: skip
_QUOTED_BODY_RE = re.compile(
    rf"[«\"][^«»\"\n]{{1,80}}[»\"](?:[ \t]+{LOWER_CLASS}[\w-]*){{0,2}}?[ \t]+(?:{_QUOTED_HEADS})(?:{NAME_SUFFIX})(?!\w)"
)
_INSTITUTIONS = "|".join(sorted(map(re.escape, words("institution_heads.txt")), key=len, reverse=True))
# № 24 ЖББОМ, №1 гимназия, № 9 қазақ лицейі, №2 облыстық аурухана
_SCHOOL_RE = re.compile(
    rf"№[ \t]?\d+[ \t]?(?:{UPPER_CLASS}{{2,}}(?:-?\w+)?|(?:{LOWER_CLASS}+[ \t-]){{0,2}}(?:{_INSTITUTIONS})\w*)(?!\w)"
)
_BODY_PARTS_RE = re.compile(
    r"[ \t]+(?:" + "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in words("body_parts.txt")) + r")\w*(?!\w)"
)
_ORG_HEAD_SET = frozenset(r[0].lower() for r in rows("org_heads.tsv"))  # a body in the nominative: … компаниясы
_ORG_HEAD_WORDS = sorted({r[0].lower() for r in rows("org_heads.tsv")}, key=len, reverse=True)
# a unit of a body after the body in the genitive belongs to its name (Астана қаласы әкімдігінің ахуал орталығы):
# up to two lower-case words, then the head word of a body
_SUB_BODY_RE = re.compile(
    rf"(?:[ \t]+{LOWER_CLASS}+){{0,2}}[ \t]+(?:{'|'.join(map(re.escape, _ORG_HEAD_WORDS))})(?:{NAME_SUFFIX})(?!\w)"
)
_UNIT_AFTER_RE = re.compile(
    r"[ \t]+(?:"
    + "|".join(map(re.escape, sorted(words("unit_heads.txt"), key=len, reverse=True)))
    + f")(?:{NAME_SUFFIX})(?!\\w)"
)
_LATIN_NAME_RE = re.compile(r"(?<![\w-])[A-Z][\w&.-]*[ \t]+$")
_QUOTED_LABELS = ("ORGANISATION", "FACILITY", "EVENT", "PROJECT", "LAW")
_QUOTED_ONLY_RE = re.compile(r"[«\"][^«»\"\n]+[»\"]")
_ABBREVIATION_IN_RE = re.compile(rf"{UPPER_CLASS}{{2,}}")
# the common names of kinds of body (мектеп, мәслихат), lower case in the tables: a proper body is capitalised there
_COMMON_BODY_STEMS = frozenset(words("institution_heads.txt")) | frozenset(
    stem_parts(r[0])[0] for r in rows("org_heads.tsv") if r[0][:1].islower()
)
_NUMBER_SIGN_RE = re.compile(r"(?<!\w)№[ \t]?\d+[ \t]+$")
_ABBREVIATION_RE = re.compile(rf"{UPPER_CLASS}{{2,}}[ \t]+$")
_KNOWN_PLACES = PLACE_NAMES
_LONG_PLACES = frozenset(p for p in PLACE_NAMES if len(p) > 4)  # a word that starts with one is that place
_LONG_PLACE_LENGTHS = sorted({len(p) for p in _LONG_PLACES})
_KNOWN_ABBREVIATIONS = frozenset(r[0] for r in rows("abbreviation_entities.tsv"))
_ABBREVIATION_LABELS = {r[0]: r[1] for r in rows("abbreviation_entities.tsv")}
_REGION_ABBREVIATION_END = tuple(words("region_abbreviation_end.txt"))  # СҚО, БҚО: … облысы
_RELATIVE = endings("rel")
_NOT_NAMES = frozenset(words("stop_words.txt")) | frozenset(words("sentence_openers.txt"))
_STUMP_PREFIXES = tuple(words("stump_prefixes.txt"))
_SENTENCE_END = ".!?»\n"
_TLDS = "|".join(map(re.escape, sorted(words("web_domains.txt"), key=len, reverse=True)))
_MEDIA_KINDS = "|".join(
    re.escape(k).replace(r"\ ", r"[ \t]+") for k in sorted(words("media_kinds.txt"), key=len, reverse=True)
)
# a web address that names a medium (7kun.kz, Tengrinews.kz, 24.kz телеарнасы), with what it is after it; not a
# link (after ``://`` or ``/``, or with a path), not an e-mail address, not an address that opens with www.
_WEB_MEDIUM_RE = re.compile(
    rf"(?<![\w.@/:-])(?!www\.)\w[\w-]*(?:\.[\w-]+)*\.(?:{_TLDS})(?:-{LOWER_CLASS}+)?(?![\w-]|\.\w|/\w|@)"
    rf"(?:[ \t]+(?:{_MEDIA_KINDS})(?:{NAME_SUFFIX})(?!\w))?",
    re.IGNORECASE,
)


_EVENT_KINDS = "|".join(
    f"[{k[0]}{k[0].upper()}]{re.escape(k[1:])}" for k in sorted(words("event_kinds.txt"), key=len, reverse=True)
)
_FACILITY_KINDS = "|".join(
    f"[{k[0]}{k[0].upper()}]{re.escape(k[1:])}" for k in sorted(words("facility_kinds.txt"), key=len, reverse=True)
)
# a building: a name (in quotes, or a capitalised word), up to three words that say what it is, then its kind
_FACILITY_RE = re.compile(
    rf"(?<![\w-])(?P<name>«[^«»\n]{{1,60}}»|\"[^\"\n]{{1,60}}\"|{UPPER_CLASS}{LOWER_CLASS}+(?:-{UPPER_CLASS}?{LOWER_CLASS}+)?)"
    rf"(?:[ \t]+(?:{LOWER_CLASS}[\w-]*|{UPPER_CLASS}{LOWER_CLASS}+)){{0,3}}?"
    rf"[ \t]+(?P<kind>{_FACILITY_KINDS})(?:{NAME_SUFFIX})(?!\w)"
)
_STAFF_AFTER_RE = re.compile(
    r"[ \t]+(?:" + "|".join(map(re.escape, words("staff_words.txt"))) + f")(?:{NAME_SUFFIX})(?!\\w)"
)
# the head word of a body, in any case, among the words before a kind of building
_BODY_WORD_RE = re.compile(rf"[ \t](?:{_HEADS})(?:{NAME_SUFFIX})(?=[ \t])", re.IGNORECASE)
# named after a person (Н.Баймұратов атындағы орта мектеп, М.Горький атындағы орыс драма театры), up to four words
# that say what it is, then a kind of building (FACILITY) or of body (ORGANISATION)
_NAMED_AFTER_WORDS = words("named_after.txt")
_NAMED_AFTER_RE = re.compile(
    rf"(?<![\w.-])(?:{_INITIAL}[ \t]?){{0,2}}{UPPER_CLASS}{LOWER_CLASS}+(?:-{UPPER_CLASS}{LOWER_CLASS}+)?"
    rf"(?:[ \t]+{UPPER_CLASS}{LOWER_CLASS}+)?[ \t]+(?:{'|'.join(map(re.escape, _NAMED_AFTER_WORDS))})"
    rf"(?:[ \t]+[\w-]+){{0,4}}?[ \t]+(?:(?P<fac>(?:{_FACILITY_KINDS})(?:{NAME_SUFFIX}))"
    rf"|(?:{_HEADS})(?:{NAME_SUFFIX})|(?:{_INSTITUTIONS})\w*)(?!\w)"
)
# the source after a verb of reporting: …, деп хабарлайды ҚазАқпарат. (one word, or two capitalised ones)
_REPORTED = r"(?<![\w-])деп[ \t]+(?:" + "|".join(map(re.escape, words("report_verbs.txt"))) + r")[ \t]+"
_WEB_NAME = r"[\w-]+(?:\.[\w-]+)+"  # news.com.au, zakon.kz: a medium's address, in lower case too
_SOURCE_RE = re.compile(
    _REPORTED + rf"(?P<name>(?:{UPPER_CLASS}[\w-]*|{_WEB_NAME})(?:[ \t]+{UPPER_CLASS}[\w-]*)?"
    rf"(?:[ \t]+(?:{_MEDIA_KINDS})(?:{NAME_SUFFIX})(?!\w))?)"  # … деп хабарлайды Bloomberg агенттігі
    rf"(?=[ \t]*[.,;!?](?!\w)|[ \t]+{LOWER_CLASS})"
)
# the source and the one it cites, in the dative before сілтеме (деп хабарлайды ҚазАқпарат Reuters-ке сілтеме
# жасап; Tengrinews.kz BBC агенттігіне сілтеме жасап): the cited name is its last capitalised word, with the Latin
# words before it (The Guardian басылымына) and its kind of medium
_CITING_RE = re.compile(
    _REPORTED + rf"(?P<name>(?:{UPPER_CLASS}[\w-]*|{_WEB_NAME})(?:[ \t]+{UPPER_CLASS}[\w-]*)??)[ \t]+"
    rf"(?P<cited>(?:[A-Z][\w&.-]*[ \t]+)*{UPPER_CLASS}[\w&.]*"
    rf"(?:-?(?P<case>{'|'.join(endings('dative'))})|[ \t]+(?:{_MEDIA_KINDS})(?:{'|'.join(endings('dative'))})))"
    r"[ \t]+(?:" + "|".join(map(re.escape, words("citing_words.txt"))) + r")(?!\w)"
)
# the agency after a dateline: АСТАНА, 9 шілде — Sputnik. (a place in capitals, a day and a month, a dash)
_DATELINE_SOURCE_RE = re.compile(
    rf"(?<![\w-]){UPPER_CLASS}{{2,}}(?:-{UPPER_CLASS}{{2,}})?,[ \t]+\d{{1,2}}[ \t]+{LOWER_CLASS}+[ \t]*[–—-][ \t]*"
    rf"(?P<name>{UPPER_CLASS}[\w-]*(?:[ \t]+{UPPER_CLASS}[\w-]*)?)(?=[ \t]*[.,;!?](?!\w))"
)
_LONE_POST_WORDS = words("lone_posts.txt")
_LONE_POST_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words("lone_posts.txt"), key=len, reverse=True))) + ")"
    + f"(?:{NAME_SUFFIX})(?![\\w-])"
)
_PLURAL_RE = re.compile("(?:" + "|".join(endings("plural")) + ")")
_LIST_JOINERS = "|".join(re.escape(w) for w in words("list_joiners.txt") if w.isalpha())
# a list of names that writes the kind word once, after the last, in the plural (Қордай, Масанчи, Ауқатты, Сортөбе
# елді мекендерінде; Масанчи және Сарытөбе ауылдары): the names before the last
_LIST_NAME = rf"{UPPER_CLASS}{LOWER_CLASS}+(?:-{UPPER_CLASS}?{LOWER_CLASS}+)?"
_LIST_NAME_RE = re.compile(_LIST_NAME)
_SETTLEMENTS_RE = re.compile(
    r"[ \t]+(?:" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words("settlement_words.txt")) + ")"
    + "(?:" + "|".join(endings("plural")) + r")\w*(?!\w)"
)
_PLACE_LIST_RE = re.compile(
    rf"(?<![\w-])(?P<names>{_LIST_NAME}(?:[ \t]*,[ \t]*{_LIST_NAME})*)"
    rf"(?:[ \t]*,[ \t]*|[ \t]+(?:{_LIST_JOINERS})[ \t]+)(?P<last>{_LIST_NAME})(?=[ \t])"
)
_YEAR = r"(?:19|20)\d\d(?!\d)"
# a name with a year or a number, in capitals or Latin letters (EXPO-2017, ЕХРО-2017, KADEX - 2018, G-20)
_NUMBERED_NAME = rf"(?:[A-Z][A-Za-z]*|{UPPER_CLASS}{{2,}})(?:[ \t]*[-–][ \t]*|[ \t]+)\d{{1,4}}(?!\d)"
# an event: its name (in quotes, with a number, or two names joined by a hyphen: Қазақстан-Польша), up to five
# words that say what it is (қару-жарақ және әскери-техникалық V Халықаралық), then the kind of event, with a word
# and a hyphen before it when it is a compound (бизнес-форумына)
_EVENT_RE = re.compile(
    rf"(?<![\w-])(?P<name>«[^«»\n]{{1,80}}»|\"[^\"\n]{{1,80}}\"|{_NUMBERED_NAME}"
    rf"|{UPPER_CLASS}{LOWER_CLASS}+-{UPPER_CLASS}{LOWER_CLASS}+)"
    rf"(?:[ \t]+[\w-]+){{0,5}}?[ \t]+(?:{LOWER_CLASS}+-)?(?:{_EVENT_KINDS})(?:{NAME_SUFFIX})(?!\w)"
)
# a cup or a championship named by one or two capitalised words, no quotes, and its year (Дэвис кубогына, Испания
# чемпионатының, Australian Open-2017 додасын)
_CUP_RE = re.compile(
    rf"(?<![\w-])(?P<name>{UPPER_CLASS}{LOWER_CLASS}+(?:[ \t]+{UPPER_CLASS}{LOWER_CLASS}+)?)(?:-{_YEAR})?[ \t]+"
    r"(?:" + "|".join(f"[{k[0]}{k[0].upper()}]{re.escape(k[1:])}" for k in words("cup_kinds.txt")) + ")"
    rf"(?:{NAME_SUFFIX})(?!\w)"
)
_CUP_SCOPES = frozenset(words("cup_scopes.txt"))  # Әлем чемпионаты, even where a sentence starts
# sports (sports.txt), which news names in the ablative ('in tennis': Теннистен, баскетболдан)
_SPORTS = frozenset(words("sports.txt"))
_ABLATIVE = endings("ablative")
# a championship of the world or a continent led by its sport in the ablative or its year, as news names one
# (баскетболдан ерлер арасындағы әлем чемпионаты, футзалдан Еуропа чемпионаты, 2022 жылғы әлем чемпионатына); the
# sport is part of the name, the year is not (as five of the six gold documents with a year write it)
# a year and the word for it with the relative ending (2022 жылғы, "of 2022"; the word from units.tsv)
_YEAR_OF = (
    r"\d{4}[ \t]+(?:"
    + "|".join(re.escape(r[0]) for r in rows("units.tsv") if r[1] == "year" and r[0].isalpha())
    + ")(?:" + "|".join(endings("rel")) + ")"
)
_YEAR_OF_RE = re.compile(_YEAR_OF + r"[ \t]+")
_CHAMPIONSHIP_RE = re.compile(
    r"(?<![\w-])(?:(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(_SPORTS, key=len, reverse=True))
    + r")(?:" + "|".join(_ABLATIVE) + rf")|(?P<year>{_YEAR_OF}))"
    + r"(?:[ \t]+(?:" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words("championship_groups.txt"))
    + r"))?[ \t]+(?:" + "|".join(sorted({*_CUP_SCOPES, *(w.lower() for w in LOCATION_NAMES)}, key=len, reverse=True))
    + r")[ \t]+(?:" + "|".join(map(re.escape, words("cup_kinds.txt"))) + rf")(?:{NAME_SUFFIX})(?!\w)",
    re.IGNORECASE,
)
# a named day or holiday: a capitalised name or one in quotes, then its kind (Тәуелсіздік күні, Ораза айт мейрамы,
# «Қозы Көрпеш – Баян Сұлу» күні): named_day_kinds.tsv
_NAMED_DAY_RE = re.compile(
    rf"(?<![\w-])(?P<name>{UPPER_CLASS}{LOWER_CLASS}+|{UPPER_CLASS}{{2,}}|«[^«»\n]{{1,80}}»|\"[^\"\n]{{1,80}}\")"
    rf"(?P<between>(?:[ \t]+{LOWER_CLASS}+)*?)[ \t]+"
    r"(?P<kind>" + "|".join(re.escape(k) for k, _ in rows("named_day_kinds.tsv")) + rf")(?:{NAME_SUFFIX})(?!\w)"
)
_DAY_KIND_GAP = {k: int(n) for k, n in rows("named_day_kinds.tsv")}
_WEEKDAYS = frozenset(words("weekdays.txt"))
_NAMING_RE = re.compile(r"»[ \t]+(?:" + "|".join(map(re.escape, words("naming_words.txt"))) + r")(?!\w)")
# an event named by a name in capitals and its year, with no kind word after it (ЕХРО-2017 комиссары)
_YEAR_EVENT_RE = re.compile(rf"(?<![\w-])(?P<core>{UPPER_CLASS}{{3,}}|[A-Z]{{3,}})[ \t]*[-–][ \t]*{_YEAR}(?![\w-])")


def _place_base(name: str, kind: str) -> str:
    """``Шиелі`` + ``ауданында`` → ``Шиелі ауданы``: the name before a kind word is already in the nominative (the
    first noun of the compound takes no ending), so it stays as written; the kind word is the table's nominative."""
    nominative, _ = _KIND_OF[kind]
    return f"{name} {nominative}"


def _kind_key(kind: str) -> str:
    return " ".join(kind.split()).lower()


def _name_base(name: str, label: str) -> str:
    """The base form of a name cut out of a longer one: a place with its kind word as :func:`_place_base` gives it
    (``Дейтон қаласындағы`` → ``Дейтон қаласы``), any other as :func:`base_form`."""
    k = _KIND_END_RE.search(name)
    if k is not None and k.start() > 0:
        return _place_base(name[: k.start()], _kind_key(k.group("kind")))
    return base_form(name, label)


_SPEECH_RE = re.compile(r"[:.!?»\n][ \t\u00a0]*[-–—][ \t\u00a0]*$")


def _starts_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence, or direct speech after a colon and a dash (``басшысы: - Соттың …``)."""
    i = start  # back over spaces and opening quotes, without copying the text before (a long text has much)
    while i > 0 and text[i - 1] in ' \t\u00a0"«':
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_END or _SPEECH_RE.search(text, max(0, start - 8), start) is not None


@lru_cache(maxsize=65536)
def _known_place(word: str) -> bool:
    core = word.split("-")[0]
    stem_ = stem_parts(core)[0]
    if core in _KNOWN_PLACES or stem_ in _KNOWN_PLACES:
        return True
    return any(core[:n] in _LONG_PLACES for n in _LONG_PLACE_LENGTHS if n <= len(core))  # Әзербайжанның, Бангкоктан


def _overlapping(e: Entity, others: Iterable[Entity]) -> list[Entity]:
    return [o for o in others if o.start < e.end and e.start < o.end]


class _Spans:
    """An ordered list of entities that some steps add to and take from, indexed by the blocks of text each
    touches: the ones near a span are found without a scan of them all (a long text has thousands), so that a
    step costs as much per entity on a long text as on a short one. :meth:`entities` gives the list, in order."""

    BLOCK = 256

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.items: list[Entity | None] = []
        self.blocks: dict[int, list[int]] = {}
        for e in entities:
            self.append(e)

    def append(self, e: Entity) -> None:
        k = len(self.items)
        self.items.append(e)
        first, last = e.start // self.BLOCK, e.end // self.BLOCK
        blocks = self.blocks
        if first == last:  # most entities lie in one block
            if (keys := blocks.get(first)) is None:
                blocks[first] = [k]
            else:
                keys.append(k)
            return
        for b in range(first, last + 1):
            blocks.setdefault(b, []).append(k)

    def remove(self, keys: Iterable[int]) -> None:
        for k in keys:
            self.items[k] = None

    def near(self, start: int, end: int) -> list[int]:
        """The keys, in list order, of the entities that touch a block of ``start``-``end``: every one that
        overlaps the span or lies in it, and a few more."""
        found: set[int] = set()
        for b in range(start // self.BLOCK, end // self.BLOCK + 1):
            found.update(self.blocks.get(b, ()))
        return sorted(k for k in found if self.items[k] is not None)

    def overlapping(self, e: Entity) -> list[int]:
        """The keys of the entities that overlap ``e`` (:func:`_overlapping`)."""
        return self.overlapping_span(e.start, e.end)

    def overlapping_span(self, start: int, end: int) -> list[int]:
        """The keys of the entities that overlap ``start``-``end``."""
        items = self.items
        return [k for k in self.near(start, end) if items[k].start < end and start < items[k].end]  # type: ignore[union-attr]

    def entities(self) -> list[Entity]:
        return [e for e in self.items if e is not None]


def apply(text: str, ents: list[Entity]) -> list[Entity]:
    """The press-release layer over the merged entities of ``text``."""
    # (an entity of spaces alone, as the model may tag a run of odd spaces, names nothing)
    ents = [e for e in ents if e.text.strip() and not ("inside" in e.extra and _WORD_GOES_ON_RE.match(text, e.end))]
    ents = [_with_opening_quote(text, _without_opening_word(text, e)) for e in ents]
    out = _headlines(text, [_cut_at_verb(text, _cut_at_sentence_end(text, _place_not_person(e))) for e in ents])
    out = [e for e in out if not _misread(text, e)]
    out = [t for e in out if (t := _without_foreign_words(text, e)) is not None]
    out = _web_media(text, out)
    out = _joined_places(text, out)
    out = _add(out, _capital_places(text))
    out = _foreign_people(text, out)
    out = _joined_people(text, out)
    out = _titles_not_bodies(text, out)
    out = _split_people_before_places(text, out)
    out = _with_kinds(text, out)
    out = _initials_of_names(text, out)
    out = _two_word_names(text, out)
    out = _initialled_people(text, out)
    out = _add(out, _people(text))
    out = _given_names(text, out)
    legal = _legal_bodies(text)
    orgs = _organisations(text, legal)
    org_spans = _Spans([*orgs, *legal])
    out = _add([e for e in out if not _post_inside_org(e, org_spans)], orgs)
    out = _with_legal_bodies(out, legal)
    orgs += legal
    out = _bodies_opening_posts(out, orgs)
    events = _events(text)
    out = _bodies_opening_posts(_add(_years_off_events(text, out, events), events), events)
    out = _places_before_names(text, out)
    out = _places_of_places(text, out)
    out = _placed_clubs(text, out)
    out = _add(out, _bracketed_clubs(text, out))
    facilities = _facilities(text)
    out = _bodies_opening_posts(_add(out, facilities), facilities)
    out = _add(out, _capital_head_bodies(text, out))
    out = _add(out, _hyphenated_places(text, out))
    out = _add(out, _listed_places(text))
    out = _sources(text, out)
    out = [_widened(text, e) for e in out]
    out = _add(out, _places_named_again(text, out))
    out = _add(out, _people_named_again(text, out))
    out = _directions_before(text, out)
    out = _bodies_of_places(text, out)
    out = _levelled_bodies(text, out)
    out = _national_teams(text, out)
    out = _bodies_across_places(text, out)
    out = _sub_bodies(text, out)
    out = _attached_bodies(text, out)
    out = _positions_with_bodies(text, out)
    out = _bodies_inside(text, out)
    out = _posts_after_abbreviations(text, out)
    out = _add(out, _country_posts(text))
    out = _add(out, _lone_posts(text))
    out += _places_in_posts(text, out)
    kind_posts = _kind_posts(text, out)
    out = _add(out, [p for p in kind_posts if p.label == "POSITION"])
    posts_at = {(p.start, p.end) for p in out if p.label == "POSITION"}
    out += [g for g, p in zip(kind_posts[1:], kind_posts) if g.label == "GPE" and (p.start, p.end) in posts_at]
    out = _abbreviation_posts(text, out)
    out.sort(key=lambda x: (x.start, -x.end))
    seen: set[tuple[str, int, int]] = set()  # one entity a span and class (the model's and a rule's alike)
    return [e for e in out if (key := (e.label, e.start, e.end)) not in seen and not seen.add(key)]


_WORD_RE = re.compile(r"\S+")
_PUNCT = "«»\"'.,:;!?()–—-"
_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENTAGE", "QUANTITY"})
#: a run of words in capitals is a headline when it has this many words, this many of them long
_HEADLINE_WORDS, _HEADLINE_LONG, _LONG = 3, 2, 6


def _headline_runs(text: str) -> list[tuple[int, int]]:
    """Spans of ALL-CAPS headlines: runs of at least three words in capitals, two of them of six letters or more
    (abbreviations such as ``ҚР ҚМ МКК`` are short)."""
    runs: list[tuple[int, int]] = []
    cur: list[tuple[int, int, int]] = []  # (start, end, letters)
    for m in [*_WORD_RE.finditer(text), None]:
        core = m.group().strip(_PUNCT) if m else ""
        # letters counted only in a word in capitals: most words are not, and the count is what costs
        if m is not None and core.isupper() and (letters := sum(c.isalpha() for c in core)) >= 2:
            cur.append((m.start(), m.end(), letters))
            if not core.endswith(tuple(".!?")) and m.group()[-1:] not in ".!?":
                continue
        if len(cur) >= _HEADLINE_WORDS and sum(n >= _LONG for *_, n in cur) >= _HEADLINE_LONG:
            runs.append((cur[0][0], cur[-1][1]))
        cur = []
    return runs


def _headlines(text: str, ents: list[Entity]) -> list[Entity]:
    """An ALL-CAPS headline has the entities of the same words in normal case, and an ordinary word in capitals
    is no name (entities-spec): in a headline the model's readings stay only for numbers and dates, places of the
    gazetteers and known abbreviations; the gazetteers' places (with their kind word) are found there."""
    runs = _headline_runs(text)
    if not runs:
        return ents
    lower = text.lower()

    starts = [a for a, _ in runs]

    def inside(e: Entity) -> bool:  # runs are in order and apart: only the last one that starts before can hold e
        i = bisect_right(starts, e.start) - 1
        return i >= 0 and e.end <= runs[i][1]

    def stays(e: Entity) -> bool:
        words_ = [w.strip(_PUNCT) for w in e.text.split()]
        return (
            e.label in _NOT_NAME_LABELS
            or all(w.split("-")[0] in _KNOWN_ABBREVIATIONS for w in words_)
            or (e.label in ("GPE", "LOCATION") and all(_known_place(w.capitalize()) for w in words_))
        )

    out = [e for e in ents if not inside(e) or stays(e)]
    places = []
    for a, b in runs:
        for m in _WORD_RE.finditer(text, a, b):
            word = m.group().strip(_PUNCT)
            s = m.start() + m.group().index(word) if word else m.start()
            name = "-".join(p.capitalize() for p in word.split("-"))
            if len(word) < 3 or word in _KNOWN_ABBREVIATIONS or not _known_place(name):
                continue
            end, base = s + len(word), base_form(name, "GPE")
            if (k := _KIND_RE.match(lower, end)) is not None and k.end() <= b:
                end, base = k.end(), _place_base(name, _kind_key(k.group("kind")))
            places.append(Entity("GPE", s, end, text[s:end], "rule", base))
    return _add(out, places)


# a place nested in a name that ends inside a word (Астана in «Астана-1») is no mention of the place
_WORD_GOES_ON_RE = re.compile(r"-\w")
_LATIN_WORDS_RE = re.compile(r"[A-Za-z]+(?:[ \t]+[A-Za-z]+)*")
_SENTENCE_BREAK_RE = re.compile(rf"(?<=\w\w)[.!?]+[ \t]+(?={UPPER_CLASS})")


def _without_opening_word(text: str, e: Entity) -> Entity:
    """``Оны аудан әкімінің орынбасары``: a model name of two words or more that opens with a pronoun or another
    word that is no name (``stop_words.txt``, ``sentence_openers.txt``) starts after it."""
    if e.source != "model" or e.label in _NOT_NAME_LABELS or " " not in e.text:
        return e
    first, rest = e.text.split(" ", 1)
    if first.lower() not in _NOT_NAMES:
        return e
    start = e.end - len(rest)
    return Entity(e.label, start, e.end, rest, e.source, base_form(rest, e.label), dict(e.extra))


def _with_opening_quote(text: str, e: Entity) -> Entity:
    """``Nur Otan» партиясының филиалы``: a name read from inside its opening quote gets the quote back."""
    s = e.start
    guillemet = text[s - 1 : s] == "«" and e.text.count("»") > e.text.count("«")
    if not (guillemet or text[s - 1 : s] == '"' and e.text.count('"') % 2):
        return e
    span = text[s - 1 : e.end]
    return Entity(e.label, s - 1, e.end, span, e.source, base_form(span, e.label), dict(e.extra))


def _cut_at_sentence_end(text: str, e: Entity) -> Entity:
    """``Sputnik. Қазақстанда …`` read as one organisation: a name ends where its sentence does (an initial, one
    letter and a dot, does not end one)."""
    if e.label in _NOT_NAME_LABELS or (m := _SENTENCE_BREAK_RE.search(e.text)) is None:
        return e
    end = e.start + m.start()
    span = text[e.start : end]
    return Entity(e.label, e.start, end, span, e.source, base_form(span, e.label), dict(e.extra))


def _cut_at_verb(text: str, e: Entity) -> Entity:
    """``Ұлттық Банкі хабарлады`` read as one organisation: a name of two words or more ends before a lower-case
    finite verb (``verb_endings.txt``), which ends the noun phrase."""
    if e.label in _NOT_NAME_LABELS or " " not in e.text.strip():
        return e
    head, _, last = e.text.rstrip().rpartition(" ")
    if not (last.isalpha() and last.islower() and looks_verbal(last)) or not head.strip():
        return e
    span = head.rstrip()
    return Entity(e.label, e.start, e.start + len(span), span, e.source, base_form(span, e.label), dict(e.extra))


def _web_media(text: str, ents: list[Entity]) -> list[Entity]:
    """A medium's web address is one organisation (``7kun.kz``), not a name and a number (``kz`` as CARDINAL):
    whatever the model read in it or across it gives way."""
    found = [
        Entity("ORGANISATION", m.start(), m.end(), m.group(), "rule", base_form(m.group(), "ORG"))
        for m in _WEB_MEDIUM_RE.finditer(text)
    ]
    if not found:
        return ents
    spans = _Spans(found)
    return [e for e in ents if not spans.overlapping(e)] + found


def _joined_places(text: str, ents: list[Entity]) -> list[Entity]:
    """``Оңтүстік Қазақстанда`` read as two places: one place, when the first word has no ending."""
    out: list[Entity] = []
    for e in sorted(ents, key=lambda x: (x.start, -x.end)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == e.label == "GPE"
            and text[prev.end : e.start] == " "
            and " " not in prev.text
            and stem_parts(prev.text)[3] == ""
        ):
            span = text[prev.start : e.end]
            out[-1] = Entity("GPE", prev.start, e.end, span, e.source, f"{prev.text} {e.base or e.text}", dict(e.extra))
        else:
            out.append(e)
    return out


_CAPS_WORD_RE = re.compile(rf"(?<![\w-]){UPPER_CLASS}{{3,}}(?:-{UPPER_CLASS}+)?(?![\w-])")


def _capital_places(text: str) -> list[Entity]:
    """A place of the gazetteer written in capitals (a dateline: НҰР-СҰЛТАН, 19 қараша)."""
    out = []
    for m in _CAPS_WORD_RE.finditer(text):
        name = "-".join(p.capitalize() for p in m.group().split("-"))
        if name in _KNOWN_PLACES:
            out.append(Entity("GPE", m.start(), m.end(), m.group(), "rule", name))
    return out


def _posts_after_abbreviations(text: str, ents: list[Entity]) -> list[Entity]:
    """``ҚР Сыртқы істер министрінің орынбасары`` read without ``ҚР``: the abbreviation of a country or a body right
    before a post that opens with a capital belongs to it (as to a body, :func:`_widened`); what was read on the
    abbreviation alone gives way (the country is nested again by :func:`_places_in_posts`)."""
    spans = _Spans(ents)
    for k, e in enumerate(ents):
        if e.label != "POSITION" or not e.text[:1].isupper():
            continue
        s = e.start
        while (m := _ABBREVIATION_RE.search(text, max(0, s - 12), s)) and not text[m.start() - 1 : m.start()].isalnum():
            if m.group().split()[0].split("-")[0] not in _KNOWN_ABBREVIATIONS:
                break
            s = m.start()
        if s == e.start:
            continue
        alone = [j for j in spans.near(s, e.start) if spans.items[j].end <= e.start and spans.items[j].start >= s]  # type: ignore[union-attr]
        if any(spans.items[j].end > s and spans.items[j].start < s for j in spans.near(s, s + 1)):  # type: ignore[union-attr]
            continue  # something read across the abbreviation's start
        spans.remove(alone)
        spans.items[k] = Entity(e.label, s, e.end, text[s : e.end], e.source, text[s : e.end], dict(e.extra))
    return spans.entities()


def _places_in_posts(text: str, ents: list[Entity]) -> list[Entity]:
    """``Қазақстан Президенті``, ``ҚР Қорғаныс министрлігінің``: the country a post or a body opens with is an
    entity of its own, nested in it (a place of the gazetteers, or the abbreviation of one)."""
    out = []
    places_at = {o.start for o in ents if o.label == "GPE"}
    for p in ents:
        if p.label not in ("POSITION", "ORGANISATION") or " " not in p.text:
            continue
        first = p.text.split()[0]
        if first in _DIRECTION_WORDS and len(p.text.split()) > 2 and _known_place(p.text.split()[1]):
            first = p.text[: p.text.index(p.text.split()[1], len(first)) + len(p.text.split()[1])]  # Шығыс Қазақстан
        last = first.split()[-1]
        place = (_known_place(last) and not looks_adjectival(last)) or _ABBREVIATION_LABELS.get(
            first.split("-")[0]
        ) == "GPE"  # not Қазақстандық сапа орталығы: an adjective of a place is no place
        if place and p.start not in places_at:
            places_at.add(p.start)  # a post and the body in it open with the same place: one entity
            end, base = p.start + len(first), base_form(first, "GPE")
            k = _KIND_RE.match(text, end)
            if k is not None and k.end() < p.end and _KIND_OF[_kind_key(k.group("kind"))][1] == "GPE":
                end, base = k.end(), _place_base(first, _kind_key(k.group("kind")))  # Қазақстан Республикасының
            out.append(Entity("GPE", p.start, end, text[p.start : end], "rule", base, {"inside": p.label}))
        elif not place and p.start not in places_at and first[:1].isupper() and first.lower() not in _NOT_NAMES:
            # Қорғалжын ауданы әкімінің орынбасары: a name and the kind word of a place open the post, whatever
            # the gazetteers know
            k = _KIND_RE.match(text, p.start + len(first))
            if (
                k is not None
                and k.end() < p.end
                and _KIND_OF[_kind_key(k.group("kind"))][1] == "GPE"
                and first.isalpha()
                and re.search(_SURNAME + r"\Z", first) is None
            ):
                places_at.add(p.start)
                base = _place_base(first, _kind_key(k.group("kind")))
                out.append(Entity("GPE", p.start, k.end(), text[p.start : k.end()], "rule", base, {"inside": p.label}))
    return out


def _place_not_person(e: Entity) -> Entity:
    """``Бангкоктан``, ``Әзербайжан``, ``Жаңа Зеландия`` read as a person: a place of the gazetteer is a place."""
    if e.source != "model" or e.label != "PERSON":
        return e
    one_word = " " not in e.text.strip() and _known_place(e.text)
    if one_word or base_form(e.text, "GPE") in GPE_NAMES:
        return Entity("GPE", e.start, e.end, e.text, e.source, base_form(e.text, "GPE"), dict(e.extra))
    return e


def _misread(text: str, e: Entity) -> bool:
    """A model reading that press releases do not bear."""
    if e.source != "model":
        return False
    if e.label == "GPE" and e.text.isupper() and len(e.text) > 2:
        core = e.text.split("-")[0]
        return core not in _KNOWN_ABBREVIATIONS and not core.endswith(_REGION_ABBREVIATION_END)
    if e.label == "GPE" and " " not in e.text and e.text.lower().endswith(_RELATIVE) and not _known_place(e.text):
        return True  # Ішкі, Сыртқы: "inner", "outer", adjectives in -кі/-қы
    if (
        e.label == "GPE"
        and " " not in e.text
        and _starts_sentence(text, e.start)
        and not _known_place(e.text)
        and _KIND_RE.match(text, e.end) is None
    ):
        return True  # Поэзия, Ведомствоның: one word that opens a sentence is capitalised for that, not a place
    if e.label == "POSITION" and all(w.isupper() for w in e.text.split()):
        return True  # ҚР ҚМ: abbreviations of a country and a body, no post
    if (
        e.label == "EVENT"
        and _starts_sentence(text, e.start)
        and e.text.split()[0].lower() in _SPORTS
        and e.text.split(None, 1)[-1].islower()
    ):
        return True  # Футбол чемпионаты: a sport and a kind of event, capitalised because it opens a sentence
    if e.text.split("-")[0] in _LEGAL_FORMS:
        return True  # ЖШС alone (as a person, a time): a legal form without its name names nothing
    if e.label in _NOT_NAME_LABELS and _LATIN_WORDS_RE.fullmatch(e.text.strip(_PUNCT + " ")):
        return True  # Sputnik, kz as a number: words in Latin letters are no Kazakh number words
    if e.label == "ORGANISATION" and " " not in e.text and e.text[1:].islower() and looks_adjectival(e.text):
        return True  # Ұлттық, Мемлекеттік: an adjective alone names nothing
    if e.label not in _NOT_NAME_LABELS and e.text[:1] in "–—-":
        return True  # – дейді: the dash of direct speech and the verb after it name nothing
    if e.label == "ORGANISATION" and _in_quotes(text, e) and not _names_a_body(e.text.strip("«»\"")):
        return True  # «Ғылым», «Министрліктер Үйі»: words in quotes alone, with no kind of body, name no body
    if (
        e.label == "ORGANISATION"
        and " " not in e.text
        and _starts_sentence(text, e.start)
        and stem_parts(e.text)[0].lower() in _COMMON_BODY_STEMS
    ):
        return True  # Мектептің: the common name of a kind of body, capitalised because it opens a sentence
    if e.label == "GPE" and e.text.startswith(_STUMP_PREFIXES) and not _known_place(e.text):
        return True  # Мемқызмет: a stump compound of мемлекеттік "state" is no place
    if e.label == "PERSON" and " " not in e.text.strip():
        surname = re.search(_SURNAME + "(?:" + NAME_SUFFIX + r")$", e.text) is not None
        return _starts_sentence(text, e.start) and not surname  # Декларацияны, Салонда
    return False


_EMBED_WORDS = frozenset(words("embed_words.txt"))
_EMBED_MONTHS = frozenset(words("embed_months.txt"))
_OCCUPATIONS = frozenset(words("occupations.txt"))
_DAY_BEFORE_RE = re.compile(r"\d{1,2}[ \t]+\Z")


def _sport_in_ablative(word: str) -> bool:
    """``Теннистен``, ``Дзюдодан``: a sport in the ablative ('in tennis'), as a news report opens."""
    low = word.lower()
    return any(low.endswith(a) and low[: -len(a)] in _SPORTS for a in _ABLATIVE)


def _foreign_word(text: str, w: re.Match, first: bool, person: bool = False, event: bool = False) -> bool:
    word = w.group()
    if word in _EMBED_WORDS or (word in _EMBED_MONTHS and _DAY_BEFORE_RE.search(text, 0, w.start())):
        return True
    if first and not event and _sport_in_ablative(word):  # Теннистен Рафаэль Надаль, Дзюдодан Қазақстан құрамасы
        return True
    return first and person and word.lower() in _OCCUPATIONS  # Әнші Жанар Айжанова: the occupation before the name


def _without_foreign_words(text: str, e: Entity) -> Entity | None:
    """A model name without the words that are none of it at its edges: the interface words of an embedded post
    (``Посмотреть``, ``PST``, ``18 Янв``), a sport in the ablative before a name (``Теннистен``) and an occupation
    before a person (``Әнші``); None when nothing is left."""
    if e.source != "model" or e.label in _NOT_NAME_LABELS:
        return e
    ws = list(_WORD_RE.finditer(text, e.start, e.end))
    i, j = 0, len(ws)
    while i < j and _foreign_word(text, ws[i], True, e.label == "PERSON", e.label == "EVENT"):
        i += 1
    while j > i and _foreign_word(text, ws[j - 1], False):
        j -= 1
    if (i, j) == (0, len(ws)):
        return e
    if i == j:
        return None
    s, end = ws[i].start(), ws[j - 1].end()
    return Entity(e.label, s, end, text[s:end], e.source, base_form(text[s:end], e.label), dict(e.extra))

def _in_quotes(text: str, e: Entity) -> bool:
    """Whether ``e`` is all the words of a pair of quotes, the quotes in it or around it."""
    if _QUOTED_ONLY_RE.fullmatch(e.text):
        return True
    return e.start > 0 and text[e.start - 1] in "«\"" and text[e.end : e.end + 1] in ("»", '"') and e.end < len(text)


def _names_a_body(words_: str) -> bool:
    """Whether words in quotes hold what names a body: an abbreviation, Latin letters, a number, a kind of body."""
    return (
        _ABBREVIATION_IN_RE.search(words_) is not None
        or re.search(r"[A-Za-z0-9№]", words_) is not None
        or any(w.lower() in _ORG_HEAD_SET or _KIND_END_RE.search(" " + w) for w in re.findall(r"[\w-]+", words_))
    )


_IN_PLACE_LABELS = frozenset({"EVENT", "ORGANISATION", "GPE", "FACILITY", "LOCATION", "PERSON"})


def _in_place(word: str) -> bool:
    """``Ханойдағы``: a known place in the locative with -ғы, which says where a name is and is none of it."""
    for x in IN_PLACE_ENDINGS:
        if word.endswith(x) and len(word) > len(x) + 1:
            place = word[: -len(x)]
            return place in _KNOWN_PLACES or _known_place(place)  # Санкт-Петербургтегі, Ханойдағы
    return False


def _places_before_names(text: str, ents: list[Entity]) -> list[Entity]:
    """``Ханойдағы Азия чемпионатында``, ``Ливиядағы Италия елшілігі``: a name that opens with a place in the
    locative with -ғы starts after it, and the place is a GPE of its own."""
    out = []
    for e in ents:
        first = e.text.split(maxsplit=1)
        if e.label not in _IN_PLACE_LABELS or len(first) < 2 or not _in_place(first[0]):
            out.append(e)
            continue
        cut = e.start + len(first[0])
        out.append(Entity("GPE", e.start, cut, first[0], "rule", base_form(first[0], "GPE")))
        s = e.end - len(first[1])
        rest = text[s : e.end]
        label = "GPE" if e.label == "PERSON" and _known_place(rest) else e.label
        out.append(Entity(label, s, e.end, rest, e.source, _name_base(rest, label), dict(e.extra)))
    return out


def _places_of_places(text: str, ents: list[Entity]) -> list[Entity]:
    """``Огайоның Дейтон қаласындағы``, ``Алматы облысының Талғар ауданында``: a place read as one with the place
    it belongs to, in the genitive before it, is two places (no place's name holds a genitive); so are two places
    of the gazetteers side by side (``Ресей Финляндиямен``: a match of two teams)."""
    out = []
    for e in ents:
        if e.label not in ("GPE", "LOCATION") or " " not in e.text:
            out.append(e)
            continue
        ws = list(_WORD_RE.finditer(text, e.start, e.end))
        cut = next((k for k in range(len(ws) - 2, -1, -1)
                    if (ws[k].group().endswith(_GENITIVE) and ws[k + 1].group()[:1].isupper())
                    or (ws[k].group() in GPE_NAMES and _known_place(ws[k + 1].group()))), None)  # fmt: skip
        if cut is None:
            out.append(e)
            continue
        a, b = ws[cut].end(), ws[cut + 1].start()
        first, rest = text[e.start : a], text[b : e.end]
        out.append(Entity("GPE", e.start, a, first, e.source, _name_base(first, "GPE")))
        out.append(Entity(e.label, b, e.end, rest, e.source, _name_base(rest, e.label), dict(e.extra)))
    return out


def _split_people_before_places(text: str, ents: list[Entity]) -> list[Entity]:
    """``Жошыбаев Әзербайжанның``, ``Мейрамбек Айнағұлов Тбилисиде``: a person whose last word is a place ends
    before it; ``Бразилияда Арнольд Шварценеггер``: one whose first word is a place with a case ending starts after
    it; ``Криштиану Роналду Instagram``: a Cyrillic name ends before a word in Latin letters."""
    out = []
    for e in ents:
        words_ = list(_WORD_RE.finditer(text, e.start, e.end)) if e.label == "PERSON" and " " in e.text else []
        if len(words_) < 2:
            out.append(e)
            continue
        first, last = words_[0].group(), words_[-1].group()
        if _known_place(first) and (stem_parts(first)[3] or first.endswith(IN_PLACE_ENDINGS)):
            out.append(Entity("GPE", e.start, words_[0].end(), first, "rule", base_form(first, "GPE")))
            words_ = words_[1:]
        if len(words_) > 1 and _known_place(last):
            out.append(Entity("GPE", words_[-1].start(), e.end, last, "rule", base_form(last, "GPE")))
            words_ = words_[:-1]
        elif len(words_) > 1 and last.isascii() and not words_[0].group().isascii():
            words_ = words_[:-1]
        if (words_[0].start(), words_[-1].end()) == (e.start, e.end):
            out.append(e)
            continue
        s, end = words_[0].start(), words_[-1].end()
        out.append(Entity("PERSON", s, end, text[s:end], e.source, base_form(text[s:end], "PERSON")))
    return out


def _with_kinds(text: str, ents: list[Entity]) -> list[Entity]:
    """Places with their kind word: model and rule entities extended, and capitalised names before a kind word."""
    out = []
    for e in ents:
        m = _KIND_RE.match(text, e.end) if e.label in ("GPE", "LOCATION", "PERSON", "FACILITY") else None
        if m is None and e.label in _KIND_LABELS and text.startswith("»", e.end) and text[e.start - 1 : e.start] == "«":
            m = _KIND_RE.match(text, e.end + 1)  # a name in quotes before its kind word: «Асо» жанартауы
            if m is not None:
                e = Entity(e.label, e.start - 1, e.end + 1, text[e.start - 1 : e.end + 1], e.source, e.base, e.extra)
        if m is None:
            k = _KIND_END_RE.search(e.text) if e.source == "model" and e.label in _KIND_LABELS else None
            if k is not None and k.start() > 0:  # Пионерская көшесі, облыстарында: the kind word says what it is
                kind = _kind_key(k.group("kind"))
                name = e.text[: k.start()]
                e = Entity(_KIND_OF[kind][1], e.start, e.end, e.text, e.source, _place_base(name, kind), dict(e.extra))
            out.append(e)
            continue
        kind = _kind_key(m.group("kind"))
        label = _KIND_OF[kind][1]
        extra = {k: v for k, v in e.extra.items() if k != "expansion"}
        out.append(Entity(label, e.start, m.end(), text[e.start : m.end()], e.source, _place_base(e.text, kind), extra))
    spans = _Spans(out)
    for m in _NAMED_KIND_RE.finditer(text):
        name = m.group("name")
        if name.split()[0].lower() in _NOT_NAMES:
            continue
        k = _KIND_RE.match(text, m.end())
        if k is None:
            continue
        kind = _kind_key(k.group("kind"))
        e = Entity(_KIND_OF[kind][1], m.start(), k.end(), text[m.start() : k.end()], "rule", _place_base(name, kind))
        near = [o for o in map(spans.items.__getitem__, spans.near(e.start, e.end)) if o is not None]
        if any((o.start, o.end) == (e.start, e.end) for o in near):
            continue  # the model's place, already with its kind word
        inner = spans.overlapping(e)
        if not inner:
            spans.append(e)
        else:  # a model entity inside the wider name gives way to it (Солтүстік [Қазақстан] облысы)
            # (or whatever the model read on a quoted name alone: «Асо» as a building)
            quoted = m.span("name") if name[0] == "«" else None
            if all(o.start >= e.start and o.end <= e.end
                   and (o.label in ("GPE", "LOCATION", "PERSON") or (o.start, o.end) == quoted)
                   for o in map(spans.items.__getitem__, inner) if o is not None):  # fmt: skip
                spans.remove(inner)
                spans.append(e)
    return spans.entities()


_WORD_BEFORE_RE = re.compile(rf"(?<![\w.-])(?P<word>{UPPER_CLASS}{LOWER_CLASS}+)[ \t]+\Z")


_INITIALS_BEFORE_RE = re.compile(rf"(?<![\w.])(?:{_INITIAL}[ \t]?){{1,2}}\Z")
_INITIALLED_LABELS = ("GPE", "FACILITY", "ORGANISATION", "POSITION")


def _initials_of_names(text: str, ents: list[Entity]) -> list[Entity]:
    """``М.Жұмабаев ауданы``, ``Ғ.Мүсірепов ауданының әкімі``: a place, building or body named after a person keeps
    the person's initials, read before it."""
    out = []
    for e in ents:
        m = _INITIALS_BEFORE_RE.search(text, max(0, e.start - 8), e.start) if e.label in _INITIALLED_LABELS else None
        if m is None or not e.text[:1].isupper():
            out.append(e)
            continue
        span = text[m.start() : e.end]
        base = text[m.start() : e.start] + e.base if e.base else base_form(span, e.label[:3])
        out.append(Entity(e.label, m.start(), e.end, span, e.source, base, dict(e.extra)))
    return out


def _two_word_names(text: str, ents: list[Entity]) -> list[Entity]:
    """``Мәңгілік Ел даңғылы`` read as ``Ел даңғылы``: a street or a natural place with its kind word takes the
    capitalised word right before it, where nothing else was read on that word and it does not open a sentence."""
    out = list(ents)
    for k, e in enumerate(ents):
        if e.label not in ("FACILITY", "LOCATION") or _KIND_END_RE.search(e.text) is None or " " not in e.text:
            continue
        m = _WORD_BEFORE_RE.search(text, max(0, e.start - 30), e.start)
        if (
            m is None
            or m.group("word").lower() in _NOT_NAMES
            or _starts_sentence(text, m.start())
            or any(o is not e and o.start < e.start and o.end > m.start() for o in ents)
            or stem_parts(m.group("word"))[3]
        ):
            continue
        span, base = text[m.start() : e.end], f"{m.group('word')} {e.base or e.text}"
        out[k] = Entity(e.label, m.start(), e.end, span, e.source, base, dict(e.extra))
    return out


_SURNAME_WORD_RE = re.compile(rf"{UPPER_CLASS}{LOWER_CLASS}+{_SURNAME}(?:{NAME_SUFFIX})\Z")


def _given_name(text: str, start: int) -> re.Match[str] | None:
    """The capitalised word right before ``start`` when it can be a given name: no common word, post,
    occupation or place, no case ending."""
    m = _WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    if m is None:
        return None
    w = m.group("word")
    low = w.lower()
    if low in _NOT_NAMES or low in _POSITIONS or low in _OCCUPATIONS or _known_place(w) or stem_parts(w)[3]:
        return None
    return m


def _given_names(text: str, ents: list[Entity]) -> list[Entity]:
    """``Сая [Оразғалиева]``, ``Бейбіт [Құсайынов]``: a surname the model read alone takes the given name right
    before it, where nothing else was read on that word."""
    out = list(ents)
    spans = _Spans(ents)
    for k, e in enumerate(ents):
        if e.label != "PERSON" or " " in e.text or _SURNAME_WORD_RE.match(e.text) is None:
            continue
        m = _given_name(text, e.start)
        if m is None or any(spans.items[j] is not e for j in spans.overlapping_span(m.start(), m.end())):
            continue
        base = f"{m.group('word')} {e.base or e.text}"
        out[k] = Entity("PERSON", m.start(), e.end, text[m.start() : e.end], e.source, base, dict(e.extra))
    return out


def _facilities(text: str) -> list[Entity]:
    """Named buildings (entities-spec FACILITY): ``Атырау мұнай өңдеу зауыты``, ``«Сырым» шекара бекетінде``; a
    capitalised word that only opens its sentence, or a common word, is no name."""
    found = []
    pos = 0
    while (m := _FACILITY_RE.search(text, pos)) is not None:
        name = m.group("name")
        pos = m.end("name")  # a name that is none (Ол Ырғыз … мешіті): the next word may be the name
        if name[0] not in "«\"" and (
            name.lower() in _NOT_NAMES
            or (_starts_sentence(text, m.start()) and not _known_place(name))
            or any(stem_parts(name)[2:])  # Кеңесте: the first noun of the compound takes no ending
            or name.endswith(IN_PLACE_ENDINGS)  # Нью-Йорктегі Barclays Center аренасы: a place, then the name
        ):
            continue
        if _BODY_WORD_RE.search(text, m.end("name"), m.end()) is not None:
            continue  # … әділет департаменті ғимаратында: a body's building, and the body is the name
        if _KIND_RE.search(text[m.end("name") : m.start("kind")] + " ") is not None:
            continue  # Жарма ауылдарына газ құбыры: a place and a structure of it, no name of the structure
        pos = m.end()
        label = "FACILITY"
        staff = _STAFF_AFTER_RE.match(text, m.end()) or _POSITION_RE.match(text, m.end())
        if m.group().endswith(_GENITIVE) and staff:
            label = "ORGANISATION"  # «Астана Опера» театрының ұжымы, … театрының директоры: the body that works there
        found.append(Entity(label, m.start(), m.end(), m.group(), "rule", base_form(m.group(), label[:3])))
    for m in _NAMED_AFTER_RE.finditer(text) if any(w in text for w in _NAMED_AFTER_WORDS) else ():
        label = "FACILITY" if m.group("fac") else "ORGANISATION"
        found.append(Entity(label, m.start(), m.end(), m.group(), "rule", base_form(m.group(), label[:3])))
    return found


def _lone_posts(text: str) -> list[Entity]:
    """``вице-премьер``, ``Премьер-министрі``: posts that are posts wherever they stand."""
    if not any(w in text for w in _LONE_POST_WORDS):
        return []
    return [Entity("POSITION", m.start(), m.end(), m.group(), "rule", m.group()) for m in _LONE_POST_RE.finditer(text)]


def _sources(text: str, ents: list[Entity]) -> list[Entity]:
    """``…, деп хабарлайды ҚазАқпарат``: the name after a verb of reporting is the source, an organisation; what
    the model read on it or across it (``ҚазАқпарат тілшісі`` as a post) gives way. A source that cites another
    (``ҚазАқпарат Reuters-ке сілтеме жасап``) gives two."""
    found = []
    spans: list[tuple[int, int, str | None]] = []  # (start, end, base where the ending is cut off here)
    taken = []
    for m in _CITING_RE.finditer(text):  # the source and the one it cites, before the sources alone
        taken.append((m.start(), m.end()))
        case = m.start("case") if m.group("case") and text[m.start("case") - 1] == "-" else None
        spans += [(*m.span("name"), None), (*m.span("cited"), text[m.start("cited") : case - 1] if case else None)]
    for m in [*_SOURCE_RE.finditer(text), *_DATELINE_SOURCE_RE.finditer(text)]:
        if not any(a <= m.start("name") < b for a, b in taken):
            spans.append((*m.span("name"), None))
    for s, e, base in spans:
        if text[s:e].split()[0].lower() in _NOT_NAMES:
            continue
        found.append(Entity("ORGANISATION", s, e, text[s:e], "rule", base or base_form(text[s:e], "ORG")))
    if not found:
        return ents
    spans = _Spans(found)
    return [x for x in ents if not spans.overlapping(x)] + found


def _listed_places(text: str) -> list[Entity]:
    """``Қордай, Масанчи, Ауқатты, Сортөбе елді мекендерінде``: a list that writes the kind word of a place once,
    in the plural, after the last name gives a GPE for each name (entities-spec), the last with the kind word."""
    found = []
    for m in _PLACE_LIST_RE.finditer(text):
        k = _KIND_RE.match(text, m.end())
        plain = k is None and _SETTLEMENTS_RE.match(text, m.end()) is not None  # … Сортөбе елді мекендерінде
        if not plain and (k is None or not _PLURAL_RE.match(k.group("end"))):
            continue
        # the kind's label: places, and streets (Герцен және Жерұйық көшелерінде) or rivers alike
        label = "GPE" if plain or k is None else _KIND_OF[_kind_key(k.group("kind"))][1]
        names = [*_LIST_NAME_RE.finditer(text, m.start("names"), m.end("names"))]
        if any(n.group().lower() in _NOT_NAMES for n in names) or m.group("last").lower() in _NOT_NAMES:
            continue
        for n in names:
            found.append(Entity(label, n.start(), n.end(), n.group(), "rule", n.group()))
        s = m.start("last")
        if plain or k is None:
            found.append(Entity(label, s, m.end(), m.group("last"), "rule", m.group("last")))
        else:
            kind = _kind_key(k.group("kind"))
            found.append(Entity(label, s, k.end(), text[s : k.end()], "rule", _place_base(m.group("last"), kind)))
    return found


def _events(text: str) -> list[Entity]:
    """Named events (entities-spec EVENT): a name in quotes, with a number or two names joined by a hyphen before
    a kind of event (``«KADEX - 2018» көрмесі``, ``G-20 саммитіне``, ``Қазақстан-Польша бизнес-форумына``); a name
    in capitals with its year (``EXPO-2017``); a cup or a championship after a capitalised name, no quotes (``Дэвис
    кубогына``, ``Испания чемпионатының``); and then the same name in capitals elsewhere in the text, with its
    case ending (``ЕХРО-ға``)."""
    found = []
    for m in _EVENT_RE.finditer(text):
        start, end = m.span()
        name = m.group("name")
        if "-" in name and any(
            name[:i] in PLACE_NAMES and is_inflection(name[i:], name[:i]) for i in range(len(name), 3, -1)
        ):
            continue  # Нью-Делиде өтіп жатқан … кубогында: a place with its ending, not a name of two joined
        if _NAMING_RE.match(text, m.end("name") - 1):  # «…» атты … сайысы: the name is what the quotes hold
            start, end = start + 1, m.end("name") - 1
        found.append(Entity("EVENT", start, end, text[start:end], "rule", base_form(text[start:end], "EVENT")))
    spans = _Spans(found)
    for m in _CHAMPIONSHIP_RE.finditer(text):
        start = m.start()
        if m.group("year"):  # the year is no part of the name (2016 жылғы [Еуропа чемпионатының])
            start = m.end("year")
            while text[start] in " \t":
                start += 1
        e = Entity("EVENT", start, m.end(), text[start : m.end()], "rule", base_form(text[start : m.end()], "EVENT"))
        if not spans.overlapping(e):
            spans.append(e)
    for m in _NAMED_DAY_RE.finditer(text):
        name = m.group("name")
        low = name.lower()
        if len(m.group("between").split()) > _DAY_KIND_GAP[m.group("kind")]:
            continue
        if name[0] not in "«\"" and (
            low in _NOT_NAMES
            or low in _WEEKDAYS
            or low in _POSITIONS
            or any(w in _NOT_NAMES for w in m.group("between").split())
            or _starts_sentence(text, m.start())
            or stem_parts(name)[3]
            or _SURNAME_WORD_RE.match(name)
            or _known_place(name)
        ):
            continue
        if not spans.overlapping(e := Entity("EVENT", m.start(), m.end(), m.group(), "rule",
                                             base_form(m.group(), "EVENT"))):  # fmt: skip
            spans.append(e)
    for m in _CUP_RE.finditer(text):
        # a common word opening a sentence (Футбол чемпионаты …) names no event; a known place does (Азия …); of
        # two words, the second alone (Теннисшілер Дэвис кубогына)
        for w in _WORD_RE.finditer(text, m.start("name"), m.end("name")):
            word = w.group()
            if word.lower() in _CUP_SCOPES or word.lower() not in _NOT_NAMES and (
                not _starts_sentence(text, w.start()) or _known_place(word)
            ):
                start = w.start()
                break
        else:
            continue
        if not spans.overlapping(e := Entity("EVENT", start, m.end(), text[start : m.end()], "rule",
                                             base_form(text[start : m.end()], "EVENT"))):  # fmt: skip
            spans.append(e)
    cores = set()
    for m in _YEAR_EVENT_RE.finditer(text):
        cores.add(m.group("core"))
        if not spans.overlapping(
            e := Entity("EVENT", m.start(), m.end(), m.group(), "rule", base_form(m.group(), "EVENT"))
        ):
            spans.append(e)
    if cores:
        again = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, cores))})(?:-{LOWER_CLASS}+)?(?![\w-])")
        for m in again.finditer(text):
            if not spans.overlapping(
                e := Entity("EVENT", m.start(), m.end(), m.group(), "rule", base_form(m.group(), "EVENT"))
            ):
                spans.append(e)
    return spans.entities()


def _initialled_people(text: str, ents: list[Entity]) -> list[Entity]:
    """A person written with initials whose surname takes an ending ends there, as a Kazakh noun phrase ends at its
    ending: the model's PERSON that runs on past it (``Қ.Тоқаевтың Жолдауы``) gives way to it."""
    found = [m for m in _INITIAL_RE.finditer(text) if m.group("case")]
    if not found:
        return ents
    spans = _Spans(ents)
    for m in found:
        inner = [k for k in spans.overlapping(Entity("PERSON", m.start(), m.end(), m.group(), "rule"))
                 if spans.items[k] is not None]  # fmt: skip
        people = [spans.items[k] for k in inner]
        if people and all(x.label == "PERSON" for x in people) and any(x.end > m.end() for x in people):  # type: ignore[union-attr]
            spans.remove(inner)
            spans.append(Entity("PERSON", m.start(), m.end(), m.group(), "rule", text[m.start() : m.end("last")]))
    return spans.entities()


def _people(text: str) -> list[Entity]:
    found = []
    for m in _INITIAL_RE.finditer(text):
        found.append(Entity("PERSON", m.start(), m.end(), m.group(), "rule", text[m.start() : m.end("last")]))
    taken = _Spans(list(found))
    for m in _ANY_INITIAL_RE.finditer(text):
        last = m.group("last")
        if last.lower() in _NOT_NAMES or _known_place(last):
            continue
        if not taken.overlapping(e := Entity("PERSON", m.start(), m.end(), m.group(), "rule",
                                             text[m.start() : m.start("last")] + _surname_base(last))):  # fmt: skip
            taken.append(e)
            found.append(e)
    for m in _REVERSED_RE.finditer(text):
        first = m.group("first")
        if first.lower() in _NOT_NAMES or _known_place(first) or base_form(first, "ORG").lower() in _ORG_HEAD_SET:
            continue  # Назарбаев Университеті: a body named after a person
        found.append(Entity("PERSON", m.start(), m.end(), m.group(), "rule", m.group()))
    return found


_GLIDE_VOWEL, _GLIDE = next(r[1:] for r in rows("letters.tsv") if r[0] == "glide_final")


def _placed_clubs(text: str, ents: list[Entity]) -> list[Entity]:
    """``мадридтік «Реал»``, ``каталондық «Барселонаның»``: a name in quotes after an adjective of a place is a club
    or a company from there, an organisation with its case ending, the adjective not part of it; only where the
    name heads its phrase (a case ending in the quotes, or no noun of a compound or adjective after it: халықаралық
    «Болашақ» бағдарламасы is no such name), and the adjective no level of a body (облыстық)."""
    found: list[tuple[int, Entity]] = []
    for m in _PLACE_ADJ_RE.finditer(text):
        if m.group("adj").lower() in _LEVELS:
            continue
        inner = m.group("inner")
        after = [w for w in (m.group("next"), m.group("next2")) if w]
        if not stem_parts(inner.split()[-1])[3] and any(stem_parts(w)[2] for w in after):
            continue
        s, e = m.span("name")
        found.append((m.start(), Entity("ORGANISATION", s, e, m.group("name"), "rule",
                                        "«" + base_form(inner, "ORGANISATION") + "»")))  # fmt: skip
    if not found:
        return ents
    spans = _Spans(ents)
    for adj, f in found:  # the model's reading of the name, or of the adjective and the name, gives way
        inner_ = [k for k in spans.overlapping(f) if spans.items[k] is not None]
        wide = [spans.items[k] for k in inner_]
        if all(adj <= x.start and x.end <= f.end and x.label != "EVENT" for x in wide):  # type: ignore[union-attr]
            spans.remove(inner_)
            spans.append(f)
    return spans.entities()


# a name in quotes beside a bracket: «Динамо» (Минск), Месси («Барселона»)
_QUOTED_BEFORE_BRACKET_RE = re.compile(r"(?P<name>«[^«»()\n]{2,40}»)[ \t]*\((?P<place>[^()\n]{2,30})\)")
_QUOTED_IN_BRACKETS_RE = re.compile(r"\([ \t]*(?P<name>«[^«»()\n]{2,40}»)[ \t]*\)")
_CLUBS = frozenset(words("clubs.txt"))
_QUOTED_RE = re.compile(r"«([^«»()\n]{2,40})»")
# a name in Latin letters with its country in brackets: a company in a list (Qantas (Австралия), Air Arabia (БАӘ))
_LATIN_BEFORE_BRACKET_RE = re.compile(
    r"(?<![\w.@/-])(?P<name>[A-Z][A-Za-z&'.-]*(?:[ \t]+[A-Z][A-Za-z&'.-]*){0,3})[ \t]*\((?P<place>[^()\n]{2,30})\)"
)


def _bracketed_clubs(text: str, ents: list[Entity]) -> list[Entity]:
    """A team as sports news writes it: a name in quotes with its town in brackets (``«Динамо» (Минск)``), or in
    brackets after a player (``Лионель Месси («Барселона»)``), is an organisation, where nothing else was read;
    the town is a GPE. So is a name in Latin letters with its country in brackets, as lists of companies write
    it (``Qantas (Австралия)``)."""
    found = []
    places = []
    people_end = {e.end for e in ents if e.label == "PERSON"}
    for m in _QUOTED_BEFORE_BRACKET_RE.finditer(text):
        if (place := m.group("place").strip()) in GPE_NAMES:
            found.append(m.span("name"))
            s = m.start("place") + m.group("place").index(place)
            places.append(Entity("GPE", s, s + len(place), place, "rule", place))  # the town, whatever was read
    for m in _QUOTED_IN_BRACKETS_RE.finditer(text):
        before = m.start()
        while before and text[before - 1] in " \t":
            before -= 1
        if before in people_end:  # right after a person: the player's team
            found.append(m.span("name"))
    for m in _QUOTED_RE.finditer(text):  # «Реал», «Қайраттың»: a known club alone in quotes
        inner = m.group(1)
        words_ = inner.split()
        if len(words_) <= 3 and not _KIND_RE.match(text, m.end()) and any(
            " ".join(words_[:-1] + [words_[-1][:i]]) in _CLUBS and is_inflection(words_[-1][i:], words_[-1][:i])
            for i in range(len(words_[-1]), 1, -1)
        ):
            found.append(m.span())
    for m in _LATIN_BEFORE_BRACKET_RE.finditer(text):
        if m.group("place").strip() in GPE_NAMES or m.group("place").strip() in _KNOWN_ABBREVIATIONS:
            found.append(m.span("name"))
    spans = _Spans(ents)
    out = []
    for s, e in found:
        name = text[s:e]
        base = "«" + base_form(name[1:-1], "ORGANISATION") + "»" if name[0] == "«" else name
        ent = Entity("ORGANISATION", s, e, name, "rule", base)
        if not any(spans.items[k] is not None and spans.items[k].label != "ORGANISATION"  # type: ignore[union-attr]
                   and not (s <= spans.items[k].start and spans.items[k].end <= e)  # type: ignore[union-attr]
                   for k in spans.overlapping(ent)):  # fmt: skip
            out.append(ent)
    return out + places

def _surname_base(word: str) -> str:
    """The nominative of a surname: its case ending removed; a foreign name that ends in и takes the endings of
    й (``Вердидің`` → ``Верди``)."""
    base = base_form(word, "PERSON")
    i = word.rfind(_GLIDE_VOWEL)
    if base == word and i > 0:
        as_y = base_form(word[:i] + _GLIDE + word[i + 1 :], "PERSON")
        if len(as_y) == i + 1:
            return word[:i + 1]
    return base


def _legal_bodies(text: str) -> list[Entity]:
    """A legal form and a name in quotes are an organisation, whatever the model read: the form before the name
    (``АО «Трансэнерго»``, ``ЖК «Мекенбаева»``) or inside the outer quotes of a nested name (``«НК «ҚТЖ» АҚ»``)."""
    found: list[Entity] = []
    if "«" not in text and '"' not in text:
        return found
    nested = [*_NESTED_LEGAL_RE.finditer(text)] if text.count("«") > 1 else []
    before = []  # a legal form ends right before a quote: the search starts there, not at every character
    for q in _QUOTE_OPEN_RE.finditer(text):
        f = _FORM_BEFORE_QUOTE_RE.search(text, max(0, q.start() - 24), q.start())
        if f is not None and (m := _LEGAL_BEFORE_RE.match(text, f.start())) is not None:
            before.append(m)
    for m in [*nested, *before]:
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        found.append(Entity("ORGANISATION", m.start(), m.end(), m.group(), "rule", base_form(m.group(), "ORG")))
    return found


def _with_legal_bodies(ents: list[Entity], legal: list[Entity]) -> list[Entity]:
    """The organisations of :func:`_legal_bodies` win over every reading that crosses them or lies in them; a post
    around one keeps it, nested; a wider organisation around one (the body and a unit of it) gives way to it, the
    unit going to the post after it (``АО «Трансэнерго» заң бөлімінің басшысы``)."""
    if not legal:
        return ents
    spans = _Spans(ents)
    for o in legal:
        for k in spans.overlapping(o):
            x = spans.items[k]
            if x is not None and x.label == "POSITION" and x.start <= o.start and o.end <= x.end:
                o.extra["inside"] = "POSITION"
            else:
                spans.remove([k])
        spans.append(o)
    return spans.entities()


def _organisations(text: str, legal: list[Entity] = ()) -> list[Entity]:  # type: ignore[assignment]
    found = []
    for rx in (_QUOTED_ORG_RE, _QUOTED_BODY_RE, _SCHOOL_RE):
        for m in rx.finditer(text):
            if any(o.start < m.end() and m.start() < o.end for o in legal):
                continue  # АО «Трансэнерго» заң бөлімі: the body is the legal one, the unit goes to a post
            found.append(Entity("ORGANISATION", m.start(), m.end(), m.group(), "rule", base_form(m.group(), "ORG")))
    return found


_SOFT_HYPHEN = "\u00ad"
_NAME_AGAIN_RE = re.compile(rf"(?<![\w.-]){UPPER_CLASS}{LOWER_CLASS}+(?![\w-])")


def _names_again(text: str, names: set[str] | dict[str, str]) -> Iterator[tuple[re.Match, str]]:
    """Each capitalised word of ``text`` that is one of ``names`` as written or with endings, and the longest such
    name it starts with (its prefixes looked up: a long text has many names)."""
    for m in _NAME_AGAIN_RE.finditer(text):
        word = m.group()
        name = next(
            (word[:i] for i in range(len(word), 1, -1) if word[:i] in names and is_inflection(word[i:], word[:i])), None
        )
        if name is not None:
            yield m, name


def _places_named_again(text: str, ents: list[Entity]) -> list[Entity]:
    """``Қордай ауданында`` … ``Қордайдағы``: a one-word name the text gives a place with its kind word is that
    place wherever else it stands alone, as written or with a case ending, where nothing else was read."""
    names = set()
    for e in ents:
        if e.label == "GPE" and (k := _KIND_END_RE.search(e.text)) is not None:
            name = e.text[: k.start()]
            if name.isalpha() and name[:1].isupper() and re.search(_SURNAME + r"\Z", name) is None:
                names.add(name)  # not a district named after a person (М.Жұмабаев ауданы)
    if not names:
        return []
    spans = _Spans(ents)
    found = []
    for m, name in _names_again(text, names):
        word = m.group()
        if _KIND_RE.match(text, m.end()) or _in_quotes(text, Entity("GPE", m.start(), m.end(), word)):
            continue  # «Түгіскен» тұқым шаруашылығы: a name alone in quotes names something else
        end, base = m.end(), name
        after = text[end : end + 40]
        if (k := _KIND_RE.match(after.replace(_SOFT_HYPHEN, ""))) is not None:  # ауы\u00adлынан: a soft hyphen
            kept = 0
            for i, c in enumerate(after):
                kept += c != _SOFT_HYPHEN
                if kept == k.end():
                    end, base = end + i + 1, _place_base(word, _kind_key(k.group("kind")))
                    break
        if not spans.overlapping(e := Entity("GPE", m.start(), end, text[m.start() : end], "rule", base)):
            found.append(e)
    return found


def _people_named_again(text: str, ents: list[Entity]) -> list[Entity]:
    """``Патрис Эвра`` … ``Эвраның``, ``Б.Сағынтаев`` … ``Сағынтаев``: the surname of a person the text names in
    full (a first name or initials before it) is that person wherever else it stands alone, as written or with a
    case ending, where nothing else was read; not a surname that is also a place or a common word."""
    names = {}
    for e in ents:
        if e.label != "PERSON" or _in_quotes(text, e):  # «Евгений Онегин»: a title, not a person named in full
            continue
        words_ = re.split(r"[ \t]+|(?<=\.)", e.text.strip())
        if len(words_) < 2 or not words_[-1].isalpha():
            continue
        base = _surname_base(words_[-1])
        if len(base) > 2 and base[:1].isupper() and base[1:].islower() and base.lower() not in _NOT_NAMES \
                and not _known_place(base):  # fmt: skip
            names[base] = base
    if not names:
        return []
    spans = _Spans(ents)
    found = []
    for m, name in _names_again(text, names):
        if _in_quotes(text, e := Entity("PERSON", m.start(), m.end(), m.group(), "rule", name)):
            continue
        if not spans.overlapping(e):
            found.append(e)
    return found


def _bodies_across_places(text: str, ents: list[Entity]) -> list[Entity]:
    """``Ресей Федерациясы Үкіметінің`` read as ``Ресей Федерациясы`` and ``Федерациясы Үкіметінің``: a body that
    starts inside a place with its kind word starts with the place, and the place is nested in it."""
    spans = _Spans(ents)
    out = []
    for e in ents:
        if e.label == "ORGANISATION":
            for k in spans.overlapping(e):
                g = spans.items[k]
                if g is not None and g.label == "GPE" and g.start < e.start < g.end < e.end:
                    span = text[g.start : e.end]
                    e = Entity(e.label, g.start, e.end, span, e.source, base_form(span, "ORG"), dict(e.extra))
                    g.extra["inside"] = "ORGANISATION"
                    break
        out.append(e)
    return out


_WORK_AFTER_RE = re.compile(
    r"[ \t]+(?:" + "|".join(map(re.escape, sorted(words("work_kinds.txt"), key=len, reverse=True))) + ")"
    + "(?:" + "|".join(endings("plural")) + f")?(?:{NAME_SUFFIX})(?!\\w)"
)
_TITLE_LABELS = frozenset({"PROJECT", "EVENT", "LAW"})
_NAME_GENITIVE_RE = re.compile(
    rf"(?<![\w.-])(?P<name>{UPPER_CLASS}{LOWER_CLASS}+)(?:{'|'.join(_GENITIVE)})[ \t]+\Z"
)
_LISTED_AFTER_RE = re.compile(rf"[ \t]*(?:,|[ \t](?:{_LIST_JOINERS}))[ \t]*")
_DIRECTION_WORDS = frozenset(w for w in words("directions.txt") if w[:1].isupper())
_DIRECTION_BEFORE_RE = re.compile(rf"(?<![\w-])(?:{_DIRECTIONS})[ \t]+\Z")


def _directions_before(text: str, ents: list[Entity]) -> list[Entity]:
    """``Оңтүстік Қазақстан облысының … корпорациясы`` read from ``Қазақстан``: a capitalised direction right before a
    place, or a body that opens with a place, belongs to its name; the place in the body is nested in it."""
    starts: dict[int, list[Entity]] = {}
    for e in ents:
        if e.label in ("GPE", "ORGANISATION") and e.text[:1].isupper():
            starts.setdefault(e.start, []).append(e)
    if not starts:
        return ents
    out = list(ents)
    for s, group in starts.items():
        m = _DIRECTION_BEFORE_RE.search(text, max(0, s - 20), s)
        if m is None or not m.group()[:1].isupper() or any(x.start <= m.start() < x.end for x in ents):
            continue  # the direction is read as part of something else
        d = m.start()
        direction = m.group().split()[0]
        nested = any(e.label == "GPE" for e in group)
        for e in group:
            span = text[d : e.end]
            base = f"{direction} {e.base or e.text}" if e.label == "GPE" else base_form(span, "ORG")
            out[out.index(e)] = Entity(e.label, d, e.end, span, e.source, base, dict(e.extra))
            k = _KIND_RE.match(text, e.start + len(e.text.split()[0]))
            if e.label == "ORGANISATION" and not nested and k is not None and k.end() < e.end:
                kind = _kind_key(k.group("kind"))
                if _KIND_OF[kind][1] == "GPE":
                    name = f"{direction} {e.text.split()[0]}"
                    out.append(Entity("GPE", d, k.end(), text[d : k.end()], "rule", _place_base(name, kind),
                                      {"inside": "ORGANISATION"}))  # fmt: skip
                    nested = True
    return out


_INITIALS_BEFORE_RE = re.compile(rf"(?<![\w.])(?:{_INITIAL}[ \t]?){{1,2}}\Z")
_COUNTRY_ABBREVIATION_LIST = tuple(r[0] for r in rows("abbreviation_entities.tsv") if r[1] == "GPE")
_COUNTRY_ABBREVIATIONS = "|".join(map(re.escape, _COUNTRY_ABBREVIATION_LIST))
_COUNTRY_POST_RE = re.compile(
    rf"(?<![\w-])(?:{_COUNTRY_ABBREVIATIONS})[ \t]+(?P<body>{UPPER_CLASS}{LOWER_CLASS}[\w-]*"
    rf"(?:[ \t]+(?:{_LIST_JOINERS}|{LOWER_CLASS}[\w-]*)){{0,4}}?)[ \t]+{_POSITION_WORD}"
    rf"(?:[ \t]+(?:(?:{_POST_MODIFIERS})[ \t]+)?{_POSITION_WORD})?(?!\w)"
)
_FIRST_NAME_BEFORE_RE = re.compile(rf"(?<![\w.-])(?P<first>{UPPER_CLASS}{LOWER_CLASS}+)[ \t]+\Z")
# a capitalised word right after a first name, then punctuation or a lower-case word (… – деді Михаэль Кортюм.)
_SURNAME_AFTER_RE = re.compile(
    rf"[ \t]+(?P<last>{UPPER_CLASS}{LOWER_CLASS}+(?:-{UPPER_CLASS}{LOWER_CLASS}+)?)"
    rf"(?=[ \t]*[.,;:!?)](?!\w)|[ \t]+{LOWER_CLASS})"
)
_PATRONYMIC_END_RE = re.compile(rf"{_PATRONYMIC}\Z")
_TITLE_AFTER_RE = re.compile(r"[ \t]+[«\"]")


def _foreign_people(text: str, ents: list[Entity]) -> list[Entity]:
    """``Рианнаның``, ``Татьяна Хайтиди``, ``М. Джексонның`` read as places: one word the model reads as a place that
    no gazetteer knows, has no kind word after it and stands as people do is a person: after initials or a first
    name (a capitalised word with no ending, no entity of its own, not opening its sentence), or in the genitive
    before a title in quotes (the author of a work)."""
    index: list[_Spans] = []  # built on first use: most texts have no candidate

    def spans() -> _Spans:
        if not index:
            index.append(_Spans(ents))
        return index[0]

    out = list(ents)
    for k, e in enumerate(ents):
        if (
            e.source != "model"
            or e.label != "GPE"
            or " " in e.text
            or _known_place(e.text)
            or _KIND_RE.match(text, e.end) is not None
            or _in_quotes(text, e)
        ):
            continue
        start = e.start
        initials = _INITIALS_BEFORE_RE.search(text, max(0, start - 6), start)
        first = _FIRST_NAME_BEFORE_RE.search(text, max(0, start - 30), start)
        if first is not None and not (
            first.group("first").lower() not in _NOT_NAMES
            and not any(stem_parts(first.group("first"))[1:])
            and not _known_place(first.group("first"))
            and not _starts_sentence(text, first.start())
            and not spans().overlapping(Entity("PERSON", first.start(), first.end("first"), first.group("first")))
        ):
            first = None
        if (m := initials or first) is not None:
            start = m.start()
        elif not (e.text.endswith(_GENITIVE) and _TITLE_AFTER_RE.match(text, e.end)):
            continue
        span = text[start : e.end]
        out[k] = Entity("PERSON", start, e.end, span, e.source, base_form(span, "PERSON"), dict(e.extra))
    for k, e in enumerate(out):  # Михаэль Кортюм, Ричард Баер: a first name the model read without the surname
        if e.source != "model" or e.label != "PERSON" or " " in e.text:
            continue
        if (m := _SURNAME_AFTER_RE.match(text, e.end)) is None:
            continue
        word = m.group("last")
        if (
            word.lower() in _NOT_NAMES
            or _known_place(word)
            or _KIND_RE.match(text, m.end()) is not None
            or _BODY_WORD_RE.match(" " + text[m.end() : m.end() + 40]) is not None
            or spans().overlapping(Entity("PERSON", m.start("last"), m.end(), word))
        ):
            continue
        span = text[e.start : m.end()]
        out[k] = Entity("PERSON", e.start, m.end(), span, e.source, base_form(span, "PERSON"), dict(e.extra))
    return out


def _joined_people(text: str, ents: list[Entity]) -> list[Entity]:
    """``Қарлығаш Жамалбекқызы`` + ``Айдарбек`` read as two people: a name that ends with a patronymic and one word
    read as a person right after it are one person (first name, patronymic, surname)."""
    out: list[Entity] = []
    for e in sorted(ents, key=lambda x: (x.start, -x.end)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == e.label == "PERSON"
            and text[prev.end : e.start] == " "
            and " " not in e.text
            and len(prev.text.split()) == 2
            and _PATRONYMIC_END_RE.search(prev.text) is not None
        ):
            span = text[prev.start : e.end]
            out[-1] = Entity("PERSON", prev.start, e.end, span, prev.source, span, dict(prev.extra))
        else:
            out.append(e)
    return out


def _titles_not_bodies(text: str, ents: list[Entity]) -> list[Entity]:
    """``Адельдің «Hello» және «Rolling In The Deep»``, ``«Қыз Жібек» қойылымы``: a title in quotes names a work, not a
    body, a person or a building, where a kind of work follows it, a name in the genitive stands before it (its
    author), or it is listed with such a title: what the model read in it gives way."""
    if "«" not in text and '"' not in text:
        return ents
    spans = _Spans(ents)
    drop: set[int] = set()
    last_title_end = -1
    for q in _QUOTED_ONLY_RE.finditer(text):
        s, end = q.span()
        work = _WORK_AFTER_RE.match(text, end) is not None
        listed = last_title_end >= 0 and _LISTED_AFTER_RE.fullmatch(text, last_title_end, s) is not None
        authored = False
        if not (work or listed) and (g := _NAME_GENITIVE_RE.search(text, max(0, s - 40), s)) is not None:
            initial = _INITIALS_BEFORE_RE.search(text, max(0, g.start() - 6), g.start()) is not None
            authored = not _known_place(g.group("name")) and (initial or not _starts_sentence(text, g.start()))
        if work or listed or authored:
            drop.update(
                k
                for k in spans.near(s, end)
                if (x := spans.items[k]) is not None
                and (x.source == "model" or x.label == "PERSON")  # «Қыз Жібек» қойылымы: no first name and surname
                and x.label not in _NOT_NAME_LABELS
                and x.label not in _TITLE_LABELS  # «Президенттің бес әлеуметтік бастамасы»: a programme's name
                and s <= x.start
                and x.end <= end
            )
            last_title_end = end
    return [e for k, e in enumerate(spans.items) if k not in drop and e is not None]


def _bodies_of_places(text: str, ents: list[Entity]) -> list[Entity]:
    """``Қазақстан Республикасының Ұлттық Банкі``: a place in the genitive right before a body is part of the
    body's name (the longest proper name, entities-spec)."""
    ents = sorted(ents, key=lambda x: (x.start, -x.end))
    out: list[Entity] = []
    for e in ents:
        prev = out[-1] if out else None
        if (
            e.label == "ORGANISATION"
            and prev is not None
            and prev.label == "GPE"
            and "inside" not in prev.extra
            and prev.text.endswith(_GENITIVE)
            and text[prev.end : e.start] == " "
            and (e.text[:1].isupper() or e.text[:1] == "№")  # Қостанай қаласының №2 соты
        ):
            span = text[prev.start : e.end]
            out[-1] = Entity("ORGANISATION", prev.start, e.end, span, e.source, base_form(span, "ORG"), dict(e.extra))
        else:
            out.append(e)
    return out


_TEAM_RE = re.compile(
    r"[ \t]+(?:(?:" + "|".join(map(re.escape, words("team_groups.txt"))) + r")[ \t]+)*"
    r"(?:" + "|".join(map(re.escape, words("team_kinds.txt"))) + rf"){KIND_SUFFIX}(?!\w)"
)


def _national_teams(text: str, ents: list[Entity]) -> list[Entity]:
    """``Қазақстан құрамасы``, ``Қазақстан ұлттық құрамасының``, ``Италия құрамасы``: a country's team is an
    organisation, the country a GPE nested in it (every gold set writes them so)."""
    found = []
    for e in ents:
        if e.label != "GPE" or "inside" in e.extra or base_form(e.text, "GPE") != e.text:
            continue  # a place in a case form (Қазақстанда құрама жиналды) names no team
        if (m := _TEAM_RE.match(text, e.end)) is None:
            continue
        span = text[e.start : m.end()]
        found.append((e, Entity("ORGANISATION", e.start, m.end(), span, "rule", base_form(span, "ORG"))))
    if not found:
        return ents
    teams = _Spans([t for _, t in found])
    places = {id(e) for e, _ in found}
    out = [x for x in ents if id(x) in places or not teams.overlapping(x)]
    for e, _ in found:
        e.extra["inside"] = "ORGANISATION"
    return out + [t for _, t in found]


def _levelled_bodies(text: str, ents: list[Entity]) -> list[Entity]:
    """A place and a level before a body's name are part of it (``Алматы облыстық Денсаулық сақтау басқармасы``,
    entities-spec's longest name), the place a GPE nested in it; what the model read on the place and the level
    (``Алматы облыстық`` as a body) gives way. A level alone before a capitalised name is left out, as the gold
    sets disagree on it (``қалалық Жұмыспен қамту және әлеуметтік қорғау басқармасы``)."""
    ends: dict[int, list[Entity]] = {}
    for e in ents:
        ends.setdefault(e.end, []).append(e)
    drop: set[int] = set()
    widened: dict[int, Entity] = {}
    for e in ents:
        if e.label != "ORGANISATION" or not e.text[:1].isupper():
            continue
        lv = _LEVEL_RE.search(text, max(0, e.start - 20), e.start)
        if lv is None:
            continue
        start = lv.start()
        place = next((o for o in ends.get(start - 1, []) if o.label == "GPE" and text[start - 1] == " "
                      and stem_parts(o.text)[3] == "" and o.extra.get("inside", "ORGANISATION") == "ORGANISATION"),
                     None)  # fmt: skip
        model = [o for o in ends.get(e.start - 1, []) if o.label == "ORGANISATION" and o.start < start]
        if place is not None:
            place.extra["inside"] = "ORGANISATION"
            start = place.start
        elif len(model) == 1 and text[model[0].start : model[0].start + 1].isupper():
            start = model[0].start
        else:
            continue
        drop.update(id(o) for o in model)
        span = text[start : e.end]
        widened[id(e)] = Entity("ORGANISATION", start, e.end, span, e.source, base_form(span, "ORG"), dict(e.extra))
    return [widened.get(id(e), e) for e in ents if id(e) not in drop]


def _bodies_opening_posts(ents: list[Entity], orgs: list[Entity]) -> list[Entity]:
    """``«Талапкер» тілдер орталығының жетекшісі`` read whole as a post by the model: the body a rule finds at the
    post's start is kept too, nested (``inside``: POSITION), as a post made by the rules keeps its body."""
    spans = _Spans(ents)
    out = list(ents)
    for o in orgs:
        near = [x for x in map(spans.items.__getitem__, spans.overlapping(o)) if x is not None]
        if any((x.start, x.end) == (o.start, o.end) for x in near):
            continue
        if any(x.label == "POSITION" and x.start == o.start and o.end < x.end for x in near):
            out.append(Entity(o.label, o.start, o.end, o.text, o.source, o.base, {**o.extra, "inside": "POSITION"}))
    return out


def _post_inside_org(e: Entity, orgs: _Spans) -> bool:
    """A model post that starts inside an organisation's name (``ЖШС директоры`` in ``«Вадиса М» ЖШС
    директоры``): it gives way, and the post is made again with the whole body (``_positions_with_bodies``)."""
    if e.source != "model" or e.label != "POSITION":
        return False
    return any(o.start < e.start < o.end < e.end for o in map(orgs.items.__getitem__, orgs.overlapping(e)))  # type: ignore[union-attr]


def _abbreviations_before(text: str, s: int) -> int:
    """Where the abbreviations right before ``s`` start (ҚР ҚМ МКК …), or ``s``; not the end of a web address
    (KAZ.NUR.KZ)."""
    while (m := _ABBREVIATION_RE.search(text, max(0, s - 12), s)) and not (
        text[m.start() - 1 : m.start()].isalnum() or text[m.start() - 1 : m.start()] == "."
    ):
        s = m.start()
    return s


def _widened(text: str, e: Entity) -> Entity:
    """An organisation with what belongs to its name: the quotes around it («Жұмыспен қамту орталығы»), the
    abbreviations before it (ҚР ҚМ МКК Кедендік бақылау ұйымы), its press service (Ақорданың баспасөз қызметі)."""
    if e.label not in _QUOTED_LABELS:
        return e
    s, end = e.start, e.end
    if s > 0 and end < len(text) and text[s - 1] in '«"' and text[end] in '»"':
        s, end = s - 1, end + 1
    if e.label == "ORGANISATION":
        s = _abbreviations_before(text, s)
        if text[s : s + 1] in "«\"" and (m := _NUMBER_SIGN_RE.search(text, max(0, s - 8), s)):
            s = m.start()  # №19 «Раушан» бөбекжайы: the number of a body named in quotes is part of its name
        # a foreign name in Latin letters before it is part of it (Bek Air компаниясы)
        while (m := _LATIN_NAME_RE.search(text, max(0, s - 40), s)) and text[s : s + 1].isupper():
            if _WEB_MEDIUM_RE.fullmatch(m.group().rstrip()):  # a medium of its own (Tengrinews.kz BBC агенттігіне)
                break
            s = m.start()
        if text[s:end].endswith(_GENITIVE):
            m = _BODY_PARTS_RE.match(text, end) or _SUB_BODY_RE.match(text, end)
            if m is not None and not any(map(_clause_word, m.group().split()[:-1])):
                end = m.end()  # not министрлігінің ұйымдастыруымен өткен форумы: a clause, then another thing
        elif text[s:end].rsplit(None, 1)[-1].lower() in _ORG_HEAD_SET and (m := _BODY_PARTS_RE.match(text, end)):
            end = m.end()  # … полиция департаменті баспасөз қызметінің: the compound's first noun, bare
        elif e.source == "model" and (m := _UNIT_AFTER_RE.match(text, end)) is not None:
            end = m.end()  # Орталық коммуникациялар қызметі read without its head word: the compound's head
    if (s, end) == (e.start, e.end):
        return e
    span = text[s:end]
    return Entity(e.label, s, end, span, e.source, base_form(span, e.label), dict(e.extra))


def _add(ents: list[Entity], new: list[Entity]) -> list[Entity]:
    """New rule entities win over the model entities they cover (a wider reading of the same name); where they
    only cross one, the existing entity stays."""
    if not new:  # most steps find nothing in most texts: no index to build
        return list(ents)
    out = _Spans(ents)
    for n in new:
        inner = out.overlapping(n)
        if all(n.start <= out.items[k].start and out.items[k].end <= n.end for k in inner):  # type: ignore[union-attr]
            out.remove(inner)
            out.append(n)
    return out.entities()


def _abbreviation_posts(text: str, ents: list[Entity]) -> list[Entity]:
    """``СҚО ТЖД бас маманы``: POSITION, and the abbreviated body in it an ORGANISATION of its own, nested."""
    spans = _Spans(ents)
    for m in _ABBR_POST_RE.finditer(text):
        body = m.group("body")
        if body in _LEGAL_FORMS or body.split()[-1] in _LEGAL_FORMS:
            continue
        start = m.start()
        if (q := _QUOTED_BEFORE_RE.search(text, max(0, start - 82), start)) is not None:
            start = q.start()  # «Әлем»БЖО: the name in quotes before the abbreviated kind of body is its name
        org = Entity("ORGANISATION", start, m.end("body"), text[start : m.end("body")], "rule",
                     text[start : m.end("body")], {"inside": "POSITION"})  # fmt: skip
        post = Entity("POSITION", start, m.end(), text[start : m.end()], "rule", text[start : m.end()])
        inner = spans.overlapping(post)
        if all(post.start <= spans.items[k].start and spans.items[k].end <= post.end for k in inner):  # type: ignore[union-attr]
            spans.remove(inner)
            spans.append(post)
            spans.append(org)
    return spans.entities()


_NAME_BEFORE_RE = re.compile(rf"(?<![\w.-])(?P<name>(?:(?:{_DIRECTIONS})[ \t]+)?{_NAME_WORD})[ \t]+\Z")


def _country_posts(text: str) -> list[Entity]:
    """``ҚР Оқу-ағарту министрі``: the abbreviation of a country, a capitalised name of a field and a post is one
    post (the country nested by :func:`_places_in_posts`); a name with the head word of a body in it is a body,
    and its post is found with it."""
    found: list[Entity] = []
    if not any(a in text for a in _COUNTRY_ABBREVIATION_LIST):  # a substring test is much cheaper than the search
        return found
    for m in _COUNTRY_POST_RE.finditer(text):
        body = m.group("body")
        if _BODY_WORD_RE.search(" " + body + " ") is not None or body.split()[0].lower() in _NOT_NAMES:
            continue
        found.append(Entity("POSITION", m.start(), m.end(), m.group(), "rule", m.group()))
    return found


def _people_index(index: list[_Spans], ents: list[Entity]) -> _Spans:
    if not index:
        index.append(_Spans(e for e in ents if e.label == "PERSON"))
    return index[0]


def _person_at(people: _Spans, e: Entity) -> bool:
    """Whether a person's name of two words or more (not one word the model took for a person) overlaps ``e``."""
    return any(" " in x.text for x in map(people.items.__getitem__, people.overlapping(e)) if x)


def _kind_posts(text: str, ents: list[Entity]) -> list[Entity]:
    """``облыс әкімі``, ``мәслихат хатшысы``: posts of a place or a body named by its kind. A name right before the
    kind of a place, in the compound's bare form (``Шиелі аудан әкімі``, ``Қарабұлақ ауылдық округ әкімінің
    орынбасары``), belongs to the post, and the place is an entity of its own, nested."""
    found: list[Entity] = []
    people_index: list[_Spans] = []
    for rx in (_KIND_POST_RE, _BODY_POST_RE):
        for m in rx.finditer(text):
            start, place = m.start(), None
            kind = next((k for k in _GPE_KIND_STEMS if m.group().lower().startswith(k + " ")), None)
            n = _NAME_BEFORE_RE.search(text[max(0, start - 60) : start]) if kind else None
            if n is not None and kind is not None:
                name = n.group("name")
                s = start - len(n.group())
                if (
                    name.split()[0].lower() not in _NOT_NAMES
                    and not stem_parts(name.split()[-1])[3]
                    and re.search(_SURNAME + r"\Z", name) is None  # Аронрашид Жапенов облыс әкіміне: a person
                    and not _person_at(_people_index(people_index, ents), Entity("GPE", s, start - 1, name))
                    and (_known_place(name.split()[-1]) or not _starts_sentence(text, s))
                ):
                    end = start + len(kind)
                    place = Entity("GPE", s, end, text[s:end], "rule", _place_base(name, kind), {"inside": "POSITION"})
                    start = s
            if any((f.start, f.end) == (start, m.end()) for f in found[-2:]):
                continue  # ауылдық округ әкімі: the post of a place and of a body named by its kind
            found.append(Entity("POSITION", start, m.end(), text[start : m.end()], "rule", text[start : m.end()]))
            if place is not None:
                found.append(place)
    return found


_ATTACHED_RE = re.compile(r"[ \t]+(?:" + "|".join(map(re.escape, words("attached_words.txt"))) + r")[ \t]+")
# a word of a body's name (quoted, hyphenated, with soft hyphens), after the spaces before it
_NAME_WORD_RE = re.compile(r"[ \t]*([«\"]?[^\W\d_][\w\u00ad-]*[»\"]?)")
_ATTACHED_MAX_WORDS = 10  # the attached body's name, up to its head word
# the stems of the heads of bodies, either reading of a possessive after a vowel (кеңесі: кеңес-і, кеңе-сі)
_ORG_HEAD_STEMS = frozenset(stem_parts(h)[0] for h in _ORG_HEAD_SET) | frozenset(
    h[: -len(p)] for h in _ORG_HEAD_SET for p in endings("poss") if h.endswith(p) and len(h) - len(p) > 2
)


def _attached_head_end(text: str, pos: int) -> int | None:
    """Where the name of a body that starts at ``pos`` ends: after its first word whose stem is a body's head
    (``кеңестің``, ``академиясы``), within ``_ATTACHED_MAX_WORDS`` words of one phrase; None without one."""
    for _ in range(_ATTACHED_MAX_WORDS):
        w = _NAME_WORD_RE.match(text, pos)
        if w is None:
            return None
        pos = w.end()
        if stem_parts(w.group(1).strip('«»"').lower())[0] in _ORG_HEAD_STEMS:
            return pos
        if text[pos : pos + 1] not in (" ", "\t"):
            return None
    return None


_POST_WORD_RE = re.compile(_POSITION_WORD)
_SUB_MAX_WORDS = 6  # a sub-body's name, up to its head word
_OPEN_CASES = endings("genitive") + ("",)  # the cases a sub-body after a body in the nominative may be in
_INSTRUMENTAL = endings("instrumental")


def _clause_word(word: str) -> bool:
    """A verb, a participle (a relative clause: ``өткен``) or a word in the instrumental (``ұйымдастыруымен``):
    no part of a body's name."""
    return looks_verbal(word) or looks_participial(word) or word.endswith(_INSTRUMENTAL)


def _sub_body_end(text: str, pos: int, capital: bool) -> tuple[int, str] | None:
    """The end of a sub-body's name right after ``pos`` and its head word's case ending: the words of one phrase
    up to the first whose stem is a body's head (``филиалы``, ``комитетінің``), none of them a clause word
    (``_clause_word``), a legal form, a Roman numeral or a post; with ``capital``, the first word is capitalised
    or quoted (a name of its own)."""
    for k in range(_SUB_MAX_WORDS):
        m = _NAME_WORD_RE.match(text, pos) if text[pos : pos + 1] in (" ", "\t") else None
        if m is None:
            return None
        word = m.group(1)
        bare = word.strip('«»"').replace("\u00ad", "")
        if bare.split("-")[0] in _LEGAL_FORMS or roman_value(bare) or _POST_WORD_RE.fullmatch(bare.lower()):
            return None  # a company of its own ("…" АҚ-тың), a session (ХХІ мәжілісі), a post: no unit's name
        first_named = word[:1] in '«"' or word[:1].isupper()
        if k == 0 and capital and not first_named:
            return None
        stem_, _plural, _poss, case = stem_parts(bare.lower())
        if stem_ in _ORG_HEAD_STEMS and (k > 0 or first_named):
            return m.end(), case
        if _clause_word(bare):
            return None
        pos = m.end()
    return None


def _sub_bodies(text: str, ents: list[Entity]) -> list[Entity]:
    """``ҚР АШМ … комитетінің Республикалық эпизоотияға қарсы отряды``, ``Ұлттық Банкінің Алматы облыстық
    филиалы``, ``«Қазсушар» РМК «Суметрология» филиалы``: a unit named after the body it belongs to is one
    ORGANISATION (entities-spec's longest name), the body nested in it, and the places in the unit's name too.
    After a body in the genitive the unit's name may be in lower case (more than the two words that
    ``_widened`` takes); after one in the nominative it starts with a capital or a quote, and its head word is
    not in a case that makes it another body the sentence speaks to (``министрлігі Парламент Мәжілісіне``)."""
    found = []
    for p in ents:
        if p.label != "ORGANISATION" or p.extra.get("inside"):
            continue
        genitive = p.text.endswith(_GENITIVE)
        nominative = not genitive and (
            _LEGAL_END_RE.search(p.text) is not None or p.text.rsplit(None, 1)[-1].lower() in _ORG_HEAD_SET
        )
        if not (genitive or nominative) or (hit := _sub_body_end(text, p.end, capital=nominative)) is None:
            continue
        end, case = hit
        if nominative and case not in _OPEN_CASES:
            continue
        span = text[p.start : end]
        found.append((p, Entity("ORGANISATION", p.start, end, span, "rule", base_form(span, "ORG"))))
    return _add_with_parents(ents, found, places=True)


def _add_with_parents(ents: list[Entity], found: list[tuple[Entity, Entity]], places: bool = False) -> list[Entity]:
    """Each new body of ``found`` (the parent it is named after, the body) added over what it covers (``_add``);
    a model post that starts inside it, after the parent, gives way (it is made again with the whole body); the
    parent, and with ``places`` the places named in the rest of the body, stay entities of their own, nested."""
    if not found:
        return ents
    crossing = {id(e) for e in ents for p, b in found if e.source == "model" and p.end < e.start < b.end < e.end}
    out = _add([e for e in ents if id(e) not in crossing], [body for _, body in found])
    kept = {(e.label, e.start, e.end) for e in out}
    for p, body in found:
        if (body.label, body.start, body.end) not in kept:
            continue
        named = [g for g in ents if g.label == "GPE" and p.end < g.start and g.end <= body.end] if places else []
        for e in [p, *named]:
            if (e.label, e.start, e.end) not in kept:
                nested = {**e.extra, "inside": "ORGANISATION"}
                out.append(Entity(e.label, e.start, e.end, e.text, e.source, e.base, nested))
                kept.add((e.label, e.start, e.end))
    return out


# a proper name of capitalised words ending in a capitalised head word (org_heads.tsv): Назарбаев Университеті
_CAPITAL_HEAD_RE = re.compile(
    rf"(?<![\w-])(?:{UPPER_CLASS}{LOWER_CLASS}+[ \t]+){{1,3}}"
    rf"(?:{'|'.join(sorted({r[0] for r in rows('org_heads.tsv') if r[0][:1].isupper()}, key=len, reverse=True))})"
    rf"(?:{NAME_SUFFIX})(?!\w)"
)


# places of the gazetteers written in one word with a hyphen (Нью-Йорк, Нұр-Сұлтан): no person bears such a name
_HYPHENATED_PLACES = {p: p for p in GPE_NAMES if "-" in p and " " not in p}
_HYPHENATED_PLACE_RE = re.compile(
    rf"(?<![\w-])(?P<name>{'|'.join(map(re.escape, sorted(_HYPHENATED_PLACES, key=len, reverse=True)))})"
    rf"(?:{NAME_SUFFIX})(?![\w-])"
)


def _hyphenated_places(text: str, ents: list[Entity]) -> list[Entity]:
    """``Нью-Делиде``, ``Нью-Йорктегі`` where neither the model nor a rule read anything: a place of the gazetteers
    written with a hyphen is a GPE, with its endings."""
    if "-" not in text:
        return []
    spans = _Spans(ents)
    return [
        Entity("GPE", m.start(), m.end(), m.group(), "rule", m.group("name"))
        for m in _HYPHENATED_PLACE_RE.finditer(text)
        if not spans.overlapping_span(*m.span())
    ]


def _years_off_events(text: str, ents: list[Entity], events: list[Entity]) -> list[Entity]:
    """``2022 жылғы әлем чемпионатына`` read whole by the model, where the rules read the championship without
    its year (``_CHAMPIONSHIP_RE``): the year is a DATE, and the rule's event takes the rest."""
    ends = {r.end: r for r in events}
    out = []
    for e in ents:
        r = ends.get(e.end)
        if (
            e.source == "model"
            and e.label == "EVENT"
            and r is not None
            and e.start < r.start
            and (m := _YEAR_OF_RE.fullmatch(text, e.start, r.start)) is not None
        ):
            year = m.group().rstrip()
            out.append(Entity("DATE", e.start, e.start + len(year), year, "rule", year))
            continue
        out.append(e)
    return out


def _capital_head_bodies(text: str, ents: list[Entity]) -> list[Entity]:
    """``Назарбаев Университеті``, ``Қауіпсіздік Кеңесі`` where neither the model nor a rule read anything: a run of
    capitalised words that ends in a capitalised head word of a body is an ORGANISATION (not after a word that
    is no name: ``Бұл Кеңесі``)."""
    spans = _Spans(ents)
    out = []
    for m in _CAPITAL_HEAD_RE.finditer(text):
        if m.group().split()[0].lower() in _NOT_NAMES or spans.overlapping_span(*m.span()):
            continue
        out.append(Entity("ORGANISATION", m.start(), m.end(), m.group(), "rule", base_form(m.group(), "ORG")))
    return out


def _bodies_inside(text: str, ents: list[Entity]) -> list[Entity]:
    """``ҚР АШМ … комитетінің Республикалық эпизоотияға қарсы отряды``, ``«Nur Otan» … кеңестің төрағасы`` read
    whole by the model: the body named in it up to its last head word in the genitive is an ORGANISATION of its
    own, nested (as the rules nest the body of a post and the parent of a unit). Only a proper name (a capital, a
    quote, №); not where the rest is what belongs to the body's name (``… әкімдігінің баспасөз қызметі``) or a
    unit of up to two lower-case words (``… әкімдігінің ахуал орталығы``, ``АО «Трансэнерго» заң бөлімінің``),
    which the gold leaves whole, as ``_widened`` does."""
    have = {(e.start, e.end) for e in ents}
    out = list(ents)
    for e in ents:
        if e.source != "model" or e.label not in ("ORGANISATION", "POSITION") or e.text.count(" ") < 2:
            continue
        if not (e.text[:1].isupper() or e.text[:1] in '«"№'):
            continue
        ends = [
            e.start + w.end()
            for w in _WORD_RE.finditer(e.text)
            if e.start + w.end() < e.end
            and (b := w.group().strip('«»"')).endswith(_GENITIVE)
            and stem_parts(b.lower())[0] in _ORG_HEAD_STEMS
        ]
        if not ends or (e.start, ends[-1]) in have:
            continue
        end = ends[-1]
        if _BODY_PARTS_RE.match(text, end) is not None:
            continue  # … әкімдігінің баспасөз қызметі
        if e.label == "ORGANISATION" and _SUB_BODY_RE.fullmatch(text, end, e.end) is not None:
            continue  # … әкімдігінің ахуал орталығы: a short unit, whole
        if any(x.start == e.start and x.end < end and _SUB_BODY_RE.fullmatch(text, x.end, end) for x in ents):
            continue  # АО «Трансэнерго» заң бөлімінің басшысы: the company nested, its short unit not
        for x in out:  # what was nested in the whole is nested in the body now (its nearest container)
            if x is not e and e.start <= x.start and x.end <= end and x.extra.get("inside") == e.label:
                x.extra["inside"] = "ORGANISATION"
        span = text[e.start : end]
        out.append(Entity("ORGANISATION", e.start, end, span, "rule", base_form(span, "ORG"), {"inside": e.label}))
        have.add((e.start, end))
    return out


def _attached_bodies(text: str, ents: list[Entity]) -> list[Entity]:
    """``Үкімет жанындағы Ұлттық инвестициялық кеңес``: a body attached to another (``attached_words.txt``) is
    named with it, one ORGANISATION up to its head word (entities-spec's longest name); the first body, or the
    post it is attached to (``ҚР Президенті жанындағы …``), stays an entity of its own, nested. Not after a
    genitive: ``елшілігінің жанындағы`` is "next to the embassy"."""
    found = []
    for x in ents:
        if x.label not in ("ORGANISATION", "POSITION") or (m := _ATTACHED_RE.match(text, x.end)) is None:
            continue
        if x.text.endswith(_GENITIVE):  # Египет елшілігінің жанындағы: next to it, a place, not a body's name
            continue
        end = _attached_head_end(text, m.end())
        if end is not None:
            if (start := _abbreviations_before(text, x.start)) < x.start:  # ҚР Президенті жанындағы …
                x = Entity(x.label, start, x.end, text[start : x.end], x.source, text[start : x.end], dict(x.extra))
            span = text[x.start : end]
            found.append((x, Entity("ORGANISATION", x.start, end, span, "rule", base_form(span, "ORG"))))
    return _add_with_parents(ents, found)


def _positions_with_bodies(text: str, ents: list[Entity]) -> list[Entity]:
    """``Шымкент қаласының әкімі``: a body in the genitive right before a post belongs to the post; the body stays
    an entity of its own, nested."""
    out = _Spans(ents)
    bodies = [
        e
        for e in ents
        if (e.label in ("ORGANISATION", "GPE") or (e.label == "EVENT" and e.source == "rule"))
        and (
            e.text.endswith(_GENITIVE)
            or (e.label == "EVENT" and _YEAR_EVENT_RE.fullmatch(e.text) is not None)  # ЕХРО-2017 комиссары
            or (e.label == "ORGANISATION" and _LEGAL_END_RE.search(e.text))
            or (e.label == "ORGANISATION" and _LEGAL_BEFORE_RE.fullmatch(e.text) is not None)
            or (e.label == "ORGANISATION" and _SCHOOL_RE.fullmatch(e.text) is not None)  # №2 облыстық аурухана
            or (e.label == "ORGANISATION" and e.text.rsplit(None, 1)[-1] in _ORG_HEAD_SET)
        )
    ]
    for body in bodies:
        m = _POSITION_RE.match(text, body.end)
        if m is None or (not body.text.endswith(_GENITIVE) and m.group("pos").split()[-1][:1].isupper()):
            continue  # … министрлігі Мемлекет Басшысы: a capitalised post after a body in the nominative is a title
        start = body.start  # the level of the body, in lower case before it, belongs to the post (қалалық … басшысы)
        if (lv := _LEVEL_RE.search(text, max(0, start - 20), start)) is not None and text[start : start + 1].isupper():
            start = lv.start()
        post = Entity("POSITION", start, m.end(), text[start : m.end()], "rule", text[start : m.end()])
        near = [(k, o) for k in out.near(start, m.end()) if (o := out.items[k]) is not None]
        covered_ents = [
            o
            for _, o in near
            if o is not body
            and o.end <= m.end()
            and (body.end <= o.start or (o.source == "model" and o.label == "POSITION" and body.start < o.start))
        ]  # what lies after the body, and a model post read from inside it (Ғ.Мүсірепов [ауданының әкімі])
        crossing = [
            o
            for _, o in near
            if o.start < post.end
            and post.start < o.end
            and o is not body
            and o not in covered_ents
            and not (body.start <= o.start and o.end <= body.end)
        ]  # what is nested in the body (ҚР in ҚР ҚМ МКК … ұйымы) stays nested
        if crossing:
            continue
        out.remove(k for k, o in near if o in covered_ents)
        body.extra["inside"] = "POSITION"
        out.append(post)
    return out.entities()
