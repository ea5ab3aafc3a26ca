"""Shared fixtures. The raw inputs live in ../shared/sources beside the repository (as in CI);
a reader's clone does not have them, and the tests that need them skip, saying why."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aiparadox.paths import ROOT

SHARED_SOURCES = ROOT.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def shared_sources() -> Path:
    if not SHARED_SOURCES.is_dir():
        pytest.skip(f"raw inputs not available: {SHARED_SOURCES} does not exist (only CI and developers have it)")
    return SHARED_SOURCES


def writable_copy(source: Path, target: Path) -> Path:
    """Copy a folder of the shared sources (which are read-only) so that a test may change it."""
    import shutil

    shutil.copytree(source, target)
    for path in [target, *target.rglob("*")]:
        path.chmod(0o644 if path.is_file() else 0o755)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may corrupt."""
    import shutil

    from aiparadox.paths import DATA_DIR

    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("raw", ".staging-*"))
    return target


BUILD_COMMAND = ["jupyter-book", "build", ".", "-W", "-n", "--keep-going"]
# The French edition, built after the English one as `make book` does, then served at _build/html/fr/.
FRENCH_BUILD_COMMAND = ["jupyter-book", "build", "fr", "--path-output", "_build/fr", "-W", "-n", "--keep-going"]
FRENCH_BUILD = ROOT / "_build" / "fr" / "_build"


def jupyter_book(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:

    executable = Path(sys.executable).parent / "jupyter-book"
    return subprocess.run([str(executable), *args], cwd=cwd, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def built_book() -> Path:
    """Build the book exactly as `make book` does (warnings are errors), both editions, and return
    _build/html (the French edition is its fr/ folder).

    The execution cache in _build/.jupyter_cache makes a second run cheap; a clean clone executes
    every notebook."""
    for command in (BUILD_COMMAND, FRENCH_BUILD_COMMAND):
        result = jupyter_book(*command[1:], cwd=ROOT)
        if result.returncode != 0:
            pytest.fail(f"{' '.join(command)} fails:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return ROOT / "_build" / "html"


def book_pages(html_root: Path) -> list[Path]:
    """The book's own pages (not Sphinx's search and index pages)."""
    skip = {"search.html", "genindex.html", "index.html"}
    return sorted(p for p in html_root.rglob("*.html") if p.name not in skip and "_static" not in p.parts)
