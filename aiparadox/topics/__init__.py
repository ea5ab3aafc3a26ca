"""The book's topics: one package per chapter, each cut along the data's way.

Every topic is a package ``aiparadox.topics.<topic>`` whose modules follow the data, from the
publisher's files to the chapter's exercises:

=============== ==================================================================================
``raw``         the publisher's files as published: their readers, and ``remote()`` (what
                ``data fetch`` downloads). Loads spreadsheet and XML readers; never Altair.
``tables``      the tables' vocabularies and rules, each ``Table`` declared right above the
                function that derives it, and the ``DATASET``. Derivation side: no Altair, no
                ledger, no exercises.
``article``     the article's own figures, as quoted (constants, each with where it is quoted).
``facts``       tables -> named numbers for the prose: one function per chapter section, returning
                a dict whose glue keys are spelled out literally (``grep`` finds them).
``claims``      verdict rules as pure functions of the tables they are given, and ``@assesses``.
``charts``      chart frames, charts and their computed descriptions; Altair imported once, at top.
``exercises``   the exercises' answers, levels, hints and the wrong answers the teacher's guide
                anticipates, side by side (``@expects``, ``@anticipates``).
=============== ==================================================================================

The seam between the two sides of ``data/`` is in the libraries they load: the chapter side
(``article``, ``facts``, ``claims``, ``charts``, ``exercises``) may use the vocabularies of
``tables`` (and so import ``raw``, whose spreadsheet reader and HTTP client load only when a file
is read or fetched), but loads no spreadsheet reader or HTTP library; the derivation side (``raw``,
``tables``) loads no Altair, ledger, exercises or book. A part too long for one module (600 lines) is
cut by meaning into modules beside it, named for what they hold: those ``raw`` and ``tables`` load are
on the derivation side, every other one on the chapter side. ``tests/test_layout.py`` keeps that seam.

:data:`TOPICS` is the one registry: the datasets, the ledger's assessors and the exercises are
found by importing the named part of each topic listed here, in the book's order. A new chapter
adds its package and its name here.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# In the book's order (the order of _toc.yml); the ledger and the guide list topics in this order.
TOPICS = ("top500", "bls", "imf", "radiology", "scale", "gains", "essay")

# The parts a topic may have, in the order the data flow through them.
PARTS = ("raw", "tables", "article", "facts", "claims", "charts", "exercises")


def part(topic: str, name: str) -> ModuleType | None:
    """The module ``aiparadox.topics.<topic>.<name>``, or None when the topic has no such part."""
    if topic not in TOPICS:
        raise KeyError(f"unknown topic {topic!r}; known: {TOPICS}")
    if name not in PARTS:
        raise KeyError(f"unknown part {name!r}; a topic's parts are {PARTS}")
    module_name = f"{__name__}.{topic}.{name}"
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None


def parts(name: str) -> list[ModuleType]:
    """The ``name`` part of every topic that has one, in the book's order."""
    return [module for topic in TOPICS if (module := part(topic, name)) is not None]
