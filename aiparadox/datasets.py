"""Deriving the tidy tables from raw inputs, and replacing the cache only when they are valid.

Each topic module in :mod:`aiparadox.topics` declares one :class:`Dataset`: the folder of raw
inputs it reads, the tables it produces and the function that derives them. ``build`` runs the
derivations, writes the results to a staging folder beside the cache, validates the whole
package there, and only then moves the new files into place. A derivation that fails, or a
table that does not match its schema, leaves ``data/`` exactly as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import topics
from .datapackage import (
    PACKAGE_LICENCE,
    PACKAGE_NAME,
    PACKAGE_TITLE,
    DataError,
    Table,
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


def build(
    raw_root: Path,
    names: Iterable[str] | None = None,
    data_dir: Path = DATA_DIR,
) -> list[BuildResult]:
    """Derive the named datasets (all by default) and replace their cached tables atomically."""
    datasets = registry()
    selected = list(names) if names else list(datasets)
    unknown = [n for n in selected if n not in datasets]
    if unknown:
        raise DataError(f"unknown dataset(s) {unknown}; known: {sorted(datasets)}")

    specs = {t.name: t for ds in datasets.values() for t in ds.tables}
    new: dict[str, bytes] = {}
    results = []
    for name in selected:
        start = time.perf_counter()
        new.update(derive(datasets[name], raw_root))
        results.append(BuildResult(name, tuple(t.name for t in datasets[name].tables), time.perf_counter() - start))

    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    kept = _current_tables(data_dir, specs, exclude=new)
    everything = {**kept, **new}
    descriptor = package_descriptor(everything, specs)

    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=data_dir))
    try:
        for name, data in everything.items():
            (staging / specs[name].filename).write_bytes(data)
        (staging / "datapackage.json").write_text(_json(descriptor), encoding="utf-8")
        problems = validate_package(staging)
        if problems:
            raise DataError("the derived data package is invalid, cache left untouched:\n  " + "\n  ".join(problems))
        for name in new:
            os.replace(staging / specs[name].filename, data_dir / specs[name].filename)
        # The descriptor goes last: until it is replaced, the old hashes flag a half-finished swap.
        os.replace(staging / "datapackage.json", data_dir / "datapackage.json")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return results


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
