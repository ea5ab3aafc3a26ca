"""The "Data and sources" page, generated from ``data/datapackage.json``."""

from __future__ import annotations

import re
from pathlib import Path

from .datapackage import DataError, read_descriptor
from .markup import link_or_text, plain_text

# The page's own markup is written here; every text read from the descriptor goes through
# plain_text, so a description holding "<code>" or "[x](https://...)" shows as those characters.
FILE_NAME = re.compile(r"[A-Za-z0-9_.-]+\.csv")
HEX_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")


def markdown(data_dir: Path | None = None) -> str:
    """The page for the ``datapackage.json`` in ``data_dir``, by default the one the loader trusts
    (the clone's, or the one an installed package carries: aiparadox.copies)."""
    from . import copies

    data_dir = data_dir or copies.current().descriptor_dir
    descriptor = read_descriptor(data_dir)
    out = []
    for res in descriptor["resources"]:
        if not FILE_NAME.fullmatch(res["path"]) or not HEX_SHA256.fullmatch(res["hash"]):
            raise DataError(f"{Path(data_dir) / 'datapackage.json'}: '{res['name']}' has an unexpected path or hash")
        out.append(f"## {plain_text(res['title'])}\n")
        # The page lives in chapters/; {download} copies the file into the built site.
        out.append(f"{{download}}`data/{res['path']} <../data/{res['path']}>`: {plain_text(res['description'])}\n")
        # A definition list per source: as readable as a two-column table, at a third of its markup.
        for i, s in enumerate(res["sources"], 1):
            if len(res["sources"]) > 1:
                out.append(f"Source {i} of {len(res['sources'])}:\n")
            out.append(
                "\n".join(
                    [
                        f"Publisher\n: {plain_text(s['publisher'])}\n",
                        f"Series or table\n: {plain_text(s['title'])}; {plain_text(s['series'])}\n",
                        f"Address\n: {link_or_text(s['path'])}\n",
                        f"Retrieved\n: {plain_text(s['retrieved'])}\n",
                        f"Licence\n: {plain_text(s['licence'])}\n",
                        f"How our copy came\n: {plain_text(s['route'])}\n",
                    ]
                )
            )
        # The fields as a list, which fits a phone and weighs a third of a four-column table (names
        # in bold rather than as code, whose markup is four times heavier): the page stays under 120 KB.
        out.append("Fields:\n")
        for f in res["schema"]["fields"]:
            kind = f"{plain_text(f['type'])}, {plain_text(f['unit'])}" if f.get("unit") else plain_text(f["type"])
            out.append(f"- **{plain_text(f['name'])}** ({kind}): {plain_text(f['description'])}")
        size_kb = res["bytes"] / 1024
        out.append(f"\n{size_kb:.1f} KB; SHA-256 `{res['hash'].removeprefix('sha256:')}`.\n")
    return "\n".join(out)
