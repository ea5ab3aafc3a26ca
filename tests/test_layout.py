"""The code's layout: every topic is a package cut along the data's way, and the two sides of
``data/`` do not load each other's libraries (see ``aiparadox/topics/__init__.py``)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aiparadox import topics
from aiparadox.paths import ROOT

PACKAGE = ROOT / "aiparadox"
DATA_TOPICS = tuple(t for t in topics.TOPICS if t != "essay")
DERIVATION_SIDE = ("raw", "tables")
CHAPTER_SIDE = ("article", "facts", "claims", "charts", "exercises")
# What the derivation side must not load, and what the chapter side must not load.
CHAPTER_LIBRARIES = ("altair", "aiparadox.ledger", "aiparadox.exercises", "aiparadox.charts", "aiparadox.book")
DERIVATION_LIBRARIES = ("requests", "urllib3", "openpyxl", "python_calamine", "xlrd", "aiparadox.fetch")


def loaded_by(modules: list[str]) -> set[str]:
    """The modules a fresh interpreter has after importing ``modules`` (nothing else imported)."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout))


def present_parts(topic: str) -> list[str]:
    return [p for p in topics.PARTS if (PACKAGE / "topics" / topic / f"{p}.py").exists()]


@pytest.mark.parametrize("topic", topics.TOPICS)
def test_every_topic_is_a_package_that_says_its_chapter_dataset_and_flow(topic):
    init = PACKAGE / "topics" / topic / "__init__.py"
    assert init.exists(), f"aiparadox/topics/{topic}/ is not a package"
    doc = init.read_text(encoding="utf-8")
    assert '"""' in doc and "chapters/" in doc, f"{init}: the docstring names the chapter"


@pytest.mark.parametrize("topic", DATA_TOPICS)
def test_every_data_topic_has_the_same_parts(topic):
    assert present_parts(topic) == list(topics.PARTS)


@pytest.mark.parametrize("topic", DATA_TOPICS)
def test_the_derivation_side_loads_nothing_of_the_chapter_side(topic):
    loaded = loaded_by([f"aiparadox.topics.{topic}.{p}" for p in DERIVATION_SIDE])
    assert not loaded & set(CHAPTER_LIBRARIES), f"{topic}: deriving loads {sorted(loaded & set(CHAPTER_LIBRARIES))}"


def topic_modules(topic: str) -> list[str]:
    """Every module of the topic's package: its parts, and the modules a part too long for one file was cut into."""
    return sorted(
        f"aiparadox.topics.{topic}.{p.stem}" for p in (PACKAGE / "topics" / topic).glob("*.py") if p.stem != "__init__"
    )


def chapter_side(topic: str) -> list[str]:
    """The topic's modules that deriving does not load: the chapter-side parts and whatever else the package holds
    (a module cut out of raw or tables is loaded with them, so it is held to the derivation side's rule)."""
    derivation = (
        loaded_by([f"aiparadox.topics.{topic}.{p}" for p in DERIVATION_SIDE]) if topic in DATA_TOPICS else set()
    )
    return [m for m in topic_modules(topic) if m not in derivation]


def test_the_chapter_side_loads_no_spreadsheet_reader_or_http_library():
    modules = [m for t in topics.TOPICS for m in chapter_side(t)]
    loaded = loaded_by(["aiparadox.book", "aiparadox.ledger", "aiparadox.guide", *modules])
    assert not loaded & set(DERIVATION_LIBRARIES), sorted(loaded & set(DERIVATION_LIBRARIES))


def test_no_module_of_the_package_is_over_600_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert not long, long


def test_altair_is_imported_once_at_the_top_of_a_module_never_inside_a_function():
    inside = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in PACKAGE.rglob("*.py")
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith((" ", "\t")) and line.strip() in ("import altair as alt", "import altair")
    ]
    assert not inside, inside
