"""The data layer: table specifications, the cached Data Package, loading and validation.

Every number in the book comes from a CSV in ``data/`` that is described in
``data/datapackage.json`` (a Frictionless Data Package). The description is generated from
the :class:`Table` specifications declared next to the code that derives each table, so the
schema a reader sees and the schema the code checks are the same object.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .paths import BRANCH, DATA_DIR, REPOSITORY

PACKAGE_NAME = "ai-wealth-paradox-data"
PACKAGE_TITLE = "Data behind the essay 'Who gains from AI?'"
# The package's own work (which tables, how they are derived, their descriptions) is the book's and
# shares the book's licence; each table's numbers keep their publisher's terms, in the resource's
# own ``licenses``, which the Data Package spec says take precedence over the package's.
PACKAGE_LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": (
        "Creative Commons Attribution 4.0 International, for this package's selection, derivation and "
        "descriptions of the tables; each table's data are under its publisher's terms, in its own licenses"
    ),
}

# The Data Package spec wants an Open Definition licence identifier in ``licenses[].name``, and the
# sentence in ``title``. This maps each licence statement a table's Source makes to its identifier:
# the licence the publisher states for the file we copied ("notspecified" when it states none); works
# of the U.S. federal government are "other-pd"; text under copyright that the book quotes, and the
# IMF's terms (all rights reserved, data reuse on conditions), are "other-closed" (Other, Not Open).
LICENCE_IDENTIFIERS = {
    "Public domain (work of the U.S. federal government); BLS asks to be cited": "other-pd",
    "Public domain (work of the U.S. federal government, 17 U.S.C. 105); cite BLS as the source": "other-pd",
    "Public domain (work of the U.S. federal government, 17 U.S.C. 105)": "other-pd",
    (
        "U.S. government data, public domain (DOE web policy: attribution requested); "
        "no EIA-specific statement found"
    ): "other-pd",
    "CC BY 4.0 (OWID); third-party data under Ember's and the Energy Institute's terms": "CC-BY-4.0",
    "OWID CC BY 4.0; Penn World Table CC BY 4.0; Huberman and Minns (2005) (c) the authors": "CC-BY-4.0",
    (
        "OWID-produced data CC BY 4.0; underlying data by Huberman and Minns (2007); "
        "the archived repository states no licence"
    ): "notspecified",
    "Public domain (BEA data, work of the U.S. federal government); FRED asks to be cited": "other-pd",
    # SEC EDGAR filings are public records; the 10-K sentences quoted are the companies' own words.
    "Public domain (U.S. government data; filings are public records)": "other-pd",
    "Public domain (filings are public records); short quotations": "other-pd",
    "Short quotations with attribution": "other-closed",
    "Free to use with citation of TOP500 (no formal licence stated)": "other-at",
    "IMF Copyright and Usage terms": "other-closed",
    "IMF copyright; short quotations": "other-closed",
    "LinkedIn copyright; short quotations": "other-closed",
    "Short quotation for review; the text belongs to its publisher": "other-closed",
    "Short quotations with attribution; no reuse licence (each row names its page)": "other-closed",
    "Short quotations of third-party pages (fair quotation); the reports themselves were not found": "other-closed",
    (
        "Short quotations of third-party news (fair quotation); no official press release was found"
    ): "other-closed",
}

# Frictionless field types that the book uses, and the pandas dtype the loader gives each.
PANDAS_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "year": "Int64",
    "yearmonth": "string",
    "date": "string",
}


class DataError(Exception):
    """A cached or derived table is not what its specification says. The message names the file."""


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    unit: str | None = None
    constraints: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.type not in PANDAS_DTYPES:
            raise ValueError(f"field {self.name!r}: unsupported type {self.type!r}")

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.unit:
            out["unit"] = self.unit
        if self.constraints:
            out["constraints"] = dict(self.constraints)
        return out


@dataclass(frozen=True)
class Source:
    """Where a table's numbers come from.

    ``route`` says how the cached copy reached this repository (for example "copied from the
    GitHub repository X at commit Y", or "BLS Public Data API v2"), because the publisher and the
    path our copy took are not always the same thing.
    """

    publisher: str
    title: str
    series: str
    url: str
    retrieved: str
    licence: str
    route: str
    licence_url: str | None = None

    def descriptor(self) -> dict[str, Any]:
        out = {
            "title": self.title,
            "publisher": self.publisher,
            "series": self.series,
            "path": self.url,
            "retrieved": self.retrieved,
            "licence": self.licence,
            "route": self.route,
        }
        if self.licence_url:
            out["licenceUrl"] = self.licence_url
        return out

    def licence_entry(self) -> dict[str, str]:
        """The source's licence as the Data Package spec writes it: identifier, sentence, address."""
        identifier = LICENCE_IDENTIFIERS.get(self.licence)
        if identifier is None:
            raise DataError(
                f"source '{self.title}': the licence {self.licence!r} has no identifier; "
                "add it to LICENCE_IDENTIFIERS in aiparadox/datapackage.py"
            )
        entry = {"name": identifier, "title": self.licence}
        if self.licence_url:
            entry["path"] = self.licence_url
        return entry


@dataclass(frozen=True)
class Table:
    """One tidy table: its name (the CSV is ``data/<name>.csv``), meaning, schema and sources."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    sources: tuple[Source, ...]

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def descriptor(self, data: bytes) -> dict[str, Any]:
        licences = []
        for s in self.sources:
            entry = s.licence_entry()
            if entry not in licences:
                licences.append(entry)
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "path": self.filename,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(data),
            "hash": f"sha256:{sha256(data)}",
            "schema": {
                "fields": [f.descriptor() for f in self.fields],
                "primaryKey": list(self.primary_key),
            },
            "sources": [s.descriptor() for s in self.sources],
            "licenses": licences,
        }


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def to_csv_bytes(frame: pd.DataFrame, table: Table) -> bytes:
    """Serialise a derived frame exactly as it is committed, so re-derivation is byte-comparable."""
    check_frame(frame, table, where=f"derived table {table.name}")
    text = frame[table.columns].to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")


def check_frame(frame: pd.DataFrame, table: Table, where: str) -> None:
    """Cheap structural checks shared by derivation and loading: columns and primary key."""
    missing = [c for c in table.columns if c not in frame.columns]
    extra = [c for c in frame.columns if c not in table.columns]
    if missing or extra:
        raise DataError(
            f"{where}: columns do not match the schema of '{table.name}'"
            + (f"; missing {missing}" if missing else "")
            + (f"; unexpected {extra}" if extra else "")
        )
    if frame.empty:
        raise DataError(f"{where}: no rows")
    key = list(table.primary_key)
    if key and frame.duplicated(key).any():
        dupes = frame.loc[frame.duplicated(key, keep=False), key].head(3).to_dict("records")
        raise DataError(f"{where}: duplicate primary key {key}, e.g. {dupes}")
    for f in table.fields:
        lo, hi = f.constraints.get("minimum"), f.constraints.get("maximum")
        values = pd.to_numeric(frame[f.name], errors="coerce") if (lo is not None or hi is not None) else None
        if lo is not None and (values < lo).any():
            raise DataError(f"{where}: column '{f.name}' has values below its minimum {lo}")
        if hi is not None and (values > hi).any():
            raise DataError(f"{where}: column '{f.name}' has values above its maximum {hi}")
        if f.constraints.get("required") and frame[f.name].isna().any():
            raise DataError(f"{where}: column '{f.name}' is required but has missing values")


def read_descriptor(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    path = Path(data_dir) / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: no data package here; run `make data-build` to derive it") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: not valid JSON ({exc})") from None


def resource(name: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    descriptor = read_descriptor(data_dir)
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(sorted(r["name"] for r in descriptor["resources"]))
    raise DataError(f"no table named '{name}' in {Path(data_dir) / 'datapackage.json'}; known tables: {known}")


def published_data_url() -> str:
    owner_repo = REPOSITORY.removeprefix("https://github.com/")
    return f"https://raw.githubusercontent.com/{owner_repo}/{BRANCH}/data/"


def published_copy(cache: Path | None = None) -> Path:
    """The book's committed tables, downloaded from its repository into a local cache.

    For a chapter opened on its own (Colab, a downloaded notebook), where the repository's
    ``data/`` folder is not beside the package. Every table's SHA-256 is checked against the
    downloaded ``datapackage.json`` before it is kept.
    """
    import requests

    cache = Path(cache or Path.home() / ".cache" / "aiparadox" / "data")
    base = published_data_url()
    if (cache / "datapackage.json").exists():
        return cache

    def get(filename: str) -> bytes:
        try:
            response = requests.get(base + filename, timeout=(10, 60), headers={"User-Agent": "aiparadox-book/0.1"})
            response.raise_for_status()
        except requests.RequestException as exc:
            raise DataError(f"{base}{filename}: cannot download the book's data ({exc})") from None
        return response.content

    descriptor = json.loads(get("datapackage.json"))
    staging = cache.with_name(cache.name + ".partial")
    staging.mkdir(parents=True, exist_ok=True)
    for res in descriptor["resources"]:
        data = get(res["path"])
        if sha256(data) != res["hash"].removeprefix("sha256:"):
            raise DataError(f"{base}{res['path']}: sha256 does not match the published datapackage.json")
        (staging / res["path"]).write_bytes(data)
    (staging / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    staging.replace(cache)
    print(
        f"aiparadox: the repository's data/ folder is not here, so the book's {len(descriptor['resources'])} "
        f"tables were downloaded from {base} into {cache}, each SHA-256 checked."
    )
    return cache


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Read one cached table after checking its hash and columns against ``datapackage.json``.

    Without the repository around the package (a notebook opened alone), the tables come from the
    book's published copy (:func:`published_copy`).

    >>> load("top500_accelerators").columns[0]
    'edition'
    """
    if Path(data_dir) == DATA_DIR and not (DATA_DIR / "datapackage.json").exists():
        data_dir = published_copy()
    res = resource(name, data_dir)
    path = Path(data_dir) / res["path"]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: listed in datapackage.json but missing") from None
    expected = res["hash"].removeprefix("sha256:")
    if sha256(data) != expected:
        raise DataError(
            f"{path}: sha256 does not match datapackage.json (the file changed since it was derived); "
            "re-derive it with `make data-build` or restore it with git"
        )
    return parse_csv(data, res, where=str(path))


def parse_csv(data: bytes, res: dict[str, Any], where: str) -> pd.DataFrame:
    """Parse CSV bytes with the dtypes of a resource descriptor, checking its columns."""
    import io

    fields = res["schema"]["fields"]
    dtypes = {f["name"]: PANDAS_DTYPES[f["type"]] for f in fields}
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=dtypes, keep_default_na=False, na_values=[""])
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataError(f"{where}: cannot be read with the schema in datapackage.json ({exc})") from None
    expected = [f["name"] for f in fields]
    if list(frame.columns) != expected:
        missing = [c for c in expected if c not in frame.columns]
        raise DataError(
            f"{where}: columns {list(frame.columns)} do not match the schema {expected}"
            + (f" (missing: {missing})" if missing else "")
        )
    return frame


def validate_package(data_dir: Path = DATA_DIR) -> list[str]:
    """Full Frictionless validation (types, constraints, keys, bytes, hashes). Returns the problems."""
    from frictionless import validate

    report = validate(str(Path(data_dir) / "datapackage.json"))
    problems = []
    for task in report.tasks:
        for error in task.errors:
            problems.append(f"{task.name}: {error.type}: {error.note}")
    for error in report.errors:
        problems.append(f"datapackage.json: {error.type}: {error.note}")
    return problems
