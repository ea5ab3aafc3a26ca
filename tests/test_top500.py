"""TOP500: parsing the list exports and the accelerated shares."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from aiparadox import ledger, load
from aiparadox.datapackage import DataError
from aiparadox.topics import top500


@pytest.fixture(scope="module")
def raw(shared_sources: Path) -> Path:
    return shared_sources / "top500" / "raw"


def test_edition_comes_from_the_file_name():
    assert top500.edition_of(Path("TOP500_201106.xls")) == "2011-06"
    with pytest.raises(DataError, match="not a TOP500 list export"):
        top500.edition_of(Path("top500.xlsx"))


def test_accelerator_names_are_cleaned_of_invisible_characters():
    assert top500.clean_accelerator("NVIDIA A100 80GB\u200b") == "NVIDIA A100 80GB"
    assert top500.clean_accelerator("  ") is None
    assert top500.clean_accelerator(float("nan")) is None


def test_header_row_is_found_not_assumed(raw: Path, tmp_path: Path):
    # Put two lines of preamble above the header of a real list: the parser must still find it.
    frame = pd.read_excel(raw / "TOP500_202511.xlsx", header=None, engine="calamine")
    preamble = pd.DataFrame([["TOP500 list", *[None] * (frame.shape[1] - 1)], [None] * frame.shape[1]])
    shifted = tmp_path / "TOP500_202511.xlsx"
    pd.concat([preamble, frame]).to_excel(shifted, header=False, index=False)
    parsed = top500.systems(shifted)
    assert len(parsed) == 500 and parsed["rank"].iloc[0] == 1


def test_both_excel_formats_and_units(raw: Path):
    old, new = top500.systems(raw / "TOP500_201611.xls"), top500.systems(raw / "TOP500_201706.xls")
    # TaihuLight: 93,014,593.88 GFlop/s in 2016-11 and 93,014.594 TFlop/s in 2017-06 (SOURCE.md).
    assert old.loc[old["rank"] == 1, "rmax_tflops"].iloc[0] == pytest.approx(93014.594, rel=1e-6)
    assert new.loc[new["rank"] == 1, "rmax_tflops"].iloc[0] == pytest.approx(93014.594, rel=1e-6)
    xlsx = top500.systems(raw / "TOP500_202006.xlsx")
    assert len(xlsx) == 500


def test_lists_without_accelerator_column_give_missing_not_zero(raw: Path):
    table = top500.accelerator_shares(top500.systems(raw / "TOP500_201011.xls"))
    assert table["n_accelerated"].isna().all()


def test_accelerator_name_decides_not_cores(raw: Path):
    # 2019-11: "Marconi Intel Xeon Phi" has 204,000 accelerator cores but no accelerator name.
    systems = top500.systems(raw / "TOP500_201911.xls")
    assert systems["accelerator"].notna().sum() == 145


def test_published_counts_are_reproduced():
    table = load("top500_accelerators").set_index("edition")
    # Counts stated on top500.org highlights pages (SOURCE.md section 5).
    assert table.loc["2018-06", "n_accelerated"] == 110
    assert table.loc["2018-11", "n_accelerated"] == 138
    assert table.loc["2019-11", "n_accelerated"] == 145
    assert table.loc["2020-06", "n_accelerated"] == 146
    assert table.loc["2025-11", "share_accelerated_rmax"] == pytest.approx(0.8678, abs=1e-4)


def test_a_folder_without_lists_is_a_clear_error(tmp_path: Path):
    with pytest.raises(DataError, match="no TOP500 list exports"):
        top500.all_systems(tmp_path)


def test_a_damaged_workbook_is_a_clear_error(raw: Path, tmp_path: Path):
    broken = tmp_path / "TOP500_202511.xlsx"
    broken.write_bytes((raw / "TOP500_202511.xlsx").read_bytes()[:5000])
    with pytest.raises(DataError, match="TOP500_202511.xlsx: cannot be read"):
        top500.systems(broken)


def test_c08_verdict_follows_the_data(monkeypatch):
    assert ledger.assess("C08").verdict == "wrong"
    # Were the whole list really 10% then and 90% now, the same code would call the claim accurate.
    table = load("top500_accelerators").copy()
    table.loc[table["edition"] == top500.CLAIM_THEN, "share_accelerated_count"] = 0.11
    table.loc[table["edition"] == top500.CLAIM_NOW, "share_accelerated_count"] = 0.89
    monkeypatch.setattr("aiparadox.datapackage.load", lambda name, data_dir=None: table)
    assert ledger.assess("C08").verdict == "accurate"


def test_shares_chart_marks_the_claim_and_describes_itself():
    table = load("top500_accelerators")
    spec = top500.shares_chart(table).to_dict()
    values = next(iter(spec["datasets"].values()))
    claimed = [v for v in values if v["measure"] == top500.CLAIM_SERIES]
    assert [v["share"] for v in claimed] == [top500.CLAIMED_SHARE_THEN, top500.CLAIMED_SHARE_NOW]
    latest = table.iloc[-1]
    description = top500.shares_description(table)
    assert f"{latest['share_accelerated_count']:.0%}" in description
    assert latest["edition"] in description
