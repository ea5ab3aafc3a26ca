"""`data fetch --dataset extra` against stand-ins for the EIA and Our World in Data.

The EIA table, the OWID codebook and the Huberman-Minns file are served as stored in
../shared/sources/extra. OWID's energy data and working-hours export are published whole (every
country, every year) while the shared folder holds excerpts: the stand-ins rebuild the whole
files' shape from the excerpts, adding rows the table must not take (other countries, years with
no electricity data, labelled as such below). A fetch must reproduce the committed tables byte for
byte; a renamed column must leave every cached file as it was. No test touches the network."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import responses

from aiparadox import datasets, fetch
from aiparadox.datapackage import DataError
from aiparadox.paths import DATA_DIR
from aiparadox.topics.scale import raw as scale_raw
from aiparadox.topics.scale import tables as scale_tables
from aiparadox.topics.scale import working_hours

from .conftest import writable_copy


def whole_energy_file(owid: Path) -> str:
    """The excerpt's header and US rows, plus rows shaped like the rest of OWID's file: US years
    before 1985 without electricity data, and another country (values copied, not real)."""
    rows = list(csv.reader(io.StringIO((owid / scale_raw.OWID_ENERGY_EXCERPT).read_text(encoding="utf-8"))))
    header, us = rows[0], [r for r in rows[1:] if r]
    year = header.index("year")
    early = [["United States", str(y), "USA"] + [""] * (len(header) - 3) for y in range(1965, 1985)]
    other = [["Elsewhere (test row)", r[year], ""] + r[3:] for r in us]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *other, *early, *us])
    return out.getvalue()


def whole_hours_export(owid: Path) -> str:
    """OWID's export shape: one header, every country; the two excerpts together, plus a country
    with Penn World Table years that the table does not take (values copied, not real)."""
    main = (owid / scale_raw.ANNUAL_HOURS_FILE).read_text(encoding="utf-8").splitlines()
    hm = (owid / scale_raw.ANNUAL_HOURS_HM_FILE).read_text(encoding="utf-8").splitlines()[1:]
    pwt_years = [line for line in main[1:] if line.startswith("United States") and int(line.split(",")[2]) >= 1950]
    extra = [line.replace("United States,USA", "Elsewhere (test row),ELS") for line in pwt_years]
    lines = [main[0], *dict.fromkeys([*hm, *main[1:]]), *extra]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def shared_extra(shared_sources: Path) -> Path:
    return shared_sources / "extra"


@pytest.fixture
def seeded(shared_extra: Path, tmp_path: Path, data_copy: Path) -> tuple[Path, Path]:
    raw_root = tmp_path / "raw"
    writable_copy(shared_extra, raw_root / "extra")
    return raw_root, data_copy


def register(mock: responses.RequestsMock, raw: Path, **replace) -> None:
    owid = raw / "owid"
    bodies = {
        "mer": (raw / "eia" / scale_raw.MER_FILE).read_bytes(),
        "energy": whole_energy_file(owid),
        "codebook": (owid / scale_raw.OWID_CODEBOOK_FILE).read_bytes(),
        "hm": (owid / scale_raw.HM_FILE).read_bytes(),
        "hours": whole_hours_export(owid),
    } | replace
    urls = {
        "mer": scale_raw.MER_URL,
        "energy": scale_raw.OWID_ENERGY_URL,
        "codebook": scale_raw.OWID_CODEBOOK_URL,
        "hm": scale_raw.HM_URL,
        "hours": scale_raw.ANNUAL_HOURS_URL,
    }
    for key, url in urls.items():
        mock.get(
            url,
            body=bodies[key],
            content_type="text/csv",
            match=[responses.matchers.query_string_matcher(url.partition("?")[2])],
        )


def fast_client() -> fetch.Client:
    return fetch.Client(retries=1, backoff=0.0, sleep=lambda s: None, progress=False)


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_committed_tables(data: Path) -> None:
    for table in scale_tables.DATASET.tables:
        assert (data / table.filename).read_bytes() == (DATA_DIR / table.filename).read_bytes(), table.name


def test_a_fetch_of_the_whole_published_files_reproduces_the_committed_tables(
    seeded, shared_extra: Path, tmp_path: Path
):
    raw_root, data = seeded
    with responses.RequestsMock() as mock:
        register(mock, shared_extra / "raw")
        fetch.fetch(["extra"], raw_root=raw_root, data_dir=data, client=fast_client())
    assert_committed_tables(data)
    folder = raw_root / "extra"
    assert (folder / "owid" / scale_raw.OWID_ENERGY_FILE).is_file() and not (
        folder / "owid" / scale_raw.OWID_ENERGY_EXCERPT
    ).exists()
    assert (folder / "owid" / scale_raw.ANNUAL_HOURS_FULL_FILE).is_file() and not (
        folder / "owid" / scale_raw.ANNUAL_HOURS_FILE
    ).exists()
    assert sorted(p.name for p in (folder / "news").glob("*.txt")) == sorted(
        p.name for p in (shared_extra / "raw" / "news").glob("*.txt")
    )
    manifest = json.loads((folder / "manifest.json").read_text())
    assert [e["filename"] for e in manifest["files"]] == [
        "eia/MER_T07_02A.csv",
        "owid/owid-energy-data.csv",
        "owid/owid-energy-codebook.csv",
        f"owid/{scale_raw.HM_FILE}",
        "owid/annual-working-hours-per-worker.csv",
    ]

    offline = tmp_path / "offline-data"
    shutil.copytree(data, offline)
    datasets.build(raw_root, ["extra"], data_dir=offline)
    assert_committed_tables(offline)


def test_the_export_must_have_both_key_countries(tmp_path: Path, shared_extra: Path):
    text = whole_hours_export(shared_extra / "raw" / "owid")
    path = tmp_path / scale_raw.ANNUAL_HOURS_FULL_FILE
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("United Kingdom")) + "\n")
    with pytest.raises(DataError, match=r"annual-working-hours-per-worker.csv: no rows for \['United Kingdom'\]"):
        working_hours.annual_hours_from_export(path)


def renamed(key: str, old: str, new: str):
    def make(raw: Path) -> dict:
        owid = raw / "owid"
        text = {
            "mer": lambda: (raw / "eia" / scale_raw.MER_FILE).read_text(encoding="utf-8"),
            "energy": lambda: whole_energy_file(owid),
            "hours": lambda: whole_hours_export(owid),
            "hm": lambda: (owid / scale_raw.HM_FILE).read_text(encoding="utf-8"),
        }[key]()
        header, rest = text.split("\n", 1)
        return {key: header.replace(old, new) + "\n" + rest}

    return make


FAULTS = {
    "EIA column renamed": (
        renamed("mer", '"Value"', '"Data_Value"'),
        scale_raw.MER_URL,
        "lacks the column(s) ['Value']",
    ),
    "OWID energy column renamed": (
        renamed("energy", ",electricity_generation,", ",electricity_generation_twh,"),
        scale_raw.OWID_ENERGY_URL,
        "lacks the column(s) ['electricity_generation']",
    ),
    "OWID hours column renamed": (
        renamed("hours", "Average annual working hours per worker", "Annual working hours per worker"),
        scale_raw.ANNUAL_HOURS_URL,
        "lacks the column(s) ['Average annual working hours per worker']",
    ),
    "Huberman-Minns column renamed": (
        renamed("hm", "Numbers of days off", "Number of days off"),
        scale_raw.HM_URL,
        "lacks the column(s) ['Numbers of days off (Huberman and Minns (2007))']",
    ),
    "a web page instead of the EIA table": (
        lambda raw: {"mer": "<!DOCTYPE html>\n<html><title>Maintenance</title></html>\n"},
        scale_raw.MER_URL,
        "lacks the column(s)",
    ),
    "an extra column in the hours export": (
        renamed("hours", "Entity,Code,Year,", "Entity,Code,Year,World region,"),
        scale_raw.ANNUAL_HOURS_URL,
        "expected four columns",
    ),
    "a unit changed in the codebook": (
        lambda raw: {
            "codebook": (raw / "owid" / scale_raw.OWID_CODEBOOK_FILE)
            .read_text(encoding="utf-8")
            .replace(
                "electricity_generation,Total electricity generation - Measured in terawatt-hours.,terawatt-hours",
                "electricity_generation,Total electricity generation - Measured in gigawatt-hours.,gigawatt-hours",
            )
        },
        scale_raw.OWID_CODEBOOK_URL,
        "electricity_generation is in 'gigawatt-hours'",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_leaves_the_cache_untouched(seeded, shared_extra: Path, fault: str):
    raw_root, data = seeded
    make, url, cause = FAULTS[fault]
    before = snapshot(raw_root, data)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        register(mock, shared_extra / "raw", **make(shared_extra / "raw"))
        with pytest.raises(fetch.FetchError) as error:
            fetch.fetch(["extra"], raw_root=raw_root, data_dir=data, client=fast_client())
    message = str(error.value)
    assert "\n" not in message and message.startswith("extra: ") and url in message and cause in message
    assert snapshot(raw_root, data) == before
