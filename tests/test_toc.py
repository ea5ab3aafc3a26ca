"""The one reader of ``_toc.yml``: the pages in the order the build follows, nested sections included."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiparadox import toc
from aiparadox.paths import ROOT


def write_toc(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_toc.yml").write_text(text, encoding="utf-8")
    return folder


def test_pages_come_in_reading_order_through_parts_chapters_and_nested_sections(tmp_path: Path):
    book = write_toc(
        tmp_path,
        """\
format: jb-book
root: intro.md
parts:
  - caption: One
    chapters:
      - file: chapters/a.md
        sections:
          - file: chapters/a1
            sections:
              - file: chapters/a1x
      - file: chapters/a2
  - caption: Two
    chapters:
      - url: https://example.org
        title: elsewhere
      - file: chapters/b.ipynb
""",
    )
    assert toc.docnames(book) == ["intro", "chapters/a", "chapters/a1", "chapters/a1x", "chapters/a2", "chapters/b"]


def test_a_glob_entry_is_refused_with_the_file_and_the_pattern(tmp_path: Path):
    book = write_toc(tmp_path, "format: jb-book\nroot: intro\nchapters:\n  - glob: chapters/*\n")
    with pytest.raises(ValueError, match=r"_toc\.yml: glob entries \(chapters/\*\) are not supported"):
        toc.docnames(book)


def test_the_books_own_toc_lists_every_page_once_root_first():
    names = toc.docnames(ROOT)
    assert names[0] == "intro" and len(names) == len(set(names))
    assert all((ROOT / f"{name}.md").exists() for name in names), "every listed page has its source"
