"""`data fetch --dataset gains` against stand-ins for BLS (flat files, OEWS zips), FRED and the SEC.

The stand-ins serve the stored copies of ../shared/sources/gains (and the radiology dataset's OEWS
workbooks, zipped as BLS publishes them). A fetch must reproduce the committed tables byte for
byte; SEC requests carry a User-Agent naming a contact and are paced to at most ten a second; a
bad answer leaves every cached file as it was. No test touches the network."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import responses

from aiparadox import fetch
from aiparadox.datapackage import DataError
from aiparadox.paths import DATA_DIR
from aiparadox.topics.gains import quarterly_series, raw, tables

from .conftest import writable_copy

CONTACT = "books@example.org"


def published_zip(oews: Path, year: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            f"oesm{year % 100:02d}nat/national_M{year}_dl.xlsx", (oews / f"national_M{year}_dl.xlsx").read_bytes()
        )
    return buffer.getvalue()


@pytest.fixture
def seeded(shared_sources: Path, tmp_path: Path, data_copy: Path, monkeypatch) -> tuple[Path, Path]:
    monkeypatch.setenv(raw.SEC_CONTACT_VARIABLE, CONTACT)
    raw_root = tmp_path / "raw"
    writable_copy(shared_sources / "gains", raw_root / "gains")
    return raw_root, data_copy


def register(mock: responses.RequestsMock, shared: Path, **replace) -> None:
    gains = shared / "gains" / "raw"
    for name in raw.PR_FILES:
        stored = gains / "bls_pr" / quarterly_series.SHARED_PR_FILES.get(name, name)
        mock.get(raw.PR_BASE_URL + name, body=replace.get(name, stored.read_bytes()))
    for series in raw.FRED_SERIES:
        body = replace.get(series, (gains / "fred" / quarterly_series.FRED_SHARED_FILES[series]).read_bytes())
        mock.get(
            "https://fred.stlouisfed.org/graph/fredgraph.csv",
            body=body,
            match=[responses.matchers.query_param_matcher({"id": series})],
        )
    for company, cik in raw.SEC_CIKS.items():
        body = replace.get(company, (gains / "sec" / "companyfacts" / tables.COMPANYFACTS_SHARED[company]).read_bytes())
        mock.get(raw.companyfacts_url(cik), body=body, content_type="application/json")
    for year in raw.OEWS_ZIP_YEARS:
        mock.get(
            f"https://www.bls.gov/oes/special-requests/oesm{year % 100:02d}nat.zip",
            body=published_zip(shared / "radiology" / "raw" / "oews", year),
        )


class Clock:
    """A clock that only moves when the client sleeps, so pacing is measured exactly."""

    def __init__(self) -> None:
        self.now, self.sleeps = 0.0, []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def paced_client(clock: Clock) -> fetch.Client:
    client = fetch.Client(retries=1, backoff=0.0, sleep=clock.sleep, progress=False)
    client.clock = lambda: clock.now
    return client


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_plan_names_the_publishers_files_and_asks_for_a_contact():
    plan = raw.remote({raw.SEC_CONTACT_VARIABLE: CONTACT})
    urls = [item.url for item in plan if isinstance(item, fetch.Download)]
    assert "https://download.bls.gov/pub/time.series/pr/pr.data.0.Current" in urls
    assert "https://download.bls.gov/pub/time.series/pr/pr.data.1.AllData" in urls
    assert "https://data.sec.gov/api/xbrl/companyfacts/CIK0001045810.json" in urls
    sec = [item for item in plan if isinstance(item, fetch.Download) and "data.sec.gov" in item.url]
    assert all(CONTACT in item.headers["User-Agent"] and item.min_interval >= 0.1 for item in sec)
    with pytest.raises(DataError, match="SEC asks every client to name a contact.*set SEC_CONTACT"):
        raw.remote({})


def test_a_fetch_reproduces_the_committed_tables(seeded, shared_sources: Path):
    raw_root, data = seeded
    clock = Clock()
    with responses.RequestsMock() as mock:
        register(mock, shared_sources)
        fetch.fetch(["gains"], raw_root=raw_root, data_dir=data, client=paced_client(clock))
        sec_calls = [call for call in mock.calls if "data.sec.gov" in call.request.url]
    for table in tables.DATASET.tables:
        assert (data / table.filename).read_bytes() == (DATA_DIR / table.filename).read_bytes(), table.name
    assert len(sec_calls) == 2 and all(CONTACT in call.request.headers["User-Agent"] for call in sec_calls)
    # The second SEC request waited a tenth of a second after the first; nothing else was paced.
    assert clock.sleeps == [pytest.approx(raw.SEC_MIN_INTERVAL)]
    folder = raw_root / "gains"
    assert (folder / "bls_pr" / "pr.data.0.Current").is_file() and (folder / "SOURCE.md").is_file()
    assert sorted(p.name for p in (folder / "sec" / "10k").iterdir()) == sorted(
        p.name for p in (shared_sources / "gains" / "raw" / "sec" / "10k").iterdir()
    )


FAULTS = {
    "a page instead of companyfacts": (
        "NVIDIA",
        b"<!DOCTYPE html><html><body>Request Rate Threshold Exceeded</body></html>",
        raw.companyfacts_url(1045810),
        "not valid JSON",
    ),
    "another series under CPROFIT": (
        "CPROFIT",
        b"observation_date,CP\n1947-01-01,21.97\n",
        "fredgraph.csv",
        "not FRED's CSV of CPROFIT",
    ),
    "a page instead of a flat file": (
        "pr.data.0.Current",
        b"<html><body>Access Denied</body></html>",
        raw.PR_BASE_URL + "pr.data.0.Current",
        "not a BLS flat file",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_leaves_the_cache_untouched(seeded, shared_sources: Path, fault: str):
    raw_root, data = seeded
    key, body, url, cause = FAULTS[fault]
    before = snapshot(raw_root, data)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        register(mock, shared_sources, **{key: body})
        with pytest.raises(fetch.FetchError) as error:
            fetch.fetch(["gains"], raw_root=raw_root, data_dir=data, client=paced_client(Clock()))
    message = str(error.value)
    assert "\n" not in message and message.startswith("gains: ") and url in message and cause in message
    assert snapshot(raw_root, data) == before
