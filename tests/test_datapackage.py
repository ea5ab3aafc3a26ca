"""The data layer: the committed package validates, the loader refuses damaged copies, and a
build replaces the cache only when everything it derived is valid."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import datasets
from aiparadox.datapackage import (
    LICENCE_IDENTIFIERS,
    DataError,
    Field,
    Source,
    Table,
    load,
    read_descriptor,
    sha256,
    validate_package,
)
from aiparadox.paths import DATA_DIR

PUBLIC_DOMAIN = "Public domain (work of the U.S. federal government, 17 U.S.C. 105)"
# The Data Package spec (v1) holds licences[].name to this pattern: an identifier, not a sentence.
LICENCE_IDENTIFIER = re.compile(r"^[-a-zA-Z0-9._]+$")


def test_committed_package_is_valid():
    assert validate_package(DATA_DIR) == []


def test_every_table_is_listed_with_provenance_and_matching_hash():
    descriptor = read_descriptor(DATA_DIR)
    listed = {res["path"] for res in descriptor["resources"]}
    on_disk = {p.name for p in DATA_DIR.glob("*.csv")}
    assert listed == on_disk, "every CSV in data/ is described, and every description has its CSV"
    for res in descriptor["resources"]:
        data = (DATA_DIR / res["path"]).read_bytes()
        assert res["hash"] == f"sha256:{sha256(data)}"
        assert res["bytes"] == len(data)
        assert res["sources"], res["name"]
        for source in res["sources"]:
            for key in ("publisher", "title", "series", "path", "retrieved", "licence", "route"):
                assert str(source.get(key, "")).strip(), f"{res['name']}: source lacks {key}"
        for field in res["schema"]["fields"]:
            assert field.get("description"), f"{res['name']}.{field['name']} has no description"


def test_every_licence_is_an_identifier_with_the_sources_sentence_as_its_title():
    descriptor = read_descriptor(DATA_DIR)
    assert descriptor["licenses"], "the package has a licence of its own"
    for licence in descriptor["licenses"]:
        assert LICENCE_IDENTIFIER.match(licence["name"]) and licence["title"], licence
    for res in descriptor["resources"]:
        assert res["licenses"], res["name"]
        for licence in res["licenses"]:
            assert LICENCE_IDENTIFIER.match(licence["name"]), f"{res['name']}: {licence['name']!r} is not an identifier"
            assert LICENCE_IDENTIFIERS[licence["title"]] == licence["name"]
        assert {lic["title"] for lic in res["licenses"]} == {s["licence"] for s in res["sources"]}, res["name"]


def test_every_registered_table_is_in_the_package():
    registered = {t.name for ds in datasets.registry().values() for t in ds.tables}
    listed = {res["name"] for res in read_descriptor(DATA_DIR)["resources"]}
    assert registered == listed


def test_loader_returns_typed_frames():
    for res in read_descriptor(DATA_DIR)["resources"]:
        frame = load(res["name"])
        assert list(frame.columns) == [f["name"] for f in res["schema"]["fields"]]
        assert len(frame) > 0


def test_loader_rejects_a_corrupted_copy(data_copy: Path):
    path = data_copy / "top500_accelerators.csv"
    path.write_bytes(path.read_bytes().replace(b"0.506", b"0.905"))
    with pytest.raises(DataError, match=r"top500_accelerators\.csv: sha256 does not match"):
        load("top500_accelerators", data_dir=data_copy)


def test_loader_rejects_a_missing_column_even_with_a_fresh_hash(data_copy: Path):
    path = data_copy / "top500_accelerators.csv"
    frame = pd.read_csv(path).drop(columns=["share_accelerated_rmax"])
    path.write_text(frame.to_csv(index=False))
    descriptor = json.loads((data_copy / "datapackage.json").read_text())
    for res in descriptor["resources"]:
        if res["path"] == path.name:
            res["hash"] = f"sha256:{sha256(path.read_bytes())}"
    (data_copy / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(DataError, match=r"top500_accelerators\.csv.*missing.*share_accelerated_rmax"):
        load("top500_accelerators", data_dir=data_copy)


def test_loader_names_missing_files_and_unknown_tables(data_copy: Path):
    (data_copy / "top500_accelerators.csv").unlink()
    with pytest.raises(DataError, match="top500_accelerators.csv: listed in datapackage.json but missing"):
        load("top500_accelerators", data_dir=data_copy)
    with pytest.raises(DataError, match="no table named 'nope'"):
        load("nope", data_dir=data_copy)


# --- build(): a toy dataset registered for the test ------------------------------------------

TOY = Table(
    name="toy_counts",
    title="Toy counts",
    description="Counts for the build tests",
    fields=(
        Field("year", "year", "Year", constraints={"required": True}),
        Field("count", "integer", "A count", unit="things", constraints={"minimum": 0}),
    ),
    primary_key=("year",),
    sources=(
        Source("Nobody", "Toy", "toy-1", "https://example.org/toy", "2026-01-01", PUBLIC_DOMAIN, "made in a test"),
    ),
)


def _toy_derive(folder: Path) -> dict[str, pd.DataFrame]:
    frame = pd.read_csv(folder / "toy.csv")
    return {"toy_counts": frame}


@pytest.fixture
def toy_registry(monkeypatch):
    toy = datasets.Dataset("toy", "Toy", (TOY,), _toy_derive)
    monkeypatch.setattr(datasets, "registry", lambda: {"toy": toy})
    return toy


def _raw(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "raw" / "toy"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "toy.csv").write_text(text)
    return tmp_path / "raw"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_build_writes_a_valid_package(tmp_path: Path, toy_registry):
    data_dir = tmp_path / "data"
    datasets.build(_raw(tmp_path, "year,count\n2024,3\n2025,5\n"), data_dir=data_dir)
    assert validate_package(data_dir) == []
    assert load("toy_counts", data_dir=data_dir)["count"].tolist() == [3, 5]
    assert not list(data_dir.glob(".staging-*")), "the staging folder is cleaned up"


@pytest.mark.parametrize(
    ("bad_raw", "message"),
    [
        ("year,count\n2024,3\n2025,-5\n", "minimum"),  # a value out of range
        ("year,total\n2024,3\n", "columns do not match"),  # a renamed column (schema drift)
        ("year,count\n", "no rows"),  # an empty series
        ("year,count\n2024,3\n2024,4\n", "duplicate primary key"),
    ],
)
def test_a_bad_input_leaves_the_cache_untouched(tmp_path: Path, toy_registry, bad_raw: str, message: str):
    data_dir = tmp_path / "data"
    datasets.build(_raw(tmp_path, "year,count\n2024,3\n2025,5\n"), data_dir=data_dir)
    before = _snapshot(data_dir)
    with pytest.raises(DataError, match=message):
        datasets.build(_raw(tmp_path, bad_raw), data_dir=data_dir)
    assert _snapshot(data_dir) == before
    assert not list(data_dir.glob(".staging-*"))


def test_a_licence_statement_without_an_identifier_stops_the_build_and_says_where_to_add_it(
    tmp_path: Path, toy_registry, monkeypatch
):
    data_dir = tmp_path / "data"
    datasets.build(_raw(tmp_path, "year,count\n2024,3\n2025,5\n"), data_dir=data_dir)
    before = _snapshot(data_dir)
    unknown = dataclasses.replace(TOY.sources[0], licence="Ask the publisher")
    toy = datasets.Dataset("toy", "Toy", (dataclasses.replace(TOY, sources=(unknown,)),), _toy_derive)
    monkeypatch.setattr(datasets, "registry", lambda: {"toy": toy})
    with pytest.raises(DataError, match=r"'Ask the publisher' has no identifier; add it to LICENCE_IDENTIFIERS"):
        datasets.build(_raw(tmp_path, "year,count\n2024,3\n"), data_dir=data_dir)
    assert _snapshot(data_dir) == before


def test_a_missing_raw_folder_is_a_clear_error(tmp_path: Path, toy_registry):
    with pytest.raises(DataError, match="dataset 'toy': no raw folder at"):
        datasets.build(tmp_path / "nowhere", data_dir=tmp_path / "data")


def test_rederiving_from_the_shared_sources_reproduces_the_committed_tables(shared_sources: Path, tmp_path: Path):
    target = tmp_path / "data"
    datasets.build(shared_sources, data_dir=target)
    committed = read_descriptor(DATA_DIR)
    rederived = read_descriptor(target)
    assert rederived == committed
    for res in committed["resources"]:
        assert (target / res["path"]).read_bytes() == (DATA_DIR / res["path"]).read_bytes(), res["path"]
