"""Where the book keeps things. Everything is relative to the repository root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
# Raw inputs are downloaded (or copied) here and never committed: see .gitignore.
DEFAULT_RAW_DIR = DATA_DIR / "raw"
