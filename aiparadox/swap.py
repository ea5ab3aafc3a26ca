"""The one way ``data/`` changes: under a lock, from a complete staged copy, through a journal.

A refresh (``data build``, ``data fetch``) holds :func:`lock` for its whole run, so two refreshes
never interleave. It writes every new file into a staging folder inside ``data/`` (and, for a
fetch, the new raw folder beside the old one), then :func:`commit` writes the journal
``data/.refresh.json`` in one rename: that rename is the commit point. Then the staged tables
move into place, the descriptor last, the raw folder is swapped, and the journal goes.

A kill before the journal leaves only staging folders, which the next refresh deletes; a kill
after it leaves a journal, and :func:`recover` finishes the moves it lists. Every refresh,
``data check``, the book build and :func:`aiparadox.datapackage.load` recover first, so ``data/``
is always either the old copy or the new one, never a mix of the two.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .datapackage import DataError

JOURNAL = ".refresh.json"
LOCK = ".lock"
STAGING_PREFIX = ".staging-"
# In the raw root: a fetch's new raw folder while it is built, and the old one while it is swapped.
INCOMING_PREFIX = ".incoming-"
ASIDE_PREFIX = ".previous-"

# Locks this thread holds, by path, with their depth: a fetch runs a build inside its own lock.
_held = threading.local()


@dataclass(frozen=True)
class FolderSwap:
    """Replace the folder ``target`` by ``new``; the old one waits in ``aside`` until ``new`` is in."""

    new: Path
    target: Path
    aside: Path

    def as_json(self) -> dict[str, str]:
        return {"new": str(self.new), "target": str(self.target), "aside": str(self.aside)}


@contextmanager
def lock(
    data_dir: Path, wait_message: str = "another refresh of {folder} is running (pid {pid}); waiting"
) -> Iterator[None]:
    """Hold the exclusive lock of ``data_dir`` (re-entrant within a thread; blocks across processes)."""
    data_dir = Path(data_dir).resolve()
    depths = _held.__dict__.setdefault("depths", {})
    if depths.get(data_dir):
        depths[data_dir] += 1
        try:
            yield
        finally:
            depths[data_dir] -= 1
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK
    try:
        path.touch(exist_ok=True)
    except OSError as exc:
        raise DataError(f"{path}: cannot create the lock file ({exc.strerror or exc})") from None
    with open(path, "r+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = handle.read().strip() or "unknown"
            print(wait_message.format(folder=data_dir, pid=holder), file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        # The holder's pid, for the message of the next one who has to wait.
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        depths[data_dir] = 1
        try:
            yield
        finally:
            depths.pop(data_dir, None)
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def commit(data_dir: Path, staging: Path, files: Iterable[str], folders: Iterable[FolderSwap] = ()) -> None:
    """Move the staged ``files`` (the descriptor last) into ``data_dir`` and swap ``folders``, as one step."""
    data_dir = Path(data_dir)
    names = sorted(set(files), key=lambda name: name == "datapackage.json")
    # The staging folder is named relative to data/ (it is inside it): a repository moved between
    # a kill and the recovery still finds it.
    staged = Path(staging).resolve().relative_to(data_dir.resolve())
    journal = {"staging": str(staged), "files": names, "folders": [f.as_json() for f in folders]}
    partial = data_dir / (JOURNAL + ".partial")
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump(journal, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, data_dir / JOURNAL)
    _finish(data_dir, journal)


def recover(data_dir: Path, raw_root: Path | None = None) -> list[str]:
    """Finish an interrupted commit and delete what a killed refresh left; returns what was done.

    Call it holding :func:`lock`. ``raw_root`` (given by a fetch) is also cleaned of its leftover
    incoming folders; an old raw folder left aside without a journal goes back where it was."""
    data_dir = Path(data_dir)
    done = []
    path = data_dir / JOURNAL
    if path.exists():
        try:
            journal = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            journal = {"unreadable": str(exc)}
        if not isinstance(journal, dict) or not {"staging", "files", "folders"} <= set(journal):
            raise DataError(f"{path}: the journal of an interrupted refresh is unreadable; restore data/ with git")
        problem = journal_problem(journal)
        if problem:
            # Rolling it forward would move or delete what it names: only a journal a refresh wrote is followed.
            raise DataError(
                f"{path}: not a journal that a refresh writes ({problem}); delete it, or restore data/ with git"
            )
        _finish(data_dir, journal)
        done.append(
            f"{data_dir}: finished a refresh that was interrupted after its commit ({len(journal['files'])} files)"
        )
    (data_dir / (JOURNAL + ".partial")).unlink(missing_ok=True)
    if data_dir.is_dir():
        for leftover in sorted(data_dir.glob(STAGING_PREFIX + "*")):
            shutil.rmtree(leftover, ignore_errors=True)
            done.append(f"{leftover}: removed the staging folder of a refresh that did not finish")
    if raw_root is not None and Path(raw_root).is_dir():
        for leftover in sorted(Path(raw_root).glob(INCOMING_PREFIX + "*")):
            shutil.rmtree(leftover, ignore_errors=True)
            done.append(f"{leftover}: removed the download folder of a fetch that did not finish")
        for aside in sorted(Path(raw_root).glob(ASIDE_PREFIX + "*")):
            target = aside.with_name(aside.name.removeprefix(ASIDE_PREFIX))
            if target.exists():
                shutil.rmtree(aside, ignore_errors=True)
                done.append(f"{aside}: removed the old raw folder of a finished fetch")
            else:
                os.replace(aside, target)
                done.append(f"{target}: put back the raw folder that an interrupted fetch had moved aside")
    return done


def _plain_name(name: object) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and "\\" not in name


def journal_problem(journal: dict) -> str | None:
    """What in a journal no refresh writes, or None: the staging folder a plain ``.staging-`` name in
    ``data/``, the files plain names, and each folder swap the three folders of one raw folder
    (``<raw>/.incoming-*/<name>``, ``<raw>/<name>``, ``<raw>/.previous-<name>``)."""
    staging, files, folders = journal["staging"], journal["files"], journal["folders"]
    if not _plain_name(staging) or not staging.startswith(STAGING_PREFIX):
        return f"staging folder {staging!r} is not a {STAGING_PREFIX}* folder of data/"
    if not isinstance(files, list) or not all(_plain_name(name) for name in files):
        return "a file is not a plain file name in data/"
    if not isinstance(folders, list):
        return "the folder swaps are not a list"
    for entry in folders:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("new", "target", "aside")):
            return "a folder swap lacks its new, target or aside folder"
        new, target, aside = Path(entry["new"]), Path(entry["target"]), Path(entry["aside"])
        if not (
            _plain_name(target.name)
            and new.name == target.name
            and new.parent.parent == target.parent
            and new.parent.name.startswith(INCOMING_PREFIX)
            and aside == target.with_name(ASIDE_PREFIX + target.name)
        ):
            return f"the swap of {entry['target']!r} is not one of a raw folder"
    return None


def _finish(data_dir: Path, journal: dict) -> None:
    """Roll the journal forward. Each step checks what is already done, so running it again is safe."""
    staging = data_dir / journal["staging"]
    for name in journal["files"]:
        if (staging / name).exists():
            os.replace(staging / name, data_dir / name)
    for entry in journal["folders"]:
        new, target, aside = Path(entry["new"]), Path(entry["target"]), Path(entry["aside"])
        if new.exists():
            if target.exists():
                shutil.rmtree(aside, ignore_errors=True)
                os.replace(target, aside)
            os.replace(new, target)
        shutil.rmtree(aside, ignore_errors=True)
    (data_dir / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)
