"""The French edition's pages against their English twins.

Each page of ``fr/`` records in its front matter the English commit it was translated from
(``translated_from: <sha>``). :func:`stale_pages` lists the pages whose English twin changed since
that commit (or since, in the working tree), so that the translation is brought up to date;
``make translations`` prints them. It is a report: a stale translation still builds, and its code
cells, which must equal the English ones (a test checks), keep every number right.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .paths import ROOT
from .toc import docnames

EDITIONS = {"fr": "fr"}  # language -> the folder of its pages
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@dataclass(frozen=True)
class Translation:
    page: Path  # fr/chapters/ledger.md
    twin: Path  # chapters/ledger.md
    translated_from: str | None


def translated_from(page: Path) -> str | None:
    import yaml

    match = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
    return str((yaml.safe_load(match.group(1)) or {}).get("translated_from") or "") or None if match else None


def translations(root: Path = ROOT, language: str = "fr") -> list[Translation]:
    """Every page of an edition's table of contents, with its English twin."""
    folder = root / EDITIONS[language]
    found = []
    for name in docnames(folder):
        page = next(folder.glob(f"{name}.*"))
        found.append(Translation(page, root / page.relative_to(folder), translated_from(page)))
    return found


def changed_since(twin: Path, commit: str, root: Path = ROOT) -> bool:
    """Whether the English page differs from its version at ``commit`` (committed or not)."""
    result = subprocess.run(
        ["git", "diff", "--quiet", commit, "--", str(twin.relative_to(root))], cwd=root, capture_output=True, text=True
    )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"{twin.relative_to(root)}: cannot compare with commit {commit}: {result.stderr.strip()}")
    return result.returncode == 1


def stale_pages(root: Path = ROOT, language: str = "fr") -> list[str]:
    """One line per page whose English twin changed since its translation, or that records no commit."""
    problems = []
    for t in translations(root, language):
        where = t.page.relative_to(root)
        if not t.translated_from:
            problems.append(f"{where}: no translated_from commit in its front matter")
        elif changed_since(t.twin, t.translated_from, root):
            problems.append(
                f"{where}: {t.twin.relative_to(root)} changed since {t.translated_from[:10]} (git diff {t.translated_from[:10]} -- {t.twin.relative_to(root)})"
            )
    return problems


def main() -> int:
    problems = stale_pages()
    for line in problems:
        print(line)
    count = len(translations())
    print(f"{count - len(problems)} of {count} French pages follow their English twin" + (";" if problems else "."))
    if problems:
        print("update the pages above, then set translated_from to the commit they now follow")
    return 0


if __name__ == "__main__":
    sys.exit(main())
