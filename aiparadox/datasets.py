"""Deriving the tidy tables from raw inputs, and replacing the cache only when they are valid.

Each topic module in :mod:`aiparadox.topics` declares one :class:`Dataset`: the folder of raw
inputs it reads, the tables it produces and the function that derives them. ``build`` runs the
derivations, checks each new table against the committed one and its refresh rules
(:mod:`aiparadox.refresh`), writes the results to a staging folder beside the cache, validates the
whole package there, and only then moves the new files into place in one step
(:mod:`aiparadox.swap`). A derivation that fails, an implausible refresh, or a table that does not
match its schema, leaves ``data/`` exactly as it was.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import refresh, swap, topics
from .datapackage import (
    PACKAGE_LICENCE,
    PACKAGE_NAME,
    PACKAGE_TITLE,
    PANDAS_DTYPES,
    DataError,
    Table,
    defuse_formula,
    parse_csv,
    read_descriptor,
    sha256,
    to_csv_bytes,
    validate_package,
)
from .paths import DATA_DIR


@dataclass(frozen=True)
class Dataset:
    """A family of tables derived together from one folder of raw inputs.

    ``name`` is also the folder: ``<raw root>/<name>/raw/`` (the layout of ``../shared/sources``)
    or, when that does not exist, ``<raw root>/<name>/`` (the layout ``data fetch`` writes).
    """

    name: str
    title: str
    tables: tuple[Table, ...]
    derive: Callable[[Path], dict[str, pd.DataFrame]]
    # What `data fetch` downloads: a function of the environment (for API keys) returning a list
    # of aiparadox.fetch plan items. None: the dataset cannot be refreshed from a publisher.
    remote: Callable[[Mapping[str, str]], list] | None = None

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)


def registry() -> dict[str, Dataset]:
    """Every dataset declared by a topic's ``tables`` module, by name.

    Ordered by topic name, not the book's order: that is the order of the resources in the
    published ``datapackage.json``, which a reordering would rewrite for no reason."""
    found: dict[str, Dataset] = {}
    for module in sorted(topics.parts("tables"), key=lambda m: m.__name__):
        dataset = getattr(module, "DATASET", None)
        if isinstance(dataset, Dataset):
            if dataset.name in found:
                raise RuntimeError(f"two topic modules declare the dataset {dataset.name!r}")
            found[dataset.name] = dataset
    return found


def raw_folder(raw_root: Path, dataset: str) -> Path:
    base = Path(raw_root) / dataset
    nested = base / "raw"
    return nested if nested.is_dir() else base


NOTES_FILE = "SOURCE.md"


def provenance_notes(folder: Path, read_for: str) -> tuple[Path, str]:
    """A dataset's ``SOURCE.md``, beside its raw folder (the shared layout) or in it (the layout
    ``data fetch`` writes), with white space collapsed: quoted sentences wrap across lines in the
    notes. ``read_for`` says, in the error, what the derivation reads from them."""
    folder = Path(folder)
    for candidate in (folder / NOTES_FILE, folder.parent / NOTES_FILE):
        if candidate.is_file():
            return candidate, " ".join(candidate.read_text(encoding="utf-8").split())
    raise DataError(f"{folder}: no {NOTES_FILE} in or beside the raw folder; {read_for} are read from it")


@dataclass(frozen=True)
class BuildResult:
    dataset: str
    tables: tuple[str, ...]
    seconds: float


def derive(dataset: Dataset, raw_root: Path) -> dict[str, bytes]:
    """Run one dataset's derivation and serialise each table; errors name the dataset and folder."""
    folder = raw_folder(raw_root, dataset.name)
    if not folder.is_dir():
        raise DataError(f"dataset '{dataset.name}': no raw folder at {folder}")
    try:
        frames = dataset.derive(folder)
    except DataError as exc:
        raise DataError(f"dataset '{dataset.name}' ({folder}): {exc}") from exc
    except OSError as exc:
        where = exc.filename or folder
        raise DataError(f"dataset '{dataset.name}': {where}: cannot be read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, pd.errors.EmptyDataError, pd.errors.ParserError) as exc:
        # A reader that does not say which file it was reading: name the folder and the cause.
        raise DataError(f"dataset '{dataset.name}' ({folder}): a raw file cannot be read ({exc})") from exc
    except (ValueError, LookupError, TypeError, AttributeError, EOFError) as exc:
        # A shape of raw file that no reader foresaw (a row twice, a column of another type): still one
        # line naming the dataset and its folder, and nothing replaced.
        raise DataError(
            f"dataset '{dataset.name}' ({folder}): a raw file is not as the derivation expects "
            f"({type(exc).__name__}: {exc})"
        ) from exc
    produced, declared = set(frames), {t.name for t in dataset.tables}
    if produced != declared:
        raise DataError(
            f"dataset '{dataset.name}': derivation produced {sorted(produced)}, declared {sorted(declared)}"
        )
    return {t.name: to_csv_bytes(frames[t.name], t) for t in dataset.tables}


def package_descriptor(tables: dict[str, bytes], specs: dict[str, Table]) -> dict:
    return {
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": (
            "Tidy tables derived by the aiparadox package from the publishers' raw files. "
            "Each resource lists its sources: publisher, series or table id, URL, retrieval date, "
            "licence and the route the cached copy took."
        ),
        "licenses": [dict(PACKAGE_LICENCE)],
        "resources": [specs[name].descriptor(tables[name]) for name in specs if name in tables],
    }


@dataclass(frozen=True)
class Staged:
    """A complete, validated new ``data/`` waiting in ``folder`` for :func:`aiparadox.swap.commit`."""

    folder: Path
    files: tuple[str, ...]
    results: tuple[BuildResult, ...]


def build(
    raw_root: Path,
    names: Iterable[str] | None = None,
    data_dir: Path = DATA_DIR,
    accept: Iterable[str] = (),
) -> list[BuildResult]:
    """Derive the named datasets (all by default) and replace their cached tables in one step.

    Holds the lock of ``data_dir`` throughout, so that a second build waits instead of mixing its
    tables with this one's; finishes or cleans up what an interrupted refresh left first."""
    data_dir = Path(data_dir)
    with swap.lock(data_dir):
        # The raw folder too: a fetch killed while downloading left its download folder there.
        for notice in swap.recover(data_dir, raw_root):
            print(notice, file=sys.stderr)
        staged = stage(raw_root, names, data_dir, accept)
        swap.commit(data_dir, staged.folder, staged.files)
    return list(staged.results)


def stage(
    raw_root: Path,
    names: Iterable[str] | None,
    data_dir: Path,
    accept: Iterable[str] = (),
) -> Staged:
    """Derive, check each new table against its committed copy and its refresh rules, write the
    whole new package to a staging folder in ``data_dir`` and validate it there. Call it holding
    :func:`aiparadox.swap.lock`; on any failure nothing is left behind."""
    datasets = registry()
    selected = list(names) if names else list(datasets)
    unknown = [n for n in selected if n not in datasets]
    if unknown:
        raise DataError(f"unknown dataset(s) {unknown}; known: {sorted(datasets)}")

    specs = {t.name: t for ds in datasets.values() for t in ds.tables}
    accepted = set(accept)
    unknown = sorted(accepted - set(specs))
    if unknown:
        raise DataError(f"--accept names unknown table(s) {unknown}")
    new: dict[str, bytes] = {}
    results = []
    for name in selected:
        start = time.perf_counter()
        new.update(derive(datasets[name], raw_root))
        results.append(BuildResult(name, tuple(t.name for t in datasets[name].tables), time.perf_counter() - start))

    data_dir.mkdir(parents=True, exist_ok=True)
    committed = read_descriptor(data_dir)["resources"] if (data_dir / "datapackage.json").exists() else []
    for name, data in new.items():
        check_refresh(specs[name], data, _committed_frame(data_dir, committed, name), data_dir, name in accepted)
    kept = _current_tables(data_dir, specs, exclude=new)
    everything = {**kept, **new}
    descriptor = package_descriptor(everything, specs)

    staging = Path(tempfile.mkdtemp(prefix=swap.STAGING_PREFIX, dir=data_dir))
    try:
        # The kept tables are written too: validation reads the whole package. Only the new ones move.
        for name, data in everything.items():
            _write(staging / specs[name].filename, data)
        _write(staging / "datapackage.json", _json(descriptor).encode("utf-8"))
        problems = validate_package(staging)
        if problems:
            raise DataError("the derived data package is invalid, cache left untouched: " + "; ".join(problems))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    files = tuple(specs[name].filename for name in new) + ("datapackage.json",)
    return Staged(staging, files, tuple(results))


def check_refresh(table: Table, data: bytes, committed: pd.DataFrame | None, data_dir: Path, accept: bool) -> None:
    """A refresh may add rows but not lose them, and must pass the table's own ``checks``;
    ``accept`` (the refresh says it means it) waives the comparisons with the committed copy."""
    frame = parse_csv(data, table.descriptor(data), where=f"derived table {table.name}")
    # The table's own rules first: they say more precisely what is wrong than a list of lost keys.
    rules = [rule for rule in table.checks if not (accept and rule.compares_with_committed)]
    problems = [refresh.no_rows(frame), *(rule.problem(frame, committed, table.primary_key) for rule in rules)]
    if committed is not None and not accept:
        problems.append(refresh.lost_keys(frame, committed, table.primary_key))
    problems = [p for p in problems if p]
    if problems:
        raise DataError(f"table {table.name} ({Path(data_dir) / table.filename}): refresh refused: {problems[0]}")


def committed_problems(data_dir: Path = DATA_DIR) -> list[str]:
    """The committed tables against what each one's Table says about a copy alone: it has rows and
    passes the ``checks`` that need no other copy (ranges, ranks, jumps). ``data check`` and the book
    build run them, so that a table damaged by hand and given a matching hash is still refused.
    Call it once the descriptor has been read; a table it does not list is reported elsewhere."""
    specs = {t.name: t for ds in registry().values() for t in ds.tables}
    problems = []
    for res in read_descriptor(data_dir)["resources"]:
        table, path = specs.get(res["name"]), Path(data_dir) / res["path"]
        if table is None or not path.is_file():
            continue
        data = path.read_bytes()
        try:
            frame = parse_csv(data, table.descriptor(data), where=str(path))
        except DataError as exc:
            problems.append(str(exc))
            continue
        own = [rule for rule in table.checks if not rule.compares_with_committed]
        found = [refresh.no_rows(frame), *(rule.problem(frame, None, table.primary_key) for rule in own)]
        problems += [f"{path}: {problem}" for problem in found if problem]
        problems += [f"{path}: {problem}" for problem in _formulas(frame, table)]
    return problems


def _formulas(frame: pd.DataFrame, table: Table) -> list[str]:
    """Text cells a spreadsheet would run: the build writes none (``to_csv_bytes`` defuses them), so
    one in a committed table was typed there by hand."""
    found = []
    for f in table.fields:
        if PANDAS_DTYPES[f.type] == "string" and f.name in frame.columns:
            cells = frame[f.name].dropna()
            live = cells[cells.map(lambda v: isinstance(v, str) and defuse_formula(v) != v)]
            if not live.empty:
                found.append(f"column '{f.name}' holds {live.iloc[0]!r}, which a spreadsheet would run as a formula")
    return found


def _committed_frame(data_dir: Path, resources: list[dict], name: str) -> pd.DataFrame | None:
    """The committed copy of a table to compare a refresh with; None when there is none to trust
    (first build, file missing or changed by hand: the build then replaces it)."""
    res = next((r for r in resources if r["name"] == name), None)
    path = data_dir / res["path"] if res else None
    if path is None or not path.is_file():
        return None
    data = path.read_bytes()
    if sha256(data) != res["hash"].removeprefix("sha256:"):
        return None
    return parse_csv(data, res, where=str(path))


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise DataError(f"{path}: cannot be written ({exc.strerror or exc}); data/ left untouched") from None


def _current_tables(data_dir: Path, specs: dict[str, Table], exclude: dict[str, bytes]) -> dict[str, bytes]:
    """Cached tables that this build does not re-derive, so the new descriptor still lists them."""
    if not (data_dir / "datapackage.json").exists():
        return {}
    kept = {}
    for res in read_descriptor(data_dir)["resources"]:
        name = res["name"]
        if name in specs and name not in exclude and (data_dir / res["path"]).exists():
            data = (data_dir / res["path"]).read_bytes()
            if sha256(data) != res["hash"].removeprefix("sha256:"):
                raise DataError(
                    f"{data_dir / res['path']}: changed since it was derived (sha256 mismatch); "
                    "rebuild its dataset too or restore it with git"
                )
            kept[name] = data
    return kept


def _json(descriptor: dict) -> str:
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
