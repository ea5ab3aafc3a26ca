"""`data fetch` under faults: every failure leaves data/ and data/raw/ byte for byte as they were,
exits non-zero, and says in one line which dataset, which URL and what went wrong. No test
touches the network: `responses` refuses any request it was not told about."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import requests
import responses

from aiparadox import __main__ as cli
from aiparadox import datasets, fetch
from aiparadox.datapackage import DataError, Field, Source, Table, load

CSV_URL = "https://stats.example.org/files/toy.csv"
PUBLIC_DOMAIN = "Public domain (work of the U.S. federal government, 17 U.S.C. 105)"  # a statement datapackage knows
API_URL = "https://api.example.org/v2/timeseries/data/"
KEY = "s3cr3t-api-key-0123456789"

TOY = Table(
    name="toy_series",
    title="Toy series",
    description="A small series for the fetch tests",
    fields=(
        Field("year", "year", "Year", constraints={"required": True}),
        Field("value", "number", "A value", unit="thousands", constraints={"minimum": 0, "required": True}),
        Field("api_value", "number", "The same from the API", unit="thousands", constraints={"minimum": 0}),
    ),
    primary_key=("year",),
    sources=(Source("Toy", "Toy", "T1", CSV_URL, "2026-01-01", PUBLIC_DOMAIN, "test"),),
)


def check_api(payload: bytes) -> None:
    """Shaped like the BLS API v2: a status and a list of messages."""
    try:
        body = json.loads(payload)
    except json.JSONDecodeError as exc:
        raise DataError(f"the API answered with malformed JSON ({exc})") from None
    if body.get("status") != "REQUEST_SUCCEEDED":
        raise DataError(f"API status {body.get('status')}: {'; '.join(body.get('message', []))}")


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    frame = pd.read_csv(folder / "toy.csv")
    api = json.loads((folder / "api.json").read_text())["Results"]["series"][0]["data"]
    if not api:
        raise DataError("api.json: the series has no observations")
    by_year = {int(row["year"]): float(row["value"]) for row in api}
    frame["api_value"] = frame["year"].map(by_year)
    return {"toy_series": frame}


def remote(environ) -> list:
    body = {"seriesid": ["T1"]}
    if environ.get("BLS_API_KEY"):
        body["registrationkey"] = environ["BLS_API_KEY"]
    return [
        fetch.Download(CSV_URL, "toy.csv"),
        fetch.Download(API_URL, "api.json", method="POST", json_body=body, check=check_api),
        fetch.Keep("notes/*.txt", "transcribed notes are carried over"),
    ]


def api_body(values=((2024, 3.0), (2025, 5.0)), status="REQUEST_SUCCEEDED", message=()) -> str:
    data = [{"year": str(y), "period": "A01", "value": str(v)} for y, v in values]
    return json.dumps(
        {"status": status, "message": list(message), "Results": {"series": [{"seriesID": "T1", "data": data}]}}
    )


GOOD_CSV = "year,value\n2024,3\n2025,5\n"


@pytest.fixture
def toy(monkeypatch, tmp_path: Path):
    dataset = datasets.Dataset("toy", "Toy", (TOY,), derive, remote=remote)
    monkeypatch.setattr(datasets, "registry", lambda: {"toy": dataset})
    monkeypatch.setenv("BLS_API_KEY", KEY)
    raw, data = tmp_path / "raw", tmp_path / "data"
    (raw / "toy" / "notes").mkdir(parents=True)
    (raw / "toy" / "notes" / "note.txt").write_text("a transcribed note\n")
    with responses.RequestsMock() as mock:
        mock.get(CSV_URL, body=GOOD_CSV, headers={"ETag": '"v1"'})
        mock.post(API_URL, body=api_body())
        fetch.fetch(["toy"], raw_root=raw, data_dir=data, client=fast_client())
    return raw, data


def fast_client(sleeps: list | None = None) -> fetch.Client:
    return fetch.Client(retries=2, backoff=0.01, sleep=(sleeps.append if sleeps is not None else (lambda s: None)))


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_good_fetch_writes_tables_raw_files_and_a_manifest(toy):
    raw, data = toy
    assert load("toy_series", data_dir=data)["api_value"].tolist() == [3.0, 5.0]
    manifest = json.loads((raw / "toy" / "manifest.json").read_text())
    entry = manifest["files"][0]
    assert entry["url"] == CSV_URL and entry["status"] == 200 and entry["etag"] == '"v1"'
    assert entry["bytes"] == len(GOOD_CSV) and len(entry["sha256"]) == 64
    assert (raw / "toy" / "notes" / "note.txt").exists(), "transcribed files are carried over"
    assert not list(raw.glob(".incoming-*")) and not list(raw.glob(".previous-*"))


def test_the_user_agent_names_the_project_and_the_key_stays_in_the_body(toy):
    raw, data = toy
    with responses.RequestsMock() as mock:
        mock.get(CSV_URL, body=GOOD_CSV)
        mock.post(API_URL, body=api_body())
        fetch.fetch(["toy"], raw_root=raw, data_dir=data, client=fast_client())
        assert all("aiparadox-book" in call.request.headers["User-Agent"] for call in mock.calls)
        assert KEY not in mock.calls[1].request.url
        assert json.loads(mock.calls[1].request.body)["registrationkey"] == KEY
    assert all(KEY.encode() not in content for content in snapshot(raw, data).values())


def test_an_unchanged_file_is_not_downloaded_again(toy):
    raw, data = toy
    with responses.RequestsMock() as mock:
        mock.get(CSV_URL, status=304, match=[responses.matchers.header_matcher({"If-None-Match": '"v1"'})])
        mock.post(API_URL, body=api_body())
        fetch.fetch(["toy"], raw_root=raw, data_dir=data, client=fast_client())
    assert (raw / "toy" / "toy.csv").read_text() == GOOD_CSV


def test_a_server_error_is_retried_with_backoff(toy):
    raw, data = toy
    sleeps: list[float] = []
    with responses.RequestsMock() as mock:
        mock.get(CSV_URL, status=500)
        mock.get(CSV_URL, body=GOOD_CSV.replace("5\n", "6\n"))
        mock.post(API_URL, body=api_body())
        fetch.fetch(["toy"], raw_root=raw, data_dir=data, client=fast_client(sleeps))
    assert sleeps == [0.01]
    assert load("toy_series", data_dir=data)["value"].tolist() == [3.0, 6.0]


def test_too_many_requests_waits_as_told(toy):
    raw, data = toy
    sleeps: list[float] = []
    with responses.RequestsMock() as mock:
        mock.get(CSV_URL, status=429, headers={"Retry-After": "7"})
        mock.get(CSV_URL, body=GOOD_CSV)
        mock.post(API_URL, body=api_body())
        fetch.fetch(["toy"], raw_root=raw, data_dir=data, client=fast_client(sleeps))
    assert sleeps == [7.0]


FAULTS = {
    "timeout": (lambda m: m.get(CSV_URL, body=requests.exceptions.ConnectTimeout("timed out")), CSV_URL, "timeout"),
    "connection refused": (
        lambda m: m.get(CSV_URL, body=requests.exceptions.ConnectionError("[Errno 111] Connection refused")),
        CSV_URL,
        "Connection refused",
    ),
    "404": (lambda m: m.get(CSV_URL, status=404), CSV_URL, "HTTP 404"),
    "500 every time": (lambda m: m.get(CSV_URL, status=500), CSV_URL, "HTTP 500"),
    "429 every time": (lambda m: m.get(CSV_URL, status=429, headers={"Retry-After": "1"}), CSV_URL, "HTTP 429"),
    "truncated body": (
        lambda m: m.get(CSV_URL, body=GOOD_CSV[:12], headers={"Content-Length": str(len(GOOD_CSV))}),
        CSV_URL,
        "truncated",
    ),
    "malformed JSON": (
        lambda m: (m.get(CSV_URL, body=GOOD_CSV), m.post(API_URL, body='{"status": "REQUEST_SUCC')),
        API_URL,
        "malformed JSON",
    ),
    "API error status": (
        lambda m: (
            m.get(CSV_URL, body=GOOD_CSV),
            m.post(API_URL, body=api_body(status="REQUEST_NOT_PROCESSED", message=["Invalid key: " + KEY])),
        ),
        API_URL,
        "REQUEST_NOT_PROCESSED",
    ),
    "empty series": (
        lambda m: (m.get(CSV_URL, body=GOOD_CSV), m.post(API_URL, body=api_body(values=()))),
        CSV_URL,
        "no observations",
    ),
    "renamed column": (
        lambda m: (m.get(CSV_URL, body="year,amount\n2024,3\n"), m.post(API_URL, body=api_body())),
        CSV_URL,
        "columns do not match",
    ),
    "value out of range": (
        lambda m: (m.get(CSV_URL, body="year,value\n2024,3\n2025,-5\n"), m.post(API_URL, body=api_body())),
        CSV_URL,
        "minimum",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_leaves_every_cached_file_untouched(toy, fault: str, capsys):
    raw, data = toy
    register, url, cause = FAULTS[fault]
    before = snapshot(raw, data)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        register(mock)
        with pytest.raises(fetch.FetchError) as error:
            fetch.fetch(["toy"], raw_root=raw, data_dir=data, client=fast_client())
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith("toy: ") and url in message and cause in message
    assert KEY not in message
    assert snapshot(raw, data) == before
    assert not list(raw.glob(".incoming-*"))


def test_the_command_exits_non_zero_with_the_message(toy, monkeypatch, capsys):
    raw, data = toy
    real_client = fetch.Client
    monkeypatch.setattr(fetch, "Client", lambda: real_client(retries=0))
    monkeypatch.setattr(fetch, "DATA_DIR", data)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.get(CSV_URL, status=404)
        code = cli.main(["data", "fetch", "--dataset", "toy", "--raw", str(raw)])
    err = capsys.readouterr().err
    assert code != 0
    assert err.strip() == f"error: toy: {CSV_URL}: HTTP 404 Not Found"


def test_a_login_only_source_without_files_says_where_to_get_them(tmp_path: Path, monkeypatch):
    plan = [fetch.LocalFolder("TOP500_*.xls*", "download the lists from https://www.top500.org/lists/top500/")]
    dataset = datasets.Dataset("lists", "Lists", (TOY,), derive, remote=lambda env: plan)
    monkeypatch.setattr(datasets, "registry", lambda: {"lists": dataset})
    with pytest.raises(
        fetch.FetchError, match=r"lists: no files matching TOP500_\*\.xls\* in .*empty: download the lists"
    ):
        fetch.fetch(["lists"], raw_root=tmp_path / "raw", local_folders={"lists": tmp_path / "empty"})


def test_no_request_reaches_the_network_unannounced():
    with responses.RequestsMock(), pytest.raises(requests.exceptions.ConnectionError):
        requests.get("https://www.bls.gov/")
