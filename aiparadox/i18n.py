"""Text made in Python, in the language of the edition being built.

The English text is the message id; each other language has a gettext catalogue made with Babel's
tools (``make messages``: ``pybabel extract`` over the package, then ``pybabel update``), in
``aiparadox/locale/<language>/LC_MESSAGES/aiparadox.po``, read here with Babel's own reader, so no
compiled ``.mo`` file is committed. The language comes from the environment variable that the
Sphinx extension sets from the build's ``language`` (as it sets ``BUILD_ENV``); a chapter run by
hand is in English unless the variable says otherwise.

Mark a message with ``_("...")`` where it is used, or with ``N_("...")`` where it is defined and
translated later (a constant, a table of claims): ``pybabel extract -k N_`` finds both.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from .environment import LANGUAGE_ENV

LANGUAGES = ("en", "fr")
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "aiparadox"


def language() -> str:
    """The edition's language: the build's, or English when the variable is unset."""
    chosen = os.environ.get(LANGUAGE_ENV) or SOURCE_LANGUAGE
    if chosen not in LANGUAGES:
        raise ValueError(f"{LANGUAGE_ENV}={chosen!r}: the book is written in {', '.join(LANGUAGES)} only")
    return chosen


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Make text in ``lang`` for a while, in this process (the notebooks of an edition are written
    by the same process as the English ones), then return to the language set before."""
    if lang not in LANGUAGES:
        raise ValueError(f"{lang!r}: the book is written in {', '.join(LANGUAGES)} only")
    before = os.environ.get(LANGUAGE_ENV)
    os.environ[LANGUAGE_ENV] = lang
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(LANGUAGE_ENV, None)
        else:
            os.environ[LANGUAGE_ENV] = before


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The translated messages of a language ({English: translation}); fuzzy entries are left out,
    as gettext leaves them out, so that a guess never reaches a page."""
    if lang == SOURCE_LANGUAGE:
        return {}
    from babel.messages.pofile import read_po

    path = catalogue_path(lang)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no message catalogue for language {lang!r} (make messages creates it)")
    with path.open("rb") as handle:
        entries = read_po(handle, locale=lang)
    return {
        (m.context, m.id) if m.context else m.id: m.string
        for m in entries
        if m.id and m.string and not m.fuzzy and isinstance(m.id, str)
    }


def gettext(message: str, lang: str | None = None) -> str:
    """The message in the edition's language; the English text itself when no translation exists yet."""
    lang = lang or language()
    return catalogue(lang).get(message, message) if lang != SOURCE_LANGUAGE else message


_ = gettext


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """The message as used in ``context``, where one English word needs two translations ("none": an
    exercise, "aucun"; a claim, "aucune"); the English text itself when no translation exists yet."""
    lang = lang or language()
    return catalogue(lang).get((context, message), message) if lang != SOURCE_LANGUAGE else message


def N_(message: str) -> str:
    """Mark a message for extraction without translating it here (it is translated where shown)."""
    return message


def month_year(month: str, lang: str | None = None) -> str:
    """A month ("2025-11") in words: "November 2025", "novembre 2025" (Babel's CLDR data)."""
    from datetime import date

    from babel.dates import format_date

    year, number = (int(part) for part in month.split("-")[:2])
    return format_date(date(year, number, 1), format="MMMM y", locale=lang or language())


def conjunction(items: list[str], lang: str | None = None) -> str:
    """A list in words: "C03, C04 and C14", "C03, C04 et C14" (no serial comma, as the English edition writes it)."""
    if not items:
        return gettext("none", lang)
    if len(items) == 1:
        return items[0]
    return gettext("{items} and {last}", lang).format(items=", ".join(items[:-1]), last=items[-1])


def number(value: float | int, spec: str, lang: str | None = None) -> str:
    """A number inside a sentence made in Python, as ``{glue:text}`` shows a glued one: ``format(value, spec)``
    in English, the same digits in French typography in French (``aiparadox.typography``)."""
    from numbers import Integral

    from .typography import format_number

    # A NumPy scalar's repr ("np.float64(0.29)") is not a number to read back: pass the Python number.
    plain = int(value) if isinstance(value, Integral) else float(value)
    return format_number(repr(plain), spec, lang or language())


def day(iso_date: str, lang: str | None = None) -> str:
    """A day ("2025-09-29") as the edition writes it: as it is in English, where the book shows ISO
    dates, in words in French ("29 septembre 2025", "1er octobre 2025"; Babel's CLDR data)."""
    from datetime import date

    from babel.dates import format_date

    lang = lang or language()
    if lang == SOURCE_LANGUAGE:
        return iso_date
    day_ = date.fromisoformat(iso_date)
    # French writes the first of the month as an ordinal: "1er septembre 2025".
    first = "1er" if lang == "fr" and day_.day == 1 else str(day_.day)
    return f"{first} {format_date(day_, format='MMMM y', locale=lang)}"


@cache
def plurals(lang: str) -> tuple[dict[str, tuple[str, ...]], object]:
    """The plural messages of a language ({English singular: its forms}) and the rule choosing a form."""
    import gettext as stdlib_gettext

    from babel.messages.plurals import get_plural
    from babel.messages.pofile import read_po

    with catalogue_path(lang).open("rb") as handle:
        entries = read_po(handle, locale=lang)
    forms = {m.id[0]: tuple(m.string) for m in entries if isinstance(m.id, tuple) and all(m.string) and not m.fuzzy}
    return forms, stdlib_gettext.c2py(get_plural(lang).plural_expr)


def ngettext(singular: str, plural: str, count: float, lang: str | None = None) -> str:
    """The form of a message for ``count`` (a float counts by its whole part, as French does:
    "1,25 milliard"); English picks between ``singular`` and ``plural`` itself."""
    lang = lang or language()
    if lang == SOURCE_LANGUAGE:
        return singular if count == 1 else plural
    forms, choose = plurals(lang)
    return forms[singular][choose(int(count))] if singular in forms else (singular if count == 1 else plural)


def country(english_name: str, lang: str | None = None) -> str:
    """A country the data name in English ("Belgium", "World"), in the edition's language ("Belgique",
    "Monde"), from Babel's CLDR names; a name CLDR does not know (a sample average such as "Old World")
    is the catalogue's, or left as the data give it."""
    from babel import Locale

    lang = lang or language()
    if lang == SOURCE_LANGUAGE:
        return english_name
    codes = {name.lower(): code for code, name in Locale("en").territories.items()}
    code = codes.get(english_name.lower())
    return Locale(lang).territories[code] if code else gettext(english_name, lang)
