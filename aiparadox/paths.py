"""Where the book keeps things. Everything is relative to the repository root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
# Raw inputs are downloaded (or copied) here and never committed: see .gitignore.
DEFAULT_RAW_DIR = DATA_DIR / "raw"

# The book's home (also in _config.yml). Chapters opened alone, e.g. in Colab, install the package
# from the repository and read the cached tables from the published copy of data/.
REPOSITORY = "https://github.com/aiparadox/who-gains-from-ai"
BRANCH = "main"
PAGES_URL = "https://aiparadox.github.io/who-gains-from-ai/"
