"""What ``data fetch`` downloads: the plan items a topic's ``raw.remote()`` returns.

Kept apart from :mod:`aiparadox.fetch` (the HTTP client) so that declaring a remote imports no
HTTP library: a topic's ``raw`` module imports these, and only ``data fetch`` loads ``requests``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The largest file a plan item may bring, decoded: OWID's whole energy file, the largest, is about
# 9 MB; a body a hundred times larger is not the file asked for, and would fill memory.
MAX_BYTES = 100_000_000


@dataclass(frozen=True)
class Download:
    """One file to fetch. ``check`` inspects the payload (e.g. an API's own status field) and
    raises :class:`DataError` with a plain message when the publisher answered with an error.
    ``max_bytes`` caps its size after decompression."""

    url: str
    filename: str
    method: str = "GET"
    json_body: Mapping[str, Any] | None = None
    params: Mapping[str, str] = field(default_factory=dict)
    check: Callable[[bytes], None] | None = None
    description: str = ""
    max_bytes: int = MAX_BYTES
    # Extra request headers (SEC asks for a User-Agent naming a contact), and the least time in
    # seconds between two requests to this item's host (SEC: at most ten requests a second).
    headers: Mapping[str, str] = field(default_factory=dict)
    min_interval: float = 0.0


@dataclass(frozen=True)
class LocalFolder:
    """Files a reader downloaded by hand (the publisher requires a login), copied from ``folder``."""

    pattern: str
    how_to_get: str
    folder: Path | None = None


@dataclass(frozen=True)
class Keep:
    """Raw files that no publisher serves as data (e.g. transcribed excerpts of web pages): the
    current copy is carried over unchanged, and must exist."""

    pattern: str
    why: str


PlanItem = Download | LocalFolder | Keep
