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
import urllib3

from . import swap
from .datapackage import DataError
from .fetch_plan import Download, Keep, LocalFolder, PlanItem
from .paths import DATA_DIR, DEFAULT_RAW_DIR

USER_AGENT = "aiparadox-book/0.1 (data essay 'Who gains from AI?'; python-requests)"
MANIFEST = "manifest.json"
# Environment variables whose values are secrets: never logged, never written.
SECRET_VARIABLES = ("BLS_API_KEY", "EIA_API_KEY")
RETRY_STATUSES = {500, 502, 503, 504}
MAX_RETRY_AFTER = 120.0
MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
# The encodings the client asks for and decodes itself, within the size cap (no brotli, no zstd).
ACCEPTED_ENCODINGS = ("gzip", "deflate")
# The whole of one `data fetch`, every dataset and retry included: a server that drips one byte
# every few seconds never trips a read timeout, so the clock, not the socket, ends it.
DEADLINE_SECONDS = 1800.0
# Where a fetch puts the files of a raw folder that its plan no longer names (never read by a derivation).
OUTSIDE_PLAN = "outside-plan"


class FetchError(DataError):
    """A download failed; the message is one line naming the dataset, the URL and the cause."""


def secrets(environ: Mapping[str, str] = os.environ) -> list[str]:
    return [environ[name] for name in SECRET_VARIABLES if environ.get(name)]


def redact(text: str, environ: Mapping[str, str] = os.environ) -> str:
    for secret in secrets(environ):
        text = text.replace(secret, "***")
    return text


def scrub(content: bytes) -> tuple[bytes, bool]:
    """``content`` with every API key replaced by ``***``, and whether there was one: a publisher's
    answer that echoes the key must not carry it onto the disk."""
    found = False
    for secret in secrets():
        if secret.encode() in content:
            content, found = content.replace(secret.encode(), b"***"), True
    return content, found


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _carries_secret(item: Download) -> bool:
    text = json.dumps([item.url, dict(item.params), item.json_body], default=str)
    return any(secret in text for secret in secrets())


class Client:
    """A polite HTTP client: a User-Agent naming the project, timeouts, retries with exponential
    backoff on server errors and dropped connections, ``Retry-After`` honoured on 429, and
    conditional requests so that an unchanged file is not downloaded again.

    And a guarded one: each body is capped (``Download.max_bytes``, counted after decompression,
    so a gzip bomb stops at the cap), the whole fetch has a deadline, and redirects are followed
    by hand: to http(s) only, never from https to http, at most :data:`MAX_REDIRECTS`, and never
    to another host for a request that carries an API key."""

    def __init__(
        self,
        session: requests.Session | None = None,
        retries: int = 3,
        backoff: float = 2.0,
        timeout: tuple[float, float] = (10.0, 120.0),
        sleep: Callable[[float], None] = time.sleep,
        progress: bool | None = None,
        deadline: float = DEADLINE_SECONDS,
    ) -> None:
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers["Accept-Encoding"] = ", ".join(ACCEPTED_ENCODINGS)
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.sleep = sleep
        self.progress = sys.stderr.isatty() if progress is None else progress
        self.deadline = deadline
        self._ends_at: float | None = None
        self.clock = time.monotonic
        self._last_request: dict[str, float] = {}

    def _pace(self, item: Download) -> None:
        """Wait until ``item.min_interval`` seconds have passed since the last request to its host."""
        if item.min_interval <= 0:
            return
        host = urllib.parse.urlsplit(item.url).netloc
        last = self._last_request.get(host)
        if last is not None and (wait := item.min_interval - (self.clock() - last)) > 0:
            self._wait(wait)
        self._last_request[host] = self.clock()

    def _remaining(self) -> float:
        if self._ends_at is None:
            self._ends_at = time.monotonic() + self.deadline
        return self._ends_at - time.monotonic()

    def _check_deadline(self, fail: Callable[[str], FetchError], last_failure: str | None = None) -> None:
        if self._remaining() <= 0:
            # When retries used up the time, what went wrong with the last attempt is the cause to tell.
            cause = f" (the last attempt: {last_failure})" if last_failure else ""
            raise fail(f"the fetch did not finish within its deadline of {self.deadline:g} s{cause}")

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

        attempt, last_failure = 0, None
        while True:
            attempt += 1
            self._check_deadline(fail, last_failure)
            self._pace(item)
            try:
                response, final_url = self._request(item, headers, fail)
                content = self._read(response, item, fail) if response.status_code == 200 else b""
            except (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError):
                error = "the server did not answer in time (timeout)"
            except (requests.exceptions.ChunkedEncodingError, urllib3.exceptions.ProtocolError) as exc:
                error = f"truncated download: the connection broke before the end ({exc})"
            except requests.exceptions.ConnectionError as exc:
                error = f"could not connect ({type(exc).__name__}: {exc})"
            except urllib3.exceptions.DecodeError as exc:
                raise fail(f"the body is not valid {response.headers.get('Content-Encoding')} ({exc})") from None
            except requests.exceptions.RequestException as exc:
                raise fail(f"the request failed ({type(exc).__name__}: {exc})") from None
            else:
                error = None
            if error is not None:
                if attempt <= self.retries:
                    last_failure = error
                    self._wait(self.backoff * 2 ** (attempt - 1))
                    continue
                raise fail(f"{error}, after {attempt} attempts")

            status = response.status_code
            if status in RETRY_STATUSES and attempt <= self.retries:
                last_failure = f"HTTP {status} {response.reason or ''}".strip()
                self._wait(self.backoff * 2 ** (attempt - 1))
                continue
            if status == 429 and attempt <= self.retries:
                last_failure = "HTTP 429 (too many requests)"
                self._wait(self._retry_after(response))
                continue
            if status == 304 and previous:
                return None, {**previous, "status": 304, "checked": _now()}
            if status != 200:
                reason = response.reason or ""
                hint = " (too many requests; try again later)" if status == 429 else ""
                raise fail(f"HTTP {status} {reason}{hint}")
            if not content:
                raise fail("the server sent an empty file")
            if item.check is not None:
                try:
                    item.check(content)
                except DataError as exc:
                    raise fail(str(exc)) from None
                except (ValueError, LookupError, TypeError, AttributeError) as exc:
                    # A check reads bytes a server chose: anything it did not foresee (bytes that are not
                    # UTF-8, JSON of another shape) is still a bad answer from that address, not a crash.
                    raise fail(f"the answer is not what was asked for ({type(exc).__name__}: {exc})") from None
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
            if final_url != item.url:
                entry["final_url"] = redact(final_url)
            return content, entry

    def _wait(self, seconds: float) -> None:
        self.sleep(max(0.0, min(seconds, self._remaining())))

    def _request(
        self, item: Download, headers: Mapping[str, str], fail: Callable[[str], FetchError]
    ) -> tuple[requests.Response, str]:
        """Send the request and follow its redirects by hand; returns the response and its address."""
        method, target = item.method, item.url
        params = dict(item.params) or None
        body = dict(item.json_body) if item.json_body is not None else None
        keyed = _carries_secret(item)
        for _ in range(MAX_REDIRECTS + 1):
            remaining = max(self._remaining(), 0.001)
            response = self.session.request(
                method,
                target,
                params=params,
                json=body,
                headers=headers,
                timeout=(min(self.timeout[0], remaining), min(self.timeout[1], remaining)),
                stream=True,
                allow_redirects=False,
            )
            if response.status_code not in REDIRECT_STATUSES or "Location" not in response.headers:
                return response, response.url or target
            response.close()
            location = urllib.parse.urljoin(response.url or target, response.headers["Location"])
            old, new = urllib.parse.urlsplit(target), urllib.parse.urlsplit(location)
            if new.scheme not in ("http", "https"):
                raise fail(
                    f"HTTP {response.status_code} redirects to {location}, which is not an http(s) address; refused"
                )
            if old.scheme == "https" and new.scheme == "http":
                raise fail(f"HTTP {response.status_code} redirects to {location}, from https to plain http; refused")
            if keyed and _origin(new) != _origin(old):
                raise fail(
                    f"HTTP {response.status_code} redirects to another host ({new.netloc}); "
                    "not followed, since the request carries an API key"
                )
            if response.status_code in (301, 302, 303) and method != "HEAD":
                method, body = "GET", None  # what browsers and requests do: the body is not resent
            params, target = None, location  # the new address carries its own query
        raise fail(f"more than {MAX_REDIRECTS} redirects (a redirect loop?), the last to {target}")

    def _read(self, response: requests.Response, item: Download, fail: Callable[[str], FetchError]) -> bytes:
        """The body, decoded, read as it arrives so that the deadline and the size cap apply to
        every piece (``read1`` returns what has come, where ``read`` would wait for a full chunk)."""
        announced = response.headers.get("Content-Length")
        encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", *ACCEPTED_ENCODINGS):
            raise fail(f"the server sent the body as {encoding!r}, which the client did not ask for")
        if announced is not None:
            if not announced.strip().isdigit():
                raise fail(f"the server sent an invalid Content-Length ({announced!r})")
            announced = int(announced)
            if announced > item.max_bytes:
                raise fail(
                    f"the server announces {announced:,} bytes, over the limit of {item.max_bytes:,} for this file"
                )
        chunks, received, started = [], 0, time.monotonic()
        total = announced or 0
        while True:
            self._check_deadline(fail)
            chunk = response.raw.read1(1 << 16, decode_content=True)
            if not chunk:
                break
            chunks.append(chunk)
            received += len(chunk)
            if received > item.max_bytes:
                response.close()
                raise fail(f"the body is over the limit of {item.max_bytes:,} bytes for this file (decoded); stopped")
            if self.progress and time.monotonic() - started > 1.0:
                done = f"{received / total:.0%}" if total and encoding == "identity" else f"{received / 1e6:.1f} MB"
                print(f"\r  {item.filename}: {done}", end="", file=sys.stderr, flush=True)
        if self.progress and time.monotonic() - started > 1.0:
            print(file=sys.stderr)
        if announced is not None and response.raw.tell() != announced:
            raise fail(f"truncated download: {response.raw.tell()} of {announced} bytes")
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


def _origin(address: urllib.parse.SplitResult) -> tuple[str, int | None]:
    """Host and port (the scheme's default when none is written): another port on the same
    machine is another server, which a key must not reach either."""
    return (address.hostname or "", address.port or {"http": 80, "https": 443}.get(address.scheme))


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


def _save(target: Path, content: bytes) -> bool:
    """Write a staged raw file with any API key scrubbed out; True when one was."""
    content, scrubbed = scrub(content)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        target.write_bytes(content)
    except OSError as exc:
        raise FetchError(f"{target}: cannot be written ({exc.strerror or exc}); nothing was replaced") from None
    return scrubbed


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
    ``staging``, the layout that ``data fetch`` writes. No file is written with an API key in it:
    an answer that echoes the key is saved with ``***`` instead (the manifest says so)."""
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
                raise FetchError(
                    f"{dataset}: no files matching {item.pattern} in {folder or '(no folder given)'}: {how}"
                )
            for path in files:
                _save(staging / path.relative_to(folder), path.read_bytes())
            sources.append(str(folder / item.pattern))
            continue
        old = previous.get(item.filename) if (current / item.filename).exists() else None
        content, entry = client.fetch(dataset, item, old)
        if _save(staging / item.filename, (current / item.filename).read_bytes() if content is None else content):
            entry = {**entry, "scrubbed": "the answer echoed the API key; it is saved with *** in its place"}
        entries.append(entry)
        sources.append(entry["url"])
    manifest = {"dataset": dataset, "user_agent": USER_AGENT, "files": entries}
    text = json.dumps(manifest, indent=2) + "\n"
    if any(s in text for s in secrets()):
        raise FetchError(f"{dataset}: refusing to write a manifest that contains an API key")
    (staging / MANIFEST).write_text(text)
    return sources


def set_aside_outside_plan(dataset: str, raw_root: Path, current: Path, staged: Path) -> list[str]:
    """Copy the files of the old raw folder that the new one does not have (the plan no longer
    names them) to ``<raw root>/outside-plan/<dataset>/``, where no derivation reads them: the
    swap would otherwise delete them unseen. Returns their paths there."""
    old_root = Path(raw_root) / dataset
    if not old_root.is_dir():
        return []
    kept = []
    for path in sorted(p for p in old_root.rglob("*") if p.is_file() and p.name != MANIFEST):
        relative = path.relative_to(current if path.is_relative_to(current) else old_root)
        if (staged / relative).exists():
            continue
        target = Path(raw_root) / OUTSIDE_PLAN / dataset / relative
        _save(target, path.read_bytes())
        kept.append(str(target))
    return kept


def fetch(
    names: Iterable[str] | None = None,
    raw_root: Path = DEFAULT_RAW_DIR,
    data_dir: Path = DATA_DIR,
    client: Client | None = None,
    local_folders: Mapping[str, Path] | None = None,
    accept: Iterable[str] = (),
) -> list[str]:
    """Download, derive, validate, then replace tables and raw folder in one step; datasets are
    processed one at a time, holding the lock of ``data_dir`` (a build waits meanwhile)."""
    from . import datasets

    registry = datasets.registry()
    selected = list(names) if names else [n for n, ds in registry.items() if ds.remote is not None]
    for name in selected:
        if name not in registry:
            raise FetchError(f"unknown dataset {name!r}; known: {sorted(registry)}")
        if registry[name].remote is None:
            raise FetchError(f"{name}: no remote source is declared for this dataset")
    client = client or Client()
    raw_root, data_dir = Path(raw_root), Path(data_dir)
    raw_root.mkdir(parents=True, exist_ok=True)
    done = []
    with swap.lock(data_dir):
        for notice in swap.recover(data_dir, raw_root):
            print(notice, file=sys.stderr)
        for name in selected:
            plan = [
                LocalFolder(item.pattern, item.how_to_get, Path(local_folders[name]))
                if isinstance(item, LocalFolder) and local_folders and name in local_folders
                else item
                for item in registry[name].remote(os.environ)
            ]
            current = datasets.raw_folder(raw_root, name)
            workdir = Path(tempfile.mkdtemp(prefix=f"{swap.INCOMING_PREFIX}{name}-", dir=raw_root))
            try:
                urls = stage(name, plan, current, workdir / name, client, dataset_folder=raw_root / name)
                try:
                    staged = datasets.stage(workdir, [name], data_dir, accept)
                except DataError as exc:
                    raise FetchError(f"{name}: {', '.join(urls)}: {_one_line(exc)}") from None
                try:
                    outside = set_aside_outside_plan(name, raw_root, current, workdir / name)
                except BaseException:
                    shutil.rmtree(staged.folder, ignore_errors=True)
                    raise
                raw_swap = swap.FolderSwap(workdir / name, raw_root / name, raw_root / f"{swap.ASIDE_PREFIX}{name}")
                swap.commit(data_dir, staged.folder, staged.files, [raw_swap])
            finally:
                shutil.rmtree(workdir, ignore_errors=True)
            if outside:
                print(
                    f"{name}: {len(outside)} raw file(s) that the plan does not name were kept in "
                    f"{raw_root / OUTSIDE_PLAN / name}, where no derivation reads them: "
                    + ", ".join(Path(p).name for p in outside[:5])
                    + (" ..." if len(outside) > 5 else ""),
                    file=sys.stderr,
                )
            done.append(name)
    return done
