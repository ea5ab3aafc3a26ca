"""The "Data and sources" page, generated from ``data/datapackage.json``."""

from __future__ import annotations

from pathlib import Path

from .datapackage import read_descriptor
from .paths import DATA_DIR


def _cell(text: object) -> str:
    return _plain(text).replace("|", "\\|").replace("\n", " ")


def _plain(text: object) -> str:
    """Text shown as written: a "<" would open an HTML tag (an address pattern such as ".../<code>"
    became an unclosed <code> element that swallowed the rest of its paragraph)."""
    return str(text).replace("<", "\\<")


def _address(path: str) -> str:
    """A link for an address; the text itself for a source whose address is not known."""
    return f"<{path}>" if path.startswith(("https://", "http://")) else _cell(path)


def markdown(data_dir: Path = DATA_DIR) -> str:
    descriptor = read_descriptor(data_dir)
    out = []
    for res in descriptor["resources"]:
        out.append(f"## {res['title']}\n")
        # The page lives in chapters/; {download} copies the file into the built site.
        out.append(f"{{download}}`data/{res['path']} <../data/{res['path']}>`: {_plain(res['description'])}\n")
        for s in res["sources"]:
            out.append(
                "\n".join(
                    [
                        "```{list-table}",
                        ":widths: 1 4",
                        "",
                        f"* - Publisher\n  - {_cell(s['publisher'])}",
                        f"* - Series or table\n  - {_cell(s['title'])}; {_cell(s['series'])}",
                        f"* - Address\n  - {_address(s['path'])}",
                        f"* - Retrieved\n  - {_cell(s['retrieved'])}",
                        f"* - Licence\n  - {_cell(s['licence'])}",
                        f"* - How our copy came\n  - {_cell(s['route'])}",
                        "```",
                        "",
                    ]
                )
            )
        out.append("| Field | Type | Unit | Meaning |\n|---|---|---|---|")
        for f in res["schema"]["fields"]:
            out.append(f"| `{f['name']}` | {f['type']} | {_cell(f.get('unit', ''))} | {_cell(f['description'])} |")
        size_kb = res["bytes"] / 1024
        out.append(f"\n{size_kb:.1f} KB; SHA-256 `{res['hash'].removeprefix('sha256:')}`.\n")
    return "\n".join(out)
