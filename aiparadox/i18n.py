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
    return {m.id: m.string for m in entries if m.id and m.string and not m.fuzzy and isinstance(m.id, str)}


def gettext(message: str, lang: str | None = None) -> str:
    """The message in the edition's language; the English text itself when no translation exists yet."""
    lang = lang or language()
    return catalogue(lang).get(message, message) if lang != SOURCE_LANGUAGE else message


_ = gettext


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
