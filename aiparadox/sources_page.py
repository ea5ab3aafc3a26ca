"""The "Data and sources" page, generated from ``data/datapackage.json``."""

from __future__ import annotations

from pathlib import Path

from .datapackage import read_descriptor
from .paths import DATA_DIR


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _address(path: str) -> str:
    """A link for an address; the text itself for a source whose address is not known."""
    return f"<{path}>" if path.startswith(("https://", "http://")) else _cell(path)


def markdown(data_dir: Path = DATA_DIR) -> str:
    descriptor = read_descriptor(data_dir)
    out = []
    for res in descriptor["resources"]:
        out.append(f"## {res['title']}\n")
        # The page lives in chapters/; {download} copies the file into the built site.
        out.append(f"{{download}}`data/{res['path']} <../data/{res['path']}>`: {res['description']}\n")
        # A definition list per source: as readable as a two-column table, at a third of its markup.
        for i, s in enumerate(res["sources"], 1):
            if len(res["sources"]) > 1:
                out.append(f"Source {i} of {len(res['sources'])}:\n")
            out.append(
                "\n".join(
                    [
                        f"Publisher\n: {_cell(s['publisher'])}\n",
                        f"Series or table\n: {_cell(s['title'])}; {_cell(s['series'])}\n",
                        f"Address\n: {_address(s['path'])}\n",
                        f"Retrieved\n: {_cell(s['retrieved'])}\n",
                        f"Licence\n: {_cell(s['licence'])}\n",
                        f"How our copy came\n: {_cell(s['route'])}\n",
                    ]
                )
            )
        # The fields as a list (names in monospace, aiparadox.css), which fits a phone and weighs a
        # third of a four-column table: this page stays under its 120 KB.
        out.append(":::{div} aiparadox-fields\nFields:\n")
        for f in res["schema"]["fields"]:
            kind = f"{f['type']}, {_cell(f['unit'])}" if f.get("unit") else f["type"]
            out.append(f"- **{_cell(f['name'])}** ({kind}): {_cell(f['description'])}")
        out.append(":::")
        size_kb = res["bytes"] / 1024
        out.append(f"\n{size_kb:.1f} KB; SHA-256 `{res['hash'].removeprefix('sha256:')}`.\n")
    return "\n".join(out)
