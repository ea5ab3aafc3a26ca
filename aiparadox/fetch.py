"""Refreshing the raw inputs from the publishers, safely.

``python -m aiparadox data fetch`` downloads each dataset's raw files with ``requests`` into a
staging folder, records a manifest (URL, time, HTTP status, ETag/Last-Modified, bytes, SHA-256),
re-derives the tidy tables from the staged files with the same code as ``data build``, and only
when they validate replaces ``data/`` and then ``data/raw/<dataset>/``. Any failure (network,
HTTP status, truncated or malformed body, an API error, a schema change, a value out of range)
stops with one line naming the dataset, the URL and the cause, and leaves every cached file as it
was. API keys are read from the environment and never written anywhere.

Each topic module says what to download by giving its :class:`~aiparadox.datasets.Dataset` a
``remote`` function that returns :class:`Download` items (or a :class:`LocalFolder` for lists that
need a login to download, such as the TOP500's).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import requests

from .datapackage import DataError
from .fetch_plan import Download, Keep, LocalFolder, PlanItem
from .paths import DATA_DIR, DEFAULT_RAW_DIR

USER_AGENT = "aiparadox-book/0.1 (data essay 'Who gains from AI?'; python-requests)"
MANIFEST = "manifest.json"
# Environment variables whose values are secrets: never logged, never written.
SECRET_VARIABLES = ("BLS_API_KEY", "EIA_API_KEY")
RETRY_STATUSES = {500, 502, 503, 504}
MAX_RETRY_AFTER = 120.0


class FetchError(DataError):
    """A download failed; the message is one line naming the dataset, the URL and the cause."""




def secrets(environ: Mapping[str, str] = os.environ) -> list[str]:
    return [environ[name] for name in SECRET_VARIABLES if environ.get(name)]


def redact(text: str, environ: Mapping[str, str] = os.environ) -> str:
    for secret in secrets(environ):
        text = text.replace(secret, "***")
    return text


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class Client:
    """A polite HTTP client: a User-Agent naming the project, timeouts, retries with exponential
    backoff on server errors and dropped connections, ``Retry-After`` honoured on 429, and
    conditional requests so that an unchanged file is not downloaded again."""

    def __init__(
        self,
        session: requests.Session | None = None,
        retries: int = 3,
        backoff: float = 2.0,
        timeout: tuple[float, float] = (10.0, 120.0),
        sleep: Callable[[float], None] = time.sleep,
        progress: bool | None = None,
    ) -> None:
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.sleep = sleep
        self.progress = sys.stderr.isatty() if progress is None else progress
        self.clock = time.monotonic
        self._last_request: dict[str, float] = {}

    def _pace(self, item: Download) -> None:
        """Wait until ``item.min_interval`` seconds have passed since the last request to its host."""
        if item.min_interval <= 0:
            return
        host = urllib.parse.urlsplit(item.url).netloc
        last = self._last_request.get(host)
        if last is not None and (wait := item.min_interval - (self.clock() - last)) > 0:
            self.sleep(wait)
        self._last_request[host] = self.clock()

    def fetch(self, dataset: str, item: Download, previous: Mapping[str, Any] | None) -> tuple[bytes | None, dict]:
        """Download one item; returns (content or None when unchanged, manifest entry)."""
        headers = dict(item.headers)
        if previous:
            if previous.get("etag"):
                headers["If-None-Match"] = previous["etag"]
            if previous.get("last_modified"):
                headers["If-Modified-Since"] = previous["last_modified"]
        url = redact(item.url)

        def fail(cause: str) -> FetchError:
            return FetchError(f"{dataset}: {url}: {redact(_one_line(cause))}")

        attempt = 0
        while True:
            attempt += 1
            self._pace(item)
            try:
                response = self.session.request(
                    item.method,
                    item.url,
                    params=dict(item.params) or None,
                    json=dict(item.json_body) if item.json_body is not None else None,
                    headers=headers,
                    timeout=self.timeout,
                    stream=True,
                )
                content = self._read(response, item) if response.status_code == 200 else b""
            except requests.exceptions.Timeout:
                error = "the server did not answer in time (timeout)"
            except requests.exceptions.ConnectionError as exc:
                error = f"could not connect ({type(exc).__name__}: {exc})"
            except requests.exceptions.ChunkedEncodingError as exc:
                error = f"truncated download: the connection broke before the end ({exc})"
            else:
                error = None
            if error is not None:
                if attempt <= self.retries:
                    self.sleep(self.backoff * 2 ** (attempt - 1))
                    continue
                raise fail(f"{error}, after {attempt} attempts")

            status = response.status_code
            if status in RETRY_STATUSES and attempt <= self.retries:
                self.sleep(self.backoff * 2 ** (attempt - 1))
                continue
            if status == 429 and attempt <= self.retries:
                self.sleep(self._retry_after(response))
                continue
            if status == 304 and previous:
                return None, {**previous, "status": 304, "checked": _now()}
            if status != 200:
                reason = response.reason or ""
                hint = " (too many requests; try again later)" if status == 429 else ""
                raise fail(f"HTTP {status} {reason}{hint}")
            expected = response.headers.get("Content-Length")
            identity = response.headers.get("Content-Encoding") in (None, "identity")
            if expected is not None and identity and int(expected) != len(content):
                raise fail(f"truncated download: {len(content)} of {expected} bytes")
            if not content:
                raise fail("the server sent an empty file")
            if item.check is not None:
                try:
                    item.check(content)
                except DataError as exc:
                    raise fail(str(exc)) from None
            entry = {
                "url": url,
                "filename": item.filename,
                "method": item.method,
                "retrieved": _now(),
                "status": status,
                "etag": response.headers.get("ETag"),
                "last_modified": response.headers.get("Last-Modified"),
                "bytes": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
            }
            return content, entry

    def _read(self, response: requests.Response, item: Download) -> bytes:
        total = int(response.headers.get("Content-Length") or 0)
        chunks, received, started = [], 0, time.monotonic()
        for chunk in response.iter_content(chunk_size=1 << 16):
            chunks.append(chunk)
            received += len(chunk)
            if self.progress and time.monotonic() - started > 1.0:
                done = f"{received / total:.0%}" if total else f"{received / 1e6:.1f} MB"
                print(f"\r  {item.filename}: {done}", end="", file=sys.stderr, flush=True)
        if self.progress and time.monotonic() - started > 1.0:
            print(file=sys.stderr)
        return b"".join(chunks)

    @staticmethod
    def _retry_after(response: requests.Response) -> float:
        value = response.headers.get("Retry-After", "")
        try:
            seconds = float(value)
        except ValueError:
            try:
                seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
            except (TypeError, ValueError):
                seconds = 30.0
        return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _read_manifest(folder: Path) -> dict[str, dict]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        return {entry["filename"]: entry for entry in json.loads(path.read_text())["files"]}
    except (json.JSONDecodeError, KeyError, TypeError):
        return {}


def _kept_from(pattern: str, folders: Iterable[Path]) -> Path:
    """The first folder holding files that match ``pattern`` (else the first folder, for the message)."""
    folders = list(dict.fromkeys(folders))
    for folder in folders:
        if folder.is_dir() and any(p.is_file() for p in folder.glob(pattern)):
            return folder
    return folders[0]


def stage(
    dataset: str,
    plan: list[PlanItem],
    current: Path,
    staging: Path,
    client: Client,
    dataset_folder: Path | None = None,
) -> list[str]:
    """Put a complete new copy of a dataset's raw files in ``staging``; return the URLs used.

    ``Keep`` items come from ``current`` (the raw folder the derivation reads) or, failing that,
    from ``dataset_folder``: in the shared layout (``<dataset>/raw/`` plus notes such as
    ``<dataset>/SOURCE.md`` beside it) the notes sit one level up. Either way they land flat in
    ``staging``, the layout that ``data fetch`` writes."""
    staging.mkdir(parents=True)
    previous = _read_manifest(current)
    entries, sources = [], []
    for item in plan:
        if isinstance(item, (LocalFolder, Keep)):
            if isinstance(item, LocalFolder):
                folder = item.folder
            else:
                folder = _kept_from(item.pattern, [current, *([dataset_folder] if dataset_folder else [])])
            files = sorted(p for p in folder.glob(item.pattern) if p.is_file()) if folder and folder.is_dir() else []
            if not files:
                how = item.how_to_get if isinstance(item, LocalFolder) else item.why
                raise FetchError(f"{dataset}: no files matching {item.pattern} in {folder or '(no folder given)'}: {how}")
            for path in files:
                target = staging / path.relative_to(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
            sources.append(str(folder / item.pattern))
            continue
        old = previous.get(item.filename) if (current / item.filename).exists() else None
        content, entry = client.fetch(dataset, item, old)
        target = staging / item.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            shutil.copy2(current / item.filename, target)
        else:
            target.write_bytes(content)
        entries.append(entry)
        sources.append(entry["url"])
    manifest = {"dataset": dataset, "user_agent": USER_AGENT, "files": entries}
    text = json.dumps(manifest, indent=2) + "\n"
    if any(s in text for s in secrets()):
        raise FetchError(f"{dataset}: refusing to write a manifest that contains an API key")
    (staging / MANIFEST).write_text(text)
    return sources


def fetch(
    names: Iterable[str] | None = None,
    raw_root: Path = DEFAULT_RAW_DIR,
    data_dir: Path = DATA_DIR,
    client: Client | None = None,
    local_folders: Mapping[str, Path] | None = None,
) -> list[str]:
    """Download, derive, validate, then replace; datasets are processed one at a time."""
    from . import datasets

    registry = datasets.registry()
    selected = list(names) if names else [n for n, ds in registry.items() if ds.remote is not None]
    for name in selected:
        if name not in registry:
            raise FetchError(f"unknown dataset {name!r}; known: {sorted(registry)}")
        if registry[name].remote is None:
            raise FetchError(f"{name}: no remote source is declared for this dataset")
    client = client or Client()
    raw_root = Path(raw_root)
    raw_root.mkdir(parents=True, exist_ok=True)
    done = []
    for name in selected:
        plan = [
            LocalFolder(item.pattern, item.how_to_get, Path(local_folders[name]))
            if isinstance(item, LocalFolder) and local_folders and name in local_folders
            else item
            for item in registry[name].remote(os.environ)
        ]
        current = datasets.raw_folder(raw_root, name)
        workdir = Path(tempfile.mkdtemp(prefix=f".incoming-{name}-", dir=raw_root))
        try:
            urls = stage(name, plan, current, workdir / name, client, dataset_folder=raw_root / name)
            try:
                datasets.build(workdir, [name], data_dir=data_dir)
            except DataError as exc:
                raise FetchError(f"{name}: {', '.join(urls)}: {_one_line(exc)}") from None
            # The tidy tables are in place; now the raw copy they came from replaces the old one.
            destination = raw_root / name
            previous = raw_root / f".previous-{name}"
            shutil.rmtree(previous, ignore_errors=True)
            if destination.exists():
                os.replace(destination, previous)
            os.replace(workdir / name, destination)
            shutil.rmtree(previous, ignore_errors=True)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        done.append(name)
    return done
