"""The "Data and sources" page, generated from ``data/datapackage.json``."""

from __future__ import annotations

import re
from pathlib import Path

from .datapackage import DataError, read_descriptor
from .markup import link_or_text, plain_text
from .paths import DATA_DIR

# The page's own markup is written here; every text read from the descriptor goes through
# plain_text, so a description holding "<code>" or "[x](https://...)" shows as those characters.
FILE_NAME = re.compile(r"[A-Za-z0-9_.-]+\.csv")
HEX_SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
IDENTIFIER = re.compile(r"\w+")


def markdown(data_dir: Path = DATA_DIR) -> str:
    descriptor = read_descriptor(data_dir)
    out = []
    for res in descriptor["resources"]:
        if not FILE_NAME.fullmatch(res["path"]) or not HEX_SHA256.fullmatch(res["hash"]):
            raise DataError(f"{Path(data_dir) / 'datapackage.json'}: '{res['name']}' has an unexpected path or hash")
        out.append(f"## {plain_text(res['title'])}\n")
        # The page lives in chapters/; {download} copies the file into the built site.
        out.append(f"{{download}}`data/{res['path']} <../data/{res['path']}>`: {plain_text(res['description'])}\n")
        for s in res["sources"]:
            out.append(
                "\n".join(
                    [
                        "```{list-table}",
                        ":widths: 1 4",
                        "",
                        f"* - Publisher\n  - {plain_text(s['publisher'])}",
                        f"* - Series or table\n  - {plain_text(s['title'])}; {plain_text(s['series'])}",
                        f"* - Address\n  - {link_or_text(s['path'])}",
                        f"* - Retrieved\n  - {plain_text(s['retrieved'])}",
                        f"* - Licence\n  - {plain_text(s['licence'])}",
                        f"* - How our copy came\n  - {plain_text(s['route'])}",
                        "```",
                        "",
                    ]
                )
            )
        out.append("| Field | Type | Unit | Meaning |\n|---|---|---|---|")
        for f in res["schema"]["fields"]:
            name = f"`{f['name']}`" if IDENTIFIER.fullmatch(f["name"]) else plain_text(f["name"])
            cells = [name, plain_text(f["type"]), plain_text(f.get("unit", "")), plain_text(f["description"])]
            out.append("| " + " | ".join(cells) + " |")
        size_kb = res["bytes"] / 1024
        out.append(f"\n{size_kb:.1f} KB; SHA-256 `{res['hash'].removeprefix('sha256:')}`.\n")
    return "\n".join(out)
