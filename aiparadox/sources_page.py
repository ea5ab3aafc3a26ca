"""The "Data and sources" page, generated from ``data/datapackage.json``."""

from __future__ import annotations

from pathlib import Path

from .datapackage import read_descriptor
from .paths import DATA_DIR


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


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
                        f"Address\n: <{s['path']}>\n",
                        f"Retrieved\n: {_cell(s['retrieved'])}\n",
                        f"Licence\n: {_cell(s['licence'])}\n",
                        f"How our copy came\n: {_cell(s['route'])}\n",
                    ]
                )
            )
        # Field names in a monospace column (aiparadox.css) rather than as inline code, whose markup
        # alone would put this page over its 120 KB.
        out.append(":::{div} aiparadox-fields\n| Field | Type | Unit | Meaning |\n|---|---|---|---|")
        for f in res["schema"]["fields"]:
            out.append(f"| {_cell(f['name'])} | {f['type']} | {_cell(f.get('unit', ''))} | {_cell(f['description'])} |")
        out.append(":::")
        size_kb = res["bytes"] / 1024
        out.append(f"\n{size_kb:.1f} KB; SHA-256 `{res['hash'].removeprefix('sha256:')}`.\n")
    return "\n".join(out)
