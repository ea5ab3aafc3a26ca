"""Shared fixtures. The raw inputs live in ../shared/sources beside the repository (as in CI);
a reader's clone does not have them, and the tests that need them skip, saying why."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiparadox.paths import ROOT

SHARED_SOURCES = ROOT.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def shared_sources() -> Path:
    if not SHARED_SOURCES.is_dir():
        pytest.skip(f"raw inputs not available: {SHARED_SOURCES} does not exist (only CI and developers have it)")
    return SHARED_SOURCES


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may corrupt."""
    import shutil

    from aiparadox.paths import DATA_DIR

    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("raw", ".staging-*"))
    return target
