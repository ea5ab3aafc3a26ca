"""Which copy of the tables :func:`aiparadox.load` reads, and what it checks before trusting it.

* **In a clone** the tables are ``data/`` beside the package, checked against
  ``data/datapackage.json``. A ``data/`` without its ``datapackage.json`` is an error that says how
  to restore it: no other copy stands in for it.
* **An installed package** (a wheel, ``pip install git+...@<commit>``) has no ``data/`` at all. It
  carries its commit's ``datapackage.json`` (:mod:`aiparadox.pages`), and that file's SHA-256
  hashes are the only ones it trusts. The tables are read from ``AIPARADOX_DATA_DIR`` when it is set
  (a folder holding the files of ``data/``, for a classroom without internet), or downloaded with
  pooch from ``AIPARADOX_DATA_URL`` (another address serving the same ``data/`` files: a mirror, a
  test server) or else from the repository at that commit, into a cache folder named after that
  ``datapackage.json``. The copy used is said once.

Whatever the copy, a table's ``path`` must be a plain file name (no ``/``, no ``..``: nothing is
read or written outside its folder), and its bytes are checked against the trusted hash each time
they are read, cached copies included.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import pages
from .datapackage import DataError, checked_bytes, read_descriptor
from .i18n import _
from .paths import BRANCH, DATA_DIR, REPOSITORY

DATA_DIR_ENV = "AIPARADOX_DATA_DIR"
DATA_URL_ENV = "AIPARADOX_DATA_URL"
USER_AGENT = "aiparadox-book/0.1 (+https://github.com/aiparadox/who-gains-from-ai)"

_announced: set[str] = set()


@dataclass(frozen=True)
class Copy:
    """Where the tables are read, and the ``datapackage.json`` whose hashes they must match."""

    descriptor_dir: Path
    folder: Path | None = None  # the CSV files are here...
    url: str | None = None  # ...or downloaded from here,
    cache: Path | None = None  # into here
    where: str | None = None  # what the reader is told, once; None in a clone

    def file(self, res: dict[str, Any]) -> Path:
        """The local path of a table, downloaded (and checked) first when it comes from a URL."""
        # read_descriptor has refused a path that is not a plain file name (no '/', no '..').
        name = res["path"]
        if self.folder is not None:
            return self.folder / name
        return _download(self.url + name, res, self.cache, self.descriptor_dir)

    def announce(self) -> None:
        if self.where and self.where not in _announced:
            _announced.add(self.where)
            print(f"aiparadox: {self.where}")


def current() -> Copy:
    """The copy :func:`aiparadox.load` reads by default (see the module's docstring)."""
    if pages.in_clone():
        if not DATA_DIR.is_dir():
            raise DataError(f"{DATA_DIR}: missing from this clone; restore it with `git checkout -- data`")
        return Copy(DATA_DIR, folder=DATA_DIR)
    shipped = pages.SHIPPED / "data"
    if not (shipped / "datapackage.json").is_file():
        raise DataError(
            f"{shipped / 'datapackage.json'}: this installation of aiparadox carries no datapackage.json, so "
            "no table can be checked; install it from a wheel or from the repository (pip install git+...)"
        )
    commit = pages.commit()
    # What a notebook's first cell says, in the notebook's language (its first cell sets it).
    version = (
        _("the tables of commit {commit}").format(commit=commit[:7])
        if commit
        else _("the tables this package was built with")
    )
    if folder := os.environ.get(DATA_DIR_ENV):
        folder_path = Path(folder).expanduser()
        if not folder_path.is_dir():
            message = _("{folder}: not a folder ({variable} should name a copy of the book's data/)")
            raise DataError(message.format(folder=folder_path, variable=DATA_DIR_ENV))
        where = _("{version}, read from {folder} ({variable})").format(
            version=version, folder=folder_path, variable=DATA_DIR_ENV
        )
        return Copy(shipped, folder=folder_path, where=where)
    url = os.environ.get(DATA_URL_ENV) or published_data_url(commit)
    url = url if url.endswith("/") else url + "/"
    cache = _cache_root() / hashlib.sha256((shipped / "datapackage.json").read_bytes()).hexdigest()[:16]
    where = _("{version}, downloaded from {url} into {cache}").format(version=version, url=url, cache=cache)
    return Copy(shipped, url=url, cache=cache, where=where)


def at(data_dir: Path) -> Copy:
    """A folder holding both the tables and the ``datapackage.json`` they are checked against."""
    return Copy(Path(data_dir), folder=Path(data_dir))


def published_data_url(commit: str | None) -> str:
    """The repository's ``data/`` at a commit (or at the book's branch when the commit is unknown)."""
    owner_repo = REPOSITORY.removeprefix("https://github.com/")
    return f"https://raw.githubusercontent.com/{owner_repo}/{commit or BRANCH}/data/"


def _cache_root() -> Path:
    import pooch

    return Path(pooch.os_cache("aiparadox")) / "tables"


def _download(url: str, res: dict[str, Any], cache: Path, descriptor_dir: Path) -> Path:
    """pooch keeps the file only when its SHA-256 is the one the package trusts, and downloads it
    again when a cached copy no longer matches."""
    import logging

    import pooch
    import requests

    # pooch logs every download; the reader is told once which copy is used.
    pooch.get_logger().setLevel(logging.WARNING)
    try:
        path = pooch.retrieve(
            url,
            known_hash=res["hash"],
            fname=res["path"],
            path=cache,
            downloader=pooch.HTTPDownloader(timeout=(10, 60), headers={"User-Agent": USER_AGENT}),
        )
    except requests.HTTPError as exc:
        reason = f"HTTP {exc.response.status_code}"
        raise DataError(
            _("{url}: cannot download the table ({reason}); {what_to_do}").format(
                url=url, reason=reason, what_to_do=_what_to_do()
            )
        ) from None
    except requests.RequestException as exc:
        raise DataError(
            _("{url}: cannot download the table ({reason}); {what_to_do}").format(
                url=url, reason=_reason(exc), what_to_do=_what_to_do()
            )
        ) from None
    except ValueError:
        message = _(
            "{url}: the file served is not the table whose SHA-256 {descriptor} records (another version of the data?); "
            "nothing was kept"
        )
        raise DataError(message.format(url=url, descriptor=descriptor_dir / "datapackage.json")) from None
    return Path(path)


def _reason(exc: Exception) -> str:
    import requests

    if isinstance(exc, requests.Timeout):
        return _("timed out")
    if isinstance(exc, requests.ConnectionError):
        return _("no connection")
    return type(exc).__name__


def _what_to_do() -> str:
    message = _(
        "offline? Set {data_dir} to a folder holding the book's data/ files, or {data_url} to another address that "
        "serves them"
    )
    return message.format(data_dir=DATA_DIR_ENV, data_url=DATA_URL_ENV)


def ready(made_from: str | None = None) -> None:
    """Check now that every table can be read and matches its hash (downloading what is missing),
    so that a notebook's first cell stops with one line instead of every later cell failing.

    ``made_from`` is the commit a notebook was generated from: when the installed package is
    another, its numbers may differ from those written in the notebook's text, and the reader is
    told so."""
    copy = current()
    installed = pages.commit()
    if made_from and installed and not installed.startswith(made_from) and not made_from.startswith(installed):
        message = _(
            "aiparadox: this notebook was made from commit {made_from} but the package installed is commit {installed}; "
            "the text quotes the numbers of the former, the cells compute the latter's"
        )
        print(message.format(made_from=made_from[:7], installed=installed[:7]))
    for res in read_descriptor(copy.descriptor_dir)["resources"]:
        checked_bytes(res, copy.file(res))
    copy.announce()
