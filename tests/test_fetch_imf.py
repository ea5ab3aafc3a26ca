"""`data fetch --dataset imf` against stand-ins for the IMF DataMapper API v1 and the workbook.

The indicator answers are rebuilt, in the DataMapper's own shape
(``{"values": {CODE: {AREA: {"2023": value}}}, "api": {"version": "1", ...}}``), from the values
of the third-party copy in ../shared/sources/imf; the /groups and /regions answers and the
workbook are served as stored. A fetch must reproduce the committed tables byte for byte; an
empty or null series, or a page in place of the workbook, must leave every cached file as it was.
No test touches the network."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
import responses

from aiparadox import datasets, fetch
from aiparadox.paths import DATA_DIR
from aiparadox.topics.imf import raw as imf_raw
from aiparadox.topics.imf import tables

from .conftest import writable_copy

API_BLOCK = {"version": "1", "output-method": "json"}


def indicator_answers(raw: Path, nulls_for_missing_composites: bool = False) -> dict[str, dict]:
    """One DataMapper answer per AIPI indicator, from the values of the stored copy."""
    long = imf_raw.futuregrid_as_long(raw / imf_raw.FUTUREGRID_FILE)
    answers = {}
    for code in imf_raw.AIPI_INDICATORS:
        rows = long.loc[long["indicator"] == code]
        areas = {
            area: {str(year): (None if math.isnan(value) else value)}
            for area, year, value in zip(rows["area"], rows["year"], rows["value"], strict=True)
        }
        if code == "AI_PI" and nulls_for_missing_composites:
            for area in sorted(set(long["area"]) - set(areas)):
                areas[area] = {str(int(long["year"].iloc[0])): None}
        answers[code] = {"values": {code: areas}, "api": API_BLOCK}
    return answers


@pytest.fixture(scope="module")
def shared_imf(shared_sources: Path) -> Path:
    return shared_sources / "imf"


@pytest.fixture
def seeded(shared_imf: Path, tmp_path: Path, data_copy: Path) -> tuple[Path, Path]:
    raw_root = tmp_path / "raw"
    writable_copy(shared_imf, raw_root / "imf")
    return raw_root, data_copy


def register(mock: responses.RequestsMock, raw: Path, answers: dict[str, dict] | None = None, **replace) -> None:
    answers = answers or indicator_answers(raw)
    for code in imf_raw.AIPI_INDICATORS:
        body = replace.get(code, json.dumps(answers[code]))
        mock.get(imf_raw.datamapper_url(code), body=body, content_type="application/json")
    mock.get(
        f"{imf_raw.DATAMAPPER_API}/groups", body=replace.get("groups", (raw / imf_raw.GROUPS_RESPONSE).read_bytes())
    )
    mock.get(f"{imf_raw.DATAMAPPER_API}/regions", body=(raw / imf_raw.REGIONS_RESPONSE).read_bytes())
    mock.get(imf_raw.WORKBOOK_URL, body=replace.get("workbook", (raw / imf_raw.WORKBOOK_FILE).read_bytes()))


def fast_client() -> fetch.Client:
    return fetch.Client(retries=1, backoff=0.0, sleep=lambda s: None, progress=False)


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_committed_tables(data: Path) -> None:
    for table in tables.DATASET.tables:
        assert (data / table.filename).read_bytes() == (DATA_DIR / table.filename).read_bytes(), table.name


def test_the_plan_asks_the_imf_itself():
    plan = imf_raw.remote({})
    urls = [item.url for item in plan if isinstance(item, fetch.Download)]
    assert urls == [
        "https://www.imf.org/external/datamapper/api/v1/AIPI/AI_PI",
        "https://www.imf.org/external/datamapper/api/v1/AIPI/DI",
        "https://www.imf.org/external/datamapper/api/v1/AIPI/HCLMP",
        "https://www.imf.org/external/datamapper/api/v1/AIPI/IEI",
        "https://www.imf.org/external/datamapper/api/v1/AIPI/RE",
        "https://www.imf.org/external/datamapper/api/v1/groups",
        "https://www.imf.org/external/datamapper/api/v1/regions",
        "https://www.imf.org/external/datamapper/aipidata.xlsx",
    ]
    assert [item.pattern for item in plan if isinstance(item, fetch.Keep)] == ["page_*.txt"]


@pytest.mark.parametrize("nulls", [False, True], ids=["composite absent", "composite null"])
def test_a_fetch_reproduces_the_committed_tables(seeded, shared_imf: Path, nulls: bool, tmp_path: Path):
    raw_root, data = seeded
    raw = shared_imf / "raw"
    with responses.RequestsMock() as mock:
        register(mock, raw, indicator_answers(raw, nulls_for_missing_composites=nulls))
        fetch.fetch(["imf"], raw_root=raw_root, data_dir=data, client=fast_client())
    assert_committed_tables(data)
    folder = raw_root / "imf"
    assert sorted(p.name for p in folder.glob("page_*.txt")) == sorted(p.name for p in raw.glob("page_*.txt"))
    assert not (folder / imf_raw.FUTUREGRID_FILE).exists(), "the third-party copy is not carried over"
    assert (folder / imf_raw.FETCHED_WORKBOOK).read_bytes() == (raw / imf_raw.WORKBOOK_FILE).read_bytes()
    assert len(json.loads((folder / "manifest.json").read_text())["files"]) == 8

    offline = tmp_path / "offline-data"
    shutil.copytree(data, offline)
    datasets.build(raw_root, ["imf"], data_dir=offline)
    assert_committed_tables(offline)


def test_the_latest_year_with_a_composite_is_used_and_older_values_are_not(seeded, shared_imf: Path):
    raw_root, data = seeded
    raw = shared_imf / "raw"
    answers = indicator_answers(raw)
    for code, answer in answers.items():
        for series in answer["values"][code].values():
            series["2022"] = 0.01  # an older vintage: must not replace or fill anything
    with responses.RequestsMock() as mock:
        register(mock, raw, answers)
        fetch.fetch(["imf"], raw_root=raw_root, data_dir=data, client=fast_client())
    assert_committed_tables(data)


def null_series(code: str):
    def make(raw: Path) -> dict:
        answer = indicator_answers(raw)[code]
        answer["values"][code] = {area: dict.fromkeys(years) for area, years in answer["values"][code].items()}
        return {code: json.dumps(answer)}

    return make


FAULTS = {
    "empty answer": (
        lambda raw: {"RE": json.dumps({"api": API_BLOCK})},
        imf_raw.datamapper_url("RE"),
        "the answer has no 'values'",
    ),
    "null series": (null_series("DI"), imf_raw.datamapper_url("DI"), "every value of DI is null"),
    "series that is null itself": (
        lambda raw: {"HCLMP": json.dumps({"values": {"HCLMP": None}, "api": API_BLOCK})},
        imf_raw.datamapper_url("HCLMP"),
        "values of HCLMP are not an object of areas",
    ),
    "another indicator": (
        lambda raw: {"IEI": json.dumps(indicator_answers(raw)["RE"])},
        imf_raw.datamapper_url("IEI"),
        "asked for IEI, the DataMapper answered ['RE']",
    ),
    "groups without groups": (
        lambda raw: {"groups": json.dumps({"api": API_BLOCK})},
        f"{imf_raw.DATAMAPPER_API}/groups",
        "no 'groups' object",
    ),
    "a web page instead of the workbook": (
        lambda raw: {"workbook": b"<!DOCTYPE html><html><body>Page not found</body></html>"},
        imf_raw.WORKBOOK_URL,
        "not an .xlsx workbook",
    ),
    "a composite its sub-indices do not add up to": (
        lambda raw: {
            "AI_PI": json.dumps(indicator_answers(raw)["AI_PI"]).replace('"USA": {"2023": 0.77', '"USA": {"2023": 0.87')
        },
        imf_raw.datamapper_url("AI_PI"),
        "the four sub-indices do not add up to AI_PI (e.g. USA",
    ),
    "a value the workbook contradicts": (
        # Halved everywhere, so the sub-indices still add up: only the workbook can catch it.
        lambda raw: {
            code: json.dumps(_halve(indicator_answers(raw)[code], code, "FRA")) for code in imf_raw.AIPI_INDICATORS
        },
        imf_raw.datamapper_url("AI_PI"),
        "FRA AI_PI is 0.348",
    ),
}


def _with_literal(raw: Path, code: str, area: str, literal: str) -> dict:
    """The answer for ``code`` with ``area``'s value written as a bare JSON ``literal`` (NaN, Infinity)."""
    answer = indicator_answers(raw)[code]
    answer["values"][code][area] = dict.fromkeys(answer["values"][code][area], "__LITERAL__")
    return {code: json.dumps(answer).replace('"__LITERAL__"', literal)}


FAULTS["a bare NaN"] = (
    lambda raw: _with_literal(raw, "RE", "DEU", "NaN"),
    imf_raw.datamapper_url("RE"),
    "RE/DEU/2023 is nan, not a number",
)
FAULTS["a bare Infinity"] = (
    lambda raw: _with_literal(raw, "DI", "DEU", "Infinity"),
    imf_raw.datamapper_url("DI"),
    "DI/DEU/2023 is inf, not a number",
)


def _halve(answer: dict, code: str, area: str) -> dict:
    answer["values"][code][area] = {year: value / 2 for year, value in answer["values"][code][area].items()}
    return answer


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_leaves_the_cache_untouched(seeded, shared_imf: Path, fault: str):
    raw_root, data = seeded
    make, url, cause = FAULTS[fault]
    raw = shared_imf / "raw"
    before = snapshot(raw_root, data)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        register(mock, raw, **make(raw))
        with pytest.raises(fetch.FetchError) as error:
            fetch.fetch(["imf"], raw_root=raw_root, data_dir=data, client=fast_client())
    message = str(error.value)
    assert "\n" not in message and message.startswith("imf: ") and url in message and cause in message
    assert snapshot(raw_root, data) == before
