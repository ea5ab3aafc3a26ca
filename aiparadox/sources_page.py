"""The "Data and sources" page, generated from ``data/datapackage.json``."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .datapackage import DataError, read_descriptor
from .i18n import _, language
from .markup import link_or_text, plain_text
from .typography import format_number

# The page's own markup is written here; every text read from the descriptor goes through
# plain_text, so a description holding "<code>" or "[x](https://...)" shows as those characters.
FILE_NAME = re.compile(r"[A-Za-z0-9_.-]+\.csv")
HEX_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")


def data_folder_link() -> str:
    """The book's data/ folder as {download} sees it from the page: the page is chapters/data-and-sources.md
    of its edition, chapters/ in English and fr/chapters/ in French, and the tables are the English
    edition's data/ (one copy)."""
    from .translations import EDITIONS

    edition = Path(EDITIONS.get(language(), "."))
    return Path(os.path.relpath("data", edition / "chapters")).as_posix()


def markdown(data_dir: Path | None = None) -> str:
    """The page for the ``datapackage.json`` in ``data_dir``, by default the one the loader trusts
    (the clone's, or the one an installed package carries: aiparadox.copies)."""
    from . import copies

    data_dir = data_dir or copies.current().descriptor_dir
    descriptor = read_descriptor(data_dir)
    out = []
    data_link = data_folder_link()
    for res in descriptor["resources"]:
        if not FILE_NAME.fullmatch(res["path"]) or not HEX_SHA256.fullmatch(res["hash"]):
            raise DataError(f"{Path(data_dir) / 'datapackage.json'}: '{res['name']}' has an unexpected path or hash")
        out.append(f"## {plain_text(res['title'])}\n")
        # {download} copies the file into the built site.
        out.append(f"{{download}}`data/{res['path']} <{data_link}/{res['path']}>`: {plain_text(res['description'])}\n")
        # A definition list per source: as readable as a two-column table, at a third of its markup.
        # The page's own words are translated; what the publisher and the descriptor say is shown as written.
        for i, s in enumerate(res["sources"], 1):
            if len(res["sources"]) > 1:
                out.append(_("Source {number} of {count}:").format(number=i, count=len(res["sources"])) + "\n")
            rows = [
                (_("Publisher"), plain_text(s["publisher"])),
                (_("Series or table"), f"{plain_text(s['title'])}; {plain_text(s['series'])}"),
                (_("Address"), link_or_text(s["path"])),
                (_("Retrieved"), plain_text(s["retrieved"])),
                (_("Licence"), plain_text(s["licence"])),
                (_("How our copy came"), plain_text(s["route"])),
            ]
            out.append("\n".join(f"{header}\n: {value}\n" for header, value in rows))
        # The fields as a list, which fits a phone and weighs a third of a four-column table (names
        # in bold rather than as code, whose markup is four times heavier): the page stays under 120 KB.
        out.append(_("Fields:") + "\n")
        for f in res["schema"]["fields"]:
            kind = f"{plain_text(f['type'])}, {plain_text(f['unit'])}" if f.get("unit") else plain_text(f["type"])
            out.append(f"- **{plain_text(f['name'])}** ({kind}): {plain_text(f['description'])}")
        size_kb = format_number(repr(res["bytes"] / 1024), ".1f", language())
        sha256 = res["hash"].removeprefix("sha256:")
        out.append("\n" + _("{size} KB; SHA-256 `{sha256}`.").format(size=size_kb, sha256=sha256) + "\n")
    return "\n".join(out)
