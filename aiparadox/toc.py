"""The book's pages in reading order, read from ``_toc.yml`` with the parser Jupyter Book itself uses
(sphinx-external-toc), so that parts, chapters and nested sections are followed as the build follows them."""

from __future__ import annotations

import re
from pathlib import Path

from .paths import ROOT

# Source suffixes the book's pages may have; a docname is the path without one ("chapters/top500").
SOURCE_SUFFIX = re.compile(r"\.(md|ipynb|rst)$")


def docnames(root: Path = ROOT) -> list[str]:
    """Every document that ``root/_toc.yml`` lists, the root first, in reading order.

    A glob entry is refused: what it matches depends on the files present, and the callers (the
    teachers' guide's order, the benchmark's bare book, the PDF's chapter check) need the list."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    site_map = parse_toc_yaml(Path(root) / "_toc.yml")
    names: list[str] = []

    def walk(docname: str) -> None:
        names.append(SOURCE_SUFFIX.sub("", docname))
        for tree in site_map[docname].subtrees:
            if tree.globs():
                raise ValueError(
                    f"{Path(root) / '_toc.yml'}: glob entries ({', '.join(tree.globs())}) are not supported"
                )
            for child in tree.files():
                walk(child)

    walk(site_map.root.docname)
    return names
