"""`data fetch --dataset bls` against a stand-in for the BLS Public Data API v2.

The stand-in answers POSTs the way the real API does (status, message, Results as an object or
as the list of the documentation sample, data newest first, ``-`` for a month without data, a
year range cut to the limit with a message) from the values of the cached raw files in
../shared/sources/bls. A fetch must therefore reproduce the committed tables byte for byte, and
a refusal must leave every cached file as it was. No test touches the network."""

from __future__ import annotations

import calendar
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import responses

from aiparadox import datasets, fetch
from aiparadox.paths import DATA_DIR
from aiparadox.topics.bls import monthly_series, raw, tables

from .conftest import writable_copy

KEY = "bls-test-key-0123456789abcdef"
OCTOBER_2025_FOOTNOTE = {"code": "", "text": "Data unavailable due to the 2025 lapse in appropriations."}
THRESHOLD = (
    "Request could not be serviced, as the daily threshold for total number of requests allocated to the user has "
    "been reached."
)


def cached_series(raw_folder: Path) -> dict[str, dict[str, float]]:
    """Series id -> {'YYYY-MM': value} from the cached copies (the values the API would send)."""
    frames = [
        raw.read_points_json(raw_folder / raw.FRED_JSON, "unemploymentLevel", "unemploymentLevelSeriesId"),
        raw.read_fred_csv(raw_folder / raw.RATE_FILE),
        *(
            raw.read_points_json(raw_folder / file, key, series_key)
            for file, key, series_key, _ in raw.CACHED_EMPLOYER_SERIES
        ),
    ]
    every = pd.concat(frames, ignore_index=True)
    return {sid: dict(zip(group["month"], group["value"], strict=True)) for sid, group in every.groupby("series_id")}


class FakeBlsApi:
    """Answers like https://api.bls.gov/publicAPI/v2/timeseries/data/ for the cached series."""

    def __init__(
        self, series: dict[str, dict[str, float]], results_as_list: bool = False, october_as_dash: bool = True
    ):
        self.series = series
        self.results_as_list = results_as_list
        self.october_as_dash = october_as_dash
        self.bodies: list[dict] = []
        self.urls: list[str] = []

    def __call__(self, request):
        body = json.loads(request.body)
        self.bodies.append(body)
        self.urls.append(request.url)
        most_series, most_years = (50, 20) if body.get("registrationkey") else (25, 10)
        start, end = int(body["startyear"]), int(body["endyear"])
        messages = []
        if end - start + 1 > most_years:
            end = start + most_years - 1
            messages.append(f"Year range has been reduced to the system-allowed limit of {most_years} years.")
        if len(body["seriesid"]) > most_series:
            return (
                200,
                {},
                json.dumps(
                    {
                        "status": "REQUEST_NOT_PROCESSED",
                        "message": [f"Series limit of {most_series} exceeded."],
                        "Results": {},
                    }
                ),
            )
        answered = []
        for series_id in body["seriesid"]:
            values = self.series.get(series_id, {})
            data = []
            for month, value in sorted(values.items(), reverse=True):
                year, number = int(month[:4]), int(month[5:])
                if start <= year <= end:
                    data.append(
                        {
                            "year": str(year),
                            "period": f"M{number:02d}",
                            "periodName": calendar.month_name[number],
                            "value": f"{value:g}",
                            "footnotes": [{}],
                        }
                    )
            if series_id.startswith("LNU") and self.october_as_dash and start <= 2025 <= end and values:
                data.append(
                    {
                        "year": "2025",
                        "period": "M10",
                        "periodName": "October",
                        "value": "-",
                        "footnotes": [OCTOBER_2025_FOOTNOTE],
                    }
                )
                data.sort(key=lambda d: (d["year"], d["period"]), reverse=True)
            if not values:
                messages.append(f"Series does not exist for Series {series_id}")
            for year in range(start, end + 1):
                if values and not any(d["year"] == str(year) for d in data):
                    messages.append(f"No Data Available for Series {series_id} Year: {year}")
            if data:
                data[0]["latest"] = "true"
            answered.append({"seriesID": series_id, "data": data})
        results = {"series": answered}
        answer = {
            "status": "REQUEST_SUCCEEDED",
            "responseTime": 42,
            "message": messages,
            "Results": [results] if self.results_as_list else results,
        }
        return 200, {"Content-Type": "application/json"}, json.dumps(answer)


@pytest.fixture(scope="module")
def shared_bls(shared_sources: Path) -> Path:
    return shared_sources / "bls"


@pytest.fixture
def seeded(shared_bls: Path, tmp_path: Path, data_copy: Path) -> tuple[Path, Path]:
    """A raw root seeded from the shared sources (the layout `bls/raw/` + `bls/SOURCE.md`) and a copy of data/."""
    raw_root = tmp_path / "raw"
    writable_copy(shared_bls, raw_root / "bls")
    return raw_root, data_copy


def fast_client() -> fetch.Client:
    return fetch.Client(retries=1, backoff=0.0, sleep=lambda s: None, progress=False)


def run_fetch(raw_root: Path, data: Path, api: FakeBlsApi) -> None:
    with responses.RequestsMock() as mock:
        mock.add_callback(responses.POST, raw.API_URL, callback=api)
        fetch.fetch(["bls"], raw_root=raw_root, data_dir=data, client=fast_client())


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_committed_tables(data: Path) -> None:
    for table in tables.DATASET.tables:
        assert (data / table.filename).read_bytes() == (DATA_DIR / table.filename).read_bytes(), table.name


# --- the requests ------------------------------------------------------------------------------


def test_requests_stay_within_the_limits_with_and_without_a_key():
    without = raw.api_requests(with_key=False, this_year=2026)
    assert [(s, a, b) for s, a, b in without if s == (raw.RATE_ID,)] == [
        ((raw.RATE_ID,), 2000, 2009),
        ((raw.RATE_ID,), 2010, 2019),
        ((raw.RATE_ID,), 2020, 2024),
    ]
    with_key = raw.api_requests(with_key=True, this_year=2026)
    assert [(a, b) for s, a, b in with_key if s == (raw.RATE_ID,)] == [(2000, 2019), (2020, 2024)]
    # Twelve years from 2019 need two requests without a key, one with.
    assert [(a, b) for s, a, b in raw.api_requests(False, 2030) if raw.LEVEL_ID in s] == [(2019, 2028), (2029, 2030)]
    assert [(a, b) for s, a, b in raw.api_requests(True, 2030) if raw.LEVEL_ID in s] == [(2019, 2030)]
    for with_key, (most_series, most_years) in ((False, raw.LIMITS_WITHOUT_KEY), (True, raw.LIMITS_WITH_KEY)):
        for series, start, end in raw.api_requests(with_key, 2026):
            assert len(series) <= most_series and end - start + 1 <= most_years


def test_a_long_series_list_is_split_into_chunks(monkeypatch):
    many = tuple(f"LNU0{n:07d}" for n in range(60))
    monkeypatch.setattr(raw, "API_REQUESTS", ((many, 2024, 2025),))
    assert [len(s) for s, _, _ in raw.api_requests(False, 2026)] == [25, 25, 10]
    assert [len(s) for s, _, _ in raw.api_requests(True, 2026)] == [50, 10]


def test_the_key_goes_in_the_body_only():
    plan = raw.remote({"BLS_API_KEY": KEY}, this_year=2026)
    downloads = [item for item in plan if isinstance(item, fetch.Download)]
    assert downloads and all(d.method == "POST" and d.url == raw.API_URL for d in downloads)
    assert all(d.json_body["registrationkey"] == KEY and KEY not in d.url and KEY not in d.filename for d in downloads)
    assert all(
        "registrationkey" not in d.json_body for d in raw.remote({}, this_year=2026) if isinstance(d, fetch.Download)
    )


# --- a good fetch ------------------------------------------------------------------------------


def test_a_fetch_without_a_key_reproduces_the_committed_tables(seeded, shared_bls: Path, monkeypatch, tmp_path: Path):
    raw_root, data = seeded
    monkeypatch.delenv("BLS_API_KEY", raising=False)
    api = FakeBlsApi(cached_series(shared_bls / "raw"))
    run_fetch(raw_root, data, api)
    assert_committed_tables(data)

    assert all(len(b["seriesid"]) <= 25 and int(b["endyear"]) - int(b["startyear"]) < 10 for b in api.bodies)
    assert all("registrationkey" not in b for b in api.bodies)
    folder = raw_root / "bls"
    assert not (folder / "raw").exists(), "data fetch writes the flat layout"
    assert {p.name for p in folder.glob("*.txt")} == {raw.A14_FILE, raw.A30_FILE}
    assert (folder / raw.NOTES_FILE).read_bytes() == (shared_bls / raw.NOTES_FILE).read_bytes()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert len(manifest["files"]) == len(api.bodies) == len(raw.api_files(folder))
    assert {e["url"] for e in manifest["files"]} == {raw.API_URL}

    # --offline: the same derivation from what the fetch left in data/raw gives the same bytes.
    offline = tmp_path / "offline-data"
    shutil.copytree(data, offline)
    datasets.build(raw_root, ["bls"], data_dir=offline)
    assert_committed_tables(offline)


def test_a_fetch_with_a_key_and_results_as_a_list(seeded, shared_bls: Path, monkeypatch, capfd):
    raw_root, data = seeded
    monkeypatch.setenv("BLS_API_KEY", KEY)
    api = FakeBlsApi(cached_series(shared_bls / "raw"), results_as_list=True, october_as_dash=False)
    run_fetch(raw_root, data, api)
    assert_committed_tables(data)
    assert [(b["startyear"], b["endyear"]) for b in api.bodies if b["seriesid"] == [raw.RATE_ID]] == [
        ("2000", "2019"),
        ("2020", "2024"),
    ]
    assert all(b["registrationkey"] == KEY for b in api.bodies)
    assert all(KEY not in url for url in api.urls)
    assert all(KEY.encode() not in content for content in snapshot(raw_root, data).values())
    out, err = capfd.readouterr()
    assert KEY not in out + err


# --- refusals ----------------------------------------------------------------------------------


def refusal(status: str, message: list[str]):
    return lambda request: (
        200,
        {},
        json.dumps({"status": status, "responseTime": 5, "message": message, "Results": {}}),
    )


def changed_series(raw_folder: Path, change) -> FakeBlsApi:
    series = cached_series(raw_folder)
    change(series)
    return FakeBlsApi(series)


FAULTS = {
    "daily threshold": (
        lambda raw_folder: refusal("REQUEST_NOT_PROCESSED", [THRESHOLD]),
        "BLS API status REQUEST_NOT_PROCESSED: Request could not be serviced",
    ),
    "invalid key, echoed": (
        lambda raw_folder: refusal("REQUEST_NOT_PROCESSED", [f"The key:{KEY} provided by the User is invalid."]),
        "The key:*** provided by the User is invalid.",
    ),
    "unknown series": (
        lambda raw_folder: changed_series(raw_folder, lambda s: s.pop(raw.LEVEL_ID)),
        f"no data for {raw.LEVEL_ID} (BLS API messages: Series does not exist for Series {raw.LEVEL_ID}",
    ),
    "year range cut": (
        lambda raw_folder: FakeBlsApi(cached_series(raw_folder)),
        "Year range has been reduced",
    ),
    "malformed JSON": (lambda raw_folder: lambda request: (200, {}, '{"status": "REQUEST_SUCC'), "malformed JSON"),
    "an unexplained month without data": (
        lambda raw_folder: changed_series(raw_folder, lambda s: s[raw.LAYOFFS_ID].pop("2024-05")),
        f"{raw.LAYOFFS_ID} has no observation for 2024-05 and no known reason",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_refusal_is_one_line_quoting_the_api_and_leaves_the_cache_untouched(
    seeded, shared_bls: Path, monkeypatch, fault: str
):
    raw_root, data = seeded
    make, expected = FAULTS[fault]
    monkeypatch.setenv("BLS_API_KEY", KEY)
    if fault == "year range cut":
        # Ask for more years than a request may hold: the API answers, shortened, with a message.
        monkeypatch.setattr(raw, "LIMITS_WITH_KEY", (50, 25))
    before = snapshot(raw_root, data)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add_callback(responses.POST, raw.API_URL, callback=make(shared_bls / "raw"))
        with pytest.raises(fetch.FetchError) as error:
            fetch.fetch(["bls"], raw_root=raw_root, data_dir=data, client=fast_client())
    message = str(error.value)
    assert "\n" not in message and message.startswith(f"bls: {raw.API_URL}")
    assert expected in message
    assert KEY not in message
    assert snapshot(raw_root, data) == before
    assert not list(raw_root.glob(".incoming-*"))


def test_a_first_fetch_without_the_transcriptions_says_why_they_are_needed(
    tmp_path: Path, shared_bls: Path, monkeypatch
):
    monkeypatch.delenv("BLS_API_KEY", raising=False)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add_callback(responses.POST, raw.API_URL, callback=FakeBlsApi(cached_series(shared_bls / "raw")))
        with pytest.raises(
            fetch.FetchError, match=r"bls: no files matching bls_empsit_tableA14.*transcribed from stored copies"
        ):
            fetch.fetch(["bls"], raw_root=tmp_path / "raw", data_dir=tmp_path / "data", client=fast_client())


# --- the derivation reads both shapes ----------------------------------------------------------


def test_october_2025_is_a_known_gap_whether_absent_or_a_dash(seeded, shared_bls: Path, monkeypatch):
    raw_root, data = seeded
    monkeypatch.delenv("BLS_API_KEY", raising=False)
    run_fetch(raw_root, data, FakeBlsApi(cached_series(shared_bls / "raw"), october_as_dash=True))
    answers = [json.loads(p.read_text()) for p in raw.api_files(raw_root / "bls")]
    dashes = [d for a in answers for s in a["Results"]["series"] for d in s["data"] if d["value"] == "-"]
    assert {(d["year"], d["period"]) for d in dashes} == {("2025", "M10")}
    unemployed = tables.derive(raw_root / "bls")[tables.UNEMPLOYED.name].set_index("month")
    assert pd.isna(unemployed.loc["2025-10", "unemployed_thousands"])
    assert unemployed.loc["2025-10", "gap"] == monthly_series.SHUTDOWN_GAP


def test_api_files_take_precedence_and_a_series_answered_twice_is_an_error(seeded, shared_bls: Path, monkeypatch):
    raw_root, data = seeded
    monkeypatch.delenv("BLS_API_KEY", raising=False)
    run_fetch(raw_root, data, FakeBlsApi(cached_series(shared_bls / "raw")))
    folder = raw_root / "bls"
    first = raw.api_files(folder)[0]
    shutil.copy(first, folder / f"{raw.API_FILE_PREFIX}copy.json")
    with pytest.raises(Exception, match=r"is answered twice"):
        tables.derive(folder)
