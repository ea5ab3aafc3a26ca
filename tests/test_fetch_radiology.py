"""`data fetch --dataset radiology` against stand-ins for BLS (OEWS) and the FDA.

BLS publishes each year's national OEWS file as ``oesmYYnat.zip`` holding
``oesmYYnat/national_MYYYY_dl.xlsx``; the stand-in packs the stored workbooks of
../shared/sources/radiology that way. The FDA list is served as stored. A fetch must reproduce the
committed tables byte for byte (the rows name the workbook, zipped or not); a web page in place of
a file must leave every cached file as it was. No test touches the network."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
import responses

from aiparadox import datasets, fetch
from aiparadox.datapackage import DataError
from aiparadox.paths import DATA_DIR
from aiparadox.topics.radiology import raw as raw_files
from aiparadox.topics.radiology import tables

from .conftest import writable_copy


def published_zip(oews: Path, year: int, member: str | None = None) -> bytes:
    folder = f"oesm{year % 100:02d}nat"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{folder}/", "")
        archive.writestr(
            member or f"{folder}/national_M{year}_dl.xlsx", (oews / f"national_M{year}_dl.xlsx").read_bytes()
        )
    return buffer.getvalue()


@pytest.fixture(scope="module")
def shared_radiology(shared_sources: Path) -> Path:
    return shared_sources / "radiology"


@pytest.fixture
def seeded(shared_radiology: Path, tmp_path: Path, data_copy: Path) -> tuple[Path, Path]:
    raw_root = tmp_path / "raw"
    writable_copy(shared_radiology, raw_root / "radiology")
    return raw_root, data_copy


def register(mock: responses.RequestsMock, raw: Path, **replace) -> None:
    for year in raw_files.OEWS_ZIP_YEARS:
        mock.get(
            raw_files.oews_zip_url(year),
            body=replace.get(str(year), published_zip(raw / "oews", year)),
            content_type="application/zip",
        )
    mock.get(
        raw_files.FDA_DOWNLOAD_URL,
        body=replace.get("fda", (raw / "fda" / raw_files.FDA_XML).read_bytes()),
        match=[responses.matchers.query_string_matcher("attachment")],
    )


def fast_client() -> fetch.Client:
    return fetch.Client(retries=1, backoff=0.0, sleep=lambda s: None, progress=False)


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_committed_tables(data: Path) -> None:
    for table in tables.DATASET.tables:
        assert (data / table.filename).read_bytes() == (DATA_DIR / table.filename).read_bytes(), table.name


def test_the_plan_names_the_publishers_files():
    plan = raw_files.remote({})
    urls = [item.url for item in plan if isinstance(item, fetch.Download)]
    assert urls[0] == "https://www.bls.gov/oes/special-requests/oesm18nat.zip"
    assert urls[-2] == "https://www.bls.gov/oes/special-requests/oesm24nat.zip"
    assert urls[-1] == "https://www.fda.gov/media/178565/download?attachment"
    assert all(item.why for item in plan if isinstance(item, fetch.Keep))


def test_a_fetch_reproduces_the_committed_tables(seeded, shared_radiology: Path, tmp_path: Path):
    raw_root, data = seeded
    with responses.RequestsMock() as mock:
        register(mock, shared_radiology / "raw")
        fetch.fetch(["radiology"], raw_root=raw_root, data_dir=data, client=fast_client())
    assert_committed_tables(data)
    folder = raw_root / "radiology"
    assert sorted(p.name for p in (folder / "oews").glob("*.zip")) == [
        f"oesm{y % 100:02d}nat.zip" for y in raw_files.OEWS_ZIP_YEARS
    ]
    assert not list((folder / "oews").glob("national_M*.xlsx")), "the zips replace the unpacked copies"
    assert not (folder / "fda" / raw_files.FDA_COUNTS).exists(), "the count file belongs to the stored copy only"
    assert sorted(p.name for p in (folder / "pages").glob("*.txt")) == sorted(
        p.name for p in (shared_radiology / "raw" / "pages").glob("*.txt")
    )

    offline = tmp_path / "offline-data"
    shutil.copytree(data, offline)
    datasets.build(raw_root, ["radiology"], data_dir=offline)
    assert_committed_tables(offline)


def test_a_year_zipped_and_unpacked_is_ambiguous(tmp_path: Path, shared_radiology: Path):
    oews = tmp_path / "oews"
    shutil.copytree(shared_radiology / "raw" / "oews", oews)
    (oews / "oesm18nat.zip").write_bytes(published_zip(shared_radiology / "raw" / "oews", 2018))
    with pytest.raises(DataError, match=r"May 2018 is in both national_M2018_dl.xlsx and oesm18nat.zip"):
        raw_files.excel_files(oews)


def test_a_zip_holding_another_year_is_an_error(tmp_path: Path, shared_radiology: Path):
    path = tmp_path / "oesm19nat.zip"
    path.write_bytes(published_zip(shared_radiology / "raw" / "oews", 2018))
    with pytest.raises(DataError, match=r"oesm19nat.zip: holds national_M2018_dl.xlsx, the file of another year"):
        tables.national_file_rows(path)


def test_without_a_manifest_the_count_file_is_required(tmp_path: Path, shared_radiology: Path):
    folder = tmp_path / "radiology"
    shutil.copytree(shared_radiology / "raw", folder)
    (folder / "fda" / raw_files.FDA_COUNTS).chmod(0o644)
    (folder / "fda" / raw_files.FDA_COUNTS).unlink()
    with pytest.raises(
        DataError, match=r"fda_ai_devices_counts_by_year.csv: not found in .*cross-checks the stored copy"
    ):
        tables.derive(folder)


ACCESS_DENIED = b"<!DOCTYPE html><html><head><title>Access Denied</title></head><body>Access Denied</body></html>"

FAULTS = {
    "a page instead of a zip": (lambda raw: {"2021": ACCESS_DENIED}, raw_files.oews_zip_url(2021), "not a zip archive"),
    "a zip without the national file": (
        lambda raw: {"2022": published_zip(raw / "oews", 2022, member="oesm22nat/field_descriptions.xlsx")},
        raw_files.oews_zip_url(2022),
        "expected one national_MYYYY_dl.xlsx in the archive, found none",
    ),
    "a page instead of the FDA list": (
        lambda raw: {
            "fda": b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>FDA</title></head><body>Page moved</body></html>'
        },
        raw_files.FDA_DOWNLOAD_URL,
        "not well-formed XML",
    ),
    "an FDA list without devices": (
        lambda raw: {"fda": b"<?xml version='1.0'?><root></root>"},
        raw_files.FDA_DOWNLOAD_URL,
        "lists no <row>",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_leaves_the_cache_untouched(seeded, shared_radiology: Path, fault: str):
    raw_root, data = seeded
    make, url, cause = FAULTS[fault]
    before = snapshot(raw_root, data)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        register(mock, shared_radiology / "raw", **make(shared_radiology / "raw"))
        with pytest.raises(fetch.FetchError) as error:
            fetch.fetch(["radiology"], raw_root=raw_root, data_dir=data, client=fast_client())
    message = str(error.value)
    assert "\n" not in message and message.startswith("radiology: ") and url in message and cause in message
    assert snapshot(raw_root, data) == before


def test_the_manifest_records_the_zips(seeded, shared_radiology: Path):
    raw_root, data = seeded
    with responses.RequestsMock() as mock:
        register(mock, shared_radiology / "raw")
        fetch.fetch(["radiology"], raw_root=raw_root, data_dir=data, client=fast_client())
    entries = json.loads((raw_root / "radiology" / "manifest.json").read_text())["files"]
    assert [e["filename"] for e in entries][-1] == f"fda/{raw_files.FDA_XML}"
    assert all(e["status"] == 200 and len(e["sha256"]) == 64 for e in entries)
